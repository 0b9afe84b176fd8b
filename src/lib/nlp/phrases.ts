// Ships to the browser too (pure). Matches editor-written phrases (content/bot/*.yaml)
// against a message: "encerrad*" is a word stem, "hijo|hija" either word, "{n}" a number of one
// or two digits, "{y}" a year, "a & b" both anywhere, and up to `gap` other words may sit between
// the words of a phrase, except words joined by "+" ("y+si"), which must stand side by side. Long words and long stems tolerate one typo, except a word written
// "=matarme": one letter there makes another word ("matarte" is a threat, not self-harm).
import { editDistance, tokenize } from "./text";

type WordMatcher =
  | { kind: "word"; word: string; exact?: true }
  | { kind: "stem"; stem: string }
  | { kind: "number" }
  | { kind: "year" }
  | { kind: "any" }
  | { kind: "either"; options: WordMatcher[] };

/** A compiled phrase: every part must match (parts are the "&"-separated pieces). */
export interface Phrase {
  source: string;
  parts: WordMatcher[][];
  /**
   * Per part, for each word it needs, the keys a token matching that word must have (see
   * `keysOf`); a part whose needs a message's keys cannot meet is skipped without matching it
   * word by word.
   */
  needs: string[][][];
  /** Per part, per word: it must follow the word before it directly ("y+si"), with no word between. */
  tight: boolean[][];
}

// Keys say which tokens a matcher could match, so a set lookup rules out most phrases before any
// word-by-word matching. A token has three: the token itself ("=encerrado"), its first two
// letters and its first three. A matcher lists the keys of the tokens it can match: a short word
// only itself (no typo tolerance there), a short stem its first three letters, and anything that
// forgives a typo (which keeps the first two letters) its first two.
const NUMBER_KEY = "#n";
const YEAR_KEY = "#y";
const isNumber = (token: string) => /^\d{1,2}$/.test(token);
const isYear = (token: string) => /^(19|20)\d\d$/.test(token);
/** Words and stems this long tolerate one typo (after their first two letters): shorter ones would catch other words. */
const TYPO_MIN_LENGTH = 7;

/** Keys a matching token must have, or undefined when any token may match. */
function keysOf(m: WordMatcher): string[] | undefined {
  switch (m.kind) {
    case "any":
      return undefined;
    case "number":
      return [NUMBER_KEY];
    case "year":
      return [YEAR_KEY];
    case "stem":
      if (m.stem.length >= TYPO_MIN_LENGTH) return [m.stem.slice(0, 2)];
      if (m.stem.length >= 3) return [m.stem.slice(0, 3)];
      return m.stem.length >= 2 ? [m.stem.slice(0, 2)] : undefined;
    case "word":
      return m.word.length >= TYPO_MIN_LENGTH && !m.exact ? [m.word.slice(0, 2)] : [`=${m.word}`];
    case "either": {
      const keys: string[] = [];
      for (const o of m.options) {
        const k = keysOf(o);
        if (!k) return undefined;
        keys.push(...k);
      }
      return keys;
    }
  }
}

// Token lists are never changed once made (the engine only filters and maps them), so their
// keys are worked out once per list however many phrases are tried against it.
const messageKeys = new WeakMap<readonly string[], { length: number; keys: Set<string> }>();

function keysOfMessage(tokens: readonly string[]): Set<string> {
  const known = messageKeys.get(tokens);
  if (known && known.length === tokens.length) return known.keys;
  const keys = new Set<string>();
  for (const t of tokens) {
    keys.add(t.slice(0, 2));
    if (t.length >= 3) keys.add(t.slice(0, 3));
    keys.add(`=${t}`);
    if (isNumber(t)) keys.add(NUMBER_KEY);
    if (isYear(t)) keys.add(YEAR_KEY);
  }
  messageKeys.set(tokens, { length: tokens.length, keys });
  return keys;
}

function partMayMatch(needs: string[][], keys: Set<string>): boolean {
  for (const need of needs) {
    let ok = false;
    for (const k of need) if (keys.has(k)) ok = true;
    if (!ok) return false;
  }
  return true;
}

function mayMatch(phrase: Phrase, keys: Set<string>): boolean {
  for (const needs of phrase.needs) if (!partMayMatch(needs, keys)) return false;
  return true;
}

