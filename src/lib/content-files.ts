// Reads everything under content/ straight from disk and validates it with the same schemas
// Astro's collections use. The build guard, `npm run check` and the bot's knowledge-base
// export all start here, so a content mistake is reported the same way everywhere:
//   content/guides/fr/your-rights.mdx:4: "lastReviewed" must be a date like 2026-11-28. ...
import fs from "node:fs";
import path from "node:path";
import { parseDocument, isNode, LineCounter } from "yaml";
import { repeatedAlternative } from "./nlp/phrases";
import { splitFrontmatter } from "./frontmatter";
import type { z } from "astro/zod";
import {
  botDangerSchema,
  botOffTopicSchema,
  type BotOffTopic,
  botPhrasesSchema,
  botSlangSchema,
  emergencyAdviceFileSchema,
  placesSchema,
  type Places,
  resourceKinds,
  triageCorpusSchema,
  countrySchema,
  countryCodes,
  guideSchema,
  hubSchema,
  resourceSchema,
  type BotDanger,
  type BotPhrases,
  type BotSlang,
  type EmergencyAdviceFile,
  type TriageCorpus,
  type CountryData,
  type GuideData,
  type HubData,
  type ResourceData,
} from "./schemas";
import { contentDir } from "./paths";
import { locales, sourceLocale, type Locale } from "./locales";
import { loadUiStrings, type UiStrings } from "./i18n";

export type Severity = "error" | "warning";

/** One thing an editor should fix, with where to find it. */
export interface Problem {
  severity: Severity;
  /** Path relative to the project root, e.g. content/guides/fr/your-rights.mdx */
  file: string;
  line?: number;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
}

export interface Located<T> {
  id: string;
  file: string;
  data: T;
  /** 1-based line of a field in the file (frontmatter/YAML), when known. */
  lineOf: (field: (string | number)[]) => number | undefined;
}

export interface GuideFile extends Located<GuideData> {
  locale: string;
  /** MDX text after the frontmatter. */
  body: string;
  /** Line where the body starts in the file. */
  bodyLine: number;
}

/** The bot's vocabulary: content/bot/{slang,danger,phrases,emergencies}.yaml. */
export interface BotLexicon {
  slang: BotSlang;
  danger: BotDanger;
  phrases: BotPhrases;
  /** What to say after the emergency numbers, per kind of danger. */
  emergencies: EmergencyAdviceFile;
  /** Messages about other things, per locale: the answer stage learns what is not its topic. */
  offTopic: BotOffTopic;
}

/** One locale's triage corpus (content/bot/triage/{locale}.yaml). */
export interface TriageCorpusFile extends Located<TriageCorpus> {
  locale: string;
}

