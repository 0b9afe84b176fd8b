// Ships to the browser too (pure). The Snowball stemmers (@orama/stemmers) a locale can name in
// content/locales.json (`stemmer`); a locale without one (Kreyòl has almost no inflection) is
// only folded.
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as dutch } from "@orama/stemmers/dutch";
import type { stemmerNames } from "../schemas";

const stemmers = { spanish, english, french, portuguese, italian, german, dutch } satisfies Record<(typeof stemmerNames)[number], (word: string) => string>;

/** The stemmer a locale names (identity when it names none). Takes folded words. */
export function stemmerFor(name: (typeof stemmerNames)[number] | undefined): (word: string) => string {
  return name ? stemmers[name] : (w) => w;
}
