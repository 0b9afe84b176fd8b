// Ships to the browser too (pure engine). The compose stage: every kind of reply the engine
// writes (the emergency reply, the confirm step, an answer from a guide, "I am not sure", talk to
// a person, small talk, follow-ups), short enough for a phone screen. Numbers come only from the
// knowledge base (content/resources/); texts from content/i18n and the guides.
import type { ConversationState, EngineReply, QuickReply } from "./types";
import type { KbGuide, KbResource, KbSection } from "../../src/lib/kb";
import type { DangerKind } from "../../src/lib/schemas";
import { sentences } from "../../src/lib/nlp/text";
import type { EngineContext } from "./context";
import type { TriageResult } from "./triage";
import type { AnswerChoice, SectionHit } from "./answer";
import { card, resourceLine } from "./resources";

/** At most this many pieces of advice after the emergency numbers (besides "cannot talk"): a phone screen, a person in danger. */
const MAX_ADVICE = 2;
/** A section quoted without a written answer: at most this many sentences ... */
const MAX_QUOTED_SENTENCES = 3;
/** ... and, past two sentences, at most this many characters. */
const MAX_QUOTED_CHARS = 320;
/**
 * Lines an answer lists where the person is: two for the topic, plus the country's
 * child-protection and emergency lines that every answer carries (resources.forKinds).
 */
const ANSWER_LINES = 4;
/** "I am not sure" offers this many of the closest topics as buttons. */
const CLOSEST_TOPICS = 3;
/** Dangers where an ambulance or rescue line helps more than the police: it is listed first. */
const MEDICAL_DANGERS: ReadonlySet<string> = new Set<DangerKind>(["medical", "environment", "self-harm"]);

export function join(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => Boolean(p && p.trim())).join("\n\n");
}

/** A heading and one line per resource; a line whose numbers are all on an earlier line is left out (each number once). */
export function resourceBlock(heading: string, list: KbResource[]): string {
  const shown = new Set<string>();
  const lines: string[] = [];
  for (const r of list) {
    const numbers = r.phones.slice(0, 2).map((p) => p.number);
    if (numbers.length && numbers.every((n) => shown.has(n))) continue;
    numbers.forEach((n) => shown.add(n));
    lines.push(`• ${resourceLine(r)}`);
  }
  return lines.length ? [heading, ...lines].join("\n") : "";
}

/** A section's text as a short quote: whole sentences, never one that ends on "for example:" with nothing after. */
export function quote(section: KbSection | undefined, guide: KbGuide): string {
  const out: string[] = [];
  for (const s of sentences(section?.text ?? "")) {
    if (out.length >= MAX_QUOTED_SENTENCES || (out.length >= 2 && out.join(" ").length + s.length > MAX_QUOTED_CHARS)) break;
    out.push(s);
  }
  // A sentence that announces a list ("Por ejemplo:") says nothing once the list is cut off.
  while (out.length && /:\s*$/.test(out[out.length - 1] as string)) out.pop();
  return out.join(" ") || guide.summary;
}

const unaccompaniedChild = (state: ConversationState) => state.under18 === true && state.alone === true;

/** Who is writing, when the message says so: a caseworker about a child they work with, or a parent or other adult about a child in their care. */
export type Speaker = "staff" | "parent";

/** What this one message says about the person, beyond the stored state (never stored). */
export interface About {
  /** The town or region they are in, as written. */
  town?: readonly string[] | undefined;
  speaker?: Speaker | undefined;
  /** A country we do not serve that they say they are in. */
  elsewhere?: string | undefined;
}

