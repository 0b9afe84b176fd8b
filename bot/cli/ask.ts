// npm run --silent bot:ask -- --jsonl < questions.jsonl
// One JSON object per input line: {"text": "...", "country"?: "GT", "locale"?: "es"}, each a fresh
// conversation. One JSON object per output line, in the same order:
// {"locale", "emergency", "urgency", "dangers", "country", "from", "section", "guides" (best first),
// "resources", "text"}. Nothing else goes to stdout
// (a line that can't be read gets the same fields plus "error"). Stable interface: see README.
import readline from "node:readline";
import { createEngine } from "../engine/index";
import { knowledgeBaseFromArgs } from "./kb-source";

const args = process.argv.slice(2);
if (!args.includes("--jsonl")) {
  process.stderr.write("usage: npm run --silent bot:ask -- --jsonl [--kb dist/kb.json] < questions.jsonl\n");
  process.exit(2);
}
let engine;
try {
  const kb = knowledgeBaseFromArgs(args);
  engine = createEngine(kb);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let out: Record<string, unknown>;
  try {
    const q = JSON.parse(line) as { text?: unknown; country?: unknown; locale?: unknown };
    if (typeof q.text !== "string") throw new Error('each line needs a "text" string');
    const r = engine.reply(undefined, {
      text: q.text,
      ...(typeof q.country === "string" ? { country: q.country } : {}),
      ...(typeof q.locale === "string" ? { locale: q.locale } : {}),
    });
    const country = r.state.country && r.state.country !== "skip" ? r.state.country : null;
    out = { locale: r.locale, emergency: r.emergency, urgency: r.urgency, dangers: r.dangers, country, from: r.state.from ?? null, section: r.section ?? null, guides: r.guides, resources: r.resources, text: r.text };
  } catch (err) {
    out = { locale: "", emergency: false, urgency: "none", dangers: [], country: null, from: null, section: null, guides: [], resources: [], text: "", error: (err as Error).message };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
