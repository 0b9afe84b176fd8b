// Ships to the browser too (pure). Which guide a question is about: a multinomial naive-Bayes
// matcher trained, when the engine starts, on each guide's own words in one language (its title,
// summary, questions, headings, short answers and the ways people ask them). On the project's
// development set it put the right guide first for 73% of questions against 67% for full-text
// search alone, and 74% together with it (bench:bot-quality). Written here rather than taken from a
// package: the kept naive-Bayes packages score one class against all the others
// (wink-naive-bayes-text-classifier, which the triage uses), and that scored 58% on this task.
import { tokenize } from "./text";

/** Additive smoothing: small, because a guide is described by few words and most words are in no guide. */
const SMOOTHING = 0.1;
/** Length of the word start kept as a stem that works in every language (as the triage's features). */
const PREFIX = 5;

export type Stemmer = (word: string) => string;

/** A question's features: stemmed words and the starts of long words, each once. */
export function matcherFeatures(text: string, stem: Stemmer): string[] {
  const words = tokenize(text).filter((w) => w.length > 1);
  return [...new Set([...words.map((w) => `w:${stem(w)}`), ...words.filter((w) => w.length > PREFIX).map((w) => `p:${w.slice(0, PREFIX)}`)])];
}

export interface Matcher {
  /**
   * The probability of each label for a text's features (matcherFeatures), highest first. With
   * `perWord`, from each label's mean log-likelihood per feature times `perWord` instead of their
   * sum: naive Bayes multiplies every word's probability as if they were independent, so a long
   * message gives one label nearly all the probability however narrow its lead; per word, the
   * probability says how much better a label fits each word.
   */
  rank(features: readonly string[], perWord?: number): { label: string; p: number }[];
}

export function trainMatcher(docs: readonly { label: string; text: string }[], stem: Stemmer): Matcher {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const d of docs) {
    let c = counts.get(d.label);
    if (!c) counts.set(d.label, (c = new Map()));
    const features = matcherFeatures(d.text, stem);
    for (const f of features) {
      c.set(f, (c.get(f) ?? 0) + 1);
      vocabulary.add(f);
    }
    totals.set(d.label, (totals.get(d.label) ?? 0) + features.length);
  }
  const V = vocabulary.size;
  const labels = [...counts.keys()];
  // Log-probabilities worked out once: per feature, each label's; and each label's for a feature it never saw.
  const unseen = Float64Array.from(labels, (l) => Math.log(SMOOTHING) - Math.log((totals.get(l) ?? 0) + SMOOTHING * V));
  const logp = new Map<string, Float64Array>();
  for (const f of vocabulary)
    logp.set(
      f,
      Float64Array.from(labels, (l, i) => {
        const n = counts.get(l)?.get(f) ?? 0;
        return n ? Math.log(n + SMOOTHING) - Math.log((totals.get(l) ?? 0) + SMOOTHING * V) : (unseen[i] as number);
      }),
    );
  return {
    rank(all, perWord) {
      const rows = all.map((f) => logp.get(f)).filter((r): r is Float64Array => r !== undefined);
      if (rows.length === 0 || labels.length === 0) return [];
      // Every label equally likely before the words: a guide with more questions is not more often the answer.
      const logs = labels.map((_, i) => {
        let s = 0;
        for (const r of rows) s += r[i] as number;
        return s;
      });
      if (perWord !== undefined) for (let i = 0; i < logs.length; i++) logs[i] = ((logs[i] as number) / rows.length) * perWord;
      const max = Math.max(...logs);
      const sum = logs.reduce((t, v) => t + Math.exp(v - max), 0);
      return labels.map((label, i) => ({ label, p: Math.exp((logs[i] as number) - max) / sum })).sort((a, b) => b.p - a.p);
    },
  };
}
