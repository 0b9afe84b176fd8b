// Ships to the browser too (pure engine). Which protection resources to show, in which order,
// and how to write them on a phone screen. Numbers come only from the knowledge base
// (content/resources/, sourced); nothing here invents one.
import type { KnowledgeBase, ResourceCard } from "./types";
import type { KbResource } from "../../src/lib/kb";
import { telHref } from "../../src/lib/phone";
import { isReachableFrom } from "../../src/lib/resources";
import { fold } from "../../src/lib/nlp/text";
import type { ResourceKind, Topic } from "../../src/lib/schemas";

/**
 * Resource kinds that help with each guide topic, most useful first (child protection is
 * always offered too). Checked against the schema's lists, so a topic left out or a misspelt
 * kind does not compile. Only lines with a phone are offered: a kind that has none in a
 * country is skipped there.
 */
const kindsForTopic: Record<string, readonly string[]> = {
  emergency: ["emergency", "child-protection"],
  rights: ["child-protection", "legal", "human-rights"],
  planning: ["child-protection"],
  "route-risks": ["emergency", "anti-trafficking", "shelter"],
  trafficking: ["anti-trafficking", "crime-report"],
  // Threats and forced recruitment: protection first, then whom to complain to or report to.
  gangs: ["child-protection", "human-rights", "crime-report"],
  extortion: ["anti-extortion", "crime-report"],
  // Scams, fake offers and smuggler ads: report them; fake job offers are a trafficking lure.
  "online-safety": ["crime-report", "anti-trafficking"],
  "travelling-alone": ["child-protection", "shelter"],
  asylum: ["asylum", "legal"],
  authorities: ["child-protection", "legal", "human-rights"],
  "family-contact": ["family-tracing", "missing-persons"],
  "missing-persons": ["missing-persons", "family-tracing", "crime-report"],
  consulate: ["consular"],
  // Coming back: the reception centre where returnees arrive, then child protection.
  return: ["reception", "child-protection", "international"],
  health: ["health", "mental-health"],
  birth: ["health", "child-protection"],
  gender: ["gender-violence", "shelter", "health"],
  lgbti: ["shelter", "human-rights", "legal"],
  discrimination: ["human-rights", "legal", "child-protection"],
  school: ["child-protection"],
  documents: ["consular"],
  staff: ["child-protection"],
} satisfies Record<Topic, readonly ResourceKind[]>;

export interface Ranking {
  /** An unaccompanied child: child protection comes first. */
  unaccompaniedChild: boolean;
  /** Someone ill, hurt or lost outdoors: the country's ambulance or rescue line comes first. */
  medical?: boolean;
}

/** Each resource's town, folded once (resources never change once loaded); undefined when it has none. */
const foldedCities = new WeakMap<KbResource, string>();
function foldedCity(r: KbResource): string | undefined {
  if (!r.city) return undefined;
  let c = foldedCities.get(r);
  if (c === undefined) foldedCities.set(r, (c = fold(r.city)));
  return c;
}

/**
 * Can a person in `where` (a served country, or unknown) call this line? It has a number; it is
 * reachable from there and is that country's or a regional one (only regional ones when we do not
 * know where they are); a line of one town or state (its `city`) only for a person who names it.
 */
function callableHere(r: KbResource, where: string | undefined, town: readonly string[] | undefined): boolean {
  const city = foldedCity(r);
  const inTown = city === undefined || Boolean(town?.some((t) => city.includes(t) || t.includes(city)));
  return r.phones.length > 0 && inTown && (where ? isReachableFrom(r, where) && (r.country === where || r.country === "regional") : r.country === "regional");
}

