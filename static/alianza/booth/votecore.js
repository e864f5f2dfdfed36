// The voting booth's cryptography: the browser twin of votecore's voter side
// (votecore.api.cast, audit, make_credentials, tracker), byte for byte as
// docs/voting-protocol.md specifies. Test vectors: docs/voting-protocol-vectors/;
// node --test static/alianza/booth/tests/ checks this module against them.
//
// Scalars are BigInt modulo L; points are @noble/curves ed25519 points,
// written as 64 lowercase hex characters (compressed Ed25519).

import { ed25519 } from "../../vendor/noble-curves-2.4.0/ed25519.js";
import { sha256, sha512 } from "../../vendor/noble-hashes-2.4.0/sha2.js";
import {
  bytesToHex,
  bytesToNumberLE,
  concatBytes,
  hexToBytes,
  numberToBytesLE,
} from "../../vendor/noble-curves-2.4.0/utils.js";

const Point = ed25519.Point;
export const L = Point.Fn.ORDER;
export const PREFIX = "alianza-votecore/v1/";
export const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
export const CODE_LENGTH = 20;
const HEX64 = /^[0-9a-f]{64}$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const utf8 = new TextEncoder();

// -- canonical JSON (§2) ------------------------------------------------------

function sorted(value) {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "string") {
    try {
      encodeURIComponent(value); // throws on a lone surrogate, which UTF-8 cannot carry
    } catch {
      throw new Error("a string with a lone surrogate");
    }
    return value;
  }
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error("only integers below 2^53");
    return value;
  }
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      if (!/^[\x00-\x7f]*$/.test(key)) throw new Error("object keys are ASCII");
      out[key] = sorted(value[key]);
    }
    return out;
  }
  throw new Error(`no canonical encoding for ${typeof value}`);
}

/** The canonical JSON encoding of `value`, as a string. */
export function canonical(value) {
  return JSON.stringify(sorted(value));
}

function tagged(tag, value) {
  return utf8.encode(`${PREFIX}${tag}\u0000${canonical(value)}`);
}

/** hex(SHA-256(PREFIX ‖ tag ‖ 0x00 ‖ canonical(value))). */
export function sha256Hex(tag, value) {
  return bytesToHex(sha256(tagged(tag, value)));
}

/** int_le(SHA-512(PREFIX ‖ tag ‖ 0x00 ‖ canonical(value))) mod L. */
export function hashToScalar(tag, value) {
  return bytesToNumberLE(sha512(tagged(tag, value))) % L;
}

// -- scalars and points (§2) --------------------------------------------------

/** `x` modulo L, in [0, L). */
function mod(x) {
  return ((x % L) + L) % L;
}

export function scalarHex(s) {
  return bytesToHex(numberToBytesLE(mod(s), 32));
}

export function decodeScalar(text) {
  if (typeof text !== "string" || !HEX64.test(text)) {
    throw new Error("a scalar must be 64 lowercase hexadecimal characters");
  }
  const s = bytesToNumberLE(hexToBytes(text));
  if (s >= L) throw new Error("a scalar must be below the group order");
  return s;
}

/** 64 bytes read little-endian, reduced modulo L. */
export function reduceWide(bytes) {
  if (bytes.length !== 64) throw new Error("wide reduction needs 64 bytes");
  return bytesToNumberLE(bytes) % L;
}

/** A uniform non-zero scalar: 64 random bytes reduced modulo L (zero redrawn). */
export function randomScalar() {
  for (;;) {
    const s = reduceWide(crypto.getRandomValues(new Uint8Array(64)));
    if (s !== 0n) return s;
  }
}

/** A received point: canonical, on the curve, not of small order, in the subgroup. */
export function decodePoint(text) {
  if (typeof text !== "string" || !HEX64.test(text)) {
    throw new Error("a point must be 64 lowercase hexadecimal characters");
  }
  let p;
  try {
    p = Point.fromHex(text); // strict RFC 8032 decoding: y < 2^255 - 19
  } catch {
    throw new Error("not a point of the curve");
  }
  if (p.toHex() !== text || p.is0() || p.isSmallOrder() || !p.isTorsionFree()) {
    throw new Error("not a valid point of the prime-order subgroup");
  }
  return p;
}

export function pointHex(p) {
  return bytesToHex(p.toBytes());
}

/** s·P for any scalar (reduced modulo L; zero gives the identity). */
function mul(p, s) {
  const k = mod(s);
  return k === 0n || p.is0() ? Point.ZERO : p.multiply(k);
}

