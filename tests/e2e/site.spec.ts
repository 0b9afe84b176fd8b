// The guide site on the built output (npm run test:build): every template in every locale,
// the language switch, the untranslated-guide fallback, the kiosk language chooser, 404s.
import { expect, test } from "@playwright/test";
import {
  exampleHub,
  firstCountry,
  guideData,
  locales,
  readYaml,
  requiredPublicGuides,
  resourceIds,
  rtlLocale,
  shippedLocales,
  sourceLocale,
  templates,
  translatedGuide,
  untranslatedGuide,
  useTranslations,
} from "./site-pages";
import { topicIcons } from "../../src/components/icons";

for (const locale of locales()) {
  test(`every page template renders in ${locale.code} with lang="${locale.lang}" and dir="${locale.dir}"`, async ({ page }) => {
    const t = useTranslations(locale.code);
    for (const template of templates()) {
      const response = await page.goto(template.path(locale.code));
      expect(response?.status(), template.name).toBe(template.status);
      await expect(page.locator("html"), template.name).toHaveAttribute("lang", locale.lang);
      await expect(page.locator("html"), template.name).toHaveAttribute("dir", locale.dir);
      await expect(page.getByRole("heading", { level: 1 }), template.name).toBeVisible();
      // A country's help page is remembered for the session: "Get help now" then leads back to it.
      const helpHref = template.name === "help in a country" ? template.path(locale.code) : `/${locale.code}/help/`;
      await expect(page.getByRole("banner").getByRole("link", { name: t("nav.help"), exact: true }), template.name).toHaveAttribute("href", helpHref);
      await expect(page.getByRole("link", { name: t("exit.label") }), template.name).toBeVisible();
      if (template.status === 200) {
        await expect(page.locator('link[rel="canonical"]'), template.name).toHaveAttribute("href", new RegExp(`/${locale.code}/`));
        // hreflang alternates: one per locale plus x-default.
        await expect(page.locator('link[rel="alternate"][hreflang]'), template.name).toHaveCount(locales().length + 1);
      }
    }
  });
}

test("the right-to-left fixture locale is built and its pages are right-to-left", async ({ page }) => {
  const rtl = rtlLocale();
  expect(rtl, "build with HUB_EXTRA_LOCALES_DIR=tests/fixtures/rtl (npm run test:build)").toBeDefined();
  const response = await page.goto(`/${rtl?.code}/help/`);
  expect(response?.status(), "the test build must include the RTL fixture locale (npm run test:build)").toBe(200);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // An untranslated guide in that locale: Spanish text, laid out left to right inside the RTL page.
  await page.goto(`/${rtl?.code}/guides/${translatedGuide()}/`);
  await expect(page.getByRole("main")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("main")).toHaveAttribute("dir", "ltr");
  await expect(page.getByText(useTranslations(rtl?.code ?? "ar")("fallback.notice"))).toHaveAttribute("dir", "rtl");
  // The layout mirrors: the header's first item (the site name) sits on the right.
  const brand = await page.getByRole("link", { name: useTranslations(rtl?.code ?? "ar")("site.name") }).first().boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(brand && brand.x + brand.width).toBeGreaterThan(width / 2);
});

