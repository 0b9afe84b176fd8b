// The guide library, by id (content/guides/{locale}/{id}.mdx): what `npm run check` expects
// in Spanish, the guides planned next (known before their files exist), and the staff guides.
// The tests read the same lists, so a guide is listed here once.

/** Guides the library must have in Spanish; a missing one is an error. */
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
] as const;

/**
 * Guides planned in issue 15 and written next (Spanish first, then every public locale). Once
 * a file exists it is checked like any other guide, translations included; until then
 * `npm run check` lists it as planned.
 */
export const plannedGuides = [
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

/** Guides for hub staff: needed in Spanish and English only (no missing-translation warning elsewhere). */
export const staffGuides = ["referral-pathways", "talking-with-children"] as const;

/** Every guide id the library knows. */
export const knownGuides: readonly string[] = [...requiredGuides, ...plannedGuides];
