// npm run bench:triage [-- --verbose]
// How well the safety triage finds people in danger, measured on messages it was not trained on:
// 1. 10-fold cross-validation on the corpus of content/bot/triage/ (its emergency, not-emergency
//    and advice lists): each tenth of the messages is judged by classifiers trained on the other
//    nine tenths (a fold is never trained on). The lexicon (content/bot/danger.yaml) is the same in
//    every fold.
// 2. The held-out set tests/heldout/triage.jsonl, written for measuring by someone who saw neither
//    the corpus nor the evaluation sets, and never trained on, through the whole engine.
// 3. Every ../shared/eval/*.jsonl set (never trained on), through the whole engine.
// Prints recall (emergencies answered as emergencies), "caught" (emergency or the confirm step),
// false emergencies and the confirm-step rate on non-emergencies, per language and per kind.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent, formatProblem } from "../../src/lib/content-files";
import { buildKnowledgeBase, type KnowledgeBase } from "../../src/lib/kb";
import { triageMessages, trainAdviceModel, trainTriageModel, NO_DANGER, type CorpusMessage } from "../../src/lib/triage-model";
import { ADVICE_TUNING, TRIAGE_POLICY, checkCause, createTriage, decide, type AdviceTuning, type TriageEvidence, type Urgency } from "../engine/triage";
import { createEngine } from "../engine/index";

const FOLDS = 10;
const verbose = process.argv.includes("--verbose");
/** --tune: print how recall, false emergencies and the confirm step move with the two classifier thresholds. */
const tune = process.argv.includes("--tune");

const { content, problems } = loadContent();
const errors = problems.filter((p) => p.severity === "error");
if (errors.length) {
  console.error(errors.map(formatProblem).join("\n"));
  process.exit(1);
}
const messages = triageMessages(content.triageCorpus, content.lexicon.emergencies.advice);
/** The advice lists' messages labelled by their advice key: what the advice classifier learns. */
const asAdvice = (list: readonly CorpusMessage[]): CorpusMessage[] => list.flatMap((m) => (m.advice ? [{ ...m, label: m.advice }] : []));
const t0 = performance.now();
const kb = buildKnowledgeBase(content);
const trainMs = performance.now() - t0;