test("the language switch keeps the reader on the same page", async ({ page }) => {
  const id = translatedGuide();
  const es = useTranslations("es");
  const target = shippedLocales().find((l) => l.code !== sourceLocale);
  if (!target) throw new Error("needs a second shipped locale");
  await page.goto(`/es/guides/${id}/`);
  await page.getByText(es("nav.language"), { exact: true }).click();
  await page.getByRole("navigation", { name: es("nav.language") }).getByRole("link", { name: target.label }).click();
  await expect(page).toHaveURL(`/${target.code}/guides/${id}/`);
  await expect(page.locator("html")).toHaveAttribute("lang", target.lang);

  // The same on a country page, and back to Spanish.
  const t = useTranslations(target.code);
  await page.goto(`/${target.code}/countries/${firstCountry()}/`);
  await page.getByText(t("nav.language"), { exact: true }).click();
  const nav = page.getByRole("navigation", { name: t("nav.language") });
  await expect(nav.getByRole("link", { name: target.label })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Español" }).click();
  await expect(page).toHaveURL(`/es/countries/${firstCountry()}/`);
});

test("an untranslated guide shows the Spanish text with a notice in the reader's language", async ({ page }) => {
  const { locale, id } = untranslatedGuide();
  const reader = locales().find((l) => l.code === locale);
  const t = useTranslations(locale);
  await page.goto(`/${locale}/guides/${id}/`);
  await expect(page.locator("html")).toHaveAttribute("lang", reader?.lang ?? locale);
  const main = page.getByRole("main");
  await expect(main).toHaveAttribute("lang", "es");
  const notice = main.getByText(t("fallback.notice"));
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute("lang", reader?.lang ?? locale);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(guideData("es", id).title);
});

test("a translated guide has no fallback notice and no language override on its main content", async ({ page }) => {
  const id = translatedGuide();
  const locale = shippedLocales().find((l) => l.code !== sourceLocale)?.code ?? "en";
  await page.goto(`/${locale}/guides/${id}/`);
  await expect(page.getByRole("main")).not.toHaveAttribute("lang", /.+/);
  await expect(page.getByText(useTranslations(locale)("fallback.notice"))).toHaveCount(0);
});

test("the guide's own headings carry unique anchor ids", async ({ page }) => {
  await page.goto(`/es/guides/${translatedGuide()}/`);
  // Headings written in the guide (not the ones inside resource cards and number lists).
  const ids = await page.getByRole("main").locator("h2, h3").evaluateAll((hs) => hs.filter((h) => !h.closest(".card, .emergency-numbers")).map((h) => h.id));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(id).toMatch(/^[\p{L}\p{N}-]+$/u);
  expect(new Set(ids).size).toBe(ids.length);
});

test("a guide page lists the questions people ask, each linked to the section that answers it", async ({ page }) => {
  for (const locale of shippedLocales()) {
    await page.goto(`/${locale.code}/guides/asking-for-protection/`);
    const nav = page.getByRole("navigation", { name: useTranslations(locale.code)("site.guide.questions") });
    const links = nav.getByRole("link");
    expect(await links.count()).toBeGreaterThan(3);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
      expect(href.startsWith("#")).toBe(true);
      await expect(page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`)).toHaveCount(1);
    }
  }
});

test("a guide page is readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/fr/guides/${translatedGuide()}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByRole("heading", { level: 2 }).first()).toBeVisible();
  await context.close();
});

test("phone numbers are tel: links that dial digits only and are read digit by digit", async ({ page }) => {
  await page.goto("/en/help/");
  const links = page.locator('a[href^="tel:"]');
  expect(await links.count()).toBeGreaterThan(7);
  for (const link of await links.all()) {
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^tel:\+?\d+$/);
    const shown = ((await link.textContent()) ?? "").replace(/\D/g, "");
    const label = (await link.getAttribute("aria-label")) ?? "";
    expect(label).toContain(shown.split("").join(" "));
  }
});

test("a country page lists its first emergency line before anything else", async ({ page }) => {
  const cc = firstCountry();
  const country = readYaml(`countries/${cc}.yaml`) as { emergency: string[] };
  const first = readYaml(`resources/${country.emergency[0]}.yaml`) as { phones: { number: string }[] };
  await page.goto(`/es/countries/${cc}/`);
  await expect(page.getByRole("main").locator('a[href^="tel:"]').first()).toHaveText(first.phones[0]?.number ?? "");
});

test("an example hub says that it is an example", async ({ page }) => {
  const hub = exampleHub();
  test.skip(!hub, "no example hub in content/hubs");
  await page.goto(`/pt/hubs/${hub}/`);
  await expect(page.getByText(useTranslations("pt")("site.hub.example"))).toBeVisible();
});

test("the home page offers help first, the guides as tiles and the staff guides apart", async ({ page }) => {
  const t = useTranslations("es");
  await page.goto("/es/");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: t("help.getHelpNow") })).toHaveAttribute("href", "/es/help/");
  await expect(main.getByRole("heading", { name: t("site.home.guides") })).toBeVisible();
  const id = translatedGuide();
  const tile = main.getByRole("link", { name: guideData("es", id).title });
  await expect(tile).toHaveAttribute("href", `/es/guides/${id}/`);
  const staffHeading = main.getByRole("heading", { name: t("site.home.staff") });
  if (guideData("es", id).audience !== "staff") {
    // The guide tiles come before the staff section.
    const [tileBox, staffBox] = [await tile.boundingBox(), await staffHeading.boundingBox()];
    if (tileBox && staffBox) expect(tileBox.y).toBeLessThan(staffBox.y);
  }
});

for (const locale of shippedLocales()) {
  test(`the ${locale.code} home page has a tile for every required guide, in ${locale.code}, with its main topic's icon`, async ({ page }) => {
    await page.goto(`/${locale.code}/`);
    const main = page.getByRole("main");
    const ids = requiredPublicGuides();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const data = guideData(locale.code, id);
      const tile = main.getByRole("link", { name: data.title }).and(main.locator(`[href="/${locale.code}/guides/${id}/"]`));
      await expect(tile, `${locale.code}/${id}`).toHaveCount(1);
      // A translated tile: no language override.
      await expect(tile).not.toHaveAttribute("lang", /.+/);
      const topic = data.topics[0];
      expect(topic, `${locale.code}/${id} should have a main topic`).toBeTruthy();
      await expect(tile.locator("svg path")).toHaveAttribute("d", topicIcons[topic!]);
    }
  });
}

test("the language chooser names each language in its own language and suggests the browser's", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/");
  const choices = page.getByRole("main").getByRole("list").first().getByRole("link");
  await expect(choices.first()).toContainText("Français");
  await expect(choices.first()).toContainText(useTranslations("fr")("chooser.suggested"));
  for (const l of locales()) {
    const link = page.getByRole("main").getByRole("link", { name: l.label }).first();
    await expect(link).toHaveAttribute("href", `/${l.code}/`);
    await expect(link).toHaveAttribute("lang", l.lang);
  }
  await context.close();
});

