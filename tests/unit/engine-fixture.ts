// Helpers for the engine and knowledge-base tests: a temp copy of the fixture content (plus the
// real content/bot vocabulary), loaded through the real loader with HUB_CONTENT_DIR pointing at it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadKnowledgeBase } from "../../src/lib/kb-files";
import { splitFrontmatter } from "../../src/lib/frontmatter";
import type { KnowledgeBase } from "../../src/lib/kb";

export const fixtureDir = path.resolve("tests/fixtures/kb-content");

const made: string[] = [];
process.on("exit", () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp copy of the fixture content with content/bot/ beside it; returns its path. */
export function fixtureCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-fixture-"));
  made.push(dir);
  fs.cpSync(fixtureDir, dir, { recursive: true });
  fs.cpSync(path.resolve("content/bot"), path.join(dir, "bot"), { recursive: true });
  return dir;
}

/** Run with HUB_CONTENT_DIR set to `dir` (locales and UI strings are read from there too). */
export function withContentDir<T>(dir: string, fn: () => T): T {
  const before = process.env["HUB_CONTENT_DIR"];
  process.env["HUB_CONTENT_DIR"] = dir;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env["HUB_CONTENT_DIR"];
    else process.env["HUB_CONTENT_DIR"] = before;
  }
}

export function buildFixtureKb(dir = fixtureCopy()): KnowledgeBase {
  return withContentDir(dir, () => loadKnowledgeBase(dir));
}

/** The real content/ knowledge base (extra test locales off, so it is what ships). */
export function buildRealKb(): KnowledgeBase {
  const extra = process.env["HUB_EXTRA_LOCALES_DIR"];
  delete process.env["HUB_EXTRA_LOCALES_DIR"];
  try {
    return withContentDir(path.resolve("content"), () => loadKnowledgeBase(path.resolve("content")));
  } finally {
    if (extra !== undefined) process.env["HUB_EXTRA_LOCALES_DIR"] = extra;
  }
}

/** The sentences of a fixture guide's body, read from the MDX file itself. */
export function fixtureSentences(dir: string, locale: string, id: string): string[] {
  const text = fs.readFileSync(path.join(dir, "guides", locale, `${id}.mdx`), "utf8");
  const body = splitFrontmatter(text)?.body ?? "";
  return body
    .split("\n\n")
    .filter((p) => p.trim() && !p.trim().startsWith("#"))
    .flatMap((p) => p.trim().split(/(?<=\.) /));
}

/** Phone number of a fixture resource, read from its YAML file. */
export function fixtureNumber(id: string): string {
  const text = fs.readFileSync(path.join(fixtureDir, "resources", `${id}.yaml`), "utf8");
  const m = /number: '([^']+)'/.exec(text);
  if (!m?.[1]) throw new Error(`no number in ${id}`);
  return m[1];
}
