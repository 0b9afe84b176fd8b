// The knowledge-base export: built from content/ through the real loader, typed and versioned.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { mdxToSections, slugify } from "../../src/lib/mdx-text";
import { KB_VERSION } from "../../src/lib/kb";
import { loadKnowledgeBase, readKnowledgeBase, writeKnowledgeBase } from "../../src/lib/kb-files";
import { buildFixtureKb, fixtureCopy, withContentDir } from "./engine-fixture";
import { loadContent } from "../../src/lib/content-files";
import { pickPhone } from "../../src/lib/resources";

describe("MDX to plain text", () => {
  test("splits a guide at its headings with the anchors the page gives them", () => {
    const body = [
      "Intro with a [link](../your-rights/) and **bold** text.",
      "",
      "## Qué hacer ahora",
      "",
      "<Steps>",
      "",
      "1. Busca un lugar seguro.",
      "2. Llama al [911](tel:911).",
      "",
      "</Steps>",
      "",
      "<EmergencyNumbers />",
      "",
      "## Qué hacer ahora",
      "",
      '<Callout type="warning">',
      "No firmes nada que no entiendas.",
      "</Callout>",
      "",
      "### Tus *derechos*",
      "Tienes derechos.",
    ].join("\n");
    const sections = mdxToSections(body);
    assert.deepEqual(
      sections.map((s) => [s.heading, s.anchor]),
      [
        ["", ""],
        ["Qué hacer ahora", "qué-hacer-ahora"],
        ["Qué hacer ahora", "qué-hacer-ahora-1"],
        ["Tus derechos", "tus-derechos"],
      ],
    );
    assert.equal(sections[0]?.text, "Intro with a link and bold text.");
    assert.equal(sections[1]?.text, "Busca un lugar seguro.\nLlama al 911.");
    assert.equal(sections[2]?.text, "No firmes nada que no entiendas.");
    assert.equal(slugify("¿Qué es la trata?"), "qué-es-la-trata");
  });

  test("a heading with -- gets the anchor of the page, where smart punctuation makes it a dash", () => {
    assert.deepEqual(mdxToSections("## Antes -- y después\n\nTexto.").map((s) => s.anchor), ["antes--y-después"]);
  });

  test("code blocks, link definitions, rules, tables and comments leave no markup in the text", () => {
    const body = ["Antes.", "", "```", "## no es un título", "[no](../es-texto/)", "```", "", "---", "", "[ref]: https://example.org", "", "| Día | Hora |", "|---|---|", "| lunes | 9 |", "", "Sin {/* nota para editores */} comentarios."].join("\n");
    const sections = mdxToSections(body);
    assert.equal(sections.length, 1, "a heading inside a code block is not a heading");
    assert.equal(sections[0]?.text, "Antes.\nDía Hora\nlunes 9\nSin comentarios.");
  });

  test("a <Phone> tag on a line of its own reads as its number", () => {
    const sections = mdxToSections('Llama a la policía:\n\n<Phone resource="gt-pnc" />\n', (id) => (id === "gt-pnc" ? "110" : undefined));
    assert.equal(sections[0]?.text, "Llama a la policía:\n110");
  });
});

