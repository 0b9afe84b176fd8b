// Ships to the browser too (pure). The features the triage classifier sees in a message: its
// words, pairs of words, how it is written (a question mark, shouting, its length), the start of each long word (a stem in any language: "secuestraron" and
// "secuestradas" share "secue") and the danger concepts the lexicon found. The same function
// serves training (the build) and answering (the engine), so they never differ. Character
// n-grams were tried and dropped: in cross-validation they made the classifier worse (AUC 0.917
// against 0.958) and five times larger.

/** Longer words are cut (a pasted link or a word repeated without spaces says nothing more). */
const MAX_WORD = 24;
/** Length of the word start kept as a language-free stem. */
const PREFIX = 5;

const digits = /^\d+$/;

/** Fewer than this share of capital letters is ordinary writing; more is shouting ("AYUDA NOS TIENEN"). */
const SHOUTING_SHARE = 0.6;
/** Message lengths in words, as bands: a one-word cry, a short message, a paragraph, a long story. */
const LENGTH_BANDS = [3, 10, 30];

/** How the message is written, beyond its words: a question mark, exclamation, shouting, its length. */
function shapeFeatures(text: string, words: number): string[] {
  const out: string[] = [];
  if (/[?¿]/.test(text)) out.push("x:question");
  if (text.includes("!")) out.push("x:exclaim");
  const letters = text.replace(/[^\p{L}]/gu, "");
  const capitals = text.replace(/[^\p{Lu}]/gu, "");
  if (letters.length >= 6 && capitals.length / letters.length > SHOUTING_SHARE) out.push("x:shouting");
  const band = LENGTH_BANDS.findIndex((n) => words <= n);
  out.push(`x:length${band < 0 ? LENGTH_BANDS.length : band}`);
  return out;
}

/**
 * Distinct features of a message: from its folded words (`tokens`), from how the raw `text` is
 * written, and the given concept names (prefixed "k:").
 */
export function textFeatures(text: string, tokens: readonly string[], concepts: readonly string[] = []): string[] {
  const out = new Set<string>(shapeFeatures(text, tokens.length));
  let previous = "";
  for (const raw of tokens) {
    // All numbers look alike to the classifier ("tengo 13" and "tengo 15" are the same cue).
    const token = digits.test(raw) ? "0" : raw.slice(0, MAX_WORD);
    out.add(`w:${token}`);
    if (previous) out.add(`b:${previous} ${token}`);
    previous = token;
    // The start of a long word stands for its stem in any language ("secuestraron", "secuestrada").
    if (token.length > PREFIX) out.add(`p:${token.slice(0, PREFIX)}`);
  }
  for (const c of concepts) out.add(`k:${c}`);
  return [...out];
}
