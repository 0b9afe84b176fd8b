// The content model: one Zod schema per collection. Astro's content collections
// (src/content.config.ts), the content checker and the bot's knowledge-base export all
// validate with these, so every shape is declared once and TypeScript types are inferred.
import { z } from "astro/zod";

/** ISO 3166-1 alpha-2 codes of the countries the hub covers. */
export const countryCodes = ["GT", "HN", "SV", "MX", "NI", "CR", "PA", "BZ", "CO"] as const;
export const countryCode = z.enum(countryCodes);
export type CountryCode = z.infer<typeof countryCode>;

/** Kinds of protection resource, in the order readers see them on a country page. */
export const resourceKinds = [
  "emergency",
  "child-protection",
  "anti-trafficking",
  "gender-violence",
  "mental-health",
  "anti-extortion",
  "crime-report",
  "missing-persons",
  "shelter",
  "reception",
  "consular",
  "asylum",
  "legal",
  "human-rights",
  "health",
  "family-tracing",
  "international",
] as const;
export const resourceKind = z.enum(resourceKinds);
export type ResourceKind = z.infer<typeof resourceKind>;

/** Kinds of <Callout> a guide can use. The component and the content check both take them from here. */
export const calloutTypes = ["info", "warning", "danger"] as const;
export type CalloutType = (typeof calloutTypes)[number];
/** Whether a <Callout type="..."> names a kind that exists. */
export function isCalloutType(type: string): type is CalloutType {
  return (calloutTypes as readonly string[]).includes(type);
}
/** The kinds as words for an error message: "info", "warning" or "danger". */
export const calloutTypesInWords = `${calloutTypes.slice(0, -1).map((t) => `"${t}"`).join(", ")} or "${calloutTypes[calloutTypes.length - 1]}"`;

/** Guide topics: drive the home tiles' icons and the search filters. */
export const topics = [
  "emergency",
  "rights",
  "planning",
  "route-risks",
  "trafficking",
  "gangs",
  "extortion",
  "online-safety",
  "travelling-alone",
  "asylum",
  "authorities",
  "family-contact",
  "missing-persons",
  "consulate",
  "return",
  "health",
  "birth",
  "gender",
  "lgbti",
  "discrimination",
  "school",
  "documents",
  "staff",
] as const;
export const topic = z.enum(topics);
export type Topic = z.infer<typeof topic>;

/** ISO 3166-1 alpha-2 code of any country, in capitals ("US", "MX"): phone lines reach beyond the region. */
const anyCountry = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code in capitals, like "MX" or "US"');

const isoDate = z.coerce.date({ error: "must be a date like 2026-11-28" });
const url = z.url({ error: "must be a full web address starting with https://" });

// The schemas below are the ones editors fill in through the CMS. Each field's `.meta({ description })`
// is its documentation and the hint the CMS shows under it (src/lib/cms-config.ts reads it from
// the schema, field by field), so write it for an editor: one plain line.

/** A published source for a fact: where an editor can check it again. */
export const sourceSchema = z.object({
  url: url.meta({ description: "Address of the page or document that states the fact." }),
  quote: z
    .string()
    .min(1, "must quote the words of the source that state the fact")
    .meta({ description: "The words on that page that state the fact, copied exactly." }),
  date: z.string().optional().meta({ description: 'Date of the source, if it has one (free text, e.g. "2025-06-02").' }),
});

/** One short answer of a guide: what the bot says for one section, and how people ask it. */
export const answerSchema = z.object({
  section: z
    .string()
    .min(1, "must name a section: the anchor of one of the guide's headings")
    .meta({ description: 'Anchor of the section\'s heading on the page, e.g. "cómo-se-pide-en-méxico" (npm run check lists the guide\'s anchors).' }),
  answer: z
    .string()
    .min(20, "must be 2 to 4 full sentences")
    .max(600, "must be short: 2 to 4 plain sentences (600 characters at most)")
    .meta({ description: '2 to 4 plain sentences that answer on their own, action first, no "see above" and no phone numbers.' }),
  asks: z
    .array(z.string().min(3))
    .min(8, "must list at least 8 ways people ask it")
    .meta({ description: "How people ask it, in this language: the first one written correctly (the page shows it), then at least 7 more as people type them (colloquial, misspelt, slang)." }),
  resources: z
    .array(resourceKind)
    .default([])
    .meta({ description: "Kinds of resource to show with the answer, e.g. [asylum, legal] (optional)." }),
  countries: z
    .array(countryCode)
    .default([])
    .meta({ description: "Countries the answer is true for, when it is about one country's law or offices (e.g. [MX]); leave out when it holds everywhere. The bot never gives it to a person it knows is in another country." }),
  nationals: z
    .array(countryCode)
    .default([])
    .meta({ description: "Nationalities the answer is for, when it is about one country's consulate, documents or return (e.g. [SV] for Salvadorans); leave out when it is for everyone. The bot prefers it for people from there (or, when it does not know, for people in that country)." }),
});
export type AnswerData = z.infer<typeof answerSchema>;

