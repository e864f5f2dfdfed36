// The trustee's side of the key ceremony and of the decryption, in the browser:
// the twin of votecore/trustees.py and of the trustee program's next_step
// (alianza/elections/trustee.py), message for message, so that the board is the
// same whichever a trustee uses. The private dict is the program's state file:
// a trustee may start in one and go on in the other.
//
// Shares travel in libsodium sealed boxes (crypto_box_seal: X25519, BLAKE2b
// nonce, XSalsa20-Poly1305), as PyNaCl's SealedBox makes and opens them.

import { blake2b } from "../../vendor/noble-hashes-2.4.0/blake2.js";
import { hsalsa, xsalsa20poly1305 } from "../../vendor/noble-ciphers-2.4.0/salsa.js";
import { ed25519, x25519 } from "../../vendor/noble-curves-2.4.0/ed25519.js";
import { bytesToHex, concatBytes, hexToBytes } from "../../vendor/noble-curves-2.4.0/utils.js";
import {
  L,
  decodePoint,
  decodeScalar,
  electionFrom,
  hashToScalar,
  pointHex,
  randomScalar,
  scalarHex,
  sha256Hex,
} from "./votecore.js";

const Point = ed25519.Point;
const utf8 = new TextEncoder();

function base(s) {
  const k = ((s % L) + L) % L;
  return k === 0n ? Point.ZERO : Point.BASE.multiply(k);
}

function mul(p, s) {
  const k = ((s % L) + L) % L;
  return k === 0n || p.is0() ? Point.ZERO : p.multiply(k);
}

// -- sealed boxes (libsodium crypto_box_seal) ----------------------------------

const SIGMA = new Uint32Array(new Uint8Array(utf8.encode("expand 32-byte k")).buffer);

function words(bytes) {
  return new Uint32Array(new Uint8Array(bytes).buffer);
}

/** crypto_box_beforenm: HSalsa20 of the X25519 shared secret. */
function boxKey(secret, publicKey) {
  const shared = x25519.getSharedSecret(secret, publicKey);
  const out = new Uint32Array(8);
  hsalsa(SIGMA, words(shared), new Uint32Array(4), out);
  return new Uint8Array(out.buffer);
}

function sealNonce(ephemeral, recipient) {
  return blake2b(concatBytes(ephemeral, recipient), { dkLen: 24 });
}

/** Seal `message` (bytes) to the X25519 public key `recipient` (bytes). */
export function seal(recipient, message) {
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeral = x25519.getPublicKey(ephemeralSecret);
  const key = boxKey(ephemeralSecret, recipient);
  const boxed = xsalsa20poly1305(key, sealNonce(ephemeral, recipient)).encrypt(message);
  return concatBytes(ephemeral, boxed);
}

/** Open a sealed box with the X25519 secret key `secret`; throws when it does not open. */
export function openSealed(secret, sealed) {
  if (sealed.length < 48) throw new Error("a sealed box is too short");
  const ephemeral = sealed.slice(0, 32);
  const recipient = x25519.getPublicKey(secret);
  const key = boxKey(secret, ephemeral);
  return xsalsa20poly1305(key, sealNonce(ephemeral, recipient)).decrypt(sealed.slice(32));
}

export function boxPublicKey(boxSecretHex) {
  return bytesToHex(x25519.getPublicKey(hexToBytes(boxSecretHex)));
}

// -- proofs (§3) ------------------------------------------------------------------

function challenge(tag, election, statement, commitments) {
  return hashToScalar(tag, { election, credential: "", statement, commitments });
}

/** Schnorr proof of knowledge of `x` (votecore.proofs.prove_key). */
export function proveKey(election, statement, x, nonce = randomScalar()) {
  const c = challenge("key", election, statement, [pointHex(base(nonce))]);
  return [[scalarHex(c), scalarHex(nonce - x * c)]];
}

/** Chaum-Pedersen proof that log_G(x·G) = log_h(x·h) (votecore.proofs.prove_dleq). */
export function proveDleq(election, statement, x, h, nonce = randomScalar()) {
  const commitments = [pointHex(base(nonce)), pointHex(mul(h, nonce))];
  const c = challenge("decryption", election, statement, commitments);
  return [[scalarHex(c), scalarHex(nonce - x * c)]];
}

function verifyKey(election, statement, bigX, proof) {
  if (!Array.isArray(proof) || proof.length !== 1 || !Array.isArray(proof[0])) {
    throw new Error("the proof is [[challenge, response]]");
  }
  const [c, s] = proof[0].map(decodeScalar);
  const commitment = pointHex(base(s).add(mul(bigX, c)));
  if (challenge("key", election, statement, [commitment]) !== c) {
    throw new Error("the proof of knowledge does not verify");
  }
}