describe("knowledge base", () => {
  test("carries every guide file of the content with its questions, and the bot strings of every locale", () => {
    const dir = fixtureCopy();
    const kb = buildFixtureKb(dir);
    assert.equal(kb.version, KB_VERSION);
    const files = fs.readdirSync(path.join(dir, "guides")).flatMap((l) => fs.readdirSync(path.join(dir, "guides", l)).map((f) => `${l}/${f.replace(/\.mdx$/, "")}`));
    assert.deepEqual(kb.guides.map((g) => `${g.locale}/${g.id}`).sort(), files.sort());
    const es = kb.guides.find((g) => g.locale === "es" && g.id === "asking-for-protection");
    assert.ok(es?.questions.includes("como pido asilo"));
    assert.equal(es?.url, "/es/guides/asking-for-protection/");
    for (const l of ["es", "en", "fr", "ht", "pt"]) {
      const strings = JSON.parse(fs.readFileSync(path.join(dir, "i18n", `${l}.json`), "utf8")) as Record<string, string>;
      assert.equal(kb.strings[l]?.["bot.privacy"], strings["bot.privacy"]);
    }
    assert.ok(kb.lexicon.danger.locales["ht"], "the danger vocabulary of content/bot is carried");
    // Editor-only fields never reach the bot.
    assert.ok(!JSON.stringify(kb).includes("editorNotes"));
  });

  test("a guide section that names a number with <Phone> carries that number's text, with no gap", () => {
    const dir = fixtureCopy();
    const file = path.join(dir, "guides", "es", "emergency-help.mdx");
    fs.appendFileSync(file, '\n## Llama ahora\n\nLlama a la línea de emergencia, <Phone resource="gt-fixture-emergency" />, o a la protección de la niñez, <Phone resource="gt-fixture-child" />. Es gratis.\n');
    const kb = buildFixtureKb(dir);
    const number = (id: string) => kb.resources.find((r) => r.id === id)?.phones[0]?.number;
    const emergency = number("gt-fixture-emergency");
    const child = number("gt-fixture-child");
    assert.ok(emergency && child, "the fixture resources should have phones");
    const section = kb.guides.find((g) => g.locale === "es" && g.id === "emergency-help")?.sections.find((s) => s.heading === "Llama ahora");
    assert.equal(section?.text, `Llama a la línea de emergencia, ${emergency}, o a la protección de la niñez, ${child}. Es gratis.`);
  });

  test("a mistake in the bot vocabulary is reported with the file and the line", () => {
    const dir = fixtureCopy();
    fs.writeFileSync(path.join(dir, "bot", "slang.yaml"), "es:\n  coyote: []\n");
    assert.throws(
      () => withContentDir(dir, () => loadKnowledgeBase(dir)),
      (err: Error) => /slang\.yaml:2: "es\.coyote" must list at least one word/.test(err.message),
    );
  });

  test("a built kb.json is read back, and another format version is refused", () => {
    const kb = buildFixtureKb();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kb-json-")), "kb.json");
    writeKnowledgeBase(kb, file);
    assert.deepEqual(readKnowledgeBase(file).guides, kb.guides);
    fs.writeFileSync(file, JSON.stringify({ ...kb, version: KB_VERSION + 1 }));
    assert.throws(() => readKnowledgeBase(file), /version/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  test("the site build writes kb.json from the same content", { skip: !fs.existsSync(path.join(process.env["HUB_OUT"] ?? "dist", "kb.json")) && !process.env["CI"] }, () => {
    const built = readKnowledgeBase(path.join(process.env["HUB_OUT"] ?? "dist", "kb.json"));
    const guides = fs.readdirSync("content/guides").flatMap((l) => fs.readdirSync(path.join("content/guides", l)).map((f) => `${l}/${f.replace(/\.mdx$/, "")}`));
    assert.deepEqual(built.guides.map((g) => `${g.locale}/${g.id}`).sort(), guides.sort());
    // The bot's links to sections land on the headings of the built pages.
    let pages = 0;
    for (const g of built.guides) {
      const page = path.join(process.env["HUB_OUT"] ?? "dist", g.url, "index.html");
      if (!fs.existsSync(page)) continue;
      pages++;
      const html = fs.readFileSync(page, "utf8");
      for (const sec of g.sections) if (sec.anchor) assert.ok(html.includes(`id="${sec.anchor}"`), `${g.url}#${sec.anchor} is not a heading id on the page`);
    }
    assert.equal(pages, built.guides.length, "every guide in kb.json has its page at its url");
    // Every <Phone> tag of the real guides reaches the bot as the number it names.
    const { content } = loadContent();
    let tags = 0;
    for (const g of content.guides) {
      const text = built.guides.find((b) => b.id === g.id && b.locale === g.locale)?.sections.map((sec) => sec.text).join("\n") ?? "";
      // Found by a regex of its own, not by the parser under test.
      for (const [, attrs = ""] of g.body.matchAll(/<Phone\b([^>]*?)\/?>/g)) {
        const resource = /\bresource\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
        const line = /\bline\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
        const picked = pickPhone(content.resources.find((r) => r.id === resource)?.data ?? { phones: [] }, line);
        assert.equal(typeof picked, "object", `${g.file}: <Phone resource="${resource}"> should name a phone`);
        if (typeof picked === "object") assert.ok(text.includes(picked.number), `${g.locale}/${g.id} in kb.json lacks ${picked.number} (<Phone resource="${resource}">)`);
        tags++;
      }
    }
    assert.ok(tags > 0, "the real guides should use <Phone> tags");
  });
});
