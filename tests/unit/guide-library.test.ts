// The guide library is complete and every phone number in it has a source (issue 3, "Done
// when"), every Spanish guide is translated into every public locale (issue 15), and no
// guide types a number by hand. The checks run on the real content/, and on a fixture broken
// on purpose (tests/fixtures/library-broken/, see its README) to prove each one can fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { loadContent, formatProblem, type LoadedContent } from "../../src/lib/content-files";
import { sourceLocale } from "../../src/lib/locales";
import { typedNumbers, unsourcedPhones } from "../../src/lib/checks/phones";
import { missingRequiredGuides as missingInSource, missingRequiredTranslations, missingStaffGuides, missingTranslations } from "../../src/lib/checks/library";
import { plannedGuides, requiredGuides } from "../../src/lib/guide-ids";

const has = (c: LoadedContent, id: string, locale: string) => c.guides.some((g) => g.id === id && g.locale === locale);

/** A locale shows a guide if it has a translation, or the Spanish text as a visible fallback. */
function notShownInSomeLocale(c: LoadedContent): string[] {
  return c.locales.flatMap(({ code }) =>
    requiredGuides.filter((id) => !has(c, id, code) && !has(c, id, sourceLocale)).map((id) => `${code}/${id}`),
  );
}

function translationsWithWrongStatus(c: LoadedContent): string[] {
  return c.guides
    .filter((g) => g.locale !== sourceLocale && !["machine", "reviewed"].includes(g.data.translation.status))
    .map((g) => `${g.file} (${g.data.translation.status})`);
}

const real = loadContent(path.resolve("content")).content;
const broken = loadContent(path.resolve("tests/fixtures/library-broken")).content;

test("every required guide exists in Spanish, the source language", () => {
  assert.deepEqual(missingInSource(real), []);
});

test("the staff guides exist in Spanish and in English", () => {
  assert.deepEqual(missingStaffGuides(real), []);
});

test("every locale shows every required guide, translated or as the Spanish fallback", () => {
  assert.deepEqual(notShownInSomeLocale(real), []);
});

test("every translation is marked as a machine or a reviewed translation", () => {
  assert.ok(real.guides.some((g) => g.locale !== sourceLocale), "there should be translations to check");
  assert.deepEqual(translationsWithWrongStatus(real), []);
});

test("no phone number in a guide or a resource file lacks a source", () => {
  assert.ok(real.resources.length > 0 && real.guides.length > 0, "the real content should load");
  assert.deepEqual(unsourcedPhones(real).map(formatProblem), []);
});

test("a required guide missing in Spanish is reported, in every locale", () => {
  assert.deepEqual(missingInSource(broken), ["coming-back-home"]);
  assert.deepEqual(notShownInSomeLocale(broken), ["es/coming-back-home", "en/coming-back-home"]);
  assert.deepEqual(missingStaffGuides(broken), []);
});

test("a translation still marked as the source is reported", () => {
  assert.deepEqual(translationsWithWrongStatus(broken), [
    `${path.join("tests/fixtures/library-broken/guides/en/before-you-go.mdx")} (source)`,
  ]);
});

test("a number in a guide that no resource publishes is reported with its file and line", () => {
  const problems = unsourcedPhones(broken);
  const inGuide = problems.filter((p) => p.file.includes("guides/")).map(formatProblem);
  assert.equal(inGuide.length, 1, problems.map(formatProblem).join("\n"));
  assert.match(inGuide[0]!, /guides\/es\/emergency-help\.mdx:15: the number "tel:5550100" has no source/);
});

test("a resource number that its source quote does not state is reported", () => {
  const problems = unsourcedPhones(broken);
  const inData = problems.filter((p) => p.file.includes("resources/")).map(formatProblem);
  assert.equal(inData.length, 1, problems.map(formatProblem).join("\n"));
  assert.match(inData[0]!, /resources\/gt-unsourced\.yaml:5: no source quote of this resource states the number "1234"/);
});

test("every Spanish guide has a translation file in every public locale (staff guides: in English)", () => {
  assert.ok(real.locales.length >= 5, "the real locale table should load");
  assert.deepEqual(missingTranslations(real), [], "write the listed translations (npm run new:translation -- <id> <locale>)");
});

test("a new guide missing in a locale is reported as soon as its Spanish file exists, even when no list names it", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hub-library-"));
  fs.cpSync(path.resolve("tests/fixtures/check-base"), root, { recursive: true });
  const locales = JSON.parse(fs.readFileSync(path.join(root, "locales.json"), "utf8")) as object[];
  fs.writeFileSync(path.join(root, "locales.json"), JSON.stringify([...locales, { code: "fr", lang: "fr", label: "Français", dir: "ltr" }]));
  const id = "gamma-new-guide";
  assert.ok(!(requiredGuides as readonly string[]).includes(id) && !plannedGuides.includes(id), "the new guide should be in no list");
  const spanish = fs.readFileSync(path.join(root, "guides/es/beta.mdx"), "utf8").replace("title: Guía beta", "title: Una guía nueva");
  fs.writeFileSync(path.join(root, `guides/es/${id}.mdx`), spanish);
  const c = loadContent(root).content;
  assert.ok(c.guides.some((g) => g.id === id && g.locale === "es"), "the new Spanish guide should load");
  // alpha is translated into English only; beta and the new guide (listed in id order) into no language.
  assert.deepEqual(missingTranslations(c), ["en/beta", `en/${id}`, "fr/alpha", "fr/beta", `fr/${id}`]);
  fs.rmSync(root, { recursive: true, force: true });
});

test("npm run check fails, naming the file to write, when a required guide is missing in any locale", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hub-required-"));
  fs.cpSync(path.resolve("content"), root, { recursive: true });
  const c = loadContent(root).content;
  const others = c.locales.map((l) => l.code).filter((code) => code !== sourceLocale);
  const staff = new Set(c.guides.filter((g) => g.locale === sourceLocale && g.data.audience === "staff").map((g) => g.id));
  // Take away one translation of every required guide, going round the locales (staff guides: their English one).
  const removed = requiredGuides.map((id, i) => `${staff.has(id) ? "en" : others[i % others.length]}/${id}`);
  for (const key of removed) fs.rmSync(path.join(root, "guides", `${key}.mdx`));
  assert.deepEqual(missingRequiredTranslations(loadContent(root).content).sort(), [...removed].sort());
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts"], { env: { ...process.env, HUB_CONTENT_DIR: root }, encoding: "utf8" });
  assert.equal(run.status, 1, "npm run check should exit with 1");
  for (const key of removed) {
    const [locale, id] = key.split("/");
    assert.match(run.stdout, new RegExp(`✗ .*the required guide "${id}" has no ${locale} translation.*content/guides/${locale}/${id}\\.mdx`), `${key} should be an error`);
  }
  fs.rmSync(root, { recursive: true, force: true });
});

test("no guide body types a phone number by hand", () => {
  assert.deepEqual(typedNumbers(real).map(formatProblem), []);
});

test("a tel: link typed by hand is reported with its file, line and the <Phone> tag to use", () => {
  const problems = typedNumbers(broken).map(formatProblem);
  assert.equal(problems.length, 2, problems.join("\n"));
  assert.match(problems[0]!, /guides\/es\/emergency-help\.mdx:13: the link \[110\]\(tel:110\) is a phone number typed by hand.*Write <Phone resource="gt-pnc" \/> instead\./);
  assert.match(problems[1]!, /guides\/es\/emergency-help\.mdx:15: the link \[555 0100\]\(tel:5550100\) is a phone number typed by hand.*add the line there with its source first/);
});
