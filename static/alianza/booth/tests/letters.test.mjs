// The credential authority's letters and SMS file (letters.js): the marks filled
// in one pass, phones in +E.164, each message in the worker's language, letters by
// default only for the workers with no e-mail and no phone.
// Run: node --test static/alianza/booth/tests/

import assert from "node:assert/strict";
import { test } from "node:test";

import * as letters from "../letters.js";

const texts = {
  booth: "https://alianza.example/elections/u/vote/",
  languages: {
    es: { sms: "Votación. Su código secreto de votación: {code}.", letter: [] },
    en: { sms: "Vote. Your secret voting code: {code}, {name}.", letter: [] },
  },
};

test("a name holding a mark stays the name", () => {
  const worker = { name: "Rosa {code}", worker_number: "" };
  assert.equal(letters.fill("{name} ({number}): {code}", worker, "ABC"), "Rosa {code} (—): ABC");
});

test("phones in +E.164 and messages in the worker's language", () => {
  const workers = [
    { pk: 1, name: "Ana", phone: "+52 645 111 2222", language: "es" },
    { pk: 2, name: "Bob, Jr.", phone: "+1 (520) 555-0134", language: "en" },
    { pk: 3, name: "Sin teléfono", phone: "", language: "es" },
    { pk: 4, name: "Zoë", phone: "+33 1 23", language: "xx" },
  ];
  const file = letters.smsFile(texts, workers, { 1: "C1", 2: "C2", 3: "C3", 4: "C4" });
  assert.equal(
    file,
    "phone,message\r\n" +
      "+526451112222,Votación. Su código secreto de votación: C1.\r\n" +
      '+15205550134,"Vote. Your secret voting code: C2, Bob, Jr.."\r\n' +
      "+33123,Votación. Su código secreto de votación: C4.\r\n",
  );
});

test("letters by default only for workers with no other channel", () => {
  assert.equal(letters.needsALetter({ email: "", phone: "" }), true);
  assert.equal(letters.needsALetter({ email: "a@b.c", phone: "" }), false);
  assert.equal(letters.needsALetter({ email: "", phone: "+52 1" }), false);
  assert.equal(
    letters.boothLinkWithCode(texts, "Ab12"),
    "https://alianza.example/elections/u/vote/#code=Ab12",
  );
});

test("the codes file keeps a formula-looking name as text and reads back", () => {
  const voters = [
    { pk: 7, name: '=HYPERLINK("x")', worker_number: "007" },
    { pk: 8, name: "Łukasz Nguyễn, Thị", worker_number: "@1" },
  ];
  const file = letters.codesFile(voters, { 7: "K7", 8: "K8" });
  assert.equal(
    file,
    "\ufeffvoter,name,worker_number,code\n" +
      '7,"\'=HYPERLINK(""x"")",007,K7\n' +
      '8,"Łukasz Nguyễn, Thị",\'@1,K8\n',
  );
  // The authority's page reads the first and last cells of each line back.
  const rows = file.trim().split("\n").slice(1).map((row) => row.split(","));
  assert.deepEqual(rows.map((c) => [c[0], c[c.length - 1]]), [["7", "K7"], ["8", "K8"]]);
});
