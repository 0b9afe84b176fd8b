// Phones first: no page template scrolls sideways on a small phone (320 and 360 px wide), in
// Spanish and in the language with the longest labels here (Haitian Creole's "Chèche", "Mande"),
// with search results shown and with the chat open; and the kiosk build at its portrait
// screen (1080×1920) neither.
import { expect, test, type Page } from "@playwright/test";
import { kioskURL } from "./kiosk-helpers";
import { useTranslations } from "../../src/lib/i18n";

const templates = ["", "help/", "help/mx/", "guides/", "guides/risks-on-the-route/", "search/", "search/?q=911", "chat/", "countries/mx/", "hubs/san-pedro-sula/", "404/"];

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

test("no kiosk page scrolls sideways on its portrait screen (1080×1920)", async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  for (const locale of ["es", "ht"])
    for (const path of ["/", ...templates.map((p) => `/${locale}/${p}`)]) {
      await page.goto(`${kioskURL}${path}`);
      expect(await overflow(page), `kiosk ${path}`).toBe(0);
    }
});
