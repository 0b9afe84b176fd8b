// Search on the built site: one Pagefind index per locale, colloquial questions find the
// right guide, filters narrow the results, and the plain form still helps without JavaScript.
import { expect, test, type Page } from "@playwright/test";
import { useTranslations, type UiKey } from "../../src/lib/i18n";
import { loadContent } from "../../src/lib/content-files";
import { guideData, requiredPublicGuides, shippedLocales } from "./site-pages";

const ui = (locale: string) => useTranslations(locale);
const guide = (locale: string, id: string) => loadContent().content.guides.find((g) => g.locale === locale && g.id === id)!;

/** Queries written the way people type them, deliberately not copies of the guides' `questions`. */
const colloquial = [
  { locale: "es", query: "me detuvo la migra y soy menor", guide: "meeting-authorities" },
  { locale: "es", query: "me trajeron de regreso a mi pais", guide: "coming-back-home" },
  { locale: "en", query: "the cops caught me at the border and im a minor", guide: "meeting-authorities" },
  { locale: "fr", query: "la police m'a attrapé à la frontière", guide: "meeting-authorities" },
  { locale: "ht", query: "imigrasyon arete m", guide: "meeting-authorities" },
  { locale: "pt", query: "a policia da fronteira me pegou sou menor", guide: "meeting-authorities" },
];

/** The result links in order, once the search has finished. */
async function resultLinks(page: Page, locale = "es"): Promise<string[]> {
  await expect(page.locator("[data-search]")).toHaveAttribute("data-state", /results|empty/);
  const results = page.getByRole("region", { name: ui(locale)("search.results") });
  return results.getByRole("listitem").getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
}

for (const { locale, query, guide } of colloquial) {
  test(`a colloquial question in ${locale} ("${query}") finds the ${guide} guide in the top three`, async ({ page }) => {
    await page.goto(`/${locale}/search/`);
    await page.getByRole("searchbox").fill(query);
    await page.getByRole("searchbox").press("Enter");
    const links = await resultLinks(page, locale);
    expect(links.slice(0, 3)).toContain(`/${locale}/guides/${guide}/`);
    // Results come from this locale's index only.
    for (const href of links) expect(href).toMatch(new RegExp(`^/${locale}/`));
  });
}

test("the topic filter narrows the results to guides of that topic", async ({ page }) => {
  await page.goto("/es/search/?q=migracion");
  const all = await resultLinks(page);
  await page.getByRole("combobox", { name: ui("es")("search.topic") }).selectOption({ label: ui("es")("search.topic.authorities") });
  await expect(page).toHaveURL(/topic=authorities/);
  await expect.poll(async () => (await resultLinks(page)).length).toBeLessThan(all.length);
  const narrowed = await resultLinks(page);
  expect(narrowed).toContain("/es/guides/meeting-authorities/");
  for (const href of narrowed) expect(all).toContain(href);
});

for (const { code } of shippedLocales()) {
  test(`every required guide is in the ${code} search index under each of its topics, and the topic filter offers them`, async ({ page }) => {
    const ids = requiredPublicGuides();
    const topicsOf = new Map(ids.map((id) => [id, guideData(code, id).topics]));
    const topics = [...new Set([...topicsOf.values()].flat())];
    await page.goto(`/${code}/search/`);
    // The filter lists every topic a guide of this locale covers, by its name in this locale.
    const options = await page.getByRole("combobox", { name: ui(code)("search.topic") }).locator("option").allTextContents();
    for (const topic of topics) expect(options, topic).toContain(ui(code)(`search.topic.${topic}` as UiKey));
    // The same index the page loads: every page Pagefind holds for each topic filter.
    const found = await page.evaluate(async (topics) => {
      const url = "/pagefind/pagefind.js";
      const pf = (await import(url)) as {
        init: () => Promise<void>;
        search: (q: null, o: { filters: Record<string, string> }) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
      };
      await pf.init();
      const out: Record<string, string[]> = {};
      for (const topic of topics) {
        const { results } = await pf.search(null, { filters: { topic } });
        out[topic] = await Promise.all(results.map(async (r) => (await r.data()).url));
      }
      return out;
    }, topics);
    for (const [id, guideTopics] of topicsOf)
      for (const topic of guideTopics) expect(found[topic] ?? [], `${code}/${id} under the topic ${topic}`).toContain(`/${code}/guides/${id}/`);
  });
}

