// Phones first: no page template scrolls sideways on a small phone (320 and 360 px wide), in
// Spanish and in the language with the longest labels here (Haitian Creole's "Chèche", "Mande").
import { expect, test } from "@playwright/test";

const templates = ["", "help/", "help/mx/", "guides/", "guides/risks-on-the-route/", "search/", "chat/", "countries/mx/", "hubs/san-pedro-sula/", "404/"];

for (const width of [320, 360])
  for (const locale of ["es", "ht"])
    test(`no page scrolls sideways at ${width} px (${locale})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 740 });
      for (const path of templates) {
        await page.goto(`/${locale}/${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `/${locale}/${path}`).toBe(0);
      }
    });
