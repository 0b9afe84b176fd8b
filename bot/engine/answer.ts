// Ships to the browser too (pure engine). The answer stage: which guide section answers a
// message, and how sure we are. MiniSearch (BM25 with fuzzy and prefix matching) over each
// locale's guide sections, where a section is found by the ways people ask it (its short answer's
// `asks`), its heading, its short answer and its text, and a guide by its title, summary and
// questions; with accent folding, Snowball stemming and the slang map of content/bot/slang.yaml.
// Words that appear in a large share of a locale's sections act as stop words (this works for
// Haitian Creole too, where no stop-word list is packaged). The nearest ask, compared word for word
// with its function words, then says which guide and section fit the kind of question best.
import MiniSearch from "minisearch";
import type { ConversationState, KnowledgeBase } from "./types";
import type { KbGuide } from "../../src/lib/kb";
import { tokenize } from "../../src/lib/nlp/text";
import { stemmerFor } from "../../src/lib/nlp/stem";
import { anyStopWords, stopWordsFor } from "../../src/lib/nlp/stop-words";
import type { Locale } from "../../src/lib/locales";
import { allMatching, compilePhrase, type Phrase } from "../../src/lib/nlp/phrases";
import { matcherFeatures, trainMatcher, type Matcher } from "../../src/lib/nlp/matcher";
import { termSearch, type QueryTerm, type TermSearch } from "./term-search";

export interface SectionHit {
  guide: string;
  /** Locale whose guides matched. */
  locale: string;
  score: number;
  /** Index of the best-matching section in the guide, or -1 when only its title, summary or questions matched. */
  section: number;
  /** Share of the message's meaningful words this guide matched (0..1). */
  coverage: number;
  /** How many of the message's meaningful words it matched. */
  matched: number;
  /** Search score of each of the guide's sections that matched, by position. */
  sections?: ReadonlyMap<number, number>;
  /** Its best section is written for another country (or nationality) than the person's: never answered with confidence. */
  elsewhere?: boolean;
  /** The score without the nearest ask's share: how sure the bot is comes from the guides' words, not from the kind of question alone ("hola, tengo una pregunta"). */
  unboosted?: number;
}

export interface AnswerChoice {
  /** Guides that answer, best first (one hit per guide, with its best section). */
  hits: SectionHit[];
  /** The best hit is in another language than the person's: its guide is shown in the source language. */
  fallback: boolean;
  /** Confident enough to answer; otherwise the bot says it is not sure and offers the closest topics. */
  confident: boolean;
  /** The message is about something else than the guides' topics (content/bot/off-topic.yaml): no hits. */
  offTopic?: boolean;
}

interface Doc {
  id: string;
  guide: string;
  section: number;
  title?: string;
  summary?: string;
  questions?: string;
  asks?: string;
  heading?: string;
  answer?: string;
  text?: string;
}

interface LocaleIndex {
  /** The guide documents, searched with MiniSearch's scores (see term-search.ts). */
  search: TermSearch;
  docs: Doc[];
  /** A word as the index has it (stemmed), or null for a function word. */
  process: (word: string) => string | null;
  stop: Set<string>;
  stem: (w: string) => string;
  /** Slang phrases and, at the same positions, what each means. */
  slang: Phrase[];
  meanings: string[];
  /** Stemmed words of the locale's guide titles, questions and asks: what people ask about. */
  asked: Set<string>;
  /** Which guide a question is about, learnt from the guides' own words. */
  matcher: Matcher;
  /** Per guide: which of its sections, learnt from their headings, answers and asks. */
  sectionMatchers: Map<string, Matcher>;
  /** The ways people ask each section, word for word (function words too): the nearest one says which section. */
  asks: NearestAsks;
}

const fields = ["title", "summary", "questions", "asks", "heading", "answer", "text"];
/**
 * Field weights. The ways people ask (questions, asks) weigh most: they are written in people's
 * own words. Titles and headings say what a guide or section is about; the long section text
 * shares many words with other sections by chance, so it weighs least.
 */
