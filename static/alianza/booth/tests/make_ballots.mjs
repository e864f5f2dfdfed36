// Make credentials and ballots with the booth, for votecore/tests/test_booth_js.py.
//
// stdin:  {"params": …, "key": …, "votes": [choices, …], "secrets": [code, …]}
// stdout: {"credentials": [[secret, public], …] (one per vote),
//          "ballots": [ballot, …] (vote i cast with credential i),
//          "trackers": [tracker, …],
//          "audit": the audit record of a further ballot for votes[0],
//          "revote": a second ballot of credential 0, replacing ballots[0],
//          "derived": [public credential of each code in "secrets"]}

import { readFileSync } from "node:fs";

import * as vc from "../votecore.js";

const input = JSON.parse(readFileSync(0, "utf-8"));
const election = vc.electionFrom(input.params, input.key);
const id = input.params.id;
const credentials = vc.makeCredentials(id, input.votes.length);
const ballots = input.votes.map(
  (choices, i) => vc.castBallot(election, credentials[i][0], choices).ballot,
);
const spoiled = vc.castBallot(election, credentials[0][0], input.votes[0]);
const output = {
  credentials,
  ballots,
  trackers: ballots.map(vc.tracker),
  audit: vc.auditRecord(spoiled.ballot, spoiled.randomness, input.votes[0]),
  revote: vc.castBallot(election, credentials[0][0], input.votes[0], vc.tracker(ballots[0])).ballot,
  derived: input.secrets.map((code) => vc.publicCredential(id, code)),
};
process.stdout.write(JSON.stringify(output));