// -- key generation (§8) -----------------------------------------------------------

/** The setup hash that binds the ceremony's proofs to the election parameters. */
export function setupHash(params) {
  return sha256Hex("setup", params);
}

function counts(params) {
  return [params.trustees.count, params.trustees.threshold];
}

function poly(coefficients, j) {
  let acc = 0n;
  for (const a of [...coefficients].reverse()) acc = (acc * BigInt(j) + a) % L;
  return acc;
}

/** Step 1 for trustee `index` (1-based): {private, announcement}. */
export function setup(params, index) {
  const [n, t] = counts(params);
  if (!(Number.isInteger(index) && index >= 1 && index <= n)) {
    throw new Error("trustee index out of range");
  }
  const boxSecret = bytesToHex(x25519.utils.randomSecretKey());
  const coefficients = Array.from({ length: t }, () => scalarHex(randomScalar()));
  const priv = { trustee: index, box_secret: boxSecret, coefficients, share: null };
  return { private: priv, announcement: { trustee: index, box_key: boxPublicKey(boxSecret) } };
}

/** The trustee's public key (her commitment to her secret, C_i0) and its fingerprint. */
export function publicKeyOf(priv) {
  const commitment = pointHex(base(decodeScalar(priv.coefficients[0])));
  const hex = sha256Hex("trustee-key", { trustee: priv.trustee, commitment });
  // Four groups of four: short enough to read aloud to the other trustees.
  const fingerprint = hex.slice(0, 16).toUpperCase().match(/.{4}/g).join(" ");
  return { commitment, fingerprint };
}

/** Step 2: commitments, proof of knowledge, and a sealed share for each trustee. */
export function deal(params, priv, announcements) {
  const [n] = counts(params);
  const coefficients = priv.coefficients.map(decodeScalar);
  const commitments = coefficients.map((a) => pointHex(base(a)));
  const i = priv.trustee;
  const statement = { trustee: i, commitment: commitments[0] };
  const proof = proveKey(setupHash(params), statement, coefficients[0]);
  const boxes = new Map(announcements.map((a) => [Number(a.trustee), a.box_key]));
  for (let j = 1; j <= n; j++) {
    if (!boxes.has(j)) throw new Error("one announcement from every trustee is needed");
  }
  const shares = {};
  for (let j = 1; j <= n; j++) {
    const share = utf8.encode(scalarHex(poly(coefficients, j)));
    shares[String(j)] = bytesToHex(seal(hexToBytes(boxes.get(j)), share));
  }
  return { trustee: i, commitments, proof, shares };
}

/** The commitments of a deal if its shape and proof are right; else throw. */
export function checkDeal(params, dealt) {
  const [n, t] = counts(params);
  const i = dealt?.trustee;
  if (!Number.isInteger(i) || i < 1 || i > n) throw new Error("deal from an unknown trustee");
  if (!Array.isArray(dealt.commitments) || dealt.commitments.length !== t) {
    throw new Error(`trustee ${i}: a deal commits to ${t} coefficients`);
  }
  const commitments = dealt.commitments.map(decodePoint);
  const statement = { trustee: i, commitment: dealt.commitments[0] };
  verifyKey(setupHash(params), statement, commitments[0], dealt.proof);
  return commitments;
}

/** share·G = Σ j^k·C_k (Feldman's check). */
export function shareMatches(commitments, j, share) {
  let expected = Point.ZERO;
  let power = 1n;
  for (const c of commitments) {
    expected = expected.add(mul(c, power));
    power = (power * BigInt(j)) % L;
  }
  return base(share).equals(expected);
}

