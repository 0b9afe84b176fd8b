// Ships to the browser too (pure). The danger concepts of content/bot/danger.yaml, found in a
// message: which dangers its words name strongly or only hint at, which advice they call for, and
// what the message says about time and manner (now, a past story that is over, a "what if", a
// joke, someone who cannot talk). Every language's lists are checked on every message, because a
// wrong guess of the language must never hide a danger. The triage stage (bot/engine/triage.ts)
// decides with these signals and the classifier; the build uses them as classifier features.
import { dangerKinds, triageContexts, type BotDanger, type DangerKind, type TriageContext } from "../schemas";
import { compilePhrases, findInEach, type Phrase } from "./phrases";

export interface DangerSignals {
  /** Danger kinds named by a strong phrase, in the order of `dangerKinds`. */
  strong: DangerKind[];
  /** Danger kinds only hinted at (weak cues), not already strong. */
  weak: DangerKind[];
  /** Advice keys (content/bot/emergencies.yaml) whose phrases occur. */
  advice: string[];
  /** What the message says about time and manner. */
  context: Set<TriageContext>;
}

/**
 * Signals of a message. Dangers are looked for in every language; the context (a past story, a
 * "what if", a joke...) only in the message's own language when it has context lists: a word that
 * cancels a danger in one language ("k" laughs in Portuguese, "si" is "yes" in Spanish) must not
 * cancel it in another.
 */
export type SignalFinder = (tokens: string[], locale?: string) => DangerSignals;

export function compileDangerSignals(danger: BotDanger): SignalFinder {
  // Every list of every language in one array, checked in one indexed pass per message.
  const lists: Phrase[][] = [];
  const slots: { what: "strong" | "weak"; kind: DangerKind; at: number }[] = [];
  const adviceSlots: { key: string; at: number }[] = [];
  const contextSlots: { context: TriageContext; at: number; locale: string }[] = [];
  const add = (phrases: readonly string[] | undefined) => lists.push(compilePhrases(phrases)) - 1;
  for (const [locale, l] of Object.entries(danger.locales)) {
    for (const kind of dangerKinds) {
      const words = l.dangers[kind];
      if (!words) continue;
      slots.push({ what: "strong", kind, at: add(words.strong) }, { what: "weak", kind, at: add(words.weak) });
    }
    for (const [key, phrases] of Object.entries(l.advice)) adviceSlots.push({ key, at: add(phrases) });
    for (const context of triageContexts) contextSlots.push({ context, at: add(l.context[context]), locale });
  }
  const hasContext = new Set(contextSlots.filter((s) => lists[s.at]?.length).map((s) => s.locale));
  return (tokens, locale) => {
    const found = findInEach(lists, tokens);
    const own = locale !== undefined && hasContext.has(locale);
    const strong = new Set<DangerKind>();
    const weak = new Set<DangerKind>();
    for (const s of slots) if (found[s.at]) (s.what === "strong" ? strong : weak).add(s.kind);
    const advice = [...new Set(adviceSlots.filter((s) => found[s.at]).map((s) => s.key))];
    const context = new Set(contextSlots.filter((s) => found[s.at] && (!own || s.locale === locale)).map((s) => s.context));
    return {
      strong: dangerKinds.filter((k) => strong.has(k)),
      weak: dangerKinds.filter((k) => weak.has(k) && !strong.has(k)),
      advice,
      context,
    };
  };
}

/** Contexts that only choose among advice (content/bot/emergencies.yaml `needs`, `unless`): not features of the danger. */
const ADVICE_ONLY_CONTEXTS: ReadonlySet<TriageContext> = new Set(["remote", "money", "self", "carer", "relative", "water", "coming", "near", "outside", "taken", "sexAsked"]);

/** The signals as classifier features ("strong:held", "ctx:pastOver", ...). */
export function signalFeatures(s: DangerSignals): string[] {
  return [...s.strong.map((k) => `strong:${k}`), ...s.weak.map((k) => `weak:${k}`), ...[...s.context].filter((c) => !ADVICE_ONLY_CONTEXTS.has(c)).map((c) => `ctx:${c}`)];
}
