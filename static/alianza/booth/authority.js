// The credential authority's page: the codes are made in this browser, and the
// letters and the SMS file too (letters.js); Alianza receives the public
// credentials, and codes only when she has it send e-mails or SMS itself.
import { codesFile, layLetters, smsFile } from "./letters.js";
import { makeCredentials } from "./votecore.js";

const root = document.getElementById("authority");
const voters = JSON.parse(document.getElementById("voters").textContent);
const electionId = JSON.parse(document.getElementById("election-id").textContent);
const texts = JSON.parse(document.getElementById("delivery-texts").textContent);
const status = root.querySelector("[data-status]");
const text = (name) => root.querySelector(`template[data-text="${name}"]`).innerHTML.trim();
const button = (name) => root.querySelector(`[data-action="${name}"]`);
const csrf = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/)?.[1] || "";
let codes = null; // voter id -> [secret, public]

function post(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRFToken": decodeURIComponent(csrf) },
    body: JSON.stringify(body),
  });
}

button("make")?.addEventListener("click", () => {
  const pairs = makeCredentials(electionId, voters.length);
  codes = Object.fromEntries(voters.map((v, i) => [v.pk, pairs[i]]));
  button("save").disabled = false;
  button("make").disabled = true;
  status.textContent = text("made");
});

button("save")?.addEventListener("click", () => {
  const file = codesFile(voters, Object.fromEntries(voters.map((v) => [v.pk, codes[v.pk][0]])));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([file], { type: "text/csv" }));
  link.download = `codes-${root.dataset.uid}.csv`;
  link.click();
  button("publish").disabled = false;
});

button("publish")?.addEventListener("click", async () => {
  const credentials = Object.fromEntries(Object.entries(codes).map(([pk, pair]) => [pk, pair[1]]));
  const response = await post(root.dataset.credentialsUrl, { credentials });
  if (!response.ok) {
    status.textContent = `${text("failed")} ${(await response.json()).detail || ""}`;
    return;
  }
  button("publish").disabled = true;
  status.textContent = text("published");
  root.querySelector("[data-delivery]").hidden = false;
});

button("load")?.addEventListener("change", async (event) => {
  const rows = (await event.target.files[0].text()).trim().split("\n").slice(1);
  codes = {};
  for (const row of rows) {
    const cells = row.split(",");
    codes[cells[0]] = [cells[cells.length - 1], null];
  }
});

const secretCodes = () =>
  Object.fromEntries(Object.entries(codes || {}).map(([pk, pair]) => [pk, pair[0]]));

// Printed from this page: the letters are a part of it the print style shows alone.
const sheets = document.createElement("section");
sheets.className = "letters";
document.body.append(sheets);

button("letters").addEventListener("click", () => {
  if (!codes) return (status.textContent = text("no-codes"));
  const all = root.querySelector("[data-letters-all]").checked;
  const count = layLetters(sheets, texts, voters, secretCodes(), { all });
  status.textContent = text("letters").replace("{count}", String(count));
  if (count) window.print();
});

button("sms-file").addEventListener("click", () => {
  if (!codes) return (status.textContent = text("no-codes"));
  const file = smsFile(texts, voters, secretCodes());
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([file], { type: "text/csv" }));
  link.download = `sms-${root.dataset.uid}.csv`;
  link.click();
  status.textContent = text("sms-file").replace("{count}", String(file.trim().split("\n").length - 1));
});

// Alianza sends them: the server then sees the codes (and records that it did).
for (const method of ["email", "sms"]) {
  button(method).addEventListener("click", async () => {
    if (!codes) return (status.textContent = text("no-codes"));
    const response = await post(root.dataset.deliverUrl, { method, codes: secretCodes() });
    status.textContent = response.ok ? await response.text() : `${text("failed")} ${await response.text()}`;
  });
}
