// The guide library is complete and every phone number in it has a source (issue 3, "Done
// when"). The checks run on the real content/, and on a fixture broken on purpose
// (tests/fixtures/library-broken/, see its README) to prove each one can fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { loadContent, formatProblem, type LoadedContent } from "../../src/lib/content-files";
import { sourceLocale } from "../../src/lib/locales";
import { unsourcedPhones } from "../../src/lib/checks/phones";

/** Every guide the library must have (content conventions, "Guide ids and owners"). */
const requiredGuides = [
  "emergency-help",
  "your-rights",
  "before-you-go",
  "risks-on-the-route",
  "trafficking-and-smuggling",
  "travelling-alone",
  "asking-for-protection",
  "meeting-authorities",
  "contact-your-family",
  "consulate-help",
  "coming-back-home",
  "health-and-safety",
  "girls-and-young-women",
  "discrimination",
  "school-and-documents",
  "referral-pathways",
  "talking-with-children",
];
/** Guides for hub staff: written at least in Spanish and English. */
const staffGuides = ["referral-pathways", "talking-with-children"];

const has = (c: LoadedContent, id: string, locale: string) => c.guides.some((g) => g.id === id && g.locale === locale);

function missingInSource(c: LoadedContent): string[] {
  return requiredGuides.filter((id) => !has(c, id, sourceLocale));
}

function missingStaffGuides(c: LoadedContent): string[] {
  return staffGuides.flatMap((id) => [sourceLocale, "en"].filter((l) => !has(c, id, l)).map((l) => `${l}/${id}`));
}

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
