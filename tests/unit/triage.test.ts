// The safety triage through the real engine and the real content: unseen phrasings of every
// danger in every language, hard negatives, the confirm step, the danger-specific reply, and an
// editor's corpus line changing the next build (tests/fixtures/triage/unseen.txt holds messages
// written for these tests only: never in content/bot/triage/, never from an evaluation set).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEngine } from "../../bot/engine/index";
import { createTriage, decide as decideWith, type TriageEvidence } from "../../bot/engine/triage";
import { loadKnowledgeBase } from "../../src/lib/kb-files";
import { loadClassifier, loadWinkClassifier } from "../../src/lib/nlp/classifier";
import { dangerKinds } from "../../src/lib/schemas";
import { withContentDir } from "./engine-fixture";

const kb = loadKnowledgeBase();
const engine = createEngine(kb);

const cases = fs
  .readFileSync("tests/fixtures/triage/unseen.txt", "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => l.split("|") as ["emergency" | "none", string, string, string]);

describe("unseen phrasings", () => {
  test("the fixture covers every danger kind in every language", () => {
    for (const locale of kb.locales.map((l) => l.code))
      for (const kind of dangerKinds) assert.ok(cases.some(([v, l, k]) => v === "emergency" && l === locale && k === kind), `${locale} ${kind}`);
  });
  for (const [verdict, locale, kind, text] of cases) {
    if (verdict === "emergency")
      test(`recognises ${kind} (${locale}): ${text}`, () => {
        const r = engine.reply(undefined, { text });
        assert.equal(r.urgency, "emergency");
        assert.equal(r.emergency, true);
        assert.ok(r.dangers.includes(kind), `dangers: ${r.dangers.join(",")}`);
      });
    else
      test(`does not raise an alarm (${locale}): ${text}`, () => {
        const r = engine.reply(undefined, { text });
        assert.equal(r.urgency, "none", `${r.urgency} ${r.dangers.join(",")}`);
        assert.equal(r.emergency, false);
      });
  }
});

describe("self-harm words", () => {
  // "hacerle daño" (to harm someone else) is one letter from "hacerme daño": no typo tolerance there.
  test("harm to someone else is not read as self-harm", () => {
    const r = engine.reply(undefined, { text: "el maestro nos pregunto como acercarse a un alumno sin hacerle daño" });
    assert.equal(r.dangers.includes("self-harm"), false, r.dangers.join(","));
    assert.equal(r.urgency, "none");
  });
  test("self-harm advice comes first when another danger is named too", () => {
    const r = createTriage(kb)("perdi a mi hermanito en el camino y ya no quiero vivir, tengo las pastillas aqui", "es");
    assert.equal(r.urgency, "emergency");
    assert.equal(r.advice[0], "self-harm", r.advice.join(","));
  });
  test("the same words about oneself still are", () => {
    const r = engine.reply(undefined, { text: "ya no aguanto, quiero hacerme daño" });
    assert.equal(r.urgency, "emergency");
    assert.ok(r.dangers.includes("self-harm"), r.dangers.join(","));
  });
});

describe("the decision", () => {
  // The logic, on a policy of its own (the shipped thresholds are tuned by bench:triage and move).
  const policy = { emergencyOdds: 10, aloneOdds: 10, checkOdds: 3, vetoOdds: -10, calmCheckOdds: 0, questionOdds: -100, calmOverrideOdds: 20, weakCheckOdds: -20, dismissOdds: -30 };
  const decide = (e: TriageEvidence) => decideWith(e, policy);
  const TRIAGE_POLICY = policy;
  const evidence = (e: Partial<TriageEvidence>): TriageEvidence => ({ strong: false, weak: false, uncancellable: false, alarm: false, calm: false, question: false, distress: false, cannotTalk: false, score: 0, ...e });
  test("self-harm is never cancelled, not even by a past story or a 'what if'", () => {
    assert.equal(decide(evidence({ uncancellable: true, calm: true, score: -50 })), "emergency");
  });
  test("a strong phrase is an emergency, but in a calm context it only asks", () => {
    assert.equal(decide(evidence({ strong: true, score: 0 })), "emergency");
    assert.equal(decide(evidence({ strong: true, calm: true, score: TRIAGE_POLICY.calmCheckOdds })), "check");
    assert.equal(decide(evidence({ strong: true, calm: true, score: TRIAGE_POLICY.calmCheckOdds - 1 })), "none");
  });
  test("a strong phrase in a calm context is an emergency when the classifier is very sure", () => {
    assert.equal(decide(evidence({ strong: true, calm: true, score: TRIAGE_POLICY.calmOverrideOdds })), "emergency");
    assert.equal(decide(evidence({ strong: true, calm: true, score: TRIAGE_POLICY.calmOverrideOdds - 1 })), "check");
    // The classifier alone never overrides a calm context: a strong phrase must be there too.
    assert.equal(decide(evidence({ calm: true, score: TRIAGE_POLICY.calmOverrideOdds + 10 })), "check");
  });
  test("someone who cannot talk because others listen is asked, and with a call for help is an emergency", () => {
    assert.equal(decide(evidence({ cannotTalk: true, score: -5 })), "check");
    assert.equal(decide(evidence({ cannotTalk: true, distress: true, score: -5 })), "emergency");
    assert.equal(decide(evidence({ cannotTalk: true, distress: true, calm: true, score: TRIAGE_POLICY.calmCheckOdds })), "check");
  });
  test("a strong phrase the classifier firmly contradicts only asks", () => {
    assert.equal(decide(evidence({ strong: true, score: TRIAGE_POLICY.vetoOdds - 1 })), "check");
  });
  test("weak danger words ask, unless the classifier firmly rules the danger out", () => {
    assert.equal(decide(evidence({ weak: true, score: TRIAGE_POLICY.weakCheckOdds })), "check");
    assert.equal(decide(evidence({ weak: true, score: TRIAGE_POLICY.weakCheckOdds - 1 })), "none");
  });
  test("strong danger words in a question the classifier contradicts far below the veto are not asked about, self-harm still is an emergency", () => {
    assert.equal(decide(evidence({ strong: true, question: true, score: TRIAGE_POLICY.dismissOdds })), "check");
    assert.equal(decide(evidence({ strong: true, question: true, score: TRIAGE_POLICY.dismissOdds - 1 })), "none");
    assert.equal(decide(evidence({ strong: true, question: true, uncancellable: true, score: TRIAGE_POLICY.dismissOdds - 1 })), "emergency");
  });
  test("strong danger words outside a question always ask, however firmly the classifier contradicts them", () => {
    assert.equal(decide(evidence({ strong: true, score: TRIAGE_POLICY.dismissOdds - 50 })), "check");
  });
  test("the classifier alone raises an emergency, asks in the uncertain middle, and is silent below", () => {
    assert.equal(decide(evidence({ score: TRIAGE_POLICY.emergencyOdds })), "emergency");
    assert.equal(decide(evidence({ score: TRIAGE_POLICY.checkOdds })), "check");
    assert.equal(decide(evidence({ score: TRIAGE_POLICY.checkOdds - 1 })), "none");
    assert.equal(decide(evidence({ weak: true })), "check");
  });
});

describe("the confirm step", () => {
  // A hint of danger, not a danger: the bot should ask, not raise an alarm, and not stay silent.
  const hint = "me da miedo un señor que nos ve mucho";
  test("a weak danger signal asks in one line, with the number, and offers yes and no", () => {
    const r = engine.reply(undefined, { text: hint, country: "MX" });
    assert.equal(r.urgency, "check");
    assert.equal(r.emergency, false);
    const first = r.text.split("\n")[0] ?? "";
    assert.match(first, /peligro/);
    assert.match(first, /911/);
    assert.deepEqual(r.quickReplies.slice(0, 2).map((q) => q.text), ["#danger-yes", "#danger-no"]);
  });
  test("'yes' (the button or the word) gives the emergency reply for what the message hinted at", () => {
    const asked = engine.reply(undefined, { text: hint, country: "MX" });
    for (const yes of ["#danger-yes", "si"]) {
      const r = engine.reply(asked.state, { text: yes });
      assert.equal(r.urgency, "emergency", yes);
      assert.ok(r.text.startsWith("Llama ahora. Emergencias en México"), r.text);
      assert.deepEqual(r.dangers, asked.dangers);
    }
  });
  test("'no' goes on calmly, without an emergency", () => {
    const asked = engine.reply(undefined, { text: hint, country: "MX" });
    const r = engine.reply(asked.state, { text: "#danger-no" });
    assert.equal(r.urgency, "none");
    assert.equal(r.state.pending, undefined);
    assert.equal(r.state.dangers, undefined);
  });
  test("stays on few questions: a plain question gets no confirm step", () => {
    assert.equal(engine.reply(undefined, { text: "como pido asilo en mexico" }).urgency, "none");
  });
});

describe("the emergency reply", () => {
  const advice = (key: string, locale: string) => kb.lexicon.emergencies.advice[key]?.text[locale] ?? "";
  test("starts with the numbers of the country the person is in, then the advice for that danger", () => {
    const r = engine.reply(undefined, { text: "mi bebe esta convulsionando", country: "GT" });
    assert.ok(r.text.startsWith("Llama ahora. Emergencias en Guatemala"), r.text);
    const seizure = advice("seizure", "es");
    assert.ok(seizure && r.text.includes(seizure), r.text);
    assert.ok(r.text.indexOf("110") < r.text.indexOf(seizure));
  });
  test("gives the advice of each language, and a separated child the advice for a separated child", () => {
    const r = engine.reply(undefined, { text: "i lost my mom at the bus station, im 12 and its night" });
    assert.ok(r.text.includes(advice("separated-child", "en")), r.text);
  });
  test("adds the country's line for that danger where one exists (a crisis line for self-harm in Mexico)", () => {
    const crisis = kb.resources.find((x) => x.country === "MX" && x.kind === "mental-health");
    assert.ok(crisis, "the content has a Mexican crisis line");
    const r = engine.reply(undefined, { text: "me quiero matar, tengo las pastillas", country: "MX" });
    assert.ok(r.resources.includes(crisis.id), r.resources.join(","));
    assert.ok(r.text.includes(crisis.phones[0]?.number ?? "?"));
  });
  test("someone who cannot talk because others listen is told how to stay unseen first", () => {
    const r = engine.reply(undefined, { text: "estamos encerrados y no puedo hablar porque nos escuchan" });
    const hidden = advice("cannot-talk", "es");
    assert.ok(hidden && r.text.includes(hidden));
  });
  test("without a known country, every country's numbers come first, compactly", () => {
    const r = engine.reply(undefined, { text: "me violaron anoche" });
    const lines = r.text.split("\n");
    assert.match(lines[0] ?? "", /país/);
    for (const c of kb.countries) assert.ok(lines.slice(1, 1 + kb.countries.length).some((l) => l.includes(c.names["es"] ?? "?")), c.code);
  });
});

describe("the classifier", () => {
  test("the engine's fast odds equal wink-naive-bayes-text-classifier's own", () => {
    const model = kb.triageModel;
    assert.ok(model, "the build trains a model from content/bot/triage/");
    const fast = loadClassifier(model);
    const wink = loadWinkClassifier(model);
    const some = (n: number) => model.features.filter((_, i) => i % n === 0).slice(0, 40);
    for (const features of [some(7), some(13), ["w:nunca-visto"], [...some(101), "w:nunca-visto"]]) {
      const a = fast.odds(features);
      const b = wink.odds(features);
      a.forEach((v, i) => assert.ok(Math.abs(v - (b[i] as number)) < 1e-9, `${model.labels[i]}: ${v} vs ${b[i]}`));
    }
  });
  /**
   * The verdict on `message` in a copy of the content, before and after an editor adds it under
   * `list` (the first list of that name in es.yaml: an emergency kind or an advice key).
   */
  function verdictsWithLine(list: string, message: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "triage-corpus-"));
    try {
      fs.cpSync(path.resolve("content"), dir, { recursive: true });
      const before = withContentDir(dir, () => createEngine(loadKnowledgeBase(dir))).reply(undefined, { text: message });
      const file = path.join(dir, "bot", "triage", "es.yaml");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(new RegExp(`^ {2}${list}:\\n`, "m"), `  ${list}:\n    - "${message}"\n`));
      const after = withContentDir(dir, () => createEngine(loadKnowledgeBase(dir))).reply(undefined, { text: message });
      return { before, after };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  // Eight made-up words: one line among thousands carries evidence only through words no other line has.
  test("an editor's new corpus line changes the next build's verdict", () => {
    const { before, after } = verdictsWithLine("held", "zorblax quimtak flumpo drevel snarvik plontu grebish vantolk");
    assert.equal(before.urgency, "none");
    assert.notEqual(after.urgency, "none");
    assert.equal(after.dangers[0], "held", after.dangers.join(","));
  });
  test("an editor's line under an advice key teaches the triage too: it is an emergency of that advice's main danger", () => {
    const { before, after } = verdictsWithLine("detained", "quorvin blatsek mirrondu pelvaskar trindolf zubrekki wasmorel fendrago");
    assert.equal(before.urgency, "none");
    assert.notEqual(after.urgency, "none");
    assert.equal(after.dangers[0], "held", after.dangers.join(","));
  });
});

