// npm run bench:site: builds the site and prints what a reader downloads. Pages built, build
// seconds, and for a typical guide page (the median-sized Spanish one) the gzip bytes of its
// HTML, CSS and JS, against the 20 KB budget. Then how the build scales: a generated content
// set (content/ copied to a temp folder, each locale's guides cloned with new ids and titles
// up to GUIDES_PER_LOCALE) is built there too, and build seconds and pages per second are
// printed for both. A benchmark that prints, not a test.
// HUB_OUT chooses the build folder of the shipped content (default dist-bench, so it never
// touches dist/); the generated set and its build go to the temp folder, removed at the end.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import YAML from "yaml";
import { splitFrontmatter } from "../src/lib/frontmatter";
import { sourceLocale } from "../src/lib/locales";

const BUDGET_BYTES = 20 * 1024;
/** Guides per locale in the generated set: the "10×" set that build-scaling targets are measured on. */
const GUIDES_PER_LOCALE = 170;
const out = path.resolve(process.env["HUB_OUT"] ?? "dist-bench");

/** Astro's cache for a build folder (astro.config.mjs keys cacheDir on HUB_OUT). */
const cacheDirOf = (outDir: string) => path.join("node_modules", ".astro-cache", outDir);

/**
 * Build seconds of `contentDir` (default content/) into `outDir`. Astro's cache for that folder
 * is emptied first, so both sets are measured alike (a generated set never has one); a warm
 * cache made no build faster when measured (shipped 14.0 s cold, 16.4 s warm; generated 51 s, 62 s).
 */
function build(outDir: string, contentDir?: string): number {
  fs.rmSync(cacheDirOf(outDir), { recursive: true, force: true });
  const env = { ...process.env, HUB_OUT: outDir, ...(contentDir ? { HUB_CONTENT_DIR: contentDir } : {}) };
  const started = performance.now();
  const result = spawnSync("npx", ["astro", "build"], { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error(`The build${contentDir ? ` of ${contentDir}` : ""} failed (exit ${result.status}). Run \`npm run build\` to see why.`);
  return (performance.now() - started) / 1000;
}

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(full);
    return e.name.endsWith(".html") ? [full] : [];
  });
}

/** The median-sized guide page of the source locale: typical, not the best case. */
function typicalGuidePage(): string {
  const dir = path.join(out, "es", "guides");
  const pages = fs
    .readdirSync(dir)
    .map((id) => path.join(dir, id, "index.html"))
    .filter((f) => fs.existsSync(f))
    .sort((a, b) => fs.statSync(a).size - fs.statSync(b).size);
  const median = pages[Math.floor(pages.length / 2)];
  if (!median) throw new Error(`No guide pages in ${dir}.`);
  return median;
}

