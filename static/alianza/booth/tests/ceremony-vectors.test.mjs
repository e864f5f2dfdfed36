// The trustee's page's cryptography (ceremony.js) against votecore's published
// vectors (docs/voting-protocol-vectors/): the decryption factor and its proof
// reproduced byte for byte from the vector's secrets, and the key ceremony of the
// complete sample board (deals, complaint, reveal, key, decryption shares)
// checked the way the page checks what it receives.
// Run: node --test static/alianza/booth/tests/

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { ed25519 } from "../../../vendor/noble-curves-2.4.0/ed25519.js";
import { sha512 } from "../../../vendor/noble-hashes-2.4.0/sha2.js";
import * as c from "../ceremony.js";
import * as vc from "../votecore.js";

const VECTORS = new URL("../../../../docs/voting-protocol-vectors/", import.meta.url);
const load = (name) => JSON.parse(readFileSync(new URL(name, VECTORS), "utf-8"));
const board = (name) =>
  readFileSync(new URL(`boards/${name}`, VECTORS), "utf-8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
const SEED = new TextEncoder().encode("alianza-votecore test vectors");
const G = ed25519.Point.BASE;

function deriveScalar(label) {
  const data = new Uint8Array([...SEED, 0, ...new TextEncoder().encode(label)]);
  return vc.reduceWide(sha512(data)) || 1n;
}

test("the decryption vector: factor and proof reproduced from its secrets", () => {
  const data = load("decryption.json");
  const x = deriveScalar("election secret key");
  assert.equal(vc.pointHex(G.multiply(x)), data.statement.verification_key);
  const alpha = vc.decodePoint(data.ciphertext[0]);
  assert.equal(vc.pointHex(alpha.multiply(x)), data.statement.factor);
  const proof = c.proveDleq(data.fingerprint, data.statement, x, alpha, deriveScalar("decryption nonce"));
  assert.deepEqual(proof, data.proof);
});

test("the complete board's key ceremony, as the trustee's page checks it", () => {
  const events = board("complete.jsonl");
  const of = (type) => events.filter((e) => e.type === type).map((e) => e.payload);
  const [params] = of("election");
  const deals = of("deal");
  const commitments = new Map(deals.map((d) => [d.trustee, c.checkDeal(params, d)]));
  assert.equal(commitments.size, params.trustees.count);
  // A deal whose proof is another's is refused.
  assert.throws(() => c.checkDeal(params, { ...deals[0], proof: deals[1].proof }), /proof/);
  // The complaint is answered by a reveal that matches the dealer's commitments.
  const [complaint] = of("complaint");
  const [reveal] = of("reveal");
  assert.deepEqual([reveal.trustee, reveal.to], [complaint.against[0], complaint.trustee]);
  assert.ok(c.shareMatches(commitments.get(reveal.trustee), reveal.to, vc.decodeScalar(reveal.share)));
  assert.ok(!c.shareMatches(commitments.get(reveal.trustee), reveal.to + 1, vc.decodeScalar(reveal.share)));
  // The key: the qualified dealers' commitments added up.
  const [key] = of("key");
  const summed = key.qualified
    .map((i) => commitments.get(i))
    .reduce((acc, cs) => acc.map((p, k) => p.add(cs[k])));
  assert.equal(vc.pointHex(summed[0]), key.public_key);
  for (const [j, vk] of Object.entries(key.verification_keys)) {
    let acc = ed25519.Point.ZERO;
    summed.forEach((p, k) => {
      const power = BigInt(j) ** BigInt(k);
      acc = power === 0n ? acc : acc.add(p.multiply(power));
    });
    assert.equal(vc.pointHex(acc), vk);
  }
  // The fingerprint the page's decryption proofs are bound to.
  const election = vc.electionFrom(params, key);
  // Each decryption share's Chaum-Pedersen proofs verify against the tally.
  const [tally] = of("tally");
  for (const share of of("decryption")) {
    const vkHex = key.verification_keys[String(share.trustee)];
    const vk = vc.decodePoint(vkHex);
    tally.ciphertexts.forEach((row, q) =>
      row.forEach(([alphaHex], a) => {
        const alpha = vc.decodePoint(alphaHex);
        const factor = share.factors[q][a];
        const d = vc.decodePoint(factor);
        const [[cHex, sHex]] = share.proofs[q][a];
        const ch = vc.decodeScalar(cHex);
        const s = vc.decodeScalar(sHex);
        const statement = { trustee: share.trustee, verification_key: vkHex, alpha: alphaHex, factor };
        const commitmentsAB = [
          vc.pointHex(G.multiply(s).add(vk.multiply(ch))),
          vc.pointHex(alpha.multiply(s).add(d.multiply(ch))),
        ];
        const again = vc.hashToScalar("decryption", {
          election: election.fingerprint,
          credential: "",
          statement,
          commitments: commitmentsAB,
        });
        assert.equal(again, ch);
      }),
    );
  }
});
