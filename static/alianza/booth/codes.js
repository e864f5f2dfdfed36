// The credential authority's page for lost and stolen codes: its authority code
// and the worker's new code are made here and never sent; the forms post the
// public key and the signed replacement.
import { authorityKey, replaceCode } from "./replacement.js";
import { newSecret } from "./votecore.js";

const root = document.getElementById("codes");
const electionId = JSON.parse(document.getElementById("election-id").textContent);
const fingerprint = JSON.parse(document.getElementById("fingerprint").textContent);
const failed = root.querySelector('template[data-text="failed"]').innerHTML.trim();

const keyForm = root.querySelector('[data-form="key"]');
keyForm?.querySelector('[data-action="draw-key"]').addEventListener("click", () => {
  const code = newSecret();
  keyForm.elements.public_key.value = authorityKey(electionId, code);
  keyForm.querySelector("[data-code]").textContent = code;
});

const replaceForm = root.querySelector('[data-form="replace"]');
replaceForm?.querySelector('[data-action="replace"]').addEventListener("click", () => {
  const shown = replaceForm.querySelector("[data-code]");
  const code = document.getElementById("authority-code").value.trim();
  const old = document.getElementById("line").value;
  const reason = document.getElementById("reason").value;
  try {
    const made = replaceCode(electionId, fingerprint, code, old, reason);
    replaceForm.elements.replacement.value = JSON.stringify(made.payload);
    shown.textContent = made.code;
  } catch {
    shown.textContent = failed;
  }
});
