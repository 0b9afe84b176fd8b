// Ships to the browser too (pure). The packaged stop-word lists (the stopword package) a locale
// can name in content/locales.json (`stopWords`).
import { deu, eng, fra, ita, nld, por, spa } from "stopword";
import type { stopWordLists } from "../schemas";

const lists = { spa, eng, fra, por, ita, deu, nld } satisfies Record<(typeof stopWordLists)[number], string[]>;

/** The list a locale names (empty when it names none). */
export function stopWordsFor(name: (typeof stopWordLists)[number] | undefined): readonly string[] {
  return name ? lists[name] : [];
}

/** Every bundled list's words: function words of any language we serve. */
export function anyStopWords(names: readonly ((typeof stopWordLists)[number] | undefined)[]): string[] {
  return names.flatMap((n) => stopWordsFor(n));
}
