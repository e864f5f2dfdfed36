// The booth against votecore's test vectors (docs/voting-protocol-vectors/*.json):
// every value the Python reference wrote must come out of votecore.js exactly.
// Run: node --test static/alianza/booth/tests/

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { ed25519 } from "../../../vendor/noble-curves-2.4.0/ed25519.js";
import { sha512 } from "../../../vendor/noble-hashes-2.4.0/sha2.js";
import { bytesToHex, hexToBytes } from "../../../vendor/noble-curves-2.4.0/utils.js";
import * as vc from "../votecore.js";

const VECTORS = new URL("../../../../docs/voting-protocol-vectors/", import.meta.url);
const load = (name) => JSON.parse(readFileSync(new URL(name, VECTORS), "utf-8"));
const SEED = new TextEncoder().encode("alianza-votecore test vectors");
const G = ed25519.Point.BASE;

/** votecore.group.derive_scalar: SHA-512(seed ‖ 0x00 ‖ label) mod L, or 1. */
function deriveScalar(label) {
  const data = new Uint8Array([...SEED, 0, ...new TextEncoder().encode(label)]);
  return vc.reduceWide(sha512(data)) || 1n;
}

test("encodings: scalars, points, sums", () => {
  const data = load("encodings.json");
  assert.equal(vc.L.toString(), data.L);
  for (const item of data.derived_scalars) {
    const s = deriveScalar(item.label);
    assert.equal(vc.scalarHex(s), item.scalar);
    assert.equal(vc.decodeScalar(item.scalar), s);
    assert.equal(vc.pointHex(G.multiply(s)), item.times_G);
    assert.equal(vc.pointHex(vc.decodePoint(item.times_G)), item.times_G);
  }
  for (const { m, point } of data.small_multiples) {
    const p = m === 0 ? ed25519.Point.ZERO : G.multiply(BigInt(m));
    assert.equal(vc.pointHex(p), point);
  }
  const sum = vc.decodePoint(data.sum.a).add(vc.decodePoint(data.sum.b));
  assert.equal(vc.pointHex(sum), data.sum.a_plus_b);
});

test("encodings: every invalid point and scalar is refused", () => {
  const data = load("encodings.json");
  for (const [name, hex] of Object.entries(data.invalid_points)) {
    assert.throws(() => vc.decodePoint(hex), Error, name);
  }
  for (const [name, hex] of Object.entries(data.invalid_scalars)) {
    assert.throws(() => vc.decodeScalar(hex), Error, name);
  }
  const upper = data.sum.a.toUpperCase();
  assert.throws(() => vc.decodePoint(upper), /lowercase/);
});

test("hashes: canonical JSON and hash_to_scalar", () => {
  for (const item of load("hashes.json").cases) {
    const bytes = new TextEncoder().encode(vc.canonical(item.value));
    assert.equal(bytesToHex(bytes), item.canonical_utf8_hex);
    assert.equal(vc.scalarHex(vc.hashToScalar(item.tag, item.value)), item.scalar);
  }
});

test("hashes: canonical strings, and lone surrogates refused", () => {
  const data = load("hashes.json");
  for (const { value, canonical_utf8_hex } of data.strings) {
    assert.equal(bytesToHex(new TextEncoder().encode(vc.canonical(value))), canonical_utf8_hex);
  }
  for (const text of JSON.parse(data.lone_surrogate_json)) {
    assert.throws(() => vc.canonical({ text }), /surrogate/);
  }
});

test("canonical JSON escapes as Python's json.dumps(ensure_ascii=False)", () => {
  const value = { b: "\u0001\u001f\"\\\b\f\n\r\t\u007fé€😀\u2028", a: [true, false, null, -5] };
  assert.equal(
    vc.canonical(value),
    '{"a":[true,false,null,-5],"b":"\\u0001\\u001f\\"\\\\\\b\\f\\n\\r\\t\u007fé€😀\u2028"}',
  );
  assert.throws(() => vc.canonical({ a: 1.5 }));
  assert.throws(() => vc.canonical({ a: 2 ** 53 }));
  assert.throws(() => vc.canonical({ a: "\ud800" }));
  assert.throws(() => vc.canonical({ "ñ": 1 }));
});

test("signature: Ed25519 with a raw scalar key", () => {
  const data = load("signature.json");
  const x = vc.decodeScalar(data.secret_scalar);
  const nonce = vc.decodeScalar(data.nonce);
  assert.equal(vc.pointHex(G.multiply(x)), data.public);
  const message = hexToBytes(data.message_hex);
  const sig = vc.sign(x, hexToBytes(data.public), message, nonce);
  assert.equal(sig, data.signature);
  assert.ok(ed25519.verify(hexToBytes(sig), message, hexToBytes(data.public)));
});

