// `npm run check` on fixture content: the clean fixture passes, and each mistake, made one
// at a time in a copy of it, is reported with its file, line and a fix.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkContent } from "../../src/lib/checks/index";
import { formatProblem } from "../../src/lib/content-files";

const base = path.resolve("tests/fixtures/check-base");
const today = new Date("2026-11-28");

function withMistake(edit: (root: string) => void) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hub-check-"));
  fs.cpSync(base, root, { recursive: true });
  edit(root);
  return checkContent(root, today);
}

function edit(root: string, file: string, change: (text: string) => string) {
  const full = path.join(root, file);
  fs.writeFileSync(full, change(fs.readFileSync(full, "utf8")));
}

const messages = (r: ReturnType<typeof checkContent>, severity: "error" | "warning") =>
  r.problems.filter((p) => p.severity === severity).map(formatProblem);

test("the clean fixture content has no errors and no stale translation", () => {
  const report = checkContent(base, today);
  assert.deepEqual(messages(report, "error"), []);
  assert.equal(report.guides.find((g) => g.id === "alpha")?.locales["en"], "machine");
  assert.equal(report.guides.find((g) => g.id === "beta")?.locales["en"], "missing");
});

test("a link to a guide that does not exist is an error naming the file and line", () => {
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => `${t}\nMira [esta guía](../no-such-guide/).\n`));
  const errors = messages(report, "error");
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0]!, /guides\/es\/beta\.mdx:19: the link "\.\.\/no-such-guide\/" goes to \/es\/guides\/no-such-guide\//);
});

test("a link inside a fenced code block or inline code is not checked: it is shown as text, not as a link", () => {
  const report = withMistake((root) =>
    edit(root, "guides/es/beta.mdx", (t) => `${t}\nAsí se escribe un enlace:\n\n\`\`\`md\nMira [esta guía](../no-such-guide/).\n\`\`\`\n\nO en una línea: \`[otra](../no-such-guide-either/)\`.\n`),
  );
  assert.deepEqual(messages(report, "error"), []);
});

test("a link after a fenced code block is still checked, on its own line", () => {
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => `${t}\n\`\`\`\ncódigo\n\`\`\`\n\nMira [esta guía](../no-such-guide/).\n`));
  const errors = messages(report, "error");
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0]!, /guides\/es\/beta\.mdx:23: the link "\.\.\/no-such-guide\/" goes to \/es\/guides\/no-such-guide\//);
});

test("a tag inside a fenced code block is shown as text, so it is not checked", () => {
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => `${t}\nAsí se escribe un número:\n\n\`\`\`mdx\n<Phone resource="no-such-resource" />\n<Callout type="no-such-type">\n\`\`\`\n`));
  assert.deepEqual(messages(report, "error"), []);
});

test("a guide that is not valid MDX is an error naming the file and line, not a crash", () => {
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => `${t}\n<Callout type="tip">\nSin cerrar.\n`));
  const errors = messages(report, "error");
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0]!, /guides\/es\/beta\.mdx:\d+: this guide is not valid MDX, so its page cannot be built: .*closing tag/);
});

test("a link to a section a guide does not have is an error", () => {
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => t.replace("## Parte dos", "## Segunda parte")));
  const errors = messages(report, "error");
  assert.ok(errors.some((e) => /es\/alpha\.mdx:\d+: the link "\.\.\/beta\/#parte-dos" points to the section "#parte-dos"/.test(e)), errors.join("\n"));
  assert.ok(errors.some((e) => /en\/alpha\.mdx/.test(e)), "the English page of beta shows the Spanish fallback, so its link breaks too");
});

test("a translation whose source changed is reported as stale", () => {
  const report = withMistake((root) => edit(root, "guides/es/alpha.mdx", (t) => t.replace("Primera parte", "Primera parte, cambiada")));
  assert.equal(report.guides.find((g) => g.id === "alpha")?.locales["en"], "stale");
  assert.ok(messages(report, "warning").some((w) => /en\/alpha\.mdx:\d+: this translation is stale/.test(w)));
});

test("a phone number that is not valid for its country is an error", () => {
  const report = withMistake((root) => edit(root, "resources/pa-senniaf.yaml", (t) => t.replace("6378-3466", "6378-34")));
  const errors = messages(report, "error");
  assert.ok(errors.some((e) => /resources\/pa-senniaf\.yaml:5: "6378-34" is not a valid phone number for PA/.test(e)), errors.join("\n"));
});

