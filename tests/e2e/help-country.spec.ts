// "Where are you now?": the help and home pages start with a country choice that works without
// JavaScript (links to /{locale}/help/{cc}/); a country's help page shows its own emergency and
// child-protection lines on the first screen, before any other country's. On a phone the choice
// is remembered for the session (sessionStorage) so "Get help now" leads back to it; a kiosk
// never remembers it. A kiosk built with KIOSK_COUNTRY=MX (npm run test:build) starts in Mexico.
import { expect, test, type Page } from "@playwright/test";
import { loadContent } from "../../src/lib/content-files";
import { shippedLocales, useTranslations } from "./site-pages";
import { kioskURL } from "./kiosk-helpers";

const content = loadContent().content;
const countryOf = (resourceId: string) => content.resources.find((r) => r.id === resourceId)?.data.country;
const mexico = content.countries.find((c) => c.data.code === "MX")!;
const phone = { width: 360, height: 740 };

/** The countries of the lines listed in the page's main content, in the order shown. */
async function listedCountries(page: Page): Promise<(string | undefined)[]> {
  const ids = await page.getByRole("main").locator("[data-resource]").evaluateAll((els) => els.map((el) => el.getAttribute("data-resource") ?? ""));
  return ids.map(countryOf);
}

for (const locale of shippedLocales()) {
  test(`the chosen country comes first on the help page (${locale.code})`, async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto(`/${locale.code}/help/mx/`);
    const t = useTranslations(locale.code);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("help.inCountry", { country: mexico.data.names[locale.code] ?? "" }));
    const countries = await listedCountries(page);
    const mexicoLines = mexico.data.emergency.length + mexico.data.childProtection.length;
    expect(countries.slice(0, mexicoLines)).toEqual(Array(mexicoLines).fill("MX"));
    expect(countries.slice(mexicoLines)).not.toContain("MX");
    expect(countries.slice(mexicoLines).length, "the other countries follow").toBeGreaterThan(0);
    // On the phone's first screen: every emergency number to tap, and the start of each child-protection line.
    const main = page.getByRole("main");
    for (const id of mexico.data.emergency) {
      const box = await main.locator(`[data-resource="${id}"] a[href^="tel:"]`).first().boundingBox();
      expect(box && box.y + box.height, id).toBeLessThanOrEqual(phone.height);
    }
    for (const id of mexico.data.childProtection) {
      const box = await main.locator(`[data-resource="${id}"]`).first().boundingBox();
      expect(box && box.y, id).toBeLessThan(phone.height);
    }
  });
}

test("the help and home pages ask where you are, and the choice works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const t = useTranslations("es");
  for (const start of ["/es/", "/es/help/"]) {
    await page.goto(start);
    const choice = page.getByRole("navigation", { name: t("site.where.title") });
    await choice.getByRole("link", { name: "México", exact: true }).click();
    await expect(page).toHaveURL(/\/es\/help\/mx\/$/);
    await expect(page.getByRole("navigation", { name: t("site.where.title") }).getByRole("link", { name: "México", exact: true })).toHaveAttribute("aria-current", "page");
    expect(await listedCountries(page)).toContain("MX");
  }
  await context.close();
});

test("on a phone the chosen country is remembered for the session only, and 'Get help now' leads to it", async ({ browser }) => {
  const t = useTranslations("es");
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await page.goto("/es/help/");
  await page.getByRole("navigation", { name: t("site.where.title") }).getByRole("link", { name: "Guatemala", exact: true }).click();
  await expect(page).toHaveURL(/\/es\/help\/gt\/$/);
  await page.goto("/es/guides/");
  await page.goto("/es/");
  await expect(page.getByRole("main").getByRole("link", { name: t("help.getHelpNow") })).toHaveAttribute("href", "/es/help/gt/");
  await expect(page.getByRole("banner").getByRole("link", { name: t("nav.help"), exact: true })).toHaveAttribute("href", "/es/help/gt/");
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  // A new session (another tab) starts with every country again.
  const other = await context.newPage();
  await other.goto("/es/");
  await expect(other.getByRole("main").getByRole("link", { name: t("help.getHelpNow") })).toHaveAttribute("href", "/es/help/");
  await context.close();
});

