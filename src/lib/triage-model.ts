// The safety triage's classifier, trained at build time from the labelled messages editors keep in
// content/bot/triage/{locale}.yaml. Pure: the build (via buildKnowledgeBase), `npm run
// bench:triage` (cross-validation) and the tests call it; the trained model travels in kb.json.
import type { BotDanger, BotPhrases, EmergencyAdvice, TriageCorpus } from "./schemas";
import { dangerKinds, calmKinds } from "./schemas";
import { MAX_MESSAGE_CHARS, tokenize } from "./nlp/text";
import { textFeatures } from "./nlp/features";
import { compileDangerSignals, signalFeatures, type DangerSignals } from "./nlp/danger-signals";
import { trainClassifier, type ClassifierModel, type Example } from "./nlp/classifier";
import { compileSpelling, type Speller } from "./nlp/spelling";

/** The classifier's class for "no emergency": index 0 of the model's labels. */
export const NO_DANGER = "none";

/** One labelled message of the corpus. */
export interface CorpusMessage {
  text: string;
  locale: string;
  /** A danger kind, or NO_DANGER. */
  label: string;
  /** The corpus list it came from (a danger kind or a calm kind such as "past"); for an advice list, its danger kind. */
  kind: string;
  /** For a message of an advice list: its advice key. */
  advice?: string;
}

/** Every message of the corpus files' emergency and not-emergency lists, in file order. */
function corpusMessages(files: readonly { locale: string; data: TriageCorpus }[]): CorpusMessage[] {
  return files.flatMap(({ locale, data }) => [
    ...dangerKinds.flatMap((kind) => (data.emergency[kind] ?? []).map((text) => ({ text, locale, label: kind, kind }))),
    ...calmKinds.flatMap((kind) => (data["not-emergency"][kind] ?? []).map((text) => ({ text, locale, label: NO_DANGER, kind }))),
  ]);
}

/** The messages of the corpus files' advice lists, labelled by their advice key: what the advice classifier learns. */
export function adviceMessages(files: readonly { locale: string; data: TriageCorpus }[]): CorpusMessage[] {
  return files.flatMap(({ locale, data }) => Object.entries(data.advice).flatMap(([key, texts]) => texts.map((text) => ({ text, locale, label: key, kind: "advice", advice: key }))));
}

/**
 * What the triage's classifier learns: the emergency and not-emergency lists, and the advice lists
 * as emergencies of the first danger their advice is written for (every advice-list message is an
 * emergency, so they teach the triage the many dangers the emergency lists name less often:
 * detention, cold, overdose, a parent searching for a child). An advice key that emergencies.yaml
 * lacks is left out (npm run check reports it).
 */
export function triageMessages(files: readonly { locale: string; data: TriageCorpus }[], advice: Readonly<Record<string, Pick<EmergencyAdvice, "dangers">>>): CorpusMessage[] {
  const advised = adviceMessages(files).flatMap((m) => {
    const kind = advice[m.label]?.dangers[0];
    return kind ? [{ ...m, label: kind, kind }] : [];
  });
  return [...corpusMessages(files), ...advised];
}

/** The classifier's features for a message and its danger signals: the build and the engine both call this. */
export function messageFeatures(text: string, tokens: readonly string[], signals: DangerSignals): string[] {
  return textFeatures(text, tokens, signalFeatures(signals));
}

/** Each locale's SMS-spelling table, compiled (content/bot/phrases.yaml `spelling`). */
export function spellers(phrases: BotPhrases): (locale: string) => Speller {
  const table = new Map(Object.entries(phrases.locales).map(([code, l]) => [code, compileSpelling(l.spelling)]));
  const none = compileSpelling(undefined);
  return (locale) => table.get(locale) ?? none;
}

/** The words the triage reads: folded, SMS spellings of the message's language written out. */
export function triageWords(text: string, speller: Speller): string[] {
  return speller(tokenize(text.slice(0, MAX_MESSAGE_CHARS)));
}

export function triageExamples(messages: readonly CorpusMessage[], danger: BotDanger, phrases: BotPhrases): Example[] {
  const signals = compileDangerSignals(danger);
  const spell = spellers(phrases);
  return messages.map((m) => {
    const text = m.text.slice(0, MAX_MESSAGE_CHARS);
    const tokens = triageWords(text, spell(m.locale));
    return { features: messageFeatures(text, tokens, signals(tokens, m.locale)), label: m.label };
  });
}

/** Where trained models are kept between builds (a folder on disk for the build; nothing in a browser). */
export interface ModelCache {
  get(key: string): ClassifierModel | undefined;
  set(key: string, model: ClassifierModel): void;
}

/** FNV-1a, 52 bits: a stable key for the same training inputs (no Node crypto: this module also runs in browsers). */
function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(16)}${(h2 & 0xfffff).toString(16)}`;
}

/** The same messages and vocabulary always give the same model, so it is trained once per change. */
export function triageModelKey(messages: readonly CorpusMessage[], lexicon: { danger: BotDanger; phrases: BotPhrases }, what = "triage"): string {
  const spelling = Object.fromEntries(Object.entries(lexicon.phrases.locales).map(([code, l]) => [code, l.spelling]));
  return `${what}-${fingerprint(JSON.stringify([messages.map((m) => [m.locale, m.label, m.text]), lexicon.danger, spelling]))}`;
}

const trainedHere = new Map<string, ClassifierModel>();

/**
 * Train the triage classifier, or take it from this process's memory or the given cache when the
 * same inputs trained it before; undefined when the corpus lacks either kind of message (the
 * triage then uses the lexicon alone).
 */
export function trainTriageModel(messages: readonly CorpusMessage[], lexicon: { danger: BotDanger; phrases: BotPhrases }, cache?: ModelCache): ClassifierModel | undefined {
  if (!messages.some((m) => m.label !== NO_DANGER) || !messages.some((m) => m.label === NO_DANGER)) return undefined;
  return trainOnce(triageModelKey(messages, lexicon), () => trainClassifier(triageExamples(messages, lexicon.danger, lexicon.phrases), { none: NO_DANGER }), cache);
}

/**
 * Train the advice classifier (which advice of content/bot/emergencies.yaml fits an emergency
 * message) on the corpus's `advice` lists, with the same features as the triage; undefined with
 * fewer than two advice keys to tell apart.
 */
export function trainAdviceModel(messages: readonly CorpusMessage[], lexicon: { danger: BotDanger; phrases: BotPhrases }, cache?: ModelCache): ClassifierModel | undefined {
  if (new Set(messages.map((m) => m.label)).size < 2) return undefined;
  // No "nothing to report" class here: every message is an emergency.
  return trainOnce(triageModelKey(messages, lexicon, "advice"), () => trainClassifier(triageExamples(messages, lexicon.danger, lexicon.phrases), { none: "" }), cache);
}

function trainOnce(key: string, train: () => ClassifierModel, cache: ModelCache | undefined): ClassifierModel {
  const known = trainedHere.get(key) ?? cache?.get(key);
  if (known) {
    trainedHere.set(key, known);
    return known;
  }
  const model = train();
  trainedHere.set(key, model);
  cache?.set(key, model);
  return model;
}
