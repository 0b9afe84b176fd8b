// Ships to the browser too (pure). Snowball stemmers (@orama/stemmers) for the languages
// that have one; Haitian Creole has almost no inflection, so folding is enough there.
import { stemmer as es } from "@orama/stemmers/spanish";
import { stemmer as en } from "@orama/stemmers/english";
import { stemmer as fr } from "@orama/stemmers/french";
import { stemmer as pt } from "@orama/stemmers/portuguese";

const stemmers: Record<string, (word: string) => string> = { es, en, fr, pt };

/** A stemmer for a locale (identity when there is none). Takes folded words. */
export function stemmerFor(locale: string): (word: string) => string {
  return stemmers[locale] ?? ((w) => w);
}
