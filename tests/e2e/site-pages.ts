// What the site tests visit: the locales of the test build (shipped + the right-to-left
// fixture, as `npm run test:build` builds them) and one real page of every template, found in
// content/ so the tests follow the content instead of hard-coding it.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { locales, sourceLocale } from "../../src/lib/locales";
import { useTranslations } from "../../src/lib/i18n";
import { contentDir } from "../../src/lib/paths";
import { requiredGuides } from "../../src/lib/guide-ids";
import { splitFrontmatter } from "../../src/lib/frontmatter";
import type { Topic } from "../../src/lib/schemas";

// The test build adds the RTL fixture locale; the tests must see the same table (both read it lazily).
process.env["HUB_EXTRA_LOCALES_DIR"] ??= "tests/fixtures/rtl";

export { locales, sourceLocale, useTranslations };

const content = contentDir();
const yamlIds = (dir: string) => fs.readdirSync(path.join(content, dir)).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort();
const guideIds = (locale: string) => {
  const dir = path.join(content, "guides", locale);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".mdx")).map((f) => f.replace(/\.mdx$/, "")).sort() : [];
};
export const readYaml = (file: string): Record<string, unknown> => parse(fs.readFileSync(path.join(content, file), "utf8")) as Record<string, unknown>;

const fixtureCodes = (JSON.parse(fs.readFileSync("tests/fixtures/rtl/locales.json", "utf8")) as { code: string }[]).map((l) => l.code);
/** A guide's frontmatter in one locale. */
export const guideData = (locale: string, id: string): { title: string; audience: string; topics: Topic[] } => {
  const text = fs.readFileSync(path.join(content, "guides", locale, `${id}.mdx`), "utf8");
  return parse(splitFrontmatter(text)?.yaml ?? "") as { title: string; audience: string; topics: Topic[] };
};

/** The required guides (src/lib/guide-ids.ts) written for children and families, not for staff. */
export const requiredPublicGuides = (): string[] => requiredGuides.filter((id) => guideData(sourceLocale, id).audience !== "staff");

export const shippedLocales = () => locales().filter((l) => !fixtureCodes.includes(l.code));
export const rtlLocale = () => locales().find((l) => l.dir === "rtl");

/** A guide translated into every shipped locale (so the language switch lands on real translations). */
export const translatedGuide = (): string => {
  const id = guideIds(sourceLocale).find((g) => shippedLocales().every((l) => guideIds(l.code).includes(g)));
  if (!id) throw new Error("No guide is translated into every shipped locale yet.");
  return id;
};

/** A shipped locale and a guide it has not translated (the page shows the Spanish text). */
export const untranslatedGuide = (): { locale: string; id: string } => {
  for (const l of shippedLocales()) {
    const id = guideIds(sourceLocale).find((g) => !guideIds(l.code).includes(g));
    if (id) return { locale: l.code, id };
  }
  return { locale: rtlLocale()?.code ?? "ar", id: guideIds(sourceLocale)[0] ?? "" };
};

export const resourceIds = () => yamlIds("resources");
export const firstCountry = () => yamlIds("countries")[0] ?? "gt";
export const exampleHub = () => yamlIds("hubs").find((h) => readYaml(`hubs/${h}.yaml`)["example"] === true);
export const anyHub = () => exampleHub() ?? yamlIds("hubs")[0] ?? "";

export interface Template {
  name: string;
  path: (locale: string) => string;
  status: number;
}

/** One page of every template, per locale. */
export const templates = (): Template[] => [
  { name: "home", path: (l) => `/${l}/`, status: 200 },
  { name: "guide", path: (l) => `/${l}/guides/${translatedGuide()}/`, status: 200 },
  { name: "country", path: (l) => `/${l}/countries/${firstCountry()}/`, status: 200 },
  { name: "hub", path: (l) => `/${l}/hubs/${anyHub()}/`, status: 200 },
  { name: "help", path: (l) => `/${l}/help/`, status: 200 },
  { name: "about and privacy", path: (l) => `/${l}/about/`, status: 200 },
  { name: "not found", path: (l) => `/${l}/no-such-page/`, status: 404 },
  // Last: with JavaScript, opening a country's help page makes later "Get help now" links lead there.
  { name: "help in a country", path: (l) => `/${l}/help/${firstCountry()}/`, status: 200 },
];
