// npm run new:locale -- <code> "<name in its own language>" [rtl] [--stemmer=…] [--stop-words=…]
//   [--franc=…] [--words-per-sentence=…] [--letters-per-word=…]
// Adds a language with every per-locale fact (content/locales.json): the stemmer and stop words
// for search and the bot, the code language identification knows it by, and plain-language
// targets. Languages the project knows get their facts without flags. The site then builds with
// every guide shown in Spanish, with a notice, until translations exist.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { contentDir } from "../src/lib/paths";
import { sourceLocale } from "../src/lib/locales";
import { localeSchema } from "../src/lib/schemas";
import { loadUiStrings } from "../src/lib/i18n";
import { fail } from "./scaffold";

/** Facts for languages whose stemmer and stop words the project bundles (src/lib/nlp/stem.ts, stop-words.ts) but that are not served yet. The letters-per-word targets are first estimates (plain Italian, German and Dutch words run longer than Spanish ones): calibrate them on the first reviewed guides. */
const known: Record<string, { stemmer: string; stopWords: string; franc: string; lettersPerWord: number }> = {
  it: { stemmer: "italian", stopWords: "ita", franc: "ita", lettersPerWord: 4.5 },
  de: { stemmer: "german", stopWords: "deu", franc: "deu", lettersPerWord: 5.0 },
  nl: { stemmer: "dutch", stopWords: "nld", franc: "nld", lettersPerWord: 4.8 },
};

const usage = 'npm run new:locale -- <code> "<name in its own language>" [rtl] [--stemmer=<name>] [--stop-words=<list>] [--franc=<code>] [--words-per-sentence=<n>] [--letters-per-word=<n>]   (for example: npm run new:locale -- it "Italiano")';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stemmer: { type: "string" },
    "stop-words": { type: "string" },
    franc: { type: "string" },
    "words-per-sentence": { type: "string" },
    "letters-per-word": { type: "string" },
  },
});
const [code, label = code, dirArg] = positionals;
if (!code) fail(`Usage: ${usage}`);
const facts = known[code];
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const row = localeSchema.safeParse({
  code,
  lang: code,
  label,
  dir: dirArg === "rtl" ? "rtl" : "ltr",
  stemmer: values.stemmer ?? facts?.stemmer,
  stopWords: values["stop-words"] ?? facts?.stopWords,
  franc: values.franc ?? facts?.franc,
  readability: {
    wordsPerSentence: number(values["words-per-sentence"]),
    lettersPerWord: number(values["letters-per-word"]) ?? facts?.lettersPerWord,
  },
});
if (!row.success) {
  const issue = row.error.issues[0];
  fail(`"${code}": ${issue ? `${issue.path.join(".") || "code"} ${issue.message}` : "is not a valid locale"}.\nUsage: ${usage}`);
}

const root = contentDir();
const tableFile = path.join(root, "locales.json");
const table = JSON.parse(fs.readFileSync(tableFile, "utf8")) as { code: string }[];
if (table.some((l) => l.code === code)) fail(`The locale "${code}" already exists in ${path.relative(process.cwd(), tableFile)}.`);
table.push(row.data);
fs.writeFileSync(tableFile, `[\n${table.map((l) => `  ${JSON.stringify(l)}`).join(",\n")}\n]\n`);
console.log(`Added "${code}" to ${path.relative(process.cwd(), tableFile)}: ${JSON.stringify(row.data)}`);
if (!row.data.stemmer) console.log(`  No stemmer: search and the bot match whole words only. Give --stemmer=<name> if the language inflects words.`);
if (!row.data.stopWords) console.log(`  No packaged stop words: the bot finds them in the ${code} guides once there are enough.`);
if (!row.data.franc) console.log(`  No --franc code: the bot tells ${code} apart by the words of its guides only.`);

const strings = { "meta.translation": "untranslated", ...loadUiStrings(sourceLocale, root) };
const stringsFile = path.join(root, "i18n", `${code}.json`);
fs.writeFileSync(stringsFile, `${JSON.stringify(strings, null, 2)}\n`);
console.log(`Created ${path.relative(process.cwd(), stringsFile)} (the Spanish strings, marked untranslated: translate each value)`);

const guidesDir = path.join(root, "guides", code);
fs.mkdirSync(guidesDir, { recursive: true });
fs.writeFileSync(path.join(guidesDir, ".gitkeep"), "");
console.log(`Created ${path.relative(process.cwd(), guidesDir)}/ (translations go here: npm run new:translation -- <id> ${code})`);
