// Which text a guide page shows: the reader's translation, else the Spanish source.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseGuideEntry, guidePages, splitEntryId } from "../../src/lib/fallback";

const ids = new Set(["es/your-rights", "fr/your-rights", "es/referral-pathways", "en/referral-pathways", "fr/orphan"]);

test("a translated guide renders its own translation", () => {
  assert.deepEqual(chooseGuideEntry("your-rights", "fr", ids), { entryLocale: "fr", fallback: false });
});

test("an untranslated guide renders the Spanish text and is marked as a fallback", () => {
  assert.deepEqual(chooseGuideEntry("referral-pathways", "fr", ids), { entryLocale: "es", fallback: true });
});

test("the Spanish page of a guide is never a fallback", () => {
  assert.deepEqual(chooseGuideEntry("your-rights", "es", ids), { entryLocale: "es", fallback: false });
});

test("a translation without a Spanish source gets no page", () => {
  assert.equal(chooseGuideEntry("orphan", "fr", ids), undefined);
});

test("every Spanish guide gets a page in every locale, translated or not", () => {
  const pages = guidePages(["es", "en", "fr", "ar"], ids);
  assert.equal(pages.length, 2 * 4);
  const key = (p: { locale: string; id: string }) => `${p.locale}/${p.id}`;
  assert.deepEqual(pages.filter((p) => p.fallback).map(key).sort(), ["ar/referral-pathways", "ar/your-rights", "en/your-rights", "fr/referral-pathways"]);
  assert.ok(!pages.some((p) => p.id === "orphan"));
});

test("a collection id splits into locale and guide id", () => {
  assert.deepEqual(splitEntryId("pt/girls-and-young-women"), { locale: "pt", id: "girls-and-young-women" });
});
