// The credential authority's replacement in the browser against the Python
// reference (docs/voting-protocol-vectors/replacement.json).
// Run: node --test static/alianza/booth/tests/

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { sha512 } from "../../../vendor/noble-hashes-2.4.0/sha2.js";
import { bytesToHex } from "../../../vendor/noble-curves-2.4.0/utils.js";
import * as replacement from "../replacement.js";
import * as vc from "../votecore.js";

const VECTORS = new URL("../../../../docs/voting-protocol-vectors/", import.meta.url);
const data = JSON.parse(readFileSync(new URL("replacement.json", VECTORS), "utf-8"));
const SEED = new TextEncoder().encode("alianza-votecore test vectors");

function deriveScalar(label) {
  const input = new Uint8Array([...SEED, 0, ...new TextEncoder().encode(label)]);
  return vc.reduceWide(sha512(input)) || 1n;
}

test("the authority's scalar and key from its code", () => {
  const a = replacement.authorityScalar(data.election_id, data.authority_code);
  assert.equal(vc.scalarHex(a), data.authority_scalar);
  assert.equal(replacement.authorityKey(data.election_id, data.authority_code), data.authority_key);
});

test("a replacement signed with the vector's nonce is the vector's", () => {
  const nonce = deriveScalar("replacement nonce");
  assert.equal(vc.scalarHex(nonce), data.nonce);
  const { old, new: fresh, reason } = data.payload;
  const message = replacement.replacementMessage(data.fingerprint, old, fresh, reason);
  assert.equal(bytesToHex(message), data.signed_message_hex);
  const payload = replacement.signReplacement(
    data.election_id, data.fingerprint, data.authority_code, old, fresh, reason, nonce,
  );
  assert.deepEqual(payload, data.payload);
});

test("a new code replaces the old credential, and a reason is lost or stolen", () => {
  const { code, payload } = replacement.replaceCode(
    data.election_id, data.fingerprint, data.authority_code, data.payload.old, "lost",
  );
  assert.equal(vc.publicCredential(data.election_id, code), payload.new);
  assert.throws(() =>
    replacement.signReplacement(
      data.election_id, data.fingerprint, data.authority_code, data.payload.old, payload.new, "sold",
    ),
  );
});
