// Ships to the browser too (the engine uses it). How the UI strings are set up in i18next,
// written once for the site (src/lib/i18n.ts) and the bot (bot/engine/strings.ts): flat dotted
// keys, a missing key falls back to the source locale, and i18next does no escaping (the text
// is escaped where it is output). Pure: the callers read the strings; this only builds the instance.
import i18next, { type i18n } from "i18next";

/** An i18next instance over the UI strings of each locale (locale code → key → text), ready at once. */
export function createUiI18n(tables: Record<string, Record<string, string>>, sourceLocale: string): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(Object.entries(tables).map(([code, table]) => [code, { translation: table }])),
    lng: sourceLocale,
    fallbackLng: sourceLocale,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    // Resources are given inline, so init can finish synchronously and t() works straight away.
    initAsync: false,
  });
  return instance;
}
