// The booth's check of an audited ballot (votecore.js checkAudit) against the
// published vector's audit record (docs/voting-protocol-vectors/ballot.json),
// and the same record tampered with.
// Run: node --test static/alianza/booth/tests/

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as vc from "../votecore.js";

const VECTORS = new URL("../../../../docs/voting-protocol-vectors/", import.meta.url);
const data = JSON.parse(readFileSync(new URL("ballot.json", VECTORS), "utf-8"));
const election = vc.electionFrom(data.params, { public_key: data.public_key });
const copy = () => JSON.parse(JSON.stringify(data.audit));

test("the vector's audited ballot opens to its choices", () => {
  assert.deepEqual(vc.checkAudit(election, copy()), data.audit.choices);
});

test("a ballot made in this booth and audited opens to the choices made", () => {
  const choices = data.choices;
  const { ballot, randomness } = vc.castBallot(election, data.secret_credential, choices);
  const record = vc.auditRecord(ballot, randomness, choices);
  assert.deepEqual(vc.checkAudit(election, record), choices);
});

test("other choices claimed for the same ciphertexts are caught", () => {
  const record = copy();
  const q = record.choices.findIndex((picks) => picks.length >= 2);
  const picks = record.choices[q];
  const one = picks.indexOf(1);
  const zero = picks.indexOf(0);
  [picks[one], picks[zero]] = [0, 1]; // still an allowed choice, but not the one encrypted
  assert.throws(() => vc.checkAudit(election, record), /does not open as revealed|not allowed/);
});

test("other randomness, another tracker or another election is caught", () => {
  const record = copy();
  record.randomness[0][0] = vc.scalarHex(vc.decodeScalar(record.randomness[0][0]) + 1n);
  assert.throws(() => vc.checkAudit(election, record), /does not open as revealed/);
  const tracked = copy();
  tracked.tracker = "0".repeat(64);
  assert.throws(() => vc.checkAudit(election, tracked), /tracker/);
  const elsewhere = copy();
  elsewhere.ballot.election = "1".repeat(64);
  assert.throws(() => vc.checkAudit(election, elsewhere), /another election/);
});
