// Resources as readers meet them on the built site: a child-protection service without a
// number is never shown as something to call, a line for nationals abroad is never offered as
// help inside its own country, <Phone> tags in guides dial the resource's number with its
// caveat, and the demo build's example hubs say they are examples (that a build without
// HUB_DEMO leaves them out is tested on publishedHubs, tests/unit/resources.test.ts: both test
// builds are demo builds, the kiosk one standing in an example hub).
import { expect, test } from "@playwright/test";
import { loadContent } from "../../src/lib/content-files";
import { isCallable, isReachableFrom } from "../../src/lib/resources";
import { telHref } from "../../src/lib/phone";
import { useTranslations } from "./site-pages";

const content = loadContent().content;
const resource = (id: string) => content.resources.find((r) => r.id === id);
const t = useTranslations("es");

/** Child-protection services with no number that a country lists among its lines (Mexico's today). */
const uncallableChildProtection = content.countries.flatMap((c) =>
  c.data.childProtection.filter((id) => resource(id)?.data.kind === "child-protection" && !isCallable(resource(id)!.data)).map((id) => ({ country: c.data.code, id })),
);

test("a child-protection service without a number is never shown as a number to call", async ({ page }) => {
  expect(uncallableChildProtection.length, "the content should have such a service to check (Mexico's)").toBeGreaterThan(0);
  for (const { country, id } of uncallableChildProtection) {
    const emergency = content.countries.find((c) => c.data.code === country)!.data.emergency.map(resource).find((r) => r && isCallable(r.data))!;
    const emergencyHref = telHref(emergency.data.phones[0]!.number, emergency.data.phones[0]!.region);
    for (const path of [`/es/countries/${country.toLowerCase()}/`, "/es/help/"]) {
      await page.goto(path);
      const shown = page.locator(`[data-resource="${id}"]`);
      expect(await shown.count(), `${id} on ${path}`).toBeGreaterThan(0);
      for (const item of await shown.all()) {
        await expect(item, `${id} on ${path} says there is no number`).toContainText(t("site.resource.noPhone"));
        // The only number in it is the country's emergency line, offered instead.
        for (const link of await item.locator('a[href^="tel:"]').all()) await expect(link).toHaveAttribute("href", emergencyHref);
        expect(await item.locator('a[href^="tel:"]').count(), `${id} on ${path} offers the emergency line`).toBe(1);
      }
    }
  }
});

test("a line that cannot be dialled from its own country is not listed as help there, but for its nationals", async ({ page }) => {
  const abroad = content.resources.filter((r) => r.data.country !== "regional" && r.data.phones.length > 0 && !isReachableFrom(r.data, r.data.country));
  expect(abroad.map((r) => r.id)).toContain("mx-ciam");
  for (const r of abroad) {
    await page.goto(`/es/countries/${r.data.country.toLowerCase()}/`);
    await expect(page.locator(`[data-resource="${r.id}"]`), `${r.id} on its country page`).toHaveCount(0);
  }
  await page.goto("/es/guides/consulate-help/");
  const ciam = page.locator('[data-resource="mx-ciam"]');
  await expect(ciam).toHaveCount(1);
  await expect(ciam).toContainText(t("site.resource.forNationalsOf", { countries: "México" }));
  await expect(ciam).toContainText(t("site.resource.reachableFrom", { countries: "Estados Unidos, Canadá" }));
  await expect(ciam.locator('a[href^="tel:"]').first()).toHaveAttribute("href", "tel:+15206237874");
});

test("a <Phone> tag in a guide dials its resource's number and marks a single-source number", async ({ page }) => {
  await page.goto("/es/guides/emergency-help/");
  const tags = page.locator("main .phone-inline");
  expect(await tags.count()).toBeGreaterThan(20);
  for (const tag of await tags.all()) {
    const id = (await tag.getAttribute("data-resource")) ?? "";
    const r = resource(id);
    expect(r, id).toBeTruthy();
    const phone = r!.data.phones[0]!;
    await expect(tag.locator("a"), id).toHaveAttribute("href", telHref(phone.number, phone.region));
    await expect(tag.locator("a"), id).toHaveText(phone.number);
    if (r!.data.confidence === "medium") await expect(tag, id).toContainText(t("site.phone.unconfirmed"));
    else await expect(tag, id).not.toContainText(t("site.phone.unconfirmed"));
  }
  // Belize's 911 rests on informal sources: it is shown, with its caveat.
  await expect(page.locator('main .phone-inline[data-resource="bz-911"]').first()).toContainText(t("site.phone.unconfirmed"));
});

const exampleHubs = content.hubs.filter((h) => h.data.example);

test("the demo build shows the example hubs, each saying it is an example", async ({ page }) => {
  expect(exampleHubs.map((h) => h.id)).toContain("huehuetenango");
  for (const hub of exampleHubs) {
    await page.goto(`/es/hubs/${hub.id}/`);
    await expect(page.getByText(t("site.hub.example"))).toBeVisible();
  }
});

