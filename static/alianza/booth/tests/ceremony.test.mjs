// The trustee's page's cryptography (ceremony.js) on its own: sealed boxes
// round-trip and refuse a wrong key, a whole 2-of-3 ceremony checks out, a bad
// share is found and a reveal answers it, and the decryption shares combine to
// the tally. votecore/tests/test_trustee_js.py checks the same messages with
// the Python reference (PyNaCl's SealedBox, votecore.trustees).
// Run: node --test static/alianza/booth/tests/

import assert from "node:assert/strict";
import { test } from "node:test";

import { ed25519, x25519 } from "../../../vendor/noble-curves-2.4.0/ed25519.js";
import { bytesToHex, hexToBytes } from "../../../vendor/noble-curves-2.4.0/utils.js";
import * as c from "../ceremony.js";

const PARAMS = {
  version: 1,
  id: "ceremony-test",
  name: "Ceremony",
  questions: [{ text: "Strike?", answers: ["yes", "no"], min: 1, max: 1, blank: false }],
  trustees: { count: 3, threshold: 2 },
  revote: true,
};
const utf8 = new TextEncoder();

test("a sealed box opens with its key only", () => {
  const secret = x25519.utils.randomSecretKey();
  const other = x25519.utils.randomSecretKey();
  const sealed = c.seal(x25519.getPublicKey(secret), utf8.encode("share"));
  assert.equal(sealed.length, 32 + 16 + 5);
  assert.equal(new TextDecoder().decode(c.openSealed(secret, sealed)), "share");
  assert.throws(() => c.openSealed(other, sealed));
  const tampered = sealed.slice();
  tampered[40] ^= 1;
  assert.throws(() => c.openSealed(secret, tampered));
});

function ceremony() {
  const made = [1, 2, 3].map((i) => c.setup(PARAMS, i));
  const announcements = made.map((m) => m.announcement);
  const privates = made.map((m) => m.private);
  const deals = privates.map((p) => c.deal(PARAMS, p, announcements));
  return { privates, announcements, deals };
}

test("every share of an honest ceremony matches its dealer's commitments", () => {
  const { privates, deals } = ceremony();
  for (const priv of privates) {
    const { message, findings } = c.checkDeals(PARAMS, priv, deals);
    assert.deepEqual(message, { trustee: priv.trustee, against: [] });
    assert.deepEqual(findings.map((f) => f.result), ["good", "good", "good"]);
  }
  for (const d of deals) {
    assert.equal(d.commitments.length, 2);
    assert.deepEqual(Object.keys(d.shares), ["1", "2", "3"]);
    for (const sealed of Object.values(d.shares)) assert.equal(sealed.length, 2 * (32 + 16 + 64));
  }
});

test("a bad share is complained about, and the dealer's reveal answers it", () => {
  const { privates, deals } = ceremony();
  // Trustee 2 seals trustee 3's share to trustee 1: it does not open for 3.
  deals[1].shares["3"] = deals[1].shares["1"];
  const { message } = c.checkDeals(PARAMS, privates[2], deals);
  assert.deepEqual(message, { trustee: 3, against: [2] });
  const reveals = c.reveal(privates[1], [message]);
  assert.equal(reveals.length, 1);
  assert.deepEqual([reveals[0].trustee, reveals[0].to], [2, 3]);
  const commitments = c.checkDeal(PARAMS, deals[1]);
  const share = BigInt(`0x${bytesToHex(hexToBytes(reveals[0].share).reverse())}`);
  assert.ok(c.shareMatches(commitments, 3, share));
  assert.ok(!c.shareMatches(commitments, 2, share));
});

test("a deal with a wrong proof is disqualified, not complained about", () => {
  const { privates, deals } = ceremony();
  deals[0].proof = deals[1].proof;
  assert.throws(() => c.checkDeal(PARAMS, deals[0]), /proof/);
  const { message, findings } = c.checkDeals(PARAMS, privates[1], deals);
  assert.deepEqual(message.against, []);
  assert.equal(findings[0].result, "disqualified");
});

test("the public key's fingerprint is the same for the same secret, and short", () => {
  const { privates } = ceremony();
  const a = c.publicKeyOf(privates[0]);
  assert.deepEqual(a, c.publicKeyOf(structuredClone(privates[0])));
  assert.match(a.fingerprint, /^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  assert.notEqual(a.fingerprint, c.publicKeyOf(privates[1]).fingerprint);
});

test("nextStep walks a trustee through the ceremony's order", () => {
  const state = {
    status: "keys", params: PARAMS, key: null, announcements: [], deals: [],
    checked: [], complaints: [], reveals: [], tally: null, decrypted: [],
  };
  const first = c.nextStep(1, null, state);
  assert.equal(first.step, "announce");
  assert.equal(first.message.box_key, c.boxPublicKey(first.private.box_secret));
  state.announcements.push(first.message);
  assert.equal(c.nextStep(1, first.private, state).wait, "announcements");
  assert.throws(() => c.nextStep(2, first.private, state), /another trustee/);
});

test("decryption factors are x_j·alpha with proofs, and combine to the tally", () => {
  const { privates, deals } = ceremony();
  const G = ed25519.Point.BASE;
  // The key as votecore.trustees.combine_key makes it, from the commitments.
  const commitments = deals.map((d) => c.checkDeal(PARAMS, d));
  const summed = [0, 1].map((k) => commitments.map((cs) => cs[k]).reduce((a, b) => a.add(b)));
  const keys = {};
  for (const j of [1, 2, 3]) {
    keys[String(j)] = summed[0].add(summed[1].multiply(BigInt(j))).toHex();
  }
  const key = { public_key: summed[0].toHex(), qualified: [1, 2, 3], verification_keys: keys };
  const finished = privates.map((p) => c.finish(p, deals, [], key));
  // One yes (m = 1) encrypted with r = 5.
  const y = summed[0];
  const alpha = G.multiply(5n);
  const beta = G.add(y.multiply(5n));
  const tally = { ciphertexts: [[[alpha.toHex(), beta.toHex()]]] };
  const shares = [finished[0], finished[2]].map((p) => c.decryptShare(PARAMS, key, p, tally));
  // Lagrange at zero for {1, 3}: l1 = 3/2, l3 = -1/2.
  const L = ed25519.Point.Fn.ORDER;
  const inv2 = (L + 1n) / 2n;
  const l1 = (3n * inv2) % L;
  const l3 = L - inv2;
  const d1 = ed25519.Point.fromHex(shares[0].factors[0][0]);
  const d3 = ed25519.Point.fromHex(shares[1].factors[0][0]);
  const combined = d1.multiply(l1).add(d3.multiply(l3));
  assert.ok(beta.subtract(combined).equals(G));
});
