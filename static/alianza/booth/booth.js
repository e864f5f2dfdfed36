// The voting booth: the code stays on this device, the ballot is encrypted and
// proved here (votecore.js), then cast or audited. Texts come from the page, so
// the booth speaks the page's language.
import { auditRecord, castBallot, electionFrom, publicCredential, tracker } from "./votecore.js";

const form = document.getElementById("booth");
const data = JSON.parse(document.getElementById("election-data").textContent);
const election = electionFrom(data.params, data.key);
const text = (name) => document.querySelector(`template[data-text="${name}"]`).innerHTML.trim();
const step = (name) => form.querySelector(`[data-step="${name}"]`);
const error = form.querySelector("[data-error]");
const kiosk = form.dataset.kiosk === "1";
let pending = null; // {ballot, randomness, choices}

function choices() {
  const answers = election.layouts[0].answers;
  const row = new Array(answers).fill(0);
  for (const box of form.querySelectorAll("input[name=answer]:checked")) row[Number(box.value)] = 1;
  return [row];
}

function show(name) {
  for (const section of form.querySelectorAll("[data-step=review], [data-step=audited], [data-step=done]")) {
    section.hidden = section.dataset.step !== name;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  error.textContent = "";
  const code = form.elements.code.value.trim();
  const picked = choices();
  if (!code) return (error.textContent = text("no-code"));
  if (!picked[0].some(Boolean)) return (error.textContent = text("no-choice"));
  const button = form.querySelector("[data-action=encrypt]");
  button.disabled = true;
  button.textContent = text("working");
  // Let the page paint "Encrypting…" before the work starts.
  setTimeout(async () => {
    try {
      const replaces = await lastTracker(code);
      const { ballot, randomness } = castBallot(election, code, picked, replaces);
      pending = { ballot, randomness, choices: picked };
      step("review").querySelector("[data-tracker]").textContent = tracker(ballot);
      show("review");
    } catch (e) {
      error.textContent = `${text("refused")} ${e.message}`;
    } finally {
      button.disabled = false;
      button.textContent = button.dataset.label || button.textContent;
    }
  }, 20);
});
// A re-vote names the credential's last ballot (votecore's chain, §6.5); the
// board is public, so the server says which one. Should it lie, the ballot
// cannot join the board and the voter's check of her last tracker shows it.
async function lastTracker(code) {
  const credential = publicCredential(election.params.id, code);
  const response = await fetch(`${form.dataset.ballotsUrl}/${credential}`);
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.detail || response.status);
  return answer.tracker;
}

form.querySelector("[data-action=encrypt]").dataset.label =
  form.querySelector("[data-action=encrypt]").textContent;

form.querySelector("[data-action=audit]").addEventListener("click", () => {
  const record = auditRecord(pending.ballot, pending.randomness, pending.choices);
  step("audited").querySelector("[data-audit]").value = JSON.stringify(record);
  pending = null;
  show("audited");
});

form.querySelector("[data-action=cast]").addEventListener("click", async () => {
  const button = form.querySelector("[data-action=cast]");
  button.disabled = true;
  try {
    const response = await fetch(form.dataset.ballotsUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(pending.ballot),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.detail || response.status);
    const done = step("done");
    done.querySelector("[data-tracker]").textContent = answer.tracker;
    done.querySelector("[data-board-link]").href =
      `${form.dataset.boardUrl}?tracker=${encodeURIComponent(answer.tracker)}`;
    show("done");
    pending = null;
    if (kiosk) {
      form.elements.code.value = "";
      for (const box of form.querySelectorAll("input[name=answer]")) box.checked = false;
      setTimeout(() => show(""), 15000); // the next voter starts afresh
    }
  } catch (e) {
    error.textContent = `${text("refused")} ${e.message}`;
  } finally {
    button.disabled = false;
  }
});
