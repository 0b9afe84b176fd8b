// Prints the source revision of a Spanish guide, to record in a translation's frontmatter
// (translation.sourceRevision). Usage: npm run --silent revision -- <guide-id>
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "../src/lib/paths";
import { sourceRevision } from "../src/lib/revision";
import { loadContent } from "../src/lib/content-files";

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
const guide = loadContent().content.guides.find((g) => g.locale === "es" && g.id === id);
if (!guide) {
  console.error(`${path.relative(process.cwd(), file)} cannot be read: run npm run check to see why.`);
  process.exit(1);
}
console.log(sourceRevision({ body: guide.body, answers: guide.data.answers }));
