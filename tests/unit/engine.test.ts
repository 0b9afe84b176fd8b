// The answering engine against a fixture knowledge base built from tests/fixtures/kb-content
// (through the real loader) with the real content/bot vocabulary. Expected texts are read from
// the fixture files and strings, never from the engine.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createEngine } from "../../bot/engine/index";
import type { ConversationState } from "../../bot/engine/types";
import { splitFrontmatter } from "../../src/lib/frontmatter";
import { buildFixtureKb, fixtureCopy, fixtureNumber, fixtureSentences } from "./engine-fixture";

const dir = fixtureCopy();
const kb = buildFixtureKb(dir);
const engine = createEngine(kb);
const s = (locale: string, key: string) => {
  const v = kb.strings[locale]?.[key];
  assert.ok(v, `fixture string ${key} missing in ${locale}`);
  return v;
};

interface Case {
  locale: string;
  danger: string;
  notDanger: string[];
  ask: Record<"emergency-help" | "asking-for-protection" | "contact-your-family", string>;
  erase: string;
  human: string;
  switchTo: [string, string];
}

const cases: Case[] = [
  {
    locale: "es",
    danger: "me estan pegando y tengo mucho miedo",
    notDanger: ["cuales son los riesgos de secuestro en la ruta por mexico", "a mi primo lo asaltaron el año pasado en chiapas"],
    ask: { "emergency-help": "a quien le hablo si corro peligro", "asking-for-protection": "quiero solicitar refugio porque hui de mi pais", "contact-your-family": "como busco a mi familia, no se donde estan" },
    erase: "borrar",
    human: "quiero hablar con una persona",
    switchTo: ["english", "en"],
  },
  {
    locale: "en",
    danger: "help, my stepdad is hitting me right now",
    notDanger: ["what are the risks of kidnapping on the route to mexico", "my cousin was robbed last year in chiapas"],
    ask: { "emergency-help": "who should i phone when i am in danger", "asking-for-protection": "i want to apply for asylum because i fled", "contact-your-family": "looking for my family after we got separated" },
    erase: "delete",
    human: "can i talk to a person",
    switchTo: ["en español", "es"],
  },
  {
    locale: "fr",
    danger: "au secours ils nous ont enfermés dans une maison",
    notDanger: ["est-ce que les enlèvements sont fréquents sur la route", "mon cousin a été volé l'année dernière"],
    ask: { "emergency-help": "qui dois-je appeler quand je suis en danger", "asking-for-protection": "je veux faire une demande d'asile ici", "contact-your-family": "je cherche ma famille, comment la retrouver" },
    erase: "supprimer",
    human: "je veux parler à une personne",
    switchTo: ["kreyòl", "ht"],
  },
  {
    locale: "ht",
    danger: "anmwe gen yon nonm k ap bat mwen kounye a",
    notDanger: ["eske gen anpil kidnapin sou wout la", "yo te vòlè kouzen m ane pase"],
    ask: { "emergency-help": "m an danje, ki moun pou m rele", "asking-for-protection": "mwen vle mande azil nan peyi sa a", "contact-your-family": "m ap chèche fanmi m, kijan pou m jwenn yo" },
    erase: "efase",
    human: "m vle pale ak yon moun",
    switchTo: ["français", "fr"],
  },
  {
    locale: "pt",
    danger: "socorro, sequestraram meu filho e pedem resgate",
    notDanger: ["quais são os riscos de sequestro no caminho", "meu primo foi assaltado ano passado"],
    ask: { "emergency-help": "pra quem ligo quando estou em perigo", "asking-for-protection": "quero pedir refúgio aqui", "contact-your-family": "estou procurando minha família, como acho eles" },
    erase: "apagar",
    human: "quero falar com uma pessoa",
    switchTo: ["português", "pt"],
  },
];

