// Ships to the browser too (pure: no I/O). Text normalisation shared by the model (training at
// build time) and the bot engine: people type without accents, with repeated letters and
// apostrophes, so everything is compared folded.

/** The engine reads this much of a message and training reads the same: a kiosk keyboard can't send a novel by mistake. */
export const MAX_MESSAGE_CHARS = 1000;

/** Lower case, no accents, apostrophes and dashes as spaces, no punctuation, "ayudaaa" → "ayuda". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'`´‘\-_/]/g, " ")
    .replace(/[^\p{L}\p{N}$]+/gu, " ")
    .replace(/(\p{L})\1{2,}/gu, "$1")
    .trim();
}

/** Folded words of a text. */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(" ") : [];
}

/** Each way of leaving out one of a word's letters, from position `from` on. */
function deletionsOf(word: string, from = 0): string[] {
  const out: string[] = [];
  for (let i = from; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Near misses by symmetric deletion: two words one typo apart leave out one letter each to the
 * same string, or one is such a string of the other. Made once from a list of words, it gives
 * for a word the positions of the listed words that may be one typo from it (each once, to be
 * checked, e.g. with editDistance) without comparing it with every word. With `from`, the
 * word's own letters are left out from that position on only.
 */
export function nearMissIndex(words: readonly string[]): (word: string, from?: number) => number[] {
  const byDeletion = new Map<string, number[]>();
  words.forEach((w, i) => {
    for (const d of [w, ...deletionsOf(w)]) {
      const list = byDeletion.get(d);
      if (!list) byDeletion.set(d, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return (word, from = 0) => {
    const found = new Set<number>();
    for (const d of [word, ...deletionsOf(word, from)]) for (const i of byDeletion.get(d) ?? []) found.add(i);
    return [...found];
  };
}

/** Damerau-Levenshtein distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** Split plain text into sentences (keeps the end punctuation). */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((para) => para.match(/[^.!?]+(?:[.!?]+|$)/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}