export interface LoadedContent {
  locales: Locale[];
  strings: Record<string, UiStrings>;
  guides: GuideFile[];
  resources: Located<ResourceData>[];
  countries: Located<CountryData>[];
  hubs: Located<HubData>[];
  lexicon: BotLexicon;
  /** Labelled messages the triage classifier is trained on at build time (not shipped as text). */
  triageCorpus: TriageCorpusFile[];
  /** content/places.yaml: the region's places by country, as people write them. */
  places: Places;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`;
}

const rel = (file: string) => path.relative(process.cwd(), file) || file;

function listFiles(dir: string, ext: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(dir, f));
}

function fieldName(p: (string | number | symbol)[]): string {
  return p.map((k) => (typeof k === "number" ? `[${k}]` : String(k))).join(".").replace(/\.\[/g, "[");
}

function zodProblems(
  issues: z.core.$ZodIssue[],
  file: string,
  lineOf: (field: (string | number)[]) => number | undefined,
  hint: string,
): Problem[] {
  return issues.map((issue) => {
    const field = fieldName(issue.path);
    const keyPath = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    let line: number | undefined;
    for (let i = keyPath.length; i > 0 && line === undefined; i--) line = lineOf(keyPath.slice(0, i));
    const what =
      issue.code === "invalid_type" && issue.message.includes("received undefined")
        ? "is missing"
        : issue.code === "invalid_value" && issue.values.length > 1
          ? `must be one of: ${issue.values.map(String).join(", ")}`
          : issue.message;
    return {
      severity: "error" as const,
      file,
      ...(line ? { line } : {}),
      message: `"${field || "(file)"}" ${what}. ${hint}`,
    };
  });
}

/** Parse YAML text; returns its data and a function giving the line of a field. */
function parseYaml(text: string, lineOffset: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (field: (string | number)[]) => {
    const node = doc.getIn(field, true);
    if (!isNode(node) || !node.range) return undefined;
    return lineCounter.linePos(node.range[0]).line + lineOffset;
  };
  const errors = doc.errors.map((e) => ({ line: (e.linePos?.[0].line ?? 1) + lineOffset, message: e.message.split("\n")[0] ?? e.message }));
  return { data: doc.toJS() as unknown, lineOf, errors };
}

function loadYamlCollection<S extends z.ZodType>(
  dir: string,
  schema: S,
  hint: string,
  problems: Problem[],
): Located<z.infer<S>>[] {
  const out: Located<z.infer<S>>[] = [];
  for (const full of listFiles(dir, ".yaml")) {
    const file = rel(full);
    const { data, lineOf, errors } = parseYaml(fs.readFileSync(full, "utf8"), 0);
    if (errors.length) {
      for (const e of errors) problems.push({ severity: "error", file, line: e.line, message: `this is not valid YAML (${e.message}). Check the indentation and quotes.` });
      continue;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error.issues, file, lineOf, hint));
      continue;
    }
    out.push({ id: path.basename(full, ".yaml"), file, data: parsed.data, lineOf });
  }
  return out;
}

/** One YAML file validated as a whole; a missing file gives the fallback. */
function loadYamlFile<S extends z.ZodType>(full: string, schema: S, fallback: z.infer<S>, hint: string, problems: Problem[]): z.infer<S> {
  if (!fs.existsSync(full)) return fallback;
  const file = rel(full);
  const { data, lineOf, errors } = parseYaml(fs.readFileSync(full, "utf8"), 0);
  if (errors.length) {
    for (const e of errors) problems.push({ severity: "error", file, line: e.line, message: `this is not valid YAML (${e.message}). Check the indentation and quotes.` });
    return fallback;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  problems.push(...zodProblems(parsed.error.issues, file, lineOf, hint));
  return fallback;
}

function loadLexicon(dir: string, problems: Problem[]): BotLexicon {
  const hint = "See the comments at the top of the file.";
  return {
    slang: loadYamlFile(path.join(dir, "slang.yaml"), botSlangSchema, {}, hint, problems),
    danger: loadYamlFile(path.join(dir, "danger.yaml"), botDangerSchema, { kinds: {}, locales: {} }, hint, problems),
    phrases: loadYamlFile(path.join(dir, "phrases.yaml"), botPhrasesSchema, { languageNames: {}, locales: {} }, hint, problems),
    emergencies: loadYamlFile(path.join(dir, "emergencies.yaml"), emergencyAdviceFileSchema, { advice: {} }, hint, problems),
    offTopic: loadYamlFile(path.join(dir, "off-topic.yaml"), botOffTopicSchema, {}, hint, problems),
  };
}

function loadPlaces(full: string, problems: Problem[]): Places {
  const places = loadYamlFile(full, placesSchema, { others: {} } as Places, "See the comments at the top of content/places.yaml.", problems);
  for (const code of Object.keys(places)) {
    if (code !== "others" && !(countryCodes as readonly string[]).includes(code))
      problems.push({ severity: "error", file: rel(full), message: `"${code}" is not a country the hub serves (${countryCodes.join(", ")}). Put other countries under "others".` });
  }
  return places;
}

function loadTriageCorpus(dir: string, localeCodes: string[], problems: Problem[]): TriageCorpusFile[] {
  const hint = "See content/bot/README.md, \"The triage corpus\".";
  return loadYamlCollection(dir, triageCorpusSchema, hint, problems).flatMap((c) => {
    if (localeCodes.includes(c.id)) return [{ ...c, locale: c.id }];
    problems.push({ severity: "error", file: c.file, message: `"${c.id}" is not a locale in content/locales.json. Name the file after a locale code, e.g. es.yaml.` });
    return [];
  });
}

function loadGuides(root: string, localeCodes: string[], problems: Problem[]): GuideFile[] {
  const guides: GuideFile[] = [];
  const guidesDir = path.join(root, "guides");
  if (!fs.existsSync(guidesDir)) return guides;
  for (const locale of fs.readdirSync(guidesDir).sort()) {
    const dir = path.join(guidesDir, locale);
    if (!fs.statSync(dir).isDirectory()) continue;
    if (!localeCodes.includes(locale)) {
      problems.push({ severity: "error", file: rel(dir), message: `"${locale}" is not a locale in content/locales.json. Add it there (npm run new:locale -- ${locale}) or move these guides.` });
      continue;
    }
    for (const full of listFiles(dir, ".mdx")) {
      const file = rel(full);
      const text = fs.readFileSync(full, "utf8");
      const front = splitFrontmatter(text);
      if (!front) {
        problems.push({ severity: "error", file, line: 1, message: 'has no frontmatter. Start the file with a line "---", the fields (title, summary, ...), then another "---".' });
        continue;
      }
      const { data, lineOf, errors } = parseYaml(front.yaml, 1);
      if (errors.length) {
        for (const e of errors) problems.push({ severity: "error", file, line: e.line, message: `the frontmatter is not valid YAML (${e.message}). Check the indentation and quotes.` });
        continue;
      }
      const parsed = guideSchema.safeParse(data);
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error.issues, file, lineOf, "See the field list in content/README.md."));
        continue;
      }
      guides.push({ id: path.basename(full, ".mdx"), locale, file, data: parsed.data, lineOf, body: front.body, bodyLine: front.bodyLine });
    }
  }
  return guides;
}

/** Load and validate every file under the content directory. */
export function loadContent(root = contentDir()): { content: LoadedContent; problems: Problem[] } {
  const problems: Problem[] = [];
  const table = locales(root);
  const codes = table.map((l) => l.code);
  const content: LoadedContent = {
    locales: table,
    strings: Object.fromEntries(codes.map((c) => [c, loadUiStrings(c, root)])),
    guides: loadGuides(root, codes, problems),
    resources: loadYamlCollection(path.join(root, "resources"), resourceSchema, "See content/README.md, \"Resources\".", problems),
    countries: loadYamlCollection(path.join(root, "countries"), countrySchema, "See content/README.md, \"Countries\".", problems),
    hubs: loadYamlCollection(path.join(root, "hubs"), hubSchema, "See content/README.md, \"Hubs\".", problems),
    lexicon: loadLexicon(path.join(root, "bot"), problems),
    triageCorpus: loadTriageCorpus(path.join(root, "bot", "triage"), codes, problems),
    places: loadPlaces(path.join(root, "places.yaml"), problems),
  };
  problems.push(...checkReferences(content, root));
  return { content, problems };
}

/** References across collections: every id an entry points to must exist. */
export function checkReferences(c: LoadedContent, root = contentDir()): Problem[] {
  const problems: Problem[] = [];
  const resources = new Map(c.resources.map((r) => [r.id, r]));
  const missingResource = (file: string, line: number | undefined, field: string, id: string) =>
    problems.push({
      severity: "error",
      file,
      ...(line ? { line } : {}),
      message: `"${field}" names the resource "${id}", but there is no content/resources/${id}.yaml. Fix the id or add the resource.`,
    });

  for (const country of c.countries) {
    const expected = country.data.code.toLowerCase();
    if (country.id !== expected)
      problems.push({ severity: "error", file: country.file, message: `the file name must be the lower-case country code: rename it to ${expected}.yaml.` });
    for (const field of ["emergency", "childProtection", "medical"] as const) {
      country.data[field].forEach((id, i) => {
        const r = resources.get(id);
        if (!r) missingResource(country.file, country.lineOf([field, i]), `${field}[${i}]`, id);
        else if (r.data.country !== country.data.code && r.data.country !== "regional")
          problems.push({ severity: "error", file: country.file, ...lineProp(country.lineOf([field, i])), message: `"${field}[${i}]" names "${id}", a resource of ${r.data.country}, not ${country.data.code}. List only this country's lines.` });
      });
    }
  }
  for (const code of countryCodes) {
    if (!c.countries.some((k) => k.data.code === code))
      problems.push({ severity: "error", file: rel(path.join(root, "countries")), message: `there is no country file for ${code}. Add content/countries/${code.toLowerCase()}.yaml with its emergency lines.` });
  }
  for (const hub of c.hubs) {
    hub.data.refersTo.forEach((id, i) => {
      if (!resources.has(id)) missingResource(hub.file, hub.lineOf(["refersTo", i]), `refersTo[${i}]`, id);
    });
  }
  problems.push(...checkBotReferences(c, root));
  const sourceIds = new Set(c.guides.filter((g) => g.locale === sourceLocale).map((g) => g.id));
  for (const g of c.guides) {
    if (g.locale !== sourceLocale && !sourceIds.has(g.id))
      problems.push({ severity: "error", file: g.file, message: `there is no Spanish guide content/guides/${sourceLocale}/${g.id}.mdx for this translation. Check the file name, or write the Spanish guide first.` });
    if (g.locale === sourceLocale && g.data.translation.status !== "source")
      problems.push({ severity: "error", file: g.file, ...lineProp(g.lineOf(["translation", "status"])), message: `"translation.status" must be "source" in a Spanish guide.` });
    if (g.locale !== sourceLocale && g.data.translation.status === "source")
      problems.push({ severity: "error", file: g.file, ...lineProp(g.lineOf(["translation", "status"])), message: `"translation.status" must be "machine" or "reviewed" in a translation.` });
  }
  return problems;
}

