// Ships to the browser too (pure engine: no I/O, no Botkit). The bot's answering engine:
// createEngine(kb).reply(state, input) → reply text, language, emergency flag, ranked guides,
// resources and the new conversation state. Order of work: language, safety triage, commands,
// then answers from the guides.
import type { ConversationState, Engine, EngineInput, EngineReply, KnowledgeBase, QuickReply } from "./types";
import type { KbGuide, KbResource } from "../../src/lib/kb";
import { MAX_MESSAGE_CHARS, tokenize } from "../../src/lib/nlp/text";
import { buildLanguageModel, detectLanguage } from "./language";
import { createTriage, type TriageResult } from "./triage";
import { createRetriever, type GuideHit } from "./retrieve";
import { createCommands, type Command } from "./commands";
import { createResources, card, resourceLine } from "./resources";
import { createStrings } from "./strings";
import { excerpt, guidePath, join, resourceBlock } from "./compose";

export type { Engine, EngineInput, EngineReply, ConversationState, KnowledgeBase };

/** At most this many pieces of advice after the emergency numbers (besides "cannot talk"): a phone screen, a person in danger. */
const MAX_ADVICE = 2;
/** A guide must match at least this share of the message's meaningful words to be an answer. */
const MIN_COVERAGE = 0.25;
const MIN_SCORE = 1;

