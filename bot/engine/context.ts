// Ships to the browser too (pure engine). What every stage of the engine shares, worked out once
// when the engine starts: the knowledge base, its strings, and lookups of guides and topics.
import type { KnowledgeBase } from "./types";
import type { KbGuide } from "../../src/lib/kb";
import { createStrings, type BotT } from "./strings";
import { createResources, type Resources } from "./resources";

/** Settings of the engine, read once at the edge (server, CLI, kiosk) and passed in. */
export interface EngineOptions {
  /** The site's public address (e.g. https://hub.example.org): links in replies become full addresses. */
  siteUrl?: string;
  /** Told of every error the engine turns into a calm reply: its kind (e.g. "TypeError"), never the message text. */
  onError?: (kind: string) => void;
}

export interface EngineContext {
  kb: KnowledgeBase;
  t: BotT;
  resources: Resources;
  source: string;
  options: EngineOptions;
  /** The guide in that locale, if it is written in it. */
  guideIn(id: string, locale: string): KbGuide | undefined;
  /** The guide in that locale, else in the source locale. */
  guide(id: string, locale: string): KbGuide | undefined;
  /** The first source-language guide whose main topic is this one. */
  topicGuide: ReadonlyMap<string, string>;
  emergencyGuideId: string | undefined;
  /** Locales that have staff guides. */
  staffLocales: ReadonlySet<string>;
  localeCodes: ReadonlySet<string>;
  /** A served country's code (upper case), if the value is one. */
  validCountry(code: string | undefined): string | undefined;
  /** A site path as a link a person can open: the full address when the site's address is known. */
  href(path: string): string;
}

export function createContext(kb: KnowledgeBase, options: EngineOptions = {}): EngineContext {
  const source = kb.sourceLocale;
  const resources = createResources(kb);
  const guideAt = new Map<string, KbGuide>();
  for (const g of kb.guides) if (!guideAt.has(`${g.locale}\n${g.id}`)) guideAt.set(`${g.locale}\n${g.id}`, g);
  const guideIn = (id: string, locale: string) => guideAt.get(`${locale}\n${id}`);
  const topicGuide = new Map<string, string>();
  for (const g of kb.guides) if (g.locale === source && g.topics[0] !== undefined && !topicGuide.has(g.topics[0])) topicGuide.set(g.topics[0], g.id);
  const site = options.siteUrl?.replace(/\/+$/, "");
  return {
    kb,
    t: createStrings(kb),
    resources,
    source,
    options,
    guideIn,
    guide: (id, locale) => guideIn(id, locale) ?? guideIn(id, source),
    topicGuide,
    emergencyGuideId: topicGuide.get("emergency"),
    staffLocales: new Set(kb.guides.filter((g) => g.audience === "staff").map((g) => g.locale)),
    localeCodes: new Set(kb.locales.map((l) => l.code)),
    validCountry: (c) => (c && resources.countryCodes.includes(c.toUpperCase()) ? c.toUpperCase() : undefined),
    href: (path) => (site && path.startsWith("/") ? `${site}${encodeURI(decodeURI(path))}` : path),
  };
}
