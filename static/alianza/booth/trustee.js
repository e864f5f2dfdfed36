// The trustee's page: her key share is made here, saved by her in a file, and
// used here for each step; Alianza receives only the public messages, through
// the API endpoint the trustee's program uses (POST .../ceremony). The secret is
// kept in this page's memory only (never in storage, never in a request).
import { renderSVG } from "../../vendor/uqr-0.1.3/uqr.js";
import { boxPublicKey, nextStep, publicKeyOf } from "./ceremony.js";

const root = document.getElementById("trustee");
const url = root.dataset.ceremonyUrl;
const index = Number(root.dataset.index);
const csrf = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/)?.[1] || "";
const $ = (selector) => root.querySelector(selector);
const text = (name, values = {}) =>
  $(`template[data-text="${name}"]`)
    .innerHTML.trim()
    .replace(/%\((\w+)\)s/g, (_, key) => String(values[key] ?? ""));
const button = (name) => $(`[data-action="${name}"]`);
const STEPS = ["announce", "deal", "check", "key", "decrypt"];

let state = null;
let secret = null; // the private dict, as the trustee's program keeps it
let fresh = null; // a key made here and not yet announced: {private, announcement}
let timer = null;

function say(message, tone = "") {
  const status = $("[data-status]");
  status.textContent = message;
  status.className = `fw-semibold ${tone}`;
}

function show(panel) {
  for (const section of root.querySelectorAll("[data-panel]")) {
    section.hidden = section.dataset.panel !== panel;
  }
}

async function load() {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(await response.text());
  state = await response.json();
}

async function send(step, payload) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      "X-CSRFToken": decodeURIComponent(csrf),
    },
    body: JSON.stringify({ step, payload }),
  });
  if (!response.ok) {
    let detail = "";
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch {
      detail = response.statusText;
    }
    throw new Error(detail);
  }
  state = await response.json();
}

function announced() {
  return state.announcements.find((a) => a.trustee === index);
}

/** Which of the page's steps are done, and which one is the trustee's now. */
function markSteps(current) {
  const done = {
    announce: Boolean(announced()),
    deal: state.deals.some((d) => d.trustee === index),
    check: state.checked.includes(index),
    key: state.key !== null,
    decrypt: state.decrypted.includes(index),
  };
  for (const step of STEPS) {
    const item = $(`[data-step="${step}"]`);
    const isCurrent = current === step || (current === "reveal" && step === "check");
    item.classList.toggle("list-group-item-success", done[step] && !isCurrent);
    item.classList.toggle("active", isCurrent);
    item.toggleAttribute("aria-current", isCurrent);
  }
}

function progress() {
  const n = state.params.trustees.count;
  const t = state.params.trustees.threshold;
  const line =
    state.tally === null
      ? text("progress-keys", {
          a: state.announcements.length,
          d: state.deals.length,
          c: state.checked.length,
          n,
        })
      : text("progress-decrypt", { k: state.decrypted.length, t });
  $("[data-progress]").textContent = line;
}

function showFingerprint(priv) {
  $("[data-fingerprint-value]").textContent = publicKeyOf(priv).fingerprint;
  $("[data-fingerprint]").hidden = false;
}

function poll(waiting) {
  clearTimeout(timer);
  if (waiting) timer = setTimeout(() => refresh().catch(() => {}), 20000);
}

function render() {
  if (state.params === null) {
    show("");
    say(text("wait-begin"));
    return;
  }
  progress();
  if (fresh) {
    markSteps("announce");
    show("save");
    return;
  }
  if (secret === null) {
    markSteps(announced() ? "" : "announce");
    if (!announced()) {
      show("generate");
    } else {
      show("load");
      if (state.decrypted.includes(index)) say(text("wait-decrypted"));
    }
    poll(false);
    return;
  }
  let next;
  try {
    next = nextStep(index, secret, state);
  } catch (error) {
    // A secret that does not fit what the board holds (her share does not match
    // her verification key): say so rather than send anything.
    show("load");
    say(`${text("wrong-file")} ${error.message}`, "text-danger");
    secret = null;
    return;
  }
  secret = next.private;
  markSteps(next.step);
  if (next.step) {
    show("act");
    $("[data-next]").textContent = text(`next-${next.step}`);
    poll(false);
  } else {
    show("");
    const waitFor =
      next.wait === "done" && state.status === "closed" && state.decrypted.includes(index)
        ? "decrypted"
        : next.wait;
    say(text(`wait-${waitFor}`));
    poll(["announcements", "deals", "checks", "close"].includes(next.wait));
  }
}

async function refresh() {
  await load();
  render();
}