export function createComposer(ctx: EngineContext) {
  const { t, resources, source, kb } = ctx;

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
  const countryReplies = (locale: string): QuickReply[] => [
    ...resources.countryCodes.map((code) => ({ label: resources.countryName(code, locale), text: `#country-${code}` })),
    qr(locale, "bot.qr.skip", "#country-skip"),
  ];

  function privacyFirst(reply: EngineReply, state: ConversationState): EngineReply {
    if (!state.greeted) {
      reply.text = join(reply.text, t(reply.locale, "bot.privacy"));
      state.greeted = true;
    }
    return reply;
  }

  /** "Title: address" of a guide, or of one of its sections. */
  function guideLink(reply: EngineReply, g: KbGuide, anchor = ""): string {
    const path = anchor ? `${g.url}#${anchor}` : g.url;
    reply.links.push({ title: g.title, url: g.url });
    return `${g.title}: ${ctx.href(path)}`;
  }

  /** The compact line "every country's emergency number", or the lines of the country the person is in. */
  function numbersBlock(reply: EngineReply, state: ConversationState, locale: string, extraKinds: readonly string[] = [], dangers: readonly string[] = [], town?: readonly string[]): string {
    const rank = { unaccompaniedChild: unaccompaniedChild(state), medical: dangers.some((d) => MEDICAL_DANGERS.has(d)) };
    const country = ctx.validCountry(state.country);
    if (country) {
      const list = resources.emergency(country, rank);
      for (const r of resources.ofKinds(country, extraKinds, town)) if (!list.includes(r)) list.push(r);
      withResources(reply, list);
      return resourceBlock(t(locale, "bot.emergency.numbers", { country: resources.countryName(country, locale) }), list);
    }
    const lines = resources.countryCodes.map((code) => {
      const list = resources.emergency(code, rank);
      withResources(reply, list);
      return `• ${resources.countryName(code, locale)}: ${[...new Set(list.map((r) => r.phones[0]?.number))].join(" / ")}`;
    });
    return [t(locale, "bot.emergency.allCountries"), ...lines].join("\n");
  }

  /** The advice texts for a danger (content/bot/emergencies.yaml): "cannot talk" first, then the most specific one or two. */
  function adviceFor(tri: Pick<TriageResult, "advice" | "cannotTalk">, locale: string): { texts: string[]; kinds: string[]; bystander: boolean } {
    const advice = kb.lexicon.emergencies.advice;
    const keys = [...(tri.cannotTalk ? ["cannot-talk"] : []), ...tri.advice.filter((k) => k !== "cannot-talk").slice(0, MAX_ADVICE)];
    const chosen = keys.map((k) => advice[k]).filter((a): a is NonNullable<typeof a> => Boolean(a));
    return {
      texts: chosen.map((a) => a.text[locale] ?? a.text[source] ?? "").filter(Boolean),
      kinds: [...new Set(chosen.flatMap((a) => a.lines))],
      bystander: chosen.some((a) => a.bystander),
    };
  }

  /**
   * The one question an answer may end with, about what the message left out: the country
   * (once), else what the regional guidelines ask about a child (under 18? travelling without
   * family?), only the part still unknown. Never to staff or to a parent writing about their
   * child, and never what the person already said.
   */
  function question(reply: EngineReply, state: ConversationState, locale: string, about: About): string {
    reply.quickReplies = standardReplies(locale);
    if (!state.country && !state.askedCountry && !about.elsewhere) {
      state.pending = "country";
      state.askedCountry = true;
      reply.quickReplies = countryReplies(locale);
      return t(locale, "bot.askCountry");
    }
    if (about.speaker || state.askedParticularities || state.under18 === false) return "";
    const ageKnown = state.under18 !== undefined;
    const companyKnown = state.alone !== undefined;
    if (ageKnown && companyKnown) return "";
    state.pending = "particularities";
    state.askedParticularities = true;
    const skip = qr(locale, "bot.qr.skip", "#skip");
    if (ageKnown) {
      reply.quickReplies = [qr(locale, "bot.qr.alone", "#alone"), qr(locale, "bot.qr.family", "#family"), skip];
      return t(locale, "bot.askAlone");
    }
    if (companyKnown) {
      reply.quickReplies = [qr(locale, "bot.qr.under18", "#under18"), qr(locale, "bot.qr.adult", "#adult"), skip];
      return t(locale, "bot.askAge");
    }
    reply.quickReplies = [qr(locale, "bot.qr.under18Alone", "#under18-alone"), qr(locale, "bot.qr.under18Family", "#under18-family"), qr(locale, "bot.qr.adult", "#adult"), skip];
    return t(locale, "bot.askParticularities");
  }

  return {
    base,
    withResources,
    privacyFirst,
    standardReplies,
    countryReplies,
    qr,

    /** Numbers first (the country's, or every country's), the advice for that danger, then the calm sentence. */
    emergency(state: ConversationState, locale: string, tri: Pick<TriageResult, "dangers" | "advice" | "cannotTalk">, guides: string[], about: About = {}): EngineReply {
      const { town, speaker } = about;
      const reply = base(state, locale);
      reply.emergency = true;
      reply.urgency = "emergency";
      reply.dangers = [...tri.dangers];
      const { texts, kinds, bystander } = adviceFor(tri, locale);
      // In a country we have no numbers for ("estoy en Colombia"), the region's numbers would not
      // work: say so and tell them to call the local emergency number, then the advice.
      const outside = !ctx.validCountry(state.country) && Boolean(about.elsewhere);
      const numbers = outside ? t(locale, "bot.notServed") : numbersBlock(reply, state, locale, kinds, tri.dangers, town);
      reply.guides = guides;
      const help = ctx.emergencyGuideId ? ctx.guide(ctx.emergencyGuideId, locale) : undefined;
      // "It is not your fault" is for the person it happens to, not a parent, staff or a witness telling of someone else.
      const calm = t(locale, speaker || bystander ? "bot.emergency.calmOther" : "bot.emergency.calm");
      // Action first: what to do comes right after the numbers (on SMS, the first page holds
      // both), the reassurance after it.
      reply.text = join(numbers, ...texts, calm, help ? guideLink(reply, help) : "");
      if (ctx.emergencyGuideId) state.lastTopic = ctx.emergencyGuideId;
      delete state.dangers;
      reply.quickReplies = [qr(locale, "bot.qr.human", "#human"), qr(locale, "bot.qr.erase", "#erase")];
      if (!ctx.validCountry(state.country) && !outside) reply.quickReplies.unshift(...countryReplies(locale).slice(0, 8));
      return privacyFirst(reply, state);
    },

    /** The confirm step: one line with the number first, then the usual answer, and yes / no buttons. */
    dangerCheck(answer: EngineReply, tri: TriageResult, { staff = false }: { staff?: boolean } = {}): EngineReply {
      const { locale, state } = answer;
      const country = ctx.validCountry(state.country);
      const rank = { unaccompaniedChild: unaccompaniedChild(state) };
      // Staff writing about a child they work with: the emergency line and the child-protection
      // line, and no "are YOU in danger?" (they are not the one in danger, and they have asked
      // how to act: the answer below is their staff guide).
      const kinds = staff && country ? ["emergency", "child-protection"] : ["emergency"];
      const numbers = (country ? [country] : resources.countryCodes).flatMap((code) => {
        const list = resources.emergency(code, rank);
        const picked = kinds.map((kind) => list.find((r) => r.kind === kind && r.phones[0])).filter((r) => r !== undefined);
        if (picked.length === 0 && list[0]) picked.push(list[0]);
        withResources(answer, picked);
        return picked.map((r) => {
          const number = r.phones[0]?.number ?? "";
          return country || !number ? number : `${code} ${number}`;
        });
      });
      answer.urgency = "check";
      answer.dangers = [...tri.dangers];
      answer.text = join(t(locale, staff ? "bot.check.staff" : "bot.check.question", { numbers: [...new Set(numbers)].filter(Boolean).join(" · ") }), answer.text);
      if (staff) return answer;
      state.pending = "danger";
      state.dangers = [...tri.dangers];
      answer.quickReplies = [qr(locale, "bot.qr.dangerYes", "#danger-yes"), qr(locale, "bot.qr.dangerNo", "#danger-no"), ...answer.quickReplies.filter((q) => q.text !== "#emergency").slice(0, 3)];
      return answer;
    },

    /** An answer from a guide section: its short answer (or a short quote), the section's address, and help where the person is. */
    answer(state: ConversationState, locale: string, choice: AnswerChoice, about: About = {}): EngineReply {
      const { town } = about;
      const reply = base(state, locale);
      const top = choice.hits[0] as SectionHit;
      const shown = choice.fallback ? ctx.guide(top.guide, source) : ctx.guide(top.guide, locale);
      if (!shown) return this.noMatch(state, locale);
      reply.guides = choice.hits.slice(0, 3).map((h) => h.guide);
      // Section positions are the same in every translation; a guide-level match answers with its first written answer.
      const index = top.section >= 0 ? top.section : shown.sections.findIndex((s) => s.answer);
      const section = shown.sections[index] ?? shown.sections.find((s) => s.text.trim());
      const text = section?.answer?.text ?? quote(section, shown);
      if (section?.anchor) reply.section = section.anchor;
      const country = ctx.validCountry(state.country);
      const rank = { unaccompaniedChild: unaccompaniedChild(state) };
      const list = section?.answer?.resources.length ? resources.forKinds(country, section.answer.resources, rank, ANSWER_LINES, state.from, town) : resources.forTopics(country, shown.topics, rank, ANSWER_LINES, state.from, town);
      withResources(reply, list);
      const where = country ? t(locale, "bot.resources", { country: resources.countryName(country, locale) }) : t(locale, "bot.resourcesRegional");
      const ask = question(reply, state, locale, about);
      const elsewhere = !country && about.elsewhere ? t(locale, "bot.notServed") : "";
      reply.text = join(choice.fallback ? t(locale, "bot.fallback") : "", `${text}\n${guideLink(reply, shown, section?.anchor)}`, elsewhere, resourceBlock(where, list), ask);
      state.lastTopic = top.guide;
      return privacyFirst(reply, state);
    },

    /** Not sure: say so in one line, offer the closest topics as buttons, and the help line and a person. */
    unsure(state: ConversationState, locale: string, choice: AnswerChoice): EngineReply {
      const reply = base(state, locale);
      const closest = choice.hits.slice(0, CLOSEST_TOPICS).map((h) => ctx.guide(h.guide, locale)).filter((g): g is KbGuide => Boolean(g));
      reply.guides = closest.map((g) => g.id);
      reply.text = join(t(locale, "bot.unsure"), closest.length ? closest.map((g) => `• ${g.title}`).join("\n") : "", this.helpLine(reply, state, locale));
      reply.quickReplies = [...closest.map((g) => ({ label: g.title, text: `#guide-${g.id}` })), qr(locale, "bot.qr.human", "#human")];
      return privacyFirst(reply, state);
    },

    /** A message about something else: what the bot can help with, and the topics. */
    offTopic(state: ConversationState, locale: string): EngineReply {
      const reply = base(state, locale);
      reply.text = join(t(locale, "bot.offTopic"), this.topicsLine(locale));
      reply.quickReplies = standardReplies(locale);
      return privacyFirst(reply, state);
    },

    noMatch(state: ConversationState, locale: string): EngineReply {
      const reply = base(state, locale);
      reply.text = join(t(locale, "bot.noMatch"), this.topicsLine(locale), this.helpLine(reply, state, locale));
      reply.quickReplies = standardReplies(locale);
      return privacyFirst(reply, state);
    },

    /** Real contacts: the hub's, when the conversation comes from a hub; otherwise the child-protection line where the person is. */
    human(state: ConversationState, locale: string, hub?: string): EngineReply {
      const reply = base(state, locale);
      const country = ctx.validCountry(state.country);
      const rank = { unaccompaniedChild: true };
      const parts = [t(locale, "bot.human")];
      const hubs = hub ? kb.hubs.filter((h) => h.id === hub && !h.example) : country ? resources.hubs(country).filter((h) => h.address) : [];
      for (const h of hubs.slice(0, 1)) parts.push(`• ${h.name}${h.address ? `: ${h.address}` : ""}${h.hours ? ` (${h.hours})` : ""}`);
      if (country) {
        let list = resources.emergency(country, rank).filter((r) => r.kind === "child-protection");
        // A country without a child-protection line (Mexico): its emergency line, never nothing.
        if (list.length === 0) list = resources.emergency(country, rank);
        withResources(reply, list);
        parts.push(...list.map((r) => `• ${resourceLine(r)}`));
      } else {
        for (const code of resources.countryCodes) {
          const all = resources.emergency(code, rank);
          const list = (all.filter((r) => r.kind === "child-protection").length ? all.filter((r) => r.kind === "child-protection") : all).slice(0, 1);
          withResources(reply, list);
          if (list[0]) parts.push(`• ${resources.countryName(code, locale)}: ${list[0].phones[0]?.number}`);
        }
      }
      reply.text = parts.join("\n");
      reply.quickReplies = [qr(locale, "bot.qr.emergency", "#emergency"), qr(locale, "bot.qr.erase", "#erase")];
      return privacyFirst(reply, state);
    },

    smallTalk(state: ConversationState, locale: string, kind: "greeting" | "thanks" | "identity"): EngineReply {
      const reply = base(state, locale);
      reply.text = join(t(locale, `bot.${kind}`), kind === "greeting" ? this.topicsLine(locale) : "");
      reply.quickReplies = standardReplies(locale);
      return privacyFirst(reply, state);
    },

    /** After a country, particularities or language answer: the confirmation, and the last topic again with the right resources. */
    followUp(state: ConversationState, locale: string, key: string, vars?: Record<string, string>): EngineReply {
      const reply = base(state, locale);
      if (state.lastTopic && key !== "bot.languageSet") {
        const g = ctx.guide(state.lastTopic, locale);
        if (g) {
          const country = ctx.validCountry(state.country);
          const list = resources.forTopics(country, g.topics, { unaccompaniedChild: unaccompaniedChild(state) }, ANSWER_LINES, state.from);
          withResources(reply, list);
          reply.guides = [g.id];
          const where = country ? t(locale, "bot.resources", { country: resources.countryName(country, locale) }) : t(locale, "bot.resourcesRegional");
          reply.text = join(t(locale, key, vars), resourceBlock(where, list), guideLink(reply, g));
        }
      }
      if (!reply.text) reply.text = join(t(locale, key, vars), key === "bot.languageSet" ? this.topicsLine(locale) : "");
      reply.quickReplies = standardReplies(locale);
      return privacyFirst(reply, state);
    },

    topicsLine(locale: string): string {
      const titles = kb.guides.filter((g) => g.locale === locale && g.audience !== "staff").map((g) => g.title);
      const list = titles.length ? titles : kb.guides.filter((g) => g.locale === source && g.audience !== "staff").map((g) => g.title);
      return t(locale, "bot.topics", { topics: list.slice(0, 8).join(" · ") });
    },

    helpLine(reply: EngineReply, state: ConversationState, locale: string): string {
      const country = ctx.validCountry(state.country);
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
    },
  };
}

export type Composer = ReturnType<typeof createComposer>;

/** Guides to list with an emergency: the emergency guide, the guides of the danger's topics, then what the words matched. */
export function emergencyGuides(ctx: EngineContext, dangers: readonly DangerKind[], matched: readonly string[]): string[] {
  const topics = dangers.flatMap((d) => ctx.kb.lexicon.danger.kinds[d]?.topics ?? []).filter((x) => x !== "emergency");
  const topical = topics.map((x) => ctx.topicGuide.get(x)).filter((id): id is string => Boolean(id));
  return [...new Set([...(ctx.emergencyGuideId ? [ctx.emergencyGuideId] : []), ...topical.slice(0, 1), ...matched, ...topical])].slice(0, 3);
}