test("ballot: the whole ballot from the same randomness", () => {
  const data = load("ballot.json");
  const election = vc.electionFrom(data.params, { public_key: data.public_key });
  assert.equal(election.fingerprint, data.fingerprint);
  const id = data.params.id;
  assert.equal(vc.scalarHex(vc.secretScalar(id, data.secret_credential)), data.credential_scalar);
  assert.equal(vc.publicCredential(id, data.secret_credential), data.public_credential);

  const stream = data.randomness.map(vc.decodeScalar);
  let used = 0;
  const rng = () => stream[used++];
  const { ballot, randomness } = vc.castBallot(
    election,
    data.secret_credential,
    data.choices,
    data.replaces,
    rng,
  );
  assert.equal(used, stream.length, "every scalar of the vector consumed, no more");
  assert.deepEqual(ballot, data.ballot);
  assert.equal(vc.canonical(ballot), vc.canonical(data.ballot));
  const { signature, ...unsigned } = ballot;
  assert.equal(bytesToHex(vc.signedMessage(unsigned)), data.signed_message_hex);
  assert.ok(
    ed25519.verify(
      hexToBytes(signature),
      vc.signedMessage(unsigned),
      hexToBytes(ballot.credential),
    ),
  );
  assert.equal(vc.tracker(ballot), data.tracker);
  assert.equal(vc.tracker(data.first_ballot), data.replaces, "a re-vote names its predecessor");
  assert.equal(ballot.replaces, data.replaces);
  assert.deepEqual(vc.auditRecord(ballot, randomness, data.choices), data.audit);
  assert.deepEqual(vc.auditRecord(ballot, data.audit.randomness, data.choices), data.audit);
});

test("ballot: the election key and fingerprint are checked", () => {
  const data = load("ballot.json");
  const bad = load("encodings.json").invalid_points;
  for (const hex of Object.values(bad)) {
    assert.throws(() => vc.electionFrom(data.params, { public_key: hex }));
  }
  assert.throws(() =>
    vc.electionFrom(data.params, { public_key: data.public_key, fingerprint: "00".repeat(32) }),
  );
  const e = vc.electionFrom(data.params, {
    public_key: data.public_key,
    fingerprint: data.fingerprint,
  });
  assert.throws(() => vc.castBallot(e, data.secret_credential, [[1, 1], [0, 1, 1]]), /allowed/);
  assert.throws(() => vc.castBallot(e, "0OIl" + "1".repeat(16), data.choices), /base-58/);
});

test("decryption vector: Enc(3) and its proof's challenge", () => {
  const data = load("decryption.json");
  const ballotData = load("ballot.json");
  const y = vc.decodePoint(ballotData.public_key);
  const r = deriveScalar("decryption r");
  const alpha = G.multiply(r);
  const beta = G.multiply(3n).add(y.multiply(r));
  assert.deepEqual([vc.pointHex(alpha), vc.pointHex(beta)], data.ciphertext);
  // Chaum-Pedersen check (§8.2): A = s·G + c·Y, B = s·α + c·D, c = hash.
  const [[cHex, sHex]] = data.proof;
  const c = vc.decodeScalar(cHex);
  const s = vc.decodeScalar(sHex);
  const vk = vc.decodePoint(data.statement.verification_key);
  const d = vc.decodePoint(data.statement.factor);
  const a = G.multiply(s).add(vk.multiply(c));
  const b = alpha.multiply(s).add(d.multiply(c));
  const again = vc.hashToScalar("decryption", {
    election: data.fingerprint,
    credential: "",
    statement: data.statement,
    commitments: [vc.pointHex(a), vc.pointHex(b)],
  });
  assert.equal(again, c);
});

test("credentials: 20 base-58 characters, distinct, with their public credential", () => {
  const pairs = vc.makeCredentials("vectors-2026", 50);
  const seen = new Set();
  for (const [secret, pub] of pairs) {
    assert.match(secret, /^[1-9A-HJ-NP-Za-km-z]{20}$/);
    assert.equal(pub, vc.publicCredential("vectors-2026", secret));
    vc.decodePoint(pub);
    seen.add(secret);
  }
  assert.equal(seen.size, 50);
});

test("election: names, questions and answers within votecore's limits (code points)", () => {
  const data = load("ballot.json");
  const key = { public_key: data.public_key };
  const withName = (name, text, answer) => ({
    ...data.params,
    name,
    questions: [{ ...data.params.questions[0], text, answers: [answer, "No"] }],
  });
  vc.electionFrom(withName("😀".repeat(200), "¿".repeat(1000), "ñ".repeat(400)), key);
  for (const [name, text, answer] of [
    ["", "q", "a"],
    ["n".repeat(201), "q", "a"],
    ["n", "", "a"],
    ["n", "t".repeat(1001), "a"],
    ["n", "q", ""],
    ["n", "q", "a".repeat(401)],
  ]) {
    assert.throws(() => vc.electionFrom(withName(name, text, answer), key), /characters/);
  }
});
