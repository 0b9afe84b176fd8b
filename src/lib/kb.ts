// The knowledge-base format: what the build exports from content/ for the bot engine.
// Owned by the model side; the engine only reads it. Bump KB_VERSION on any breaking change.
import type { CountryCode, ResourceData, Topic } from "./schemas";
import type { Locale } from "./locales";

export const KB_VERSION = 1;

export interface KbSection {
  /** Heading text ("" for the text before the first heading). */
  heading: string;
  /** Anchor id of the heading on the guide page. */
  anchor: string;
  /** Plain text of the section (no MDX, no markup). */
  text: string;
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
}