/** Who a guide is written for. Search leaves "staff" guides out of results unless asked for. */
export const audiences = ["children", "families", "staff"] as const;
export type Audience = (typeof audiences)[number];

/** A guide (MDX frontmatter), in one locale: content/guides/{locale}/{id}.mdx. */
export const guideSchema = z.object({
  title: z
    .string()
    .min(3, "must be at least 3 characters")
    .max(90, "must be at most 90 characters")
    .meta({ description: "Title shown on the page and in search: short, says what the guide helps with." }),
  summary: z
    .string()
    .min(10, "must be one full sentence")
    .max(220, "must be one short sentence (220 characters at most)")
    .meta({ description: "One plain sentence that says what the reader will learn." }),
  audience: z
    .enum(audiences, { error: 'must be "children", "families" or "staff"' })
    .meta({ description: "Who the guide is written for." }),
  topics: z
    .array(topic)
    .min(1, "must list at least one topic")
    .meta({ description: "Topics it covers (the first gives the icon on the home page)." }),
  countries: z
    .array(countryCode)
    .optional()
    .meta({ description: "Countries it is specific to; leave out when it applies to all." }),
  questions: z
    .array(z.string().min(3))
    .min(3, "must list at least 3 questions")
    .max(10, "must list at most 10 questions")
    .meta({ description: "3 to 10 ways people really ask about this, in this language (search and the bot use them)." }),
  answers: z
    .array(answerSchema)
    .default([])
    .meta({ description: 'The bot\'s answers, one per section it may answer with: the section\'s heading anchor, a short answer, and the ways people ask it. The guide page lists them as "Questions people ask".' }),
  lastReviewed: isoDate.meta({ description: "The day an editor last checked the whole guide." }),
  sources: z
    .array(
      z.object({
        title: z.string().min(1).meta({ description: "Name of the source." }),
        url: url.meta({ description: "Its address." }),
      }),
    )
    .default([])
    .meta({ description: "Where the facts in the guide come from." }),
  translation: z
    .object({
      status: z
        .enum(["source", "machine", "reviewed"], { error: 'must be "source", "machine" or "reviewed"' })
        .meta({ description: '"source" for the Spanish original; "machine" for an unreviewed machine translation; "reviewed" once a person checked it.' }),
      sourceRevision: z
        .string()
        .optional()
        .meta({ description: "For translations: the source revision translated (printed by `npm run new:translation`)." }),
    })
    .default({ status: "source" })
    .meta({ description: "Translation state of this file." }),
});
export type GuideData = z.infer<typeof guideSchema>;

/** One phone line of a resource. */
export const phoneSchema = z.object({
  number: z
    .string()
    .min(3, "must be a phone number")
    .meta({ description: 'The number as people dial it inside the country (e.g. "110", "6378-3466", "+1 470 751 9077").' }),
  label: z.string().optional().meta({ description: 'What the number is for, if the resource has several (e.g. "Bomberos Voluntarios").' }),
  region: z
    .string()
    .length(2)
    .optional()
    .meta({ description: 'ISO country the number belongs to, when it is not the resource\'s country (e.g. "US").' }),
});

