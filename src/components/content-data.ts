// Lookups over the content collections that several pages and components share, loaded once
// per build. Site side only (uses astro:content); the model stays in src/lib/.
import { getCollection, type CollectionEntry } from "astro:content";
import { countryCodes, resourceKinds, type ResourceKind } from "../lib/schemas";
import { localeCodes, sourceLocale } from "../lib/locales";
import { countrySlug } from "../lib/routes";
import { isCallable, listedResources } from "../lib/resources";
import { hasOwnString, useTranslations, type UiKey } from "../lib/i18n";

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

/** The same list with one item moved to the front (a kiosk's own country or hub), the others in their order. */
export function firstOf<T>(items: T[], isFirst: (item: T) => boolean): T[] {
  return [...items.filter(isFirst), ...items.filter((i) => !isFirst(i))];
}

/** Countries in order, one (ISO code, e.g. a kiosk's KIOSK_COUNTRY) first when given. */
export async function countriesFirst(first: string | undefined): Promise<Country[]> {
  const all = await countriesInOrder();
  return first ? firstOf(all, (c) => c.data.code === first.toUpperCase()) : all;
}

/** Static paths of a page per locale and served country ({locale}/.../{cc}/), the country as a prop. */
export async function countryPagePaths(): Promise<{ params: { locale: string; country: string }; props: { country: Country } }[]> {
  const countries = await countriesInOrder();
  return localeCodes().flatMap((locale) => countries.map((country) => ({ params: { locale, country: countrySlug(country.data.code) }, props: { country } })));
}

/** A country's name in the reader's locale, else in Spanish. */
export function countryName(country: Country, locale: string): string {
  return country.data.names[locale] ?? country.data.names[sourceLocale] ?? country.data.code;
}

const kindRank = (r: Resource) => resourceKinds.indexOf(r.data.kind);
const inReaderOrder = (a: Resource, b: Resource) => kindRank(a) - kindRank(b) || a.data.name.localeCompare(b.data.name, "es");

/** Help in one country (or the "regional" services), filtered by kind, in kind order then by name (see listedResources). */
export async function resourcesFor(country: string, kinds?: readonly ResourceKind[]): Promise<Resource[]> {
  return listedResources(await getCollection("resources"), { country }, kinds).sort(inReaderOrder);
}

/** Resources that serve the nationals of a country wherever they are (its consular lines), by kind. */
export async function resourcesForNationals(country: string, kinds?: readonly ResourceKind[]): Promise<Resource[]> {
  return listedResources(await getCollection("resources"), { nationals: country }, kinds).sort(inReaderOrder);
}

/** The first emergency line of a country that has a number: what to call when a service has none. */
export async function emergencyLineOf(country: string): Promise<Resource | undefined> {
  const c = (await getCollection("countries")).find((k) => k.data.code === country.toUpperCase());
  if (!c) return undefined;
  const byId = await resourcesById();
  return c.data.emergency.map((id) => byId.get(id)).find((r) => r !== undefined && isCallable(r.data));
}

/** A country's name in the reader's locale: the country files for the region, the UI strings (site.region.XX) for others. */
export async function regionName(code: string, locale: string): Promise<string> {
  const country = (await getCollection("countries")).find((c) => c.data.code === code);
  if (country) return countryName(country, locale);
  const key = `site.region.${code}` as UiKey;
  return hasOwnString(locale, key) || hasOwnString(sourceLocale, key) ? useTranslations(locale)(key) : code;
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