// The same matcher ("me|nos|la", "encerr*") recurs in hundreds of phrases: each is made once.
const interned = new Map<string, WordMatcher>();
function intern(key: string, make: () => WordMatcher): WordMatcher {
  let m = interned.get(key);
  if (!m) interned.set(key, (m = make()));
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
  const needs = parts.map((part) =>
    part.flatMap((m) => {
      const k = keysOf(m);
      return k ? [k] : [];
    }),
  );
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

function wordMatches(m: WordMatcher, token: string): boolean {
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

/** No position: a word whose two first letters no token has. */
const NOWHERE: readonly number[] = [];

/** Per message (its token array): where the tokens starting with each two letters are. */
const tokenPositions = new WeakMap<readonly string[], { length: number; byPrefix: Map<string, number[]>; either: Map<WordMatcher, number[] | undefined> }>();

/**
 * The positions where a token matching `m` may stand, or undefined when any may. Every token a
 * word or a stem (of two letters or more) matches starts with its first two letters, typo or not
 * (nearMiss keeps them), so a sequence need only be tried from there, not from every token of a
 * 500-character story.
 */
function startsOf(m: WordMatcher, tokens: readonly string[]): readonly number[] | undefined {
  let memo = tokenPositions.get(tokens);
  if (!memo || memo.length !== tokens.length) {
    const byPrefix = new Map<string, number[]>();
    tokens.forEach((t, i) => {
      const k = t.slice(0, 2);
      const list = byPrefix.get(k);
      if (list) list.push(i);
      else byPrefix.set(k, [i]);
    });
    tokenPositions.set(tokens, (memo = { length: tokens.length, byPrefix, either: new Map() }));
  }
  switch (m.kind) {
    case "word":
      return memo.byPrefix.get(m.word.slice(0, 2)) ?? NOWHERE;
    case "stem":
      return m.stem.length >= 2 ? (memo.byPrefix.get(m.stem.slice(0, 2)) ?? NOWHERE) : undefined;
    case "either": {
      if (memo.either.has(m)) return memo.either.get(m);
      let all: number[] | undefined = [];
      for (const o of m.options) {
        const at = startsOf(o, tokens);
        if (!at) {
          all = undefined;
          break;
        }
        all.push(...at);
      }
      if (all) all = [...new Set(all)].sort((x, y) => x - y);
      memo.either.set(m, all);
      return all;
    }
    default:
      return undefined;
  }
}

/** Where the first match of `seq` starts and ends (the index after its last word), if it occurs. */
function matchSequence(seq: WordMatcher[], tokens: string[], gap: number, tight?: readonly boolean[]): { start: number; end: number } | undefined {
  const first = seq[0];
  if (!first) return undefined;
  const starts = startsOf(first, tokens);
  const count = starts ? starts.length : tokens.length;
  for (let n = 0; n < count; n++) {
    const start = starts ? (starts[n] as number) : n;
    if (!wordMatches(first, tokens[start] as string)) continue;
    let at = start;
    let ok = true;
    for (let k = 1; k < seq.length && ok; k++) {
      ok = false;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 1 + (tight?.[k] ? 0 : gap)); j++) {
        if (wordMatches(seq[k] as WordMatcher, tokens[j] as string)) {
          at = j;
          ok = true;
          break;
        }
      }
    }
    if (ok) return { start, end: at + 1 };
  }
  return undefined;
}

/** Does the phrase occur in these (folded) tokens? */
export function phraseMatches(phrase: Phrase, tokens: string[], gap = 2): boolean {
  if (!mayMatch(phrase, keysOfMessage(tokens))) return false;
  return partsMatch(phrase, tokens, gap);
}

/** Does every part of the phrase occur in the tokens? */
function partsMatch(phrase: Phrase, tokens: string[], gap: number): boolean {
  return phrase.parts.every((part, i) => matchSequence(part, tokens, gap, phrase.tight[i]) !== undefined);
}

/** Positions of a phrase list's phrases by the key of one word each needs (lists are never changed once compiled). */
interface PhraseIndex {
  length: number;
  byKey: Map<string, number[]>;
  /** Phrases that need no particular key (only "*" or very short stems): always tried. */
  always: number[];
}

const phraseIndexes = new WeakMap<readonly Phrase[], PhraseIndex>();

