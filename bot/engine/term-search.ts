// Ships to the browser too (pure engine). MiniSearch's OR query over one locale's guide documents,
// answered without building a map per term and per document for every message. MiniSearch scores
// a query as the sum, over its terms, of each matching index term's boosted BM25 score in each
// field, weighted for prefix and one-typo matches, times the number of query terms a document
// matched. A term's per-document score never changes once the index is built, so each index
// term's is asked of MiniSearch itself once, when the engine starts, and kept; a message then only finds
// its terms' prefix and typo neighbours in the vocabulary (MiniSearch's own SearchableMap) and
// adds their kept scores into one array. The scores are MiniSearch's, summed in another order.
import type MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";

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
/** One typo at most, as the index's search options ask (`fuzzy: 1`). */
const MAX_TYPOS = 1;

interface Scores {
  docs: Int32Array;
  scores: Float64Array;
}

export function termSearch<T>(mini: MiniSearch<T>, docIds: readonly string[], { nearFor, weights }: NearOptions): TermSearch {
  const position = new Map(docIds.map((id, i) => [String(id), i]));
  const vocabulary = new SearchableMap<number>();
  const terms = (mini.toJSON().index as [string, unknown][]).map(([term]) => term);
  terms.forEach((term, i) => vocabulary.set(term, i));
  // Each index term's score in each document it is in: MiniSearch's, for the term alone and
  // exactly. Worked out when the engine starts (a few tens of ms per language).
  const kept: Scores[] = terms.map((term) => {
    const results = mini.search(term, { tokenize: (x) => [x], processTerm: (x) => x, fuzzy: false, prefix: false });
    return { docs: Int32Array.from(results, (r) => position.get(String(r.id)) ?? -1), scores: Float64Array.from(results, (r) => r.score) };
  });
  // Per document, while a query is added up: its score so far and the query terms it matched.
  const total = new Float64Array(docIds.length);
  const matched: string[][] = docIds.map(() => []);
  const seen = new Uint8Array(docIds.length);
  return {
    search(query, near) {
      const touched: number[] = [];
      const add = (index: number, weight: number, term: string) => {
        const { docs, scores } = kept[index] as Scores;
        for (let k = 0; k < docs.length; k++) {
          const d = docs[k] as number;
          if (d < 0) continue;
          if (!seen[d]) {
            seen[d] = 1;
            touched.push(d);
          }
          total[d] = (total[d] as number) + weight * (scores[k] as number);
          const list = matched[d] as string[];
          if (!list.includes(term)) list.push(term);
        }
      };
      for (const { term, boost } of query) {
        const exact = vocabulary.get(term);
        if (exact !== undefined) add(exact, boost, term);
        if (!near || !nearFor(term)) continue;
        const prefixed = new Set<string>();
        for (const [t, i] of vocabulary.atPrefix(term)) {
          const extra = t.length - term.length;
          if (!extra) continue;
          prefixed.add(t);
          add(i, boost * ((weights.prefix * t.length) / (t.length + PREFIX_LENGTH_RATE * extra)), term);
        }
        for (const [t, [i, distance]] of vocabulary.fuzzyGet(term, MAX_TYPOS)) {
          if (!distance || prefixed.has(t)) continue;
          add(i, boost * ((weights.fuzzy * t.length) / (t.length + distance)), term);
        }
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
