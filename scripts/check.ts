// `npm run check`: validates all content and prints a report an editor can act on.
// Exits with 1 when there are errors (the site must not be published), 0 otherwise.
import { checkModel, resourceMaxAgeDays } from "../src/lib/checks/index";
import { formatProblem } from "../src/lib/content-files";
import { siteModel } from "../src/lib/model";
import { readBuildConfig } from "../src/lib/build-config";

const report = checkModel(siteModel(readBuildConfig(process.env).content));
// The guide list (src/lib/guide-ids.ts) is the real library's: checked here, not in fixtures.
const errors = [...report.problems.filter((p) => p.severity === "error"), ...report.library.problems];
const warnings = report.problems.filter((p) => p.severity === "warning");

if (errors.length) {
  console.log(`\nERRORS (${errors.length}) — fix these before publishing:`);
  for (const p of errors) console.log(`  ✗ ${formatProblem(p)}`);
}
if (warnings.length) {
  console.log(`\nWARNINGS (${warnings.length}) — the site still builds, but readers may be misled:`);
  for (const p of warnings) console.log(`  ! ${formatProblem(p)}`);
}

console.log("\nPlain-language score per guide (0-100, higher is plainer; below 60 is poor):");
const width = Math.max(...report.guides.map((g) => g.id.length), 5);
console.log(`  ${"guide".padEnd(width)}  ${report.locales.map((l) => l.padStart(4)).join(" ")}`);
for (const g of report.guides) {
  const cells = report.locales.map((l) => String(g.scores[l]?.score ?? "-").padStart(4));
  console.log(`  ${g.id.padEnd(width)}  ${cells.join(" ")}`);
}

const states = report.guides.flatMap((g) => Object.values(g.locales));
const count = (s: string) => states.filter((x) => x === s).length;
console.log(
  `\nGuides: ${report.guides.length} (source ${count("source")}, reviewed ${count("reviewed")}, machine ${count("machine")}, stale ${count("stale")}, missing ${count("missing")})`,
);
if (report.library.planned.length) console.log(`Planned guides not written yet (${report.library.planned.length}): ${report.library.planned.join(", ")}`);
console.log(`Resources: ${report.resources.length}, verified more than ${resourceMaxAgeDays} days ago: ${report.resources.filter((r) => r.ageDays > resourceMaxAgeDays).length}`);
console.log(`${errors.length} error(s), ${warnings.length} warning(s).`);
process.exit(errors.length ? 1 : 0);
