// Ships to the browser too (pure). Matches editor-written phrases (content/bot/*.yaml)
// against a message: "encerrad*" is a word stem, "hijo|hija" either word, "{n}" a number of one
// or two digits, "{y}" a year, "a & b" both anywhere, and up to `gap` other words may sit between
// the words of a phrase, except words joined by "+" ("y+si"), which must stand side by side. Long words and long stems tolerate one typo, except a word written
// "=matarme": one letter there makes another word ("matarte" is a threat, not self-harm).
import { editDistance, nearMissIndex, tokenize } from "./text";

type Atom =
  | { kind: "word"; word: string; exact?: true }
  | { kind: "stem"; stem: string }
  | { kind: "number" }
  | { kind: "year" }
  | { kind: "any" }
  | { kind: "either"; options: WordMatcher[] };

/** One matcher of one written word; `id` numbers it among every matcher made (see `intern`). */
type WordMatcher = Atom & { id: number };

/** A compiled phrase: every part must match (parts are the "&"-separated pieces). */
export interface Phrase {
  source: string;
  parts: WordMatcher[][];
  /**
   * Per part, the matchers (by id) its words need, "*" left out: a phrase one of whose matchers
   * no token of a message matches is skipped without trying it word by word.
   */
  needs: number[][];
  /** Per part, per word: it must follow the word before it directly ("y+si"), with no word between. */
  tight: boolean[][];
}

const isNumber = (token: string) => /^\d{1,2}$/.test(token);
const isYear = (token: string) => /^(19|20)\d\d$/.test(token);
/** Words and stems this long tolerate one typo (after their first two letters): shorter ones would catch other words. */
const TYPO_MIN_LENGTH = 7;

// The same matcher ("me|nos|la", "encerr*") recurs in hundreds of phrases: each is made once, and
// numbered, so a message can be read once into "which matchers each of its words meets" and every
// phrase then checked against that table instead of word by word.
const interned = new Map<string, WordMatcher>();
const matchers: WordMatcher[] = [];
function intern(key: string, make: () => Atom): WordMatcher {
  let m = interned.get(key);
  if (!m) {
    m = Object.assign(make(), { id: matchers.length });
    interned.set(key, m);
    matchers.push(m);
  }
  return m;
}

function atom(raw: string): WordMatcher {
  if (raw.startsWith("=")) {
    const word = tokenize(raw.slice(1)).join("");
    return intern(`x:${word}`, () => ({ kind: "word", word, exact: true }));
  }
  return raw.endsWith("*") ? intern(`s:${tokenize(raw.slice(0, -1)).join("")}`, () => ({ kind: "stem", stem: tokenize(raw.slice(0, -1)).join("") })) : intern(`w:${tokenize(raw).join("")}`, () => ({ kind: "word", word: tokenize(raw).join("") }));
}

/** The matchers of one written word ("hijo|hija", "encerrad*", "{n}", "j'ai"): one or more. */
function matchersOf(raw: string): WordMatcher[] {
  if (raw === "0numero0") return [intern("#n", () => ({ kind: "number" }))];
  if (raw === "0year0") return [intern("#y", () => ({ kind: "year" }))];
  if (raw === "*") return [intern("*", () => ({ kind: "any" }))];
  if (raw.includes("|")) {
    const options = raw.split("|").filter(Boolean);
    return [intern(`e:${options.join("|")}`, () => ({ kind: "either", options: options.map(atom) }))];
  }
  if (raw.startsWith("=")) return [atom(raw)];
  const stem = raw.endsWith("*");
  const words = tokenize(stem ? raw.slice(0, -1) : raw);
  return words.map((w, i) => (stem && i === words.length - 1 ? atom(`${w}*`) : atom(w)));
}