test.describe("in a kiosk build", () => {
  test.use({ baseURL: kioskURL });

  test("a kiosk with KIOSK_COUNTRY=MX starts in Mexico", async ({ page }) => {
    const t = useTranslations("es");
    await page.goto("/es/");
    await expect(page.getByRole("main").getByRole("link", { name: t("help.getHelpNow") })).toHaveAttribute("href", "/es/help/mx/");
    await expect(page.getByRole("banner").getByRole("link", { name: t("nav.help"), exact: true })).toHaveAttribute("href", "/es/help/mx/");
    await expect(page.getByRole("navigation", { name: t("site.where.title") }).getByRole("link").first()).toHaveText("México");
    // Its help page, too, lists Mexico's lines before any other country's.
    await page.goto("/es/help/");
    const countries = await listedCountries(page);
    expect(countries[0]).toBe("MX");
    expect(countries.slice(countries.findIndex((c) => c !== "MX"))).not.toContain("MX");
    // Its chat tells the bot where it stands, so "talk to a person" answers with Mexico's lines only.
    const sent: string[] = [];
    const replies: { type: string; cards?: { country: string }[] }[] = [];
    page.on("websocket", (ws) => {
      ws.on("framesent", (f) => sent.push(String(f.payload)));
      ws.on("framereceived", (f) => replies.push(JSON.parse(String(f.payload)) as (typeof replies)[number]));
    });
    await page.getByRole("button", { name: t("chat.open") }).click();
    const chat = page.getByRole("region", { name: t("chat.title") });
    await chat.getByRole("textbox").fill("#human");
    await chat.getByRole("button", { name: t("chat.send") }).click();
    await expect.poll(() => replies.filter((r) => r.type === "reply").length).toBeGreaterThan(0);
    expect(JSON.parse(sent[0] ?? "{}")).toMatchObject({ type: "message", text: "#human", country: "MX" });
    const cards = replies.find((r) => r.type === "reply")?.cards ?? [];
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.map((c) => c.country)).toEqual(cards.map(() => "MX"));
  });

  test("a kiosk's guide pages list Mexico's emergency lines before any other country's", async ({ page }) => {
    // A guide whose text shows every country's lines (<EmergencyNumbers /> with no country).
    const guide = content.guides.find((g) => g.locale === "es" && /<EmergencyNumbers \/>/.test(g.body) && !/<EmergencyNumbers country=/.test(g.body));
    expect(guide, "a guide with every country's numbers").toBeDefined();
    await page.goto(`/es/guides/${guide!.id}/`);
    const ids = await page.getByRole("main").locator(".emergency-numbers [data-resource]").evaluateAll((els) => els.map((el) => el.getAttribute("data-resource") ?? ""));
    const countries = ids.map(countryOf);
    expect(countries[0]).toBe("MX");
    expect(countries.slice(countries.findIndex((c) => c !== "MX"))).not.toContain("MX");
    expect(new Set(countries).size, "the other countries follow").toBeGreaterThan(1);
  });

  test("a kiosk with KIOSK_HUB=tapachula shows its hub first, with the services it sends people to, and tells the bot", async ({ page }) => {
    const t = useTranslations("es");
    const hub = content.hubs.find((h) => h.id === "tapachula")!;
    const here = t("site.hub.here", { hub: hub.data.name });
    // Its help page: Mexico's lines, then the hub, before the country choice and the other countries.
    await page.goto("/es/help/mx/");
    const main = page.getByRole("main");
    const section = main.getByRole("region", { name: here });
    await expect(section).toBeVisible();
    const headings = await main.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings.indexOf(here)).toBeLessThan(headings.indexOf(t("site.where.title")));
    const shown = await section.locator("[data-resource]").evaluateAll((els) => els.map((el) => el.getAttribute("data-resource")));
    const services = hub.data.refersTo.filter((id) => !mexico.data.emergency.includes(id) && !mexico.data.childProtection.includes(id));
    expect(shown).toEqual(services);
    await expect(section.getByRole("link", { name: t("site.hub.pageLink") })).toHaveAttribute("href", "/es/hubs/tapachula/");
    // Its home page: the hub right after "Get help now".
    await page.goto("/es/");
    await expect(page.getByRole("main").getByRole("heading", { level: 2 }).first()).toHaveText(here);
    // Mexico's page lists it first among the hubs.
    await page.goto("/es/countries/mx/");
    await expect(page.getByRole("main").locator('a[href*="/hubs/"]').first()).toHaveAttribute("href", "/es/hubs/tapachula/");
    // Its chat tells the bot which hub it stands in.
    const sent: string[] = [];
    page.on("websocket", (ws) => ws.on("framesent", (f) => sent.push(String(f.payload))));
    await page.getByRole("button", { name: t("chat.open") }).click();
    const chat = page.getByRole("region", { name: t("chat.title") });
    await chat.getByRole("textbox").fill("#human");
    await chat.getByRole("button", { name: t("chat.send") }).click();
    // The chat connects after the page has loaded: on a busy machine that takes more than the default 5 s.
    await expect.poll(() => sent.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(JSON.parse(sent[0] ?? "{}")).toMatchObject({ type: "message", text: "#human", country: "MX", hub: "tapachula" });
  });

  test("a kiosk never remembers the chosen country", async ({ page }) => {
    const t = useTranslations("es");
    await page.goto("/es/help/gt/");
    await page.goto("/es/");
    await expect(page.getByRole("main").getByRole("link", { name: t("help.getHelpNow") })).not.toHaveAttribute("href", "/es/help/gt/");
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([0, 0]);
  });
});