export function createEngine(kb: KnowledgeBase): Engine {
  const t = createStrings(kb);
  const model = buildLanguageModel(kb);
  const triage = createTriage(kb);
  const retriever = createRetriever(kb);
  const commands = createCommands(kb);
  const resources = createResources(kb);
  const source = kb.sourceLocale;
  // Lookups every message needs, worked out once here rather than by scanning the guides each time.
  const guideAt = new Map<string, KbGuide>();
  for (const g of kb.guides) if (!guideAt.has(`${g.locale}\n${g.id}`)) guideAt.set(`${g.locale}\n${g.id}`, g);
  const guideIn = (id: string, locale: string): KbGuide | undefined => guideAt.get(`${locale}\n${id}`);
  const guide = (id: string, locale: string): KbGuide | undefined => guideIn(id, locale) ?? guideIn(id, source);
  /** The first source-language guide whose main topic is this one. */
  const topicGuide = new Map<string, string>();
  for (const g of kb.guides) if (g.locale === source && g.topics[0] !== undefined && !topicGuide.has(g.topics[0])) topicGuide.set(g.topics[0], g.id);
  const emergencyGuideId = topicGuide.get("emergency");
  const staffLocales = new Set(kb.guides.filter((g) => g.audience === "staff").map((g) => g.locale));
  const localeCodes = new Set(kb.locales.map((l) => l.code));
  const validCountry = (c: string | undefined) => (c && resources.countryCodes.includes(c.toUpperCase()) ? c.toUpperCase() : undefined);

  function chooseLocale(text: string, tokens: string[], state: ConversationState, input: EngineInput): string {
    const known = (l: string | undefined) => (l && model.locales.includes(l) ? l : undefined);
    const prior = known(state.locale) ?? known(input.locale);
    const found = detectLanguage(model, text, prior, tokens);
    if (!found) return prior ?? source;
    const short = tokens.length < 3;
    // "ok", "si", "GT": too short to change the conversation's language (the switch commands
    // can); "hola" or "merci" alone are clear enough.
    if (prior && found.locale !== prior && (found.known === 0 || (short && found.margin < 2))) return prior;
    // A coin toss on a word or two with nothing to go on: the source language, most people's.
    if (!prior && short && (found.known === 0 || found.margin < 0.3)) return source;
    return found.locale;
  }

  function unaccompaniedChild(state: ConversationState): boolean {
    return state.under18 === true && state.alone === true;
  }

  function base(state: ConversationState, locale: string): EngineReply {
    return { text: "", locale, emergency: false, urgency: "none", dangers: [], guides: [], resources: [], cards: [], links: [], quickReplies: [], state, erased: false };
  }

  function withResources(reply: EngineReply, list: KbResource[]): void {
    for (const r of list) {
      if (reply.resources.includes(r.id)) continue;
      reply.resources.push(r.id);
      reply.cards.push(card(r));
    }
  }

  const qr = (locale: string, key: string, text: string): QuickReply => ({ label: t(locale, key), text });
  const standardReplies = (locale: string): QuickReply[] => [qr(locale, "bot.qr.emergency", "#emergency"), qr(locale, "bot.qr.human", "#human"), qr(locale, "bot.qr.erase", "#erase")];

  /** Ranked answers: own language first; otherwise any language with the guide shown in the source language. */
  function answer(text: string, locale: string, boostTopics: string[], state: ConversationState): { hits: GuideHit[]; fallback: boolean } {
    const tokens = text === current.text ? current.tokens : tokenize(text);
    const staff = commands.staff(tokens);
    const adjust = (hits: GuideHit[]) =>
      hits
        .map((h) => {
          let score = h.score;
          const g = guide(h.guide, source);
          const topics = g?.topics ?? [];
          if (boostTopics.some((x) => topics.includes(x as never))) score *= 1.5;
          if (unaccompaniedChild(state) && topics.includes("travelling-alone")) score *= 1.2;
          // Staff guides answer staff; children and families come first otherwise.
          if (g?.audience === "staff") score *= staff ? 1.8 : 0.6;
          return { ...h, score };
        })
        .sort((a, b) => b.score - a.score);
    // Long messages carry many words no guide has: two matched words are enough there.
    const good = (h: GuideHit | undefined) => Boolean(h && h.matched >= 1 && (h.coverage >= MIN_COVERAGE || h.matched >= 2) && h.score >= MIN_SCORE);
    // Another language's guides must match much better: shared words across languages are often chance.
    const goodElsewhere = (h: GuideHit) => good(h) && ((h.coverage >= 0.4 && h.matched >= 2) || h.coverage >= 0.5);
    const keep = (hits: GuideHit[]) => hits.filter((h) => h.score >= (hits[0]?.score ?? 0) * 0.3);
    // A guide far below the best match is chance, even when it shares two words with the message.
    const strong = (hits: GuideHit[], ok: (h: GuideHit) => boolean) => hits.filter((h) => ok(h) && h.score >= (hits[0]?.score ?? 0) * 0.3);
    const own = strong(adjust(retriever.search(text, locale, false, tokens)), good);
    const staffHere = staffLocales.has(locale);
    if (good(own[0]) && !(staff && !staffHere)) return { hits: keep(own), fallback: false };
    let best: GuideHit[] = [];
    let staffHit: GuideHit | undefined;
    for (const other of retriever.locales) {
      if (other === locale) continue;
      const all = adjust(retriever.search(text, other, true, tokens));
      const hits = strong(all, goodElsewhere);
      if (hits[0] && hits[0].score > (best[0]?.score ?? 0)) best = hits;
      // Staff writing in a language without staff guides: the staff guides of another language.
      if (staff && !staffHere) {
        const s = all.find((h) => good(h) && guide(h.guide, source)?.audience === "staff");
        if (s && s.score > (staffHit?.score ?? 0)) staffHit = s;
      }
    }
    if (good(own[0])) {
      const hits = keep(own);
      return staffHit ? { hits: [staffHit, ...hits.filter((h) => h.guide !== staffHit.guide)], fallback: true } : { hits, fallback: false };
    }
    if (staffHit && !best.some((h) => h.guide === staffHit.guide)) best = [staffHit, ...best];
    if (best.length === 0) return { hits: [], fallback: false };
    const top = best[0] as GuideHit;
    return { hits: keep(best), fallback: !guideIn(top.guide, locale) };
  }

  function privacyFirst(reply: EngineReply, state: ConversationState): void {
    if (state.greeted) return;
    reply.text = join(reply.text, t(reply.locale, "bot.privacy"));
    state.greeted = true;
  }

  /** The advice texts for a danger (content/bot/emergencies.yaml): "cannot talk" first, then the most specific one or two. */
  function adviceFor(tri: Pick<TriageResult, "advice" | "cannotTalk">, locale: string): { texts: string[]; kinds: string[] } {
    const advice = kb.lexicon.emergencies.advice;
    const keys = [...(tri.cannotTalk ? ["cannot-talk"] : []), ...tri.advice.filter((k) => k !== "cannot-talk").slice(0, MAX_ADVICE)];
    const chosen = keys.map((k) => advice[k]).filter((a): a is NonNullable<typeof a> => Boolean(a));
    return {
      texts: chosen.map((a) => a.text[locale] ?? a.text[source] ?? "").filter(Boolean),
      kinds: [...new Set(chosen.flatMap((a) => a.lines))],
    };
  }

  function emergencyReply(text: string, state: ConversationState, locale: string, tri: Pick<TriageResult, "dangers" | "advice" | "cannotTalk">): EngineReply {
    const reply = base(state, locale);
    reply.emergency = true;
    reply.urgency = "emergency";
    reply.dangers = [...tri.dangers];
    const rank = { unaccompaniedChild: unaccompaniedChild(state) };
    const country = validCountry(state.country);
    const { texts, kinds } = adviceFor(tri, locale);
    let numbers: string;
    const dangerTopics = tri.dangers.flatMap((c) => kb.lexicon.danger.kinds[c as keyof typeof kb.lexicon.danger.kinds]?.topics ?? []).filter((x) => x !== "emergency");
    if (country) {
      const list = resources.emergency(country, rank);
      // Plus the country's line for this danger (a crisis line, the anti-trafficking line, ...).
      for (const r of resources.ofKinds(country, kinds)) if (!list.includes(r)) list.push(r);
      withResources(reply, list);
      numbers = resourceBlock(t(locale, "bot.emergency.numbers", { country: resources.countryName(country, locale) }), list);
    } else {
      const lines = resources.countryCodes.map((code) => {
        const list = resources.emergency(code, rank);
        withResources(reply, list);
        return `• ${resources.countryName(code, locale)}: ${[...new Set(list.map((r) => r.phones[0]?.number))].join(" / ")}`;
      });
      numbers = [t(locale, "bot.emergency.allCountries"), ...lines].join("\n");
    }
    const boost = ["emergency", ...dangerTopics];
    const { hits } = answer(text, locale, boost, state);
    // After the emergency guide: the guides of the danger's topics (danger.yaml), then what the words matched.
    const topical = boost
      .filter((x) => x !== "emergency")
      .map((x) => topicGuide.get(x))
      .filter((id): id is string => Boolean(id));
    const ids = [...new Set([...(emergencyGuideId ? [emergencyGuideId] : []), ...topical.slice(0, 1), ...hits.map((h) => h.guide), ...topical])].slice(0, 3);
    reply.guides = ids;
    const help = emergencyGuideId ? guide(emergencyGuideId, locale) : undefined;
    let more = "";
    if (help) {
      more = `${help.title}: ${help.url}`;
      reply.links.push({ title: help.title, url: help.url });
    }
    reply.text = join(numbers, t(locale, "bot.emergency.calm"), ...texts, more);
    if (emergencyGuideId) state.lastTopic = emergencyGuideId;
    delete state.dangers;
    reply.quickReplies = [qr(locale, "bot.qr.human", "#human"), qr(locale, "bot.qr.erase", "#erase")];
    if (!country) reply.quickReplies.unshift(...countryReplies(locale).slice(0, 8));
    privacyFirst(reply, state);
    return reply;
  }

  /** One line for the confirm step: "Are you in danger right now? Call 911." with the country's number(s). */
  function dangerQuestion(state: ConversationState, locale: string, reply: EngineReply): string {
    const country = validCountry(state.country);
    const codes = country ? [country] : resources.countryCodes;
    const rank = { unaccompaniedChild: unaccompaniedChild(state) };
    const numbers = codes.map((code) => {
      const first = resources.emergency(code, rank).filter((r) => r.kind === "emergency")[0] ?? resources.emergency(code, rank)[0];
      if (first) withResources(reply, [first]);
      const number = first?.phones[0]?.number ?? "";
      return country ? number : `${code} ${number}`;
    });
    return t(locale, "bot.check.question", { numbers: [...new Set(numbers)].filter(Boolean).join(" · ") });
  }

  /** The confirm step for the uncertain middle: one line with the number, then the usual answer, and two buttons. */
  function withDangerCheck(reply: EngineReply, tri: TriageResult): EngineReply {
    const locale = reply.locale;
    const state = reply.state;
    reply.urgency = "check";
    reply.dangers = [...tri.dangers];
    reply.text = join(dangerQuestion(state, locale, reply), reply.text);
    state.pending = "danger";
    state.dangers = [...tri.dangers];
    reply.quickReplies = [qr(locale, "bot.qr.dangerYes", "#danger-yes"), qr(locale, "bot.qr.dangerNo", "#danger-no"), ...reply.quickReplies.filter((q) => q.text !== "#emergency").slice(0, 3)];
    return reply;
  }

  /** "Yes, I'm in danger" after the confirm step: the emergency reply for what the message hinted at. */
  function confirmedDanger(text: string, state: ConversationState, locale: string): EngineReply {
    const dangers = (state.dangers ?? []).filter((d): d is TriageResult["dangers"][number] => (kb.lexicon.danger.kinds as Record<string, unknown>)[d] !== undefined);
    const advice = dangers.map((d) => kb.lexicon.danger.kinds[d]?.advice).filter((a): a is string => Boolean(a));
    delete state.pending;
    return emergencyReply(text, state, locale, { dangers, advice, cannotTalk: false });
  }

  function countryReplies(locale: string): QuickReply[] {
    return [
      ...resources.countryCodes.map((code) => ({ label: resources.countryName(code, locale), text: `#country-${code}` })),
      qr(locale, "bot.qr.skip", "#country-skip"),
    ];
  }

  function humanReply(state: ConversationState, locale: string): EngineReply {
    const reply = base(state, locale);
    const country = validCountry(state.country);
    const rank = { unaccompaniedChild: true };
    const parts = [t(locale, "bot.human")];
    if (country) {
      const hubs = resources.hubs(country).filter((h) => h.address);
      for (const h of hubs.slice(0, 1)) parts.push(`• ${h.name}: ${h.address}${h.hours ? ` (${h.hours})` : ""}`);
      const list = resources.emergency(country, rank).filter((r) => r.kind === "child-protection");
      withResources(reply, list);
      parts.push(...list.map((r) => `• ${resourceLine(r)}`));
    } else {
      for (const code of resources.countryCodes) {
        const list = resources.emergency(code, rank).filter((r) => r.kind === "child-protection").slice(0, 1);
        withResources(reply, list);
        if (list[0]) parts.push(`• ${resources.countryName(code, locale)}: ${list[0].phones[0]?.number}`);
      }
    }
    reply.text = parts.join("\n");
    reply.quickReplies = [qr(locale, "bot.qr.emergency", "#emergency"), qr(locale, "bot.qr.erase", "#erase")];
    privacyFirst(reply, state);
    return reply;
  }

  function topicsLine(locale: string): string {
    const titles = kb.guides.filter((g) => g.locale === locale && g.audience !== "staff").map((g) => g.title);
    const list = titles.length ? titles : kb.guides.filter((g) => g.locale === source && g.audience !== "staff").map((g) => g.title);
    return t(locale, "bot.topics", { topics: list.slice(0, 8).join(" · ") });
  }

  function helpLine(state: ConversationState, locale: string, reply: EngineReply): string {
    const country = validCountry(state.country);
    const rank = { unaccompaniedChild: unaccompaniedChild(state) };
    if (country) {
      const list = resources.emergency(country, rank);
      withResources(reply, list);
      return resourceBlock(t(locale, "bot.helpLine"), list);
    }
    const lines = resources.countryCodes.map((code) => {
      const list = resources.emergency(code, rank).slice(0, 1);
      withResources(reply, list);
      return `• ${resources.countryName(code, locale)}: ${list[0]?.phones[0]?.number ?? ""}`;
    });
    return [t(locale, "bot.helpLine"), ...lines].join("\n");
  }

  function guideAnswer(text: string, state: ConversationState, locale: string): EngineReply {
    const reply = base(state, locale);
    const { hits, fallback } = answer(text, locale, [], state);
    const top = hits[0];
    const shown = top ? (fallback ? guide(top.guide, source) : guide(top.guide, locale)) : undefined;
    if (!top || !shown) {
      reply.text = join(t(locale, "bot.noMatch"), topicsLine(locale), helpLine(state, locale, reply));
      reply.quickReplies = standardReplies(locale);
      privacyFirst(reply, state);
      return reply;
    }
    reply.guides = hits.slice(0, 3).map((h) => h.guide);
    // The section index belongs to the language that matched; when the text shown is another
    // language, take the same section position (translations keep the structure).
    const part = excerpt(shown, top.section);
    reply.links.push({ title: shown.title, url: shown.url });
    const topics = shown.topics;
    const country = validCountry(state.country);
    const rank = { unaccompaniedChild: unaccompaniedChild(state) };
    const list = resources.forTopics(country, topics, rank);
    withResources(reply, list);
    const where = country ? t(locale, "bot.resources", { country: resources.countryName(country, locale) }) : t(locale, "bot.resourcesRegional");
    let ask = "";
    if (!state.country && !country && !state.askedCountry) {
      ask = t(locale, "bot.askCountry");
      state.pending = "country";
      state.askedCountry = true;
      reply.quickReplies = countryReplies(locale);
    } else if (!state.askedParticularities && state.under18 === undefined) {
      ask = t(locale, "bot.askParticularities");
      state.pending = "particularities";
      state.askedParticularities = true;
      reply.quickReplies = [
        qr(locale, "bot.qr.under18Alone", "#under18-alone"),
        qr(locale, "bot.qr.under18Family", "#under18-family"),
        qr(locale, "bot.qr.adult", "#adult"),
        qr(locale, "bot.qr.skip", "#skip"),
      ];
    } else {
      reply.quickReplies = standardReplies(locale);
    }
    reply.text = join(fallback ? t(locale, "bot.fallback") : "", `${part.text}\n${shown.title}: ${guidePath(shown, part.anchor)}`, resourceBlock(where, list), ask);
    state.lastTopic = top.guide;
    privacyFirst(reply, state);
    return reply;
  }

  function confirm(state: ConversationState, locale: string, key: string, vars?: Record<string, string>): EngineReply {
    const reply = base(state, locale);
    // After a country or particularities answer, re-answer the last topic with the right resources.
    if (state.lastTopic && key !== "bot.languageSet") {
      const g = guide(state.lastTopic, locale);
      if (g) {
        const rank = { unaccompaniedChild: unaccompaniedChild(state) };
        const country = validCountry(state.country);
        const list = resources.forTopics(country, g.topics, rank);
        withResources(reply, list);
        reply.guides = [g.id];
        reply.links.push({ title: g.title, url: g.url });
        const where = country ? t(locale, "bot.resources", { country: resources.countryName(country, locale) }) : t(locale, "bot.resourcesRegional");
        reply.text = join(t(locale, key, vars), resourceBlock(where, list), `${g.title}: ${g.url}`);
      }
    }
    if (!reply.text) reply.text = join(t(locale, key, vars), key === "bot.languageSet" ? topicsLine(locale) : "");
    reply.quickReplies = standardReplies(locale);
    privacyFirst(reply, state);
    return reply;
  }

  function runCommand(cmd: Command, state: ConversationState, locale: string, text: string): EngineReply | undefined {
    switch (cmd.kind) {
      case "erase":
        return { ...base({}, locale), text: t(locale, "bot.erased"), erased: true };
      case "human":
        delete state.pending;
        return humanReply(state, locale);
      case "emergency":
        return emergencyReply(text, state, locale, { dangers: [], advice: [], cannotTalk: false });
      case "danger":
        if (cmd.yes) return confirmedDanger(text, state, locale);
        delete state.pending;
        delete state.dangers;
        return confirm(state, locale, "bot.check.no");
      case "language":
        state.locale = cmd.locale;
        return confirm(state, cmd.locale, "bot.languageSet");
      case "country":
        delete state.pending;
        state.country = cmd.country;
        if (cmd.country === "skip") return confirm(state, locale, "bot.skipped");
        return confirm(state, locale, "bot.countrySet", { country: resources.countryName(cmd.country, locale) });
      case "skip":
        if (state.pending === "country") state.country = "skip";
        delete state.pending;
        return confirm(state, locale, "bot.skipped");
      case "particularities":
        delete state.pending;
        state.under18 = cmd.under18;
        if (cmd.alone !== undefined) state.alone = cmd.alone;
        return confirm(state, locale, "bot.thanksForAnswer");
    }
  }

  /** The message being answered and its words, so they are split once per message. */
  let current: { text: string; tokens: string[] } = { text: "", tokens: [] };

  function reply(previous: ConversationState | undefined, input: EngineInput): EngineReply {
    const state: ConversationState = { ...(previous ?? {}) };
    const text = typeof input?.text === "string" ? input.text.slice(0, MAX_MESSAGE_CHARS) : "";
    const tokens = tokenize(text);
    current = { text, tokens };
    const given = validCountry(input?.country);
    if (given) state.country = given;

    const code = commands.code(text);
    if (code?.kind === "language") state.locale = code.locale;
    // A stored or given locale the knowledge base doesn't have is ignored, never echoed back.
    if (state.locale && !localeCodes.has(state.locale)) delete state.locale;
    const locale = code || tokens.length === 0 ? (state.locale ?? (input?.locale && model.locales.includes(input.locale) ? input.locale : source)) : chooseLocale(text, tokens, state, input ?? { text });
    state.locale = locale;

    // Safety first: a danger in the message outranks everything else, even a pending question.
    const tri = code ? undefined : triage(text, locale);
    if (tri?.urgency === "emergency") {
      const mentioned = commands.country(tokens);
      if (mentioned && !validCountry(state.country)) state.country = mentioned;
      Object.assign(state, definedOnly(commands.particularities(tokens)));
      delete state.pending;
      return emergencyReply(text, state, locale, tri);
    }
    // "Are you in danger right now?" answered in words: yes is the emergency reply, no goes on.
    if (!code && state.pending === "danger") {
      const ans = commands.answer(tokens);
      if (ans === "yes") return confirmedDanger(text, state, locale);
      delete state.pending;
      delete state.dangers;
      if (ans === "no") return confirm(state, locale, "bot.check.no");
    }
    const answered = answerMessage(code, tokens, text, state, locale, input);
    return tri?.urgency === "check" && !answered.emergency && !answered.erased ? withDangerCheck(answered, tri) : answered;
  }

  function answerMessage(code: Command | undefined, tokens: string[], text: string, state: ConversationState, locale: string, input: EngineInput): EngineReply {
    if (code) return runCommand(code, state, locale, text) ?? guideAnswer(text, state, locale);
    const spoken = commands.spoken(tokens);
    if (spoken) return runCommand(spoken, state, spoken.kind === "language" ? spoken.locale : locale, text) ?? guideAnswer(text, state, locale);

    if (state.pending === "country") {
      const country = commands.country(tokens);
      const ans = commands.answer(tokens);
      if (country && tokens.length <= 4) return runCommand({ kind: "country", country }, state, locale, text) ?? guideAnswer(text, state, locale);
      if (ans === "skip" || ans === "no") return runCommand({ kind: "country", country: "skip" }, state, locale, text) ?? guideAnswer(text, state, locale);
      delete state.pending;
    }
    if (state.pending === "particularities") {
      const said = commands.particularities(tokens);
      const ans = commands.answer(tokens);
      if (said.under18 !== undefined || said.alone !== undefined || ans) {
        delete state.pending;
        if (ans === "yes") Object.assign(state, { under18: true, alone: true });
        Object.assign(state, definedOnly(said));
        if (ans === "skip" || ans === "no" || tokens.length <= 6) return confirm(state, locale, ans === "skip" ? "bot.skipped" : "bot.thanksForAnswer");
      } else delete state.pending;
    }

    const mentioned = commands.country(tokens);
    if (mentioned && !validCountry(state.country)) state.country = mentioned;
    Object.assign(state, definedOnly(commands.particularities(tokens)));

    const small = commands.smallTalk(tokens);
    if (small) {
      // "Thanks, that was helpful!" is small talk; "hola, como pido asilo" is a question.
      const rest = commands.withoutSmallTalk(tokens);
      if (small === "identity" || retriever.topicWords(rest, locale) < 2) {
        const r = base(state, locale);
        r.text = join(t(locale, `bot.${small}`), small === "greeting" ? topicsLine(locale) : "");
        r.quickReplies = standardReplies(locale);
        privacyFirst(r, state);
        return r;
      }
    }
    return guideAnswer(text, state, locale);
  }

  return {
    reply(state, input) {
      try {
        return reply(state, input);
      } catch {
        // Never a crash or a stack trace in front of a person: a calm reply with the help line.
        const locale = state?.locale ?? source;
        const r = base({ ...(state ?? {}) }, locale);
        r.text = join(t(locale, "bot.noMatch"), helpLine(r.state, locale, r));
        return r;
      }
    },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