export function compilePhrase(source: string): Phrase {
  const compiled = source
    .split("&")
    .map((part) => {
      const seq: WordMatcher[] = [];
      const tight: boolean[] = [];
      const words = part.replace(/\{n\}/g, " 0numero0 ").replace(/\{y\}/g, " 0year0 ").split(/\s+/).filter(Boolean);
      for (const written of words)
        written
          .split("+")
          .filter(Boolean)
          .forEach((raw, j) => {
            const ms = matchersOf(raw);
            // Words joined by "+" stand side by side.
            ms.forEach((m, k) => {
              seq.push(m);
              tight.push(j > 0 && k === 0);
            });
          });
      return { seq, tight };
    })
    .filter((p) => p.seq.length > 0);
  const parts = compiled.map((p) => p.seq);
  const needs = parts.map((part) => [...new Set(part.filter((m) => m.kind !== "any").map((m) => m.id))]);
  return { source, parts, needs, tight: compiled.map((p) => p.tight) };
}

/**
 * A likely editing mistake: "|" used between phrases ("me tome|me trague") when it joins single
 * words, so the phrase asks for "me", then "tome" or "me", then "trague"... and never matches.
 * Told by an option of "a|b" that repeats the plain word next to it. Returns the word, if any.
 */
export function repeatedAlternative(source: string): string | undefined {
  for (const part of source.split("&")) {
    const words = part.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      if (!w.includes("|")) continue;
      const options = new Set(w.split("|").map((o) => o.replace(/^=/, "")));
      for (const j of [i - 1, i + 1]) {
        const next = words[j];
        if (next && !next.includes("|") && options.has(next.replace(/^=/, ""))) return next;
      }
    }
  }
  return undefined;
}

export function compilePhrases(sources: readonly string[] | undefined): Phrase[] {
  return (sources ?? []).map(compilePhrase).filter((p) => p.parts.length > 0);
}


// One typo, but not in the first two letters: "pegando"/"pagando" are different words.
function nearMiss(token: string, word: string): boolean {
  // (the first two letters compared without slicing: this runs for every token and word)
  return token.length >= 2 && token.charCodeAt(0) === word.charCodeAt(0) && token.charCodeAt(1) === word.charCodeAt(1) && editDistance(token, word, 1) <= 1;
}

/** Whether a token meets a matcher: the one definition; the lookups below only find which to ask. */
function wordMatches(m: Atom, token: string): boolean {
  switch (m.kind) {
    case "any":
      return true;
    case "number":
      return isNumber(token);
    case "year":
      return isYear(token);
    case "stem":
      // A long stem tolerates one typo in the part of the word it covers ("sequestr" for "secuestr*").
      return token.startsWith(m.stem) || (m.stem.length >= TYPO_MIN_LENGTH && token.length >= m.stem.length && nearMiss(token.slice(0, m.stem.length), m.stem));
    case "word":
      return token === m.word || (!m.exact && m.word.length >= TYPO_MIN_LENGTH && nearMiss(token, m.word));
    case "either":
      return m.options.some((o) => wordMatches(o, token));
  }
}

/**
 * Where a message's side of the deletions starts. nearMiss keeps a word's first two letters, and
 * every typo it forgives can be taken as made from the third letter on ("abbc" for "abc" is a
 * "b" added at the third place), so the message's words are cut only from there; the lexicon's
 * words, read once, are cut everywhere.
 */
const TYPO_FROM = 2;

function file<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** Which matchers a token could meet, found by lookups instead of trying each. */
interface MatcherLookup {
  /** How many matchers existed when it was made: more phrases compiled since make a new one. */
  size: number;
  words: Map<string, number[]>;
  /** Stems by their letters: a token meets those that are one of its beginnings. */
  stems: Map<string, number[]>;
  longestStem: number;
  /** Words that forgive a typo, as matcher ids, and their near misses' positions among them (to be checked with nearMiss). */
  nearWordIds: number[];
  nearWords: (word: string, from?: number) => number[];
  /**
   * Stems that forgive a typo, by their first two letters (which a typo keeps) and then by
   * length: a token is compared with those of its own start, one list per length it can cover.
   */
  nearStems: Map<string, number[][]>;
  numbers: number[];
  years: number[];
  /** For each matcher, the "a|b" matchers it is an option of. */
  eitherOf: Map<number, number[]>;
  /** The lexicon's own words, with the matchers each meets, worked out when first met. */
  known: Map<string, readonly number[] | undefined>;
}