test("the language chooser works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "pt-BR" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "Português" }).first().click();
  await expect(page).toHaveURL("/pt/");
  await context.close();
});

test("an unknown address inside a locale gets that locale's 404 page with its home and help", async ({ page }) => {
  const t = useTranslations("ht");
  const response = await page.goto("/ht/guides/no-such-guide/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("notFound.title"));
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: t("site.notFound.home") })).toHaveAttribute("href", "/ht/");
  await expect(main.getByRole("link", { name: t("nav.help") })).toHaveAttribute("href", "/ht/help/");
});

test("an unknown address outside any locale gets the general 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(useTranslations("es")("notFound.title"));
  for (const l of locales()) await expect(page.getByRole("main").getByRole("link", { name: l.label })).toHaveAttribute("href", `/${l.code}/`);
});

test("buttons, phone links, tiles and language links are at least 48 px in both directions", async ({ page }) => {
  const small: string[] = [];
  for (const path of ["/", "/es/", "/es/help/", `/es/countries/${firstCountry()}/`]) {
    await page.goto(path);
    const summary = page.locator("details.lang-switch > summary");
    if (await summary.count()) await summary.click();
    const sizes = await page.locator("a.button, summary, a.tel, a.tile, .chooser a, .lang-list a, .link-list a").evaluateAll((els) =>
      els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => ({ text: el.textContent?.trim() ?? "", ...el.getBoundingClientRect().toJSON() }) as { text: string; width: number; height: number }),
    );
    expect(sizes.length, path).toBeGreaterThan(3);
    for (const s of sizes) if (s.width < 47.5 || s.height < 47.5) small.push(`${path}: "${s.text}" ${Math.round(s.width)}x${Math.round(s.height)}`);
  }
  expect(small).toEqual([]);
});

test("the focused link has a strong indicator that also shows in forced-colours mode", async ({ page }) => {
  const help = page.getByRole("banner").getByRole("link", { name: useTranslations("es")("nav.help") });
  const tabTo = async () => {
    for (let i = 0; i < 6 && !(await help.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(help).toBeFocused();
  };
  await page.goto("/es/");
  await tabTo();
  const normal = await help.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, shadow: getComputedStyle(el).boxShadow }));
  expect(normal.bg).toBe("rgb(255, 221, 0)");
  expect(normal.shadow).not.toBe("none");

  await page.emulateMedia({ forcedColors: "active" });
  await page.goto("/es/");
  await tabTo();
  const forced = await help.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }));
  expect(forced.style).toBe("solid");
  expect(parseFloat(forced.width)).toBeGreaterThanOrEqual(3);
});

test("resource cards never show the editors' notes", async ({ page }) => {
  const cc = firstCountry();
  const noted = resourceIds()
    .map((id) => readYaml(`resources/${id}.yaml`) as { country: string; editorNotes?: string })
    .filter((r) => r.country === cc.toUpperCase() && r.editorNotes);
  test.skip(noted.length === 0, "no resource of this country has editor notes");
  await page.goto(`/es/countries/${cc}/`);
  const text = (await page.getByRole("main").textContent()) ?? "";
  for (const r of noted) {
    // A distinctive stretch of each note: its first line after the "Dataset notes:" style prefix.
    const sample = (r.editorNotes ?? "").split("\n")[0]?.slice(0, 60) ?? "";
    expect(text).not.toContain(sample);
  }
});

test("a guide page says when it was reviewed in the reader's long date format, not as an ISO date", async ({ page }) => {
  const id = translatedGuide();
  const t = useTranslations("es");
  await page.goto(`/es/guides/${id}/`);
  const reviewed = page.getByText(new RegExp(`^${t("site.guide.lastReviewed", { date: "" })}`));
  await expect(reviewed).toHaveText(/^Revisada el \d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}$/);
});
