// Ships to the browser too (pure). SMS spellings to their full words before the triage reads a
// message ("q" → "que", "xq" → "porque", "can t" → "cant"), per language, from
// content/bot/phrases.yaml `spelling`. Written once here; the build (training) and the engine
// (answering) both call it, so the classifier learns and reads the same words.

export type Speller = (tokens: readonly string[]) => string[];

const identity: Speller = (tokens) => [...tokens];

/** A speller for one language's table: keys are one or two folded words, values the words they stand for. */
export function compileSpelling(table: Readonly<Record<string, string>> | undefined): Speller {
  if (!table || Object.keys(table).length === 0) return identity;
  const one = new Map<string, string[]>();
  const two = new Map<string, string[]>();
  for (const [from, to] of Object.entries(table)) {
    const words = from.trim().split(/\s+/);
    const into = to.trim().split(/\s+/).filter(Boolean);
    if (words.length === 1) one.set(words[0] as string, into);
    else if (words.length === 2) two.set(words.join(" "), into);
  }
  return (tokens) => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const pair = i + 1 < tokens.length ? two.get(`${token} ${tokens[i + 1]}`) : undefined;
      if (pair) {
        out.push(...pair);
        i++;
        continue;
      }
      const single = one.get(token);
      if (single) out.push(...single);
      else out.push(token);
    }
    return out;
  };
}
