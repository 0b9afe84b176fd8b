// A plain-language score per guide (0-100, higher is plainer), from the two things that
// make a text hard for a reader of about 12: long sentences and long words. Each language
// gets its own targets, since average word length differs (Spanish words run longer than
// Kreyòl ones).
import type { Locale } from "../schemas";

export interface Readability {
  score: number;
  wordsPerSentence: number;
  lettersPerWord: number;
}

// Full marks up to the locale's targets (content/locales.json `readability`); every word per
// sentence above costs 3 points and every tenth of a letter per word above costs 2. Calibrated on
// plain guides for a reader of about 12.

/** Below this score a guide gets a warning. */
export const poorScore = 60;

/** Plain text of an MDX body: no frontmatter, tags, link targets or markup. */
export function readableText(body: string): string {
  return body
    .replace(/<[^>]+>/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*(#{1,6}|[-*+]|\d+\.)\s+/gm, "\n")
    .replace(/[*_`>|]/g, " ");
}

export function readability(body: string, target: Locale["readability"]): Readability {
  const text = readableText(body);
  const sentences = text.split(/[.!?…:;]+\s|\n+/).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const letters = words.reduce((n, w) => n + w.replace(/['’-]/g, "").length, 0);
  const wordsPerSentence = words.length / Math.max(1, sentences.length);
  const lettersPerWord = letters / Math.max(1, words.length);
  const penalty = Math.max(0, wordsPerSentence - target.wordsPerSentence) * 3 + Math.max(0, lettersPerWord - target.lettersPerWord) * 20;
  return {
    score: Math.round(Math.max(0, Math.min(100, 100 - penalty))),
    wordsPerSentence: Math.round(wordsPerSentence * 10) / 10,
    lettersPerWord: Math.round(lettersPerWord * 100) / 100,
  };
}
