// Triage on the real content/bot vocabulary: a list of dangers happening now and of questions
// that only mention a danger, in five languages (tests/fixtures/kb-content/triage-cases.txt).
// Editors changing content/bot/danger.yaml run this to see what they fixed or broke.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createEngine } from "../../bot/engine/index";
import { buildRealKb } from "./engine-fixture";

const engine = createEngine(buildRealKb());
const cases = fs
  .readFileSync("tests/fixtures/kb-content/triage-cases.txt", "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => l.split("|") as [string, string, string]);

describe("triage", () => {
  for (const [expected, locale, text] of cases) {
    const emergency = expected === "1";
    test(`${emergency ? "is" : "is not"} an emergency (${locale}): ${text}`, () => {
      const r = engine.reply(undefined, { text });
      assert.equal(r.emergency, emergency);
      assert.equal(r.locale, locale);
      if (emergency) assert.equal(r.guides[0], "emergency-help");
    });
  }
});
