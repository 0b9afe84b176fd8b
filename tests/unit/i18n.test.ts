// UI strings: a key missing in a locale falls back to Spanish, and this test lists every key
// each shipped locale is missing (and fails if there is any).
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadUiStrings, useTranslations, hasOwnString } from "../../src/lib/i18n";
import { locales, sourceLocale } from "../../src/lib/locales";

function withExtraLocales<T>(fn: () => T): T {
  const before = process.env["HUB_EXTRA_LOCALES_DIR"];
  process.env["HUB_EXTRA_LOCALES_DIR"] = "tests/fixtures/rtl";
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env["HUB_EXTRA_LOCALES_DIR"];
    else process.env["HUB_EXTRA_LOCALES_DIR"] = before;
  }
}

test("a locale's own string is used when it has one", () => {
  const fr = loadUiStrings("fr");
  assert.equal(useTranslations("fr")("nav.help"), fr["nav.help"]);
  assert.notEqual(fr["nav.help"], loadUiStrings(sourceLocale)["nav.help"]);
});

test("a key missing in a locale falls back to the Spanish string", () => {
  withExtraLocales(() => {
    const es = loadUiStrings(sourceLocale);
    assert.equal(hasOwnString("ar", "site.kind.health"), false, "the fixture must leave this key out");
    assert.equal(useTranslations("ar")("site.kind.health"), es["site.kind.health"]);
    assert.equal(useTranslations("ar")("nav.help"), loadUiStrings("ar")["nav.help"]);
  });
});

test("variables are filled in", () => {
  const text = useTranslations("en")("site.phone.call", { digits: "1 1 0" });
  assert.match(text, /1 1 0/);
  assert.doesNotMatch(text, /\{\{/);
});

test("every shipped locale has every Spanish key (missing keys are listed)", () => {
  const source = Object.keys(loadUiStrings(sourceLocale));
  const missing: Record<string, string[]> = {};
  for (const { code } of locales()) {
    if (code === sourceLocale) continue;
    const own = loadUiStrings(code);
    const gaps = source.filter((k) => !Object.hasOwn(own, k));
    if (gaps.length) missing[code] = gaps;
  }
  for (const [code, keys] of Object.entries(missing)) console.log(`content/i18n/${code}.json is missing ${keys.length} key(s): ${keys.join(", ")}`);
  assert.deepEqual(missing, {}, "add the listed keys to each locale's file (a machine translation is fine; mark the file with meta.translation)");
});

test("every translated file says how it was translated", () => {
  for (const { code } of locales()) {
    if (code === sourceLocale) continue;
    const status = loadUiStrings(code)["meta.translation"];
    // "untranslated" is what npm run new:locale writes into a new locale's copy of the Spanish strings.
    assert.ok(["machine", "reviewed", "untranslated"].includes(status ?? ""), `content/i18n/${code}.json: add "meta.translation": "machine" (or "reviewed")`);
  }
});
