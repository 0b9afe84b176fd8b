// The import directions: the site (its model, pages, layouts, components, islands and build
// integrations) talks to the bot only over the wire, so nothing of it imports a module under
// bot/. Rules both need
// (the retention times, the knowledge-base format) live under src/lib/ and the bot imports them.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const siteDirs = ["src/lib", "src/pages", "src/layouts", "src/components", "src/scripts", "src/integrations"];
const botDir = path.resolve("bot");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|astro|mjs|js)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Relative import specifiers of a file (static imports, re-exports and dynamic imports). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] ?? "");
}

test("no module of the site imports from bot/", () => {
  const crossing: string[] = [];
  for (const file of siteDirs.flatMap(sourceFiles)) {
    for (const spec of importsOf(file)) {
      const target = path.resolve(path.dirname(file), spec);
      if (target === botDir || target.startsWith(botDir + path.sep)) crossing.push(`${file} imports ${spec}`);
    }
  }
  assert.deepEqual(crossing, []);
});
