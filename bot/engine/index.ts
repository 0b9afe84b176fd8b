// Ships to the browser too (pure engine: no I/O, no Botkit). The bot's answering engine:
// createEngine(kb, options).reply(state, input) → the reply and the new conversation state.
// A pipeline of small named stages, each in its own module:
//   read → language → triage → commands → understanding (where, age, staff) → answer → compose.
// Errors never reach the person: they get a calm reply with the help line, and the error's kind
// (never the message) is reported through options.onError for the hub's counters and log.
import type { ConversationState, Engine, EngineInput, EngineReply, KnowledgeBase } from "./types";
import { MAX_MESSAGE_CHARS, tokenize } from "../../src/lib/nlp/text";
import { buildLanguageModel, chooseLocale } from "./language";
import { createTriage, type TriageResult } from "./triage";
import { createAnswerer, type AnswerChoice } from "./answer";
import { createCommands, type Command } from "./commands";
import { createPlaces } from "./places";
import { createContext, type EngineOptions } from "./context";
import { createComposer, emergencyGuides, type Speaker } from "./compose";

export type { Engine, EngineInput, EngineReply, ConversationState, KnowledgeBase, EngineOptions };

/** A message as the stages read it. */
interface Turn {
  text: string;
  tokens: string[];
  /** A quick-reply code ("#skip", "#country-GT"), if the message is one. */
  code: Command | undefined;
  locale: string;
  state: ConversationState;
  /** The hub the conversation comes from (a hub page or kiosk), if any. */
  hub: string | undefined;
  /** The town or region the message names as where the person is (this reply only, never stored). */
  town?: readonly string[] | undefined;
  /** The triage saw danger signals but is not sure (the reply will open with the confirm step). */
  dangerHint?: boolean;
  /** Who is writing, when the message says: staff about a child they work with, or a parent about their child (this reply only). */
  speaker?: Speaker | undefined;
  /** What this message alone said of the writer's age and company, and what the state held before (this reply only). */
  said?: { now: Pick<ConversationState, "under18" | "alone">; before: ConversationState };
  /** A country we do not serve that the person says they are in (this reply only). */
  elsewhere?: string | undefined;
  /** Every country the message names (this reply only): an answer written for another one is not theirs. */
  named?: readonly string[];
  /** The message has staff's words ("trabajo en un albergue"), once looked for (this reply only). */
  staffWords?: boolean;
}

