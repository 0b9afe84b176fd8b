// Dates as a reader says them: "28 de noviembre de 2026", not "2026-11-28". One helper for
// every date the site shows, in the locale's long format from its BCP-47 tag (the locale
// table's `lang`). Dates in content/ are calendar days (YAML dates, midnight UTC), so they are
// written in UTC: no reader's time zone moves them to the day before.
import { getLocale } from "./locales";
import { useTranslations } from "./i18n";

/** A calendar day in the locale's long format. */
export function longDate(date: Date, locale: string): string {
  const tag = getLocale(locale)?.lang ?? locale;
  // Some languages are missing from the runtime's ICU data (Kreyòl is): Intl would silently
  // answer in English, so those locales write the day with their own month names (date.months).
  if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0) return new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(date);
  const t = useTranslations(locale);
  const month = t("date.months").split(",")[date.getUTCMonth()]?.trim() ?? String(date.getUTCMonth() + 1);
  return t("date.long", { day: date.getUTCDate(), month, year: date.getUTCFullYear() });
}
