// Every phone number readers can see must come from a source. This finds the ones that do
// not: numbers in a guide's text (tel: links and any phone-like digit run) that no sourced
// resource publishes and no source of that guide names, resource numbers that their own
// source quotes do not state, and resources without a source.
// A wrong number sent to a child in danger is the worst mistake this site can make.
import type { LoadedContent, Problem } from "../content-files";

const digitsOnly = (s: string) => s.replace(/\D/g, "");

/** A digit run that may be a phone number: "+52 934 342 1111", "6378-3466", "9-1-1", "110". */
const phoneRun = /\+?\(?\+?\d[\d\s().\-\u00a0]*\d/g;

/** Runs that are clearly not phone numbers: years, ISO dates, amounts like 15.000 or 15,000. */
function isNotAPhone(run: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(run)) return true;
  if (/^\d{1,3}([.,]\d{3})+$/.test(run)) return true;
  return /^(19|20)\d{2}$/.test(run);
}

/** The phone-like numbers written in a piece of text, as digit strings with their raw form. */
export function phoneLikeRuns(text: string): { raw: string; digits: string; index: number }[] {
  const out: { raw: string; digits: string; index: number }[] = [];
  for (const m of text.matchAll(phoneRun)) {
    const raw = m[0];
    const digits = digitsOnly(raw);
    if (digits.length < 3 || isNotAPhone(raw)) continue;
    out.push({ raw, digits, index: m.index ?? 0 });
  }
  return out;
}

/**
 * Same number? Short codes must match exactly. Full numbers may differ by a country code or
 * international prefix ("+1 520 623 7874" is "001 520 623 7874" is "520 623 7874").
 */
export function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= 7 && longer.endsWith(shorter);
}

/** Does a source text state this number (as a digit run, or as a standalone short code)? */
function textStates(text: string, digits: string): boolean {
  if (phoneLikeRuns(text).some((r) => sameNumber(r.digits, digits))) return true;
  // "zona 1 1555" reads as one run "11555": a short code also counts as a standalone token.
  return digits.length <= 4 && new RegExp(`(?<!\\d)${digits}(?!\\d)`).test(text);
}

/** Remove what is not reader-visible text but may contain digits: web addresses, link targets, component tags. */
function maskNonText(line: string): string {
  const blank = (s: string) => " ".repeat(s.length);
  return line
    .replace(/<\/?[A-Za-z][^>]*>/g, blank)
    .replace(/\]\((?!tel:)[^)]*\)/g, (m) => `]${blank(m.slice(1))}`)
    .replace(/\b(https?:\/\/|www\.)\S+/g, blank)
    .replace(/\]\(tel:[^)]*\)/g, (m) => `]${blank(m.slice(1))}`);
}

/** A quantity, not a phone: "120 horas", "150 camas", "500 km" (words in the site's languages). */
const unitAfter =
  /^\s*(%|horas?|hours?|heures?|èdtan|è\b|d[ií]as?|days?|jours?|jou\b|años?|anos?|ans?\b|years?|lane|ane\b|km\b|kil[oó]m[eè]t|metros?|meters?|m[eè]tres?|mèt\b|personas?|people|personnes?|moun\b|pessoas?|camas?|beds?|lits?|kabann|pesos?|d[oó]lares?|dollars?|quetzales?|lempiras?)/i;

/** A number written in a guide: a tel: link or a bare digit run. */
interface WrittenNumber {
  raw: string;
  digits: string;
  /** The whole [text](tel:...) link, when it is one. */
  link?: string;
}

/** Numbers a reader could see or dial in one line of a guide body. */
function numbersInLine(line: string): WrittenNumber[] {
  const found: WrittenNumber[] = [];
  for (const m of line.matchAll(/\[[^\]]*\]\(tel:([^)\s]*)\)/g)) {
    const target = m[1] ?? "";
    found.push({ raw: `tel:${target}`, digits: digitsOnly(target), link: m[0] });
  }
  // The text of [110](tel:110) is the same number as its target: report it once.
  const text = maskNonText(line);
  for (const r of phoneLikeRuns(text)) {
    const bare = /^\(?\d+$/.test(r.raw);
    if (bare && unitAfter.test(text.slice(r.index + r.raw.length))) continue;
    if (!found.some((f) => f.digits === r.digits)) found.push(r);
  }
  return found;
}

