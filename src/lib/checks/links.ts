// Broken internal links and anchors in guides, and MDX components that name a country or
// resource kind that does not exist. Links are resolved the way the site serves them:
// every Spanish guide has a page in every locale (translated or as a fallback).
import GithubSlugger from "github-slugger";
import { calloutTypesInWords, countryCodes, isCalloutType, resourceKinds } from "../schemas";
import type { GuideFile, LoadedContent, Problem } from "../content-files";
import { publishedHubs } from "../hubs";
import { listedResources, pickPhone } from "../resources";
import { phoneTagAttrs, phoneTagPattern } from "../phone-tag";
import { linkablePages, localePath, pagePaths } from "../routes";

/** Heading anchors of a guide body, as the site renders them (GitHub-style slugs). */
export function headingAnchors(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const m of body.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) anchors.add(slugger.slug(m[1] ?? ""));
  return anchors;
}

function lineAt(guide: GuideFile, index: number): number {
  return guide.bodyLine + guide.body.slice(0, index).split("\n").length - 1;
}

/**
 * Every page path a public build makes (the route table, src/lib/routes.ts), with the anchors
 * of guide pages. Example hubs are left out: only a demo build (HUB_DEMO=1) has their pages,
 * so a guide must not link to one.
 */
function sitePages(c: LoadedContent): Map<string, Set<string>> {
  const sourceGuides = new Map(c.guides.filter((g) => g.locale === c.locales[0]?.code).map((g) => [g.id, g]));
  const ids = { guides: [...sourceGuides.keys()], countries: c.countries.map((k) => k.data.code), hubs: publishedHubs(c.hubs, false).map((h) => h.id) };
  const pages = new Map<string, Set<string>>();
  for (const page of linkablePages(c.locales.map((l) => l.code), ids)) {
    const src = page.kind === "guide" && page.id !== undefined ? sourceGuides.get(page.id) : undefined;
    const shown = src && (c.guides.find((g) => g.locale === page.locale && g.id === src.id) ?? src);
    pages.set(page.path, shown ? headingAnchors(shown.body) : new Set());
  }
  return pages;
}

