// Where the CLI tools get the knowledge base: a built kb.json (--kb path) or straight from
// content/ (the default, so editors see their changes without a build).
import { loadKnowledgeBase, readKnowledgeBase } from "../../src/lib/kb-files";
import type { KnowledgeBase } from "../../src/lib/kb";

export function knowledgeBaseFromArgs(args: string[]): KnowledgeBase {
  const i = args.indexOf("--kb");
  const file = i >= 0 ? args[i + 1] : undefined;
  return file ? readKnowledgeBase(file) : loadKnowledgeBase();
}