function base(s) {
  return mul(Point.BASE, s);
}

function small(m) {
  return base(BigInt(m));
}

// -- election (§4) -------------------------------------------------------------

function check(condition, message) {
  if (!condition) throw new Error(`election parameters: ${message}`);
}

function sameKeys(value, keys) {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).sort().join() === [...keys].sort().join()
  );
}

// Lengths in Unicode code points, as votecore counts them (§4).
const MAX_NAME = 200;
const MAX_TEXT = 1000;
const MAX_ANSWER = 400;

function text(value, most) {
  return typeof value === "string" && value.length > 0 && [...value].length <= most;
}

function checkParams(params) {
  check(
    sameKeys(params, ["version", "id", "name", "questions", "trustees", "revote"]),
    "exactly version, id, name, questions, trustees, revote",
  );
  check(params.version === 1, "version must be 1");
  check(typeof params.id === "string" && ID.test(params.id), "bad id");
  check(text(params.name, MAX_NAME), `name is 1 to ${MAX_NAME} characters`);
  check(typeof params.revote === "boolean", "revote is true or false");
  const t = params.trustees;
  check(sameKeys(t, ["count", "threshold"]), "trustees is {count, threshold}");
  check(
    Number.isInteger(t.count) &&
      Number.isInteger(t.threshold) &&
      1 <= t.threshold &&
      t.threshold <= t.count &&
      t.count <= 64,
    "1 <= threshold <= count <= 64",
  );
  const qs = params.questions;
  check(Array.isArray(qs) && qs.length >= 1 && qs.length <= 64, "1 to 64 questions");
  for (const q of qs) {
    check(sameKeys(q, ["text", "answers", "min", "max", "blank"]), "a question's keys");
    check(text(q.text, MAX_TEXT), `question text is 1 to ${MAX_TEXT} characters`);
    check(
      Array.isArray(q.answers) &&
        q.answers.length >= 1 &&
        q.answers.length <= 64 &&
        q.answers.every((a) => text(a, MAX_ANSWER)),
      `1 to 64 answers, each 1 to ${MAX_ANSWER} characters`,
    );
    check(
      Number.isInteger(q.min) &&
        Number.isInteger(q.max) &&
        0 <= q.min &&
        q.min <= q.max &&
        q.max <= q.answers.length &&
        q.max >= 1,
      "0 <= min <= max <= answers and max >= 1",
    );
    check(typeof q.blank === "boolean", "blank is true or false");
  }
  canonical(params);
}

function range(lo, hi) {
  const out = [];
  for (let v = lo; v <= hi; v++) out.push(v);
  return out;
}

/** How a question is encrypted: explicit ciphertexts and the overall proof's values. */
export function layout(question) {
  const k = question.answers.length;
  const { min: lo, max: hi, blank } = question;
  let explicit, values;
  if (!blank && lo === hi && k >= 2) {
    explicit = k - 1;
    values = range(Math.max(0, hi - 1), Math.min(hi, k - 1));
  } else {
    explicit = k;
    values = [...new Set([...(blank ? [0] : []), ...range(lo, hi)])].sort((a, b) => a - b);
  }
  const all = range(0, explicit);
  const overall =
    values.length === all.length && values.every((v, i) => v === all[i]) ? null : values;
  return { answers: k, min: lo, max: hi, blank, explicit, overall };
}

function allowed(lay, picks) {
  if (!Array.isArray(picks) || picks.length !== lay.answers) return false;
  if (!picks.every((c) => c === 0 || c === 1)) return false;
  const total = picks.reduce((a, b) => a + b, 0);
  return (lay.blank && total === 0) || (lay.min <= total && total <= lay.max);
}

/**
 * The election a ballot is made for, from the stored `params` and `key`
 * (the `key` event's payload, or any object with its `public_key`). The key is
 * validated; a `fingerprint` in `key` must be the one computed here.
 */
export function electionFrom(params, key) {
  checkParams(params);
  const y = decodePoint(key.public_key);
  y.precompute(4); // y is multiplied four times per answer; a small table pays off at once
  const fingerprint = sha256Hex("fingerprint", { election: params, public_key: key.public_key });
  if (key.fingerprint !== undefined && key.fingerprint !== fingerprint) {
    throw new Error("the election fingerprint does not match its parameters and key");
  }
  return {
    params,
    publicKey: y,
    publicKeyHex: key.public_key,
    fingerprint,
    layouts: params.questions.map(layout),
  };
}