/** Find every phone number in the guides and resource files that has no source. */
export function unsourcedPhones(c: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const sourced: string[] = [];

  for (const r of c.resources) {
    const sources = [r.data.source, ...r.data.extraSources].filter((s) => s && s.url && s.quote);
    const numbers = r.data.phones.map((p, i) => ({ number: p.number, field: ["phones", i, "number"] as (string | number)[] }));
    if (r.data.whatsapp) numbers.push({ number: r.data.whatsapp, field: ["whatsapp"] });
    if (sources.length === 0) {
      const line = r.lineOf(["source"]);
      problems.push({ severity: "error", file: r.file, ...(line ? { line } : {}), message: `this resource has no source, so its numbers cannot be shown. Add "source" with the page's url and the words that state the facts.` });
      continue;
    }
    for (const { number, field } of numbers) {
      const digits = digitsOnly(number);
      if (sources.some((s) => textStates(s.quote, digits))) {
        sourced.push(digits);
        continue;
      }
      const line = r.lineOf(field);
      problems.push({
        severity: "error",
        file: r.file,
        ...(line ? { line } : {}),
        message: `no source quote of this resource states the number "${number}". Copy the words of the source that give it into "source.quote" (or "extraSources"), or remove the number.`,
      });
    }
  }

  for (const g of c.guides) {
    // A guide's own sources: a number they name in their title or address counts as cited.
    const cited = g.data.sources.map((s) => `${s.title} ${s.url}`).join("\n");
    const lines = g.body.split("\n");
    lines.forEach((text, i) => {
      for (const n of numbersInLine(text)) {
        if (n.digits.length < 3) {
          problems.push({ severity: "error", file: g.file, line: g.bodyLine + i, message: `the link "${n.raw}" has no phone number in it. Numbers are written as <Phone resource="..." /> tags, never as tel: links.` });
          continue;
        }
        if (sourced.some((s) => sameNumber(s, n.digits)) || textStates(cited, n.digits)) continue;
        problems.push({
          severity: "error",
          file: g.file,
          line: g.bodyLine + i,
          message: `the number "${n.raw}" has no source: it is not a phone of any resource in content/resources/ and no source of this guide names it. Add the line to content/resources/ with its source and write <Phone resource="..." />, or use <EmergencyNumbers /> or <ResourceList />.`,
        });
      }
    });
  }

  return problems;
}

/** The resources that publish a number (same digits, or the same number with a country code). */
function resourcesWithNumber(c: LoadedContent, digits: string): string[] {
  return c.resources.filter((r) => r.data.phones.some((p) => sameNumber(digitsOnly(p.number), digits))).map((r) => r.id);
}

/** What to write instead of a typed number: the <Phone> tag of each resource that has it. */
function phoneTagFix(ids: string[]): string {
  if (ids.length === 0) return "This number is in no file of content/resources/: add the line there with its source first, then write <Phone resource=\"its-id\" />.";
  const tags = ids.slice(0, 4).map((id) => `<Phone resource="${id}" />`);
  return ids.length === 1
    ? `Write ${tags[0]} instead.`
    : `Write the <Phone> tag of the line you mean instead: ${tags.join(", ")}${ids.length > 4 ? ", ..." : ""} (the resource of the country the text is about).`;
}

/**
 * No typed numbers in guide bodies: a tel: link written by hand, or a bare number that a
 * resource publishes, must be a <Phone resource="..." /> tag, so that a changed number changes
 * in every guide and language at once, with its caveats. Numbers no resource has are left to
 * unsourcedPhones (they need a source either way).
 */
export function typedNumbers(c: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  for (const g of c.guides) {
    // A figure the guide's own sources give ("141 in the Darién" in a cited report's title) is a
    // count, not a phone number, even when some line has the same digits.
    const cited = g.data.sources.map((s) => `${s.title} ${s.url}`).join("\n");
    g.body.split("\n").forEach((text, i) => {
      for (const n of numbersInLine(text)) {
        if (n.digits.length < 3) continue;
        const ids = resourcesWithNumber(c, n.digits);
        if (!n.link && (ids.length === 0 || textStates(cited, n.digits))) continue;
        const what = n.link ? `the link ${n.link} is a phone number typed by hand` : `the number "${n.raw.trim()}" is typed by hand`;
        problems.push({ severity: "error", file: g.file, line: g.bodyLine + i, message: `${what}: numbers come from content/resources/, so a changed number changes everywhere. ${phoneTagFix(ids)}` });
      }
    });
  }
  return problems;
}
