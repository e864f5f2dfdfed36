// For votecore/tests/test_booth_js.py: which of the points on stdin (a JSON
// list of hex strings) the booth accepts. stdout: a JSON list of booleans.

import { readFileSync } from "node:fs";

import { decodePoint } from "../votecore.js";

const points = JSON.parse(readFileSync(0, "utf-8"));
const verdicts = points.map((hex) => {
  try {
    decodePoint(hex);
    return true;
  } catch {
    return false;
  }
});
process.stdout.write(JSON.stringify(verdicts));
