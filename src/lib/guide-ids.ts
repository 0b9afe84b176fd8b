// The guide library, by id (content/guides/{locale}/{id}.mdx): what `npm run check` expects
// in every locale, the guides planned next (known before their files exist), and the staff
// guides. The tests read the same lists, so a guide is listed here once.

/**
 * Guides the library must have in Spanish and in every locale of content/locales.json (staff
 * guides: Spanish and English); a missing file is an error.
 */
export const requiredGuides = [
  "emergency-help",
  "your-rights",
  "before-you-go",
  "risks-on-the-route",
  "trafficking-and-smuggling",
  "travelling-alone",
  "asking-for-protection",
  "meeting-authorities",
  "contact-your-family",
  "consulate-help",
  "coming-back-home",
  "health-and-safety",
  "girls-and-young-women",
  "discrimination",
  "school-and-documents",
  "referral-pathways",
  "talking-with-children",
  // Issue 15: the questions no guide answered before.
  "gangs-and-displacement",
  "papers-in-mexico",
  "asylum-refused",
  "virtual-kidnapping",
  "baby-born-on-the-route",
  "missing-family-member",
  "health-care-without-papers",
  "voluntary-return",
  "lgbti-on-the-route",
  "online-safety",
] as const;

/**
 * Guides planned next (Spanish first, then every public locale), listed before their files
 * exist so `npm run check` can say they are planned. Once a file exists it is checked like any
 * other guide, translations included; when all are written, move the ids to requiredGuides.
 */
export const plannedGuides: readonly string[] = [];

/** Guides for hub staff: needed in Spanish and English only (no missing-translation warning elsewhere). */
export const staffGuides = ["referral-pathways", "talking-with-children"] as const;

/** Every guide id the library knows. */
export const knownGuides: readonly string[] = [...requiredGuides, ...plannedGuides];
