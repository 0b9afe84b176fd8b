// npm run bench:site: builds the site and prints what a reader downloads. Pages built, build
// seconds, and for a typical guide page (the median-sized Spanish one) the gzip bytes of its
// HTML, CSS and JS, against the 20 KB budget. A benchmark that prints, not a test.
// HUB_OUT chooses the build folder (default dist-bench, so it never touches dist/).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 20 * 1024;
const out = path.resolve(process.env["HUB_OUT"] ?? "dist-bench");

function build(): number {
  const started = performance.now();
  const result = spawnSync("npx", ["astro", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, HUB_OUT: out } });
  if (result.status !== 0) {
    console.error(`The build failed (exit ${result.status}). Run \`npm run build\` to see why.`);
    process.exit(1);
  }
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

const seconds = build();
const pages = htmlFiles(out).filter((f) => !f.includes(`${path.sep}admin${path.sep}`));
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
