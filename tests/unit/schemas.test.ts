// The content model's promise to editors: a broken entry fails with a message that names the
// file, the line, the field, what was expected and how to fix it. Checked through the real
// loader on a copy of a small valid fixture (tests/fixtures/site-content) with one mistake.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatProblem, loadContent, type Problem } from "../../src/lib/content-files";

const fixture = path.resolve("tests/fixtures/site-content");

/** A fresh copy of the fixture with `edit` applied; loads it and returns the problems. */
function problemsAfter(edit: (root: string) => void): { root: string; problems: Problem[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "site-content-"));
  fs.cpSync(fixture, root, { recursive: true });
  edit(root);
  const before = process.env["HUB_CONTENT_DIR"];
  process.env["HUB_CONTENT_DIR"] = root;
  try {
    return { root, problems: loadContent(root).problems };
  } finally {
    if (before === undefined) delete process.env["HUB_CONTENT_DIR"];
    else process.env["HUB_CONTENT_DIR"] = before;
  }
}

function rewrite(file: string, change: (text: string) => string): void {
  fs.writeFileSync(file, change(fs.readFileSync(file, "utf8")));
}

const lineOf = (file: string, start: string) => fs.readFileSync(file, "utf8").split("\n").findIndex((l) => l.startsWith(start)) + 1;

test("the valid fixture loads without problems", () => {
  const { problems } = problemsAfter(() => {});
  assert.deepEqual(problems.map(formatProblem), []);
});

test("a guide with a date that is not a date names the file, the line, the field, the expected form and the fix", () => {
  const { root, problems } = problemsAfter((r) => rewrite(path.join(r, "guides/es/sample.mdx"), (t) => t.replace(/^lastReviewed: .*$/m, "lastReviewed: last week")));
  const file = path.join(root, "guides/es/sample.mdx");
  const p = problems.find((x) => path.resolve(x.file) === file);
  assert.ok(p, `expected a problem in ${file}, got ${problems.map(formatProblem).join("; ")}`);
  assert.equal(p.severity, "error");
  assert.equal(p.line, lineOf(file, "lastReviewed:"));
  assert.match(p.message, /"lastReviewed" must be a date like 2026-11-28/);
  assert.match(p.message, /See the field list in content\/README\.md/);
  assert.match(formatProblem(p), new RegExp(`sample\\.mdx:${p.line}: "lastReviewed"`));
});

test("a guide missing its title says the field is missing", () => {
  const { problems } = problemsAfter((r) => rewrite(path.join(r, "guides/es/sample.mdx"), (t) => t.replace(/^title: .*\n/m, "")));
  const p = problems.find((x) => x.file.endsWith(path.join("guides", "es", "sample.mdx")));
  assert.ok(p);
  assert.match(p.message, /"title" is missing/);
});

test("a resource with an unknown kind names the field and lists the kinds it accepts", () => {
  const { root, problems } = problemsAfter((r) => rewrite(path.join(r, "resources/gt-pnc.yaml"), (t) => t.replace(/^kind: .*$/m, "kind: police")));
  const file = path.join(root, "resources/gt-pnc.yaml");
  const p = problems.find((x) => path.resolve(x.file) === file);
  assert.ok(p, problems.map(formatProblem).join("; "));
  assert.equal(p.line, lineOf(file, "kind:"));
  assert.match(p.message, /"kind"/);
  assert.match(p.message, /must be one of: emergency, child-protection, /);
  assert.match(p.message, /See content\/README\.md, "Resources"/);
});

test("a hub that names a resource that does not exist points at the hub's line and says how to fix it", () => {
  const { root, problems } = problemsAfter((r) => rewrite(path.join(r, "hubs/sample.yaml"), (t) => t.replace("  - gt-pnc", "  - gt-nowhere")));
  const file = path.join(root, "hubs/sample.yaml");
  const p = problems.find((x) => path.resolve(x.file) === file);
  assert.ok(p, problems.map(formatProblem).join("; "));
  assert.equal(p.line, lineOf(file, "  - gt-nowhere"));
  assert.match(p.message, /"refersTo\[0\]" names the resource "gt-nowhere", but there is no content\/resources\/gt-nowhere\.yaml\. Fix the id or add the resource\./);
});

test("a translation without its Spanish guide is reported on the translation", () => {
  const { problems } = problemsAfter((r) => fs.renameSync(path.join(r, "guides/en/sample.mdx"), path.join(r, "guides/en/orphan.mdx")));
  const p = problems.find((x) => x.file.endsWith(path.join("guides", "en", "orphan.mdx")));
  assert.ok(p);
  assert.match(p.message, /there is no Spanish guide content\/guides\/es\/orphan\.mdx/);
});
