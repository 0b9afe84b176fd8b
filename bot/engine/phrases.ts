// Ships to the browser too (pure engine). Matches editor-written phrases (content/bot/*.yaml)
// against a message: "encerrad*" is a word stem, "hijo|hija" either word, "{n}" a number,
// "a & b" both anywhere, and up to `gap` other words may sit between the words of a phrase.
// Long words tolerate one typo.
import { editDistance, tokenize } from "./text";

type WordMatcher =
  | { kind: "word"; word: string }
  | { kind: "stem"; stem: string }
  | { kind: "number" }
  | { kind: "any" }
  | { kind: "either"; options: WordMatcher[] };

/** A compiled phrase: every part must match (parts are the "&"-separated pieces). */
export interface Phrase {
  source: string;
  parts: WordMatcher[][];
}

export function compilePhrase(source: string): Phrase {
  const parts = source
    .split("&")
    .map((part) =>
      part
        .replace(/\{n\}/g, " 0numero0 ")
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((raw): WordMatcher[] => {
          if (raw === "0numero0") return [{ kind: "number" }];
          if (raw === "*") return [{ kind: "any" }];
          if (raw.includes("|")) {
            const options = raw.split("|").filter(Boolean).map((o): WordMatcher => (o.endsWith("*") ? { kind: "stem", stem: tokenize(o.slice(0, -1)).join("") } : { kind: "word", word: tokenize(o).join("") }));
            return [{ kind: "either", options }];
          }
          const stem = raw.endsWith("*");
          const words = tokenize(stem ? raw.slice(0, -1) : raw);
          return words.map((w, i) => (stem && i === words.length - 1 ? { kind: "stem", stem: w } : { kind: "word", word: w }));
        }),
    )
    .filter((p) => p.length > 0);
  return { source, parts };
}

export function compilePhrases(sources: readonly string[] | undefined): Phrase[] {
  return (sources ?? []).map(compilePhrase).filter((p) => p.parts.length > 0);
}

// One typo, but not in the first two letters: "pegando"/"pagando" are different words.
function nearMiss(token: string, word: string): boolean {
  return token.slice(0, 2) === word.slice(0, 2) && editDistance(token, word, 1) <= 1;
}

function wordMatches(m: WordMatcher, token: string): boolean {
  switch (m.kind) {
    case "any":
      return true;
    case "number":
      return /^\d{1,2}$/.test(token);
    case "stem":
      // No typo tolerance on stems: "kidnappe*" must not catch "kidnappings".
      return token.startsWith(m.stem);
    case "word":
      return token === m.word || (m.word.length >= 6 && nearMiss(token, m.word));
    case "either":
      return m.options.some((o) => wordMatches(o, token));
  }
}

/** Index of the token after the match of `seq` starting at or after `from`, or -1. */
function matchSequence(seq: WordMatcher[], tokens: string[], gap: number): { start: number; end: number } | undefined {
  const first = seq[0];
  if (!first) return undefined;
  for (let start = 0; start < tokens.length; start++) {
    if (!wordMatches(first, tokens[start] as string)) continue;
    let at = start;
    let ok = true;
    for (let k = 1; k < seq.length && ok; k++) {
      ok = false;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 1 + gap); j++) {
        if (wordMatches(seq[k] as WordMatcher, tokens[j] as string)) {
          at = j;
          ok = true;
          break;
        }
      }
    }
    if (ok) return { start, end: at + 1 };
  }
  return undefined;
}

/** Does the phrase occur in these (folded) tokens? */
export function phraseMatches(phrase: Phrase, tokens: string[], gap = 2): boolean {
  return phrase.parts.every((part) => matchSequence(part, tokens, gap) !== undefined);
}

/** The first phrase that occurs, if any. */
export function findPhrase(phrases: readonly Phrase[], tokens: string[], gap = 2): Phrase | undefined {
  return phrases.find((p) => phraseMatches(p, tokens, gap));
}

/** Does the whole message say (almost) nothing but one of these phrases? Used for commands. */
export function isOnly(phrases: readonly Phrase[], tokens: string[], filler: ReadonlySet<string>): boolean {
  if (tokens.length === 0 || tokens.length > 6) return false;
  return phrases.some((p) => {
    if (p.parts.length !== 1) return false;
    const seq = p.parts[0] as WordMatcher[];
    const hit = matchSequence(seq, tokens, 0);
    if (!hit) return false;
    return tokens.every((t, i) => (i >= hit.start && i < hit.end) || filler.has(t));
  });
}

/** The number a "{n}" phrase matched, e.g. 16 in "tengo 16 años". */
export function numberIn(phrases: readonly Phrase[], tokens: string[]): number | undefined {
  for (const p of phrases) {
    for (const part of p.parts) {
      const hit = matchSequence(part, tokens, 0);
      if (!hit) continue;
      const idx = part.findIndex((m) => m.kind === "number");
      if (idx < 0) continue;
      const n = Number(tokens[hit.start + idx]);
      if (Number.isFinite(n)) return n;
    }
  }
  return undefined;
}