let lookup: MatcherLookup | undefined;

function matcherLookup(): MatcherLookup {
  if (lookup && lookup.size === matchers.length) return lookup;
  const l: MatcherLookup = { size: matchers.length, words: new Map(), stems: new Map(), longestStem: 0, nearWordIds: [], nearWords: () => [], nearStems: new Map(), numbers: [], years: [], eitherOf: new Map(), known: new Map() };
  for (const m of matchers) {
    switch (m.kind) {
      case "word":
        file(l.words, m.word, m.id);
        l.known.set(m.word, undefined);
        if (!m.exact && m.word.length >= TYPO_MIN_LENGTH) l.nearWordIds.push(m.id);
        break;
      case "stem":
        file(l.stems, m.stem, m.id);
        l.longestStem = Math.max(l.longestStem, m.stem.length);
        if (m.stem.length >= TYPO_MIN_LENGTH) {
          const start = m.stem.slice(0, 2);
          let byLength = l.nearStems.get(start);
          if (!byLength) l.nearStems.set(start, (byLength = []));
          (byLength[m.stem.length] ??= []).push(m.id);
        }
        break;
      case "number":
        l.numbers.push(m.id);
        break;
      case "year":
        l.years.push(m.id);
        break;
      case "either":
        for (const o of m.options) file(l.eitherOf, o.id, m.id);
        break;
      case "any":
        break;
    }
  }
  l.nearWords = nearMissIndex(l.nearWordIds.map((id) => (matchers[id] as WordMatcher & { word: string }).word));
  return (lookup = l);
}

/**
 * Every matcher (by id, "*" aside) that a token meets, "a|b" ones included. The lexicon's own
 * words are worked out once; other words each time, so that no word a person wrote is kept.
 */
function matchersMet(token: string): readonly number[] {
  const l = matcherLookup();
  const known = l.known.get(token);
  if (known) return known;
  const met = new Set<number>();
  const add = (ids: readonly number[] | undefined) => {
    if (ids) for (const id of ids) met.add(id);
  };
  // Found by their letters: these match by construction.
  add(l.words.get(token));
  for (let n = Math.min(token.length, l.longestStem); n >= 0; n--) add(l.stems.get(token.slice(0, n)));
  // One typo away, perhaps: wordMatches decides.
  const near = new Set<number>();
  const maybe = (ids: readonly number[] | undefined) => {
    if (ids) for (const id of ids) if (!met.has(id)) near.add(id);
  };
  if (token.length >= TYPO_MIN_LENGTH - 1) maybe(l.nearWords(token, TYPO_FROM).map((at) => l.nearWordIds[at] as number));
  const stems = l.nearStems.get(token.slice(0, 2));
  if (stems) for (let n = TYPO_MIN_LENGTH; n < stems.length && n <= token.length; n++) maybe(stems[n]);
  for (const id of near) if (wordMatches(matchers[id] as WordMatcher, token)) met.add(id);
  if (isNumber(token)) add(l.numbers);
  if (isYear(token)) add(l.years);
  for (const id of [...met]) add(l.eitherOf.get(id));
  const out = [...met];
  if (l.known.has(token)) l.known.set(token, out);
  return out;
}

/** A message read once: for each matcher its tokens meet, where they stand (in order). */
interface Table {
  length: number;
  /** How many matchers there were when it was read (phrases compiled since need a new reading). */
  matchers: number;
  at: Map<number, number[]>;
}