for (const c of cases) {
  describe(`in ${c.locale}`, () => {
    test("a message about a danger happening now is an emergency whose reply starts with the country's emergency and child-protection numbers", () => {
      const r = engine.reply(undefined, { text: c.danger, country: "MX" });
      assert.equal(r.emergency, true);
      assert.equal(r.locale, c.locale);
      const numbers = r.text.split("\n\n")[0] ?? "";
      assert.ok(numbers.includes(fixtureNumber("mx-fixture-emergency")), numbers);
      assert.ok(numbers.includes(fixtureNumber("mx-fixture-child")), numbers);
      // The calm sentence: for the person in danger, or for a parent writing about their child.
      assert.ok(r.text.includes(s(c.locale, "bot.emergency.calm")) || r.text.includes(s(c.locale, "bot.emergency.calmOther")), r.text);
      assert.equal(r.guides[0], "emergency-help");
    });

    test("an emergency with no known country lists every country's numbers first", () => {
      const r = engine.reply(undefined, { text: c.danger });
      assert.equal(r.emergency, true);
      const head = r.text.split("\n\n")[0] ?? "";
      for (const cc of ["gt", "hn", "sv", "mx", "ni", "cr", "pa", "bz"]) assert.ok(head.includes(fixtureNumber(`${cc}-fixture-emergency`)), `${cc} missing in ${head}`);
    });

    test("a question that only mentions a danger is not an emergency", () => {
      for (const text of c.notDanger) assert.equal(engine.reply(undefined, { text }).emergency, false, text);
    });

    test("answers in the language of the message, with the privacy line of that language on first contact", () => {
      const r = engine.reply(undefined, { text: c.ask["asking-for-protection"] });
      assert.equal(r.locale, c.locale);
      assert.ok(r.text.includes(s(c.locale, "bot.privacy")), r.text);
      const again = engine.reply(r.state, { text: c.ask["contact-your-family"] });
      assert.ok(!again.text.includes(s(c.locale, "bot.privacy")), "the privacy line is shown only once");
    });

    for (const id of ["emergency-help", "asking-for-protection", "contact-your-family"] as const) {
      test(`finds the guide ${id} from a phrasing that is not in its questions, and quotes it with its link`, () => {
        const r = engine.reply({ greeted: true, locale: c.locale, country: "skip", askedParticularities: true }, { text: c.ask[id] });
        assert.equal(r.guides[0], id, `${c.ask[id]} → ${r.guides.join(",")}`);
        const guide = kb.guides.find((g) => g.id === id && g.locale === c.locale);
        assert.ok(guide);
        assert.ok(r.links.some((l) => l.url === guide.url));
        assert.ok(r.text.includes(guide.url), "the reply text carries the guide's path");
        const quoted = fixtureSentences(dir, c.locale, id);
        assert.ok(quoted.length > 1);
        assert.ok(quoted.some((q) => r.text.includes(q)), `expected a sentence of the guide in:\n${r.text}`);
      });
    }

    test("the erase command erases the conversation and confirms it", () => {
      const first = engine.reply(undefined, { text: c.ask["asking-for-protection"], country: "GT" });
      const r = engine.reply(first.state, { text: c.erase });
      assert.equal(r.erased, true);
      assert.deepEqual(r.state, {});
      assert.equal(r.text, s(r.locale, "bot.erased"));
    });

    test("asking for a person gives the hub's address and the child-protection line", () => {
      const r = engine.reply({ locale: c.locale, greeted: true, country: "GT" }, { text: c.human });
      assert.equal(r.emergency, false);
      assert.ok(r.text.startsWith(s(c.locale, "bot.human")), r.text);
      assert.ok(r.text.includes("1 Fixture street"));
      assert.ok(r.text.includes(fixtureNumber("gt-fixture-child")));
    });

    test("switches language when asked and remembers it", () => {
      const [word, target] = c.switchTo;
      const r = engine.reply({ locale: c.locale, greeted: true }, { text: word });
      assert.equal(r.locale, target);
      assert.equal(r.state.locale, target);
      assert.ok(r.text.startsWith(s(target, "bot.languageSet")), r.text);
      const next = engine.reply(r.state, { text: "ok" });
      assert.equal(next.locale, target, "a short message keeps the chosen language");
    });
  });
}

