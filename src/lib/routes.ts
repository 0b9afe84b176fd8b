// Ships to the browser too (src/scripts/chat.ts links to the help page): pure, imports nothing.
// The site's routes, written once. Every page lives under /{locale}/, and the same path in
// another locale is the same page in that language. The page files in src/pages/[locale]/
// make these pages (their getStaticPaths); the link checker lists them from here, and the
// site, the knowledge base (a guide's url) and the chat client build their links with these.

/** Where each page is inside its locale: the part of its path after /{locale}/. */
export const pagePaths = {
  /** The locale's start page: src/pages/[locale]/index.astro. */
  home: () => "",
  /** "Get help now": src/pages/[locale]/help.astro. */
  help: () => "help/",
  /** "Get help now" where the person is, that country's lines first: src/pages/[locale]/help/[country].astro. */
  helpIn: (code: string) => `help/${countrySlug(code)}/`,
  /** Search and the list of every guide: src/pages/[locale]/search/index.astro. */
  search: () => "search/",
  /** The web chat: src/pages/[locale]/chat/index.astro. */
  chat: () => "chat/",
  /** Who runs this hub and what it keeps: src/pages/[locale]/about.astro. */
  about: () => "about/",
  /** Page not found (built, but no page links to it): src/pages/[locale]/404.astro. */
  notFound: () => "404/",
  /** A guide, by its id (its file name): src/pages/[locale]/guides/[id].astro. */
  guide: (id: string) => `guides/${id}/`,
  /** A country, by its code; the slug is the lower-case code: src/pages/[locale]/countries/[country].astro. */
  country: (code: string) => `countries/${countrySlug(code)}/`,
  /** A municipal hub, by its id: src/pages/[locale]/hubs/[hub].astro. */
  hub: (id: string) => `hubs/${id}/`,
} as const;

/** A country page's path segment: the lower-case country code ("GT" -> "gt"). */
export function countrySlug(code: string): string {
  return code.toLowerCase();
}

/** Absolute path of a page in a locale: localePath("fr", "guides/x/") -> "/fr/guides/x/". */
export function localePath(locale: string, pagePath = ""): string {
  const rest = pagePath.replace(/^\/+/, "");
  return `/${locale}/${rest}`;
}

/** Pages every locale has that take no parameter and that a guide may link to (not the 404 page). */
const fixedPages = ["home", "help", "search", "chat", "about"] as const;

/** What the site has pages for, besides the fixed ones: the ids each kind of page is made for. */
export interface RouteIds {
  /** Ids of the source-language guides (every one has a page in every locale). */
  guides: readonly string[];
  /** Country codes. */
  countries: readonly string[];
  /** Ids of the hubs that get a page (publishedHubs). */
  hubs: readonly string[];
}

/** One page of the site that a link may point to. */
export interface SitePage {
  /** Absolute path, like /fr/guides/your-rights/. */
  path: string;
  locale: string;
  kind: (typeof fixedPages)[number] | "notFound" | "guide" | "country" | "helpIn" | "hub";
  /** The guide id, country code or hub id; undefined for the fixed pages. */
  id?: string;
}

/** Every page a build makes that a link may point to, in every locale. */
export function linkablePages(locales: readonly string[], ids: RouteIds): SitePage[] {
  return locales.flatMap((locale) => {
    const page = (kind: SitePage["kind"], pagePath: string, id?: string): SitePage => ({ path: localePath(locale, pagePath), locale, kind, ...(id === undefined ? {} : { id }) });
    return [
      ...fixedPages.map((kind) => page(kind, pagePaths[kind]())),
      ...ids.countries.map((code) => page("country", pagePaths.country(code), code)),
      ...ids.countries.map((code) => page("helpIn", pagePaths.helpIn(code), code)),
      ...ids.hubs.map((id) => page("hub", pagePaths.hub(id), id)),
      ...ids.guides.map((id) => page("guide", pagePaths.guide(id), id)),
    ];
  });
}
