// Ships to the browser too (pure engine). The bot's strings come from the shared i18next files
// (content/i18n/*.json, bot.* keys) carried in the knowledge base; a missing key falls back to
// the source locale, as on the site.
import { createUiI18n } from "../../src/lib/ui-i18n";
import type { KnowledgeBase } from "./types";

export type BotT = (locale: string, key: string, vars?: Record<string, string | number>) => string;

export function createStrings(kb: KnowledgeBase): BotT {
  const i18n = createUiI18n(kb.strings, kb.sourceLocale);
  const fixed = new Map<string, ReturnType<typeof i18n.getFixedT>>();
  // A string without variables is the same every time: looked up through i18next once per
  // locale and key (a bounded table: the keys are the engine's own, never user text).
  const plain = new Map<string, string>();
  return (locale, key, vars) => {
    const id = vars ? "" : `${locale}\n${key}`;
    if (!vars) {
      const known = plain.get(id);
      if (known !== undefined) return known;
    }
    let t = fixed.get(locale);
    if (!t) fixed.set(locale, (t = i18n.getFixedT(locale)));
    const text = t(key, vars ?? {});
    if (!vars && plain.size < 10_000) plain.set(id, text);
    return text;
  };
}