const boost = { asks: 3, questions: 3, title: 2.5, heading: 2, answer: 1.5, summary: 1.5, text: 1 };
/** MiniSearch's weights for near matches: a word with a typo or only its start counts less than the word itself. */
const NEAR_MATCH_WEIGHTS = { fuzzy: 0.4, prefix: 0.5 };
/** Words this long get prefix and one-typo matching; shorter ones would match unrelated words. */
const NEAR_MATCH_MIN_LENGTH = 5;
/** A word in more than this share of a locale's sections is a stop word there (at least 8 sections). */
const STOP_WORD_SHARE = 0.3;
/** Slang expansions count half: they say what the person means, not what they wrote. */
const SLANG_WEIGHT = 0.5;
/** A guide's score: its best document, plus smaller shares of its next two (a guide that matches in several places is a better answer). */
const SECOND_SHARE = 0.5;
const THIRD_SHARE = 0.25;

/**
 * A guide's rank mixes the trained matcher's probability with the search score (as a share of the
 * best one), half each: together they put the right guide first more often than either alone
 * (bench:bot-quality on the development set).
 */
const MATCHER_WEIGHT = 0.5;
/**
 * How sharply the matchers' probabilities follow their per-word fit (Matcher.rank's `perWord`).
 * Summed over every word, one guide got nearly all the probability whatever its lead, so the
 * matcher's half of a guide's score was all or nothing. Tried 3, 5 and 8 for guides and 0 (the
 * sum), 2, 5 and 10 for sections, on our three tuned sets (dev, answers-read, sections-read):
 * 5 and 2 put the right guide first for 463 of 540 messages (453 with the sum) and the right
 * section for 284 of 440 (273). The unread halves moved the same way (guide 78 → 80 of 100,
 * 87.5 → 90.8%; section 75.0 → 76.7%).
 */
const GUIDE_PER_WORD = 5;
const SECTION_PER_WORD = 2;
/** The leading guides whose best section is worked out (three are shown; a few more in case where the person is moves one down). */
const SECTION_CANDIDATES = 6;
/**
 * The section matcher's share of a section's score, beside the search's section scores. 0.3 did
 * best while the matcher gave all or nothing; scored per word (SECTION_PER_WORD) it is the better
 * guide: of 0.3, 0.5, 0.7, 0.85 and 1, 0.7 answered the right section most often on the tuned
 * sets (261 of 398 against 258) and on sections-unread (80.8% against 76.7%). The nearest ask's
 * weight (NEAR_ASK_SECTION) was tried again at 0.3 and 1 with it: 0.6 stays best.
 */
const SECTION_MATCHER_WEIGHT = 0.7;
/**
 * The nearest ask, word for word. BM25 drops function words, yet they say what kind of question it
 * is ("qué es", "cuánto tarda", "how long", "c'est quoi"): the cosine similarity of the message with
 * a guide's closest ask, function words and word pairs included, multiplies the guide's score by
 * (1 + NEAR_ASK_GUIDE × similarity), and adds NEAR_ASK_SECTION × similarity to a section's score
 * within its guide. Multiplying keeps the best-to-second ratio that says how sure the bot is. Set
 * on the project's development set and the read half of tests/heldout/sections-*.jsonl (guide top-1
 * 84.4 -> 86.9% and 79.2 -> 80.8%, section 59.0 -> 61.9% and 60.8 -> 62.5%; 1, 2, 4, 8 and 16 tried):
 * past 8 the gains flatten and more replies say "not sure"; the section weight did as well from 0.6
 * to 1. Not for a worker's message on a children's guide: see nearOf.
 */
