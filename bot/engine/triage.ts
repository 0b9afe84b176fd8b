// Ships to the browser too (pure engine). Safety triage, run on every message before anything
// else: is someone in danger NOW, of what, and how sure are we? Two layers decide together:
// - the danger concepts of content/bot/danger.yaml (strong phrases, weak cues, and the context:
//   now, a past story that is over, a "what if", a question about risks, news, school, a joke);
// - a classifier trained by the build on content/bot/triage/ (kb.triageModel).
// Either layer can raise an emergency; the context that cancels one cancels the other; self-harm
// is never cancelled. Between "emergency" and "none" lies "check": the reply asks, in one line
// with the number, whether the person is in danger right now.
import type { KnowledgeBase } from "./types";
import { dangerKinds, type DangerKind, type TriageContext } from "../../src/lib/schemas";
import { compileDangerSignals, type DangerSignals } from "../../src/lib/nlp/danger-signals";
import { messageFeatures, spellers, triageWords } from "../../src/lib/triage-model";
import { loadClassifier, type Classifier } from "../../src/lib/nlp/classifier";

export type Urgency = "emergency" | "check" | "none";

export interface TriageResult {
  urgency: Urgency;
  /** Danger kinds found, most likely first. */
  dangers: DangerKind[];
  /** Advice keys of content/bot/emergencies.yaml that fit, most specific first. */
  advice: string[];
  /** The person says others listen or watch: keep it short, say how to stay hidden. */
  cannotTalk: boolean;
  /** Why, for benchmarks and tests: "strong:held", "weak:threats", "uncancellable", "alarm", "calm". */
  because: string[];
  /** The evidence the decision was taken on (benchmarks replay it with other thresholds). */
  evidence: TriageEvidence;
  /** The classifier's log2 odds that this is an emergency rather than nothing to report (0 without a model). */
  score: number;
}

/** The thresholds of the decision, in the classifier's log2 odds (emergency against nothing to report). */
export interface TriagePolicy {
  /** From these odds the classifier makes an emergency, when the message also has a danger word or a call for help. */
  emergencyOdds: number;
  /** From these odds the classifier makes an emergency in a message with no danger word at all (below, from checkOdds, it asks). */
  aloneOdds: number;
  /** From these odds the bot asks "are you in danger right now?" (the confirm step). */
  checkOdds: number;
  /** A strong phrase the classifier contradicts this firmly (odds below) only asks. */
  vetoOdds: number;
  /** In a calm context (a past story, a "what if"...), a danger only asks when the classifier's odds are at least this. */
  calmCheckOdds: number;
  /** A message that asks a question ("... es trata?") needs the classifier's odds to reach this for a strong phrase alone to make an emergency; below, it asks. */
  questionOdds: number;
  /**
   * A strong phrase in a calm context is still an emergency when the classifier is this sure:
   * calm words are read loosely (reported speech, "me dijo q es mi culpa", holds the risk question
   * "que es"), and a classifier trained on
   * past stories and "what ifs" that still gives such odds has read the whole message.
   */
  calmOverrideOdds: number;
  /** Weak danger words ("me siguen", "no me deja") ask only when the classifier's odds are at least this. */
  weakCheckOdds: number;
  /**
   * Strong danger words in a question ("... es peligroso?") that the classifier contradicts below
   * these odds (far below the veto) are not asked about at all. Outside a question they always
   * ask: "abuso sexual ayer, necesito la pastilla" reads like a health question to the classifier.
   */
  dismissOdds: number;
}

