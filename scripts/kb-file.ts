// For tests and benchmarks that start the hub without a site build: a kb.json built from
// content/ (as `npm run build` writes it), made once per process in a temporary folder. Point
// the server at it with HUB_KB.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadKnowledgeBase, writeKnowledgeBase } from "../src/lib/kb-files";

let made: string | undefined;

export function builtKbFile(): string {
  if (made && fs.existsSync(made)) return made;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-kb-"));
  const file = path.join(dir, "kb.json");
  writeKnowledgeBase(loadKnowledgeBase(), file);
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return (made = file);
}
