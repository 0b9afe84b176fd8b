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

/** Each result's snippet text, once the search has finished. */
async function snippets(page: Page, locale = "es"): Promise<string[]> {
  await expect(page.locator("[data-search]")).toHaveAttribute("data-state", "results");
  return page.getByRole("region", { name: ui(locale)("search.results") }).getByRole("listitem").getByRole("paragraph").allTextContents();
}

/** Every way a guide's frontmatter says people ask (its `questions` and its answers' `asks`), in one locale. */
const exampleQuestions = (locale: string): string[] =>
  loadContent()
    .content.guides.filter((g) => g.locale === locale)
    .flatMap((g) => [...g.data.questions, ...g.data.answers.flatMap((a) => a.asks)]);

test("search snippets have accents, come from the page text and never show an example question", async ({ page }) => {
  const questions = exampleQuestions("es").map((q) => q.toLowerCase());
  // The query of the report, whose results showed "un señor me pide sexo para dejarme pasar".
  for (const query of ["me quieren deportar", "línea de emergencia", "me pide sexo para dejarme pasar"]) {
    await page.goto(`/es/search/?q=${encodeURIComponent(query)}`);
    const shown = await snippets(page);
    expect(shown.length, query).toBeGreaterThan(0);
    expect(shown.join(" "), query).toMatch(/[áéíóúñ¿¡]/);
    for (const text of shown) {
      // Words of the page stay apart ("Civil (PNC) 110", "Ciudad Tapachula"), not "(PNC)110".
      expect(text, query).not.toMatch(/[\p{L})]\d{3}|\p{Ll}(Ciudad|Dirección|Horario|Sitio)/u);
      const lower = text.toLowerCase();
      expect(questions.filter((q) => lower.includes(q)), `${query}: example questions in the snippet "${text}"`).toEqual([]);
    }
  }
});

test("no staff guide in a child's results, unless the search asks for guides for staff", async ({ page }) => {
  const es = ui("es");
  const staffGuides = loadContent().content.guides.filter((g) => g.locale === "es" && g.data.audience === "staff");
  expect(staffGuides.length).toBeGreaterThan(0);
  for (const staff of staffGuides) {
    // Its own title: a query that finds it first if it is in the results at all.
    await page.goto(`/es/search/?q=${encodeURIComponent(staff.data.title)}`);
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(0);
    for (const g of staffGuides) expect(links, staff.data.title).not.toContain(`/es/guides/${g.id}/`);
    await page.getByRole("combobox", { name: es("search.audience") }).selectOption({ label: es("search.audience.staff") });
    await expect(page).toHaveURL(/audience=staff/);
    await expect.poll(async () => (await resultLinks(page))[0]).toBe(`/es/guides/${staff.id}/`);
  }
});

test("on a phone (360×740) the first result starts on the first screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/es/search/?q=${encodeURIComponent("me quieren deportar")}`);
  await snippets(page);
  const first = page.getByRole("region", { name: ui("es")("search.results") }).getByRole("listitem").first().getByRole("link");
  await expect(first).toBeInViewport({ ratio: 1 });
  // The filters fold away on a phone, and open in one tap.
  const topic = page.getByRole("combobox", { name: ui("es")("search.topic") });
  await expect(topic).toBeHidden();
  await page.getByText(ui("es")("search.filters")).click();
  await expect(topic).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header search box leads to a page listing every guide with the questions its page shows and the help line", async ({ page }) => {
    const es = ui("es");
    const meeting = guide("es", "meeting-authorities");
    await page.goto("/es/");
    await page.getByRole("search").getByRole("searchbox").fill("me agarro la migra");
    await page.getByRole("search").getByRole("button", { name: es("search.button") }).click();
    await expect(page).toHaveURL(/\/es\/search\/\?q=me\+agarro\+la\+migra/);
    const list = page.getByRole("region", { name: es("search.allGuides") });
    await expect(list.getByRole("link", { name: meeting.data.title })).toBeVisible();
    // The questions as the guide page shows them ("Questions people ask"), never its raw `questions`.
    await expect(list).toContainText(meeting.data.answers[0]!.asks[0]!);
    await expect(list).not.toContainText(meeting.data.questions[0]!);
    await expect(page.getByRole("link", { name: es("search.helpLine") })).toBeVisible();
    await expect(page.getByText(es("search.noscript"))).toBeVisible();
  });
});

test("with JavaScript the search page does not show the no-JavaScript notice", async ({ page }) => {
  await page.goto("/es/search/");
  await expect(page.locator("[data-search]")).toHaveAttribute("data-ready", "true");
  await expect(page.getByText(ui("es")("search.noscript"))).toHaveCount(0);
});
