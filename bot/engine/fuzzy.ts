// Ships to the browser too (pure engine). An exact, faster stand-in for MiniSearch's fuzzy term
// lookup at edit distance 1, the only distance the retriever asks for. MiniSearch walks its whole
// term tree for every long word of every message; here the index's words are filed once under
// every way of deleting one letter, so the words within one edit of a query are a few lookups away.
// It returns the same words, values, distances and order as MiniSearch's own lookup (see
// tests/unit/engine-fuzzy.test.ts); any other distance, or a MiniSearch whose insides differ from
// version 7, is left to MiniSearch.
import type MiniSearch from "minisearch";

/** What this module uses of MiniSearch's term index (a SearchableMap). */
interface TermIndex {
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [unknown, number]>;
  get(key: string): unknown;
  [Symbol.iterator](): Iterator<[string, unknown]>;
}

/** The word itself and the word without each one of its letters (UTF-16 units, as MiniSearch compares). */
function variants(word: string): Set<string> {
  const out = new Set([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Levenshtein distance when it is 0 or 1; 2 for anything further. */
export function distanceUpToOne(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length && diff < 2; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) diff++;
    return diff === 1 ? 1 : 2;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return 2;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  // One letter of the longer word skipped: the rest must be equal.
  return short.slice(i) === long.slice(i + 1) ? 1 : 2;
}

/** MiniSearch's term index, when it has the shape this module knows (MiniSearch 7). */
export function termIndexOf<T>(search: MiniSearch<T>): TermIndex | undefined {
  const index = (search as unknown as { _index?: Partial<TermIndex> })._index;
  return index && typeof index.fuzzyGet === "function" && typeof index.get === "function" && typeof index[Symbol.iterator] === "function" ? (index as TermIndex) : undefined;
}

/** Installs the faster lookup on a built index (no documents may be added afterwards). */
export function speedUpFuzzy<T>(search: MiniSearch<T>): void {
  const index = termIndexOf(search);
  if (!index) return;
  const original = index.fuzzyGet.bind(index);
  const terms: string[] = [];
  for (const [term] of index) terms.push(term);
  // The map iterates its tree from the last branch to the first; fuzzyGet lists from the first.
  terms.reverse();
  const byVariant = new Map<string, number[]>();
  terms.forEach((term, i) => {
    for (const v of variants(term)) {
      const list = byVariant.get(v);
      if (list) list.push(i);
      else byVariant.set(v, [i]);
    }
  });
  index.fuzzyGet = (key, maxEditDistance) => {
    if (maxEditDistance !== 1) return original(key, maxEditDistance);
    const found = new Set<number>();
    for (const v of variants(key)) for (const i of byVariant.get(v) ?? []) found.add(i);
    const out = new Map<string, [unknown, number]>();
    for (const i of [...found].sort((x, y) => x - y)) {
      const term = terms[i] as string;
      const d = distanceUpToOne(key, term);
      if (d <= 1) out.set(term, [index.get(term), d]);
    }
    return out;
  };
}