test("a new topic's filter finds its guide", async ({ page }) => {
  await page.goto("/es/search/");
  await page.getByRole("combobox", { name: ui("es")("search.topic") }).selectOption({ label: ui("es")("search.topic.extortion") });
  await expect(page).toHaveURL(/topic=extortion/);
  const links = await resultLinks(page);
  expect(links).toContain("/es/guides/virtual-kidnapping/");
  for (const href of links) expect(guide("es", href.split("/")[3] ?? "")?.data.topics ?? []).toContain("extortion");
});

test("the country filter leaves out pages about other countries", async ({ page }) => {
  await page.goto("/es/search/?q=emergencia");
  const all = await resultLinks(page);
  expect(all.some((href) => /\/countries\/(?!gt\/)/.test(href))).toBe(true);
  await page.getByRole("combobox", { name: ui("es")("search.country") }).selectOption("GT");
  await expect(page).toHaveURL(/country=GT/);
  await expect.poll(async () => (await resultLinks(page)).some((href) => /\/countries\/(?!gt\/)/.test(href))).toBe(false);
  expect(await resultLinks(page)).not.toHaveLength(0);
});

test("the header, quick exit and navigation are not indexed", async ({ page }) => {
  // "Mayús" appears only in the quick-exit hint of every page's header.
  await page.goto(`/es/search/?q=${encodeURIComponent("Mayús")}`);
  expect(await resultLinks(page)).toEqual([]);
  await expect(page.getByRole("status")).toContainText(ui("es")("search.none").split("«")[0]!.trim());
});

test("the header box leads to the search page in the page's language, the only page that loads the index", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const fr = ui("fr");
  await page.goto("/fr/guides/meeting-authorities/");
  await page.waitForLoadState("networkidle");
  expect(requested.filter((p) => p.startsWith("/pagefind/"))).toEqual([]);
  await page.getByRole("search").getByRole("searchbox", { name: fr("search.label") }).fill("interprète");
  await page.getByRole("search").getByRole("button", { name: fr("search.button") }).click();
  await expect(page).toHaveURL(/\/fr\/search\/\?q=interpr/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr("search.title"));
  await expect(page.getByRole("status")).toContainText("« interprète »");
  expect(requested.filter((p) => p.startsWith("/pagefind/"))).not.toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header search box leads to a page listing every guide with its questions and the help line", async ({ page }) => {
    const es = ui("es");
    const meeting = guide("es", "meeting-authorities");
    await page.goto("/es/");
    await page.getByRole("search").getByRole("searchbox").fill("me agarro la migra");
    await page.getByRole("search").getByRole("button", { name: es("search.button") }).click();
    await expect(page).toHaveURL(/\/es\/search\/\?q=me\+agarro\+la\+migra/);
    const list = page.getByRole("region", { name: es("search.allGuides") });
    await expect(list.getByRole("link", { name: meeting.data.title })).toBeVisible();
    await expect(list).toContainText(meeting.data.questions[0]!);
    await expect(page.getByRole("link", { name: es("search.helpLine") })).toBeVisible();
    await expect(page.getByText(es("search.noscript"))).toBeVisible();
  });
});

test("with JavaScript the search page does not show the no-JavaScript notice", async ({ page }) => {
  await page.goto("/es/search/");
  await expect(page.locator("[data-search]")).toHaveAttribute("data-ready", "true");
  await expect(page.getByText(ui("es")("search.noscript"))).toHaveCount(0);
});