/** A protection institution or service: content/resources/{id}.yaml. */
export const resourceSchema = z.object({
  country: z
    .union([countryCode, z.literal("regional")], {
      error: `must be a country code (${countryCodes.join(", ")}) or "regional"`,
    })
    .meta({ description: 'Country it serves, or "regional" for a service across the region.' }),
  kind: resourceKind.meta({ description: "What kind of help it gives." }),
  name: z.string().min(2).meta({ description: "Official name, in the language the institution uses." }),
  phones: z
    .array(phoneSchema)
    .default([])
    .meta({ description: "Phone lines readers may call; only numbers the sources agree on." }),
  whatsapp: z.string().optional().meta({ description: "WhatsApp number, if the institution publishes one." }),
  website: url.optional().meta({ description: "Website address." }),
  address: z.string().optional().meta({ description: "Street address, as published." }),
  city: z.string().optional().meta({ description: "Town or city." }),
  hours: z.string().optional().meta({ description: "Opening hours, as published." }),
  services: z.array(z.string()).default([]).meta({ description: "What it does, in a few words each." }),
  serves: z.enum(["children", "families", "all"]).default("all").meta({ description: "Who it serves." }),
  languages: z.array(z.string()).default([]).meta({ description: "Languages spoken there (locale codes), if known." }),
  reachableFrom: z
    .array(anyCountry)
    .optional()
    .meta({ description: 'Countries its phone lines can be dialled from, as the sources say (e.g. [US, CA]); leave out for "only from its own country" ("regional": from anywhere).' }),
  forNationalsOf: z
    .array(anyCountry)
    .default([])
    .meta({ description: "For consular lines: the countries whose nationals it serves (e.g. [MX]), as the sources say." }),
  source: sourceSchema.meta({ description: "Where the facts come from." }),
  extraSources: z
    .array(sourceSchema)
    .default([])
    .meta({ description: "More sources that confirm (or contradict) the facts." }),
  confidence: z
    .enum(["high", "medium"])
    .meta({ description: '"high": official or two sources agree; "medium": one source, old, or in conflict.' }),
  editorNotes: z
    .string()
    .optional()
    .meta({ description: "For editors only: doubts, conflicts between sources, numbers left out and why." }),
  verifiedOn: isoDate.meta({ description: "The day a person last checked these facts against the source." }),
});
export type ResourceData = z.infer<typeof resourceSchema>;

/** A country page: content/countries/{code}.yaml (file name is the lower-case code). */
export const countrySchema = z.object({
  code: countryCode.meta({ description: "ISO 3166-1 alpha-2 code." }),
  names: z
    .record(z.string(), z.string())
    .refine((n) => typeof n["es"] === "string", {
      message: 'must include the Spanish name, e.g. es: "Guatemala"',
    })
    .meta({ description: "The country's name in each locale (the Spanish one is required)." }),
  emergency: z
    .array(z.string())
    .min(1, "must list at least one emergency line")
    .meta({ description: "Resource ids of the emergency lines, most useful first." }),
  childProtection: z
    .array(z.string())
    .default([])
    .meta({ description: "Resource ids of the child-protection lines, most useful first." }),
  medical: z
    .array(z.string())
    .default([])
    .meta({ description: "Resource ids of the lines for a medical emergency (ambulance, rescue), when they are not the first emergency line; shown first when someone is ill, hurt or lost outdoors." }),
});
export type CountryData = z.infer<typeof countrySchema>;

/** A municipal information hub: content/hubs/{id}.yaml. */
export const hubSchema = z.object({
  country: countryCode.meta({ description: "Country the hub is in." }),
  municipality: z.string().min(2).meta({ description: "Municipality it serves." }),
  name: z.string().min(2).meta({ description: "Name of the hub." }),
  address: z.string().optional().meta({ description: "Street address, as published." }),
  hours: z.string().optional().meta({ description: "Opening hours." }),
  refersTo: z
    .array(z.string())
    .default([])
    .meta({ description: "Resource ids it refers people to first, in order." }),
  example: z.boolean().default(false).meta({ description: "true for a demonstration hub: its page says it is an example." }),
});
export type HubData = z.infer<typeof hubSchema>;

/** Stemmers the project bundles (src/lib/nlp/stem.ts imports each): a locale names one. */
export const stemmerNames = ["spanish", "english", "french", "portuguese", "italian", "german", "dutch"] as const;
/** Stop-word lists the project bundles (src/lib/nlp/stop-words.ts): a locale names one. */
export const stopWordLists = ["spa", "eng", "fra", "por", "ita", "deu", "nld"] as const;

/** Plain-language targets for a locale that names none: those of Spanish, calibrated on plain guides for a reader of about 12. */
export const defaultReadability = { wordsPerSentence: 8, lettersPerWord: 4.3 };

