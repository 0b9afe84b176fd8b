// npm run new:locale -- <code> "<name in its own language>" [rtl]: adds a language. The site
// then builds with every guide shown in Spanish, with a notice, until translations exist.
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "../src/lib/paths";
import { sourceLocale } from "../src/lib/locales";
import { localeSchema } from "../src/lib/schemas";
import { loadUiStrings } from "../src/lib/i18n";
import { fail } from "./scaffold";

const usage = 'npm run new:locale -- <code> "<name in its own language>" [rtl]   (for example: npm run new:locale -- it "Italiano")';
const [code, label = process.argv[2], dirArg] = process.argv.slice(2);
if (!code) fail(`Usage: ${usage}`);
const row = localeSchema.safeParse({ code, lang: code, label, dir: dirArg === "rtl" ? "rtl" : "ltr" });
if (!row.success) fail(`"${code}": ${row.error.issues[0]?.message ?? "is not a valid locale"}.\nUsage: ${usage}`);

const root = contentDir();
const tableFile = path.join(root, "locales.json");
const table = JSON.parse(fs.readFileSync(tableFile, "utf8")) as { code: string }[];
if (table.some((l) => l.code === code)) fail(`The locale "${code}" already exists in ${path.relative(process.cwd(), tableFile)}.`);
table.push(row.data);
fs.writeFileSync(tableFile, `[\n${table.map((l) => `  ${JSON.stringify(l)}`).join(",\n")}\n]\n`);
console.log(`Added "${code}" to ${path.relative(process.cwd(), tableFile)}`);

const strings = { "meta.translation": "untranslated", ...loadUiStrings(sourceLocale, root) };
const stringsFile = path.join(root, "i18n", `${code}.json`);
fs.writeFileSync(stringsFile, `${JSON.stringify(strings, null, 2)}\n`);
console.log(`Created ${path.relative(process.cwd(), stringsFile)} (the Spanish strings, marked untranslated: translate each value)`);

const guidesDir = path.join(root, "guides", code);
fs.mkdirSync(guidesDir, { recursive: true });
fs.writeFileSync(path.join(guidesDir, ".gitkeep"), "");
console.log(`Created ${path.relative(process.cwd(), guidesDir)}/ (translations go here: npm run new:translation -- <id> ${code})`);
