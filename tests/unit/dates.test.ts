// Dates on pages (src/lib/dates.ts): the locale's long format, the same calendar day in UTC.
import { test } from "node:test";
import assert from "node:assert/strict";
import { longDate } from "../../src/lib/dates";
import { useTranslations } from "../../src/lib/i18n";

const day = new Date("2026-11-28");

test("a date is written in each shipped locale's long format", () => {
  assert.equal(longDate(day, "es"), "28 de noviembre de 2026");
  assert.equal(longDate(day, "en"), "November 28, 2026");
  assert.equal(longDate(day, "fr"), "28 novembre 2026");
  assert.equal(longDate(day, "ht"), "28 novanm 2026");
  assert.equal(longDate(day, "pt"), "28 de novembro de 2026");
});

test("a content date stays on its calendar day, the first of a month included", () => {
  assert.equal(longDate(new Date("2026-01-01"), "es"), "1 de enero de 2026");
});

test("the month names kept for languages the runtime lacks agree with Intl where it has them", () => {
  for (const code of ["es", "en", "fr", "pt"]) {
    const t = useTranslations(code);
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2026, m, 15));
      const fromStrings = t("date.long", { day: 15, month: t("date.months").split(",")[m] ?? "", year: 2026 });
      assert.equal(fromStrings, longDate(d, code), `${code} month ${m + 1}`);
    }
  }
});