/** One row of the locale table (content/locales.json). */
export const localeSchema = z.object({
  /** Code used in URLs and file names, e.g. "ht". */
  code: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]+)?$/, 'must be a lower-case code like "ht" or "pt"'),
  /** BCP-47 language tag for <html lang>, e.g. "ht". */
  lang: z.string().min(2),
  /** The language's name in that language, e.g. "Kreyòl ayisyen". */
  label: z.string().min(2),
  /** Writing direction. */
  dir: z.enum(["ltr", "rtl"]),
  /** Snowball stemmer for search and the bot (leave out for a language with little inflection, like Kreyòl). */
  stemmer: z.enum(stemmerNames, { error: `must be one of: ${stemmerNames.join(", ")}` }).optional(),
  /** Packaged stop-word list (ISO 639-3 code of the stopword package); without one, the bot finds them in the guides. */
  stopWords: z.enum(stopWordLists, { error: `must be one of: ${stopWordLists.join(", ")}` }).optional(),
  /** ISO 639-3 code that franc (the bot's language identification) knows the language by, e.g. "hat". */
  franc: z.string().regex(/^[a-z]{3}$/, 'must be a three-letter code like "spa" or "hat"').optional(),
  /** Plain-language targets: full marks up to these averages (a reader of about 12). */
  readability: z
    .object({
      /** Words per sentence. */
      wordsPerSentence: z.number().positive().default(defaultReadability.wordsPerSentence),
      /** Letters per word (longer in Spanish than in Kreyòl). */
      lettersPerWord: z.number().positive().default(defaultReadability.lettersPerWord),
    })
    .default(defaultReadability),
});
export type Locale = z.infer<typeof localeSchema>;

/** Ways a place is written (lower case; accents optional). */
const placeNames = z.array(z.string().min(2, "must be a place name")).default([]);
/** One country's places in content/places.yaml. */
export const countryPlacesSchema = z.object({
  /** The country's names in every language, and its nicknames ("guate", "catrachilandia"). */
  names: placeNames,
  /** How its people are called, in every language ("hondureño", "catracho", "honduran"). */
  people: placeNames,
  /** Its departments, states, cities, border towns and route places: each one a list of the ways it is written. */
  places: z.array(placeNames).default([]),
  /** Places whose name is also a common word or a place elsewhere ("león", "colón"): the bot takes them only after "estoy en", "I'm in"... */
  ambiguous: z.array(placeNames).default([]),
  /** Its institutions and papers people deal with where they are ("comar", "curp"): a mention suggests the person is there. */
  institutions: placeNames,
  /** Its side of a border as people name it ("lado tico", "mexican side"): the person is there, whatever border town was named before. */
  sides: placeNames,
});
/** content/places.yaml: the region's places by country code, to know where a person is now and where they are from. */
export const placesSchema = z
  .object({
    /** Countries people come from or go to that the hub does not serve (names and people only). */
    others: z.record(z.string().regex(/^[A-Z]{2}$/, "must be a country code like US"), countryPlacesSchema).default({}),
  })
  .catchall(countryPlacesSchema);
export type CountryPlaces = z.infer<typeof countryPlacesSchema>;
export type Places = z.infer<typeof placesSchema>;

/** The bot's vocabulary, kept as data in content/bot/ so editors can extend it (see content/bot/README.md). */
const phraseList = z.array(z.string().min(1, "must not be empty")).default([]);
/** content/bot/slang.yaml: per locale, a word or phrase people use → words the guides use for it. */
/** content/bot/off-topic.yaml: per locale, messages about something else than the hub's topics (sports, jokes, homework): the bot learns from them to say what it is for instead of quoting a guide that shares a word by chance. */
export const botOffTopicSchema = z.record(z.string(), z.array(z.string().min(1)));
export type BotOffTopic = z.infer<typeof botOffTopicSchema>;
export const botSlangSchema = z.record(z.string(), z.record(z.string(), z.array(z.string().min(1)).min(1, "must list at least one word the guides use")));
/** Kinds of danger the safety triage recognises. danger.yaml, the triage corpus and the emergency advice use these names. */
export const dangerKinds = [
  "held",
  "kidnapping",
  "violence",
  "sexual-violence",
  "trafficking",
  "threats",
  "lost-child",
  "self-harm",
  "medical",
  "environment",
] as const;
export const dangerKind = z.enum(dangerKinds);
export type DangerKind = z.infer<typeof dangerKind>;

/** Kinds of message in the triage corpus that are not an emergency (the hard negatives and the rest). */
export const calmKinds = ["risk-question", "past", "hypothetical", "news", "figurative", "school", "worry", "question", "small-talk"] as const;
export const calmKind = z.enum(calmKinds);
export type CalmKind = z.infer<typeof calmKind>;

