// Ships to the browser too (pure engine). Commands and short answers people send: erase,
// talk to a person, switch language, skip, yes/no, their country and the two particularities.
// Words come from content/bot/phrases.yaml; quick-reply buttons send "#codes" that mean the
// same in every language (e.g. "#skip", "#country-GT", "#lang-fr").
import type { KnowledgeBase } from "./types";
import { compilePhrases, findPhrase, numberIn, type Phrase } from "../../src/lib/nlp/phrases";
import { tokenize } from "../../src/lib/nlp/text";

/** Where a sentence or a part of one ends: an age said without "years" must come last in one. */
const SENTENCE_PARTS = /[,.;:!?¡¿\n()]+/;
/**
 * The youngest age read from a bare number ("tengo 15"): children this young write "tengo 8 años",
 * and a smaller bare number after "tengo" is more often money or days than an age.
 */
const BARE_AGE_MIN = 10;

export type Command =
  | { kind: "erase" }
  | { kind: "human" }
  | { kind: "emergency" }
  | { kind: "danger"; yes: boolean }
  | { kind: "guide"; id: string }
  | { kind: "skip" }
  | { kind: "language"; locale: string }
  | { kind: "country"; country: string }
  | { kind: "particularities"; under18?: boolean; alone?: boolean };

export interface Commands {
  /** A quick-reply "#code", if the text is one. */
  code(text: string): Command | undefined;
  /** A command written in words, in a short message. */
  spoken(tokens: string[]): Command | undefined;
  /** Country the message names (its name or its code alone, as an answer to "which country?"), if any. */
  country(tokens: string[]): string | undefined;
  /** yes / no / skip in answer to a question. */
  answer(tokens: string[]): "yes" | "no" | "skip" | undefined;
  /** What the message says about the person: their own age and whether they travel alone (the text, when given, for an age said without "years": "tengo 15, estoy sola"). */
  particularities(tokens: string[], text?: string): { under18?: boolean; alone?: boolean };
  /** Does the person say they work with children (staff of a shelter, a social worker)? */
  staff(tokens: string[]): boolean;
  /** Does the person speak of the children in their care ("mis hijos", "my son"): a parent or another adult? */
  parent(tokens: string[]): boolean;
  /** Small talk kind, if the message is a greeting, thanks or "are you a robot?". */
  smallTalk(tokens: string[]): "greeting" | "thanks" | "identity" | undefined;
  /** The message without the words of small talk ("hola, como pido asilo" → "como pido asilo"). */
  withoutSmallTalk(tokens: string[]): string[];
}

type Kind = "erase" | "human" | "skip" | "yes" | "no" | "greeting" | "thanks" | "identity" | "age" | "ageAtEnd" | "alone" | "accompanied" | "staff" | "parent";

