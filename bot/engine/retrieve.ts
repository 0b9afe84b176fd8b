// Ships to the browser too (pure engine). Finds the guides that answer a message: MiniSearch
// (BM25 with fuzzy and prefix matching) over each locale's guide sections and `questions`, with
// accent folding, Snowball stemming, and the slang map of content/bot/slang.yaml. Words that
// appear in a large share of a locale's sections act as stop words (this works for Haitian
// Creole too, where no stop-word list is packaged).
import MiniSearch, { type SearchResult } from "minisearch";
import type { KnowledgeBase } from "./types";
import type { KbGuide } from "../../src/lib/kb";
import { tokenize } from "../../src/lib/nlp/text";
import { stemmerFor } from "../../src/lib/nlp/stem";
import { allMatching, compilePhrase, type Phrase } from "../../src/lib/nlp/phrases";
import { eng, fra, por, spa } from "stopword";

/** Packaged stop-word lists (the stopword package); Haitian Creole relies on the corpus-derived ones. */
const packagedStopWords: Record<string, string[]> = { en: eng, es: spa, fr: fra, pt: por };

export interface GuideHit {
  guide: string;
  locale: string;
  score: number;
  /** Index of the best-matching section in the guide, or -1 when only its title/questions matched. */
  section: number;
  /** Share of the message's meaningful words this guide matched (0..1). */
  coverage: number;
  /** How many of the message's meaningful words it matched. */
  matched: number;
}

interface Doc {
  id: string;
  guide: string;
  section: number;
  title?: string;
  summary?: string;
  questions?: string;
  heading?: string;
  text?: string;
}

interface LocaleIndex {
  search: MiniSearch<Doc>;
  stop: Set<string>;
  stem: (w: string) => string;
  /** Slang phrases and, at the same positions, what each means. */
  slang: Phrase[];
  meanings: string[];
  /** Stemmed words of the locale's guide titles and questions: what people ask about. */
  asked: Set<string>;
}

const fields = ["title", "summary", "questions", "heading", "text"];
const boost = { questions: 3, title: 2.5, summary: 1.5, heading: 1.5, text: 1 };

function stopWords(guides: KbGuide[], locale: string): Set<string> {
  const df = new Map<string, number>();
  let n = 0;
  for (const g of guides)
    for (const s of g.sections) {
      n++;
      for (const t of new Set(tokenize(`${s.heading} ${s.text}`))) df.set(t, (df.get(t) ?? 0) + 1);
    }
  const stop = new Set<string>((packagedStopWords[locale] ?? []).flatMap((w) => tokenize(w)));
  for (const [t, c] of df) if (n >= 8 && c / n > 0.3) stop.add(t);
  return stop;
}

function buildIndex(kb: KnowledgeBase, locale: string): LocaleIndex | undefined {
  const guides = kb.guides.filter((g) => g.locale === locale);
  if (guides.length === 0) return undefined;
  const stop = stopWords(guides, locale);
  const stem = stemmerFor(locale);
  const processTerm = (term: string) => {
    if (term.length < 2 || stop.has(term)) return null;
    return stem(term);
  };
  const search = new MiniSearch<Doc>({
    fields,
    storeFields: ["guide", "section"],
    tokenize: (text) => tokenize(text),
    processTerm,
    searchOptions: {
      boost,
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
      maxFuzzy: 1,
      weights: { fuzzy: 0.4, prefix: 0.5 },
    },
  });
  const docs: Doc[] = [];
  for (const g of guides) {
    docs.push({ id: `${g.id}#q`, guide: g.id, section: -1, title: g.title, summary: g.summary, questions: g.questions.join(" \n ") });
    g.sections.forEach((s, i) => {
      if (s.text || s.heading) docs.push({ id: `${g.id}#${i}`, guide: g.id, section: i, heading: s.heading, text: s.text });
    });
  }
  search.addAll(docs);
  const entries = Object.entries(kb.lexicon.slang[locale] ?? {});
  const slang = entries.map(([k]) => compilePhrase(k));
  const meanings = entries.map(([, v]) => v.join(" "));
  const asked = new Set(guides.flatMap((g) => [g.title, ...g.questions].flatMap((q) => tokenize(q))).filter((t) => t.length >= 2 && !stop.has(t)).map(stem));
  return { search, stop, stem, slang, meanings, asked };
}

export interface Retriever {
  /** Locales that have guides. */
  locales: string[];
  /** `exact`: no typo or prefix matching (for searching another language's guides: faster, fewer accidents). */
  search(text: string, locale: string, exact?: boolean, tokens?: string[]): GuideHit[];
  /** How many of these words are words people use to ask about the guides' topics. */
  topicWords(tokens: string[], locale: string): number;
}

export function createRetriever(kb: KnowledgeBase): Retriever {
  const indexes = new Map<string, LocaleIndex>();
  for (const l of kb.locales) {
    const index = buildIndex(kb, l.code);
    if (index) indexes.set(l.code, index);
  }
  const anyStop = new Set(Object.values(packagedStopWords).flatMap((list) => list.flatMap((w) => tokenize(w))));
  return {
    locales: [...indexes.keys()],
    topicWords(tokens, locale) {
      const index = indexes.get(locale);
      if (!index) return 0;
      return tokens.filter((t) => t.length >= 2 && !index.stop.has(t) && index.asked.has(index.stem(t))).length;
    },
    search(text, locale, exact = false, tokens = tokenize(text)) {
      const index = indexes.get(locale);
      if (!index) return [];
      const expansions = allMatching(index.slang, tokens, 0).map((i) => index.meanings[i] as string);
      // Function words of any of our languages don't count: a French message searched in the Spanish guides.
      const meaningful = new Set(tokens.filter((t) => t.length >= 2 && !index.stop.has(t) && !anyStop.has(t)).map(index.stem));
      if (meaningful.size === 0 && expansions.length === 0) return [];
      // Slang expansions count half: they say what the person means, not what they wrote.
      // The folded text is its tokens joined by spaces (tokenize splits fold's output).
      const folded = tokens.join(" ");
      const query = expansions.length ? { combineWith: "OR" as const, queries: [folded, { queries: [expansions.join(" ")], boostTerm: () => 0.5 }] } : folded;
      const results: SearchResult[] = index.search.search(query, exact ? { fuzzy: false, prefix: false } : {});
      const byGuide = new Map<string, { scores: number[]; section: number; sectionScore: number; terms: Set<string> }>();
      for (const r of results) {
        const guide = r["guide"] as string;
        const section = r["section"] as number;
        let g = byGuide.get(guide);
        if (!g) byGuide.set(guide, (g = { scores: [], section: -1, sectionScore: 0, terms: new Set() }));
        g.scores.push(r.score);
        for (const t of r.queryTerms) g.terms.add(t);
        if (section >= 0 && r.score > g.sectionScore) {
          g.section = section;
          g.sectionScore = r.score;
        }
      }
      const hits: GuideHit[] = [];
      for (const [guide, g] of byGuide) {
        const [a = 0, b = 0, c = 0] = g.scores;
        const matched = [...g.terms].filter((t) => meaningful.has(t)).length;
        hits.push({ guide, locale, score: a + 0.5 * b + 0.25 * c, section: g.section, coverage: meaningful.size ? matched / meaningful.size : 0, matched });
      }
      return hits.sort((x, y) => y.score - x.score);
    },
  };
}
