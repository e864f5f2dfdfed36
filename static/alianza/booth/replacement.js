// The credential authority's side of a lost or stolen code, in the browser: its
// authority key and a signed replacement (docs/voting-protocol.md §5.1), the twin
// of votecore.authority. The authority code and the worker's new code stay here;
// Alianza receives the public key and the signed replacement only.

import { ed25519 } from "../../vendor/noble-curves-2.4.0/ed25519.js";
import {
  PREFIX,
  canonical,
  hashToScalar,
  makeCredentials,
  pointHex,
  randomScalar,
  secretScalar,
  sign,
} from "./votecore.js";

const utf8 = new TextEncoder();
export const REASONS = ["lost", "stolen"];

/** a = hash_to_scalar("authority", {election, secret}); the code has a voter's form. */
export function authorityScalar(electionId, code) {
  secretScalar(electionId, code); // refuses a code that is not 20 base-58 characters
  return hashToScalar("authority", { election: electionId, secret: code });
}

export function authorityKey(electionId, code) {
  return pointHex(ed25519.Point.BASE.multiply(authorityScalar(electionId, code)));
}

/** PREFIX ‖ "credential_replaced" ‖ 0x00 ‖ canonical({election, old, new, reason}). */
export function replacementMessage(fingerprint, oldCredential, newCredential, reason) {
  const body = { election: fingerprint, new: newCredential, old: oldCredential, reason };
  return utf8.encode(`${PREFIX}credential_replaced\u0000${canonical(body)}`);
}

/** The credential_replaced payload for `newCredential`, signed with the authority code. */
export function signReplacement(
  electionId, fingerprint, code, oldCredential, newCredential, reason, nonce = randomScalar(),
) {
  if (!REASONS.includes(reason)) throw new Error("the reason is lost or stolen");
  const a = authorityScalar(electionId, code);
  const publicBytes = ed25519.Point.BASE.multiply(a).toBytes();
  const message = replacementMessage(fingerprint, oldCredential, newCredential, reason);
  const signature = sign(a, publicBytes, message, nonce);
  return { new: newCredential, old: oldCredential, reason, signature };
}

/** The worker's new code, and the replacement to send. */
export function replaceCode(electionId, fingerprint, code, oldCredential, reason) {
  const [[newCode, newCredential]] = makeCredentials(electionId, 1);
  return {
    code: newCode,
    payload: signReplacement(electionId, fingerprint, code, oldCredential, newCredential, reason),
  };
}
