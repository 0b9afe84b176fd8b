// The Botkit seam holds: Botkit and the Bot Framework SDK are archived upstream, so only the
// channels code may import them, and the engine and the site never import a channel.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith("dist") ? [] : sourceFiles(rel);
    return /\.(ts|mts|js|mjs|astro)$/.test(e.name) ? [rel] : [];
  });
}

const importsOf = (file: string) =>
  [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1] ?? "");

test("only bot/channels imports botkit or botbuilder", () => {
  const offenders = ["bot", "src", "scripts", "tests"]
    .flatMap(sourceFiles)
    .filter((f) => !f.startsWith(`bot${path.sep}channels${path.sep}`))
    .filter((f) => importsOf(f).some((i) => /^(botkit|botbuilder)(-|\/|$)/.test(i)));
  assert.deepEqual(offenders, []);
});

test("the engine and the site never import the channels or the server", () => {
  const offenders = ["bot/engine", "src"]
    .flatMap(sourceFiles)
    .filter((f) => importsOf(f).some((i) => /(^|\/)channels(\/|$)|\/server(\.ts)?$/.test(i)));
  assert.deepEqual(offenders, []);
});