/** What a message says about time and manner, beside the danger itself (content/bot/danger.yaml `context`). */
export const triageContexts = [
  "now",
  "ongoing",
  "pastOver",
  "hypothetical",
  "riskQuestion",
  "news",
  "school",
  "figurative",
  "distress",
  "alarm",
  "notUrgent",
  "cannotTalk",
  "child",
  "question",
  "remote",
  "money",
  "self",
  "carer",
  "relative",
  "water",
  "coming",
  "pregnant",
  "stranded",
  "building",
  "hot",
  "near",
  "outside",
  "taken",
  "sexAsked",
] as const;
export type TriageContext = (typeof triageContexts)[number];

/** One danger kind's vocabulary in one language. */
const dangerWords = z.object({
  /** Phrases that alone mean this danger is happening to someone (unless the message is a question, a past story or a "what if"). */
  strong: phraseList,
  /** Cues that hint at this danger but could be harmless: the bot asks "are you in danger right now?". */
  weak: phraseList,
});

/** content/bot/danger.yaml: the concepts that tell a danger happening now from a question about a risk. */
export const botDangerSchema = z.object({
  /** Per danger kind: the guide topics to show after the emergency numbers, and the advice to give when nothing more precise is found. */
  kinds: z.partialRecord(dangerKind, z.object({ /** Guide topics that help in this danger. */ topics: z.array(topic).default([]), /** Key of content/bot/emergencies.yaml to use when no more precise advice is found (none: only the numbers). */ advice: z.string().min(1).optional() })),
  /** Per locale: the words of each danger, of each piece of advice, and of the context. */
  locales: z.record(
    z.string(),
    z.object({
      /** Per danger kind, its strong phrases and weak cues. */
      dangers: z.partialRecord(dangerKind, dangerWords),
      /** Per key of content/bot/emergencies.yaml: phrases that call for that advice ("no respira" → not-breathing). */
      advice: z.record(z.string(), phraseList).default({}),
      /** Phrases that say when and how: now, ongoing, pastOver, hypothetical, riskQuestion, news, school, figurative, distress, alarm, cannotTalk, child, notUrgent ("no es urgente": a call for help in the same message is not a cry), remote (the people demanding reach the person from afar: a call, a message, a photo or video sent, a ransom), money (money is asked or things are taken), self (it is done to the writer: "me pega", "hitting me"), carer (the writer speaks of a child in their care: "mi hija", "my son"), relative (the writer speaks of a relative: "mi hermana", "my cousin"), water (a river, rain or a flood is named). */
      context: z.partialRecord(z.enum(triageContexts), phraseList).default({}),
    }),
  ),
});

/** content/bot/triage/{locale}.yaml: labelled messages the triage classifier learns from (one list per kind). */
export const triageCorpusSchema = z.object({
  /** Messages from someone in danger now, by danger kind. */
  emergency: z.partialRecord(dangerKind, z.array(z.string().min(1, "must not be empty"))).default({}),
  /** Messages that are not an emergency, by kind (hard negatives: questions about risks, past stories, jokes, ...). */
  "not-emergency": z.partialRecord(calmKind, z.array(z.string().min(1, "must not be empty"))).default({}),
  /** Emergency messages by the advice of content/bot/emergencies.yaml that fits them best (river, heat, ransom-family, ...): the build learns from them which advice to give. */
  advice: z.record(z.string(), z.array(z.string().min(1, "must not be empty"))).default({}),
});
export type TriageCorpus = z.infer<typeof triageCorpusSchema>;

/** One piece of advice for one kind of danger, in content/bot/emergencies.yaml. */
export const emergencyAdviceSchema = z.object({
  /** The danger kinds this advice is for, the main one first: the triage learns the messages of its advice list as that danger. */
  dangers: z.array(dangerKind).min(1, "must name at least one danger kind"),
  /** Resource kinds to show beside the emergency numbers for this danger, when the country has one (e.g. mental-health). */
  lines: z.array(z.string()).default([]),
  /** The advice, 2 or 3 short sentences, per locale (Spanish required). No phone numbers: the bot adds them. */
  text: z.record(z.string(), z.string().min(10).max(400, "must be at most 400 characters: 2 or 3 short sentences")).refine((t) => typeof t["es"] === "string", { message: 'must include the Spanish text, e.g. es: "..."' }),
  /** "machine" while the translations are unreviewed machine translations; "reviewed" once a person checked them. */
  translated: z.enum(["machine", "reviewed"]).default("machine"),
  /** Advice keys this one stands in for when the words call for both (pregnancy-bleeding replaces bleeding): the more precise text, never two that disagree. */
  replaces: z.array(z.string()).default([]),
  /** Advice keys this one goes before when both are shown (river before not-breathing: out of the water first, then the chest). */
  before: z.array(z.string()).default([]),
  /** Context the message must show for the advice classifier to give this advice (extortion-call needs "remote": a call or a message; "hang up, it is a trick" is wrong for armed men at the door). Its own phrases in danger.yaml call it without. */
  needs: z.array(z.enum(triageContexts)).default([]),
  /** Context that stops this advice, whether the classifier or its own phrases in danger.yaml call it (witness and trafficking-family: "self", the message says it is done to the writer). */
  unless: z.array(z.enum(triageContexts)).default([]),
  /** Written for someone who sees it happen to another person (a witness): the reply then says "there are people who can help", not "it is not your fault". */
  bystander: z.boolean().default(false),
  /** Where the advice comes from. */
  sources: z.array(sourceSchema.extend({ /** Name of the source. */ title: z.string().min(1) })).min(1, "must cite at least one source"),
});

