// A guide's source revision: a short hash of its Spanish text. A translation records the
// revision it was made from; when the source text changes, the translation is stale.
import { createHash } from "node:crypto";

/** The parts of a source guide that its translations translate: the body and the bot's answers. */
export interface SourceText {
  body: string;
  answers?: readonly { section: string; answer: string; asks: readonly string[]; resources?: readonly string[] }[];
}

export function sourceRevision(source: string | SourceText): string {
  const { body, answers = [] } = typeof source === "string" ? { body: source } : source;
  // The answers count only once a guide has some, so adding the first answers to a guide marks its
  // translations stale but leaves every other guide's revision as it was.
  const text = answers.length ? `${body}\n${JSON.stringify(answers.map((a) => [a.section, a.answer, a.asks, a.resources ?? []]))}` : body;
  const normalized = text.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalized).digest("hex").slice(0, 10);
}
