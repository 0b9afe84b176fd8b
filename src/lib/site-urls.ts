// Site addresses. Pages live under /{locale}/...; the same path in another locale is the
// same page in that language (language switch, hreflang alternates).
// The route table itself (page paths, localePath) is src/lib/routes.ts.
import { locales, sourceLocale } from "./locales";
import { localePath } from "./routes";

/** The locale a site path belongs to ("/fr/help/" -> "fr"); the source locale when none. */
export function localeOfPath(pathname: string): string {
  const first = pathname.split("/")[1] ?? "";
  return locales().some((l) => l.code === first) ? first : sourceLocale;
}

export interface Alternate {
  hreflang: string;
  href: string;
}

/** hreflang alternates of a page in every locale, plus x-default (the source language). */
export function alternatesOf(pagePath: string, site: URL | string): Alternate[] {
  const abs = (p: string) => new URL(p, site).href;
  return [
    ...locales().map((l) => ({ hreflang: l.lang, href: abs(localePath(l.code, pagePath)) })),
    { hreflang: "x-default", href: abs(localePath(sourceLocale, pagePath)) },
  ];
}

/**
 * The websocket origin the chat uses for a bot at `botUrl` (PUBLIC_BOT_URL): https and wss
 * give wss:, anything else ws:. The site's chat connects there and the server's CSP allows it
 * (connect-src). "" when `botUrl` is not a full URL.
 */
export function chatSocketOrigin(botUrl: string): string {
  try {
    const url = new URL(botUrl);
    const secure = url.protocol === "https:" || url.protocol === "wss:";
    return `${secure ? "wss:" : "ws:"}//${url.host}`;
  } catch {
    return "";
  }
}
