// The credential authority delivers the codes herself: the letters are laid out
// in her browser for printing on Letter paper, and the SMS file is made there for
// a gateway she controls. The words come from the page (every language's letter
// and message with the worker's marks left in, delivery.texts_for_the_authority);
// the codes never leave this browser.
import { renderSVG } from "../../vendor/uqr-0.1.3/uqr.js";

const MARK = /\{(name|number|code)\}/g;

// One pass, so that a name holding "{code}" stays a name.
export function fill(template, worker, code) {
  const values = { name: worker.name, number: worker.worker_number || "—", code };
  return template.replace(MARK, (_match, key) => values[key]);
}

// The worker's language, or the election's first when the page has none of hers.
export function wordsFor(texts, worker) {
  return texts.languages[worker.language] || Object.values(texts.languages)[0];
}

// Letters go by default to the workers nobody can reach otherwise: no e-mail, no phone.
export function needsALetter(worker) {
  return !worker.email && !worker.phone;
}

export function boothLinkWithCode(texts, code) {
  return `${texts.booth}#code=${encodeURIComponent(code)}`;
}

// +E.164: the plus and the digits of the stored number (+52 645 111 2222).
export function e164(phone) {
  const digits = phone.replace(/\D/g, "");
  return digits ? `+${digits}` : "";
}

const csvCell = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

// A text a spreadsheet program would run as a formula (=HYPERLINK(…) in a name)
// gets a leading apostrophe, as every CSV Alianza exports (lib/table_export.py).
export const spreadsheetText = (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

// The secret codes file the authority saves and opens again to deliver them:
// voter,name,worker_number,code, after a byte-order mark (accents intact in Excel).
export function codesFile(voters, codes) {
  const lines = ["\ufeffvoter,name,worker_number,code"];
  for (const v of voters) {
    const cells = [String(v.pk), spreadsheetText(v.name), spreadsheetText(v.worker_number || ""), codes[v.pk]];
    lines.push(cells.map(csvCell).join(","));
  }
  return lines.join("\n") + "\n";
}

// phone,message: one row per worker with a phone, in her language.
export function smsFile(texts, workers, codes) {
  const rows = ["phone,message"];
  for (const worker of workers) {
    const phone = e164(worker.phone || "");
    if (!phone || !codes[worker.pk]) continue;
    rows.push([phone, fill(wordsFor(texts, worker).sms, worker, codes[worker.pk])].map(csvCell).join(","));
  }
  return rows.join("\r\n") + "\r\n";
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// One sheet of Letter paper folded in three for a #10 window envelope: the top
// third shows the name and number through the window; the code, its QR code and
// the instructions are on the two thirds the fold hides.
export function letter(texts, worker, code) {
  const words = wordsFor(texts, worker);
  const lines = words.letter.map((line) => fill(line, worker, code));
  const sheet = element("article", "letter");
  sheet.lang = worker.language;
  sheet.dataset.voter = String(worker.pk);

  const outside = element("section", "letter-outside");
  outside.append(element("p", "letter-sender", words.sender));
  outside.append(element("p", "letter-confidential", words.confidential));
  const window = element("address", "letter-window");
  for (const line of words.window) window.append(element("span", "", fill(line, worker, code)));
  outside.append(window);

  const inside = element("section", "letter-code");
  inside.append(element("h2", "letter-title", lines[0]));
  inside.append(element("p", "", lines[2]));
  inside.append(element("p", "letter-secret", lines[3]));
  const qr = element("figure", "letter-qr");
  const svg = new DOMParser().parseFromString(
    renderSVG(boothLinkWithCode(texts, code), { ecc: "M", border: 2 }),
    "image/svg+xml",
  ).documentElement;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", words.qr);
  qr.append(document.importNode(svg, true), element("figcaption", "", words.qr));
  inside.append(qr);

  const rest = element("section", "letter-instructions");
  for (const line of lines.slice(4)) rest.append(element("p", "", line));
  rest.append(element("p", "letter-fold", words.fold));

  sheet.append(outside, inside, rest);
  return sheet;
}

// The letters, in the roll's order, for the workers chosen; returns how many.
export function layLetters(container, texts, workers, codes, { all = false } = {}) {
  const sheets = workers
    .filter((worker) => codes[worker.pk] && (all || needsALetter(worker)))
    .map((worker) => letter(texts, worker, codes[worker.pk]));
  container.replaceChildren(...sheets);
  return sheets.length;
}
