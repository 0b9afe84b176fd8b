// Search benchmark (part of `npm run bench:site`): Pagefind index size per locale, bytes the
// first query transfers, and the median time of a fixed list of queries in a real browser.
// Uses the build in HUB_OUT (default dist-bench, as bench-site.ts); builds it first when it has no search index.
import { execSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import { staticSite } from "../bot/static";
import { chromiumExecutable } from "../tests/browser";
import { locales } from "../src/lib/locales";

/** Fixed queries, typed the way people ask (not the guides' own `questions`). */
const queries: Record<string, string[]> = {
  es: ["me agarro la migra", "quiero pedir asilo", "perdi a mi mama en el camino", "me quitaron los papeles", "numero de emergencia mexico", "no me dejan ir a la escuela"],
  en: ["immigration caught me", "i want asylum", "lost my mom on the way", "they took my papers", "emergency number mexico", "they wont let me go to school"],
  fr: ["la police m'a attrapé", "je veux demander l'asile", "j'ai perdu ma mère en route", "ils ont pris mes papiers", "numéro d'urgence mexique", "on me refuse l'école"],
  ht: ["imigrasyon kenbe m", "mwen vle mande azil", "mwen pèdi manman m sou wout la", "yo pran papye m", "nimewo ijans meksik", "yo pa kite m al lekòl"],
  pt: ["a imigração me pegou", "quero pedir asilo", "perdi minha mãe no caminho", "pegaram meus documentos", "número de emergência méxico", "não me deixam ir para a escola"],
};

const out = path.resolve(process.env["HUB_OUT"] ?? "dist-bench");
const entryFile = path.join(out, "pagefind", "pagefind-entry.json");
if (!fs.existsSync(entryFile)) {
  console.log(`No search index in ${path.relative(process.cwd(), out)}/: building the site first.`);
  execSync("npx astro build", { stdio: "ignore", env: { ...process.env, HUB_OUT: path.relative(process.cwd(), out) } });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// Index size per language: every Pagefind file named after it (meta, index chunks, fragments, filters, wasm).
const entry = JSON.parse(fs.readFileSync(entryFile, "utf8")) as { languages: Record<string, { page_count: number }> };
const files: string[] = [];
const walk = (dir: string) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) (e.isDirectory() ? walk : (f: string) => files.push(f))(path.join(dir, e.name));
};
walk(path.join(out, "pagefind"));
console.log("\nSearch index (Pagefind) per locale:");
for (const [lang, info] of Object.entries(entry.languages)) {
  const mine = files.filter((f) => new RegExp(`(^|[/.])${lang}(_[0-9a-f]+\\.|\\.pagefind$)`).test(path.relative(path.join(out, "pagefind"), f)));
  const bytes = mine.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  console.log(`  ${lang.padEnd(4)} ${String(info.page_count).padStart(4)} pages  ${kb(bytes).padStart(9)} in ${mine.length} files`);
}

/** In-page script: submit one query through the search page's form, resolve with the ms until its results show. */
function timeQuery(query: string): string {
  // A string, so the bundler adds no helpers that do not exist in the page.
  return `(async () => {
    const root = document.querySelector("[data-search]");
    const status = root.querySelector("[data-search-status]");
    root.querySelector("input[name=q]").value = ${JSON.stringify(query)};
    const t0 = performance.now();
    root.querySelector("form").requestSubmit();
    await new Promise((resolve) => {
      (function check() {
        const done = ["results", "empty"].includes(root.dataset.state) && status.textContent.includes(${JSON.stringify(query)});
        if (done) resolve(); else requestAnimationFrame(check);
      })();
    });
    return performance.now() - t0;
  })()`;
}

const site = staticSite(out);
const server = http.createServer((req, res) => void site(req, res));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox", "--disable-gpu"] });

console.log("\nSearch in Chromium (bytes as served by bot/server.ts, uncompressed; first query = what the search loads after the page):");
console.log("  locale  search page   first query   median query");
try {
  for (const locale of locales().map((l) => l.code).filter((c) => queries[c])) {
    const list = queries[locale]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    let pageBytes = 0;
    let searchBytes = 0;
    let counting = false;
    page.on("requestfinished", async (request) => {
      const sizes = await request.sizes().catch(() => undefined);
      const bytes = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
      if (counting && new URL(request.url()).pathname.startsWith("/pagefind/")) searchBytes += bytes;
      else if (!counting) pageBytes += bytes;
    });
    await page.goto(`${base}/${locale}/search/`, { waitUntil: "networkidle" });
    counting = true;
    const times: number[] = [];
    let firstQueryBytes = 0;
    for (const q of list) {
      times.push(await page.evaluate(timeQuery(q)));
      if (times.length === 1) {
        await page.waitForLoadState("networkidle");
        firstQueryBytes = searchBytes;
      }
    }
    console.log(
      `  ${locale.padEnd(6)}  ${kb(pageBytes).padStart(11)}  ${kb(firstQueryBytes).padStart(12)}  ${`${median(times).toFixed(1)} ms`.padStart(12)}  (${list.length} queries; the first took ${times[0]!.toFixed(0)} ms)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
