// Node side of the knowledge base: reads content/ (or a built kb.json) from disk.
// The engine never imports this file; it only receives the KnowledgeBase object.
import fs from "node:fs";
import path from "node:path";
import { parseDocument, LineCounter, isNode } from "yaml";
import type { z } from "astro/zod";
import { loadContent, formatProblem } from "../../src/lib/content-files";
import { buildKnowledgeBase, KB_VERSION, type KbLexicon, type KnowledgeBase } from "../../src/lib/kb";
import { botDangerSchema, botPhrasesSchema, botSlangSchema } from "../../src/lib/schemas";
import { contentDir } from "../../src/lib/paths";

const rel = (file: string) => path.relative(process.cwd(), file) || file;

function readYaml<S extends z.ZodType>(file: string, schema: S, fallback: z.infer<S>, problems: string[]): z.infer<S> {
  if (!fs.existsSync(file)) return fallback;
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, "utf8"), { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors)
      problems.push(`${rel(file)}:${lineCounter.linePos(e.pos[0]).line}: this is not valid YAML (${e.message.split("\n")[0]}). Check the indentation and quotes.`);
    return fallback;
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const keys = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    let line: number | undefined;
    for (let i = keys.length; i > 0 && line === undefined; i--) {
      const node = doc.getIn(keys.slice(0, i), true);
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    problems.push(`${rel(file)}${line ? `:${line}` : ""}: "${keys.join(".") || "(file)"}" ${issue.message}. See the comments at the top of the file.`);
  }
  return fallback;
}

/** Read and validate content/bot/{slang,danger,phrases}.yaml. */
export function loadLexicon(root = contentDir(), problems: string[] = []): KbLexicon {
  const dir = path.join(root, "bot");
  return {
    slang: readYaml(path.join(dir, "slang.yaml"), botSlangSchema, {}, problems),
    danger: readYaml(path.join(dir, "danger.yaml"), botDangerSchema, { categories: {}, locales: {} }, problems),
    phrases: readYaml(path.join(dir, "phrases.yaml"), botPhrasesSchema, { languageNames: {}, places: {}, locales: {} }, problems),
  };
}

/**
 * Build the knowledge base from the content directory; throws one readable error listing every
 * content mistake. Locales and UI strings come from HUB_CONTENT_DIR (src/lib/locales.ts), so
 * point that at the same directory when `root` is not the default.
 */
export function loadKnowledgeBase(root = contentDir()): KnowledgeBase {
  const { content, problems } = loadContent(root);
  const messages = problems.filter((p) => p.severity === "error").map(formatProblem);
  const lexicon = loadLexicon(root, messages);
  if (messages.length) throw new Error(`The content has ${messages.length} mistake(s):\n${messages.map((m) => `  ${m}`).join("\n")}`);
  return buildKnowledgeBase(content, lexicon);
}

/** Read a built kb.json and check it is a format this engine understands. */
export function readKnowledgeBase(file: string): KnowledgeBase {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${rel(file)}: cannot read the knowledge base (${(err as Error).message}). Run the build (npm run build) to make it.`);
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (version !== KB_VERSION)
    throw new Error(`${rel(file)}: knowledge base version ${String(version)}, but this engine reads version ${KB_VERSION}. Rebuild it with npm run build.`);
  return data as KnowledgeBase;
}

/** Write the knowledge base as JSON (used by the build integration). */
export function writeKnowledgeBase(kb: KnowledgeBase, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(kb));
}
