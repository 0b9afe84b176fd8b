// Rules about resources that the site, the checks and the bot share: where a line can be
// dialled from, whose nationals it serves, and which resources a reader can call at all.
import type { ResourceData } from "./schemas";
import type { PhoneText } from "./mdx-text";

type Reach = Pick<ResourceData, "country" | "reachableFrom">;

/**
 * Can people in this country dial the resource's lines? A resource without `reachableFrom` is
 * reachable from its own country only (a regional one from anywhere): that is how the sources
 * publish most lines. A line listed for other countries (the CIAM for Mexicans in the US) is
 * never offered as help inside its own country.
 */
export function isReachableFrom(resource: Reach, country: string): boolean {
  if (resource.reachableFrom) return resource.reachableFrom.includes(country.toUpperCase());
  return resource.country === "regional" || resource.country === country.toUpperCase();
}

/** Countries the lines can be dialled from, when they are not simply the resource's own. */
export function reachOutsideOwnCountry(resource: Reach): string[] | undefined {
  const from = resource.reachableFrom;
  if (!from) return undefined;
  return from.length === 1 && from[0] === resource.country ? undefined : from;
}

/** Where a <ResourceList> looks: help reachable in a country (or "regional"), or the lines for a country's nationals. */
export type ListScope = { country: string; nationals?: undefined } | { nationals: string; country?: undefined };

/**
 * The resources a <ResourceList> shows (before the site puts them in reader order). Help in a
 * country is what can be reached there: a line that cannot be dialled from it (the CIAM, for
 * Mexicans in the US) is left out. The lines for a country's nationals are listed wherever
 * they can be dialled from. No kinds: every kind. Shared by the component and `npm run check`,
 * which reports a list that would show nothing.
 */
export function listedResources<R extends { data: Pick<ResourceData, "country" | "reachableFrom" | "forNationalsOf" | "kind"> }>(
  all: readonly R[],
  scope: ListScope,
  kinds?: readonly string[],
): R[] {
  const ofKind = (r: R) => !kinds || kinds.includes(r.data.kind);
  if (scope.nationals !== undefined) {
    const wanted = scope.nationals.toUpperCase();
    return all.filter((r) => r.data.forNationalsOf.includes(wanted) && ofKind(r));
  }
  const wanted = scope.country.toUpperCase() === "REGIONAL" ? "regional" : scope.country.toUpperCase();
  return all.filter((r) => r.data.country === wanted && (wanted === "regional" || isReachableFrom(r.data, wanted)) && ofKind(r));
}

/** Does the resource give a reader a number to call or write to? */
export function isCallable(resource: Pick<ResourceData, "phones" | "whatsapp">): boolean {
  return resource.phones.length > 0 || Boolean(resource.whatsapp);
}

type Phone = ResourceData["phones"][number];

/**
 * The phone a <Phone resource="..." line="n"> tag names (line counts from 1), or what is wrong
 * with the tag, in words an editor can act on. Shared by the component and `npm run check`.
 */
export function pickPhone(resource: Pick<ResourceData, "phones">, line: string | undefined): Phone | string {
  if (resource.phones.length === 0) return "this resource has no phone number, so there is nothing to call. Name a resource with a number, or write the text without a number.";
  const n = line === undefined ? 1 : Number(line);
  if (!Number.isInteger(n) || n < 1 || n > resource.phones.length)
    return `line="${line}" does not exist: this resource has ${resource.phones.length} phone(s). Use line="1" to line="${resource.phones.length}", or leave line out for the first.`;
  return resource.phones[n - 1]!;
}

/**
 * How a <Phone> tag reads as plain text (the bot's copy of a guide): the number as the
 * resource file publishes it. For the knowledge-base export: mdxToSections(body, phoneText(resources)).
 */
export function phoneText(resources: { id: string; data: Pick<ResourceData, "phones"> }[]): PhoneText {
  const byId = new Map(resources.map((r) => [r.id, r.data]));
  return (id, line) => {
    const r = byId.get(id);
    const picked = r ? pickPhone(r, line) : undefined;
    return typeof picked === "object" ? picked.number : undefined;
  };
}
