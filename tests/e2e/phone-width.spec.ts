// Phones first: no page template scrolls sideways on a small phone (320 and 360 px wide), in
// Spanish and in the language with the longest labels here (Haitian Creole's "Chèche", "Mande"),
// with search results shown and with the chat open; and the kiosk build at its portrait
// screen (1080×1920) neither. On each of them the ask button covers no call to action and no
// text, on the first screen and at the end of the page.
import { expect, test, type Page } from "@playwright/test";
import { kioskURL } from "./kiosk-helpers";
import { useTranslations } from "../../src/lib/i18n";

const templates = ["", "help/", "help/mx/", "guides/", "guides/risks-on-the-route/", "search/", "search/?q=911", "chat/", "countries/mx/", "hubs/san-pedro-sula/", "hubs/tapachula/", "about/", "404/"];

/** What the ask button's box lies on: the links, buttons and text under it (its own chat aside). */
const underAskButton = (page: Page) =>
  page.evaluate(() => {
    const ask = document.querySelector("[data-chat-launch]");
    if (!ask || !ask.checkVisibility()) return [];
    const a = ask.getBoundingClientRect();
    // Scrolled under the sticky quick-exit bar, it lies on nothing: the bar lies on it.
    const top = document.elementFromPoint(a.left + a.width / 2, a.top + a.height / 2);
    if (!top?.closest("[data-chat-widget]")) return [];
    const meets = (r: DOMRect) => r.width > 0 && r.height > 0 && r.left < a.right && r.right > a.left && r.top < a.bottom && r.bottom > a.top;
    const mine = (n: Node) => !!n.parentElement?.closest("[data-chat-widget]");
    const found: string[] = [];
    for (const el of document.querySelectorAll("a[href], button, summary, input")) {
      if (!mine(el) && el.checkVisibility() && meets(el.getBoundingClientRect())) found.push(`call to action "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim() || mine(n) || !n.parentElement?.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      if ([...range.getClientRects()].some(meets)) found.push(`text "${n.textContent.trim().slice(0, 40)}"`);
    }
    return found;
  });

/** The ask button covers nothing on the first screen, nor once the page is scrolled to its end. */
async function expectAskButtonCoversNothing(page: Page, path: string): Promise<void> {
  expect(await underAskButton(page), `${path} (first screen)`).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await underAskButton(page), `${path} (end)`).toEqual([]);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [320, 360])
  for (const locale of ["es", "ht"])
    test(`no page scrolls sideways at ${width} px (${locale})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 740 });
      for (const path of ["/", ...templates.map((p) => `/${locale}/${p}`)]) {
        await page.goto(path);
        if (path.includes("?q=")) await expect(page.locator("[data-search]")).toHaveAttribute("data-state", "results");
        expect(await overflow(page), path).toBe(0);
      }
      // The chat, open: a full-screen view on a phone.
      await page.goto(`/${locale}/help/`);
      await page.getByRole("button", { name: useTranslations(locale)("chat.open") }).click();
      await expect(page.getByRole("region", { name: useTranslations(locale)("chat.title") })).toBeVisible();
      expect(await overflow(page), "chat open").toBe(0);
    });

for (const width of [320, 360])
  test(`at ${width} px the ask button covers no call to action and no text, on the first screen or at the end`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    for (const path of ["/", ...templates.map((p) => `/es/${p}`), "/ht/", "/ht/help/"]) {
      await page.goto(path);
      await expectAskButtonCoversNothing(page, path);
    }
  });

test("on the kiosk's portrait screen (1080×1920) the ask button covers no call to action and no text", async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  for (const path of ["/", ...templates.map((p) => `/es/${p}`), "/ht/"]) {
    await page.goto(`${kioskURL}${path}`);
    await expectAskButtonCoversNothing(page, `kiosk ${path}`);
  }
});

test("no kiosk page scrolls sideways on its portrait screen (1080×1920)", async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  for (const locale of ["es", "ht"])
    for (const path of ["/", ...templates.map((p) => `/${locale}/${p}`)]) {
      await page.goto(`${kioskURL}${path}`);
      expect(await overflow(page), `kiosk ${path}`).toBe(0);
    }
});