describe("conversation", () => {
  test("asks for the country only once, remembers the answer and shows that country's resources", () => {
    const first = engine.reply(undefined, { text: "como pido asilo en otro pais" });
    assert.equal(first.state.pending, "country");
    const ignored = engine.reply(first.state, { text: "y donde se pide refugio" });
    assert.ok(!ignored.text.includes(s("es", "bot.askCountry")), "asked only once");
    assert.ok(first.text.includes(s("es", "bot.askCountry")));
    const second = engine.reply(first.state, { text: "estoy en mexico" });
    assert.equal(second.state.country, "MX");
    assert.ok(second.resources.includes("mx-fixture-asylum"), second.resources.join(","));
    const third = engine.reply(second.state, { text: "donde se pide refugio" });
    assert.ok(!third.text.includes(s("es", "bot.askCountry")));
  });

  test("accepts a skip for the country question", () => {
    const first = engine.reply(undefined, { text: "como pido asilo en otro pais" });
    const r = engine.reply(first.state, { text: "saltar" });
    assert.equal(r.state.country, "skip");
    const next = engine.reply(r.state, { text: "donde se pide refugio" });
    assert.ok(!next.text.includes(s("es", "bot.askCountry")));
  });

  test("an unaccompanied child gets the child-protection line first", () => {
    const adult = engine.reply({ greeted: true, country: "GT" }, { text: "me estan pegando ahora" });
    const child = engine.reply({ greeted: true, country: "GT", under18: true, alone: true }, { text: "me estan pegando ahora" });
    assert.equal(adult.resources[0], "gt-fixture-emergency");
    assert.equal(child.resources[0], "gt-fixture-child");
  });

  test("a clear one-word greeting in another language than the page's is answered in its language", () => {
    assert.equal(engine.reply(undefined, { text: "hola", locale: "fr" }).locale, "es");
    assert.equal(engine.reply(undefined, { text: "merci", locale: "es" }).locale, "fr");
  });

  test("saying you don't speak a language does not switch to it", () => {
    const r = engine.reply({ locale: "es", greeted: true }, { text: "no hablo ingles" });
    assert.equal(r.locale, "es");
  });

  test("takes the age and travelling alone from the person's own words", () => {
    const r = engine.reply(undefined, { text: "tengo 15 años y viajo sola, como pido refugio" });
    assert.equal(r.state.under18, true);
    assert.equal(r.state.alone, true);
  });

  test("the state holds only what the contract lists: no message text", () => {
    const text = "me llamo Rosa y vivo en la calle 5, como pido refugio";
    const r = engine.reply(undefined, { text, country: "GT" });
    const allowed = new Set(["locale", "country", "under18", "alone", "lastTopic", "pending", "greeted", "askedParticularities"]);
    for (const key of Object.keys(r.state)) assert.ok(allowed.has(key), key);
    assert.ok(!JSON.stringify(r.state).includes("Rosa"));
  });

  test("says plainly when nothing matches and offers topics and the help line", () => {
    const r = engine.reply({ greeted: true, locale: "es", country: "GT" }, { text: "zxqv plork blarg" });
    assert.deepEqual(r.guides, []);
    assert.ok(r.text.startsWith(s("es", "bot.noMatch")));
    assert.ok(r.text.includes(kb.guides.find((g) => g.locale === "es" && g.id === "asking-for-protection")?.title ?? "?"));
    assert.ok(r.text.includes(fixtureNumber("gt-fixture-emergency")));
  });

  test("bad input gets a calm reply, not an exception", () => {
    // The engine's catch-all would also give a calm reply if it threw: bad input must not get that far.
    const errors: string[] = [];
    const watched = createEngine(kb, { onError: (kind) => errors.push(kind) });
    for (const text of ["", "   ", "🙂🙂🙂", "x".repeat(50_000), "#country-ZZ", "#lang-xx"]) {
      const r = watched.reply(undefined, { text });
      assert.equal(typeof r.text, "string");
      assert.ok(r.text.length > 0);
    }
    const r = watched.reply(undefined, { text: 42 as unknown as string });
    assert.equal(typeof r.text, "string");
    const odd = watched.reply({ locale: "xx", country: "ZZ" }, { text: "ok" });
    assert.ok(kb.locales.some((l) => l.code === odd.locale), odd.locale);
    assert.deepEqual(errors, [], "the engine threw on bad input");
  });
});

describe("fallback to the source language", () => {
  test("a guide that exists only in Spanish answers a French question in Spanish, and says so", () => {
    const r = engine.reply({ greeted: true, locale: "fr", country: "skip", askedParticularities: true }, { text: "c'est quoi la CURP ?" });
    assert.equal(r.locale, "fr");
    assert.equal(r.guides[0], "school-and-documents");
    assert.ok(r.text.startsWith(s("fr", "bot.fallback")), r.text);
    assert.ok(r.links.some((l) => l.url === "/es/guides/school-and-documents/"));
  });
});

describe("one source of truth", () => {
  test("an answer changes when the guide's content changes", () => {
    const copy = fixtureCopy();
    const file = path.join(copy, "guides", "es", "asking-for-protection.mdx");
    const question = "quiero solicitar refugio porque hui de mi pais";
    const state: ConversationState = { greeted: true, country: "skip", askedParticularities: true };
    const before = createEngine(buildFixtureKb(copy)).reply(state, { text: question });
    const changed = "Puedes pedir refugio en la ventanilla azul del puerto fronterizo.";
    const original = fs.readFileSync(file, "utf8");
    const frontmatter = splitFrontmatter(original)?.block ?? "";
    fs.writeFileSync(file, `${frontmatter}\n## Dónde se pide\n\n${changed}\n`);
    const after = createEngine(buildFixtureKb(copy)).reply(state, { text: question });
    assert.ok(!before.text.includes(changed));
    assert.ok(after.text.includes(changed), after.text);
  });
});

describe("purity", () => {
  test("the engine bundles for a browser with no Node built-ins", async () => {
    const { build } = await import("esbuild");
    const out = await build({ entryPoints: ["bot/engine/index.ts"], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    assert.equal(out.errors.length, 0);
    assert.ok((out.outputFiles[0]?.text.length ?? 0) > 1000);
  });

  test("the engine imports no Node I/O, Botkit or channel code, so it can run in a browser", () => {
    const engineDir = path.resolve("bot/engine");
    for (const f of fs.readdirSync(engineDir).filter((n) => n.endsWith(".ts"))) {
      const src = fs.readFileSync(path.join(engineDir, f), "utf8");
      const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] as string);
      for (const i of imports) {
        assert.ok(!i.startsWith("node:") && !["fs", "path", "os", "botkit", "readline"].includes(i), `${f} imports ${i}`);
        assert.ok(!i.includes("channels") && !i.includes("server") && !i.includes("kb-files"), `${f} imports ${i}`);
      }
    }
  });
});
