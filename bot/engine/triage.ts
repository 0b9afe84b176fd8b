// Ships to the browser too (pure engine). Safety triage, run on every message before anything
// else: is someone in danger NOW? The vocabulary is data (content/bot/danger.yaml): situations
// are verbs and states ("nos tienen encerrados"), not topic words, so "what are the risks of
// kidnapping?" is a question, not an emergency; "notNow" words (a past story, a "what if", a
// question about risks) cancel a situation unless the message also says it is happening now.
// Situations are checked in every language, because a wrong language guess must never hide a danger.
import type { KnowledgeBase } from "./types";
import { compilePhrases, findPhrase, type Phrase } from "./phrases";

export interface TriageResult {
  emergency: boolean;
  /** Danger categories found (keys of danger.yaml categories), most specific first. */
  categories: string[];
}

interface LocaleDanger {
  situations: [string, Phrase[]][];
  distress: Phrase[];
  alarm: Phrase[];
  now: Phrase[];
  notNow: Phrase[];
}

/** Categories that no "notNow" word can cancel. */
const NEVER_CANCELLED = new Set(["self-harm"]);

export function createTriage(kb: KnowledgeBase): (tokens: string[]) => TriageResult {
  const locales: LocaleDanger[] = Object.values(kb.lexicon.danger.locales).map((d) => ({
    situations: Object.entries(d.situations).map(([cat, list]) => [cat, compilePhrases(list)] as [string, Phrase[]]),
    distress: compilePhrases(d.distress),
    alarm: compilePhrases(d.alarm),
    now: compilePhrases(d.now),
    notNow: compilePhrases(d.notNow),
  }));
  // Words that only call for help ("¡ayuda, por favor!"): a message made of nothing else is an emergency.
  const distressWords = new Set(locales.flatMap((l) => [...l.distress, ...l.now].flatMap((p) => p.parts.flat().map((m) => (m.kind === "word" ? m.word : "")))));
  distressWords.delete("");

  return (tokens) => {
    const categories: string[] = [];
    let urgent = false;
    let cancelled = false;
    let alarm = false;
    for (const l of locales) {
      if (!alarm && findPhrase(l.alarm, tokens)) alarm = true;
      for (const [cat, phrases] of l.situations) if (!categories.includes(cat) && findPhrase(phrases, tokens)) categories.push(cat);
      if (!urgent && (findPhrase(l.now, tokens) || findPhrase(l.distress, tokens))) urgent = true;
      if (!cancelled && findPhrase(l.notNow, tokens)) cancelled = true;
    }
    if (categories.length === 0) {
      if (alarm && !cancelled) return { emergency: true, categories: [] };
      const onlyDistress = tokens.length > 0 && tokens.length <= 6 && tokens.every((t) => distressWords.has(t)) && locales.some((l) => findPhrase(l.distress, tokens));
      return { emergency: onlyDistress, categories: [] };
    }
    const emergency = categories.some((c) => NEVER_CANCELLED.has(c)) || !cancelled || urgent;
    return { emergency, categories };
  };
}