const gz = (text: string | Buffer) => gzipSync(text).length;
const local = (href: string) => path.join(out, href.split(/[?#]/)[0] ?? "");

/** A script and the modules it imports statically (Astro splits shared code into chunks). */
function scriptWithImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || !fs.existsSync(file)) return [];
  seen.add(file);
  const code = fs.readFileSync(file, "utf8");
  const imports = [...code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map((m) => path.resolve(path.dirname(file), m[1] ?? ""));
  return [file, ...imports.flatMap((i) => scriptWithImports(i, seen))];
}

/** The pages a reader can open (not the CMS under admin/). */
const sitePages = (dir: string) => htmlFiles(dir).filter((f) => !f.includes(`${path.sep}admin${path.sep}`));

/**
 * content/ copied to `dir`, with each locale's guides cloned up to GUIDES_PER_LOCALE: a clone
 * of guide "x" is "x-2", "x-3"... with the number after its title, in every locale that has
 * "x" (so translations stay translations, and fresh: their revision is of the body and the
 * answers, which a clone keeps). Returns the guides per locale.
 */
function generateContent(dir: string): number {
  fs.cpSync("content", dir, { recursive: true });
  const guides = path.join(dir, "guides");
  const ids = fs.readdirSync(path.join(guides, sourceLocale)).filter((f) => f.endsWith(".mdx")).map((f) => f.slice(0, -".mdx".length)).sort();
  const clones = Array.from({ length: Math.max(0, GUIDES_PER_LOCALE - ids.length) }, (_, k) => ({ id: ids[k % ids.length] as string, n: Math.floor(k / ids.length) + 2 }));
  for (const locale of fs.readdirSync(guides)) {
    for (const { id, n } of clones) {
      const file = path.join(guides, locale, `${id}.mdx`);
      if (!fs.existsSync(file)) continue;
      const parts = splitFrontmatter(fs.readFileSync(file, "utf8"));
      if (!parts) throw new Error(`${file} has no frontmatter.`);
      const meta = YAML.parseDocument(parts.yaml);
      meta.set("title", `${String(meta.get("title"))} ${n}`);
      fs.writeFileSync(path.join(guides, locale, `${id}-${n}.mdx`), `---\n${meta.toString({ lineWidth: 0 })}---\n${parts.body}`);
    }
  }
  return ids.length + clones.length;
}

interface Scale {
  name: string;
  guides: number;
  pages: number;
  seconds: number;
}

/** Builds the generated set in a temp folder, which is removed afterwards (also when the build fails). */
function buildGenerated(): Scale {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hub-bench-site-"));
  const contentDir = path.join(tmp, "content");
  const outDir = path.join(tmp, "dist");
  const cleanUp = () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    // The build's cache went to node_modules/.astro-cache/{tmp}/dist: remove it and the folders made for it.
    fs.rmSync(cacheDirOf(tmp), { recursive: true, force: true });
    for (let dir = path.dirname(cacheDirOf(tmp)); dir !== cacheDirOf("") && fs.existsSync(dir) && fs.readdirSync(dir).length === 0; dir = path.dirname(dir)) fs.rmdirSync(dir);
  };
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  try {
    const guides = generateContent(contentDir);
    const seconds = build(outDir, contentDir);
    return { name: "generated 10× set", guides, pages: sitePages(outDir).length, seconds };
  } finally {
    process.off("SIGINT", onSignal);
    cleanUp();
  }
}

let seconds: number;
try {
  seconds = build(out);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const pages = sitePages(out);
const page = typicalGuidePage();
const html = fs.readFileSync(page, "utf8");
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => local(m[1] ?? ""));
const js = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].flatMap((m) => scriptWithImports(local(m[1] ?? ""))))];
const mainText = (/<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

const rows: [string, number][] = [
  [`HTML ${path.relative(out, page)}`, gz(html)],
  ...css.map((f): [string, number] => [`CSS  ${path.relative(out, f)}`, gz(fs.readFileSync(f))]),
  ...js.map((f): [string, number] => [`JS   ${path.relative(out, f)}`, gz(fs.readFileSync(f))]),
];
const total = rows.reduce((sum, [, bytes]) => sum + bytes, 0);
const sum = (prefix: string) => rows.filter(([name]) => name.startsWith(prefix)).reduce((s, [, b]) => s + b, 0);

console.log(`Pages built: ${pages.length} (in ${path.relative(process.cwd(), out)})`);
console.log(`Build: ${seconds.toFixed(1)} s`);
console.log(`Typical guide page, gzip bytes:`);
for (const [name, bytes] of rows) console.log(`  ${String(bytes).padStart(7)}  ${name}`);
console.log(`  ${String(total).padStart(7)}  total (HTML ${sum("HTML")}, CSS ${sum("CSS")}, JS ${sum("JS")})`);
console.log(`Budget 20 KB (${BUDGET_BYTES} bytes): ${total <= BUDGET_BYTES ? "within" : `OVER by ${total - BUDGET_BYTES} bytes`}`);
console.log(`Readable without JavaScript: ${mainText.length > 500 ? "yes (the guide text is in the HTML)" : "NO: the main content is not in the HTML"}`);

const shippedGuides = fs.readdirSync(path.join("content", "guides", sourceLocale)).filter((f) => f.endsWith(".mdx")).length;
let generated: Scale;
try {
  generated = buildGenerated();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const scales: Scale[] = [{ name: "shipped content/", guides: shippedGuides, pages: pages.length, seconds }, generated];
console.log(`Build scaling (Astro's cache emptied before each build):`);
for (const s of scales) console.log(`  ${s.name.padEnd(18)} ${String(s.guides).padStart(4)} guides per locale ${String(s.pages).padStart(5)} pages ${s.seconds.toFixed(1).padStart(6)} s ${(s.pages / s.seconds).toFixed(1).padStart(6)} pages/s`);
