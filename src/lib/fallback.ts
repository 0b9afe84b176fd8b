// Which file a guide page renders: the reader's own translation when it exists, otherwise the
// source-language (Spanish) text with a notice. Pure, so the rule is tested without a build.
import { sourceLocale } from "./locales";

/** The file a guide page shows, and whether it is a fallback to the source language. */
export interface GuideChoice {
  /** Locale of the file whose text is shown. */
  entryLocale: string;
  /** true when the reader's locale has no translation and the source text is shown. */
  fallback: boolean;
}

/** One guide page to build: /{locale}/guides/{id}/ */
export interface GuidePage extends GuideChoice {
  locale: string;
  id: string;
}

/** Splits a collection id "fr/your-rights" into its locale and guide id. */
export function splitEntryId(entryId: string): { locale: string; id: string } {
  const slash = entryId.indexOf("/");
  return { locale: entryId.slice(0, slash), id: entryId.slice(slash + 1) };
}

/**
 * Which entry to render for guide `id` read in `locale`, given the collection ids that exist
 * ("es/your-rights", "fr/your-rights", ...). undefined when not even the source guide exists:
 * a translation without a source is a content error, and gets no page.
 */
export function chooseGuideEntry(id: string, locale: string, entryIds: ReadonlySet<string>): GuideChoice | undefined {
  if (!entryIds.has(`${sourceLocale}/${id}`)) return undefined;
  if (entryIds.has(`${locale}/${id}`)) return { entryLocale: locale, fallback: false };
  return { entryLocale: sourceLocale, fallback: locale !== sourceLocale };
}

/** Every guide page of the site: each source guide in each locale, translated or not. */
export function guidePages(localeCodes: readonly string[], entryIds: Iterable<string>): GuidePage[] {
  const ids = new Set(entryIds);
  const sourceGuides = [...ids]
    .map(splitEntryId)
    .filter((e) => e.locale === sourceLocale)
    .map((e) => e.id)
    .sort();
  return localeCodes.flatMap((locale) =>
    sourceGuides.flatMap((id) => {
      const choice = chooseGuideEntry(id, locale, ids);
      return choice ? [{ locale, id, ...choice }] : [];
    }),
  );
}
