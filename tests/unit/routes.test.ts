// The route table (src/lib/routes.ts): the page paths the site, the bot and the link checker
// share, and that it has exactly one route per page file under src/pages/[locale]/.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { linkablePages, localePath, pagePaths } from "../../src/lib/routes";

test("a page path in a locale starts with the locale and ends with a slash", () => {
  assert.equal(localePath("fr", pagePaths.guide("your-rights")), "/fr/guides/your-rights/");
  assert.equal(localePath("es", pagePaths.help()), "/es/help/");
  assert.equal(localePath("en"), "/en/");
  assert.equal(localePath("ht", pagePaths.country("GT")), "/ht/countries/gt/");
  assert.equal(localePath("es", pagePaths.helpIn("MX")), "/es/help/mx/");
});

test("every locale links to its fixed pages (the about page among them), every guide, every country and its help page by lower-case code, and every hub, but not the 404 page", () => {
  const paths = linkablePages(["es", "en"], { guides: ["alpha"], countries: ["MX"], hubs: ["tapachula"] }).map((p) => p.path);
  const expected = ["", "help/", "search/", "chat/", "about/", "countries/mx/", "help/mx/", "hubs/tapachula/", "guides/alpha/"];
  assert.deepEqual(paths, [...expected.map((p) => `/es/${p}`), ...expected.map((p) => `/en/${p}`)]);
});

test("the route table has one route for each page file under src/pages/[locale]/", () => {
  const dir = path.resolve("src/pages/[locale]");
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".astro"));
  // help.astro -> help/, search/index.astro -> search/, guides/[id].astro -> guides/[id]/
  const fromFiles = files.map((f) => `${f.replace(/\.astro$/, "").replace(/(^|\/)index$/, "")}/`.replace(/^\/$/, "")).sort();
  const fromTable = [pagePaths.home(), pagePaths.help(), pagePaths.search(), pagePaths.chat(), pagePaths.about(), pagePaths.notFound(), pagePaths.guide("[id]"), pagePaths.country("[country]"), pagePaths.helpIn("[country]"), pagePaths.hub("[hub]")].sort();
  assert.deepEqual(fromFiles, fromTable);
  assert.equal(Object.keys(pagePaths).length, fromTable.length, "a route added to pagePaths is listed in this test too");
});