export function createResources(kb: KnowledgeBase) {
  const byId = new Map(kb.resources.map((r) => [r.id, r]));
  const countries = new Map(kb.countries.map((c) => [c.code as string, c]));
  const get = (ids: string[]) => ids.map((id) => byId.get(id)).filter((r): r is KbResource => Boolean(r && r.phones.length));

  return {
    countryCodes: kb.countries.map((c) => c.code as string),
    countryName(code: string, locale: string): string {
      const c = countries.get(code);
      return c ? (c.names[locale] ?? c.names[kb.sourceLocale] ?? code) : code;
    },
    /** Emergency line(s) and child-protection line of one country, in the order to show. */
    emergency(code: string, rank: Ranking): KbResource[] {
      const c = countries.get(code);
      if (!c) return [];
      const medical = rank.medical ? get(c.medical).slice(0, 1) : [];
      const emergency = [...medical, ...get(c.emergency).slice(0, 1)];
      const child = get(c.childProtection).slice(0, 1);
      return rank.unaccompaniedChild ? [...child, ...emergency] : [...emergency, ...child];
    },
    /** Resources that help with these topics where the person is (or the regional ones), at most `max`. */
    forTopics(code: string | undefined, topics: string[], rank: Ranking, max = 3, from?: string, town?: readonly string[]): KbResource[] {
      return this.forKinds(code, [...new Set(topics.flatMap((t) => kindsForTopic[t] ?? []))], rank, max, from, town);
    },
    /**
     * Resources of these kinds that a person in `code` can call, at most `max`, and always the
     * country's child-protection and emergency lines (the safety rule: every answer gives them,
     * in one step), which take the place of the last topical lines when there is no room. Lines
     * that only work from another country (the CIAM for Mexicans in the United States) are never
     * offered as local help; consular help is the one for the person's own nationality (`from`),
     * reachable from where they are. A resource of one town or state (its `city`) is offered only
     * to a person who says they are there.
     */
    forKinds(code: string | undefined, kinds: readonly string[], rank: Ranking, max = 3, from?: string, town?: readonly string[]): KbResource[] {
      const where = code && countries.has(code) ? code : undefined;
      const local = (r: KbResource) => callableHere(r, where, town);
      const consular = (r: KbResource) => r.phones.length > 0 && r.kind === "consular" && from !== undefined && r.forNationalsOf.includes(from) && (where ? isReachableFrom(r, where) : false);
      const c = where ? countries.get(where) : undefined;
      const child = c ? get(c.childProtection).slice(0, 1) : [];
      const always = c ? [...child, ...get(c.emergency).slice(0, 1)] : [];
      const picked: KbResource[] = [];
      const push = (r: KbResource | undefined) => {
        if (r && !picked.includes(r)) picked.push(r);
      };
      if (rank.unaccompaniedChild) child.forEach(push);
      for (const kind of kinds) {
        if (kind === "consular") {
          push(kb.resources.find(consular));
          continue;
        }
        const pool = kb.resources.filter((r) => r.kind === kind && local(r));
        push(pool.find((r) => r.serves !== "families") ?? pool[0]);
      }
      const topical = picked.filter((r) => !always.includes(r)).slice(0, Math.max(0, max - always.length));
      // In the order they were picked (a child alone: child protection first), the lines every answer carries last.
      return [...picked.filter((r) => topical.includes(r) || always.includes(r)), ...always.filter((r) => !picked.includes(r))];
    },
    /** A country's resources of these kinds that a person there can call (a town's or state's only for a person who says they are there), in the order of `kinds`, at most one per kind. */
    ofKinds(code: string, kinds: readonly string[], town?: readonly string[]): KbResource[] {
      const pool = kb.resources.filter((r) => r.country === code && callableHere(r, code, town));
      return kinds.map((k) => pool.find((r) => r.kind === k && r.serves !== "families") ?? pool.find((r) => r.kind === k)).filter((r): r is KbResource => Boolean(r));
    },
    /** Hubs (municipal information points) of a country that people can visit. */
    hubs(code: string | undefined) {
      return kb.hubs.filter((h) => h.country === code && !h.example);
    },
  };
}

export type Resources = ReturnType<typeof createResources>;

/** Short name for a phone screen: the part before a dash, semicolon or slash. */
export function shortName(r: KbResource): string {
  let cut = (r.name.split(/\s[–—-]\s|;|\s\/\s/)[0] ?? r.name).trim();
  if ((cut.match(/\(/g) ?? []).length > (cut.match(/\)/g) ?? []).length) cut += ")";
  // "Sistema de Alerta Alba-Keneth (niñas, niños y ...)": the name before a long explanation.
  const paren = cut.indexOf(" (");
  if (cut.length > 50 && paren > 10) cut = cut.slice(0, paren);
  return cut.length > 70 ? `${cut.slice(0, 67)}…` : cut;
}

/** "PNC: 110" style line: short name and its first number(s), each number said once ("SUME 911: 911" reads "SUME: 911"). */
export function resourceLine(r: KbResource): string {
  const numbers = r.phones.slice(0, 2).map((p) => p.number);
  return `${withoutNumbers(shortName(r), numbers)}: ${numbers.join(" / ")}`;
}

/** The name without the numbers that follow it on the line; the whole name if nothing would be left. */
function withoutNumbers(name: string, numbers: readonly string[]): string {
  let out = name;
  for (const n of numbers) out = out.replace(new RegExp(`\\s*(?<!\\d)${n.replace(/[^\d]/g, (c) => `\\${c}`)}(?!\\d)`, "g"), "");
  out = out.replace(/\(\s*\)/g, "").replace(/\s+([),.;:])/g, "$1").replace(/\s{2,}/g, " ").trim();
  return /[\p{L}]/u.test(out) ? out : name;
}

export function card(r: KbResource): ResourceCard {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    country: r.country,
    phones: r.phones.map((p) => ({ number: p.number, ...(p.label ? { label: p.label } : {}), tel: telHref(p.number, p.region) })),
    ...(r.whatsapp ? { whatsapp: r.whatsapp } : {}),
    ...(r.website ? { website: r.website } : {}),
  };
}
