// The polling table: a provisional voter's code is drawn in this browser; the
// form sends only its public credential, and the code is shown for her alone.
import { makeCredentials } from "./votecore.js";

const form = document.getElementById("provisional");
const electionId = JSON.parse(document.getElementById("election-id").textContent);

form?.querySelector('[data-action="draw"]').addEventListener("click", () => {
  const [[code, credential]] = makeCredentials(electionId, 1);
  form.elements.credential.value = credential;
  form.querySelector("[data-code]").textContent = code;
});