describe("someone who cannot talk", () => {
  for (const [locale, text] of [
    ["es", "solo puedo escribir, el señor esta a mi lado"],
    ["en", "i can only text, they are in the room"],
    ["fr", "juste texte stp, ils lisent mes messages"],
  ] as const)
    test(`is asked whether they are in danger (${locale}): ${text}`, () => {
      const r = engine.reply(undefined, { text, locale });
      assert.notEqual(r.urgency, "none", r.dangers.join(","));
    });
  test("who asks for help gets the emergency reply", () => {
    const r = engine.reply(undefined, { text: "ayuda porfa, no puedo hablar, me oyen" });
    assert.equal(r.urgency, "emergency");
  });
});

describe("the advice for the danger", () => {
  const adviceCases = fs
    .readFileSync("tests/fixtures/triage/advice-unseen.txt", "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("|") as [string, string, string]);
  const triage = createTriage(kb);
  for (const [locale, advice, text] of adviceCases)
    test(`gives the ${advice} advice first (${locale}): ${text}`, () => {
      const r = triage(text, locale);
      assert.equal(r.urgency, "emergency");
      assert.equal(r.advice[0], advice, r.advice.join(","));
    });
  test("the advice classifier, not only the danger words, picks some of them", () => {
    const { adviceModel, ...withoutModel } = kb;
    assert.ok(adviceModel, "the build trains an advice model from the corpus's advice lists");
    const wordsOnly = createTriage(withoutModel);
    const changed = adviceCases.filter(([locale, advice, text]) => wordsOnly(text, locale).advice[0] !== advice);
    assert.ok(changed.length > 0, "every case is already right without the classifier: the cases test nothing of it");
  });
  test("an editor's new advice line changes the next build's advice", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "advice-corpus-"));
    try {
      fs.cpSync(path.resolve("content"), dir, { recursive: true });
      const message = "nos tienen encerrados en el zorblax quimtak";
      const first = (d: string) => createTriage(withContentDir(d, () => loadKnowledgeBase(d)))(message, "es").advice[0];
      const before = first(dir);
      assert.notEqual(before, "detained");
      const file = path.join(dir, "bot", "triage", "es.yaml");
      const lines = ["zorblax quimtak nos encerraron", "estamos en el zorblax quimtak", "el zorblax quimtak no nos deja salir"].map((m) => `    - "${m}"\n`).join("");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^ {2}detained:\n/m, `  detained:\n${lines}`));
      assert.equal(first(dir), "detained");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bot:ask --jsonl", () => {
  test("prints urgency and dangers beside the fields it always had", async () => {
    const { spawnSync } = await import("node:child_process");
    const input = ['{"text":"nos tienen encerrados en una bodega"}', '{"text":"como pido asilo en mexico"}'].join("\n");
    const out = spawnSync(process.execPath, ["--import", "tsx", "bot/cli/ask.ts", "--jsonl"], { input, encoding: "utf8" });
    assert.equal(out.status, 0, out.stderr);
    const [held, question] = out.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const key of ["locale", "emergency", "guides", "resources", "text", "urgency", "dangers"]) assert.ok(held && key in held, key);
    assert.equal(held?.["urgency"], "emergency");
    assert.deepEqual(held?.["dangers"], ["held"]);
    assert.equal(question?.["urgency"], "none");
    assert.deepEqual(question?.["dangers"], []);
  });
});
