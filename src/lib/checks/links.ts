// Broken internal links and anchors in guides, and MDX components that name a country or
// resource kind that does not exist. Links are resolved the way the site serves them:
// every Spanish guide has a page in every locale (translated or as a fallback). Guides are
// read as the site parses them (src/lib/mdx-text.ts), so a link or a tag shown as code
// (in a fenced code block or `inline code`) is text on the page, and is not checked.
import { calloutTypesInWords, countryCodes, isCalloutType, resourceKinds } from "../schemas";
import type { GuideFile, LoadedContent, Problem } from "../content-files";
import { listedResources, pickPhone } from "../resources";
import { headingSlugs, isJsxElement, jsxAttribute, MdxSyntaxError, parseMdx, walk } from "../mdx-text";
import { localePath, pagePaths } from "../routes";
import { siteRoutes } from "../site-routes";
import type { Nodes, Root } from "mdast";

/** A guide body's tree, or the problem that it is not valid MDX. */
function parsed(guide: GuideFile): Root | Problem {
  try {
    return parseMdx(guide.body);
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
    const line = err.line === undefined ? undefined : guide.bodyLine + err.line - 1;
    // "9:1: Expected a closing tag for `<Callout>` (9:1) (mdx-jsx:unexpected-character)": the line is given apart.
    const message = err.message.replace(/^\d+:\d+: /, "").replace(/\s*\(\d+:\d+\)/g, "").replace(/\s*\([\w-]+:[\w-]+\)$/, "");
    return { severity: "error", file: guide.file, ...(line ? { line } : {}), message: `this guide is not valid MDX, so its page cannot be built: ${message}. Check the tag or the braces there.` };
  }
}

function lineOf(guide: GuideFile, node: Nodes): number {
  return guide.bodyLine + (node.position?.start.line ?? 1) - 1;
}

/**
 * Every page path a public build makes (the site routes, src/lib/site-routes.ts), with the anchors
 * of guide pages (undefined when a guide is not valid MDX: that is reported once, not as every
 * link to it). Example hubs are left out: only a demo build (HUB_DEMO=1) has their pages, so
 * a guide must not link to one.
 */
function sitePages(c: LoadedContent, trees: Map<GuideFile, Root | Problem>): Map<string, Set<string> | undefined> {
  const pages = new Map<string, Set<string> | undefined>();
  for (const page of siteRoutes(c, { demo: false, linkable: true })) {
    const shown = page.kind === "guide" ? c.guides.find((g) => g.locale === page.entryLocale && g.id === page.id) : undefined;
    const tree = shown && trees.get(shown);
    pages.set(page.path, !tree ? new Set() : "severity" in tree ? undefined : new Set(headingSlugs(tree)));
  }
  return pages;
}

