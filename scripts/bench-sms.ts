// npm run bench:sms [-- file.jsonl ...]: what SMS answers cost. Runs the real engine on the
// "text" of every line of the dev sets (default ../shared/eval/bot-dev.jsonl and
// bot-dev-2.jsonl; no other field is read, and no text is printed), formats each reply as the
// SMS channel sends it, and prints segments per reply (median / p90 / max): the first page,
// which is what one question costs, and every page, as if the person replied "0" until the end.
// Also the share still in UCS-2, how many first pages carry a number to call and the guide's
// address, and whether every emergency reply has its numbers in the first segment. For
// comparison, the same replies without the SMS writing (accents, typographic quotes and
// bullets kept, lists as written, no pages), split by the same segment counts.
import fs from "node:fs";
import path from "node:path";
import { createEngine } from "../bot/engine/index";
import { loadKnowledgeBase } from "../src/lib/kb-files";
import { countryNamesFrom, emergencyDigits, replyFormatter, showsAll, splitForSms, smsText } from "../bot/channels/sms-format";
import { countSegments } from "../bot/channels/sms-segments";
import { useTranslations } from "../src/lib/i18n";

/** Targets from the issue: a median answer of three segments, numbers to call in the first. */
const TARGET_MEDIAN = 3;
/** A public address of typical length, so links cost what they will. */
const SITE_URL = process.env["SITE_URL"] ?? "https://hub.example.org";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const files = args.length ? args : ["bot-dev.jsonl", "bot-dev-2.jsonl"].map((f) => path.resolve(root, "..", "shared", "eval", f));

const texts: string[] = [];
for (const file of files) {
  if (!fs.existsSync(file)) {
    console.error(`No dev set at ${file}. Pass paths: npm run bench:sms -- a.jsonl b.jsonl`);
    process.exit(2);
  }
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const text = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof text === "string") texts.push(text);
    } catch {
      // an unreadable line is skipped; it is counted below
    }
  }
}

const kb = loadKnowledgeBase();
const engine = createEngine(kb);
const format = replyFormatter({ siteUrl: SITE_URL, countryName: countryNamesFrom(kb) }, (locale) => ({
  optionsHeader: useTranslations(locale)("chat.smsOptions"),
  moreLine: useTranslations(locale)("chat.smsMore"),
}));

interface Cost {
  segments: number;
  parts: number;
  ucs2: boolean;
}
const cost = (parts: string[]): Cost => {
  const counts = parts.map(countSegments);
  return { segments: counts.reduce((n, c) => n + c.segments, 0), parts: parts.length, ucs2: counts.some((c) => c.encoding === "UCS-2") };
};

const now: Cost[] = [];
const everyPage: Cost[] = [];
const plain: Cost[] = [];
let emergencies = 0;
let numbersFirst = 0;
let withNumber = 0;
let withAddress = 0;
for (const text of texts) {
  const reply = engine.reply(undefined, { text });
  const parts = format(reply, "sms");
  const first = parts[0] ?? "";
  now.push(cost([first]));
  everyPage.push(cost(parts));
  if (/\d{3}/.test(first.replace(/https?:\/\/\S+/g, ""))) withNumber += 1;
  if (/https?:\/\//.test(first) || !reply.links.length) withAddress += 1;
  // The same reply without the SMS writing: WhatsApp's text, split by the same segment rule.
  plain.push(cost(splitForSms(smsText(reply, { channel: "whatsapp", siteUrl: SITE_URL, optionsHeader: useTranslations(reply.locale)("chat.smsOptions") }))));
  const numbers = emergencyDigits(reply);
  if (reply.emergency && numbers.length) {
    emergencies += 1;
    if (showsAll(countSegments(parts[0] ?? "").first, numbers)) numbersFirst += 1;
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const summary = (costs: Cost[]) => {
  const segs = costs.map((c) => c.segments);
  const ucs2 = costs.filter((c) => c.ucs2).length;
  return `median ${quantile(segs, 0.5)} / p90 ${quantile(segs, 0.9)} / max ${Math.max(...segs)} segments, parts median ${quantile(costs.map((c) => c.parts), 0.5)} max ${Math.max(...costs.map((c) => c.parts))}, UCS-2 ${Math.round((100 * ucs2) / costs.length)}%`;
};

console.log(`SMS cost over ${texts.length} replies (${files.map((f) => path.basename(f)).join(", ")}):`);
console.log(`  one question (first page): ${summary(now)}`);
console.log(`  every page ("0" to end):  ${summary(everyPage)}`);
console.log(`  first pages with a number to call: ${withNumber}/${texts.length}; with the guide's address (when it has one): ${withAddress}/${texts.length}`);
console.log(`  without the SMS writing:   ${summary(plain)}`);
console.log(`  emergency replies with every number to call in segment 1: ${numbersFirst}/${emergencies}`);
const median = quantile(now.map((c) => c.segments), 0.5);
console.log(`  targets: median <= ${TARGET_MEDIAN} segments: ${median <= TARGET_MEDIAN ? "met" : "NOT met"}; numbers in segment 1: ${numbersFirst === emergencies ? "met" : "NOT met"}`);