test("a resource without a source is an error that says the field is missing", () => {
  const report = withMistake((root) => edit(root, "resources/gt-emergency.yaml", (t) => t.replace(/source:\n(  .*\n)+/, "")));
  const errors = messages(report, "error");
  assert.ok(errors.some((e) => /resources\/gt-emergency\.yaml: "source" is missing/.test(e)), errors.join("\n"));
});

test("a resource without a verification date is an error", () => {
  const report = withMistake((root) => edit(root, "resources/gt-emergency.yaml", (t) => t.replace(/verifiedOn: .*\n/, "")));
  assert.ok(messages(report, "error").some((e) => /gt-emergency\.yaml: "verifiedOn"/.test(e)));
});

test("a UI-string key missing in a locale is an error naming the key", () => {
  const report = withMistake((root) => edit(root, "i18n/en.json", (t) => t.replace('"nav.help": "Get help now"', '"other": "x"')));
  assert.ok(messages(report, "error").some((e) => /i18n\/en\.json: the key "nav\.help" is missing/.test(e)));
});

test("a translation without a Spanish source guide is an error", () => {
  const report = withMistake((root) => fs.copyFileSync(path.join(root, "guides/en/alpha.mdx"), path.join(root, "guides/en/gamma.mdx")));
  assert.ok(messages(report, "error").some((e) => /guides\/en\/gamma\.mdx: there is no Spanish guide/.test(e)));
});

test("old verifications and reviews are warnings, not errors", () => {
  const report = checkContent(base, new Date("2028-01-01"));
  assert.deepEqual(messages(report, "error"), []);
  const warnings = messages(report, "warning");
  assert.ok(warnings.some((w) => /gt-emergency\.yaml:\d+: these facts were verified \d+ days ago/.test(w)));
  assert.ok(warnings.some((w) => /es\/alpha\.mdx:\d+: this guide was last reviewed \d+ days ago/.test(w)));
});

test("a guide written in long sentences and long words gets a poor plain-language score", () => {
  const long = "La documentación administrativa correspondiente a la regularización migratoria internacional requiere procedimientos extraordinariamente complicados y prolongados que generalmente necesitan asesoramiento profesional especializado permanentemente.";
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => t.replace("Texto corto.", long).replace("Más texto corto.", long)));
  const beta = report.guides.find((g) => g.id === "beta")!;
  assert.ok(beta.scores["es"]!.score < 60, `score ${beta.scores["es"]!.score}`);
  assert.ok(messages(report, "warning").some((w) => /es\/beta\.mdx:\d+: plain-language score \d+\/100 is poor/.test(w)));
  assert.ok(report.guides.find((g) => g.id === "alpha")!.scores["es"]!.score >= 60);
});

test("a Callout with an unknown type is an error naming the types to use", () => {
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => `${t}\n<Callout type="urgent">Llama ya.</Callout>\n`));
  assert.ok(messages(report, "error").some((e) => /es\/beta\.mdx:\d+: <Callout> has the type "urgent"\. Use "info", "warning" or "danger"/.test(e)));
});

test("a mistake in the bot's vocabulary (content/bot/) is reported like any other content mistake", () => {
  const report = withMistake((root) => {
    fs.mkdirSync(path.join(root, "bot"));
    fs.writeFileSync(path.join(root, "bot/slang.yaml"), "es:\n  la migra: []\n");
  });
  assert.ok(messages(report, "error").some((e) => /bot\/slang\.yaml:2: "es\.la migra" must list at least one word the guides use/.test(e)), messages(report, "error").join("\n"));
});

test("a danger phrase that uses | between phrases is an error that says how to write it", () => {
  const report = withMistake((root) => {
    fs.mkdirSync(path.join(root, "bot"));
    fs.writeFileSync(path.join(root, "bot/danger.yaml"), 'kinds: {}\nlocales:\n  es:\n    dangers:\n      self-harm:\n        strong:\n          - "me tome|me trague & pastillas"\n          - "me tome|trague & pastillas"\n');
  });
  const errors = messages(report, "error").filter((e) => /danger\.yaml/.test(e));
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0] ?? "", /"es\.dangers\.self-harm\.strong": the phrase "me tome\|me trague & pastillas" repeats "me".*"\|" joins single words/);
});

test("a '+' inside an a|b choice is an error that says how to write it", () => {
  const report = withMistake((root) => {
    fs.mkdirSync(path.join(root, "bot"));
    fs.writeFileSync(path.join(root, "bot/danger.yaml"), 'kinds: {}\nlocales:\n  es:\n    dangers:\n      environment:\n        strong:\n          - "desierto|monte & perdidos|donde+estamos"\n          - "desierto|monte & donde+estamos"\n');
  });
  const errors = messages(report, "error").filter((e) => /danger\.yaml/.test(e));
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0] ?? "", /"perdidos\|donde\+estamos" puts a "\+" inside an a\|b choice/);
});

