// What every response of the hub shares: how a request's path is read (once, without URL
// parsing tricks) and the security headers sent on every answer, pages and errors alike.
import type { IncomingMessage, ServerResponse } from "node:http";
import { chatSocketOrigin } from "../src/lib/site-urls";

/**
 * The raw (still percent-encoded) path of a request, or undefined when it is not an
 * origin-form path. `new URL(req.url, base)` is not used on purpose: it reads "//host/x" as
 * another host, which made `GET //` throw (a 500) and `/.//evil.example` redirect off-site.
 */
export function requestPath(req: IncomingMessage): string | undefined {
  const raw = req.url ?? "";
  if (!raw.startsWith("/")) return undefined;
  const end = raw.search(/[?#]/);
  return end < 0 ? raw : raw.slice(0, end);
}

/** The query string of a request, with its "?" ("" when there is none). */
export function requestQuery(req: IncomingMessage): string {
  const raw = req.url ?? "";
  const at = raw.indexOf("?");
  return at < 0 ? "" : raw.slice(at).replace(/#.*$/, "");
}

/**
 * The Content-Security-Policy of the site. Scripts only from this origin (Astro's scripts are
 * built as files, see astro.config.mjs), WebAssembly for the search, and connections only to
 * this origin and, when the chat runs elsewhere, the bot's websocket origin.
 */
export function siteCsp(botUrl: string | undefined): string {
  const connect = ["'self'", ...(botUrl ? [chatSocketOrigin(botUrl)] : [])].filter(Boolean);
  return [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    // Inline style attributes stay allowed: they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Security headers for every response: pages, redirects, errors, /healthz. */
export function securityHeaders(botUrl: string | undefined): Record<string, string> {
  return {
    "Content-Security-Policy": siteCsp(botUrl),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
  };
}

/** The same headers as raw header lines, for answers written straight to a socket. */
export function rawHeaderLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
}

/** A short plain-text answer (the security headers were already set on `res`). */
export function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra }).end(text);
}
