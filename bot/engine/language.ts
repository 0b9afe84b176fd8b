// Ships to the browser too (pure engine). Which language is this message in?
// franc-min (trigram language identification; it knows Haitian Creole) reads the raw text with
// its accents; a word model of our own content (guides, their questions, the bot's strings and
// vocabulary, per locale) carries very short and slangy messages, where trigrams are weak.
import { francAll } from "franc-min";
import type { KnowledgeBase } from "./types";
import { tokenize } from "../../src/lib/nlp/text";


export interface LanguageModel {
  locales: string[];
  counts: Map<string, Map<string, number>>;
  totals: Map<string, number>;
  vocabulary: number;
  /** Per known word, its log-probability in each of `locales` (same order); worked out once, not per message. */
  logProb: Map<string, Float64Array>;
  /** Log-probability of a word no locale has, per locale. */
  unknownLogProb: Float64Array;
  /** franc's codes for `locales`, and back. */
  francOnly: string[];
  francToLocale: Map<string, string>;
}

/** Smoothing of the word model. */
const ALPHA = 0.1;
const DIGITS = /^\d+$/;

// How much each kind of text counts in the word model, per word (body text counts 1). The values
// came with the first engine (b2fcd07) with no recorded reason and were set with bench:bot-quality.
/** A guide's title and summary: the words people use to name its subject. */
const TITLE_WEIGHT = 2;
/** A guide's questions: written the way people ask, so closest to the messages the bot gets. */
const QUESTION_WEIGHT = 3;
/** The bot's own strings (bot.* keys): the words of its replies, which people answer with. */
const BOT_STRING_WEIGHT = 2;
/** The bot vocabulary (slang, danger words, phrases): short informal words the guides lack. */
const LEXICON_WEIGHT = 2;

// How much franc (trigrams) adds to the word model's per-word scores. Trigrams are weak on very
// short messages, so franc is ignored below a few letters and trusted more as the text grows.
// The values came with the first engine (b2fcd07) and were set with bench:bot-quality.
/** Fewer letters than this and franc is not asked at all. */
const FRANC_MIN_LETTERS = 8;
/** From this many letters on, franc gets its full weight (linearly less below). */
const FRANC_FULL_LETTERS = 40;
/** franc's full weight, against the word model's per-word score differences. */
const FRANC_WEIGHT = 4;

/**
 * Bonus for the conversation's language, so a tie or a weak guess ("ok", "GT") does not switch
 * languages. Came with the first engine (b2fcd07); set with bench:bot-quality.
 */
const PRIOR_BONUS = 1.2;

function add(counts: Map<string, number>, text: string, weight = 1): void {
  for (const t of tokenize(text)) if (!DIGITS.test(t)) counts.set(t, (counts.get(t) ?? 0) + weight);
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) (strings(k, out), strings(v, out));
  return out;
}

export function buildLanguageModel(kb: KnowledgeBase): LanguageModel {
  // Only languages with guides can be detected (a test-only locale with a few UI strings must not
  // win every message made of unknown words).
  const locales = kb.locales.map((l) => l.code).filter((code) => kb.guides.some((g) => g.locale === code));
  const counts = new Map(locales.map((l) => [l, new Map<string, number>()]));
  for (const g of kb.guides) {
    const c = counts.get(g.locale);
    if (!c) continue;
    add(c, `${g.title} ${g.summary}`, TITLE_WEIGHT);
    for (const q of g.questions) add(c, q, QUESTION_WEIGHT);
    for (const s of g.sections) add(c, `${s.heading} ${s.text}`);
  }
  for (const [code, table] of Object.entries(kb.strings)) {
    const c = counts.get(code);
    if (c) for (const [key, v] of Object.entries(table)) if (key.startsWith("bot.")) add(c, v.replace(/\{\{\w+\}\}/g, ""), BOT_STRING_WEIGHT);
  }
  const lex = kb.lexicon;
  for (const code of locales) {
    const c = counts.get(code) as Map<string, number>;
    for (const s of strings([lex.slang[code], lex.danger.locales[code], lex.phrases.locales[code]])) add(c, s.replace(/[*&]|\{n\}/g, " "), LEXICON_WEIGHT);
  }
  const vocab = new Set<string>();
  for (const c of counts.values()) for (const w of c.keys()) vocab.add(w);
  const totals = new Map([...counts].map(([l, c]) => [l, [...c.values()].reduce((a, b) => a + b, 0)]));
  const vocabulary = vocab.size || 1;
  const logOf = (c: number, l: string) => Math.log((c + ALPHA) / ((totals.get(l) ?? 0) + ALPHA * vocabulary));
  const logProb = new Map<string, Float64Array>();
  for (const w of vocab) logProb.set(w, Float64Array.from(locales, (l) => logOf(counts.get(l)?.get(w) ?? 0, l)));
  const unknownLogProb = Float64Array.from(locales, (l) => logOf(0, l));
  // franc's codes come from the locale table (locales.json `franc`).
  const francCodes = new Map(kb.locales.filter((l) => l.franc && locales.includes(l.code)).map((l) => [l.code, l.franc as string]));
  const francOnly = [...francCodes.values()];
  const francToLocale = new Map([...francCodes].map(([code, franc]) => [franc, code]));
  return { locales, counts, totals, vocabulary, logProb, unknownLogProb, francOnly, francToLocale };
}