export function createEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  const ctx = createContext(kb, options);
  const model = buildLanguageModel(kb);
  const triage = createTriage(kb);
  const answerer = createAnswerer(kb);
  const commands = createCommands(kb);
  const whereabouts = createPlaces(kb);
  const compose = createComposer(ctx);

  /** Stage 1: the input as text, words and state; a stored locale or country the knowledge base doesn't have is dropped. */
  function read(previous: ConversationState | undefined, input: EngineInput): Omit<Turn, "locale"> {
    const state: ConversationState = { ...(previous ?? {}) };
    const text = typeof input?.text === "string" ? input.text.slice(0, MAX_MESSAGE_CHARS) : "";
    const given = ctx.validCountry(input?.country);
    if (given) state.country = given;
    const code = commands.code(text);
    if (code?.kind === "language") state.locale = code.locale;
    if (state.locale && !ctx.localeCodes.has(state.locale)) delete state.locale;
    return { text, tokens: tokenize(text), code, state, hub: typeof input?.hub === "string" ? input.hub : undefined };
  }

  /** Stage 2: the language of the reply. */
  function language(turn: Omit<Turn, "locale">, input: EngineInput): string {
    const given = input?.locale && model.locales.includes(input.locale) ? input.locale : undefined;
    if (turn.code || turn.tokens.length === 0) return turn.state.locale ?? given ?? ctx.source;
    return chooseLocale(model, turn.text, turn.tokens, turn.state.locale, given, ctx.source);
  }

  /** Whether the message has staff's words: looked for once per message, however many stages ask. */
  function staffWords(turn: Turn): boolean {
    return (turn.staffWords ??= commands.staff(turn.tokens));
  }

  /** Stage 4: what the message says about the person: where they are and are from, their age, whether they travel alone. */
  function understand(turn: Turn): void {
    const { here, from, town, elsewhere, named } = whereabouts(turn.tokens);
    turn.town = town;
    turn.elsewhere = elsewhere;
    turn.named = named;
    if (here) turn.state.country = here;
    if (from) turn.state.from = from;
    turn.speaker = staffWords(turn) ? "staff" : commands.parent(turn.tokens) ? "parent" : undefined;
    // A parent's or a caseworker's words about a child ("mi hijo de 12 años viene solo") are not about the writer.
    if (turn.speaker) return;
    const now = definedOnly(commands.particularities(turn.tokens, turn.text));
    turn.said = { now, before: { ...turn.state } };
    Object.assign(turn.state, now);
  }

  /**
   * An answer from a guide for staff ("which agencies do we refer a child to") means staff wrote,
   * whatever words the staff list missed: the child it speaks of is not the writer, so what it
   * said of that child's age or company is taken back and the writer is not asked theirs.
   */
  function staffAnswered(turn: Turn, choice: AnswerChoice): void {
    const top = choice.hits[0];
    if (turn.speaker || !choice.confident || !top || ctx.guide(top.guide, turn.locale)?.audience !== "staff") return;
    turn.speaker = "staff";
    if (!turn.said) return;
    const { now, before } = turn.said;
    for (const key of ["under18", "alone"] as const) {
      if (now[key] === undefined) continue;
      const was = before[key];
      if (was === undefined) delete turn.state[key];
      else turn.state[key] = was;
    }
  }

  /** Stage 5: the guide sections that answer the message. */
  function answer(turn: Turn, topics: string[] = []): AnswerChoice {
    return answerer.choose(turn.tokens, turn.locale, { state: turn.state, staff: turn.speaker === "staff" || staffWords(turn), topics, country: ctx.validCountry(turn.state.country), named: turn.named ?? [] });
  }

  function emergency(turn: Turn, tri: Pick<TriageResult, "dangers" | "advice" | "cannotTalk">): EngineReply {
    understand(turn);
    delete turn.state.pending;
    const topics = tri.dangers.flatMap((d) => kb.lexicon.danger.kinds[d]?.topics ?? []);
    const matched = answer(turn, ["emergency", ...topics]).hits.map((h) => h.guide);
    return compose.emergency(turn.state, turn.locale, tri, emergencyGuides(ctx, tri.dangers, matched), { town: turn.town, speaker: turn.speaker, elsewhere: turn.elsewhere });
  }

  /** "Yes, I'm in danger" after the confirm step: the emergency reply for what the message hinted at. */
  function confirmedDanger(turn: Turn): EngineReply {
    const dangers = (turn.state.dangers ?? []).filter((d): d is TriageResult["dangers"][number] => kb.lexicon.danger.kinds[d as TriageResult["dangers"][number]] !== undefined);
    const advice = dangers.map((d) => kb.lexicon.danger.kinds[d]?.advice).filter((a): a is string => Boolean(a));
    delete turn.state.pending;
    return emergency(turn, { dangers, advice, cannotTalk: false });
  }

  /** Stage 3 (commands): quick-reply codes and commands written in words. */
  function run(cmd: Command, turn: Turn): EngineReply {
    const { state, locale } = turn;
    switch (cmd.kind) {
      case "erase":
        return { ...compose.base({}, locale), text: ctx.t(locale, "bot.erased"), erased: true };
      case "human":
        // "Quiero hablar con alguien, estoy en Guatemala": the line of the country said in the same message.
        understand(turn);
        delete state.pending;
        return compose.human(state, locale, turn.hub);
      case "emergency":
        return emergency(turn, { dangers: [], advice: [], cannotTalk: false });
      case "danger":
        if (cmd.yes) return confirmedDanger(turn);
        delete state.pending;
        delete state.dangers;
        return compose.followUp(state, locale, "bot.check.no");
      case "language":
        state.locale = cmd.locale;
        return compose.followUp(state, cmd.locale, "bot.languageSet");
      case "country":
        delete state.pending;
        state.country = cmd.country;
        if (cmd.country === "skip") return compose.followUp(state, locale, "bot.skipped");
        return compose.followUp(state, locale, "bot.countrySet", { country: ctx.resources.countryName(cmd.country, locale) });
      case "skip":
        if (state.pending === "country") state.country = "skip";
        delete state.pending;
        return compose.followUp(state, locale, "bot.skipped");
      case "particularities":
        delete state.pending;
        if (cmd.under18 !== undefined) state.under18 = cmd.under18;
        if (cmd.alone !== undefined) state.alone = cmd.alone;
        return compose.followUp(state, locale, "bot.thanksForAnswer");
      case "guide": {
        const g = ctx.guide(cmd.id, locale);
        if (!g) return compose.noMatch(state, locale);
        const section = Math.max(0, g.sections.findIndex((s) => s.answer));
        return compose.answer(state, locale, { hits: [{ guide: cmd.id, locale: g.locale, score: 1, section, coverage: 1, matched: 1 }], fallback: g.locale !== locale, confident: true });
      }
    }
  }

  /** Answers to the question the bot asked last (a country, the particularities, "are you in danger?"), if this is one. */
  function followUp(turn: Turn): EngineReply | undefined {
    const { state, tokens } = turn;
    const ans = commands.answer(tokens);
    if (state.pending === "danger") {
      delete state.pending;
      if (ans === "yes") return confirmedDanger(turn);
      delete state.dangers;
      if (ans === "no") return compose.followUp(state, turn.locale, "bot.check.no");
    }
    if (state.pending === "country") {
      const { here } = whereabouts(tokens);
      const country = here ?? commands.country(tokens);
      if (country && tokens.length <= 4) return run({ kind: "country", country }, turn);
      if (ans === "skip" || ans === "no") return run({ kind: "country", country: "skip" }, turn);
      delete state.pending;
    }
    if (state.pending === "particularities") {
      const said = commands.particularities(tokens, turn.text);
      if (said.under18 !== undefined || said.alone !== undefined || ans) {
        delete state.pending;
        if (ans === "yes") Object.assign(state, { under18: true, alone: true });
        Object.assign(state, definedOnly(said));
        if (ans === "skip" || ans === "no" || tokens.length <= 6) return compose.followUp(state, turn.locale, ans === "skip" ? "bot.skipped" : "bot.thanksForAnswer");
      } else delete state.pending;
    }
    return undefined;
  }

  function respond(previous: ConversationState | undefined, input: EngineInput): EngineReply {
    const read_ = read(previous, input);
    const turn: Turn = { ...read_, locale: language(read_, input) };
    turn.state.locale = turn.locale;

    // Safety first: a danger in the message outranks everything else, even a pending question.
    const found = turn.code ? undefined : triage(turn.text, turn.locale);
    // Staff asking about a child they work with ("una niña de 12 que viene sola") get their answer
    // with the confirm step first, unless the danger is one no context cancels.
    const staffWriting = found !== undefined && staffWords(turn);
    const staffCase = staffWriting && found?.urgency === "emergency" && !found.evidence.uncancellable;
    const tri = staffCase && found ? { ...found, urgency: "check" as const } : found;
    if (tri?.urgency === "emergency") return emergency(turn, tri);

    turn.dangerHint = tri?.urgency === "check";
    const replied = turn.code ? run(turn.code, turn) : reply(turn);
    return tri?.urgency === "check" && !replied.emergency && !replied.erased ? compose.dangerCheck(replied, tri, { staff: staffWriting }) : replied;
  }

  function reply(turn: Turn): EngineReply {
    const spoken = commands.spoken(turn.tokens);
    if (spoken) return run(spoken, spoken.kind === "language" ? { ...turn, locale: spoken.locale } : turn);
    const asked = followUp(turn);
    if (asked) return asked;
    understand(turn);
    const small = commands.smallTalk(turn.tokens);
    // "Thanks, that was helpful!" is small talk; "hola, como pido asilo" is a question.
    if (small && (small === "identity" || answerer.topicWords(commands.withoutSmallTalk(turn.tokens), turn.locale) < 2)) return compose.smallTalk(turn.state, turn.locale, small);
    const choice = answer(turn);
    // A message with danger signals (the confirm step) is never put aside as being about something else.
    if (choice.offTopic && !turn.dangerHint) return compose.offTopic(turn.state, turn.locale);
    if (choice.hits.length === 0) return compose.noMatch(turn.state, turn.locale);
    staffAnswered(turn, choice);
    const about = { town: turn.town, speaker: turn.speaker, elsewhere: turn.elsewhere };
    return choice.confident ? compose.answer(turn.state, turn.locale, choice, about) : compose.unsure(turn.state, turn.locale, choice);
  }

  return {
    reply(state, input) {
      try {
        return respond(state, input);
      } catch (err) {
        // Never a crash or a stack trace in front of a person: a calm reply with the help line.
        // The hub hears of it, by the error's kind only (its message could quote the input).
        options.onError?.(err instanceof Error ? err.name : typeof err);
        const locale = state?.locale && ctx.localeCodes.has(state.locale) ? state.locale : ctx.source;
        const r = compose.base({ ...(state ?? {}) }, locale);
        r.text = [ctx.t(locale, "bot.noMatch"), compose.helpLine(r, r.state, locale)].join("\n\n");
        return r;
      }
    },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