export function checkLinks(c: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const pages = sitePages(c);
  const resources = new Map(c.resources.map((r) => [r.id, r]));
  for (const guide of c.guides) {
    const here = localePath(guide.locale, pagePaths.guide(guide.id));
    // The bot's answers name the section they answer by its heading's anchor in this same file.
    const own = headingAnchors(guide.body);
    guide.data.answers.forEach((a, i) => {
      if (own.has(a.section)) return;
      const line = guide.lineOf(["answers", i, "section"]);
      problems.push({ severity: "error", file: guide.file, ...(line ? { line } : {}), message: `"answers[${i}].section" is "${a.section}", but this guide has no heading with that anchor. Use one of: ${[...own].join(", ")}.` });
    });
    guide.data.answers.forEach((a, i) => {
      if (guide.data.answers.findIndex((b) => b.section === a.section) === i) return;
      const line = guide.lineOf(["answers", i, "section"]);
      problems.push({ severity: "error", file: guide.file, ...(line ? { line } : {}), message: `"answers[${i}].section" answers "${a.section}" a second time. Give each section one answer; put more ways of asking in its "asks".` });
    });
    for (const m of guide.body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const href = m[1] ?? "";
      if (/^(https?:|tel:|mailto:|sms:)/.test(href)) continue;
      const url = new URL(href, `http://site${here}`);
      let path = url.pathname;
      if (!path.endsWith("/")) path += "/";
      const anchors = pages.get(path);
      const line = lineAt(guide, m.index ?? 0);
      if (!anchors) {
        problems.push({ severity: "error", file: guide.file, line, message: `the link "${href}" goes to ${path}, a page that does not exist. Check the guide id or country code; links to other guides look like ../your-rights/.` });
      } else if (url.hash && !anchors.has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push({ severity: "error", file: guide.file, line, message: `the link "${href}" points to the section "${url.hash}", which ${path} does not have. Use the heading's anchor: its words in lower case joined by "-".` });
      }
    }
    for (const m of guide.body.matchAll(/<(ResourceList|EmergencyNumbers)\b([^>]*)\/?>/g)) {
      const line = lineAt(guide, m.index ?? 0);
      const attrs = m[2] ?? "";
      const country = /\bcountry\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      const nationals = /\bnationals\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      if (country !== undefined && !(countryCodes as readonly string[]).includes(country) && !(m[1] === "ResourceList" && country === "regional"))
        problems.push({ severity: "error", file: guide.file, line, message: `<${m[1]}> names the country "${country}", which has no resources. Use one of ${countryCodes.join(", ")}${m[1] === "ResourceList" ? ' or "regional"' : ""}.` });
      if (m[1] === "ResourceList" && nationals !== undefined && !(countryCodes as readonly string[]).includes(nationals))
        problems.push({ severity: "error", file: guide.file, line, message: `<ResourceList> names the nationals of "${nationals}". Use one of ${countryCodes.join(", ")}.` });
      if (m[1] === "ResourceList" && (country === undefined) === (nationals === undefined))
        problems.push({ severity: "error", file: guide.file, line, message: `<ResourceList> needs either country="MX" (help that can be reached in Mexico) or nationals="MX" (lines for Mexicans wherever they are), not ${country === undefined ? "neither" : "both"}.` });
      const kinds = /kinds\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      const kindList = kinds ? kinds.split(",").map((k) => k.trim()).filter(Boolean) : undefined;
      const unknownKinds = (kindList ?? []).filter((kind) => !(resourceKinds as readonly string[]).includes(kind));
      for (const kind of unknownKinds)
        problems.push({ severity: "error", file: guide.file, line, message: `<${m[1]}> asks for the resource kind "${kind}", which does not exist. Use: ${resourceKinds.join(", ")}.` });
      // A list that shows nothing leaves its lead-in ("these organisations can help:") pointing at a gap.
      const known = (code: string | undefined) => code === undefined || (countryCodes as readonly string[]).includes(code) || (code === "regional" && nationals === undefined);
      if (m[1] === "ResourceList" && unknownKinds.length === 0 && (country === undefined) !== (nationals === undefined) && known(country) && known(nationals)) {
        const scope = nationals !== undefined ? { nationals } : { country: country ?? "" };
        if (listedResources(c.resources, scope, kindList).length === 0)
          problems.push({ severity: "error", file: guide.file, line, message: `<ResourceList ${nationals !== undefined ? `nationals="${nationals}"` : `country="${country}"`}${kinds ? ` kinds="${kinds}"` : ""} /> shows nothing: content/resources/ has no resource of ${kindList ? `the kind(s) ${kindList.join(", ")}` : "any kind"} ${nationals !== undefined ? `for the nationals of ${nationals}` : `that can be reached in ${country}`}. Change the kinds or the country, or remove the list and the words that lead to it.` });
      }
    }
    for (const m of guide.body.matchAll(phoneTagPattern)) {
      const line = lineAt(guide, m.index ?? 0);
      const { resource: id, line: which } = phoneTagAttrs(m[1] ?? "");
      const r = id === undefined ? undefined : resources.get(id);
      if (id === undefined) problems.push({ severity: "error", file: guide.file, line, message: `<Phone> needs the resource it reads its number from, like <Phone resource="gt-pnc" />.` });
      else if (!r) problems.push({ severity: "error", file: guide.file, line, message: `<Phone resource="${id}"> names a resource that does not exist: there is no content/resources/${id}.yaml. Use the file name of a resource without .yaml.` });
      else {
        const picked = pickPhone(r.data, which);
        if (typeof picked === "string") problems.push({ severity: "error", file: guide.file, line, message: `<Phone resource="${id}"${which ? ` line="${which}"` : ""}>: ${picked}` });
      }
    }
    for (const m of guide.body.matchAll(/<Callout\b([^>]*)>/g)) {
      const type = /type\s*=\s*"([^"]*)"/.exec(m[1] ?? "")?.[1];
      if (type !== undefined && !isCalloutType(type))
        problems.push({ severity: "error", file: guide.file, line: lineAt(guide, m.index ?? 0), message: `<Callout> has the type "${type}". Use ${calloutTypesInWords}.` });
    }
  }
  return problems;
}