// -- credentials (§5) ----------------------------------------------------------

/** A new secret credential code: 20 uniform base-58 characters. */
export function newSecret() {
  let code = "";
  while (code.length < CODE_LENGTH) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) {
      // 232 = 4·58: accepting only bytes below it keeps the choice uniform.
      if (b < 232 && code.length < CODE_LENGTH) code += ALPHABET[b % 58];
    }
  }
  return code;
}

export function secretScalar(electionId, secret) {
  if (
    typeof secret !== "string" ||
    secret.length !== CODE_LENGTH ||
    [...secret].some((ch) => !ALPHABET.includes(ch))
  ) {
    throw new Error("a secret credential is 20 base-58 characters");
  }
  const x = hashToScalar("credential", { election: electionId, secret });
  if (x === 0n) throw new Error("degenerate credential");
  return x;
}

/** The public credential (hex) of a secret code. */
export function publicCredential(electionId, secret) {
  return pointHex(base(secretScalar(electionId, secret)));
}

/** The credential authority's step: `count` pairs [secret, public]. */
export function makeCredentials(electionId, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const code = newSecret();
    out.push([code, publicCredential(electionId, code)]);
  }
  return out;
}

/** Ed25519 with a raw scalar key: R = r·G, k = SHA-512(R ‖ X ‖ M) mod L, S = r + k·x. */
export function sign(x, publicBytes, message, nonce) {
  const bigR = base(nonce).toBytes();
  const k = bytesToNumberLE(sha512(concatBytes(bigR, publicBytes, message))) % L;
  const s = (nonce + k * x) % L;
  return bytesToHex(concatBytes(bigR, numberToBytesLE(s, 32)));
}

/** The message a ballot's signature covers. */
export function signedMessage(body) {
  return tagged("ballot", body);
}

// -- proofs (§6.2) -------------------------------------------------------------

function challenge(ctx, commitments) {
  return hashToScalar(ctx.tag, {
    election: ctx.election,
    credential: ctx.credential,
    statement: ctx.statement,
    commitments,
  });
}

/**
 * Prove that `ct` encrypts one of `values` (the true one is `m`, with
 * randomness `r`); `nonces` holds 2·len(values) − 1 scalars: c, s of each
 * false branch in order, then w.
 */
export function proveValues(ctx, y, ct, r, m, values, nonces) {
  const [alpha, beta] = ct;
  const i = values.indexOf(m);
  if (i < 0) throw new Error("the value is not among the allowed ones");
  const pairs = values.map(() => [0n, 0n]);
  const commitments = [];
  const w = nonces[nonces.length - 1];
  let k = 0;
  values.forEach((v, j) => {
    let a, b;
    if (j === i) {
      a = base(w);
      b = mul(y, w);
    } else {
      const [c, s] = [nonces[k], nonces[k + 1]];
      k += 2;
      pairs[j] = [c, s];
      a = base(s).add(mul(alpha, c));
      b = mul(y, s).add(mul(beta.subtract(small(v)), c));
    }
    commitments.push([pointHex(a), pointHex(b)]);
  });
  const cAll = challenge(ctx, commitments);
  const ci = mod(cAll - pairs.reduce((acc, [c]) => acc + c, 0n));
  pairs[i] = [ci, mod(w - r * ci)];
  return pairs.map(([c, s]) => [scalarHex(c), scalarHex(s)]);
}

function encodeCt([alpha, beta]) {
  return [pointHex(alpha), pointHex(beta)];
}

// -- ballots (§6) ---------------------------------------------------------------

/**
 * Encrypt, prove and sign. `choices` holds, per question, one 0/1 per answer
 * (an implied last answer included). `replaces` is the tracker of the
 * credential's last ballot on the board, null for its first (§6.5): the
 * signature binds the ballot to its place in the credential's chain.
 * Returns `{ballot, randomness}`, the randomness being, per question, the
 * BigInt `r` of each explicit ciphertext. `rng` (for test vectors) returns the
 * scalars in the order §6.2 gives.
 */
