// Ships to the browser too (pure engine). Which language is this message in?
// franc-min (trigram language identification; it knows Haitian Creole) reads the raw text with
// its accents; a word model of our own content (guides, their questions, the bot's strings and
// vocabulary, per locale) carries very short and slangy messages, where trigrams are weak.
import { francAll } from "franc-min";
import type { KnowledgeBase } from "./types";
import { tokenize } from "./text";

/** ISO 639-3 codes franc uses for our locales. */
const francCodes: Record<string, string> = { es: "spa", en: "eng", fr: "fra", ht: "hat", pt: "por" };

export interface LanguageModel {
  locales: string[];
  counts: Map<string, Map<string, number>>;
  totals: Map<string, number>;
  vocabulary: number;
}

function add(counts: Map<string, number>, text: string, weight = 1): void {
  for (const t of tokenize(text)) if (!/^\d+$/.test(t)) counts.set(t, (counts.get(t) ?? 0) + weight);
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
    add(c, `${g.title} ${g.summary}`, 2);
    for (const q of g.questions) add(c, q, 3);
    for (const s of g.sections) add(c, `${s.heading} ${s.text}`);
  }
  for (const [code, table] of Object.entries(kb.strings)) {
    const c = counts.get(code);
    if (c) for (const [key, v] of Object.entries(table)) if (key.startsWith("bot.")) add(c, v.replace(/\{\{\w+\}\}/g, ""), 2);
  }
  const lex = kb.lexicon;
  for (const code of locales) {
    const c = counts.get(code) as Map<string, number>;
    for (const s of strings([lex.slang[code], lex.danger.locales[code], lex.phrases.locales[code]])) add(c, s.replace(/[*&]|\{n\}/g, " "), 2);
  }
  const vocab = new Set<string>();
  for (const c of counts.values()) for (const w of c.keys()) vocab.add(w);
  const totals = new Map([...counts].map(([l, c]) => [l, [...c.values()].reduce((a, b) => a + b, 0)]));
  return { locales, counts, totals, vocabulary: vocab.size || 1 };
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
export function detectLanguage(model: LanguageModel, text: string, prior?: string): Detection | undefined {
  const tokens = tokenize(text).filter((t) => !/^\d+$/.test(t));
  if (tokens.length === 0 || model.locales.length === 0) return undefined;
  const scores = new Map<string, number>();
  let known = 0;
  const alpha = 0.1;
  for (const t of tokens) {
    let seen = false;
    for (const l of model.locales) {
      const c = model.counts.get(l)?.get(t) ?? 0;
      if (c > 0) seen = true;
      const p = Math.log((c + alpha) / ((model.totals.get(l) ?? 0) + alpha * model.vocabulary));
      scores.set(l, (scores.get(l) ?? 0) + p);
    }
    if (seen) known++;
  }
  // Per word, relative to the best language, so long and short messages weigh alike.
  const best = Math.max(...scores.values());
  for (const [l, s] of scores) scores.set(l, (s - best) / Math.sqrt(tokens.length));
  const letters = text.replace(/[^\p{L}]/gu, "").length;
  if (letters >= 8) {
    const only = model.locales.map((l) => francCodes[l]).filter((c): c is string => Boolean(c));
    const weight = Math.min(1, letters / 40) * 4;
    for (const [code, score] of francAll(text, { only, minLength: 1 })) {
      const l = Object.keys(francCodes).find((k) => francCodes[k] === code);
      if (l && scores.has(l)) scores.set(l, (scores.get(l) ?? 0) + weight * (score - 1));
    }
  }
  if (prior && scores.has(prior)) scores.set(prior, (scores.get(prior) ?? 0) + 1.2);
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return undefined;
  return { locale: first[0], margin: second ? first[1] - second[1] : Infinity, known };
}
