// The voting booth: the code stays on this device, the ballot is encrypted and
// proved here (votecore.js), then cast or audited. Every word the voter reads comes
// from the page (its <template data-text> elements, translated by Django), so the
// booth speaks the page's language; votecore.js's own errors are never shown.
import {
  ALPHABET,
  CODE_LENGTH,
  auditRecord,
  castBallot,
  checkAudit,
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
// The encrypted ballot with the choices it was made for; its credential is the
// code's it was made with. Changing the code or a choice discards it.
let pending = null; // {ballot, randomness, choices}
let generation = 0; // a ballot still being encrypted when the booth changed is dropped

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

function typedCode() {
  return form.elements.code.value.replace(/\s+/g, "");
}

// The ballot may be cast only under the code and choices in the booth now: one
// encrypted under another code (a voter who walked away) or another choice is
// never sent.
function pendingMatchesBooth() {
  if (!pending) return false;
  const code = typedCode();
  if (!codeLooksRight(code)) return false;
  const same = JSON.stringify(pending.choices) === JSON.stringify(choices());
  return same && pending.ballot.credential === publicCredential(election.params.id, code);
}

// Whatever was encrypted or opened for audit goes when the code or a choice changes.
function discardBallot() {
  pending = null;
  generation += 1;
  step("review").querySelector("[data-tracker]").textContent = "";
  step("audited").querySelector("[data-audit]").value = "";
  show("");
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
  const code = typedCode();
  const picked = choices();
  if (!code) return (error.textContent = text("no-code"));
  if (!codeLooksRight(code)) return (error.textContent = text("bad-code"));
  if (!picked[0].some(Boolean)) return (error.textContent = text("no-choice"));
  const button = form.querySelector("[data-action=encrypt]");
  button.disabled = true;
  button.textContent = text("working");
  const started = generation;
  // Let the page paint "Encrypting…" before the work starts.
  setTimeout(async () => {
    try {
      const replaces = await lastTracker(code);
      const { ballot, randomness } = castBallot(election, code, picked, replaces);
      if (started !== generation) return; // the booth changed or was cleared meanwhile
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
  sayWhatTheAuditShows(record);
  pending = null;
  show("audited");
  if (kiosk) forgetVoter(); // the record stays to be checked, until the booth clears
});

// The booth re-encrypts the revealed choices with the revealed randomness and
// compares with the ballot's ciphertexts, then says in words what the ballot said.
function sayWhatTheAuditShows(record) {
  const verdict = step("audited").querySelector("[data-audit-verdict]");
  let choices;
  try {
    choices = checkAudit(election, record);
  } catch (e) {
    console.warn(e);
    verdict.className = "alert alert-danger";
    verdict.textContent = text("audit-bad");
    return;
  }
  const said = election.params.questions.map((question, q) => {
    const picked = question.answers.filter((_answer, a) => choices[q][a] === 1);
    return picked.length ? picked.join(", ") : text("audit-blank");
  });
  verdict.className = "alert alert-success";
  verdict.textContent = text("audit-ok").replace("{choices}", said.join("; "));
}

form.querySelector("[data-action=cast]").addEventListener("click", async () => {
  if (!pendingMatchesBooth()) {
    discardBallot();
    error.textContent = text("changed");
    return;
  }
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
    const link = done.querySelector("[data-board-link]");
    if (link) link.href = `${form.dataset.boardUrl}?tracker=${encodeURIComponent(answer.tracker)}`;
    lock(true);
    show("done");
    pending = null;
    if (kiosk) {
      forgetVoter();
      countDown(Number(form.dataset.receipt)); // the receipt, for her eyes, then gone
    }
  } finally {
    button.disabled = false;
  }
});

// Any change to the code or the choices after encrypting discards the ballot.
form.addEventListener("input", (event) => {
  if (!event.target.matches("#code, input[name=answer]")) return;
  if (pending) {
    discardBallot();
    error.textContent = text("changed");
  } else if (kiosk) {
    discardBallot(); // an audited ballot is not left for the next voter to read
  } else {
    generation += 1; // a ballot being encrypted meanwhile is for other choices
  }
});

// --- The polling station's kiosk --------------------------------------------
// One device, many voters: nothing one leaves behind may reach the next. The
// booth forgets everything after a cast, after an audit, on "Cancel", when the
// page is left, and after an idle time counted down on screen.

const codeInput = form.elements.code;

// A letter's QR code opens the booth with the code in the link's fragment, which
// the browser never sends to the server; it leaves the address bar at once. A
// shared kiosk takes no code from a link.
const fromLetter = new URLSearchParams(location.hash.slice(1)).get("code");
if (fromLetter && !kiosk) {
  codeInput.value = fromLetter;
  history.replaceState(null, "", location.pathname + location.search);
}

function forgetVoter() {
  codeInput.value = "";
  for (const box of form.querySelectorAll("input[name=answer]")) box.checked = false;
  maskCode(true);
}

function clearBooth() {
  forgetVoter();
  discardBallot();
  for (const part of form.querySelectorAll("[data-tracker], [data-tracker-full]")) part.textContent = "";
  error.textContent = "";
  lock(false);
  stopCountDown();
  window.scrollTo(0, 0);
}

function maskCode(masked) {
  const toggle = form.querySelector("[data-action=show-code]");
  if (!toggle) return;
  codeInput.type = masked ? "password" : "text";
  toggle.setAttribute("aria-pressed", String(!masked));
  toggle.textContent = text(masked ? "show" : "hide");
}

const warning = form.querySelector("[data-idle-warning]");
let deadline = null; // when the booth clears itself (ms), while a countdown runs
let ticker = null;

function countDown(seconds) {
  deadline = Date.now() + seconds * 1000;
  if (!ticker) ticker = setInterval(tick, 250);
  tick();
}

function stopCountDown() {
  clearInterval(ticker);
  ticker = null;
  deadline = null;
  warning.hidden = true;
}

function tick() {
  const left = Math.ceil((deadline - Date.now()) / 1000);
  if (left <= 0) return clearBooth();
  warning.hidden = left > Number(form.dataset.warning) && step("done").hidden;
  warning.querySelector("[data-seconds]").textContent = String(left);
}

// Someone is at the booth: the idle time starts again (the receipt's does not).
function stillHere() {
  if (step("done").hidden) countDown(Number(form.dataset.idle));
}

if (kiosk) {
  for (const name of ["pointerdown", "keydown", "input", "touchstart"]) {
    document.addEventListener(name, stillHere, { passive: true });
  }
  form.querySelector("[data-action=clear]").addEventListener("click", clearBooth);
  form.querySelector("[data-action=show-code]").addEventListener("click", () => {
    maskCode(codeInput.type === "text");
  });
  // Left for another page or tab, or brought back from the history: forget all.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) clearBooth();
  });
  window.addEventListener("pageshow", clearBooth);
  document.addEventListener("contextmenu", (event) => event.preventDefault());
  clearBooth();
}
