// Ships to the browser too (pure engine). Where the person is now, and where they are from, from
// the place names of content/places.yaml and the words around them ("soy hondureño pero estoy en
// Tapachula" → in MX, from HN). Resources are chosen for where the person is; consular help for
// where they are from.
import type { KnowledgeBase } from "./types";
import type { CountryPlaces } from "../../src/lib/schemas";
import { editDistance, nearMissIndex, tokenize } from "../../src/lib/nlp/text";

export interface Whereabouts {
  /** Country the person is in now (a served country's code), if the message says or implies it. */
  here?: string;
  /** The town or region they are in, when they name one: its ways of being written (folded). Used for this reply only, never stored. */
  town?: readonly string[];
  /** Country they are from (any country code), if the message says it. */
  from?: string;
  /** A country we do not serve that they say they are in ("estoy en Colombia"): we have no local lines there, and asking "which country?" again would not help. */
  elsewhere?: string;
  /** Every country the message names, served or not, whatever the words around it ("the Ghana embassy", "deported to Haiti"). */
  named: string[];
}

type Role = "here" | "from" | "going" | "back" | "left";
/** A cue's role: "leaving" (a place not left yet) becomes "here" or "back" once the place is read. */
type CueRole = Role | "leaving";
/**
 * Two served countries each named right after a one-word cue ("una señora en Tegucigalpa ofrece
 * trabajo en Tapachula"): either may be where the person is, and the other's lines would be
 * wrong, so the bot does not guess (it asks, or shows every country's lines in an emergency).
 * A strong cue ("ahora en", "estoy en") still settles it.
 */
const TWO_COUNTRIES = Symbol("two countries, equally likely");

interface Name {
  words: string[];
  country: string;
  /** A demonym ("hondureño"): it tells where the person is from. */
  people: boolean;
  /** A name that is also a common word: counts only after a cue. */
  ambiguous: boolean;
  /** A country name (not a town): a bare mention does not say the person is there. */
  countryName: boolean;
  /** Other countries with a place of the same name ("san jose" in CR and GT): the mention says nothing. */
  shared: boolean;
  /** An institution of the country ("comar"): the person is probably there, if nothing else says where. */
  institution: boolean;
  /** For a town or region: all the ways it is written, folded. */
  variants?: readonly string[];
  /** The country's side of a border ("lado tico"): the person is there, as after a strong cue. */
  side?: boolean;
  /** For a shared name: every country that has a place of that name. */
  countries?: ReadonlySet<string>;
}

interface Cue {
  words: string[];
  role: CueRole;
  /** "estoy en" says more than "en": a cue of two words or more wins over a one-word cue. */
  strong: boolean;
}

/** Place names this long forgive one typo ("tapachla"): shorter ones would match other words. */
const TYPO_MIN_LENGTH = 7;
/** A cue may be this many words before the place ("estoy aqui en la ciudad de ..."). */
const CUE_REACH = 3;