// Token lists are never changed once made (the engine only filters and maps them), so each is
// read once however many phrases are tried against it.
const tables = new WeakMap<readonly string[], Table>();

function tableOf(tokens: readonly string[]): Table {
  const known = tables.get(tokens);
  if (known && known.length === tokens.length && known.matchers === matchers.length) return known;
  const at = new Map<number, number[]>();
  tokens.forEach((t, i) => {
    for (const id of matchersMet(t)) {
      const list = at.get(id);
      if (!list) at.set(id, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  const table = { length: tokens.length, matchers: matchers.length, at };
  tables.set(tokens, table);
  return table;
}

/** No position: a matcher no token meets. */
const NOWHERE: readonly number[] = [];

function partMayMatch(needs: readonly number[], table: Table): boolean {
  for (const id of needs) if (!table.at.has(id)) return false;
  return true;
}

function mayMatch(phrase: Phrase, table: Table): boolean {
  for (const needs of phrase.needs) if (!partMayMatch(needs, table)) return false;
  return true;
}

/** The first position in an ascending list after `after`, or -1. */
function firstAfter(list: readonly number[], after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? (list[lo] as number) : -1;
}

/** Where the first match of `seq` starts and ends (the index after its last word), if it occurs. */
function matchSequence(seq: readonly WordMatcher[], table: Table, gap: number, tight?: readonly boolean[]): { start: number; end: number } | undefined {
  const first = seq[0];
  if (!first) return undefined;
  const starts = first.kind === "any" ? undefined : (table.at.get(first.id) ?? NOWHERE);
  const count = starts ? starts.length : table.length;
  for (let n = 0; n < count; n++) {
    const start = starts ? (starts[n] as number) : n;
    let at = start;
    let ok = true;
    for (let k = 1; k < seq.length && ok; k++) {
      // The next word stands right after, or up to `gap` words later: the nearest one is taken.
      const last = Math.min(table.length - 1, at + 1 + (tight?.[k] ? 0 : gap));
      const m = seq[k] as WordMatcher;
      const next = m.kind === "any" ? at + 1 : firstAfter(table.at.get(m.id) ?? NOWHERE, at);
      ok = next >= 0 && next <= last;
      if (ok) at = next;
    }
    if (ok) return { start, end: at + 1 };
  }
  return undefined;
}

/** Does every part of the phrase occur in the message? */
function partsMatch(phrase: Phrase, table: Table, gap: number): boolean {
  return phrase.parts.every((part, i) => matchSequence(part, table, gap, phrase.tight[i]) !== undefined);
}

function occurs(phrase: Phrase, table: Table, gap: number): boolean {
  return mayMatch(phrase, table) && partsMatch(phrase, table, gap);
}

/** Does the phrase occur in these (folded) tokens? */
export function phraseMatches(phrase: Phrase, tokens: string[], gap = 2): boolean {
  return occurs(phrase, tableOf(tokens), gap);
}

/** Positions of a phrase list's phrases by one matcher each needs (lists are never changed once compiled). */
interface PhraseIndex {
  length: number;
  byMatcher: Map<number, number[]>;
  /** Phrases that need no particular matcher (only "*"): always tried. */
  always: number[];
}

const phraseIndexes = new WeakMap<readonly Phrase[], PhraseIndex>();

function indexOf(phrases: readonly Phrase[]): PhraseIndex {
  const known = phraseIndexes.get(phrases);
  if (known && known.length === phrases.length) return known;
  const index: PhraseIndex = { length: phrases.length, byMatcher: new Map(), always: [] };
  // Each phrase is filed under the matcher it needs that fewest phrases need, so few share one.
  const frequency = new Map<number, number>();
  for (const p of phrases) for (const id of new Set(p.needs.flat())) frequency.set(id, (frequency.get(id) ?? 0) + 1);
  phrases.forEach((p, i) => {
    let need: number | undefined;
    for (const id of p.needs.flat()) if (need === undefined || (frequency.get(id) as number) < (frequency.get(need) as number)) need = id;
    if (need === undefined) index.always.push(i);
    else file(index.byMatcher, need, i);
  });
  phraseIndexes.set(phrases, index);
  return index;
}

/** Positions of the phrases filed under a matcher the message meets, in list order, once each. */
function candidatesOf(phrases: readonly Phrase[], table: Table): number[] {
  const index = indexOf(phrases);
  const candidates = [...index.always];
  for (const id of table.at.keys()) {
    const list = index.byMatcher.get(id);
    if (list) for (const i of list) candidates.push(i);
  }
  // Each phrase is filed once, so there are no repeats to remove.
  return candidates.sort((x, y) => x - y);
}

/** The first phrase that occurs, if any. */
export function findPhrase(phrases: readonly Phrase[], tokens: string[], gap = 2): Phrase | undefined {
  if (phrases.length === 0) return undefined;
  const table = tableOf(tokens);
  for (const i of candidatesOf(phrases, table)) {
    const p = phrases[i] as Phrase;
    if (occurs(p, table, gap)) return p;
  }
  return undefined;
}

interface Grouped {
  groups: number;
  flat: Phrase[];
  groupOf: number[];
}

const groupedLists = new WeakMap<readonly (readonly Phrase[])[], Grouped>();

/**
 * For each list of phrases, does any of its phrases occur? The same answers as findPhrase on each
 * list, worked out in one pass over the phrases filed under the matchers the message meets.
 * (Lists are never changed once compiled.)
 */
export function findInEach(lists: readonly (readonly Phrase[])[], tokens: string[], gap = 2): boolean[] {
  let grouped = groupedLists.get(lists);
  if (!grouped || grouped.groups !== lists.length) {
    grouped = { groups: lists.length, flat: lists.flat(), groupOf: lists.flatMap((list, g) => list.map(() => g)) };
    groupedLists.set(lists, grouped);
  }
  const found: boolean[] = lists.map(() => false);
  const { flat, groupOf } = grouped;
  if (flat.length === 0) return found;
  const table = tableOf(tokens);
  // Whether each list matches does not depend on the order the phrases are tried in, so the
  // candidates are tried as the matchers give them (no sorting); each phrase is filed once.
  const index = indexOf(flat);
  const attempt = (i: number) => {
    const g = groupOf[i] as number;
    if (!found[g] && occurs(flat[i] as Phrase, table, gap)) found[g] = true;
  };
  for (const i of index.always) attempt(i);
  for (const id of table.at.keys()) {
    const list = index.byMatcher.get(id);
    if (list) for (const i of list) attempt(i);
  }
  return found;
}

/** Positions of every phrase that occurs, in list order (the same as testing each with phraseMatches). */
export function allMatching(phrases: readonly Phrase[], tokens: string[], gap = 2): number[] {
  if (phrases.length === 0) return [];
  const table = tableOf(tokens);
  return candidatesOf(phrases, table).filter((i) => occurs(phrases[i] as Phrase, table, gap));
}

/**
 * The number a "{n}" phrase matched, e.g. 16 in "tengo 16 años". With `atEnd`, only a match that
 * ends the tokens counts ("tengo 15" as a whole sentence, not "tengo 15 dias").
 */
export function numberIn(phrases: readonly Phrase[], tokens: string[], atEnd = false): number | undefined {
  const table = tableOf(tokens);
  for (const p of phrases) {
    for (const [i, part] of p.parts.entries()) {
      if (!partMayMatch(p.needs[i] as number[], table)) continue;
      const hit = matchSequence(part, table, 0, p.tight[i]);
      if (!hit || (atEnd && hit.end !== tokens.length)) continue;
      const idx = part.findIndex((m) => m.kind === "number");
      if (idx < 0) continue;
      const n = Number(tokens[hit.start + idx]);
      if (Number.isFinite(n)) return n;
    }
  }
  return undefined;
}
