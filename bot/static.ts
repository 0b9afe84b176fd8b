// Serves the built site (HUB_OUT, default dist/) from the bot's process: files, directory
// indexes, the gzip/brotli files the build wrote beside them (src/integrations/precompress.ts),
// and the 404 page of the locale in the path. Nothing here knows about the bot.
//
// Redeploy-safe: every file is looked up when it is asked for (a new build in place, or a
// symlink switched to another folder, is served at once), and a file that vanishes or cannot
// be read answers 404 or 500 for that one request, never an unhandled stream error.
//
// The streaming, ETag/Last-Modified and conditional GET (304) are `send` (pillarjs, the file
// sender under Express's static middleware). It was chosen over sirv because send attaches an
// error listener to its read stream and answers before any header is written, while sirv pipes
// an unguarded stream after writing a 200 head: a file deleted between its lookup and its
// opening crashed the process with sirv, as it did with our old code.
import fs from "node:fs/promises";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import Negotiator from "negotiator";
import send from "send";
import { plain, requestPath, requestQuery } from "./http";
import type { Stats } from "./log";

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
  ".pf_filter": "application/octet-stream",
  ".pagefind": "application/octet-stream",
  ".yml": "text/yaml; charset=utf-8",
};

/** Precompressed siblings, best first: the build writes both (see precompress.ts). */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/** Hashed build assets never change under the same name: browsers may keep them for a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Everything else may be kept but is checked again (ETag / Last-Modified) on each use. */
const REVALIDATE = "no-cache";

const adminCsp =
  "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'; " +
  `connect-src 'self' ${process.env["CMS_LOCAL_BACKEND_ORIGIN"] ?? "http://localhost:8081"} https://api.github.com; frame-ancestors 'none'; base-uri 'self'`;

/** What a path asks for, after decoding: its segments, or why it is refused. */
type Parsed = { segments: string[] } | { status: 400 | 404 };

/**
 * Splits a raw path into decoded segments. Empty segments ("//"), dot segments and dotfiles
 * are never files of the site (404); undecodable escapes, NUL and backslashes are malformed
 * (400). Nothing is normalised away, so no path can climb out of the root.
 */
export function parseSitePath(rawPath: string): Parsed {
  const parts = rawPath.split("/").slice(1);
  const trailing = parts.at(-1) === "";
  if (trailing) parts.pop();
  const segments: string[] = [];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return { status: 400 };
    }
    if (/[\0\\]/.test(decoded)) return { status: 400 };
    if (decoded === "" || decoded.startsWith(".") || decoded.includes("/")) return { status: 404 };
    segments.push(decoded);
  }
  return { segments };
}

async function statOrUndefined(file: string) {
  try {
    return await fs.stat(file);
  } catch {
    return undefined;
  }
}

const encodePath = (segments: string[]) => segments.map(encodeURIComponent).join("/");

export interface StaticSiteOptions {
  stats?: Stats;
}

/** Returns a request handler for the static site rooted at `root` (a folder or a symlink to one). */
export function staticSite(root: string, options: StaticSiteOptions = {}) {
  const absRoot = path.resolve(root);

  const notFound = async (req: IncomingMessage, res: ServerResponse, segments: string[]): Promise<void> => {
    const locale = segments.length > 1 && /^[a-z]{2,3}$/.test(segments[0] ?? "") ? segments[0] : undefined;
    const candidates = [...(locale ? [path.join(absRoot, locale, "404", "index.html")] : []), path.join(absRoot, "404.html")];
    for (const file of candidates) {
      let body: Buffer;
      try {
        body = await fs.readFile(file);
      } catch {
        continue;
      }
      res.writeHead(404, { "Content-Type": types[".html"]!, "Cache-Control": REVALIDATE, "Content-Length": body.length });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    plain(res, 404, "Not found");
  };

  /** Answers one request; `rawPath` is requestPath(req), when the caller has it already. */
  return async (req: IncomingMessage, res: ServerResponse, rawPath = requestPath(req)): Promise<void> => {
    if (rawPath === undefined) return plain(res, 400, "Bad request");
    if (req.method !== "GET" && req.method !== "HEAD") return plain(res, 405, "Method not allowed", { Allow: "GET, HEAD" });
    // The editors' CMS compiles its validators at run time and talks to its local proxy or
    // the git host; only /admin/ gets those allowances.
    if (rawPath.startsWith("/admin/")) res.setHeader("Content-Security-Policy", adminCsp);
    const parsed = parseSitePath(rawPath);
    if ("status" in parsed) return parsed.status === 404 ? notFound(req, res, []) : plain(res, 400, "Bad request");
    const { segments } = parsed;

    let rel = encodePath(segments);
    let file = path.join(absRoot, ...segments);
    let stat = await statOrUndefined(file);
    if (stat?.isDirectory()) {
      const index = path.join(file, "index.html");
      stat = await statOrUndefined(index);
      if (!stat?.isFile()) return notFound(req, res, segments);
      // Directory paths without a trailing slash redirect, so relative links keep working.
      // The target is built from the checked segments: always one path on this origin.
      if (!rawPath.endsWith("/")) {
        res.writeHead(301, { Location: `/${rel}/${requestQuery(req)}`, "Cache-Control": REVALIDATE }).end();
        return;
      }
      file = index;
      rel = rel ? `${rel}/index.html` : "index.html";
    }
    if (!stat?.isFile()) return notFound(req, res, segments);

    const type = types[path.extname(file)] ?? "application/octet-stream";
    // Precompressed variants exist only for text types; a variant older than its file (a
    // hand-edited deploy) is not used.
    let served = rel;
    const compressible = /^(text\/|application\/(json|xml|manifest|wasm)|image\/svg)/.test(type);
    if (compressible) {
      res.setHeader("Vary", "Accept-Encoding");
      const accepted = new Negotiator(req).encodings(ENCODINGS.map((e) => e.name));
      for (const name of accepted) {
        const encoding = ENCODINGS.find((e) => e.name === name);
        if (!encoding) continue;
        const variant = await statOrUndefined(file + encoding.suffix);
        if (variant?.isFile() && variant.mtimeMs >= stat.mtimeMs) {
          served = rel + encoding.suffix;
          res.setHeader("Content-Encoding", encoding.name);
          break;
        }
      }
    }
    res.setHeader("Content-Type", type);
    res.setHeader("Cache-Control", segments[0] === "_astro" ? IMMUTABLE : REVALIDATE);

    await new Promise<void>((resolve) => {
      const stream = send(req, `/${served}`, { root: absRoot, etag: true, lastModified: true, cacheControl: false, acceptRanges: false, index: false, dotfiles: "deny" });
      stream.on("error", (err: { status?: number }) => {
        // The file went away (or became unreadable) after it was looked up: a redeploy.
        if (res.headersSent) {
          res.destroy();
          return resolve();
        }
        for (const name of ["Content-Encoding", "Content-Type", "Cache-Control", "ETag", "Last-Modified", "Content-Length", "Vary"]) res.removeHeader(name);
        if (err.status === 404) return void notFound(req, res, segments).then(resolve, resolve);
        options.stats && (options.stats.errors += 1);
        plain(res, 500, "Something went wrong.");
        resolve();
      });
      stream.on("end", () => resolve());
      res.on("close", () => resolve());
      stream.pipe(res);
    });
  };
}
