// The chat on the built site, served by the real hub process with the real engine: the Ask
// widget by keyboard in two locales, safe rendering, the unreachable message, axe.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { useTranslations } from "../../src/lib/i18n";

const ui = (locale: string) => useTranslations(locale);
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe over the chat's own parts (the rest of each page is checked by the site's own tests). */
async function expectAxeClean(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).include("[data-chat-widget]").include("[data-chat-page]").withTags(wcag).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Opens the widget from the keyboard and returns the chat panel. */
async function openWidgetByKeyboard(page: Page, locale: string) {
  const t = ui(locale);
  const launch = page.getByRole("button", { name: t("chat.open") });
  await launch.focus();
  await page.keyboard.press("Enter");
  await expect(launch).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("region", { name: t("chat.title") });
  await expect(panel.getByRole("textbox", { name: t("chat.inputLabel") })).toBeFocused();
  await expect(panel.getByRole("status")).toHaveText(t("chat.ready"));
  return panel;
}

for (const { locale, question, guides } of [
  { locale: "es", question: "qué hago si me para la policía de migración", guides: "/es/guides/" },
  { locale: "en", question: "what are my rights if the police stop me?", guides: "/en/guides/" },
]) {
  test(`the Ask widget answers by keyboard in ${locale}, with a link to the guide in that language`, async ({ page }) => {
    const t = ui(locale);
    await page.goto(`/${locale}/help/`);
    const panel = await openWidgetByKeyboard(page, locale);
    await page.keyboard.type(question);
    await page.keyboard.press("Enter");
    const log = panel.getByRole("log", { name: t("chat.title") });
    await expect(log).toContainText(question);
    await expect(log.getByRole("link").and(page.locator(`[href^="${guides}"]`)).first()).toBeVisible();
    // The reply carries its language so screen readers pronounce it right.
    await expect(log.locator(".chat-msg--bot").last()).toHaveAttribute("lang", locale);

    // A quick reply is a real button, reachable and usable from the keyboard.
    const options = log.getByRole("group", { name: t("chat.options") });
    const first = options.getByRole("button").first();
    const label = (await first.textContent()) ?? "";
    await first.focus();
    await page.keyboard.press("Enter");
    await expect(log.locator(".chat-msg--you").last()).toContainText(label);
    await expect(log.locator(".chat-msg--bot")).toHaveCount(2);

    await expectAxeClean(page);

    // Escape closes the panel and gives focus back to the launcher.
    await panel.getByRole("textbox").focus();
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(page.getByRole("button", { name: t("chat.open") })).toBeFocused();
  });
}

test("the chat code loads only when the widget is opened", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  let sockets = 0;
  page.on("websocket", () => (sockets += 1));
  await page.goto("/es/");
  await page.waitForLoadState("networkidle");
  const before = scripts.length;
  expect(sockets).toBe(0);
  await page.getByRole("button", { name: ui("es")("chat.open") }).click();
  await expect(page.getByRole("region", { name: ui("es")("chat.title") }).getByRole("status")).toHaveText(ui("es")("chat.ready"));
  expect(scripts.length).toBeGreaterThan(before);
  expect(sockets).toBe(1);
});

test("words typed while the chat code is still loading are kept, not lost", async ({ page }) => {
  const t = ui("es");
  // Hold the chat code back, as a slow connection does, until the plain form has been typed in.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/_astro\/chat\.[\w-]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto("/es/help/");
  await page.getByRole("button", { name: t("chat.open") }).click();
  const panel = page.getByRole("region", { name: t("chat.title") });
  await expect.poll(() => asked, "the chat code was asked for and is held").toBe(true);
  const words = "me pararon en un retén";
  await panel.getByRole("textbox", { name: t("chat.inputLabel") }).fill(words);
  release();
  await expect(panel.getByRole("status")).toHaveText(t("chat.ready"));
  const box = panel.getByRole("textbox", { name: t("chat.inputLabel") });
  await expect(box).toHaveCount(1);
  await expect(box).toHaveValue(words);
  await expect(box).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("log", { name: t("chat.title") }).locator(".chat-msg--you")).toContainText(words);
});

test("message text is shown as text: markup in a message is never turned into HTML", async ({ page }) => {
  await page.goto("/es/chat/");
  const t = ui("es");
  await expect(page.getByRole("status")).toHaveText(t("chat.ready"));
  const attack = `<img src=x onerror="document.title='pwned'"><b>negrita</b>`;
  await page.getByRole("textbox", { name: t("chat.inputLabel") }).fill(attack);
  await page.getByRole("button", { name: t("chat.send") }).click();
  const log = page.getByRole("log");
  await expect(log).toContainText(attack);
  await expect(log.locator(".chat-msg--bot")).toHaveCount(1);
  await expect(log.locator("img, b, script")).toHaveCount(0);
  expect(await page.title()).not.toBe("pwned");
});

test("'borrar' clears the conversation from the screen too, not only from the server", async ({ page }) => {
  await page.goto("/es/chat/");
  const t = ui("es");
  await expect(page.getByRole("status")).toHaveText(t("chat.ready"));
  const box = page.getByRole("textbox", { name: t("chat.inputLabel") });
  const log = page.getByRole("log");
  const private_ = "tengo 15 años y mi tio me pega en tapachula";
  await box.fill(private_);
  await page.getByRole("button", { name: t("chat.send") }).click();
  await expect(log.locator(".chat-msg--bot")).toHaveCount(1);
  await box.fill("borrar");
  await page.getByRole("button", { name: t("chat.send") }).click();
  await expect(log).toContainText(t("bot.erased"));
  await expect(log).not.toContainText(private_);
  await expect(log.locator(".chat-msg")).toHaveCount(1);
});

