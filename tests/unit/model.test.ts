// The site model (src/lib/model.ts): one build reads content/ once, whoever asks for it (the
// build guard, the pages' virtual modules, kb.json), and its routes are the pages the build makes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import { siteModelIntegration } from "../../src/integrations/site-model";
import { kbExport } from "../../src/integrations/kb-export";
import { contentLoads, siteModel } from "../../src/lib/model";
import type { ContentSource } from "../../src/lib/build-config";

const fixture = path.resolve("tests/fixtures/site-content");

/** A fresh copy of the small site fixture (guide "sample" in es and en, one example hub). */
function source(demo = true): ContentSource {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-model-"));
  fs.cpSync(fixture, dir, { recursive: true });
  return { contentDir: dir, demo };
}

type Hooks = AstroIntegration["hooks"];
const logger = { info() {}, warn() {}, error() {} };

/** Runs the site-model integration's config hook as `astro build` does; returns its Vite plugin. */
async function setUp(integration: AstroIntegration, command: "build" | "dev"): Promise<Plugin> {
  const plugins: Plugin[] = [];
  const updateConfig = (c: { vite?: { plugins?: Plugin[] } }) => plugins.push(...(c.vite?.plugins ?? []));
  await (integration.hooks as Hooks)["astro:config:setup"]?.({ command, updateConfig, logger } as never);
  assert.equal(plugins.length, 1);
  return plugins[0] as Plugin;
}

/** What a page importing `id` gets: the module's code, as the plugin serves it. */
async function virtualModule(plugin: Plugin, id: string): Promise<string> {
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as (id: string) => string | undefined;
  const resolved = resolveId(id);
  assert.ok(resolved, `${id} resolves`);
  return load(resolved) ?? "";
}

test("one build reads the content once: the guard, the pages' model, the status report and kb.json share it", async () => {
  const src = source();
  const plugin = await setUp(siteModelIntegration(src), "build");
  assert.match(await virtualModule(plugin, "virtual:hub/model"), /export const sourceGuideIds = \["sample"\]/);
  assert.match(await virtualModule(plugin, "virtual:hub/status"), /export const report = \{/);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "hub-model-out-"));
  await (kbExport(src).hooks as Hooks)["astro:build:done"]?.({ dir: pathToFileURL(`${out}/`), logger } as never);
  assert.ok(fs.existsSync(path.join(out, "kb.json")));
  assert.equal(contentLoads(src), 1);
});

test("a content mistake stops the build in its first hook, with the file and line", async () => {
  const src = source();
  const file = path.join(src.contentDir, "resources", "gt-pnc.yaml");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^verifiedOn: .*$/m, "verifiedOn: yesterday"));
  await assert.rejects(setUp(siteModelIntegration(src), "build"), /resources\/gt-pnc\.yaml:\d+: "verifiedOn"/);
});

test("an edit under the content folder while astro dev runs is read again, and the pages' model is rebuilt", async () => {
  const src = source();
  const plugin = await setUp(siteModelIntegration(src), "dev");
  const watcher = new EventEmitter();
  const invalidated: string[] = [];
  const moduleGraph = { getModuleById: (id: string) => ({ id }), invalidateModule: (m: { id: string }) => invalidated.push(m.id) };
  (plugin.configureServer as (server: unknown) => void)({ watcher, environments: { ssr: { moduleGraph } } });
  const guide = path.join(src.contentDir, "guides", "es", "sample.mdx");
  fs.writeFileSync(guide, fs.readFileSync(guide, "utf8").replace(/^title: .*$/m, 'title: "Un título nuevo"'));
  watcher.emit("all", "change", guide);
  assert.equal(siteModel(src).content.guides.find((g) => g.locale === "es")?.data.title, "Un título nuevo");
  assert.equal(contentLoads(src), 2);
  assert.deepEqual(invalidated.sort(), ["\0virtual:hub/model", "\0virtual:hub/status"]);
});

test("every guide has a route in every locale, showing the Spanish text with a notice where there is no translation", () => {
  const routes = siteModel({ contentDir: path.resolve("tests/fixtures/kb-content"), demo: false }).routes;
  const guide = (locale: string, id: string) => routes.find((r) => r.kind === "guide" && r.locale === locale && r.id === id);
  assert.deepEqual({ ...guide("fr", "asking-for-protection") }, { path: "/fr/guides/asking-for-protection/", locale: "fr", kind: "guide", id: "asking-for-protection", entryLocale: "fr", fallback: false });
  for (const locale of ["en", "fr", "ht", "pt"]) assert.deepEqual([guide(locale, "school-and-documents")?.entryLocale, guide(locale, "school-and-documents")?.fallback], ["es", true], locale);
  assert.deepEqual([guide("es", "school-and-documents")?.entryLocale, guide("es", "school-and-documents")?.fallback], ["es", false]);
  assert.equal(routes.filter((r) => r.kind === "notFound").length, 5, "each locale has its 404 page");
});

test("an example hub has a page only in a demo build", () => {
  const hubPages = (demo: boolean) => siteModel(source(demo)).routes.filter((r) => r.kind === "hub").map((r) => r.path);
  assert.ok(hubPages(true).includes("/es/hubs/sample/"));
  assert.deepEqual(hubPages(false), []);
});