/** A stable fold for each message: spread evenly within each language and kind. */
function folds(list: readonly CorpusMessage[]): number[] {
  const seen = new Map<string, number>();
  return list.map((m) => {
    const key = `${m.locale}/${m.kind}/${m.advice ?? ""}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n % FOLDS;
  });
}

interface Tally {
  emergencies: number;
  recalled: number;
  caught: number;
  calm: number;
  falseEmergencies: number;
  checks: number;
}
const empty = (): Tally => ({ emergencies: 0, recalled: 0, caught: 0, calm: 0, falseEmergencies: 0, checks: 0 });
function count(t: Tally, isEmergency: boolean, urgency: Urgency): void {
  if (isEmergency) {
    t.emergencies++;
    if (urgency === "emergency") t.recalled++;
    if (urgency !== "none") t.caught++;
  } else {
    t.calm++;
    if (urgency === "emergency") t.falseEmergencies++;
    if (urgency === "check") t.checks++;
  }
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "  -  ");
function row(name: string, t: Tally): string {
  return `  ${name.padEnd(22)} recall ${pct(t.recalled, t.emergencies).padStart(6)} caught ${pct(t.caught, t.emergencies).padStart(6)} (${t.emergencies} em.)   false em. ${pct(t.falseEmergencies, t.calm).padStart(6)} confirm step ${pct(t.checks, t.calm).padStart(6)} (${t.calm} other)`;
}
function report(title: string, groups: Map<string, Tally>, total: Tally): void {
  console.log(title);
  console.log(row("all", total));
  for (const [name, t] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) console.log(row(name, t));
}
const add = (m: Map<string, Tally>, key: string) => {
  let t = m.get(key);
  if (!t) m.set(key, (t = empty()));
  return t;
};

/** Why the non-emergencies got the confirm step, by cause (counts only: no message is printed). */
function printCauses(evidence: readonly TriageEvidence[]): void {
  const causes = new Map<string, number>();
  for (const e of evidence) {
    const c = checkCause(e);
    if (c) causes.set(c, (causes.get(c) ?? 0) + 1);
  }
  const parts = [...causes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${pct(n, evidence.length)}`);
  console.log(`confirm step on non-emergencies, by cause: ${parts.join(", ") || "none"}`);
}

// 1. Cross-validation on the corpus.
const fold = folds(messages);
const total = empty();
const byLocale = new Map<string, Tally>();
const byKind = new Map<string, Tally>();
const byList = new Map<string, Tally>();
const misses: string[] = [];
/** Per corpus message: the evidence its fold's triage saw (for --tune). */
const seen: { emergency: boolean; evidence: TriageEvidence }[] = [];
const t1 = performance.now();
/** Advice tunings compared on the advice lists with --tune (the shipped one is always measured). */
const adviceTunings: AdviceTuning[] = [
  ADVICE_TUNING,
  { fallbackOdds: Infinity, firstOdds: Infinity, firstMargin: Infinity },
  ...(tune
    ? [
        ...[-Infinity, -10, -5, 0, 5, Infinity].flatMap((firstOdds) => [0, 5, 10, 20, 30, Infinity].map((firstMargin) => ({ fallbackOdds: -Infinity, firstOdds, firstMargin }))),
        // How much the classifier's guesses are worth where the words call for no advice.
        ...[-10, -5, 0, 5].map((fallbackOdds) => ({ ...ADVICE_TUNING, fallbackOdds })),
      ]
    : []),
];
interface AdviceTally {
  n: number;
  right: number;
  shown: number;
}
const adviceTallies = adviceTunings.map(() => ({ all: { n: 0, right: 0, shown: 0 } as AdviceTally, byLocale: new Map<string, AdviceTally>() }));
const wrongAdvice: string[] = [];
const listOf = (m: CorpusMessage) => (m.advice ? "advice lists" : m.label === NO_DANGER ? "not-emergency lists" : "emergency lists");
for (let f = 0; f < FOLDS; f++) {
  const training = messages.filter((_, i) => fold[i] !== f);
  const model = trainTriageModel(training, content.lexicon);
  const adviceModel = trainAdviceModel(asAdvice(training), content.lexicon);
  const foldKb: KnowledgeBase = { ...kb, ...(model ? { triageModel: model } : {}), ...(adviceModel ? { adviceModel } : {}) };
  const triages = adviceTunings.map((tuning) => createTriage(foldKb, tuning));
  const triage = triages[0] as ReturnType<typeof createTriage>;
  messages.forEach((m, i) => {
    if (fold[i] !== f) return;
    const r = triage(m.text, m.locale);
    const isEmergency = m.label !== NO_DANGER;
    seen.push({ emergency: isEmergency, evidence: r.evidence });
    for (const t of [total, add(byLocale, m.locale), add(byKind, m.kind), add(byList, listOf(m))]) count(t, isEmergency, r.urgency);
    if ((isEmergency && r.urgency !== "emergency") || (!isEmergency && r.urgency !== "none"))
      misses.push(`  [${m.locale} ${m.kind}${m.advice ? `/${m.advice}` : ""} → ${r.urgency} odds=${r.score.toFixed(1)} ${r.because.join(",")}] ${m.text.slice(0, 160)}`);
    const advice = m.advice;
    if (!advice) return;
    triages.forEach((t, k) => {
      const a = k === 0 ? r : t(m.text, m.locale);
      const tally = adviceTallies[k] as (typeof adviceTallies)[number];
      let byLocaleTally = tally.byLocale.get(m.locale);
      if (!byLocaleTally) tally.byLocale.set(m.locale, (byLocaleTally = { n: 0, right: 0, shown: 0 }));
      for (const x of [tally.all, byLocaleTally]) {
        x.n++;
        if (a.advice[0] === advice) x.right++;
        if (a.advice.includes(advice)) x.shown++;
      }
      if (k === 0 && a.advice[0] !== advice) wrongAdvice.push(`  [${m.locale} ${advice} → ${a.advice.join(",") || "-"} ${a.urgency}] ${m.text.slice(0, 140)}`);
    });
  });
}
const cvMs = performance.now() - t1;
console.log(`Triage on the corpus (content/bot/triage/: ${messages.length} messages, ${messages.filter((m) => m.label !== NO_DANGER).length} emergencies), ${FOLDS}-fold cross-validation`);
report("by language", byLocale, total);
report("by kind (emergency kinds: recall; other kinds: false emergencies)", byKind, total);
report("by list", byList, total);
printCauses(seen.filter((x) => !x.emergency).map((x) => x.evidence));
if (verbose) console.log(`misses:\n${misses.join("\n")}`);
const adviceLine = (name: string, x: AdviceTally) => `  ${name.padEnd(22)} right advice first ${pct(x.right, x.n).padStart(6)}  shown ${pct(x.shown, x.n).padStart(6)} (${x.n} messages)`;
const [shipped, wordsOnly] = adviceTallies;
if (shipped && wordsOnly && shipped.all.n) {
  console.log(`Emergency advice on the corpus's advice lists (the same folds; an emergency the triage misses gets no advice)`);
  console.log(adviceLine("words and defaults", wordsOnly.all));
  console.log(adviceLine("with the classifier", shipped.all));
  for (const [locale, x] of [...shipped.byLocale].sort()) console.log(adviceLine(locale, x));
  if (verbose) console.log(`wrong advice:\n${wrongAdvice.join("\n")}`);
  if (tune) adviceTunings.forEach((t, k) => k > 1 && console.log(adviceLine(`${t.fallbackOdds} / ${t.firstOdds} / ${t.firstMargin}`, (adviceTallies[k] as (typeof adviceTallies)[number]).all)));
}
if (tune) {
  console.log("thresholds (emergency / check / veto / calm-check / question / calm-override odds): recall, caught, false emergencies, confirm step, on the corpus");
  for (const emergencyOdds of [6, 8, 10, 12, 15])
    for (const checkOdds of [3, 6, 9])
      for (const vetoOdds of [-20, -15, -10])
      for (const calmCheckOdds of [0])
      for (const questionOdds of [-100, -5, 0, 5])
      for (const calmOverrideOdds of [15, 20, 25, 30, 40, Infinity]) {
        const t = empty();
        for (const x of seen) count(t, x.emergency, decide(x.evidence, { ...TRIAGE_POLICY, emergencyOdds, aloneOdds: emergencyOdds, checkOdds, vetoOdds, calmCheckOdds, questionOdds, calmOverrideOdds }));
        console.log(`  ${String(emergencyOdds).padStart(3)} / ${String(checkOdds).padStart(2)} / ${String(vetoOdds).padStart(3)} / ${String(calmCheckOdds).padStart(3)} / ${String(questionOdds).padStart(4)} / ${String(calmOverrideOdds).padStart(8)}: recall ${pct(t.recalled, t.emergencies)} caught ${pct(t.caught, t.emergencies)} false em. ${pct(t.falseEmergencies, t.calm)} confirm ${pct(t.checks, t.calm)}`);
      }
  console.log("the classifier alone, in a message with no danger word (the other thresholds as shipped; alone odds): recall, caught, false emergencies, confirm step, on the corpus");
  for (const aloneOdds of [6, 8, 10, 12, 15, 20, 25, 30, Infinity]) {
    const t = empty();
    for (const x of seen) count(t, x.emergency, decide(x.evidence, { ...TRIAGE_POLICY, aloneOdds }));
    console.log(`  ${String(aloneOdds).padStart(8)}: recall ${pct(t.recalled, t.emergencies)} caught ${pct(t.caught, t.emergencies)} false em. ${pct(t.falseEmergencies, t.calm)} confirm ${pct(t.checks, t.calm)}`);
  }
  console.log("when words ask (the other thresholds as shipped; weak-check / dismiss odds): recall, caught, false emergencies, confirm step, on the corpus");
  for (const weakCheckOdds of [-Infinity, -40, -30, -25, -20, -15, -10])
    for (const dismissOdds of [-Infinity, -40, -30, -25, -20, -15, -10]) {
      const t = empty();
      for (const x of seen) count(t, x.emergency, decide(x.evidence, { ...TRIAGE_POLICY, weakCheckOdds, dismissOdds }));
      console.log(`  ${String(weakCheckOdds).padStart(9)} / ${String(dismissOdds).padStart(9)}: recall ${pct(t.recalled, t.emergencies)} caught ${pct(t.caught, t.emergencies)} false em. ${pct(t.falseEmergencies, t.calm)} confirm ${pct(t.checks, t.calm)}`);
    }
}

// 2. and 3. The held-out set and the evaluation sets, never trained on, through the whole engine.
interface Row {
  text: string;
  expect_locale: string;
  expect_emergency: boolean;
  category?: string;
}
const engine = createEngine(kb);
const fullTriage = createTriage(kb);
const evalDir = path.resolve("..", "shared", "eval");
/** Each set to measure: its title and file. */
const sets: { title: string; file: string }[] = [
  { title: "tests/heldout/triage.jsonl (written for measuring by someone who saw neither the corpus nor the evaluation sets; never trained on)", file: path.resolve("tests", "heldout", "triage.jsonl") },
  ...(fs.existsSync(evalDir) ? fs.readdirSync(evalDir).filter((f) => f.endsWith(".jsonl")).sort() : []).map((f) => ({ title: `../shared/eval/${f} (never trained on)`, file: path.join(evalDir, f) })),
];
const times: number[] = [];
/** Every measured set's messages, timed again below once the engine is warm. */
const measured: string[] = [];
for (const set of sets) {
  if (!fs.existsSync(set.file)) continue;
  const rows = fs
    .readFileSync(set.file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  measured.push(...rows.map((r) => r.text));
  const all = empty();
  const locales = new Map<string, Tally>();
  const categories = new Map<string, Tally>();
  // No misses are printed here: nothing may be fitted to these sets.
  const calmEvidence: TriageEvidence[] = [];
  for (const r of rows) {
    const s = performance.now();
    const reply = engine.reply(undefined, { text: r.text });
    times.push(performance.now() - s);
    for (const t of [all, add(locales, r.expect_locale), ...(r.category ? [add(categories, r.category)] : [])]) count(t, r.expect_emergency, reply.urgency);
    if (!r.expect_emergency) calmEvidence.push(fullTriage(r.text, reply.locale).evidence);
  }
  console.log(`\n${set.title}: ${rows.length} messages`);
  report("by language", locales, all);
  if (categories.size) report("by category", categories, all);
  printCauses(calmEvidence);
}
/** The p-quantile of sorted times, in ms. */
const quantile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(2) ?? "-";
times.sort((a, b) => a - b);
const q = (p: number) => quantile(times, p);
// A hub's engine answers for days: the warm figure is what a person waits once the hub has
// answered a few hundred messages. The engine keeps no message text between replies, so the
// same messages are a fair second pass; the corpus goes through first as the warm-up.
for (const m of messages) engine.reply(undefined, { text: m.text });
const warm: number[] = [];
for (const text of measured) {
  const s = performance.now();
  engine.reply(undefined, { text });
  warm.push(performance.now() - s);
}
warm.sort((a, b) => a - b);
console.log(`\nclassifier: ${kb.triageModel?.features.length ?? 0} features, ${(Buffer.byteLength(JSON.stringify(kb.triageModel ?? {})) / 1024).toFixed(0)} KiB in kb.json; trained with the knowledge base in ${trainMs.toFixed(0)} ms; cross-validation ${(cvMs / 1000).toFixed(1)} s`);
if (times.length) {
  console.log(`engine answer time on these sets: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms (first run, wall clock)`);
  console.log(`engine answer time on these sets, warm: p50 ${quantile(warm, 0.5)} ms, p99 ${quantile(warm, 0.99)} ms (after the corpus went through once; target p99 < 5 ms)`);
}
console.log("Targets on unseen messages: recall 100%, false emergencies <= 3%, confirm step on <= 10% of non-emergencies.");