function openShare(priv, dealt) {
  try {
    const sealed = hexToBytes(dealt.shares[String(priv.trustee)]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(
      openSealed(hexToBytes(priv.box_secret), sealed),
    );
    return decodeScalar(text);
  } catch {
    return null; // any failure to open is a complaint
  }
}

/**
 * Step 3: open the shares sent to this trustee; complain about bad ones.
 * Returns the message ({trustee, against}) and, for the page, what was found.
 */
export function checkDeals(params, priv, deals) {
  const j = priv.trustee;
  const against = [];
  const findings = [];
  for (const dealt of deals) {
    let commitments;
    try {
      commitments = checkDeal(params, dealt);
    } catch {
      findings.push({ dealer: dealt.trustee, result: "disqualified" });
      continue; // every verifier disqualifies it; nothing to complain about
    }
    const share = openShare(priv, dealt);
    const good = share !== null && shareMatches(commitments, j, share);
    if (!good) against.push(dealt.trustee);
    findings.push({ dealer: dealt.trustee, result: good ? "good" : "bad" });
  }
  against.sort((a, b) => a - b);
  return { message: { trustee: j, against }, findings };
}

/** Step 4: publish the shares that other trustees complained about. */
export function reveal(priv, complaints) {
  const coefficients = priv.coefficients.map(decodeScalar);
  const i = priv.trustee;
  return complaints
    .filter((c) => c.against.includes(i))
    .map((c) => ({ trustee: i, to: c.trustee, share: scalarHex(poly(coefficients, c.trustee)) }));
}

/** Step 5: the trustee's secret share of the election key (kept private). */
export function finish(priv, deals, reveals, key) {
  const j = priv.trustee;
  const byDealer = new Map(deals.map((d) => [d.trustee, d]));
  const revealed = new Map(reveals.filter((r) => r.to === j).map((r) => [r.trustee, r.share]));
  let x = 0n;
  for (const i of key.qualified) {
    const text = revealed.get(i);
    const value = text ? decodeScalar(text) : openShare(priv, byDealer.get(i));
    if (value === null) throw new Error(`no share from trustee ${i}`);
    x = (x + value) % L;
  }
  if (pointHex(base(x)) !== key.verification_keys[String(j)]) {
    throw new Error("the share does not match the verification key");
  }
  return { ...priv, share: scalarHex(x) };
}

// -- decryption (§9) ----------------------------------------------------------------

const IDENTITY = pointHex(Point.ZERO);

/** The tally's alphas as points, question by question (votecore.tally.decode_tally,
 * which lets a sum be the identity). */
function tallyAlphas(tally) {
  return tally.ciphertexts.map((row) =>
    row.map(([alpha]) => [alpha, alpha === IDENTITY ? Point.ZERO : decodePoint(alpha)]),
  );
}

/** A trustee's decryption factors x_j·alpha of the tally, with proofs. */
export function decryptShare(params, key, priv, tally) {
  const election = electionFrom(params, key);
  const j = priv.trustee;
  const x = decodeScalar(priv.share);
  const bigX = key.verification_keys[String(j)];
  const factors = [];
  const proofs = [];
  for (const row of tallyAlphas(tally)) {
    const frow = [];
    const prow = [];
    for (const [alphaHex, alpha] of row) {
      const d = pointHex(mul(alpha, x));
      const statement = { trustee: j, verification_key: bigX, alpha: alphaHex, factor: d };
      prow.push(proveDleq(election.fingerprint, statement, x, alpha));
      frow.push(d);
    }
    factors.push(frow);
    proofs.push(prow);
  }
  return { trustee: j, factors, proofs };
}

// -- what to do next (alianza/elections/trustee.py next_step) ------------------------

/**
 * What trustee `index` does next: {step, message, private}. The step is ""
 * when there is nothing to do yet; `wait` then names what she waits for
 * ("announcements", "deals", "checks", "close", "done").
 */
export function nextStep(index, priv, state) {
  const params = state.params;
  const n = params.trustees.count;
  const announced = new Set(state.announcements.map((a) => a.trustee));
  if (priv === null) {
    const made = setup(params, index);
    return { step: "announce", message: made.announcement, private: made.private };
  }
  if (priv.trustee !== index) throw new Error("this secret is another trustee's");
  if (!announced.has(index)) {
    return {
      step: "announce",
      message: { trustee: index, box_key: boxPublicKey(priv.box_secret) },
      private: priv,
    };
  }
  if (announced.size < n) return { step: "", wait: "announcements", private: priv };
  const dealt = new Set(state.deals.map((d) => d.trustee));
  if (!dealt.has(index)) {
    return { step: "deal", message: deal(params, priv, state.announcements), private: priv };
  }
  if (dealt.size < n) return { step: "", wait: "deals", private: priv };
  if (!state.checked.includes(index)) {
    const { message, findings } = checkDeals(params, priv, state.deals);
    return { step: "check", message, findings, private: priv };
  }
  if (state.key === null) {
    const accused = state.complaints.filter((c) => c.against.includes(index));
    const mine = state.reveals.filter((r) => r.trustee === index);
    if (accused.length && !mine.length) {
      return { step: "reveal", message: reveal(priv, accused), private: priv };
    }
    return { step: "", wait: "checks", private: priv };
  }
  let current = priv;
  if (current.share === null || current.share === undefined) {
    current = finish(current, state.deals, state.reveals, state.key);
  }
  if (state.tally === null) return { step: "", wait: "close", private: current };
  if (state.decrypted.includes(index) || state.status !== "closed") {
    return { step: "", wait: "done", private: current };
  }
  return {
    step: "decrypt",
    message: decryptShare(params, state.key, current, state.tally),
    private: current,
  };
}