export function createPlaces(kb: KnowledgeBase): (tokens: readonly string[]) => Whereabouts {
  const names: Name[] = [];
  const add = (country: string, p: CountryPlaces) => {
    const push = (list: readonly string[], extra: Partial<Name>) => {
      for (const raw of list) {
        const words = tokenize(raw);
        if (words.length) names.push({ words, country, people: false, ambiguous: false, countryName: false, shared: false, institution: false, ...extra });
      }
    };
    push(p.names, { countryName: true });
    push(p.people, { people: true });
    const folded = (list: readonly string[]) => list.map((v) => tokenize(v).join(" "));
    for (const variants of p.places) push(variants, { variants: folded(variants) });
    for (const variants of p.ambiguous) push(variants, { ambiguous: true, variants: folded(variants) });
    push(p.institutions, { institution: true });
    push(p.sides, { side: true });
  };
  const { others, ...served } = kb.places;
  for (const [code, p] of Object.entries(served)) if (p) add(code, p);
  for (const [code, p] of Object.entries(others ?? {})) add(code, p);
  // A name in several countries: the country where it is a firm name (not merely an ambiguous
  // one) wins when there is exactly one; otherwise the name tells nothing about the country.
  const byText = new Map<string, Name[]>();
  for (const n of names) {
    const key = n.words.join(" ");
    byText.set(key, [...(byText.get(key) ?? []), n]);
  }
  for (const same of byText.values()) {
    const countries = new Set(same.map((n) => n.country));
    if (countries.size < 2) continue;
    const firm = new Set(same.filter((n) => !n.ambiguous).map((n) => n.country));
    for (const n of same) {
      n.shared = firm.size !== 1 || !firm.has(n.country);
      if (n.shared) n.countries = countries;
    }
  }
  // The longest names first, so "san pedro sula" wins over "san pedro".
  names.sort((a, b) => b.words.length - a.words.length);
  const byFirst = new Map<string, Name[]>();
  for (const n of names) {
    const key = n.words[0] as string;
    const list = byFirst.get(key);
    if (list) list.push(n);
    else byFirst.set(key, [n]);
  }
  const long = names.filter((n) => n.words.length === 1 && (n.words[0] as string).length >= TYPO_MIN_LENGTH);
  const longNearMisses = nearMissIndex(long.map((n) => n.words[0] as string));
  /** The first long name (in `long`'s order) one typo from a word, keeping its first letter. */
  const misspelt = (t: string): Name | undefined => {
    let first = long.length;
    for (const at of longNearMisses(t)) if (at < first && t[0] === long[at]?.words[0]?.[0] && editDistance(t, long[at]?.words[0] as string, 1) <= 1) first = at;
    return long[first];
  };
  // A word the guides use is a word, not a misspelt place ("tampoco" is not Tampico, "amarillo" not El Amatillo).
  const words = new Set(kb.guides.flatMap((g) => tokenize(`${g.title} ${g.summary} ${g.sections.map((x) => x.text).join(" ")}`)));

  const cues: Cue[] = [];
  const longAgo: string[][] = [];
  for (const l of Object.values(kb.lexicon.phrases.locales)) {
    for (const raw of l.longAgo ?? []) longAgo.push(tokenize(raw));
    for (const role of ["here", "from", "going", "back", "left", "leaving"] as const)
      for (const raw of l[role] ?? []) {
        const words = tokenize(raw);
        cues.push({ words, role, strong: words.length > 1 });
      }
    // "côté Guatemala" after "on est au rio Suchiate": the side of the border is where they are.
    for (const raw of l.side ?? []) cues.push({ words: tokenize(raw), role: "here", strong: true });
  }
  // Longer cues first: "voy para" (going) wins over "para".
  cues.sort((a, b) => b.words.length - a.words.length);
  const served_ = new Set(Object.keys(served));

  function nameAt(tokens: readonly string[], i: number): Name | undefined {
    for (const n of byFirst.get(tokens[i] as string) ?? []) if (n.words.every((w, k) => tokens[i + k] === w)) return n;
    const t = tokens[i] as string;
    if (t.length >= TYPO_MIN_LENGTH && !words.has(t)) return misspelt(t);
    return undefined;
  }

  /**
   * The cue that ends right before position i (at most CUE_REACH words before it, and never
   * reaching back over an earlier place name, which starts at `after` or before: in "una casa en
   * Danlí, los de Nicaragua" the "en" is Danlí's), and where it starts.
   */
  function cueBefore(tokens: readonly string[], i: number, after: number): { cue: Cue; start: number } | undefined {
    for (let end = i; end >= Math.max(0, after, i - CUE_REACH); end--)
      for (const c of cues) {
        const start = end - c.words.length;
        if (start >= after && c.words.every((w, k) => tokens[start + k] === w)) return { cue: c, start };
      }
    return undefined;
  }

  const saysLongAgo = (tokens: readonly string[]) => longAgo.some((w) => tokens.some((_, i) => w.every((x, k) => tokens[i + k] === x)));

  return (tokens) => {
    const longBack = saysLongAgo(tokens);
    const found: { name: Name; role: Role | undefined; strong: boolean; near: boolean }[] = [];
    let afterName = 0;
    /** A name several countries share, just read, and the cue before it: the country named right after it says which one ("San Vicente, Panamá"). */
    let sharedJustRead: { at: number; countries: ReadonlySet<string>; before: ReturnType<typeof cueBefore> } | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const name = nameAt(tokens, i);
      if (!name) continue;
      const settles = sharedJustRead?.at === i && name.countryName && sharedJustRead.countries.has(name.country);
      const before = settles ? sharedJustRead?.before : name.people || name.institution ? undefined : cueBefore(tokens, i, afterName);
      const cue = before?.cue;
      // A town just left ("salimos de Coatza") is most likely still their country; a country left,
      // or a town left weeks ago, is where they come from.
      // A place not left yet ("quiero salir de Honduras") is where they are; a country so named is their own too, as for one they were sent back to.
      const role = name.people ? "from" : name.side ? "here" : cue?.role === "left" && (name.countryName || longBack || !name.variants) ? "from" : cue?.role === "leaving" ? (name.countryName ? "back" : "here") : cue?.role;
      if (!name.shared && (!name.ambiguous || role)) {
        // A country that settles a shared town's name counts as that town, not as a bare country name.
        const as = settles ? { ...name, countryName: false } : name;
        found.push({ name: as, role, strong: name.people || name.side === true || Boolean(cue?.strong), near: before !== undefined && (settles || before.start + before.cue.words.length === i) });
      }
      sharedJustRead = name.shared && name.countries ? { at: i + name.words.length, countries: name.countries, before } : undefined;
      i += name.words.length - 1;
      afterName = i + 1;
    }
    const out: Whereabouts = { named: [...new Set(found.map((f) => f.name.country))] };
    // Sent back to a country: they are there now, and it is their own.
    const back = found.filter((f) => f.role === "back").pop();
    const froms = found.filter((f) => f.role === "from" || f.role === "back");
    const from = froms.filter((f) => f.strong).pop() ?? froms.pop();
    if (from) out.from = from.name.country;
    const isServed = (f: { name: Name }) => served_.has(f.name.country);
    // Where they are: said with a strong cue ("estoy en", "moro no"; a country we don't serve
    // then means we cannot tell), else a one-word cue ("en"), else a town or region named
    // without one (people name the town they are in), else an institution of the country
    // ("la comar"); never a country they come from or are going to. Among one-word cues, one
    // right before the name ("en Danlí") says more than one a few words before it ("en el
    // aeropuerto de Managua", often where they passed).
    const heres = found.filter((f) => f.role === "here" || (f === back && f.strong));
    const strongHere = heres.filter((f) => f.strong).pop();
    const nearHere = () => {
      const near = heres.filter((f) => isServed(f) && f.near);
      return new Set(near.map((f) => f.name.country)).size > 1 ? TWO_COUNTRIES : near.pop();
    };
    const here = strongHere
      ? isServed(strongHere) ? strongHere : undefined
      : nearHere() ??
        heres.filter(isServed).pop() ??
        found.find((f) => f.role === undefined && !f.name.countryName && !f.name.institution && isServed(f) && f.name.country !== out.from) ??
        found.find((f) => f.name.institution) ??
        found.filter((f) => f.role === "left" && isServed(f)).pop();
    if (here === TWO_COUNTRIES) return out;
    if (here) out.here = here.name.country;
    else if (strongHere) out.elsewhere = strongHere.name.country;
    else {
      // "we got off the boat in Necoclí": a town of a country we do not serve, after a one-word
      // cue, says where they are as well (a bare country name after "en" may be where they go).
      const town = [...heres, ...found.filter((f) => f.role === "left")].filter((f) => !isServed(f) && !f.name.countryName).pop();
      if (town) out.elsewhere = town.name.country;
    }
    // A town they left is not where their local offices are.
    if (here?.name.variants && here.role !== "left") out.town = here.name.variants;
    return out;
  };
}
