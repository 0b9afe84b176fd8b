// Shipped to the browser (through src/scripts/search.ts) and used at build time by
// SearchMeta.astro: how a search result's snippet is cut from the page's own text.
//
// Pagefind indexes the guide's `questions` and `asks` (hidden, weighted high) so colloquial
// queries find the guide, but those are written the way people type them: lower-case,
// unaccented, and some are painful ("un señor me pide sexo para dejarme pasar"). Pagefind's
// own excerpt goes wherever the matches are densest, which is usually those questions. So the
// snippet is cut here, from the words before the questions block only; when only the questions
// matched, the snippet is the page's summary.

/** The id of the hidden block SearchMeta renders: Pagefind reports where it starts (an anchor). */
export const questionsAnchorId = "search-questions";

/** Words in a snippet: about two lines on a phone. */
export const SNIPPET_WORDS = 24;
/** At most this many words of lead-in before the first match, back to where its sentence starts. */
const LEAD_IN = 6;
/** Otherwise this many words before it, so the match does not open the snippet bare. */
const SHORT_LEAD_IN = 2;

/** Pagefind's separator between words of a page's content (as in its own excerpt code). */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/** The parts of a Pagefind result's data the snippet needs. */
export interface SnippetSource {
  content: string;
  weighted_locations: { location: number; balanced_score: number }[];
  anchors: { id: string; location: number }[];
  meta: Record<string, string | undefined>;
}

/** A run of snippet text, `mark`ed when it is a word the query matched. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const ELLIPSIS = "…";

function join(words: string[], marked: Set<number>, start: number, end: number, before: boolean, after: boolean): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (before) push(`${ELLIPSIS} `, false);
  for (let i = start; i < end; i++) {
    if (i > start) push(" ", false);
    push(words[i] ?? "", marked.has(i));
  }
  if (after) push(` ${ELLIPSIS}`, false);
  return parts;
}

/** A word as search compares it: lower case, no accents, no punctuation around it. */
function fold(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** Query words that say something, 3 letters or more (search also looks each one up alone). */
export function queryTerms(query: string): string[] {
  return [...new Set(query.split(/[\s.,;:!?¿¡"'’()]+/).map(fold).filter((w) => w.length >= MIN_TERM))];
}
const MIN_TERM = 3;

/**
 * Which query term a matched word stands for, or -1. Pagefind also matches word beginnings and
 * stems, so "me" finds "México" and "mejor": a match counts only when it shares its first
 * MIN_TERM letters with a term of the query (a stem: "deportación" for "deportar").
 */
function termOf(word: string, terms: string[]): number {
  const w = fold(word);
  let best = -1;
  let bestShared = MIN_TERM - 1;
  terms.forEach((term, i) => {
    let shared = 0;
    while (shared < term.length && shared < w.length && term[shared] === w[shared]) shared += 1;
    if (shared > bestShared) {
      bestShared = shared;
      best = i;
    }
  });
  return best;
}

/**
 * The snippet of one result: page text around the best matches of `query`, never the questions
 * block; the page's summary when only the questions matched.
 */
export function snippet(source: SnippetSource, query = "", length = SNIPPET_WORDS): SnippetPart[] {
  const words = source.content.split(WORD_SEPARATORS);
  const anchor = source.anchors.find((a) => a.id === questionsAnchorId);
  const end = Math.min(anchor?.location ?? words.length, words.length);
  const terms = queryTerms(query);
  const hits = source.weighted_locations
    .filter((w) => w.location < end)
    .map((w) => ({ ...w, term: terms.length ? termOf(words[w.location] ?? "", terms) : 0 }))
    .filter((w) => w.term >= 0)
    .sort((a, b) => a.location - b.location);
  if (hits.length === 0) {
    const summary = source.meta["summary"]?.trim();
    if (summary) return [{ text: summary, mark: false }];
    return join(words, new Set(), 0, Math.min(length, end), false, length < end);
  }
  // The window of `length` words, starting at a match, that holds the most different query
  // words, then the most match score.
  let best = 0;
  let bestTerms = 0;
  let bestScore = -1;
  for (let i = 0; i < hits.length; i++) {
    let score = 0;
    const found = new Set<number>();
    for (let j = i; j < hits.length && hits[j]!.location < hits[i]!.location + length; j++) {
      score += hits[j]!.balanced_score;
      found.add(hits[j]!.term);
    }
    if (found.size > bestTerms || (found.size === bestTerms && score > bestScore)) {
      bestTerms = found.size;
      bestScore = score;
      best = i;
    }
  }
  const first = hits[best]!.location;
  // A little context before the match, back to the start of its sentence when that is near.
  let start = first;
  while (start > 0 && first - start < LEAD_IN && !/[.!?:;]$/.test(words[start - 1] ?? "")) start -= 1;
  if (first - start >= LEAD_IN) start = Math.max(0, first - SHORT_LEAD_IN);
  const stop = Math.min(start + length, end);
  const marked = new Set(hits.map((h) => h.location));
  return join(words, marked, start, stop, start > 0, stop < end);
}
