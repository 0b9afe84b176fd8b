// Lookups over the content collections that several pages and components share, loaded once
// per build. Site side only (uses astro:content); the model stays in src/lib/.
import { getCollection, type CollectionEntry } from "astro:content";
import { countryCodes, resourceKinds, type CountryCode, type ResourceKind } from "../lib/schemas";
import { sourceLocale } from "../lib/locales";

export type Resource = CollectionEntry<"resources">;
export type Country = CollectionEntry<"countries">;
export type Hub = CollectionEntry<"hubs">;
export type Guide = CollectionEntry<"guides">;

/** Every resource by id. */
export async function resourcesById(): Promise<Map<string, Resource>> {
  return new Map((await getCollection("resources")).map((r) => [r.id, r]));
}

/** Countries in the fixed order of the schema (roughly along the route, south to north). */
export async function countriesInOrder(): Promise<Country[]> {
  const all = await getCollection("countries");
  const rank = (c: Country) => countryCodes.indexOf(c.data.code);
  return all.sort((a, b) => rank(a) - rank(b));
}

/** A country's name in the reader's locale, else in Spanish. */
export function countryName(country: Country, locale: string): string {
  return country.data.names[locale] ?? country.data.names[sourceLocale] ?? country.data.code;
}

/** Site path segment of a country page: lower-case code. */
export const countrySlug = (code: CountryCode) => code.toLowerCase();

/** Resources of one country (or "regional"), filtered by kind, in kind order then by name. */
export async function resourcesFor(country: string, kinds?: readonly ResourceKind[]): Promise<Resource[]> {
  const all = await getCollection("resources");
  const wanted = country.toUpperCase() === "REGIONAL" ? "regional" : country.toUpperCase();
  const kindRank = (r: Resource) => resourceKinds.indexOf(r.data.kind);
  return all
    .filter((r) => r.data.country === wanted && (!kinds || kinds.includes(r.data.kind)))
    .sort((a, b) => kindRank(a) - kindRank(b) || a.data.name.localeCompare(b.data.name, "es"));
}

/** Parses an author's kinds="child-protection, shelter"; a misspelt kind stops the build with the fix. */
export function parseKinds(list: string | undefined): ResourceKind[] | undefined {
  if (!list) return undefined;
  const words = list.split(",").map((k) => k.trim()).filter(Boolean);
  for (const word of words) {
    if (!(resourceKinds as readonly string[]).includes(word))
      throw new Error(`<ResourceList kinds="${list}">: "${word}" is not a resource kind. Use some of: ${resourceKinds.join(", ")}.`);
  }
  return resourceKinds.filter((k) => words.includes(k));
}
