// The "About and privacy" page (/{locale}/about/): in every locale, linked from every page's
// footer, naming the operator the build was given (npm run test:build sets HUB_OPERATOR and
// HUB_CONTACT on the main build, neither on the kiosk build), and stating the bot's real idle times.
import { expect, test } from "@playwright/test";
import { locales, useTranslations } from "./site-pages";
import { kioskURL } from "./kiosk-helpers";
import { hubOperator } from "../../src/lib/operator";

/** What npm run test:build sets on the main test build. */
const OPERATOR = "Red de prueba del hub";
const CONTACT = "contacto@hub.example.org";

for (const locale of locales()) {
  test(`the footer of a page in ${locale.code} links to the about page, which says who runs the hub`, async ({ page }) => {
    const t = useTranslations(locale.code);
    await page.goto(`/${locale.code}/help/`);
    await page.getByRole("contentinfo").getByRole("link", { name: t("nav.about") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale.code}/about/$`));
    await expect(page.getByRole("heading", { level: 1, name: t("about.title") })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(t("about.who.name", { name: OPERATOR }));
    await expect(page.getByRole("contentinfo").getByRole("link", { name: t("nav.about") })).toHaveAttribute("aria-current", "page");
  });
}

test("the about page links to the operator's contact address", async ({ page }) => {
  await page.goto("/en/about/");
  await expect(page.getByRole("main").getByRole("link", { name: CONTACT })).toHaveAttribute("href", `mailto:${CONTACT}`);
});

test("the about page states how long the bot keeps a conversation, with the bot's own settings", async ({ page }) => {
  const t = useTranslations("en");
  // The test hub runs with the defaults; so does the build.
  const { stateIdleMinutes, chatIdleMinutes } = hubOperator({});
  await page.goto("/en/about/");
  const main = page.getByRole("main");
  await expect(main).toContainText(t("about.kept.sms", { minutes: stateIdleMinutes }));
  await expect(main).toContainText(t("about.kept.chat", { minutes: chatIdleMinutes }));
  await expect(main).toContainText(t("about.kept.phone"));
});

test.describe("on a kiosk built without HUB_OPERATOR", () => {
  test.use({ baseURL: kioskURL });
  test("the about page says plainly that the hub has not said who runs it, and that nothing stays on the screen", async ({ page }) => {
    const t = useTranslations("es");
    await page.goto("/es/about/");
    const main = page.getByRole("main");
    await expect(main).toContainText(t("about.who.unset"));
    await expect(main).toContainText(t("about.kept.kiosk"));
    await expect(main).not.toContainText(t("about.kept.phone"));
  });
});
