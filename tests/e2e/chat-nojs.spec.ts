// The chat without JavaScript: the chat page's plain form posts one message to the hub, and the
// reply comes back as a page from the same engine (bot/channels/form.ts), with tel: links.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { useTranslations } from "../../src/lib/i18n";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the no-JavaScript chat form answers, with the emergency number of the country the person is in as a tel: link", async ({
    page,
  }) => {
    const t = useTranslations("es");
    await page.goto("/es/chat/");
    await page
      .getByRole("textbox", { name: t("chat.inputLabel") })
      .fill(
        "un hombre me sigue desde la terminal y tengo miedo, estoy en tapachula",
      );
    await page.getByRole("button", { name: t("chat.send") }).click();
    await expect(page).toHaveURL(/\/chat\/reply$/);
    await expect(
      page.getByRole("heading", { level: 2, name: t("chat.bot") }),
    ).toBeVisible();
    // Mexico's emergency line, callable in one tap.
    await expect(
      page.locator('a[href^="tel:"]', { hasText: "911" }).first(),
    ).toBeVisible();
    await expect(
      page.getByRole("link", { name: t("exit.label") }),
    ).toBeVisible();
    // The form is there again for the next message.
    await expect(
      page.getByRole("textbox", { name: t("chat.inputLabel") }),
    ).toBeVisible();
  });

  test("the no-JavaScript chat form answers in the page's language and shows the message as text, never as markup", async ({
    page,
  }) => {
    const t = useTranslations("en");
    await page.goto("/en/chat/");
    await page
      .getByRole("textbox", { name: t("chat.inputLabel") })
      .fill("<b>hello</b> how do i ask for asylum in mexico");
    await page.getByRole("button", { name: t("chat.send") }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", /^en/);
    await expect(
      page.getByText("<b>hello</b> how do i ask for asylum in mexico"),
    ).toBeVisible();
    await expect(page.locator("main b")).toHaveCount(0);
  });
});

// axe runs as a script in the page, so the reply page it checks is loaded with JavaScript on.
test("the reply page of the no-JavaScript chat form passes axe", async ({
  page,
}) => {
  const res = await page.request.post("/chat/reply", {
    form: {
      text: "mi hijo tiene fiebre y estamos en tecun uman, a donde lo llevo",
      locale: "es",
    },
  });
  expect(res.status()).toBe(200);
  await page.setContent(await res.text());
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});
