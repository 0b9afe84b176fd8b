// Kiosk mode (KIOSK=1 build on the second test server): the shared screen forgets, never
// leaves the site, and lets people take a page with them.
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { decodeQr, guideData, idleSeconds, kioskURL, publicURL, ui } from "./kiosk-helpers";

/** The kiosk build's languages, as its chooser lists them (other specs may add a test locale to this process's own list). */
async function kioskLocales(page: Page): Promise<{ code: string; lang: string; label: string }[]> {
  return page.locator("[data-language-list] a[data-locale]").evaluateAll((links) =>
    links.map((a) => ({ code: (a as HTMLElement).dataset["locale"]!, lang: a.getAttribute("lang")!, label: a.textContent!.trim() })),
  );
}

const es = ui("es");
const guidePath = "/es/guides/meeting-authorities/";

test.describe("in a kiosk build", () => {
  test.use({ baseURL: kioskURL });

  test("after the idle time a gentle countdown returns to the language chooser with history, storage and chat empty", async ({ page }) => {
    await page.clock.install();
    await page.goto("/");
    const entries = await page.evaluate(() => history.length);
    await page.getByRole("link", { name: "Español", exact: true }).click();
    await expect(page).toHaveURL(/\/es\/$/);
    await page.locator(`a[href="${guidePath}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${guidePath}$`));
    await page.getByRole("button", { name: es("kiosk.highContrast") }).click();
    await page.getByRole("button", { name: es("kiosk.largerText") }).click();
    await expect(page.locator("html")).toHaveClass(/kiosk-high-contrast/);
    await page.getByRole("button", { name: es("chat.open") }).click();
    await expect(page.getByRole("region", { name: es("chat.title") })).toBeVisible();
    await page.evaluate(() => localStorage.setItem("left-behind", "something personal"));
    // Pages inside the site replace the history entry instead of adding one.
    expect(await page.evaluate(() => history.length)).toBe(entries);

    await page.clock.runFor((idleSeconds - 5) * 1000);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.clock.runFor(6_000);
    const countdown = page.getByRole("dialog", { name: es("kiosk.idleTitle") });
    await expect(countdown).toBeVisible();
    await expect(countdown.getByRole("button", { name: es("kiosk.stay") })).toBeVisible();
    await page.clock.runFor(21_000);

    await expect(page).toHaveURL(`${kioskURL}/`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(es("chooser.title"));
    expect(await page.evaluate(() => [history.length, localStorage.length, sessionStorage.length])).toEqual([entries, 0, 0]);
    await expect(page.locator("html")).not.toHaveClass(/kiosk-/);
    await expect(page.getByRole("button", { name: es("kiosk.highContrast") })).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByRole("region", { name: es("chat.title") })).toBeHidden();
  });

  test("touching 'I am still here' during the countdown keeps the page", async ({ page }) => {
    await page.clock.install();
    await page.goto(guidePath);
    await page.clock.runFor((idleSeconds + 1) * 1000);
    const countdown = page.getByRole("dialog", { name: es("kiosk.idleTitle") });
    await expect(countdown).toBeVisible();
    await countdown.getByRole("button", { name: es("kiosk.stay") }).click();
    await expect(countdown).toBeHidden();
    await page.clock.runFor(30_000);
    await expect(page).toHaveURL(new RegExp(`${guidePath}$`));
  });

  test("'Finish and erase' forgets the session at once", async ({ page }) => {
    await page.goto(guidePath);
    const entries = await page.evaluate(() => history.length);
    await page.evaluate(() => sessionStorage.setItem("left-behind", "x"));
    await page.getByRole("button", { name: es("kiosk.finish") }).click();
    await expect(page).toHaveURL(`${kioskURL}/`);
    expect(await page.evaluate(() => [history.length, sessionStorage.length])).toEqual([entries, 0]);
  });

  test("reading aloud stops when the screen is erased", async ({ page }) => {
    let cancelled = 0;
    await page.exposeFunction("speechCancelled", () => cancelled++);
    // The speech API, replaced at the browser boundary by one that only reports cancel().
    await page.addInitScript(() => {
      const synth = {
        getVoices: () => [{ lang: "es-ES", name: "Test", voiceURI: "test", localService: true, default: true }],
        speak: () => {},
        cancel: () => (window as unknown as { speechCancelled: () => void }).speechCancelled(),
        addEventListener: () => {},
      };
      Object.defineProperty(window, "speechSynthesis", { value: synth });
      Object.defineProperty(window, "SpeechSynthesisUtterance", { value: class { constructor(public text: string) {} } });
    });
    await page.goto(guidePath);
    await page.getByRole("button", { name: es("readAloud.start") }).click();
    await expect(page.getByRole("button", { name: es("readAloud.stop") })).toBeVisible();
    await page.getByRole("button", { name: es("kiosk.finish") }).click();
    await expect(page).toHaveURL(`${kioskURL}/`);
    expect(cancelled).toBeGreaterThan(0);
  });

  test("the quick exit erases the screen instead of leaving for another site", async ({ page }) => {
    await page.goto(guidePath);
    await page.evaluate(() => localStorage.setItem("left-behind", "x"));
    await page.getByRole("link", { name: es("exit.label") }).click();
    await expect(page).toHaveURL(`${kioskURL}/`);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  test("Shift ×3 on a kiosk stays on the kiosk", async ({ page, context }) => {
    // Any request to another site would leave a public screen there: record them all.
    const outside: string[] = [];
    await context.route((url) => url.origin !== kioskURL, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    await page.goto(guidePath);
    const entries = await page.evaluate(() => history.length);
    await page.evaluate(() => sessionStorage.setItem("left-behind", "x"));
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await expect(page).toHaveURL(`${kioskURL}/`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(es("chooser.title"));
    expect(await page.evaluate(() => [history.length, localStorage.length, sessionStorage.length])).toEqual([entries, 0, 0]);
    expect(outside).toEqual([]);
  });

  test("the quick exit of a kiosk build is a link to the kiosk's own start page", async ({ page }) => {
    await page.goto(guidePath);
    await expect(page.getByRole("link", { name: es("exit.label") })).toHaveAttribute("href", "/");
  });

  test("before a language is chosen, the quick exit and the kiosk bar speak every language, and no Spanish-only search is offered", async ({ page }) => {
    await page.goto("/");
    const exit = page.getByRole("link", { name: es("exit.short") });
    const bar = page.getByRole("region", { name: es("kiosk.tools") });
    const langs = await kioskLocales(page);
    expect(langs.map((l) => l.code)).toEqual(expect.arrayContaining(["es", "en", "fr", "ht", "pt"]));
    for (const l of langs) {
      const t = ui(l.code);
      await expect(exit.locator(`[lang="${l.lang}"]`)).toHaveText(t("exit.short"));
      await expect(bar.getByRole("button", { name: t("kiosk.largerText") }).locator(`[lang="${l.lang}"]`)).toHaveText(t("kiosk.largerText"));
      await expect(bar.getByRole("button", { name: t("kiosk.highContrast") }).locator(`[lang="${l.lang}"]`)).toHaveText(t("kiosk.highContrast"));
      await expect(bar.getByRole("button", { name: t("kiosk.finish") }).locator(`[lang="${l.lang}"]`)).toHaveText(t("kiosk.finish"));
    }
    await expect(page.getByRole("search")).toHaveCount(0);
    // Once a language is chosen, the controls speak it alone.
    await page.getByRole("link", { name: "Kreyòl ayisyen", exact: true }).click();
    await expect(page.getByRole("link", { name: ui("ht")("exit.label"), exact: true })).toBeVisible();
    await expect(page.getByRole("search")).toHaveCount(1);
  });

  test("before a language is chosen, 'Get help now' and the idle countdown speak every language", async ({ page }) => {
    await page.clock.install();
    // A query string: the chooser was used (an untouched one never asks whether someone is there).
    await page.goto("/?from=a-page");
    const langs = await kioskLocales(page);
    const help = page.getByRole("banner").getByRole("link", { name: es("nav.help") });
    for (const l of langs) await expect(help.locator(`[lang="${l.lang}"]`)).toHaveText(ui(l.code)("nav.help"));
    await page.clock.runFor((idleSeconds + 1) * 1000);
    const dialog = page.getByRole("dialog", { name: es("kiosk.idleTitle") });
    await expect(dialog).toBeVisible();
    for (const l of langs) {
      const t = ui(l.code);
      await expect(dialog.getByRole("heading").locator(`[lang="${l.lang}"]`)).toHaveText(t("kiosk.idleTitle"));
      // Each language's sentence counts down with the others.
      const [before] = t("kiosk.idleBody", { seconds: "\u0000" }).split("\u0000");
      await expect(dialog.locator(`p[lang="${l.lang}"]`)).toContainText(before!.trim());
      await expect(dialog.getByRole("button", { name: t("kiosk.stay") }).locator(`[lang="${l.lang}"]`)).toHaveText(t("kiosk.stay"));
      await expect(dialog.getByRole("button", { name: t("kiosk.resetNow") }).locator(`[lang="${l.lang}"]`)).toHaveText(t("kiosk.resetNow"));
    }
    // The installed clock also flows with real time: it is stopped here, so that exactly one
    // second passes between the two readings however slow the machine is. (Stopping needs a
    // moment still ahead; on a busy machine the page's "now" may be gone by then: try again.)
    for (let tries = 0; ; tries++) {
      try {
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 250);
        break;
      } catch (err) {
        if (tries >= 5) throw err;
      }
    }
    const shown = await dialog.locator("[data-seconds]").allTextContents();
    await page.clock.runFor(1000);
    const next = await dialog.locator("[data-seconds]").allTextContents();
    expect(new Set(next).size).toBe(1);
    expect(Number(next[0])).toBe(Number(shown[0]) - 1);
  });

  test("a kiosk suggests no language from its own browser", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: kioskURL, locale: "ht-HT" });
    const page = await context.newPage();
    await page.goto("/");
    const choices = page.getByRole("main").getByRole("list").first().getByRole("link");
    const langs = await kioskLocales(page);
    expect(langs.map((l) => l.code)).toContain("ht");
    // The build's order (content/locales.json), Kreyòl not moved first.
    await expect(choices.first()).toHaveText(langs[0]!.label);
    expect(langs[0]!.code).not.toBe("ht");
    await expect(page.getByText(ui("ht")("chooser.suggested"))).toHaveCount(0);
    await context.close();
  });

  test("an untouched language chooser does not ask whether someone is still there", async ({ page }) => {
    await page.clock.install();
    await page.goto("/");
    await page.clock.runFor((idleSeconds + 1) * 1000);
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("the skip link still moves to the content without adding a history entry", async ({ page }) => {
    await page.goto(guidePath);
    const entries = await page.evaluate(() => history.length);
    const skip = page.getByRole("link", { name: es("nav.skip") });
    await skip.focus();
    await skip.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    expect(await page.evaluate(() => history.length)).toBe(entries);
  });

  test("an external link shows its address and a QR code instead of leaving the site", async ({ page }) => {
    const source = guideData("es", "meeting-authorities").sources[0]!;
    await page.goto(guidePath);
    await page.getByRole("link", { name: source.title }).click();
    const dialog = page.getByRole("dialog", { name: es("kiosk.linkTitle") });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${guidePath}$`));
    await expect(dialog).toContainText(source.url);
    expect(await decodeQr(dialog.getByRole("img"))).toBe(source.url);
    await dialog.getByRole("button", { name: es("kiosk.close") }).click();
    await expect(dialog).toBeHidden();
  });

  test("a phone number offers a QR code to dial it from your own phone", async ({ page }) => {
    await page.goto("/es/help/");
    const phone = page.getByRole("main").locator("a[href^='tel:']").first();
    const href = (await phone.getAttribute("href"))!;
    await phone.click();
    const dialog = page.getByRole("dialog", { name: es("kiosk.telTitle") });
    await expect(dialog).toBeVisible();
    expect(await decodeQr(dialog.getByRole("img"))).toBe(href);
  });

  for (const path of [guidePath, "/es/countries/gt/", "/fr/guides/your-rights/"]) {
    test(`the "take this with you" QR code on ${path} decodes to the page's public address`, async ({ page }) => {
      const locale = path.split("/")[1]!;
      await page.goto(path);
      const takeAway = page.getByRole("complementary", { name: ui(locale)("kiosk.takeAwayTitle") });
      await expect(takeAway).toBeVisible();
      expect(await decodeQr(takeAway.getByRole("img"))).toBe(`${publicURL}${path}`);
      await expect(takeAway.getByRole("button", { name: ui(locale)("kiosk.print") })).toBeVisible();
    });
  }

  test("the print button prints a clean page: no navigation, quick exit, chat or kiosk controls, large phone numbers", async ({ page }) => {
    await page.addInitScript(() => {
      window.print = () => document.documentElement.setAttribute("data-printed", "yes");
    });
    await page.goto("/es/guides/emergency-help/");
    await page.getByRole("button", { name: es("kiosk.print") }).click();
    await expect(page.locator("html")).toHaveAttribute("data-printed", "yes");
    const phone = page.getByRole("main").locator("a[href^='tel:']").first();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("link", { name: es("exit.label") })).toBeHidden();
    await expect(page.getByRole("region", { name: es("kiosk.tools") })).toBeHidden();
    await expect(page.getByRole("button", { name: es("chat.open") })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("complementary", { name: es("kiosk.takeAwayTitle") }).getByRole("img")).toBeVisible();
    const printSize = await phone.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(printSize).toBeGreaterThanOrEqual(24); // 18pt
  });

  test("larger text and high contrast are on-screen toggles that stay on while moving between pages", async ({ page }) => {
    await page.goto("/es/");
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const larger = page.getByRole("button", { name: es("kiosk.largerText") });
    await larger.click();
    await expect(larger).toHaveAttribute("aria-pressed", "true");
    // At least 150%: WCAG 1.4.4 asks text to reach 200% with zoom; a kiosk has no zoom gesture, so the toggle goes half as large again.
    await expect.poll(() => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(before * 1.5);
    await page.locator(`a[href="${guidePath}"]`).first().click();
    await expect(page.getByRole("button", { name: es("kiosk.largerText") })).toHaveAttribute("aria-pressed", "true");
    await larger.click();
    await expect(larger).toHaveAttribute("aria-pressed", "false");
  });

  test("high contrast keeps which toggle is pressed, the red of help and danger, and readable step circles", async ({ page }) => {
    await page.goto("/es/guides/before-you-go/");
    const contrast = page.getByRole("button", { name: es("kiosk.highContrast") });
    const larger = page.getByRole("button", { name: es("kiosk.largerText") });
    await contrast.click();
    await expect(page.locator("html")).toHaveClass(/kiosk-high-contrast/);
    const bg = (l: typeof contrast) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(contrast)).toBe("rgb(255, 221, 0)");
    expect(await bg(larger)).toBe("rgb(0, 0, 0)");
    // Not by colour alone: the pressed toggle also carries a check mark.
    expect(await contrast.evaluate((el) => getComputedStyle(el, "::before").content)).toContain("✓");
    expect(await larger.evaluate((el) => getComputedStyle(el, "::before").content)).toBe("none");
    await larger.click();
    expect(await bg(larger)).toBe("rgb(255, 221, 0)");
    // "Get help now" stays red.
    expect(await bg(page.getByRole("banner").getByRole("link", { name: es("nav.help") }))).toBe("rgb(164, 22, 26)");
    // Step numbers: black on a yellow circle, not dark green on black.
    const step = page.locator(".steps li").first();
    await expect(step).toBeVisible();
    expect(await step.evaluate((el) => [getComputedStyle(el, "::before").backgroundColor, getComputedStyle(el, "::before").color])).toEqual(["rgb(255, 221, 0)", "rgb(0, 0, 0)"]);
  });

  test("on a portrait kiosk screen (1080×1920) type and language tiles grow to fill it", async ({ page }) => {
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.goto("/");
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(24);
    const tiles = page.getByRole("main").getByRole("list").first().getByRole("link");
    const first = (await tiles.first().boundingBox())!;
    expect(first.height).toBeGreaterThanOrEqual(200);
    // The start screen's content reaches past the middle of the screen, not only its top third.
    const last = (await page.getByRole("main").getByRole("list").last().boundingBox())!;
    expect(last.y + last.height).toBeGreaterThan(1920 / 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1080);
  });

  for (const path of ["/", "/es/", guidePath, "/es/search/?q=migra", "/ht/countries/mx/"]) {
    test(`axe finds no WCAG 2.2 AA violations on ${path} in kiosk mode`, async ({ page }) => {
      await page.goto(path);
      if (path.includes("search")) await expect(page.locator("[data-search]")).toHaveAttribute("data-state", "results");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }

  test("axe finds no violations with the link dialog or the countdown open, nor in high contrast", async ({ page }) => {
    await page.clock.install();
    await page.goto(guidePath);
    await page.getByRole("button", { name: es("kiosk.highContrast") }).click();
    await page.getByRole("link", { name: guideData("es", "meeting-authorities").sources[0]!.title }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    const axe = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect((await axe()).violations.map((v) => v.id)).toEqual([]);
    await page.getByRole("button", { name: es("kiosk.close") }).click();
    await page.clock.runFor((idleSeconds + 1) * 1000);
    await expect(page.getByRole("dialog", { name: es("kiosk.idleTitle") })).toBeVisible();
    expect((await axe()).violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe("outside kiosk mode", () => {
  test("external links stay ordinary links and no kiosk code is shipped", async ({ page, context }) => {
    const source = guideData("es", "meeting-authorities").sources[0]!;
    await context.route(source.url, (route) => route.fulfill({ contentType: "text/html", body: "<title>outside</title>" }));
    const scripts: string[] = [];
    page.on("response", async (r) => {
      if (r.url().endsWith(".js")) scripts.push(await r.text());
    });
    await page.goto(guidePath);
    await expect(page.getByRole("region", { name: es("kiosk.tools") })).toHaveCount(0);
    await expect(page.getByRole("complementary", { name: es("kiosk.takeAwayTitle") })).toHaveCount(0);
    expect((await page.request.get("/sw.js")).status()).toBe(404);
    expect(scripts.some((s) => s.includes("hub-kiosk"))).toBe(false);
    await page.getByRole("link", { name: source.title }).click();
    await expect(page).toHaveURL(source.url);
  });
});