const NEAR_ASK_GUIDE = 8;
const NEAR_ASK_SECTION = 0.6;
/** Ranking adjustments: named, with their reasons. */
/** A guide on the topic the message is about already (e.g. an emergency's danger topics) is preferred. */
const TOPIC_BOOST = 1.5;
/** An unaccompanied child is shown the guide for children travelling alone a little sooner. */
const ALONE_BOOST = 1.2;
/** Staff guides answer staff first; children and families see them only when nothing else fits. */
const STAFF_FOR_STAFF = 1.8;
const STAFF_FOR_OTHERS = 0.6;
/** And a children's or families' guide answers staff only when it fits clearly better: a teacher asking how to support a pupil is asking a staff question, even when the school words match a child's guide. */
const CHILDREN_FOR_STAFF = 0.3;
/**
 * Where the person is. A guide or a short answer about another country's law or offices (its
 * `countries` leave out the one the person is in) is not their answer: it only wins when nothing
 * else fits. A section written for their own country ("### En Costa Rica") is preferred within
 * its guide. Unknown country: no change. The same for answers about one nationality's consulate,
 * documents or return (`nationals`), by where the person is from.
 */
const OTHER_COUNTRY = 0.25;
const OWN_COUNTRY_SECTION = 1.5;

/** The matcher's label for messages about other things, learnt from content/bot/off-topic.yaml. */
const OFF_TOPIC = "#off-topic";
/** Off topic when the matcher gives that label at least this probability: more likely than all the guides together. */
const OFF_TOPIC_P = 0.5;
/** Confidence: the best guide must match at least this share of the meaningful words, or two of them. */
const MIN_COVERAGE = 0.25;
const MIN_MATCHED_WORDS = 2;
/** ... and score at least this (BM25 units): one weak word in a long field is chance. */
const MIN_SCORE = 1;
/** Another language's guides must match much better: words shared across languages are often chance. */
const MIN_COVERAGE_ELSEWHERE = 0.5;
const MIN_COVERAGE_ELSEWHERE_WITH_TWO = 0.4;
/** Guides far below the best match are chance, even when they share a word or two. */
const KEEP_SHARE_OF_BEST = 0.3;
/**
 * When is the best match too unsure to answer with? BM25 scores have no fixed scale, so the bot
 * looks at how far the best guide stands above the next one, and how much of the message it
 * covers: below both, it says it is not sure and offers the closest topics as buttons. Set with
 * `npm run bench:bot-quality -- --tune` on the project's development set: these values avoid
 * about a fifth of the wrong answers for one right answer in twenty-five (which the buttons still offer).
 */
export const CONFIDENT_MARGIN = 1.2;
export const CONFIDENT_COVERAGE = 0.7;


/** A message's features for the nearest ask: every stemmed word, function words included ("cuanto tarda", "what is"), and each pair of neighbouring words. */
function askFeatures(tokens: readonly string[], stem: (w: string) => string): string[] {
  const w = tokens.map(stem);
  return [...new Set([...w, ...w.slice(1).map((x, i) => `${w[i]} ${x}`)])];
}

interface NearestAsks {
  /** Per guide, per section: the cosine similarity of the message with the section's nearest ask (0..1). */
  near(tokens: readonly string[]): Map<string, Map<number, number>>;
}

