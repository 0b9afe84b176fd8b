// Is the guide library complete? The required guides exist in Spanish and in every locale of
// the table (staff guides: in Spanish and English), and every other Spanish guide in every
// public locale. Used by `npm run check` on the real content (a required guide missing in any
// locale is an error; another guide's missing translation is the check's usual warning, since
// a new guide may be published in Spanish first) and by the tests, which fail on either.
import path from "node:path";
import type { LoadedContent, Problem } from "../content-files";
import { plannedGuides, requiredGuides, staffGuides } from "../guide-ids";
import { contentDir } from "../paths";

const has = (c: LoadedContent, id: string, locale: string) => c.guides.some((g) => g.id === id && g.locale === locale);
const source = (c: LoadedContent) => c.locales[0]?.code ?? "es";

/** Required guide ids that have no Spanish file. */
export function missingRequiredGuides(c: LoadedContent): string[] {
  return requiredGuides.filter((id) => !has(c, id, source(c)));
}

/** Is this id one of the required guides? */
export const isRequiredGuide = (id: string): boolean => (requiredGuides as readonly string[]).includes(id);
const isStaffGuide = (id: string) => (staffGuides as readonly string[]).includes(id);

/**
 * "locale/id" of every required guide that exists in Spanish but lacks its file in a locale
 * of the table: every locale for a guide for children and families, English for a staff
 * guide. (A required guide missing in Spanish is reported once, by missingRequiredGuides.)
 */
export function missingRequiredTranslations(c: LoadedContent): string[] {
  const es = source(c);
  return c.locales
    .filter((l) => l.code !== es)
    .flatMap(({ code }) => requiredGuides.filter((id) => has(c, id, es) && (!isStaffGuide(id) || code === "en") && !has(c, id, code)).map((id) => `${code}/${id}`));
}

/** Planned guide ids not written yet (no Spanish file). */
export function plannedNotWritten(c: LoadedContent): string[] {
  return plannedGuides.filter((id) => !has(c, id, source(c)));
}

/**
 * "locale/id" of every translation file a public locale lacks: every Spanish guide (the set
 * that exists, so a new guide is expected as soon as its Spanish file is there) in every
 * locale of the table, except guides for staff (audience: staff), which need English only,
 * the same rule as the check's missing-translation warning.
 */
export function missingTranslations(c: LoadedContent): string[] {
  const es = source(c);
  const spanish = c.guides.filter((g) => g.locale === es).sort((a, b) => a.id.localeCompare(b.id));
  return c.locales
    .filter((l) => l.code !== es)
    .flatMap(({ code }) =>
      spanish.filter((g) => !(g.data.audience === "staff" && code !== "en") && !has(c, g.id, code)).map((g) => `${code}/${g.id}`),
    );
}

/** Staff guides (src/lib/guide-ids.ts) missing in Spanish or English. */
export function missingStaffGuides(c: LoadedContent): string[] {
  return staffGuides.flatMap((id) => [source(c), "en"].filter((l) => !has(c, id, l)).map((l) => `${l}/${id}`));
}

/** The required guides missing in Spanish or in a locale, as errors an editor can act on. */
export function libraryProblems(c: LoadedContent, root = contentDir()): Problem[] {
  const dir = (locale: string) => path.relative(process.cwd(), path.join(root, "guides", locale)) || "content/guides";
  const inSpanish = missingRequiredGuides(c).map((id) => ({
    severity: "error" as const,
    file: dir(source(c)),
    message: `the required guide "${id}" is missing: write content/guides/${source(c)}/${id}.mdx (npm run new:guide -- ${id}), or remove it from the list in src/lib/guide-ids.ts.`,
  }));
  const inLocales = missingRequiredTranslations(c).map((key) => {
    const [locale = "", id = ""] = key.split("/");
    return {
      severity: "error" as const,
      file: dir(locale),
      message: `the required guide "${id}" has no ${locale} translation, so readers of ${locale} get the Spanish text: write content/guides/${locale}/${id}.mdx (npm run new:translation -- ${id} ${locale}; a machine translation marked "status: machine" is fine).`,
    };
  });
  return [...inSpanish, ...inLocales];
}
