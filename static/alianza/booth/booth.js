// The voting booth: the code stays on this device, the ballot is encrypted and
// proved here (votecore.js), then cast or audited. Every word the voter reads comes
// from the page (its <template data-text> elements, translated by Django), so the
// booth speaks the page's language; votecore.js's own errors are never shown.
import {
  ALPHABET,
  CODE_LENGTH,
  auditRecord,
  castBallot,
  electionFrom,
  publicCredential,
  tracker,
} from "./votecore.js";

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

// A tracker a person can copy down: its first 16 characters in groups of four
// (the board finds a ballot by them); the whole value is one tap away.
const GROUP = 4;
const SHORT = 16;

function showTracker(section, value) {
  const groups = value.slice(0, SHORT).match(new RegExp(`.{1,${GROUP}}`, "g"));
  section.querySelector("[data-tracker]").textContent = groups.join(" ");
  const full = section.querySelector("[data-tracker-full]");
  if (full) full.textContent = value;
}

function codeLooksRight(code) {
  return code.length === CODE_LENGTH && [...code].every((ch) => ALPHABET.includes(ch));
}

// Once the ballot is cast nothing is left to press but "Check my ballot": the
// code, the choices and the buttons go away (a shared kiosk brings them back).
function lock(locked) {
  for (const part of form.querySelectorAll("[data-ballot]")) part.hidden = locked;
  error.hidden = locked;
}

function show(name) {
  for (const section of form.querySelectorAll("[data-step=review], [data-step=audited], [data-step=done]")) {
    section.hidden = section.dataset.step !== name;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  error.textContent = "";
  const code = form.elements.code.value.replace(/\s+/g, "");
  const picked = choices();
  if (!code) return (error.textContent = text("no-code"));
  if (!codeLooksRight(code)) return (error.textContent = text("bad-code"));
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
      showTracker(step("review"), tracker(ballot));
      show("review");
    } catch (e) {
      console.warn(e); // the technical reason, for whoever debugs; the voter reads words
      error.textContent = text("broken");
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
    let response;
    try {
      response = await fetch(form.dataset.ballotsUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(pending.ballot),
      });
    } catch (e) {
      console.warn(e);
      error.textContent = text("offline");
      return;
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      // The server's refusal is in the voter's language (it reads the page's).
      error.textContent = answer.detail ? `${text("refused")} ${answer.detail}` : text("broken");
      return;
    }
    error.textContent = "";
    const done = step("done");
    showTracker(done, answer.tracker);
    done.querySelector("[data-board-link]").href =
      `${form.dataset.boardUrl}?tracker=${encodeURIComponent(answer.tracker)}`;
    lock(true);
    show("done");
    pending = null;
    if (kiosk) {
      form.elements.code.value = "";
      for (const box of form.querySelectorAll("input[name=answer]")) box.checked = false;
      setTimeout(() => { // the next voter starts afresh
        lock(false);
        show("");
      }, 15000);
    }
  } finally {
    button.disabled = false;
  }
});
