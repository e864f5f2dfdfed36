// The trustee's printed secret: the QR code the page draws (vendored uqr) reads
// back (vendored jsQR, which the page uses to read it through the camera) to
// exactly the secret file's text, up to the largest ceremony (9 trustees, 9 needed).
// Run: node --test static/alianza/booth/tests/

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

import { encode } from "../../../vendor/uqr-0.1.3/uqr.js";
import * as c from "../ceremony.js";

const jsQR = createRequire(import.meta.url)("../../../vendor/jsqr-1.4.0/jsQR.js");

/** The code as a picture: `scale` pixels a module, black on white (RGBA). */
function picture(text, scale = 4) {
  const { data, size } = encode(text, { ecc: "M", border: 2 });
  const side = size * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (data[Math.floor(y / scale)][Math.floor(x / scale)]) {
        const at = (y * side + x) * 4;
        rgba[at] = rgba[at + 1] = rgba[at + 2] = 0;
      }
    }
  }
  return { rgba, side };
}

test("the printed QR code reads back to the secret file's text", () => {
  for (const [count, threshold] of [[3, 2], [9, 9]]) {
    const params = {
      version: 1, id: "qr-test", name: "QR",
      questions: [{ text: "q", answers: ["a", "b"], min: 1, max: 1, blank: false }],
      trustees: { count, threshold }, revote: true,
    };
    const made = c.setup(params, count);
    const text = JSON.stringify({ ...made.private, election: params.id });
    const { rgba, side } = picture(text);
    const read = jsQR(rgba, side, side);
    assert.ok(read, `no code read for ${count} trustees`);
    assert.equal(read.data, text);
  }
});
