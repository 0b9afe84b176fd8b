// A plain-language score per guide (0-100, higher is plainer), from the two things that
// make a text hard for a reader of about 12: long sentences and long words. Each language
// gets its own targets, since average word length differs (Spanish words run longer than
// Kreyòl ones).
export interface Readability {
  score: number;
  wordsPerSentence: number;
  lettersPerWord: number;
}

const targets: Record<string, { words: number; letters: number }> = {
  es: { words: 14, letters: 5.0 },
  pt: { words: 14, letters: 5.0 },
  fr: { words: 14, letters: 4.8 },
  en: { words: 13, letters: 4.6 },
  ht: { words: 13, letters: 4.2 },
};

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

export function readability(body: string, locale: string): Readability {
  const text = readableText(body);
  const sentences = text.split(/[.!?…:;]+\s|\n+/).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const letters = words.reduce((n, w) => n + w.replace(/['’-]/g, "").length, 0);
  const wordsPerSentence = words.length / Math.max(1, sentences.length);
  const lettersPerWord = letters / Math.max(1, words.length);
  const t = targets[locale] ?? targets["es"]!;
  const penalty = Math.max(0, wordsPerSentence - t.words) * 4 + Math.max(0, lettersPerWord - t.letters) * 30;
  return {
    score: Math.round(Math.max(0, Math.min(100, 100 - penalty))),
    wordsPerSentence: Math.round(wordsPerSentence * 10) / 10,
    lettersPerWord: Math.round(lettersPerWord * 100) / 100,
  };
}