/**
 * The thresholds, set by 10-fold cross-validation on the corpus (`npm run bench:triage -- --tune`
 * prints the whole trade-off; the corpus's calm lists are hard negatives on purpose, so its
 * false-emergency rate is far above real use): the emergency odds and check odds where recall
 * stops rising faster than false emergencies, and a veto that turns the lexicon's most obvious
 * false alarms ("my cousin kidnapped my charger", a school project on kidnapping) into the confirm
 * step while costing almost no emergency (which still gets the number in the first line). The
 * veto moved from -15 to -10 when the classifier learnt the advice lists too: 10.4% -> 9.5% false
 * emergencies on the corpus for 0.1 point of recall. Words alone ask on most confirm steps
 * ("me siguen" in a question about the route), so the classifier also silences them: weak words
 * ask only from odds -15, and strong words in a question only from odds -20 (outside a question
 * they always ask). On the corpus this takes the confirm step from 16.7% to 10.6% of
 * non-emergencies with caught (emergency or confirm step) still 94.1%. Letting the classifier
 * dismiss strong words outside questions as well (-15 / -20: 9.7%) left real emergencies without
 * the confirm step ("abuso sexual ayer, necesito la pastilla", odds -23), so it does not.
 */
// The classifier alone (a message with no danger word at all) makes an emergency from the same
// odds as with words: on the corpus, raising that bar to 12 / 20 / never would cut false
// emergencies from 8.6% to 7.6 / 6.6 / 6.0% but recall from 88.8% to 85.5 / 78.1 / 58.5% (most
// of those messages still get the confirm step, but without the danger's own advice). The
// words of the lexicon alone would miss most unseen phrasings: the classifier is there for them.
export const TRIAGE_POLICY: TriagePolicy = { emergencyOdds: 8, aloneOdds: 8, checkOdds: 6, vetoOdds: -10, calmCheckOdds: 0, questionOdds: 0, calmOverrideOdds: 15, weakCheckOdds: -15, dismissOdds: -20 };
/** How the advice classifier (kb.adviceModel) takes part in choosing the advice, in its log2 odds (one advice against all the others). */
export interface AdviceTuning {
  /** When the words call for no advice that fits the dangers found, the classifier's best fitting advice from these odds; below, the likeliest danger's default. */
  fallbackOdds: number;
  /** The classifier's best fitting advice goes first, before the one the words call for, from these odds. */
  firstOdds: number;
  /** ... and also below them, when its odds are at least this much above those of the advice the words call for first. */
  firstMargin: number;
}

/**
 * Set by 10-fold cross-validation on the corpus's advice lists (`npm run bench:triage -- --tune`).
 * The classifier's odds are one advice against all the others, so they are often low even when
 * its first choice is clearly the best one. It goes before the advice the words call for only
 * when its odds stand 10 above that advice's (a fainting in the heat is "heat", not "not
 * breathing"; a man beating someone seen by the writer is "witness"): 73.6% right advice first,
 * the same as also letting it go first whenever its odds reach 5, which on unseen messages put
 * its guess over precise words ("swallowed bleach" got the seizure text). Where the words call
 * for no advice, its best guess is given at any odds: a floor of -10 / 0 would leave 68.8 / 62.9%
 * right, and the medical kind has no safe default text to fall back on.
 */
export const ADVICE_TUNING: AdviceTuning = { fallbackOdds: -Infinity, firstOdds: Infinity, firstMargin: 10 };

/** A danger kind is listed when the classifier's odds for it are at least this (its own odds against every other label). */
const KIND_ODDS = 0;
/** "ayuda", "help me", "anmwe": a message of this many words or fewer made only of calls for help is an emergency. */
const MAX_WORDS_OF_A_CRY = 6;
/** Kinds no "what if" or past story cancels: a person who speaks of killing themself is answered as in danger. */
const NEVER_CANCELLED: ReadonlySet<DangerKind> = new Set(["self-harm"]);
/** Context words that say the message is not about a danger happening now. */
const CALM_CONTEXTS: readonly TriageContext[] = ["pastOver", "hypothetical", "riskQuestion", "news", "school", "figurative"];
/**
 * Context words that say the harm goes on, whatever else the message says ("last night ... it
 * still hurts"). Plain "now" words do not count: "now I am safe" ends many past stories.
 */
const NOW_CONTEXTS: readonly TriageContext[] = ["ongoing"];

