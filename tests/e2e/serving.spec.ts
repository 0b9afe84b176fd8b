// The real build as bot/server.ts serves it: compressed by Accept-Encoding, and every page's
// scripts running under a CSP with no 'unsafe-inline' for scripts (the build inlines none).
import { expect, test } from "@playwright/test";
import { templates, translatedGuide, useTranslations } from "./site-pages";

const t = useTranslations("es");
const violations = () => (window as unknown as { violations: string[] }).violations;

test("a guide page of the real build comes as brotli or gzip, as the browser accepts", async ({ request }) => {
  const url = `/es/guides/${translatedGuide()}/`;
  const br = await request.get(url, { headers: { "Accept-Encoding": "br, gzip" } });
  expect(br.headers()["content-encoding"]).toBe("br");
  const gzip = await request.get(url, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzip.headers()["content-encoding"]).toBe("gzip");
  expect(await br.text()).toBe(await gzip.text());
  const plain = await request.get(url, { headers: { "Accept-Encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(Number(br.headers()["content-length"])).toBeLessThan(Number(plain.headers()["content-length"]) / 3);
});

for (const template of templates()) {
  test(`the ${template.name} page has no inline script and breaks no rule of its CSP`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(template.path("es"));
    expect(response?.status()).toBe(template.status);
    const csp = response?.headers()["content-security-policy"] ?? "";
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(await page.locator("script:not([src])").count()).toBe(0);
    // Open the chat widget too: its code loads and connects (connect-src) only then.
    await page.getByRole("button", { name: t("chat.open") }).click();
    await expect(page.getByRole("region", { name: t("chat.title") }).getByRole("status")).toHaveText(t("chat.ready"));
    expect(await page.evaluate(violations)).toEqual([]);
  });
}

test("the search runs its WebAssembly under the CSP", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto("/es/search/?q=asilo");
  await expect(page.locator("[data-state=results]")).toBeVisible();
  expect(await page.evaluate(violations)).toEqual([]);
});
