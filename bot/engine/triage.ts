// Ships to the browser too (pure engine). Safety triage, run on every message before anything
// else: is someone in danger NOW? The vocabulary is data (content/bot/danger.yaml): situations
// are verbs and states ("nos tienen encerrados"), not topic words, so "what are the risks of
// kidnapping?" is a question, not an emergency; "notNow" words (a past story, a "what if", a
// question about risks) cancel a situation unless the message also says it is happening now.
// Situations are checked in every language, because a wrong language guess must never hide a danger.
import type { KnowledgeBase } from "./types";
import { compilePhrases, findInEach, type Phrase } from "./phrases";

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

  // Every list of every language, checked in one pass per message; `at` says where each list's answer is.
  const lists: Phrase[][] = [];
  const listAt = (phrases: Phrase[]) => lists.push(phrases) - 1;
  const at = locales.map((l) => ({
    alarm: listAt(l.alarm),
    situations: l.situations.map(([cat, phrases]) => [cat, listAt(phrases)] as const),
    now: listAt(l.now),
    distress: listAt(l.distress),
    notNow: listAt(l.notNow),
  }));

  return (tokens) => {
    const found = findInEach(lists, tokens);
    const categories: string[] = [];
    let urgent = false;
    let cancelled = false;
    let alarm = false;
    for (const l of at) {
      if (!alarm && found[l.alarm]) alarm = true;
      for (const [cat, i] of l.situations) if (!categories.includes(cat) && found[i]) categories.push(cat);
      if (!urgent && (found[l.now] || found[l.distress])) urgent = true;
      if (!cancelled && found[l.notNow]) cancelled = true;
    }
    if (categories.length === 0) {
      if (alarm && !cancelled) return { emergency: true, categories: [] };
      const onlyDistress = tokens.length > 0 && tokens.length <= 6 && tokens.every((t) => distressWords.has(t)) && at.some((l) => found[l.distress]);
      return { emergency: onlyDistress, categories: [] };
    }
    const emergency = categories.some((c) => NEVER_CANCELLED.has(c)) || !cancelled || urgent;
    return { emergency, categories };
  };
}
