// Ships to the browser too (pure). The triage's text classifier: naive Bayes from
// wink-naive-bayes-text-classifier (maintained, pure JavaScript, no dependencies at run time,
// deterministic, trains on our 2,000 messages in well under a second). It was chosen by 10-fold
// cross-validation on the corpus against our own multinomial logistic regression: at 3% false
// emergencies it found 75.7% of emergencies against 70.9% (AUC 0.959 against 0.955), and it is
// a kept library rather than code of ours. Trained at build time by the library, carried in
// kb.json in the compact form below; the engine scores with the library's formulas from tables
// worked out once (loadClassifier), checked against the library's own scoring in the tests.
import naiveBayes from "wink-naive-bayes-text-classifier";

/** A trained model, as stored in the knowledge base. */
export interface ClassifierModel {
  /** Format of this object; bump on a breaking change. */
  version: 2;
  /** wink's settings (presence only, smoothing). */
  config: { considerOnlyPresence: boolean; smoothingFactor: number };
  /** Class names; index 0 is the "nothing to report" class. */
  labels: string[];
  /** Messages learnt per label. */
  samples: number[];
  /** Feature occurrences learnt per label. */
  words: number[];
  /** The vocabulary, in the order of `counts`. */
  features: string[];
  /** Per feature, pairs [label index, count]. */
  counts: number[][];
}

export interface Example {
  features: readonly string[];
  label: string;
}

export interface TrainOptions {
  /** Label of the "nothing to report" class (always index 0). */
  none: string;
  /** Overrides of the constants below, for experiments. */
  smoothingFactor?: number;
  minFeatureCount?: number;
}

/**
 * Additive smoothing: 0.5 did best in cross-validation (0.1 to 1 tried); it lets a feature seen
 * only in one kind of message still count a little for the others.
 */
const SMOOTHING = 0.5;
/**
 * Features seen in fewer messages than this are dropped. A word counts from its first message (an
 * editor's one new message must teach the next build its words); a pair of words only from its
 * second: pairs seen once would more than double kb.json (1.2 MiB against 0.5) for 1.4 points of
 * cross-validated recall.
 */
const MIN_FEATURE_COUNT = 1;
const MIN_PAIR_COUNT = 2;
const isPair = (f: string) => f.startsWith("b:");
/** Each feature counts once per message however often it occurs: people repeat "ayuda ayuda". */
const PRESENCE_ONLY = true;

export function trainClassifier(examples: readonly Example[], options: TrainOptions): ClassifierModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const minCount = options.minFeatureCount ?? MIN_FEATURE_COUNT;
  const keep = (f: string) => (counts.get(f) ?? 0) >= (isPair(f) ? Math.max(minCount, MIN_PAIR_COUNT) : minCount);
  const nb = naiveBayes();
  const config = { considerOnlyPresence: PRESENCE_ONLY, smoothingFactor: options.smoothingFactor ?? SMOOTHING };
  nb.defineConfig(config);
  // The "nothing to report" class first, so it is index 0 of the labels.
  const ordered = [...examples.filter((e) => e.label === options.none), ...examples.filter((e) => e.label !== options.none)];
  for (const e of ordered) nb.learn(e.features.filter(keep), e.label);
  const [, samples, count, words, vocabulary] = JSON.parse(nb.exportJSON()) as [unknown, Record<string, number>, Record<string, Record<string, number>>, Record<string, number>, string[]];
  const labels = Object.keys(samples);
  const features = [...vocabulary].sort();
  return {
    version: 2,
    config,
    labels,
    samples: labels.map((l) => samples[l] ?? 0),
    words: labels.map((l) => words[l] ?? 0),
    features,
    counts: features.map((f) => labels.flatMap((l, i) => (count[l]?.[f] ? [i, count[l][f]] : []))),
  };
}

/** A model ready to answer. */
export interface Classifier {
  labels: readonly string[];
  /** Log2 odds of each label against all the others (same order as `labels`); all 0 when no feature is known. */
  odds(features: readonly string[]): Float64Array;
}

/**
 * The model with wink's own scoring (importJSON + computeOdds). It recomputes every likelihood on
 * every call (about 1.3 ms a message here, most of the engine's 5 ms budget), so the engine uses
 * `loadClassifier`, which gives the same odds from tables worked out once; the tests check both agree.
 */
export function loadWinkClassifier(model: ClassifierModel): Classifier {
  const count: Record<string, Record<string, number>> = {};
  model.labels.forEach((l) => (count[l] = {}));
  model.features.forEach((f, i) => {
    const pairs = model.counts[i] ?? [];
    for (let k = 0; k < pairs.length; k += 2) (count[model.labels[pairs[k] as number] as string] as Record<string, number>)[f] = pairs[k + 1] as number;
  });
  const byLabel = (values: number[]) => Object.fromEntries(model.labels.map((l, i) => [l, values[i] ?? 0]));
  const nb = naiveBayes();
  nb.importJSON(JSON.stringify([model.config, byLabel(model.samples), count, byLabel(model.words), model.features]));
  nb.consolidate();
  const at = new Map(model.labels.map((l, i) => [l, i]));
  return {
    labels: model.labels,
    odds(features) {
      const out = new Float64Array(model.labels.length);
      for (const [label, value] of nb.computeOdds([...features])) {
        const i = at.get(label);
        if (i !== undefined) out[i] = value;
      }
      return out;
    },
  };
}

/**
 * The same naive-Bayes odds as wink's computeOdds (one label against all the others, log base 2,
 * with the priors), from a table of per-feature contributions worked out once at load.
 */
export function loadClassifier(model: ClassifierModel): Classifier {
  const L = model.labels.length;
  const V = model.features.length;
  const s = model.config.smoothingFactor;
  const totalWords = model.words.reduce((a, b) => a + b, 0);
  const totalSamples = model.samples.reduce((a, b) => a + b, 0);
  const delta = new Float64Array(V * L);
  const row = new Float64Array(L);
  for (let f = 0; f < V; f++) {
    row.fill(0);
    const pairs = model.counts[f] ?? [];
    let all = 0;
    for (let k = 0; k < pairs.length; k += 2) {
      row[pairs[k] as number] = pairs[k + 1] as number;
      all += pairs[k + 1] as number;
    }
    for (let l = 0; l < L; l++) {
      const own = row[l] as number;
      const wl = model.words[l] as number;
      const likelihood = Math.log2(own + s) - Math.log2(wl + V * s);
      const inverse = Math.log2(all - own + s) - Math.log2(totalWords - wl + V * s);
      delta[f * L + l] = likelihood - inverse;
    }
  }
  const prior = Float64Array.from(model.samples, (n) => Math.log2(n) - Math.log2(totalSamples - n));
  const at = new Map(model.features.map((f, i) => [f, i]));
  return {
    labels: model.labels,
    odds(features) {
      const out = new Float64Array(L);
      let known = 0;
      for (const name of features) {
        const f = at.get(name);
        if (f === undefined) continue;
        known++;
        for (let l = 0; l < L; l++) out[l] = (out[l] as number) + (delta[f * L + l] as number);
      }
      if (known === 0) return out;
      for (let l = 0; l < L; l++) out[l] = (out[l] as number) + (prior[l] as number);
      return out;
    },
  };
}
