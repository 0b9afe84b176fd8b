// The routes a build makes, from the loaded content: every page of src/pages/[locale]/, in every
// locale, with the locale of the text it shows. The pages' getStaticPaths and the link checker
// both take them from here (through the site model), so no route is listed twice.
import type { LoadedContent } from "./content-files";
import { guidePages } from "./fallback";
import { publishedHubs } from "./hubs";
import { linkablePages, localePath, pagePaths, type SitePage } from "./routes";

/** One page of a build. */
export interface Route extends SitePage {
  /** Locale of the text the page shows: a guide without a translation shows the source guide. */
  entryLocale: string;
  /** true when the page shows the source-language text with a notice. */
  fallback: boolean;
}

/**
 * Every page a build of this content makes. Example hubs only in a demo build; with
 * `linkable`, only the pages a guide may link to (a public build's, and not the 404 page).
 */
export function siteRoutes(c: LoadedContent, o: { demo: boolean; linkable?: boolean }): Route[] {
  const codes = c.locales.map((l) => l.code);
  const guides = new Map(guidePages(codes, c.guides.map((g) => `${g.locale}/${g.id}`)).map((g) => [`${g.locale}/${g.id}`, g]));
  const sourceIds = [...new Set([...guides.values()].map((g) => g.id))];
  const ids = { guides: sourceIds, countries: c.countries.map((k) => k.data.code), hubs: publishedHubs(c.hubs, o.demo && !o.linkable).map((h) => h.id) };
  const routes: Route[] = linkablePages(codes, ids).map((page) => {
    const guide = page.kind === "guide" ? guides.get(`${page.locale}/${page.id}`) : undefined;
    return { ...page, entryLocale: guide?.entryLocale ?? page.locale, fallback: guide?.fallback ?? false };
  });
  if (o.linkable) return routes;
  return [...routes, ...codes.map((locale): Route => ({ path: localePath(locale, pagePaths.notFound()), locale, kind: "notFound", entryLocale: locale, fallback: false }))];
}