/** content/bot/emergencies.yaml: what the bot says after the emergency numbers, for each kind of danger. */
export const emergencyAdviceFileSchema = z.object({
  /** Advice by key (not-breathing, bleeding, self-harm, ...); danger.yaml names these keys. */
  advice: z.record(z.string(), emergencyAdviceSchema),
});
export type EmergencyAdvice = z.infer<typeof emergencyAdviceSchema>;

/** content/bot/phrases.yaml: commands, small talk, language names, places and the child's particularities, per locale. */
export const botPhrasesSchema = z.object({
  /** Names people use for each language, to switch ("english", "kreyol"). Keyed by the locale they switch to. */
  languageNames: z.record(z.string(), phraseList),
  /** Per locale: the words of each command and small-talk kind. */
  locales: z.record(z.string(), z.object({
    /** Erase the conversation. */ erase: phraseList,
    /** Talk to a person. */ human: phraseList,
    /** Skip a question. */ skip: phraseList,
    /** Yes. */ yes: phraseList,
    /** No. */ no: phraseList,
    /** Greetings. */ greeting: phraseList,
    /** Thanks. */ thanks: phraseList,
    /** Asking whether the bot is a person. */ identity: phraseList,
    /** "{n}" = age: how people say their own age ("tengo {n} anos"). */ age: phraseList,
    /** How people give their age with no word for years ("tengo {n}"): read only where the number ends a sentence or a part of one ("tengo 15, estoy sola"), and only from 10 to 17. */ ageAtEnd: phraseList.default([]),
    /** How people say they travel without family. */ alone: phraseList,
    /** How people say they travel with family. */ accompanied: phraseList,
    /** How staff say they work with children ("trabajo en un albergue"): staff guides come first. */ staff: phraseList,
    /** How parents and other adults speak of the children in their care ("mis hijos", "my son"): the bot does not ask them whether they are under 18. */ parent: phraseList.default([]),
    /** Words before a place that say the person is there now ("estoy en", "aqui en", "i'm in"). */
    here: phraseList,
    /** Words before a country that name its side of a border ("del lado de", "côté"): the person is there, over a border town named before ("au rio Suchiate côté Guatemala"). */
    side: phraseList.default([]),
    /** Words before a place that say the person comes from it ("soy de", "vengo de", "i'm from"). */
    from: phraseList,
    /** Words before a town that say the person left it ("salimos de", "we left", "on vient de quitter"): with nothing else saying where they are, they are most likely still in its country. After them a country's name, or a town left long ago (longAgo), says where they come from. */
    left: phraseList.default([]),
    /** Words before a place that say the person has not left it yet ("quiero salir de", "thinking of leaving", "veut partir de"): they are there now; a country so named is their own as well. */
    leaving: phraseList.default([]),
    /** Words that put what the message tells weeks or more in the past ("semanas", "months", "l'année dernière"): a town left then is where they come from, not where they are. */
    longAgo: phraseList.default([]),
    /** Words before a place that say the person was sent or went back there ("me deportaron a", "sent back to"): they are there now, and it is their country. */
    back: phraseList,
    /** Words before a place that say the person is going there ("voy a", "para", "going to"): not where they are. */
    going: phraseList,
    /** SMS spellings and their full words ("q": "que", "can t": "cant"), read before the safety triage. One or two words on the left. */
    spelling: z.record(z.string(), z.string()).default({}),
  })),
});
export type BotSlang = z.infer<typeof botSlangSchema>;
export type BotDanger = z.infer<typeof botDangerSchema>;
export type EmergencyAdviceFile = z.infer<typeof emergencyAdviceFileSchema>;
export type BotPhrases = z.infer<typeof botPhrasesSchema>;
