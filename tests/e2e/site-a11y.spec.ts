// axe (WCAG 2.2 AA rules) on one page of every template in every locale, including the
// right-to-left fixture locale, the language chooser and the general 404 page.
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { locales, templates } from "./site-pages";

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(tags).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

test("the language chooser and the general 404 page have no axe violations", async ({ page }) => {
  for (const path of ["/", "/no-such-page"]) {
    await page.goto(path);
    expect(await violations(page), path).toEqual([]);
  }
});

for (const locale of locales()) {
  test(`every page template in ${locale.code} has no axe violations`, async ({ page }) => {
    for (const template of templates()) {
      await page.goto(template.path(locale.code));
      expect(await violations(page), `${template.name} ${template.path(locale.code)}`).toEqual([]);
    }
  });
}

test("the language switch, opened, has no axe violations", async ({ page }) => {
  await page.goto("/ht/help/");
  await page.locator("details.lang-switch > summary").click();
  expect(await violations(page)).toEqual([]);
});

// States the templates above do not reach: search with its results and its filters open, at a
// phone's width too (the filters fold away there).
for (const locale of locales()) {
  test(`the search page with results, in ${locale.code}, has no axe violations on a computer or a phone`, async ({ page }) => {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 740 });
      // Every locale's help page lists 911.
      await page.goto(`/${locale.code}/search/?q=911`);
      await expect(page.locator("[data-search]")).toHaveAttribute("data-state", "results");
      await page.locator("[data-search-more]").evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(await violations(page), `${width} px`).toEqual([]);
    }
  });
}
