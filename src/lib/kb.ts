// The knowledge-base format: what the build exports from content/ for the bot engine.
// Owned by the model side; the engine only reads it. Bump KB_VERSION on any breaking change.
// buildKnowledgeBase() is pure (no I/O): src/lib/kb-files.ts feeds it.
import type { CountryCode, Places, ResourceData, Topic } from "./schemas";
import type { Locale } from "./locales";
import type { BotLexicon, LoadedContent } from "./content-files";
import { mdxToSections } from "./mdx-text";
import { localePath, pagePaths } from "./routes";
import { phoneText } from "./resources";
import type { ClassifierModel } from "./nlp/classifier";
import { adviceMessages, triageMessages, trainAdviceModel, trainTriageModel, type ModelCache } from "./triage-model";

export const KB_VERSION = 2;

export interface KbSection {
  /** Heading text ("" for the text before the first heading). */
  heading: string;
  /** Anchor id of the heading on the guide page. */
  anchor: string;
  /** Plain text of the section (no MDX, no markup). */
  text: string;
  /** The bot's short answer for this section and how people ask it (the guide's `answers`), if it has one. */
  answer?: KbAnswer;
}

export interface KbAnswer {
  /** 2 to 4 plain sentences that answer on their own. */
  text: string;
  /** How people ask it, in the guide's language. */
  asks: string[];
  /** Kinds of resource to show with it. */
  resources: string[];
  /** Countries it is true for ([] = everywhere). */
  countries: CountryCode[];
  /** Nationalities it is for ([] = everyone). */
  nationals: CountryCode[];
}

export interface KbGuide {
  id: string;
  /** Locale the text is written in (only real translations are listed, no fallbacks). */
  locale: string;
  title: string;
  summary: string;
  audience: "children" | "families" | "staff";
  topics: Topic[];
  countries: CountryCode[];
  questions: string[];
  /** Site path of the guide page in this locale, e.g. /fr/guides/your-rights/ */
  url: string;
  sections: KbSection[];
}

export interface KbResource extends Omit<ResourceData, "verifiedOn" | "source" | "extraSources" | "editorNotes"> {
  id: string;
  verifiedOn: string;
}

export interface KbCountry {
  code: CountryCode;
  names: Record<string, string>;
  emergency: string[];
  childProtection: string[];
  /** Lines for a medical emergency, when they differ from the first emergency line. */
  medical: string[];
}

export interface KbHub {
  id: string;
  country: CountryCode;
  municipality: string;
  name: string;
  address?: string;
  hours?: string;
  refersTo: string[];
  example: boolean;
}

export interface KnowledgeBase {
  version: typeof KB_VERSION;
  /** ISO timestamp of the build that made it. */
  builtAt: string;
  sourceLocale: string;
  locales: Locale[];
  guides: KbGuide[];
  resources: KbResource[];
  countries: KbCountry[];
  hubs: KbHub[];
  /** UI strings per locale (the bot.* keys and the ones it shares with the site). */
  strings: Record<string, Record<string, string>>;
  /** The bot's vocabulary from content/bot/ (slang, danger words, commands, places, emergency advice). */
  lexicon: KbLexicon;
  /** content/places.yaml: where a person can say they are, or are from. */
  places: Places;
  /** The safety triage's classifier, trained by the build on content/bot/triage/ (absent when that corpus is empty). */
  triageModel?: ClassifierModel;
  /** Which emergency advice fits a message, trained by the build on the corpus's advice lists (absent when there are none). */
  adviceModel?: ClassifierModel;
}

/** content/bot/*.yaml, validated (loaded with the rest of the content). */
export type KbLexicon = BotLexicon;

/** UI string keys the bot carries: its own (bot.*) and the few it shares with the site. */
const sharedKeys = new Set(["site.name", "nav.help", "help.title"]);
const isBotKey = (key: string) => key.startsWith("bot.") || sharedKeys.has(key);

/** Build the knowledge base from validated content (one source of truth for site and bot). */
export function buildKnowledgeBase(content: LoadedContent, lexicon: KbLexicon = content.lexicon, builtAt = new Date(), modelCache?: ModelCache): KnowledgeBase {
  const sourceLocale = content.locales[0]?.code ?? "es";
  // A <Phone resource="..."/> tag reads as its number, as on the page: the bot's answer must
  // carry the number to call, not a gap where the link was.
  const phone = phoneText(content.resources);
  const guides: KbGuide[] = content.guides
    .map((g) => ({
      id: g.id,
      locale: g.locale,
      title: g.data.title,
      summary: g.data.summary,
      audience: g.data.audience,
      topics: g.data.topics,
      countries: g.data.countries ?? [],
      questions: g.data.questions,
      url: localePath(g.locale, pagePaths.guide(g.id)),
      sections: mdxToSections(g.body, phone).map(({ heading, anchor, text }) => {
        const a = g.data.answers.find((x) => x.section === anchor);
        return { heading, anchor, text, ...(a ? { answer: { text: a.answer, asks: a.asks, resources: a.resources, countries: a.countries, nationals: a.nationals } } : {}) };
      }),
    }))
    .sort((a, b) => a.locale.localeCompare(b.locale) || a.id.localeCompare(b.id));
  const resources: KbResource[] = content.resources.map((r) => {
    const { verifiedOn, source: _source, extraSources: _extra, editorNotes: _notes, ...rest } = r.data;
    return { ...rest, id: r.id, verifiedOn: verifiedOn.toISOString().slice(0, 10) };
  });
  const countries: KbCountry[] = content.countries.map((c) => ({
    code: c.data.code,
    names: c.data.names,
    emergency: c.data.emergency,
    childProtection: c.data.childProtection,
    medical: c.data.medical,
  }));
  const hubs: KbHub[] = content.hubs.map((h) => ({
    id: h.id,
    country: h.data.country,
    municipality: h.data.municipality,
    name: h.data.name,
    ...(h.data.address ? { address: h.data.address } : {}),
    ...(h.data.hours ? { hours: h.data.hours } : {}),
    refersTo: h.data.refersTo,
    example: h.data.example,
  }));
  const strings = Object.fromEntries(
    Object.entries(content.strings).map(([code, table]) => [code, Object.fromEntries(Object.entries(table).filter(([k]) => isBotKey(k)))]),
  );
  const triageModel = trainTriageModel(triageMessages(content.triageCorpus, lexicon.emergencies.advice), lexicon, modelCache);
  const adviceModel = trainAdviceModel(adviceMessages(content.triageCorpus), lexicon, modelCache);
  return {
    version: KB_VERSION,
    builtAt: builtAt.toISOString(),
    sourceLocale,
    locales: content.locales,
    guides,
    resources,
    countries,
    hubs,
    strings,
    lexicon,
    places: content.places,
    ...(triageModel ? { triageModel } : {}),
    ...(adviceModel ? { adviceModel } : {}),
  };
}
