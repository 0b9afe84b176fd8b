// Ships to the browser too (pure engine). MiniSearch's OR query over one locale's guide documents,
// answered without building a map per term and per document for every message. MiniSearch scores
// a query as the sum, over its terms, of each matching index term's boosted BM25 score in each
// field, weighted for prefix and one-typo matches, times the number of query terms a document
// matched. A term's per-document score never changes once the index is built, so each index
// term's is asked of MiniSearch itself once, when the engine starts, and kept. A message then only
// finds its terms' neighbours in the vocabulary (prefixes in MiniSearch's own SearchableMap, one
// typo by symmetric deletion) and adds their kept scores into one array. The scores are
// MiniSearch's, summed in another order.
import type MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { nearMissIndex } from "../../src/lib/nlp/text";

/** One query term (already processed as the index's terms are) and its boost. */
export interface QueryTerm {
  term: string;
  boost: number;
}

export interface TermHit {
  /** The document's position in the list the index was built from. */
  doc: number;
  score: number;
  /** The query terms it matched, each once. */
  terms: string[];
}

export interface TermSearch {
  /** Documents matching any of the terms, best first; `near` adds prefix and one-typo matches for the terms `nearFor` allows. */
  search(terms: readonly QueryTerm[], near: boolean): TermHit[];
}

export interface NearOptions {
  /** Which query terms get prefix and one-typo matches. */
  nearFor: (term: string) => boolean;
  /** MiniSearch's weights for such matches. */
  weights: { fuzzy: number; prefix: number };
}

/** How MiniSearch lowers a prefix match's weight with its extra letters (MiniSearch 7, executeQuerySpec). */
const PREFIX_LENGTH_RATE = 0.3;
/** One typo at most, as the index's search options ask (`fuzzy: 1`): a typo neighbour is one edit away. */
const MAX_TYPOS = 1;

/** Whether two words differ by at most one letter added, dropped or changed (Levenshtein distance <= 1, as fuzzyGet counts). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function termSearch<T>(mini: MiniSearch<T>, docIds: readonly string[], { nearFor, weights }: NearOptions): TermSearch {
  const position = new Map(docIds.map((id, i) => [String(id), i]));
  const vocabulary = new SearchableMap<number>();
  const terms = (mini.toJSON().index as [string, unknown][]).map(([term]) => term);
  terms.forEach((term, i) => vocabulary.set(term, i));
  // One-typo neighbours by symmetric deletion: the same words SearchableMap.fuzzyGet(term, 1)
  // finds, without walking the tree for every word of every message.
  const nearMisses = nearMissIndex(terms);
  /** Index terms one edit (Levenshtein) from a word, the word itself left out. */
  const oneTypoFrom = (word: string) => nearMisses(word).filter((i) => terms[i] !== word && oneEditApart(terms[i] as string, word));
  // Each index term's score in each document it is in: MiniSearch's, for the term alone and
  // exactly. Worked out when the engine starts (a few tens of ms per language), in two flat
  // arrays (term i's documents and scores run from start[i] to start[i + 1]), which take far
  // less memory than an array or two per term.
  const start = new Int32Array(terms.length + 1);
  const docsOf: number[] = [];
  const scoresOf: number[] = [];
  terms.forEach((term, i) => {
    for (const r of mini.search(term, { tokenize: (x) => [x], processTerm: (x) => x, fuzzy: false, prefix: false })) {
      const d = position.get(String(r.id));
      if (d === undefined) continue;
      docsOf.push(d);
      scoresOf.push(r.score);
    }
    start[i + 1] = docsOf.length;
  });
  const docs = Int32Array.from(docsOf);
  const scores = Float64Array.from(scoresOf);
  // Per document, while a query is added up: its score so far and the query terms it matched.
  const total = new Float64Array(docIds.length);
  const matched: string[][] = docIds.map(() => []);
  const seen = new Uint8Array(docIds.length);
  return {
    search(query, near) {
      const touched: number[] = [];
      const add = (index: number, weight: number, term: string) => {
        for (let k = start[index] as number, end = start[index + 1] as number; k < end; k++) {
          const d = docs[k] as number;
          if (!seen[d]) {
            seen[d] = 1;
            touched.push(d);
          }
          total[d] = (total[d] as number) + weight * (scores[k] as number);
          const list = matched[d] as string[];
          if (!list.includes(term)) list.push(term);
        }
      };
      // A word said twice is looked up in the vocabulary once (this message only).
      const neighbours = new Map<string, [index: number, weight: number][]>();
      for (const { term, boost } of query) {
        const exact = vocabulary.get(term);
        if (exact !== undefined) add(exact, boost, term);
        if (!near || !nearFor(term)) continue;
        let found = neighbours.get(term);
        if (!found) {
          found = [];
          const prefixed = new Set<string>();
          for (const [t, i] of vocabulary.atPrefix(term)) {
            const extra = t.length - term.length;
            if (!extra) continue;
            prefixed.add(t);
            found.push([i, (weights.prefix * t.length) / (t.length + PREFIX_LENGTH_RATE * extra)]);
          }
          for (const i of oneTypoFrom(term)) {
            const t = terms[i] as string;
            if (prefixed.has(t)) continue;
            found.push([i, (weights.fuzzy * t.length) / (t.length + MAX_TYPOS)]);
          }
          neighbours.set(term, found);
        }
        for (const [i, weight] of found) add(i, boost * weight, term);
      }
      const hits = touched.map((d) => ({ doc: d, score: (total[d] as number) * (matched[d] as string[]).length, terms: matched[d] as string[] }));
      for (const d of touched) {
        total[d] = 0;
        seen[d] = 0;
        matched[d] = [];
      }
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}