/** What the two layers found in one message: the input of the decision. */
export interface TriageEvidence {
  /** The lexicon names a danger strongly / only hints at one. */
  strong: boolean;
  weak: boolean;
  /** A danger no context cancels (self-harm), or a cry for help alone. */
  uncancellable: boolean;
  /** A cry that alone means an emergency ("auxilio", "sos"). */
  alarm: boolean;
  /** The message is a past story that is over, a "what if", a question about risks, news, school work or a joke. */
  calm: boolean;
  /** The message asks a question (a question mark, or a question word such as "eske" or "est ce que"). */
  question: boolean;
  /** It calls for help ("ayuda", "help"): a question like "can you help me?" is a cry, not a doubt. */
  distress: boolean;
  /** The person says others listen or watch ("no puedo hablar, me oyen"): a danger in itself, even when it is not named. */
  cannotTalk: boolean;
  /** The classifier's log2 odds, or undefined without a model. */
  score: number | undefined;
}

/**
 * The decision. A calm context never lets the lexicon or the classifier raise an emergency, but
 * where either says danger and the classifier does not rule it out, it still asks, with the
 * number, "are you in danger right now?": a misread "what if" costs one question, not a missed child.
 */
export function decide(e: TriageEvidence, policy: TriagePolicy = TRIAGE_POLICY): Urgency {
  if (e.uncancellable) return "emergency";
  const score = e.score ?? 0;
  const vetoed = e.score !== undefined && score < policy.vetoOdds;
  const questionDoubt = e.question && !e.distress && e.score !== undefined && score < policy.questionOdds;
  const words = e.strong || e.weak || e.alarm || e.distress || e.cannotTalk;
  const danger = e.alarm || score >= (words ? policy.emergencyOdds : policy.aloneOdds) || (e.strong && !vetoed && !questionDoubt);
  // Someone who cannot talk because others listen and who asks for help is in danger now.
  const silenced = e.cannotTalk && e.distress;
  if ((danger || silenced) && (!e.calm || (e.strong && score >= policy.calmOverrideOdds))) return "emergency";
  if (e.calm) return (danger || silenced || e.strong) && score >= policy.calmCheckOdds ? "check" : "none";
  const known = e.score !== undefined;
  const strongAsks = e.strong && (!known || !e.question || score >= policy.dismissOdds);
  const weakAsks = e.weak && (!known || score >= policy.weakCheckOdds);
  if (strongAsks || weakAsks || e.cannotTalk || score >= policy.checkOdds) return "check";
  return "none";
}

/** Why the decision asks "are you in danger right now?" (benchmarks count the causes), or undefined when it does not ask. */
export type CheckCause = "calm context" | "strong words, doubted" | "weak words" | "cannot talk" | "classifier odds";
export function checkCause(e: TriageEvidence, policy: TriagePolicy = TRIAGE_POLICY): CheckCause | undefined {
  if (decide(e, policy) !== "check") return undefined;
  if (e.calm) return "calm context";
  if (e.strong) return "strong words, doubted";
  if (e.weak) return "weak words";
  if (e.cannotTalk) return "cannot talk";
  return "classifier odds";
}

/** Triage of a message: its raw text and the language it is taken to be in (for its SMS spellings). */
export type Triage = (text: string, locale: string, policy?: TriagePolicy) => TriageResult;

