// npm run bench:bot-quality [-- path/to/dev.jsonl] [--kb dist/kb.json]
// Scores the engine on a labelled set (fields text, expect_locale, expect_guides,
// expect_emergency; default ../shared/eval/bot-dev.jsonl) and prints language accuracy, guide
// top-1/top-3, emergency recall, false-emergency rate, answer time and knowledge-base load time/size.
// With --verbose, lists every miss.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createEngine } from "../engine/index";
import { knowledgeBaseFromArgs } from "./kb-source";

interface Row {
  text: string;
  expect_locale: string;
  expect_guides: string[];
  expect_emergency: boolean;
  country?: string;
}

// `| head` closes the pipe early: that is not an error.
process.stdout.on("error", () => process.exit(0));
const args = process.argv.slice(2);
const kbAt = args.indexOf("--kb");
const positional = args.filter((a, i) => !a.startsWith("--") && (kbAt < 0 || i !== kbAt + 1));
const file = positional[0] ?? path.resolve("..", "shared", "eval", "bot-dev.jsonl");
const verbose = args.includes("--verbose");
if (!fs.existsSync(file)) {
  console.error(`No labelled set at ${file}. Pass its path: npm run bench:bot-quality -- path/to/file.jsonl`);
  process.exit(2);
}
const rows = fs
  .readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

const t0 = performance.now();
const kb = knowledgeBaseFromArgs(args);
const t1 = performance.now();
const engine = createEngine(kb);
const t2 = performance.now();
const kbBytes = Buffer.byteLength(JSON.stringify(kb));

// Warm up (JIT, and the garbage left by building the indexes), then time every question.
for (let i = 0; i < 2; i++) for (const r of rows) engine.reply(undefined, { text: r.text });
const times: number[] = [];
// CPU time too: on a shared machine, wall time includes the moments another process had the CPU.
const cpuTimes: number[] = [];
let lang = 0, top1 = 0, top3 = 0, top1Strict = 0, top3Strict = 0, withGuides = 0;
let emTrue = 0, emHit = 0, emFalse = 0, nonEm = 0;
const misses: string[] = [];
for (const r of rows) {
  // Median of 5 runs per message: the machine is shared, one busy moment should not count as the engine's time.
  const input = { text: r.text, ...(r.country ? { country: r.country } : {}) };
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let reply = engine.reply(undefined, input);
  for (let k = 0; k < 5; k++) {
    const c = process.cpuUsage();
    const s = performance.now();
    reply = engine.reply(undefined, input);
    runs.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpuRuns.push((used.user + used.system) / 1000);
  }
  times.push(runs.sort((a, b) => a - b)[2] as number);
  cpuTimes.push(cpuRuns.sort((a, b) => a - b)[2] as number);
  const ok: string[] = [];
  if (reply.locale === r.expect_locale) lang++;
  else ok.push(`lang ${reply.locale}≠${r.expect_locale}`);
  const g = reply.guides;
  if (r.expect_guides.length === 0) {
    // Small talk: the right answer is no guide at all.
    withGuides++;
    const none = g.length === 0;
    if (none) (top1++, top3++, top1Strict++, top3Strict++);
    else ok.push(`guides ${g.join(",")} (expected none)`);
  } else {
    withGuides++;
    const exp = new Set(r.expect_guides);
    const first = r.expect_guides[0] as string;
    if (g[0] && exp.has(g[0])) top1++;
    if (g.slice(0, 3).some((x) => exp.has(x))) top3++;
    else ok.push(`guides ${g.join(",") || "none"} (expected ${r.expect_guides.join(",")})`);
    if (g[0] === first) top1Strict++;
    if (g.slice(0, 3).includes(first)) top3Strict++;
  }
  if (r.expect_emergency) {
    emTrue++;
    if (reply.emergency) emHit++;
    else ok.push("missed emergency");
  } else {
    nonEm++;
    if (reply.emergency) (emFalse++, ok.push("false emergency"));
  }
  if (ok.length) misses.push(`${ok.join("; ")}: ${r.text.slice(0, 90)}`);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const pctOf = (list: number[], p: number) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
const pct = (p: number) => pctOf(times, p);
const ratio = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "n/a");
console.log(`Bot quality on ${path.relative(process.cwd(), file) || file} (${rows.length} messages)`);
console.log(`  language accuracy      ${ratio(lang, rows.length)}   (target >= 97%)`);
console.log(`  guide top-1            ${ratio(top1, withGuides)}   (first guide is one of the expected; strict, the first expected: ${ratio(top1Strict, withGuides)})`);
console.log(`  guide top-3            ${ratio(top3, withGuides)}   (target >= 90%; strict: ${ratio(top3Strict, withGuides)})`);
console.log(`  emergency recall       ${ratio(emHit, emTrue)}   (target 100%)`);
console.log(`  false emergencies      ${ratio(emFalse, nonEm)}   (target <= 3%)`);
console.log(`  answer time p50 / p99  ${pct(50).toFixed(2)} ms / ${pct(99).toFixed(2)} ms   (target p99 < 5 ms; wall clock, median of 5 runs per message)`);
console.log(`  CPU time p50 / p99     ${pctOf(cpuTimes, 50).toFixed(2)} ms / ${pctOf(cpuTimes, 99).toFixed(2)} ms   (the same runs, without time the machine gave to other processes)`);
console.log(`  knowledge base         load ${(t1 - t0).toFixed(0)} ms from ${kbAt >= 0 ? "kb.json" : "content/"}, engine start ${(t2 - t1).toFixed(0)} ms, ${(kbBytes / 1024).toFixed(0)} KiB (${kb.guides.length} guide files)`);
if (verbose) for (const m of misses) console.log(`  miss: ${m}`);
else if (misses.length) console.log(`  ${misses.length} message(s) with a miss; --verbose lists them`);
