// The language chooser (/) is the one page read before anyone has said which language they
// read: its controls (quick exit, kiosk bar) are labelled in every locale at once, each label
// marked with its language so a screen reader pronounces it right.
import { locales } from "../lib/locales";
import { useTranslations, type UiKey } from "../lib/i18n";

/** The chooser's address: the only page whose controls speak every language. */
export const chooserPath = "/";

export function isChooser(url: URL): boolean {
  return url.pathname === chooserPath;
}

export interface LocaleLabel {
  lang: string;
  dir: string;
  text: string;
}

/** Every locale's language tag, direction and translator, in the order of content/locales.json (for strings with values). */
export function everyLocaleT(): { lang: string; dir: string; t: ReturnType<typeof useTranslations> }[] {
  return locales().map((l) => ({ lang: l.lang, dir: l.dir, t: useTranslations(l.code) }));
}

/** One interface string in every locale, in the order of content/locales.json. */
export function everyLocale(key: UiKey): LocaleLabel[] {
  return everyLocaleT().map((l) => ({ lang: l.lang, dir: l.dir, text: l.t(key) }));
}