function nearestAsks(rows: readonly { guide: string; section: number; text: string }[], stem: (w: string) => string): NearestAsks {
  const feats = rows.map((r) => askFeatures(tokenize(r.text), stem));
  const df = new Map<string, number>();
  for (const f of feats) for (const x of f) df.set(x, (df.get(x) ?? 0) + 1);
  // Each feature's IDF weight and its rows, worked out once: a reply looks up only the message's features.
  const features = new Map<string, { idf: number; rows: number[] }>();
  for (const [x, n] of df) features.set(x, { idf: Math.log((rows.length + 1) / (n + 1)) + 1, rows: [] });
  const norms = new Float64Array(rows.length);
  feats.forEach((f, row) => {
    let n = 0;
    for (const x of f) {
      const feature = features.get(x) as { idf: number; rows: number[] };
      n += feature.idf * feature.idf;
      feature.rows.push(row);
    }
    norms[row] = Math.sqrt(n) || 1;
  });
  // Rows of the same section share a slot: a reply keeps each section's best row there.
  const slotIds = new Map<string, number>();
  const slots: { guide: string; section: number }[] = [];
  const slotOf = Int32Array.from(rows, (r) => {
    const key = `${r.guide}#${r.section}`;
    let id = slotIds.get(key);
    if (id === undefined) slotIds.set(key, (id = slots.push({ guide: r.guide, section: r.section }) - 1));
    return id;
  });
  const dots = new Float64Array(rows.length);
  const best = new Float64Array(slots.length);
  return {
    near(tokens) {
      let qn = 0;
      const touched: number[] = [];
      for (const x of askFeatures(tokens, stem)) {
        const feature = features.get(x);
        if (!feature) continue;
        const { idf, rows: list } = feature;
        qn += idf * idf;
        for (const row of list) {
          if (dots[row] === 0) touched.push(row);
          // A row's weight for a feature is the feature's IDF, as is the message's: their product is idf².
          dots[row] = (dots[row] as number) + idf * idf;
        }
      }
      qn = Math.sqrt(qn) || 1;
      // Only the sections the message shares a feature with are looked at, and set back after.
      const slotsTouched: number[] = [];
      for (const row of touched) {
        const slot = slotOf[row] as number;
        const sim = (dots[row] as number) / (qn * (norms[row] as number));
        dots[row] = 0;
        if (best[slot] === 0) slotsTouched.push(slot);
        if (sim > (best[slot] as number)) best[slot] = sim;
      }
      const out = new Map<string, Map<number, number>>();
      for (const slot of slotsTouched.sort((a, b) => a - b)) {
        const sim = best[slot] as number;
        best[slot] = 0;
        const { guide, section } = slots[slot] as { guide: string; section: number };
        let g = out.get(guide);
        if (!g) out.set(guide, (g = new Map()));
        g.set(section, sim);
      }
      return out;
    },
  };
}

/** A locale's stop words: its packaged list (locales.json `stopWords`), and the words in a large share of its sections (Kreyòl has no packaged list). */
function stopWords(guides: KbGuide[], locale: Locale): Set<string> {
  const df = new Map<string, number>();
  let n = 0;
  for (const g of guides)
    for (const s of g.sections) {
      n++;
      for (const t of new Set(tokenize(`${s.heading} ${s.text}`))) df.set(t, (df.get(t) ?? 0) + 1);
    }
  const stop = new Set<string>(stopWordsFor(locale.stopWords).flatMap((w) => tokenize(w)));
  for (const [t, c] of df) if (n >= 8 && c / n > STOP_WORD_SHARE) stop.add(t);
  return stop;
}

function buildIndex(kb: KnowledgeBase, row: Locale): LocaleIndex | undefined {
  const locale = row.code;
  const guides = kb.guides.filter((g) => g.locale === locale);
  if (guides.length === 0) return undefined;
  const stop = stopWords(guides, row);
  const stem = stemmerFor(row.stemmer);
  const near = (term: string) => term.length >= NEAR_MATCH_MIN_LENGTH;
  const process = (term: string) => (term.length < 2 || stop.has(term) ? null : stem(term));
  const mini = new MiniSearch<Doc>({
    fields,
    tokenize: (text) => tokenize(text),
    processTerm: process,
    searchOptions: { boost, prefix: near, fuzzy: (term) => (near(term) ? 1 : false), maxFuzzy: 1, weights: NEAR_MATCH_WEIGHTS },
  });
  const docs: Doc[] = [];
  for (const g of guides) {
    docs.push({ id: `${g.id}#g`, guide: g.id, section: -1, title: g.title, summary: g.summary, questions: g.questions.join(" \n ") });
    g.sections.forEach((s, i) => {
      if (!s.text && !s.heading) return;
      docs.push({ id: `${g.id}#${i}`, guide: g.id, section: i, heading: s.heading, text: s.text, ...(s.answer ? { answer: s.answer.text, asks: s.answer.asks.join(" \n ") } : {}) });
    });
  }
  mini.addAll(docs);
  const search = termSearch(mini, docs.map((d) => d.id), { nearFor: near, weights: NEAR_MATCH_WEIGHTS });
  const entries = Object.entries(kb.lexicon.slang[locale] ?? {});
  const asked = new Set(
    guides
      .flatMap((g) => [g.title, ...g.questions, ...g.sections.flatMap((s) => s.answer?.asks ?? [])])
      .flatMap((q) => tokenize(q))
      .filter((t) => t.length >= 2 && !stop.has(t))
      .map(stem),
  );
  // The matcher learns each guide from its own words in this language, and what is not a topic of
  // the guides from the off-topic messages.
  const matcher = trainMatcher(
    [
      ...guides.flatMap((g) => [g.title, g.summary, ...g.questions, ...g.sections.flatMap((x) => [x.heading, ...(x.answer ? [x.answer.text, ...x.answer.asks] : [])])].map((text) => ({ label: g.id, text }))),
      ...(kb.lexicon.offTopic[locale] ?? []).map((text) => ({ label: OFF_TOPIC, text })),
    ],
    stem,
  );
  // And, within each guide, which section: from each section's heading, short answer and asks.
  const sectionMatchers = new Map(
    guides.map((g) => [
      g.id,
      trainMatcher(
        g.sections.flatMap((x, i) => [x.heading, ...(x.answer ? [x.answer.text, ...x.answer.asks] : [x.text])].filter(Boolean).map((text) => ({ label: String(i), text }))),
        stem,
      ),
    ]),
  );
  const asks = nearestAsks(guides.flatMap((g) => g.sections.flatMap((x, i) => (x.answer ? x.answer.asks.map((text) => ({ guide: g.id, section: i, text })) : []))), stem);
  return { search, docs, process, stop, stem, slang: entries.map(([k]) => compilePhrase(k)), meanings: entries.map(([, v]) => v.join(" ")), asked, matcher, sectionMatchers, asks };
}