export function checkLinks(c: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const trees = new Map(c.guides.map((g) => [g, parsed(g)]));
  const pages = sitePages(c, trees);
  const resources = new Map(c.resources.map((r) => [r.id, r]));
  for (const guide of c.guides) {
    const tree = trees.get(guide) as Root | Problem;
    if ("severity" in tree) {
      problems.push(tree);
      continue;
    }
    const nodes = [...walk(tree)];
    const here = localePath(guide.locale, pagePaths.guide(guide.id));
    // The bot's answers name the section they answer by its heading's anchor in this same file.
    const own = new Set(headingSlugs(tree));
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
    for (const node of nodes) {
      if (node.type !== "link" && node.type !== "image") continue;
      const href = node.url;
      if (/^(https?:|tel:|mailto:|sms:)/.test(href)) continue;
      const url = new URL(href, `http://site${here}`);
      let path = url.pathname;
      if (!path.endsWith("/")) path += "/";
      const anchors = pages.get(path);
      const line = lineOf(guide, node);
      if (!pages.has(path)) {
        problems.push({ severity: "error", file: guide.file, line, message: `the link "${href}" goes to ${path}, a page that does not exist. Check the guide id or country code; links to other guides look like ../your-rights/.` });
      } else if (url.hash && anchors && !anchors.has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push({ severity: "error", file: guide.file, line, message: `the link "${href}" points to the section "${url.hash}", which ${path} does not have. Use the heading's anchor: its words in lower case joined by "-".` });
      }
    }
    for (const node of nodes) {
      if (!isJsxElement(node, "ResourceList") && !isJsxElement(node, "EmergencyNumbers")) continue;
      const tag = node.name;
      const line = lineOf(guide, node);
      const country = jsxAttribute(node, "country");
      const nationals = jsxAttribute(node, "nationals");
      if (country !== undefined && !(countryCodes as readonly string[]).includes(country) && !(tag === "ResourceList" && country === "regional"))
        problems.push({ severity: "error", file: guide.file, line, message: `<${tag}> names the country "${country}", which has no resources. Use one of ${countryCodes.join(", ")}${tag === "ResourceList" ? ' or "regional"' : ""}.` });
      if (tag === "ResourceList" && nationals !== undefined && !(countryCodes as readonly string[]).includes(nationals))
        problems.push({ severity: "error", file: guide.file, line, message: `<ResourceList> names the nationals of "${nationals}". Use one of ${countryCodes.join(", ")}.` });
      if (tag === "ResourceList" && (country === undefined) === (nationals === undefined))
        problems.push({ severity: "error", file: guide.file, line, message: `<ResourceList> needs either country="MX" (help that can be reached in Mexico) or nationals="MX" (lines for Mexicans wherever they are), not ${country === undefined ? "neither" : "both"}.` });
      const kinds = jsxAttribute(node, "kinds");
      const kindList = kinds ? kinds.split(",").map((k) => k.trim()).filter(Boolean) : undefined;
      const unknownKinds = (kindList ?? []).filter((kind) => !(resourceKinds as readonly string[]).includes(kind));
      for (const kind of unknownKinds)
        problems.push({ severity: "error", file: guide.file, line, message: `<${tag}> asks for the resource kind "${kind}", which does not exist. Use: ${resourceKinds.join(", ")}.` });
      // A list that shows nothing leaves its lead-in ("these organisations can help:") pointing at a gap.
      const known = (code: string | undefined) => code === undefined || (countryCodes as readonly string[]).includes(code) || (code === "regional" && nationals === undefined);
      if (tag === "ResourceList" && unknownKinds.length === 0 && (country === undefined) !== (nationals === undefined) && known(country) && known(nationals)) {
        const scope = nationals !== undefined ? { nationals } : { country: country ?? "" };
        if (listedResources(c.resources, scope, kindList).length === 0)
          problems.push({ severity: "error", file: guide.file, line, message: `<ResourceList ${nationals !== undefined ? `nationals="${nationals}"` : `country="${country}"`}${kinds ? ` kinds="${kinds}"` : ""} /> shows nothing: content/resources/ has no resource of ${kindList ? `the kind(s) ${kindList.join(", ")}` : "any kind"} ${nationals !== undefined ? `for the nationals of ${nationals}` : `that can be reached in ${country}`}. Change the kinds or the country, or remove the list and the words that lead to it.` });
      }
    }
    for (const node of nodes) {
      if (!isJsxElement(node, "Phone")) continue;
      const line = lineOf(guide, node);
      const id = jsxAttribute(node, "resource");
      const which = jsxAttribute(node, "line");
      const r = id === undefined ? undefined : resources.get(id);
      if (id === undefined) problems.push({ severity: "error", file: guide.file, line, message: `<Phone> needs the resource it reads its number from, like <Phone resource="gt-pnc" />.` });
      else if (!r) problems.push({ severity: "error", file: guide.file, line, message: `<Phone resource="${id}"> names a resource that does not exist: there is no content/resources/${id}.yaml. Use the file name of a resource without .yaml.` });
      else {
        const picked = pickPhone(r.data, which);
        if (typeof picked === "string") problems.push({ severity: "error", file: guide.file, line, message: `<Phone resource="${id}"${which ? ` line="${which}"` : ""}>: ${picked}` });
      }
    }
    for (const node of nodes) {
      if (!isJsxElement(node, "Callout")) continue;
      const type = jsxAttribute(node, "type");
      if (type !== undefined && !isCalloutType(type))
        problems.push({ severity: "error", file: guide.file, line: lineOf(guide, node), message: `<Callout> has the type "${type}". Use ${calloutTypesInWords}.` });
    }
  }
  return problems;
}