export interface Detection {
  locale: string;
  /** Margin between the best and the second-best language (0 = a coin toss). */
  margin: number;
  /** How many words the word model recognised. */
  known: number;
}

/**
 * Detect the language of a message among the knowledge base's locales.
 * `prior` (the conversation's language) wins ties, so "ok" or "GT" don't switch languages.
 */
export function detectLanguage(model: LanguageModel, text: string, prior?: string, words: string[] = tokenize(text)): Detection | undefined {
  const tokens = words.filter((t) => !DIGITS.test(t));
  const n = model.locales.length;
  if (tokens.length === 0 || n === 0) return undefined;
  // Scores per locale, in the order of model.locales (ties keep that order, as before).
  const scores = new Float64Array(n);
  let known = 0;
  for (const t of tokens) {
    const p = model.logProb.get(t);
    if (p) known++;
    const row = p ?? model.unknownLogProb;
    for (let i = 0; i < n; i++) scores[i] = (scores[i] as number) + (row[i] as number);
  }
  // Per word, relative to the best language, so long and short messages weigh alike.
  const best = Math.max(...scores);
  const root = Math.sqrt(tokens.length);
  for (let i = 0; i < n; i++) scores[i] = ((scores[i] as number) - best) / root;
  const letters = text.replace(/[^\p{L}]/gu, "").length;
  if (letters >= FRANC_MIN_LETTERS) {
    const weight = Math.min(1, letters / FRANC_FULL_LETTERS) * FRANC_WEIGHT;
    // minLength 1: FRANC_MIN_LETTERS above is the gate (franc's own default, 10, counts other characters too).
    for (const [code, score] of francAll(text, { only: model.francOnly, minLength: 1 })) {
      const l = model.francToLocale.get(code);
      const i = l === undefined ? -1 : model.locales.indexOf(l);
      // franc scores its best language 1 and the others less, so `score - 1` is 0 for the best.
      if (i >= 0) scores[i] = (scores[i] as number) + weight * (score - 1);
    }
  }
  const priorAt = prior === undefined ? -1 : model.locales.indexOf(prior);
  if (priorAt >= 0) scores[priorAt] = (scores[priorAt] as number) + PRIOR_BONUS;
  const ranked = model.locales.map((l, i) => [l, scores[i] as number] as const).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return undefined;
  return { locale: first[0], margin: second ? first[1] - second[1] : Infinity, known };
}

/** Messages shorter than this (in words) are too short to change the conversation's language on a weak guess. */
const SHORT_MESSAGE = 3;
/** ... unless the guess is clear by this margin ("hola", "merci" alone are clear enough). */
const CLEAR_MARGIN_SHORT = 2;
/** With no language yet, a guess closer than this on a short message falls back to the source language. */
const COIN_TOSS_MARGIN = 0.3;

/**
 * The reply's language: the message's, unless it is too short to tell ("ok", "si", "GT": the
 * switch commands can change it), in which case the conversation's (or the page's) stays.
 */
export function chooseLocale(model: LanguageModel, text: string, tokens: string[], stored: string | undefined, given: string | undefined, source: string): string {
  const known = (l: string | undefined) => (l && model.locales.includes(l) ? l : undefined);
  const prior = known(stored) ?? known(given);
  const found = detectLanguage(model, text, prior, tokens);
  if (!found) return prior ?? source;
  const short = tokens.length < SHORT_MESSAGE;
  if (prior && found.locale !== prior && (found.known === 0 || (short && found.margin < CLEAR_MARGIN_SHORT))) return prior;
  // A coin toss on a word or two with nothing to go on: the source language, most people's.
  if (!prior && short && (found.known === 0 || found.margin < COIN_TOSS_MARGIN)) return source;
  return found.locale;
}