export interface Answerer {
  /** Locales that have guides. */
  locales: string[];
  /** The sections that answer a message, in the person's language first. */
  choose(tokens: string[], locale: string, context: AnswerContext): AnswerChoice;
  /** How many of these words are words people use to ask about the guides' topics. */
  topicWords(tokens: string[], locale: string): number;
}

/** Where the person is and where they are from, as far as the conversation says (ISO codes). */
interface Place {
  country?: string | undefined;
  from?: string | undefined;
  /** Every country the message names. */
  named?: readonly string[];
}

export interface AnswerContext {
  state: ConversationState;
  /** The served country the person is in, if known. */
  country?: string | undefined;
  /** The person works with children (shelter, hub or school staff). */
  staff: boolean;
  /** Guide topics to prefer (an emergency's danger topics). */
  topics?: string[];
  /** Every country the message names, served or not (this message only). */
  named?: readonly string[];
}

/**
 * Where they are or are from is not known, but the message names countries and none of an
 * answer's ("the Ghana embassy", "deported to Haiti"): it is another country's answer.
 */
function namesOnlyOthers(codes: readonly string[], named: readonly string[]): boolean {
  return named.length > 0 && !codes.some((c) => named.includes(c));
}

export function createAnswerer(kb: KnowledgeBase): Answerer {
  const indexes = new Map<string, LocaleIndex>();
  for (const l of kb.locales) {
    const index = buildIndex(kb, l);
    if (index) indexes.set(l.code, index);
  }
  const anyStop = new Set(anyStopWords(kb.locales.map((l) => l.stopWords)).flatMap((w) => tokenize(w)));
  const sourceGuides = new Map(kb.guides.filter((g) => g.locale === kb.sourceLocale).map((g) => [g.id, g]));
  const staffLocales = new Set(kb.guides.filter((g) => g.audience === "staff").map((g) => g.locale));
  /** The guide ids each language has. */
  const guideIdsOf = new Map<string, Set<string>>();
  for (const g of kb.guides) guideIdsOf.set(g.locale, (guideIdsOf.get(g.locale) ?? new Set()).add(g.id));
  const guideOf = new Map(kb.guides.map((g) => [`${g.locale}\n${g.id}`, g]));

  /** A guide in a language, or else in the source language. */
  const guideIn = (guide: string, locale: string) => guideOf.get(`${locale}\n${guide}`) ?? sourceGuides.get(guide);

  /** How well a section fits where the person is: 1 when it holds there or everywhere (or we do not know where they are). */
  function countryFit(g: KbGuide | undefined, section: number, place: Place): number {
    const answer = section >= 0 ? g?.sections[section]?.answer : undefined;
    if (!answer) return 1;
    let fit = 1;
    const only = answer.countries ?? [];
    if (place.country && only.length) fit *= only.includes(place.country as never) ? OWN_COUNTRY_SECTION : OTHER_COUNTRY;
    else if (only.length && namesOnlyOthers(only, place.named ?? [])) fit *= OTHER_COUNTRY;
    // An answer for one nationality (Salvadorans' consulate), by where the person is from. Not
    // by where they are when the origin is unknown: most people here are away from home.
    const nationals = answer.nationals ?? [];
    if (place.from && nationals.length) fit *= nationals.includes(place.from as never) ? OWN_COUNTRY_SECTION : OTHER_COUNTRY;
    // (The country they are in does not count there: "the Senegal embassy in Mexico" is not about Mexicans' papers.)
    else if (nationals.length && namesOnlyOthers(nationals, (place.named ?? []).filter((c) => c !== place.country))) fit *= OTHER_COUNTRY;
    return fit;
  }

  /** Search hits re-ranked with the trained matcher (in the person's own language), each with its best section for where the person is. */
  function matched(tokens: string[], text: readonly string[], locale: string, hits: SectionHit[], place: Place, staff: boolean): SectionHit[] {
    const index = indexes.get(locale);
    if (!index || hits.length === 0) return hits;
    const best = hits[0]?.score ?? 1;
    const p = new Map(index.matcher.rank(text, GUIDE_PER_WORD).map((x) => [x.label, x.p]));
    const near = index.asks.near(tokens);
    // Asks are written in the voice of the guide's readers: a worker's message that reads like a
    // child's ask says what it is about, not whom the answer is for (the staff weights decide that).
    const nearOf = (g: string) => (staff && sourceGuides.get(g)?.audience !== "staff" ? 0 : Math.max(0, ...(near.get(g)?.values() ?? [])));
    const ranked = hits
      .map((h) => {
        const unboosted = MATCHER_WEIGHT * (p.get(h.guide) ?? 0) + (1 - MATCHER_WEIGHT) * (h.score / best);
        return { ...h, score: unboosted * (1 + NEAR_ASK_GUIDE * nearOf(h.guide)), unboosted };
      })
      .sort((a, b) => b.score - a.score);
    // Only the leading guides can be shown: their best section is worked out, the rest keep the search's.
    const leading = ranked.slice(0, SECTION_CANDIDATES).map((h) => {
      const { section, fit } = bestSection(index, h, text, place, near.get(h.guide));
      return { ...h, score: h.score * Math.min(1, fit), unboosted: h.unboosted * Math.min(1, fit), section, ...(fit < 1 ? { elsewhere: true } : {}) };
    });
    return [...leading, ...ranked.slice(SECTION_CANDIDATES)].sort((a, b) => b.score - a.score);
  }

  /** The guide's section that answers: the section matcher and the search's section scores together, as for guides, weighed by where the person is. */
  function bestSection(index: LocaleIndex, h: SectionHit, text: readonly string[], place: Place, near?: ReadonlyMap<number, number>): { section: number; fit: number } {
    const ranked = index.sectionMatchers.get(h.guide)?.rank(text, SECTION_PER_WORD) ?? [];
    const g = guideIn(h.guide, h.locale);
    if (ranked.length === 0) return { section: h.section, fit: countryFit(g, h.section, place) };
    const top = Math.max(1e-9, ...(h.sections ? [...h.sections.values()] : [0]));
    let best = h.section;
    let bestScore = -1;
    let bestFit = 1;
    for (const { label, p } of ranked) {
      const i = Number(label);
      const fit = countryFit(g, i, place);
      const score = (SECTION_MATCHER_WEIGHT * p + (1 - SECTION_MATCHER_WEIGHT) * ((h.sections?.get(i) ?? 0) / top) + NEAR_ASK_SECTION * (near?.get(i) ?? 0)) * fit;
      if (score > bestScore) (best = i), (bestScore = score), (bestFit = fit);
    }
    return { section: best, fit: bestFit };
  }

  function search(tokens: string[], locale: string, exact: boolean): SectionHit[] {
    const index = indexes.get(locale);
    if (!index) return [];
    const expansions = allMatching(index.slang, tokens, 0).map((i) => index.meanings[i] as string);
    // Function words of any of our languages don't count: a French message searched in the Spanish guides.
    const meaningful = new Set(tokens.filter((t) => t.length >= 2 && !index.stop.has(t) && !anyStop.has(t)).map(index.stem));
    if (meaningful.size === 0 && expansions.length === 0) return [];
    // The message's words, and (counting less) what its slang means, as the index has them.
    const terms = (words: readonly string[], boost: number): QueryTerm[] =>
      words.flatMap((w) => {
        const term = index.process(w);
        return term ? [{ term, boost }] : [];
      });
    const query = [...terms(tokens, 1), ...terms(tokenize(expansions.join(" ")), SLANG_WEIGHT)];
    const byGuide = new Map<string, { scores: number[]; section: number; sectionScore: number; terms: Set<string>; sections: Map<number, number> }>();
    for (const r of index.search.search(query, !exact)) {
      const { guide, section } = index.docs[r.doc] as Doc;
      let g = byGuide.get(guide);
      if (!g) byGuide.set(guide, (g = { scores: [], section: -1, sectionScore: 0, terms: new Set(), sections: new Map() }));
      if (section >= 0) g.sections.set(section, r.score);
      g.scores.push(r.score);
      for (const t of r.terms) g.terms.add(t);
      if (section >= 0 && r.score > g.sectionScore) {
        g.section = section;
        g.sectionScore = r.score;
      }
    }
    const hits: SectionHit[] = [];
    for (const [guide, g] of byGuide) {
      const [a = 0, b = 0, c = 0] = g.scores;
      const matched = [...g.terms].filter((t) => meaningful.has(t)).length;
      hits.push({ guide, locale, score: a + SECOND_SHARE * b + THIRD_SHARE * c, section: g.section, coverage: meaningful.size ? matched / meaningful.size : 0, matched, sections: g.sections });
    }
    return hits.sort((x, y) => y.score - x.score);
  }

  return {
    locales: [...indexes.keys()],
    topicWords(tokens, locale) {
      const index = indexes.get(locale);
      if (!index) return 0;
      return tokens.filter((t) => t.length >= 2 && !index.stop.has(t) && index.asked.has(index.stem(t))).length;
    },
    choose(tokens, locale, { state, staff, topics = [], country, named = [] }) {
      const alone = state.under18 === true && state.alone === true;
      const adjust = (hits: SectionHit[]) =>
        hits
          .map((h) => {
            const g = sourceGuides.get(h.guide);
            const guideTopics: readonly string[] = g?.topics ?? [];
            let factor = 1;
            if (topics.some((x) => guideTopics.includes(x))) factor *= TOPIC_BOOST;
            if (alone && guideTopics.includes("travelling-alone")) factor *= ALONE_BOOST;
            if (g?.audience === "staff") factor *= staff ? STAFF_FOR_STAFF : STAFF_FOR_OTHERS;
            else if (staff) factor *= CHILDREN_FOR_STAFF;
            if (country && g?.countries.length && !g.countries.includes(country as never)) factor *= OTHER_COUNTRY;
            return { ...h, score: h.score * factor, ...(h.unboosted !== undefined ? { unboosted: h.unboosted * factor } : {}) };
          })
          .sort((a, b) => b.score - a.score);
      const good = (h: SectionHit | undefined) => Boolean(h && h.matched >= 1 && (h.coverage >= MIN_COVERAGE || h.matched >= MIN_MATCHED_WORDS) && h.score >= MIN_SCORE);
      const goodElsewhere = (h: SectionHit) => good(h) && ((h.coverage >= MIN_COVERAGE_ELSEWHERE_WITH_TWO && h.matched >= MIN_MATCHED_WORDS) || h.coverage >= MIN_COVERAGE_ELSEWHERE);
      const keep = (hits: SectionHit[], ok: (h: SectionHit) => boolean = () => true) => hits.filter((h) => ok(h) && h.score >= (hits[0]?.score ?? 0) * KEEP_SHARE_OF_BEST);
      const confident = (hits: SectionHit[]) => {
        const [a, b] = hits;
        // The margin over the next guide, without the nearest ask's share (see SectionHit.unboosted).
        const sure = (h: SectionHit) => h.unboosted ?? h.score;
        const next = Math.max(0, ...hits.slice(1).map(sure));
        // An answer for another country is not theirs however well it matches: a wrong paragraph is worse than "I am not sure".
        return Boolean(a && !a.elsewhere && (a.coverage >= CONFIDENT_COVERAGE || !b || sure(a) >= CONFIDENT_MARGIN * next));
      };
      /** Each other language's guides, searched exactly (once per message, when needed). */
      let elsewhereCache: SectionHit[][] | undefined;
      const elsewhereHits = () => (elsewhereCache ??= [...indexes.keys()].filter((other) => other !== locale).map((other) => adjust(search(tokens, other, true))));
      /** The best kept hits of one other language that pass `ok`. */
      const bestElsewhere = (ok: (h: SectionHit) => boolean) => {
        let best: SectionHit[] = [];
        for (const all of elsewhereHits()) {
          const hits = keep(all, ok);
          if (hits[0] && hits[0].score > (best[0]?.score ?? 0)) best = hits;
        }
        return best;
      };
      const ownIndex = indexes.get(locale);
      // The message's matcher features, once: the off-topic check and the guide and section matchers read them.
      const features = ownIndex ? matcherFeatures(tokens.join(" "), ownIndex.stem) : [];
      if (ownIndex) {
        const [top] = ownIndex.matcher.rank(features);
        if (top?.label === OFF_TOPIC && top.p >= OFF_TOPIC_P) {
          // About something else, as far as this language's guides can tell; but a guide that
          // this language lacks may still answer it (a French question about Mexico's CURP, which
          // only the Spanish guides explain).
          const own = guideIdsOf.get(locale);
          const missing = bestElsewhere((h) => !own?.has(h.guide) && goodElsewhere(h));
          if (missing.length) return { hits: missing, fallback: true, confident: confident(missing) };
          return { hits: [], fallback: false, confident: false, offTopic: true };
        }
      }
      const found = search(tokens, locale, false);
      // Whether the guides answer at all is the search's call (enough of the message's words found);
      // which guide answers best is the search and the matcher together.
      const ownOk = good(adjust(found)[0]);
      const own = ownOk ? keep(adjust(matched(tokens, features, locale, found, { country, from: state.from, named }, staff))) : [];
      const staffHere = staffLocales.has(locale);
      if (ownOk && !(staff && !staffHere)) return { hits: own, fallback: false, confident: confident(own) };
      let best = bestElsewhere(goodElsewhere);
      let staffHit: SectionHit | undefined;
      // Staff writing in a language without staff guides: the staff guides of another language.
      if (staff && !staffHere)
        for (const all of elsewhereHits()) {
          const s = all.find((h) => good(h) && sourceGuides.get(h.guide)?.audience === "staff");
          if (s && s.score > (staffHit?.score ?? 0)) staffHit = s;
        }
      if (ownOk) {
        return staffHit ? { hits: [staffHit, ...own.filter((h) => h.guide !== staffHit.guide)], fallback: true, confident: true } : { hits: own, fallback: false, confident: confident(own) };
      }
      if (staffHit && !best.some((h) => h.guide === staffHit.guide)) best = [staffHit, ...best];
      if (best.length === 0) return { hits: [], fallback: false, confident: false };
      const top = best[0] as SectionHit;
      return { hits: best, fallback: !kb.guides.some((g) => g.id === top.guide && g.locale === locale), confident: confident(best) };
    },
  };
}