test("a number written by hand in a guide is an error that names the <Phone> tag to use instead", () => {
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => `${t}\nEn Guatemala llama al 110.\n\nO toca aquí: [110](tel:110).\n`));
  const errors = messages(report, "error");
  assert.equal(errors.length, 2, errors.join("\n"));
  for (const e of errors) assert.match(e, /guides\/es\/beta\.mdx:(19|21): .*typed by hand.*Write <Phone resource="gt-emergency" \/> instead\./);
  assert.ok(errors.some((e) => e.includes("the link [110](tel:110)")));
  assert.ok(errors.some((e) => e.includes('the number "110"')));
});

test("a <Phone> tag is checked: the resource must exist, have a number, and the line must exist", () => {
  const report = withMistake((root) => {
    edit(root, "guides/es/beta.mdx", (t) => `${t}\nA <Phone resource="gt-nowhere" />, B <Phone resource="pa-senniaf" line="3" />, C <Phone />.\n`);
    fs.writeFileSync(path.join(root, "resources/gt-office.yaml"), "country: GT\nkind: shelter\nname: Office without phone (fixture)\nsource:\n  url: https://example.org/office\n  quote: an office\nconfidence: high\nverifiedOn: 2026-11-01\n");
    edit(root, "guides/es/beta.mdx", (t) => `${t}\nD <Phone resource="gt-office" />.\n`);
  });
  const errors = messages(report, "error");
  assert.ok(errors.some((e) => /beta\.mdx:19: <Phone resource="gt-nowhere"> names a resource that does not exist/.test(e)), errors.join("\n"));
  assert.ok(errors.some((e) => /beta\.mdx:19: <Phone resource="pa-senniaf" line="3">: line="3" does not exist: this resource has 1 phone/.test(e)), errors.join("\n"));
  assert.ok(errors.some((e) => /beta\.mdx:19: <Phone> needs the resource/.test(e)), errors.join("\n"));
  assert.ok(errors.some((e) => /beta\.mdx:21: <Phone resource="gt-office">: this resource has no phone number/.test(e)), errors.join("\n"));
  assert.equal(errors.length, 4, errors.join("\n"));
});

test("a <ResourceList> needs either a country or the nationals it serves", () => {
  const report = withMistake((root) => edit(root, "guides/es/beta.mdx", (t) => `${t}\n<ResourceList kinds="consular" />\n\n<ResourceList nationals="XX" kinds="consular" />\n`));
  const errors = messages(report, "error");
  assert.ok(errors.some((e) => /beta\.mdx:19: <ResourceList> needs either country="MX"/.test(e)), errors.join("\n"));
  assert.ok(errors.some((e) => /beta\.mdx:21: <ResourceList> names the nationals of "XX"/.test(e)), errors.join("\n"));
});

test("a <ResourceList> that would show nothing is an error; one that finds a resource is not", () => {
  const report = withMistake((root) => {
    // A consular line for Salvadorans that can be dialled from the US only: no help inside El Salvador.
    fs.writeFileSync(
      path.join(root, "resources/sv-abroad.yaml"),
      "country: SV\nkind: consular\nname: Line for Salvadorans abroad (fixture)\nphones:\n  - number: '1-888-555-0100'\n    region: US\nreachableFrom: [US]\nforNationalsOf: [SV]\nsource:\n  url: https://example.org/sv\n  quote: call 1-888-555-0100\nconfidence: high\nverifiedOn: 2026-11-01\n",
    );
    edit(root, "guides/es/beta.mdx", (t) => `${t}\n<ResourceList country="SV" kinds="consular" />\n\n<ResourceList country="GT" kinds="shelter,legal" />\n\n<ResourceList nationals="SV" kinds="consular" />\n\n<ResourceList country="GT" kinds="emergency" />\n`);
  });
  const errors = messages(report, "error").filter((e) => /shows nothing/.test(e));
  assert.ok(errors.some((e) => /beta\.mdx:19: <ResourceList country="SV" kinds="consular" \/> shows nothing: .*consular that can be reached in SV/.test(e)), errors.join("\n"));
  assert.ok(errors.some((e) => /beta\.mdx:21: <ResourceList country="GT" kinds="shelter,legal" \/> shows nothing/.test(e)), errors.join("\n"));
  assert.equal(errors.length, 2, `the lists for Salvadorans anywhere and for the GT emergency line find a resource:\n${errors.join("\n")}`);
});