function indexOf(phrases: readonly Phrase[]): PhraseIndex {
  const known = phraseIndexes.get(phrases);
  if (known && known.length === phrases.length) return known;
  const index: PhraseIndex = { length: phrases.length, byKey: new Map(), always: [] };
  // Each phrase is filed under its rarest needed word, so few phrases share a key.
  const frequency = new Map<string, number>();
  for (const p of phrases) for (const need of p.needs.flat()) for (const k of need) frequency.set(k, (frequency.get(k) ?? 0) + 1);
  const weight = (need: string[]) => need.reduce((sum, k) => sum + (frequency.get(k) ?? 0), 0);
  phrases.forEach((p, i) => {
    let need: string[] | undefined;
    for (const n of p.needs.flat()) if (!need || weight(n) < weight(need)) need = n;
    if (!need) {
      index.always.push(i);
      return;
    }
    for (const k of new Set(need)) {
      const list = index.byKey.get(k);
      if (list) list.push(i);
      else index.byKey.set(k, [i]);
    }
  });
  phraseIndexes.set(phrases, index);
  return index;
}

/** The first phrase that occurs, if any. */
export function findPhrase(phrases: readonly Phrase[], tokens: string[], gap = 2): Phrase | undefined {
  if (phrases.length === 0) return undefined;
  const keys = keysOfMessage(tokens);
  for (const i of candidatesOf(phrases, keys)) {
    const p = phrases[i] as Phrase;
    if (mayMatch(p, keys) && partsMatch(p, tokens, gap)) return p;
  }
  return undefined;
}

/** Positions of the phrases one of whose needed words the message may contain, in list order, once each. */
function candidatesOf(phrases: readonly Phrase[], keys: Set<string>): number[] {
  const index = indexOf(phrases);
  const candidates = [...index.always];
  for (const k of keys) {
    const list = index.byKey.get(k);
    if (list) for (const i of list) candidates.push(i);
  }
  candidates.sort((x, y) => x - y);
  return candidates.filter((i, at) => at === 0 || candidates[at - 1] !== i);
}

interface Grouped {
  groups: number;
  flat: Phrase[];
  groupOf: number[];
}

const groupedLists = new WeakMap<readonly (readonly Phrase[])[], Grouped>();

/**
 * For each list of phrases, does any of its phrases occur? The same answers as findPhrase on each
 * list, worked out in one pass over the phrases indexed under the message's word keys.
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
  const keys = keysOfMessage(tokens);
  // Whether each list matches does not depend on the order the phrases are tried in, so the
  // candidates are tried as the keys give them (no sorting), each phrase at most once.
  const index = indexOf(flat);
  const tried = new Uint8Array(flat.length);
  const attempt = (i: number) => {
    const g = groupOf[i] as number;
    if (found[g] || tried[i]) return;
    tried[i] = 1;
    const p = flat[i] as Phrase;
    if (mayMatch(p, keys) && partsMatch(p, tokens, gap)) found[g] = true;
  };
  for (const i of index.always) attempt(i);
  for (const k of keys) {
    const list = index.byKey.get(k);
    if (list) for (const i of list) attempt(i);
  }
  return found;
}

/** Positions of every phrase that occurs, in list order (the same as testing each with phraseMatches). */
export function allMatching(phrases: readonly Phrase[], tokens: string[], gap = 2): number[] {
  if (phrases.length === 0) return [];
  const keys = keysOfMessage(tokens);
  return candidatesOf(phrases, keys).filter((i) => {
    const p = phrases[i] as Phrase;
    return mayMatch(p, keys) && partsMatch(p, tokens, gap);
  });
}

/**
 * The number a "{n}" phrase matched, e.g. 16 in "tengo 16 años". With `atEnd`, only a match that
 * ends the tokens counts ("tengo 15" as a whole sentence, not "tengo 15 dias").
 */
export function numberIn(phrases: readonly Phrase[], tokens: string[], atEnd = false): number | undefined {
  const keys = keysOfMessage(tokens);
  for (const p of phrases) {
    for (const [i, part] of p.parts.entries()) {
      if (!partMayMatch(p.needs[i] as string[][], keys)) continue;
      const hit = matchSequence(part, tokens, 0, p.tight[i]);
      if (!hit || (atEnd && hit.end !== tokens.length)) continue;
      const idx = part.findIndex((m) => m.kind === "number");
      if (idx < 0) continue;
      const n = Number(tokens[hit.start + idx]);
      if (Number.isFinite(n)) return n;
    }
  }
  return undefined;
}