export function createTriage(kb: KnowledgeBase, tuning: AdviceTuning = ADVICE_TUNING): Triage {
  const signalsOf = compileDangerSignals(kb.lexicon.danger);
  const spell = spellers(kb.lexicon.phrases);
  const classifier: Classifier | undefined = kb.triageModel ? loadClassifier(kb.triageModel) : undefined;
  const adviceClassifier: Classifier | undefined = kb.adviceModel ? loadClassifier(kb.adviceModel) : undefined;
  const adviceFile = kb.lexicon.emergencies.advice;
  /**
   * The advice for what the words say, most likely danger first: for each danger found, the
   * advice its words call for (an advice that `replaces` another one shown too wins over it);
   * the default of the likeliest danger only when the words call for none. Defaults of the
   * less likely dangers are left out: a guess ("threats" beside "held") must not add a text that
   * contradicts the right one ("go to a busy place" to someone locked in). The advice
   * classifier's best advice for the dangers found goes first when it is sure enough
   * (tuning.firstOdds), and stands in where the words call for none: it has learnt the many ways
   * people describe each danger.
   */
  function adviceFor(dangers: readonly DangerKind[], called: readonly string[], features: readonly string[], context: ReadonlySet<TriageContext>): string[] {
    // No advice is given where the message shows its `unless` context, whoever calls it: the
    // family's advice for someone exploited ("do not go and get them out yourself") is never for
    // the person exploited, whose words name a relative too ("my uncle makes me work").
    const barred = (key: string) => (adviceFile[key]?.unless ?? []).some((c) => context.has(c));
    const calledHere = called.filter((key) => !barred(key));
    const replaced = new Set(calledHere.flatMap((key) => adviceFile[key]?.replaces ?? []));
    const fitting = calledHere.filter((key) => !replaced.has(key) && adviceFile[key] !== undefined);
    // The classifier gives an advice that `needs` a context only where the message shows it: it
    // learnt "money" and "they hold" from phone tricks, and would tell armed men at the door "hang
    // up, it is a trick"; it learnt "a man is hitting" from witnesses, and would tell "a man is
    // hitting me" not to step in. The advice's own phrases are precise enough to go without.
    const learnable = (key: string) => (adviceFile[key]?.needs ?? []).every((c) => context.has(c)) && !barred(key);
    const out: string[] = [];
    for (const kind of dangers) for (const key of fitting) if (adviceFile[key]?.dangers.includes(kind) && !out.includes(key)) out.push(key);
    const learnt = learntAdvice(dangers, features, learnable);
    const wordsFirst = out[0];
    const clearlyBetter = learnt !== undefined && wordsFirst !== undefined && learnt.odds - (learnt.oddsOf.get(wordsFirst) ?? -Infinity) >= tuning.firstMargin;
    if (learnt && (learnt.odds >= tuning.firstOdds || clearlyBetter) && !out.includes(learnt.key)) out.unshift(learnt.key);
    else if (learnt && out.length === 0 && learnt.odds >= tuning.fallbackOdds) out.push(learnt.key);
    const fallback = dangers[0] ? kb.lexicon.danger.kinds[dangers[0]]?.advice : undefined;
    if (out.length === 0 && fallback) out.push(fallback);
    // The classifier's advice too gives way to the advice that `replaces` it, and takes the place of
    // the one it replaces: "stay hidden" and "go to a busy place" are never shown together.
    const replacedNow = new Set(out.flatMap((key) => adviceFile[key]?.replaces ?? []));
    for (let i = out.length - 1; i >= 0; i--) if (replacedNow.has(out[i] as string)) out.splice(i, 1);
    // An advice that must come first when another is shown with it (river before not-breathing) moves ahead of it.
    for (const key of [...out])
      for (const later of adviceFile[key]?.before ?? []) {
        const at = out.indexOf(later);
        const from = out.indexOf(key);
        if (at >= 0 && from > at) out.splice(at, 0, ...out.splice(from, 1));
      }
    return out;
  }
  /** The advice classifier's likeliest advice among those written for the dangers found, and its odds for every advice. */
  function learntAdvice(dangers: readonly DangerKind[], features: readonly string[], learnable: (key: string) => boolean): { key: string; odds: number; oddsOf: Map<string, number> } | undefined {
    if (!adviceClassifier || dangers.length === 0) return undefined;
    const odds = adviceClassifier.odds(features);
    const oddsOf = new Map(adviceClassifier.labels.map((key, i) => [key, odds[i] as number]));
    let best: { key: string; odds: number } | undefined;
    adviceClassifier.labels.forEach((key, i) => {
      const fits = learnable(key) && adviceFile[key]?.dangers.some((d) => dangers.includes(d));
      if (fits && (!best || (odds[i] as number) > best.odds)) best = { key, odds: odds[i] as number };
    });
    return best && { ...best, oddsOf };
  }

  // Words that only call for help: a message made of nothing else is a cry.
  const cryWords = new Set<string>();
  for (const l of Object.values(kb.lexicon.danger.locales))
    for (const c of ["distress", "alarm", "now"] as const) for (const p of l.context[c] ?? []) for (const w of p.split(/[\s|]+/)) if (w && !/[*&{]/.test(w)) cryWords.add(w);

  /** The classifier's view: the emergency score (odds against "nothing to report") and its kinds, most likely first. */
  function modelView(features: readonly string[]): { score: number; kinds: DangerKind[] } {
    if (!classifier) return { score: 0, kinds: [] };
    const odds = classifier.odds(features);
    const score = -(odds[0] as number);
    const ranked = classifier.labels
      .map((label, i) => ({ label, odds: odds[i] as number }))
      .filter((x, i) => i > 0 && (dangerKinds as readonly string[]).includes(x.label))
      .sort((a, b) => b.odds - a.odds);
    // The kinds it believes in, or at least its best guess: advice for the likeliest danger beats none.
    const believed = ranked.filter((x) => x.odds >= KIND_ODDS);
    const kinds = (believed.length ? believed : ranked.slice(0, 1)).map((x) => x.label as DangerKind);
    return { score, kinds };
  }

  function isCry(tokens: string[], signals: DangerSignals): boolean {
    return tokens.length > 0 && tokens.length <= MAX_WORDS_OF_A_CRY && (signals.context.has("distress") || signals.context.has("alarm")) && tokens.every((t) => cryWords.has(t));
  }

  return (text, locale, policy = TRIAGE_POLICY) => {
    const tokens = triageWords(text, spell(locale));
    const signals = signalsOf(tokens, locale);
    const features = messageFeatures(text, tokens, signals);
    const model = modelView(features);
    const has = (c: TriageContext) => signals.context.has(c);
    // "No es urgente, solo pa saber": "ayuda" or "urgente" in the same message is not a cry for help.
    const notUrgent = has("notUrgent");
    const alarm = has("alarm") && !notUrgent;
    const evidence: TriageEvidence = {
      strong: signals.strong.length > 0,
      weak: signals.weak.length > 0,
      uncancellable: signals.strong.some((k) => NEVER_CANCELLED.has(k)) || isCry(tokens, signals),
      alarm,
      calm: (CALM_CONTEXTS.some(has) || notUrgent) && !(NOW_CONTEXTS.some(has) || alarm),
      question: /[?¿]/.test(text) || has("question"),
      distress: has("distress") && !notUrgent,
      cannotTalk: has("cannotTalk"),
      score: classifier ? model.score : undefined,
    };
    const urgency = decide(evidence, policy);
    const because = [
      ...signals.strong.map((k) => `strong:${k}`),
      ...signals.weak.map((k) => `weak:${k}`),
      ...(evidence.uncancellable ? ["uncancellable"] : []),
      ...(evidence.alarm ? ["alarm"] : []),
      ...(evidence.calm ? ["calm"] : []),
    ];

    // A danger no context cancels (self-harm) leads: its advice is the most urgent one.
    const strong = [...signals.strong.filter((k) => NEVER_CANCELLED.has(k)), ...signals.strong.filter((k) => !NEVER_CANCELLED.has(k))];
    const dangers = urgency === "none" ? [] : [...new Set([...strong, ...model.kinds, ...signals.weak])];
    const advice = urgency === "none" ? [] : adviceFor(dangers, signals.advice, features, signals.context);
    return { urgency, dangers, advice, cannotTalk: evidence.cannotTalk, because, evidence, score: model.score };
  };
}