export function castBallot(election, secret, choices, replaces = null, rng = randomScalar) {
  if (!Array.isArray(choices) || choices.length !== election.layouts.length) {
    throw new Error("one list of choices per question");
  }
  if (replaces !== null && (typeof replaces !== "string" || !HEX64.test(replaces))) {
    throw new Error("replaces is a tracker (64 lowercase hex characters) or null");
  }
  const x = secretScalar(election.params.id, secret);
  const cred = base(x);
  const credHex = pointHex(cred);
  const y = election.publicKey;
  const yHex = election.publicKeyHex;
  const answers = [];
  const randomness = [];
  election.layouts.forEach((lay, q) => {
    const picks = choices[q];
    if (!allowed(lay, picks)) throw new Error(`question ${q}: these choices are not allowed`);
    const cts = [];
    const proofs = [];
    const rs = [];
    for (let a = 0; a < lay.explicit; a++) {
      const r = rng();
      const ct = [base(r), small(picks[a]).add(mul(y, r))];
      const enc = encodeCt(ct);
      const statement = {
        public_key: yHex,
        question: q,
        answer: a,
        ciphertext: enc,
        values: [0, 1],
      };
      const ctx = { tag: "choice", election: election.fingerprint, credential: credHex, statement };
      proofs.push(proveValues(ctx, y, ct, r, picks[a], [0, 1], [rng(), rng(), rng()]));
      cts.push(ct);
      rs.push(r);
    }
    let overall = null;
    if (lay.overall !== null) {
      const sum = cts.reduce((acc, ct) => [acc[0].add(ct[0]), acc[1].add(ct[1])]);
      const statement = {
        public_key: yHex,
        question: q,
        ciphertext: encodeCt(sum),
        values: lay.overall,
      };
      const ctx = { tag: "overall", election: election.fingerprint, credential: credHex, statement };
      const nonces = Array.from({ length: 2 * lay.overall.length - 1 }, () => rng());
      const rSum = rs.reduce((acc, r) => acc + r, 0n) % L;
      const mSum = picks.slice(0, lay.explicit).reduce((acc, m) => acc + m, 0);
      overall = proveValues(ctx, y, sum, rSum, mSum, lay.overall, nonces);
    }
    answers.push({ choices: cts.map(encodeCt), proofs, overall });
    randomness.push(rs);
  });
  const body = { election: election.fingerprint, credential: credHex, replaces, answers };
  const signature = sign(x, cred.toBytes(), signedMessage(body), rng());
  return { ballot: { ...body, signature }, randomness };
}

/** A ballot's tracker: the hash of its content without the signature, so the
 * booth can show it before the voter chooses to cast (sign) or to audit. It
 * covers `replaces`, so the last tracker commits to the credential's chain. */
export function tracker(ballot) {
  return sha256Hex("tracker", unsignedBallot(ballot));
}

function unsignedBallot({ election, credential, replaces, answers }) {
  return { election, credential, replaces, answers };
}

/** What the booth reveals when the voter audits (and so spoils) a ballot (§7). */
export function auditRecord(ballot, randomness, choices) {
  // Shown without its signature: an audited ballot can never be cast.
  const unsigned = unsignedBallot(ballot);
  return {
    ballot: unsigned,
    tracker: tracker(unsigned),
    choices,
    randomness: randomness.map((rs) =>
      rs.map((r) => (typeof r === "string" ? scalarHex(decodeScalar(r)) : scalarHex(r))),
    ),
  };
}

/**
 * Check an audit record (§7) against the election, as votecore.ballot.verify_audit
 * does for the ciphertexts: the ballot is for this election, the tracker is its
 * hash, the choices are allowed, and every explicit ciphertext is (r·G, m·G + r·y)
 * for the revealed r and choice m. Returns the choices; throws if anything differs.
 */
export function checkAudit(election, record) {
  const { ballot, choices, randomness } = record;
  if (ballot.election !== election.fingerprint) throw new Error("the ballot is for another election");
  if (record.tracker !== tracker(ballot)) throw new Error("the tracker is not the hash of the ballot");
  if (!Array.isArray(choices) || choices.length !== election.layouts.length) {
    throw new Error("one list of choices per question");
  }
  const y = election.publicKey;
  election.layouts.forEach((lay, q) => {
    const picks = choices[q];
    const rs = randomness[q];
    if (!allowed(lay, picks)) throw new Error(`question ${q}: the revealed choices are not allowed`);
    if (!Array.isArray(rs) || rs.length !== lay.explicit) throw new Error(`question ${q}: wrong number of random values`);
    for (let a = 0; a < lay.explicit; a++) {
      const r = decodeScalar(rs[a]);
      const expected = encodeCt([base(r), small(picks[a]).add(mul(y, r))]);
      const found = ballot.answers[q].choices[a];
      if (expected[0] !== found[0] || expected[1] !== found[1]) {
        throw new Error(`question ${q}, answer ${a}: does not open as revealed`);
      }
    }
  });
  return choices;
}
