// Safety features of every page: quick exit (instant, no history entry, keyboard shortcut,
// works without JavaScript), nothing loaded from another origin, help reachable by keyboard.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { locales, templates, translatedGuide, useTranslations } from "./site-pages";

const es = useTranslations("es");

/** Answers the quick-exit destination inside the browser, so the test never leaves the machine. */
async function interceptExit(context: BrowserContext, page: Page, locale = "es", delayMs = 0): Promise<string> {
  const href = await page.getByRole("link", { name: useTranslations(locale)("exit.label") }).getAttribute("href");
  if (!href) throw new Error("the quick exit link has no href");
  const exitUrl = new URL(href);
  await context.route(
    (url) => url.origin === exitUrl.origin,
    async (route) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      await route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Weather</title><p>Sunny</p>" });
    },
  );
  return href;
}

test("the quick exit hides the page at once and replaces its history entry", async ({ context, page }) => {
  await page.goto(`/es/guides/${translatedGuide()}/`);
  await page.goto("/es/help/");
  const exitHref = await interceptExit(context, page, "es", 1500);
  const historyBefore = await page.evaluate(() => history.length);

  // Read the page's state in the same task as the click: hidden before the neutral page arrives.
  const displayAfterClick = await page.getByRole("link", { name: es("exit.label") }).evaluate((link) => {
    (link as HTMLAnchorElement).click();
    return getComputedStyle(document.body).display;
  });
  expect(displayAfterClick).toBe("none");
  await page.waitForURL(exitHref);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);

  // Back skips the page the person left.
  await page.goBack();
  await expect(page).toHaveURL(`/es/guides/${translatedGuide()}/`);
});

test("pressing Shift three times leaves the page", async ({ context, page }) => {
  await page.goto("/fr/help/");
  const exitHref = await interceptExit(context, page, "fr");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  expect(page.url()).toMatch(/\/fr\/help\/$/);
  await page.keyboard.press("Shift");
  await page.waitForURL(exitHref);
});

test("typing between Shift presses does not trigger the quick exit", async ({ page }) => {
  await page.goto("/fr/help/");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("a");
  await page.keyboard.press("Shift");
  await page.waitForTimeout(300);
  expect(page.url()).toMatch(/\/fr\/help\/$/);
});

test("the quick exit is a real link that works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/es/help/");
  const exitHref = await interceptExit(context, page);
  await page.getByRole("link", { name: es("exit.label") }).click();
  await page.waitForURL(exitHref);
  await context.close();
});

test("no page loads anything from another origin or sets a cookie", async ({ context, page, baseURL }) => {
  const origin = new URL(baseURL ?? "http://localhost").origin;
  const foreign: string[] = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin) foreign.push(request.url());
  });
  // Templates are the same in every locale: the source locale and the right-to-left one cover them.
  const paths = ["/", "/no-such-page", ...locales().filter((l) => l.code === "es" || l.dir === "rtl").flatMap((l) => templates().map((t) => t.path(l.code)))];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(foreign).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
  await page.goto(`/pt/guides/${translatedGuide()}/`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: useTranslations("pt")("nav.skip") });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

for (const template of templates().filter((t) => t.name !== "help")) {
  test(`the keyboard reaches the help page from the start of the ${template.name} page`, async ({ page }) => {
    const t = useTranslations("en");
    await page.goto(template.path("en"));
    const help = page.getByRole("banner").getByRole("link", { name: t("nav.help") });
    let presses = 0;
    while (presses < 6 && !(await help.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press("Tab");
      presses += 1;
    }
    await expect(help).toBeFocused();
    await page.keyboard.press("Enter");
    // On a country's help page, "Get help now" leads back to that country's help (the place they said they are).
    if (template.name === "help in a country") {
      await expect(page).toHaveURL(template.path("en"));
      return;
    }
    await expect(page).toHaveURL("/en/help/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("help.title"));
  });
}
