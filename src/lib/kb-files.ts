// Node side of the knowledge base format (src/lib/kb.ts): builds it from content/, writes the
// build's kb.json, reads one back with its version checked, and keeps the trained triage models
// between builds. Used by the build integration, the server, the CLI, benchmarks and tests; the
// engine never imports this file (it only receives the KnowledgeBase object).
import fs from "node:fs";
import path from "node:path";
import { assertNoErrors, loadContent } from "./content-files";
import { buildKnowledgeBase, KB_VERSION, type KnowledgeBase } from "./kb";
import type { ModelCache } from "./triage-model";
import type { ClassifierModel } from "./nlp/classifier";
import { contentDir } from "./paths";

const rel = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * Build the knowledge base from the content directory; throws one readable error listing every
 * content mistake. Locales and UI strings come from HUB_CONTENT_DIR (src/lib/locales.ts), so
 * point that at the same directory when `root` is not the default.
 */
export function loadKnowledgeBase(root = contentDir()): KnowledgeBase {
  const { content, problems } = loadContent(root);
  assertNoErrors(problems);
  return buildKnowledgeBase(content, content.lexicon, new Date(), modelCache());
}

/** Trained triage models, kept on disk between builds (node_modules/.cache/hub): retraining takes seconds. */
export function modelCache(dir = path.resolve("node_modules", ".cache", "hub")): ModelCache {
  const file = (key: string) => path.join(dir, `${key}.json`);
  return {
    get(key) {
      try {
        return JSON.parse(fs.readFileSync(file(key), "utf8")) as ClassifierModel;
      } catch {
        return undefined;
      }
    },
    set(key, model) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file(key), JSON.stringify(model));
      } catch {
        // A read-only disk only costs the next build the training time.
      }
    },
  };
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