/** The bot's vocabulary names advice keys and resource kinds: each must exist. */
function checkBotReferences(c: LoadedContent, root: string): Problem[] {
  const problems: Problem[] = [];
  const dangerFile = rel(path.join(root, "bot", "danger.yaml"));
  const adviceFile = rel(path.join(root, "bot", "emergencies.yaml"));
  const advice = c.lexicon.emergencies.advice;
  const known = Object.keys(advice);
  const missing = (where: string, key: string) =>
    problems.push({ severity: "error", file: dangerFile, message: `${where} names the advice "${key}", which content/bot/emergencies.yaml does not have. Use one of: ${known.join(", ") || "(none yet)"}, or add it there.` });
  // Phrase lists anywhere in the danger words and the commands: "|" between phrases never matches.
  const phraseFiles: [string, unknown][] = [
    [dangerFile, c.lexicon.danger.locales],
    [rel(path.join(root, "bot", "phrases.yaml")), c.lexicon.phrases.locales],
  ];
  for (const [file, data] of phraseFiles)
    forEachPhrase(data, [], (where, phrase) => {
      const word = repeatedAlternative(phrase);
      if (word)
        problems.push({ severity: "error", file, message: `"${where}": the phrase "${phrase}" repeats "${word}" beside an a|b choice. "|" joins single words, not phrases: write the alternatives as separate phrases, or "me tome|trague" for "me tome" or "me trague".` });
      const joined = phrase.split(/\s+/).find((w) => w.includes("|") && w.includes("+"));
      if (joined)
        problems.push({ severity: "error", file, message: `"${where}": in the phrase "${phrase}", "${joined}" puts a "+" inside an a|b choice. "+" joins the whole choice to the next word, so "a|b+c" means "a c" or "b c", never "a" alone: write "b+c" as a phrase of its own.` });
    });
  if (known.length === 0) return problems;
  for (const [kind, k] of Object.entries(c.lexicon.danger.kinds)) if (k?.advice && !advice[k.advice]) missing(`"kinds.${kind}.advice"`, k.advice);
  for (const [locale, l] of Object.entries(c.lexicon.danger.locales)) for (const key of Object.keys(l.advice)) if (!advice[key]) missing(`"locales.${locale}.advice"`, key);
  for (const corpus of c.triageCorpus)
    for (const key of Object.keys(corpus.data.advice))
      if (!advice[key]) problems.push({ severity: "error", file: corpus.file, message: `"advice.${key}" is not an advice of content/bot/emergencies.yaml. Use one of: ${known.join(", ")}, or add it there.` });
  for (const [key, a] of Object.entries(advice))
    for (const kind of a.lines)
      if (!(resourceKinds as readonly string[]).includes(kind))
        problems.push({ severity: "error", file: adviceFile, message: `"advice.${key}.lines" names "${kind}", which is not a resource kind. Use some of: ${resourceKinds.join(", ")}.` });
  return problems;
}

/** Every string in lists of a nested object, with its dotted place ("es.dangers.held.strong"). */
function forEachPhrase(data: unknown, at: string[], visit: (where: string, phrase: string) => void): void {
  if (Array.isArray(data)) for (const x of data) typeof x === "string" && visit(at.join("."), x);
  else if (data && typeof data === "object") for (const [k, v] of Object.entries(data)) forEachPhrase(v, [...at, k], visit);
}

function lineProp(line: number | undefined): { line?: number } {
  return line ? { line } : {};
}

/** Throw one readable error listing every content error (the build stops on it). */
export function assertNoErrors(problems: Problem[]): void {
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) {
    throw new Error(`The content has ${errors.length} mistake(s):\n${errors.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
  }
}