test("when the bot cannot be reached the chat says so and points to the help numbers", async ({ page }) => {
  await page.routeWebSocket(/\/chat\/ws/, (ws) => ws.close({ code: 1011, reason: "down" }));
  await page.goto("/fr/chat/");
  const t = ui("fr");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(t("chat.unreachable"));
  await expect(alert.getByRole("link", { name: t("nav.help") })).toHaveAttribute("href", "/fr/help/");
  await expect(alert.getByRole("button", { name: t("chat.retry") })).toBeVisible();
  await expectAxeClean(page);
});

test("the chat page in English is accessible and works by keyboard", async ({ page }) => {
  const t = ui("en");
  await page.goto("/en/chat/");
  await expect(page.getByRole("heading", { level: 1, name: t("chat.title") })).toBeVisible();
  // The widget does not duplicate the chat on its own page.
  await expect(page.getByRole("button", { name: t("chat.open") })).toHaveCount(0);
  await expect(page.getByRole("status")).toHaveText(t("chat.ready"));
  await page.getByRole("textbox", { name: t("chat.inputLabel") }).focus();
  await page.keyboard.type("help someone is hitting me right now");
  await page.keyboard.press("Enter");
  const emergency = page.locator(".chat-msg--emergency");
  await expect(emergency).toBeVisible();
  await expect(emergency.getByRole("link").filter({ hasText: /\d/ }).first()).toHaveAttribute("href", /^tel:\+?\d+$/);
  await expectAxeClean(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Ask link leads to the chat page, which points to the help numbers and offers the plain form", async ({ page }) => {
    const t = ui("es");
    await page.goto("/es/help/");
    await page.getByRole("link", { name: t("chat.open") }).click();
    await expect(page).toHaveURL(/\/es\/chat\/$/);
    await expect(page.getByRole("main").getByText(t("chat.noscriptForm"))).toBeVisible();
    // One textbox: the plain form's (the live chat's stays hidden without JavaScript).
    await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(1);
  });
});

test.describe("on a phone (360×740)", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  /** Whether a person tapping the middle of `el` reaches it (nothing drawn on top of it). */
  const reachable = (el: Element) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  };

  test("the ask button never covers a call to action", async ({ page }) => {
    const t = ui("es");
    for (const path of ["/es/", "/es/help/", "/es/guides/emergency-help/", "/es/guides/meeting-authorities/"]) {
      await page.goto(path);
      await expect(page.getByRole("button", { name: t("chat.open") })).toBeVisible();
      const actions = page.getByRole("main").locator("a.button, button.button, a.tel, .read-aloud button");
      expect(await actions.count(), path).toBeGreaterThan(0);
      for (const action of await actions.all()) {
        if (!(await action.isVisible())) continue;
        // Reached as a person reaches it: by keyboard, or scrolled to the bottom of the screen.
        await action.focus();
        expect(await action.evaluate(reachable), `${path}: ${await action.textContent()} (focused)`).toBe(true);
        await action.evaluate((el) => el.scrollIntoView({ block: "end" }));
        expect(await action.evaluate(reachable), `${path}: ${await action.textContent()} (at the bottom)`).toBe(true);
      }
    }
  });

  test("the chat is full screen on a phone, below the quick exit, and the numbers of an emergency reply stay above the keyboard", async ({ page }) => {
    const t = ui("es");
    await page.goto("/es/");
    await page.getByRole("button", { name: t("chat.open") }).click();
    const panel = page.getByRole("region", { name: t("chat.title") });
    await expect(panel.getByRole("status")).toHaveText(t("chat.ready"));
    const box = (await panel.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(360);
    expect(box.y + box.height).toBeCloseTo(740, 0);
    // It starts right below the quick exit, which stays in view and usable.
    const exit = page.getByRole("link", { name: t("exit.label") });
    const exitBox = (await exit.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(exitBox.y + exitBox.height);
    expect(box.y).toBeLessThanOrEqual(exitBox.y + exitBox.height + 8);
    expect(await exit.evaluate(reachable)).toBe(true);

    await panel.getByRole("textbox", { name: t("chat.inputLabel") }).fill("me quieren matar, estoy en peligro ahora");
    await panel.getByRole("textbox", { name: t("chat.inputLabel") }).press("Enter");
    const reply = panel.locator(".chat-msg--emergency").last();
    await expect(reply).toBeVisible();
    // The reply's first line, and the first numbers under it.
    const firstLine = reply.getByRole("paragraph").first();
    const numbers = reply.getByRole("paragraph").nth(1);
    await expect(numbers).toHaveText(/\d{3}/);
    await expect(firstLine).toBeInViewport({ ratio: 1 });
    await expectAxeClean(page);
    // The on-screen keyboard takes the lower half of the screen: the form and the start of the reply stay in view.
    await page.setViewportSize({ width: 360, height: 400 });
    await expect(panel.getByRole("textbox", { name: t("chat.inputLabel") })).toBeInViewport({ ratio: 1 });
    await expect(firstLine).toBeInViewport({ ratio: 1 });
    await expect(numbers).toBeInViewport({ ratio: 1 });
    expect(await numbers.evaluate(reachable)).toBe(true);
    // Closing gives the page back, and focus to the ask button.
    await panel.getByRole("button", { name: t("chat.close") }).click();
    await expect(page.getByRole("button", { name: t("chat.open") })).toBeFocused();
  });
});
