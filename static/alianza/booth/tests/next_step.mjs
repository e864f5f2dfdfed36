// One step of a trustee with the browser's code, for
// alianza/elections/tests/test_trustee_page_js.py and votecore/tests/test_trustee_js.py.
//
// stdin:  {"index": n, "private": the trustee's saved secret or null, "state": the
//          ceremony's public state (GET /api/v1/elections/UID/ceremony)}
// stdout: {"step": "announce" | "deal" | "check" | "reveal" | "decrypt" | "",
//          "message": the public message (absent when step is ""),
//          "private": the secret to save, "wait": what she waits for,
//          "fingerprint": her public key's fingerprint, as her page shows it}

import { readFileSync } from "node:fs";

import { nextStep, publicKeyOf } from "../ceremony.js";

const input = JSON.parse(readFileSync(0, "utf-8"));
const out = nextStep(input.index, input.private, input.state);
out.fingerprint = publicKeyOf(out.private).fingerprint;
process.stdout.write(JSON.stringify(out));
