// Prints the source revision of a Spanish guide, to record in a translation's frontmatter
// (translation.sourceRevision). Usage: npm run --silent revision -- <guide-id>
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "../src/lib/paths";
import { sourceRevision } from "../src/lib/revision";

const id = process.argv[2];
if (!id) {
  console.error("Usage: npm run --silent revision -- <guide-id>");
  process.exit(1);
}
const file = path.join(contentDir(), "guides", "es", `${id}.mdx`);
if (!fs.existsSync(file)) {
  console.error(`There is no Spanish guide ${path.relative(process.cwd(), file)}.`);
  process.exit(1);
}
const text = fs.readFileSync(file, "utf8");
const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");
console.log(sourceRevision(body));
