// Kiosk builds only: /sw.js (src/sw/sw.ts, bundled here), written after the site and its search index are built. The worker
// precaches every page of the kiosk's locales, the CSS/JS, icons and the Pagefind index, so
// a kiosk keeps working when the connection drops. Its cache is named after a hash of the
// build's files: a new build installs a complete new cache and deletes the old one, so a
// screen never mixes files of two builds.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import { buildSync } from "esbuild";
import { kioskConfig } from "../lib/kiosk";
import { getLocale, localeCodes } from "../lib/locales";

/** Every file under `root`, as sorted paths relative to it with forward slashes. */
function listFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, full));
    else out.push(path.relative(root, full).split(path.sep).join("/"));
  }
  return out.sort();
}

/** The URLs a kiosk needs offline, given the build's files, the kiosk's locales and their `lang` tags. */
export function precacheList(files: string[], locales: string[], allLocales: string[], langs: string[] = locales): string[] {
  const urls: string[] = [];
  for (const file of files) {
    const top = file.split("/")[0] ?? "";
    if (file === "sw.js") continue;
    if (file.endsWith(".html")) {
      // Pages of locales the kiosk does not offer, and tools that are not for visitors, stay online-only.
      if (allLocales.includes(top) && !locales.includes(top)) continue;
      if (!allLocales.includes(top) && file !== "index.html" && file !== "404.html") continue;
      urls.push(`/${file.replace(/(^|\/)index\.html$/, "$1")}`);
      continue;
    }
    // Bundled CSS/JS, the search index, and icons at the top level (not the editors' CMS under /admin/).
    const topLevelAsset = !file.includes("/") && /\.(svg|png|ico|webmanifest|css)$/.test(file);
    if (top === "_astro" || top === "pagefind" || topLevelAsset) {
      // The site uses Pagefind's JS API with its own UI: Pagefind's ready-made UIs are not needed.
      if (top === "pagefind" && /playground|-ui\.|highlight/.test(file)) continue;
      // Pagefind names each language's files after it (es_1a2b.pf_index, wasm.es.pagefind).
      const lang = top === "pagefind" ? /(?:^|[/.])([a-z]{2,3}(?:-[a-z0-9]+)?)(?:_[0-9a-f]+\.|\.pagefind$)/.exec(file)?.[1] : undefined;
      if (lang && lang !== "unknown" && !langs.includes(lang)) continue;
      urls.push(`/${file}`);
    }
  }
  return urls;
}

/** What every kiosk cache's name starts with; the worker deletes older builds' caches by it. */
const CACHE_PREFIX = "hub-kiosk-";
/** The worker's typed source (type-checked with the site by npm run typecheck). */
const workerEntry = fileURLToPath(new URL("../sw/sw.ts", import.meta.url));

/**
 * The service worker for one build: src/sw/sw.ts bundled by esbuild (the bundler Astro's Vite
 * already brings) into one classic script, with the build's cache name and precache list put in
 * as constants through esbuild's `define`, so they reach the worker as JSON values, not as text
 * spliced into code.
 */
export function serviceWorkerSource(buildId: string, urls: string[]): string {
  const result = buildSync({
    entryPoints: [workerEntry],
    bundle: true,
    write: false,
    // A classic script: /sw.js is registered without { type: "module" }.
    format: "iife",
    platform: "browser",
    target: "es2020",
    legalComments: "none",
    logLevel: "silent",
    define: {
      __KIOSK_CACHE__: JSON.stringify(`${CACHE_PREFIX}${buildId}`),
      __KIOSK_CACHE_PREFIX__: JSON.stringify(CACHE_PREFIX),
      __KIOSK_PRECACHE__: JSON.stringify(urls),
    },
    banner: { js: "// Shipped to the browser: the kiosk's offline service worker (src/sw/sw.ts, bundled by src/integrations/service-worker.ts)." },
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild wrote nothing for ${workerEntry}.`);
  return out.text;
}

/** Writes /sw.js into the built site of a kiosk build (and removes a stale one otherwise). */
export function writeServiceWorker(site: string, logger: AstroIntegrationLogger): void {
  const config = kioskConfig();
  const target = path.join(site, "sw.js");
  if (!config.enabled) {
    // A worker left by an earlier kiosk build in the same folder must not ship.
    fs.rmSync(target, { force: true });
    return;
  }
  const files = listFiles(site);
  const hash = createHash("sha256");
  for (const file of files) if (file !== "sw.js") hash.update(file).update(fs.readFileSync(path.join(site, file)));
  const buildId = hash.digest("hex").slice(0, 12);
  const langs = config.locales.map((code) => (getLocale(code)?.lang ?? code).toLowerCase());
  const urls = precacheList(files, config.locales, localeCodes(), langs);
  fs.writeFileSync(target, serviceWorkerSource(buildId, urls));
  logger.info(`Kiosk service worker: ${urls.length} files precached, cache ${CACHE_PREFIX}${buildId}`);
}
