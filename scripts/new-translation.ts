// npm run new:translation -- <id> <locale>: creates a translation stub that records which
// source revision it translates, so the checker can tell when the Spanish text changes.
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "../src/lib/paths";
import { isLocale, localeCodes, sourceLocale } from "../src/lib/locales";
import { sourceRevision } from "../src/lib/revision";
import { loadContent } from "../src/lib/content-files";
import { splitFrontmatter } from "../src/lib/frontmatter";
import { fail, requireId, writeNew } from "./scaffold";

const usage = "npm run new:translation -- <id> <locale>   (for example: npm run new:translation -- your-rights pt)";
const id = requireId(process.argv[2], usage);
const locale = process.argv[3] ?? fail(`Usage: ${usage}`);
if (!isLocale(locale) || locale === sourceLocale) fail(`"${locale}" is not a translation locale. Use one of: ${localeCodes().filter((c) => c !== sourceLocale).join(", ")}.`);

const sourceFile = path.join(contentDir(), "guides", sourceLocale, `${id}.mdx`);
if (!fs.existsSync(sourceFile)) fail(`There is no Spanish guide ${path.relative(process.cwd(), sourceFile)}. Write the Spanish guide first (npm run new:guide -- ${id}).`);
const text = fs.readFileSync(sourceFile, "utf8");
const front = splitFrontmatter(text) ?? fail(`${path.relative(process.cwd(), sourceFile)} has no frontmatter.`);
const body = front.body;
const frontmatter = front.yaml.replace(/(#.*\n)?translation:\n(?:[ \t]+.*\n?)*/, "").trimEnd();

writeNew(
  path.join(contentDir(), "guides", locale, `${id}.mdx`),
  `---
# Translate every text below into ${locale}: title, summary, questions (as people ask in ${locale}) and the body.
${frontmatter}
translation:
  # "machine" for a machine translation; "reviewed" once a fluent person has checked it.
  status: machine
  # The Spanish text this translates. Do not edit: the checker uses it to see when the Spanish changes.
  # (In quotes: a code of digits only would otherwise be read as a number.)
  sourceRevision: "${sourceRevision({ body, answers: loadContent().content.guides.find((g) => g.locale === sourceLocale && g.id === id)?.data.answers ?? [] })}"
---
${body}`,
);
console.log("Next: translate the text, then run npm run check.");
