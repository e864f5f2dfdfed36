// Time the booth (static/alianza/booth/votecore.js): ms to cast a ballot.
// Run: node bench/booth/cast.mjs [ballots per round, default 20]
// Records: bench/booth/RESULTS.md.

import { cpus, loadavg } from "node:os";

import { ed25519 } from "../../static/vendor/noble-curves-2.4.0/ed25519.js";
import * as vc from "../../static/alianza/booth/votecore.js";

const ROUNDS = 5;
const perRound = Number(process.argv[2] ?? 20);

const QUESTIONS = {
  "yes/no": { text: "Ratify?", answers: ["Yes", "No"], min: 1, max: 1, blank: false },
  "1 of 6": {
    text: "Delegate",
    answers: ["Ana", "Bill", "Carmen", "Dolores", "Ed", "Fatima"],
    min: 1,
    max: 1,
    blank: false,
  },
  "up to 2 of 3 or blank": {
    text: "Priorities",
    answers: ["Wages", "Safety", "Pensions"],
    min: 1,
    max: 2,
    blank: true,
  },
};
const CHOICES = {
  "yes/no": [1, 0],
  "1 of 6": [0, 0, 1, 0, 0, 0],
  "up to 2 of 3 or blank": [1, 0, 1],
};

function ms(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const key = ed25519.Point.BASE.multiply(vc.randomScalar()).toHex();
console.log(
  `node ${process.version}, ${process.arch}, ${cpus().length} × ${cpus()[0].model}, ` +
    `load ${loadavg()[0].toFixed(1)}; best of ${ROUNDS} rounds of ${perRound} ballots`,
);
for (const [name, question] of Object.entries(QUESTIONS)) {
  const params = {
    version: 1,
    id: "bench-booth",
    name: "Bench",
    questions: [question],
    trustees: { count: 3, threshold: 2 },
    revote: true,
  };
  let start = process.hrtime.bigint();
  const election = vc.electionFrom(params, { public_key: key });
  const setup = ms(start);
  const [[secret]] = vc.makeCredentials(params.id, 1);
  start = process.hrtime.bigint();
  vc.castBallot(election, secret, [CHOICES[name]]);
  const first = ms(start);
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) vc.castBallot(election, secret, [CHOICES[name]]);
    best = Math.min(best, ms(start) / perRound);
  }
  console.log(
    `${name.padEnd(22)} electionFrom ${setup.toFixed(1)} ms, first ballot ${first.toFixed(1)} ms, then ${best.toFixed(1)} ms per ballot`,
  );
}
let start = process.hrtime.bigint();
vc.makeCredentials("bench-booth", 100);
console.log(`makeCredentials        ${(ms(start) / 100).toFixed(2)} ms per credential`);
