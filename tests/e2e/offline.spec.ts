// The kiosk keeps working without a connection after one online visit: its service worker
// precaches the pages of its locales, the CSS/JS and the search index.
import { expect, test } from "@playwright/test";
import { guideData, kioskURL, ui } from "./kiosk-helpers";

const es = ui("es");

test.use({ baseURL: kioskURL });

test("after one online visit the guide, home and search pages load with the network cut, and say they are offline", async ({ page, context }) => {
  await page.goto("/es/");
  // The worker is active once every precached file is stored.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);

  await page.goto("/es/guides/meeting-authorities/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(guideData("es", "meeting-authorities").title);
  await expect(page.getByText(es("kiosk.offline"))).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("link", { name: "Kreyòl ayisyen", exact: true })).toBeVisible();

  await page.goto("/es/search/?q=migra");
  await expect(page.locator("[data-search]")).toHaveAttribute("data-state", "results");
  await expect(page.getByRole("region", { name: es("search.results") }).getByRole("link").first()).toBeVisible();

  await page.goto("/fr/countries/mx/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(ui("fr")("kiosk.offline"))).toBeVisible();
});

test("a new build's worker deletes the caches of older builds and keeps one cache named after the build", async ({ page }) => {
  // A file without the kiosk script, to leave an older build's cache before the worker arrives.
  await page.goto("/favicon.svg");
  await page.evaluate(async () => {
    await caches.open("hub-kiosk-000000000000");
    await caches.open("someone-elses-cache");
  });
  await page.goto("/es/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const sw = await (await page.request.get("/sw.js")).text();
  const current = /hub-kiosk-[0-9a-f]{12}/.exec(sw)?.[0];
  expect(current).toBeTruthy();
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([current, "someone-elses-cache"]));
  expect((await page.evaluate(() => caches.keys())).filter((k) => k.startsWith("hub-kiosk-"))).toEqual([current]);
});