export function createCommands(kb: KnowledgeBase): Commands {
  const byKind = (kind: Kind): Phrase[] => Object.values(kb.lexicon.phrases.locales).flatMap((l) => compilePhrases(l[kind]));
  const p = {
    erase: byKind("erase"),
    human: byKind("human"),
    skip: byKind("skip"),
    yes: byKind("yes"),
    no: byKind("no"),
    greeting: byKind("greeting"),
    thanks: byKind("thanks"),
    identity: byKind("identity"),
    age: byKind("age"),
    ageAtEnd: byKind("ageAtEnd"),
    alone: byKind("alone"),
    accompanied: byKind("accompanied"),
    staff: byKind("staff"),
    parent: byKind("parent"),
  };
  const languages = Object.entries(kb.lexicon.phrases.languageNames).map(([locale, names]) => [locale, compilePhrases(names)] as const);
  const codes = new Set(kb.countries.map((c) => c.code as string));
  // Country names only: towns and regions are read by places.ts from content/places.yaml.
  const places: [string, Phrase[]][] = kb.countries.map((c) => [c.code, compilePhrases(Object.values(c.names))]);
  const localeCodes = new Set(kb.locales.map((l) => l.code));
  const guideIds = new Set(kb.guides.map((g) => g.id));
  const smallTalkWords = new Set([...p.greeting, ...p.thanks, ...p.identity].flatMap((ph) => ph.parts.flat().map((m) => (m.kind === "word" ? m.word : ""))));
  smallTalkWords.delete("");

  return {
    code(text) {
      const m = /^#([a-z0-9]+)(?:-([A-Za-z0-9-]+))?$/.exec(text.trim());
      if (!m) return undefined;
      const [, name, arg] = m;
      if (name === "erase" || name === "human" || name === "emergency" || name === "skip") return { kind: name };
      if (name === "lang" && arg && localeCodes.has(arg)) return { kind: "language", locale: arg };
      if (name === "country" && arg && (codes.has(arg) || arg === "skip")) return { kind: "country", country: arg };
      // "#under18-alone", "#under18-family", "#under18" (age only), "#alone" / "#family" (company only), "#adult".
      if (name === "under18") return { kind: "particularities", under18: true, ...(arg === "alone" ? { alone: true } : arg === "family" ? { alone: false } : {}) };
      if (name === "alone" || name === "family") return { kind: "particularities", alone: name === "alone" };
      if (name === "adult") return { kind: "particularities", under18: false };
      if (name === "danger" && (arg === "yes" || arg === "no")) return { kind: "danger", yes: arg === "yes" };
      if (name === "guide" && arg && guideIds.has(arg)) return { kind: "guide", id: arg };
      return undefined;
    },
    spoken(tokens) {
      if (tokens.length === 0) return undefined;
      if (tokens.length <= 4 && findPhrase(p.erase, tokens, 0)) return { kind: "erase" };
      // "english" switches; "no hablo ingles" (I don't speak English) does not.
      if (tokens.length <= 3 && !findPhrase(p.no, tokens, 0))
        for (const [locale, names] of languages) if (localeCodes.has(locale) && findPhrase(names, tokens, 0)) return { kind: "language", locale };
      // "human" alone asks for a person; "what is human trafficking" does not.
      const human = tokens.length <= 8 && !findPhrase(p.identity, tokens, 0) ? findPhrase(p.human, tokens, 1) : undefined;
      if (human && (tokens.length <= 3 || human.parts.flat().length > 1)) return { kind: "human" };
      return undefined;
    },
    country(tokens) {
      if (tokens.length === 1 && codes.has((tokens[0] as string).toUpperCase())) return (tokens[0] as string).toUpperCase();
      for (const [code, phrases] of places) if (findPhrase(phrases, tokens, 0)) return code;
      return undefined;
    },
    answer(tokens) {
      if (tokens.length === 0 || tokens.length > 4) return undefined;
      if (findPhrase(p.skip, tokens, 0)) return "skip";
      if (findPhrase(p.no, tokens, 0)) return "no";
      if (findPhrase(p.yes, tokens, 0)) return "yes";
      return undefined;
    },
    particularities(tokens, text) {
      const out: { under18?: boolean; alone?: boolean } = {};
      const age = numberIn(p.age, tokens);
      if (age !== undefined && age > 0 && age < 100) out.under18 = age < 18;
      else if (text !== undefined) {
        // "tengo 15" with no word for years: an age only where the number ends a sentence or a part
        // of one, and only a child's age ("tengo 20" may be pesos).
        const bare = text
          .split(SENTENCE_PARTS)
          .map((part) => numberIn(p.ageAtEnd, tokenize(part), true))
          .find((n) => n !== undefined && n >= BARE_AGE_MIN && n < 18);
        if (bare !== undefined) out.under18 = true;
      }
      if (findPhrase(p.alone, tokens, 1)) out.alone = true;
      else if (findPhrase(p.accompanied, tokens, 1)) out.alone = false;
      return out;
    },
    withoutSmallTalk(tokens) {
      return tokens.filter((t) => !smallTalkWords.has(t));
    },
    staff(tokens) {
      return findPhrase(p.staff, tokens, 1) !== undefined;
    },
    parent(tokens) {
      return findPhrase(p.parent, tokens, 0) !== undefined;
    },
    smallTalk(tokens) {
      if (tokens.length === 0 || tokens.length > 12) return undefined;
      if (findPhrase(p.identity, tokens, 1)) return "identity";
      if (findPhrase(p.thanks, tokens, 0)) return "thanks";
      if (findPhrase(p.greeting, tokens, 0)) return "greeting";
      return undefined;
    },
  };
}