function findings(list) {
  const ul = $("[data-findings]");
  ul.replaceChildren(
    ...list.map((f) => {
      const li = document.createElement("li");
      li.textContent = text(f.result, { n: f.dealer });
      li.className = f.result === "good" ? "text-success" : "text-danger";
      return li;
    }),
  );
  ul.hidden = list.length === 0;
}

button("generate").addEventListener("click", () => {
  say(text("working"));
  // Let the status paint before the arithmetic.
  setTimeout(() => {
    const next = nextStep(index, null, state);
    fresh = { private: { ...next.private, election: state.params.id }, announcement: next.message };
    showFingerprint(fresh.private);
    say("");
    render();
  }, 0);
});

button("save").addEventListener("click", () => {
  const blob = new Blob([secretText(fresh.private)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `trustee-${root.dataset.uid}-${index}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
  button("announce").disabled = false;
  say(text("saved"));
});

/** The secret, as the saved file holds it: one line of JSON. */
function secretText(priv) {
  return JSON.stringify(priv);
}

// A printed copy (or a PDF, through the browser's "Save as PDF"): the secret in a
// QR code and as text, drawn here; nothing is sent.
button("print").addEventListener("click", () => {
  const priv = fresh ? fresh.private : secret;
  const svg = new DOMParser().parseFromString(
    renderSVG(secretText(priv), { ecc: "M", border: 2 }),
    "image/svg+xml",
  ).documentElement;
  svg.setAttribute("role", "img");
  $("[data-print-qr]").replaceChildren(svg);
  $("[data-print-fingerprint]").textContent = publicKeyOf(priv).fingerprint;
  $("[data-print-text]").textContent = secretText(priv);
  $("[data-print]").hidden = false;
  button("announce").disabled = false;
  say(text("saved"));
  window.print();
});

button("announce").addEventListener("click", async () => {
  button("announce").disabled = true;
  try {
    await send("announce", fresh.announcement);
    secret = fresh.private;
    fresh = null;
    say(text("sent"), "text-success");
    render();
  } catch (error) {
    button("announce").disabled = false;
    say(`${text("failed")} ${error.message}`, "text-danger");
  }
});

/** Take a secret read from the file, the printed text or its QR code, if it is hers. */
function useSecret(content) {
  let priv;
  try {
    priv = JSON.parse(content);
    const mine = announced();
    const matches =
      priv.trustee === index &&
      (priv.election === undefined || priv.election === state.params.id) &&
      (!mine || boxPublicKey(priv.box_secret) === mine.box_key);
    if (!matches) throw new Error("wrong file");
  } catch {
    say(text("wrong-file"), "text-danger");
    return false;
  }
  secret = priv;
  showFingerprint(secret);
  say("");
  render();
  return true;
}

button("load").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (file && !useSecret(await file.text())) event.target.value = "";
});

button("paste").addEventListener("click", () => {
  const field = $("[data-secret-text]");
  if (useSecret(field.value.trim())) field.value = "";
});

// The printed QR code, through the phone's camera: read here, by the browser's
// own reader (BarcodeDetector) or the vendored jsQR; the picture never leaves
// the device.
function reader() {
  if ("BarcodeDetector" in window) {
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video).catch(() => []))[0]?.rawValue;
  }
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!video.videoWidth) return undefined;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(frame.data, frame.width, frame.height)?.data;
  };
}

if (navigator.mediaDevices?.getUserMedia && ("BarcodeDetector" in window || window.jsQR)) {
  button("scan").hidden = false;
  button("scan").addEventListener("click", async () => {
    const video = $("[data-camera]");
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (error) {
      say(`${text("failed")} ${error.message}`, "text-danger");
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const read = reader();
    const stop = () => {
      for (const track of stream.getTracks()) track.stop();
      video.hidden = true;
    };
    const look = async () => {
      const found = await read(video);
      if (found && useSecret(found)) return stop();
      if (!video.hidden) setTimeout(look, 200);
    };
    look();
  });
}

button("act").addEventListener("click", async () => {
  button("act").disabled = true;
  say(text("working"));
  try {
    await load();
    const next = nextStep(index, secret, state);
    secret = next.private;
    if (next.step) {
      await send(next.step, next.message);
      if (next.findings) findings(next.findings);
      say(text("sent"), "text-success");
    }
    render();
  } catch (error) {
    say(`${text("failed")} ${error.message}`, "text-danger");
  } finally {
    button("act").disabled = false;
  }
});

button("refresh").addEventListener("click", () => refresh().catch((e) => say(e.message)));

refresh().catch((error) => say(`${text("failed")} ${error.message}`, "text-danger"));
