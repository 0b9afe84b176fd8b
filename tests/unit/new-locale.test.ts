// A language added with `npm run new:locale` gets every per-locale fact, and with them search,
// the bot and the checks: run through the real script on a copy of the fixture content.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createEngine } from "../../bot/engine/index";
import { loadKnowledgeBase } from "../../src/lib/kb-files";
import { analyse } from "../../src/lib/checks/index";
import { readability } from "../../src/lib/checks/readability";
import { loadContent } from "../../src/lib/content-files";
import { splitFrontmatter } from "../../src/lib/frontmatter";
import { fixtureCopy, withContentDir } from "./engine-fixture";

const node = process.execPath;
const run = (dir: string, script: string, ...args: string[]) =>
  execFileSync(node, ["--import", "tsx", `scripts/${script}.ts`, ...args], { env: { ...process.env, HUB_CONTENT_DIR: dir }, stdio: "pipe" }).toString();

/** Italian text written for this test: a translation of the fixture's emergency guide. */
const italian = `## Cosa fare adesso

Cerca un posto sicuro con altre persone. Chiama il numero di emergenza del paese. Di' dove sei e cosa succede.

## Non è colpa tua

Se qualcuno ti fa del male, non è colpa tua. Hai diritto a essere protetto.
`;

function withItalian(): string {
  const dir = fixtureCopy();
  run(dir, "new-locale", "it", "Italiano");
  run(dir, "new-translation", "emergency-help", "it");
  const file = path.join(dir, "guides", "it", "emergency-help.mdx");
  const text = fs.readFileSync(file, "utf8");
  const front = (splitFrontmatter(text)?.block ?? "")
    .replace(/^title: .*$/m, 'title: "Se sei in pericolo adesso"')
    .replace(/^summary: .*$/m, 'summary: "Cosa fare e chi chiamare se sei in pericolo."')
    .replace(/^questions:\n(?: {2}- .*\n)+/m, "questions:\n  - cosa faccio se sono in pericolo\n  - numero di emergenza\n  - chi chiamo se qualcuno mi vuole fare del male\n");
  fs.writeFileSync(file, `${front}\n${italian}`);
  return dir;
}

test("new:locale writes the stemmer, stop words, language-detection code and plain-language targets of a known language", () => {
  const dir = withItalian();
  const row = (JSON.parse(fs.readFileSync(path.join(dir, "locales.json"), "utf8")) as Record<string, unknown>[]).find((l) => l["code"] === "it");
  assert.equal(row?.["stemmer"], "italian");
  assert.equal(row?.["stopWords"], "ita");
  assert.equal(row?.["franc"], "ita");
  assert.deepEqual(Object.keys(row?.["readability"] as object).sort(), ["lettersPerWord", "wordsPerSentence"]);
});

test("new:locale takes the facts of a language it does not know from flags, and refuses a stemmer it does not bundle", () => {
  const dir = fixtureCopy();
  run(dir, "new-locale", "qu", "Runasimi", "--franc=quz", "--letters-per-word=6");
  const row = (JSON.parse(fs.readFileSync(path.join(dir, "locales.json"), "utf8")) as Record<string, unknown>[]).find((l) => l["code"] === "qu");
  assert.equal(row?.["franc"], "quz");
  assert.equal(row?.["stemmer"], undefined);
  assert.equal((row?.["readability"] as { lettersPerWord: number }).lettersPerWord, 6);
  assert.throws(() => run(fixtureCopy(), "new-locale", "ay", "Aymar aru", "--stemmer=aymara"), (e: { stderr: Buffer }) => /stemmer must be one of/.test(e.stderr.toString()));
});

test("the bot recognises the new language and answers from its guide, with its stemmer (a plural it never saw finds the singular)", () => {
  const dir = withItalian();
  const engine = withContentDir(dir, () => createEngine(loadKnowledgeBase(dir)));
  const r = engine.reply({ greeted: true, askedCountry: true, askedParticularities: true }, { text: "chi devo chiamare quando sono in pericolo? quali sono i numeri di emergenza" });
  assert.equal(r.locale, "it");
  assert.equal(r.guides[0], "emergency-help", r.guides.join(","));
  assert.match(r.text, /\/it\/guides\/emergency-help\//);
});

test("the checks score the new language's guide against its own plain-language targets", () => {
  const dir = withItalian();
  fs.writeFileSync(
    path.join(dir, "locales.json"),
    fs.readFileSync(path.join(dir, "locales.json"), "utf8").replace(/("code":"it".*?"lettersPerWord":)[\d.]+/, "$13"),
  );
  const { content, problems } = withContentDir(dir, () => loadContent(dir));
  const report = withContentDir(dir, () => analyse(content, problems, new Date("2026-12-01"), dir));
  const row = report.guides.find((g) => g.id === "emergency-help");
  assert.deepEqual(problems.filter((p) => p.severity === "error"), []);
  const body = content.guides.find((g) => g.id === "emergency-help" && g.locale === "it")?.body ?? "";
  assert.match(body, /Chiama il numero/);
  assert.deepEqual(row?.scores["it"], readability(body, { wordsPerSentence: 8, lettersPerWord: 3 }));
  assert.notDeepEqual(row?.scores["it"], readability(body, { wordsPerSentence: 8, lettersPerWord: 4.3 }), "a stricter target scores lower than Spanish's");
});
