// Serves the built site (dist/) from the bot's process: files, directory indexes, and the
// 404 page of the locale in the path. Nothing here knows about the bot.
import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
  ".yml": "text/yaml; charset=utf-8",
};

/** Security headers for every page: nothing may load from another origin. */
export const securityHeaders: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
};

const adminCsp =
  "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'; " +
  `connect-src 'self' ${process.env["CMS_LOCAL_BACKEND_ORIGIN"] ?? "http://localhost:8081"} https://api.github.com; frame-ancestors 'none'; base-uri 'self'`;

function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const full = path.join(root, path.normalize(decoded).replace(/^(\.\.[/\\])+/, ""));
  if (!full.startsWith(root)) return undefined;
  if (fs.existsSync(full) && fs.statSync(full).isFile()) return full;
  const index = path.join(full, "index.html");
  if (fs.existsSync(index)) return index;
  return undefined;
}

/** Returns a request handler for the static site rooted at `root`. */
export function staticSite(root: string) {
  const absRoot = path.resolve(root);
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { "Content-Type": "text/plain; charset=utf-8", Allow: "GET, HEAD" }).end("Method not allowed");
      return;
    }
    // Directory paths without a trailing slash redirect, so relative links keep working.
    const file = resolveFile(absRoot, url.pathname);
    if (file && file.endsWith("index.html") && !url.pathname.endsWith("/") && !url.pathname.endsWith(".html")) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const status = file ? 200 : 404;
    const served = file ?? notFoundPage(absRoot, url.pathname);
    const headers: Record<string, string> = { ...securityHeaders };
    // The editors' CMS compiles its validators at run time and talks to its local proxy or
    // the git host; only /admin/ gets those allowances.
    if (url.pathname.startsWith("/admin/")) headers["Content-Security-Policy"] = adminCsp;
    if (!served) {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    headers["Content-Type"] = types[path.extname(served)] ?? "application/octet-stream";
    headers["Cache-Control"] = served.includes(`${path.sep}_astro${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
    res.writeHead(status, headers);
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(served).pipe(res);
  };
}

function notFoundPage(root: string, pathname: string): string | undefined {
  const locale = /^\/([a-z]{2,3})\//.exec(pathname)?.[1];
  const candidates = [locale ? path.join(root, locale, "404", "index.html") : undefined, path.join(root, "404.html")];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}
