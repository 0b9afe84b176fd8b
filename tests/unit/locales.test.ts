// The locale table drives routing, <html lang dir>, hreflang and the language picker.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getLocale, isLocale, locales, sourceLocale } from "../../src/lib/locales";

function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

const shipped = () => withEnv({ HUB_CONTENT_DIR: undefined, HUB_EXTRA_LOCALES_DIR: undefined }, () => locales());

test("the shipped table starts with Spanish, the source language", () => {
  assert.equal(shipped()[0]?.code, sourceLocale);
  assert.equal(sourceLocale, "es");
});

test("the shipped table has Spanish, English, French, Haitian Creole and Portuguese", () => {
  assert.deepEqual(shipped().map((l) => l.code).sort(), ["en", "es", "fr", "ht", "pt"]);
});

test("every locale has a unique code, a valid BCP-47 lang, a name in its own language and a direction", () => {
  const rows = shipped();
  assert.equal(new Set(rows.map((l) => l.code)).size, rows.length);
  for (const l of rows) {
    assert.doesNotThrow(() => Intl.getCanonicalLocales(l.lang), `${l.code}: "${l.lang}" is not a BCP-47 tag`);
    assert.ok(l.label.length >= 2);
    assert.ok(l.dir === "ltr" || l.dir === "rtl");
  }
  assert.equal(getLocale("ht")?.label, "Kreyòl ayisyen");
});

test("every shipped locale has its UI strings file", () => {
  for (const l of shipped()) assert.ok(fs.existsSync(path.join("content", "i18n", `${l.code}.json`)), `content/i18n/${l.code}.json is missing`);
});

test("the right-to-left test fixture adds Arabic with dir rtl after the shipped locales", () => {
  const rows = withEnv({ HUB_CONTENT_DIR: undefined, HUB_EXTRA_LOCALES_DIR: "tests/fixtures/rtl" }, () => locales());
  assert.equal(rows[0]?.code, "es");
  const ar = rows.find((l) => l.code === "ar");
  assert.deepEqual({ code: ar?.code, lang: ar?.lang, label: ar?.label, dir: ar?.dir }, { code: "ar", lang: "ar", label: "العربية", dir: "rtl" });
  assert.equal(withEnv({ HUB_CONTENT_DIR: undefined, HUB_EXTRA_LOCALES_DIR: undefined }, () => isLocale("ar")), false);
});

test("a broken row names the file, the row and the field", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locales-"));
  fs.writeFileSync(path.join(dir, "locales.json"), JSON.stringify([{ code: "es", lang: "es", label: "Español", dir: "ltr" }, { code: "xx", lang: "xx", label: "Xx", dir: "sideways" }]));
  assert.throws(() => withEnv({ HUB_CONTENT_DIR: dir, HUB_EXTRA_LOCALES_DIR: undefined }, () => locales()), /locales\.json: row 1 field "dir"/);
});

test("a table that does not start with the source locale is refused", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locales-"));
  fs.writeFileSync(path.join(dir, "locales.json"), JSON.stringify([{ code: "en", lang: "en", label: "English", dir: "ltr" }]));
  assert.throws(() => withEnv({ HUB_CONTENT_DIR: dir, HUB_EXTRA_LOCALES_DIR: undefined }, () => locales()), /first row must be the source locale "es"/);
});
