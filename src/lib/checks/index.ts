// `npm run check` and the /status/ dashboard: every content check in one pass, returning
// the problems (errors and warnings) and the status tables the dashboard shows.
import { loadContent, type LoadedContent, type Problem } from "../content-files";
import { sourceRevision } from "../revision";
import type { SiteModel } from "../model";
import { contentDir } from "../paths";
import { checkLinks } from "./links";
import { checkPhoneValidity } from "./phone-validity";
import { checkUiStrings } from "./ui-strings";
import { typedNumbers, unsourcedPhones } from "./phones";
import { isRequiredGuide, libraryProblems, plannedNotWritten } from "./library";
import { poorScore, readability, type Readability } from "./readability";

export type GuideState = "source" | "reviewed" | "machine" | "stale" | "missing";

export interface GuideStatusRow {
  id: string;
  audience: string;
  /** Current revision of the Spanish text: what a new translation records as sourceRevision. */
  revision: string;
  /** State of the guide in each locale. */
  locales: Record<string, GuideState>;
  /** Plain-language score of each existing file, by locale. */
  scores: Record<string, Readability>;
}

export interface ResourceStatusRow {
  id: string;
  name: string;
  country: string;
  verifiedOn: string;
  ageDays: number;
  confidence: string;
}

export interface ContentReport {
  problems: Problem[];
  /** The guide list of src/lib/guide-ids.ts against this content (npm run check reports it; fixtures need not have the real library). */
  library: { problems: Problem[]; planned: string[] };
  guides: GuideStatusRow[];
  resources: ResourceStatusRow[];
  locales: string[];
}

const DAY = 24 * 60 * 60 * 1000;
/** A resource checked longer ago than this gets a warning. */
export const resourceMaxAgeDays = 180;
/** A guide not reviewed for longer than this gets a warning. */
export const guideMaxAgeDays = 365;

function translationState(c: LoadedContent, id: string, locale: string): GuideState {
  const source = c.guides.find((g) => g.id === id && g.locale === c.locales[0]?.code);
  const guide = c.guides.find((g) => g.id === id && g.locale === locale);
  if (!guide) return "missing";
  const t = guide.data.translation;
  if (t.status === "source") return "source";
  if (source && t.sourceRevision !== sourceRevision({ body: source.body, answers: source.data.answers })) return "stale";
  return t.status;
}

export function analyse(c: LoadedContent, loadProblems: Problem[], today = new Date(), root = contentDir()): ContentReport {
  const problems = [...loadProblems, ...checkLinks(c), ...checkPhoneValidity(c), ...unsourcedPhones(c), ...typedNumbers(c), ...checkUiStrings(c, root)];
  const codes = c.locales.map((l) => l.code);
  const sourceGuides = c.guides.filter((g) => g.locale === codes[0]);

  const guides: GuideStatusRow[] = sourceGuides.map((src) => {
    const row: GuideStatusRow = { id: src.id, audience: src.data.audience, revision: sourceRevision({ body: src.body, answers: src.data.answers }), locales: {}, scores: {} };
    for (const code of codes) {
      const state = translationState(c, src.id, code);
      row.locales[code] = state;
      const guide = c.guides.find((g) => g.id === src.id && g.locale === code);
      if (state === "stale" && guide) {
        const line = guide.lineOf(["translation", "sourceRevision"]) ?? guide.lineOf(["translation"]);
        problems.push({ severity: "warning", file: guide.file, ...(line ? { line } : {}), message: `this translation is stale: the Spanish guide changed after it was translated. Compare the two, update the text, then record the new revision (npm run --silent revision -- ${src.id}).` });
      }
      // A required guide's missing file is an error of the library check instead (below).
      if (state === "missing" && src.data.audience !== "staff" && !isRequiredGuide(src.id))
        problems.push({ severity: "warning", file: src.file, message: `there is no ${code} translation; readers of ${code} see the Spanish text with a notice. Start one with npm run new:translation -- ${src.id} ${code}.` });
      const localeRow = c.locales.find((l) => l.code === code);
      if (guide && localeRow) {
        const r = readability(guide.body, localeRow.readability);
        row.scores[code] = r;
        if (r.score < poorScore)
          problems.push({ severity: "warning", file: guide.file, line: guide.bodyLine, message: `plain-language score ${r.score}/100 is poor (${r.wordsPerSentence} words per sentence, ${r.lettersPerWord} letters per word). Use shorter sentences and everyday words.` });
      }
    }
    const age = Math.floor((today.getTime() - src.data.lastReviewed.getTime()) / DAY);
    if (age > guideMaxAgeDays) {
      const line = src.lineOf(["lastReviewed"]);
      problems.push({ severity: "warning", file: src.file, ...(line ? { line } : {}), message: `this guide was last reviewed ${age} days ago. Read it again, check its facts and update lastReviewed.` });
    }
    return row;
  });

  const resources: ResourceStatusRow[] = c.resources.map((r) => {
    const ageDays = Math.floor((today.getTime() - r.data.verifiedOn.getTime()) / DAY);
    if (ageDays > resourceMaxAgeDays) {
      const line = r.lineOf(["verifiedOn"]);
      problems.push({ severity: "warning", file: r.file, ...(line ? { line } : {}), message: `these facts were verified ${ageDays} days ago (more than ${resourceMaxAgeDays}). Call the number or check the source again, then update verifiedOn.` });
    }
    return { id: r.id, name: r.data.name, country: r.data.country, verifiedOn: r.data.verifiedOn.toISOString().slice(0, 10), ageDays, confidence: r.data.confidence };
  });
  resources.sort((a, b) => b.ageDays - a.ageDays || a.id.localeCompare(b.id));

  return { problems, guides, resources, locales: codes, library: { problems: libraryProblems(c, root), planned: plannedNotWritten(c) } };
}

/** Every check on a site model's content (npm run check, /status/). */
export function checkModel(model: SiteModel, today = new Date()): ContentReport {
  return analyse(model.content, model.problems, today, model.source.contentDir);
}

/** Load content/ (or another root) and run every check. */
export function checkContent(root = contentDir(), today = new Date()): ContentReport {
  const { content, problems } = loadContent(root);
  return analyse(content, problems, today, root);
}
