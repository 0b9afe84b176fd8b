// Answers that fit the question, through the real engine and the real content: a section's short
// answer for phrasings that are not among its asks, in every language; where the person is versus
// where they are from; no line that only works from another country; honesty when unsure; staff;
// a stated age not asked again; and an editor's new way of asking changing the next build.
// Every message here was written for these tests: none is in the guides' asks or any eval set.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEngine } from "../../bot/engine/index";
import { loadKnowledgeBase } from "../../src/lib/kb-files";
import { withContentDir } from "./engine-fixture";

const kb = loadKnowledgeBase();
const engine = createEngine(kb);
const ask = (text: string) => engine.reply({ greeted: true, askedCountry: true, askedParticularities: true }, { text });
const answerOf = (id: string, locale: string, anchor: string) => kb.guides.find((g) => g.id === id && g.locale === locale)?.sections.find((s) => s.anchor === anchor)?.answer?.text;
const sectionAt = (id: string, locale: string, index: number) => kb.guides.find((g) => g.id === id && g.locale === locale)?.sections[index];
const indexOf = (id: string, anchor: string) => kb.guides.find((g) => g.id === id && g.locale === "es")?.sections.findIndex((s) => s.anchor === anchor) ?? -1;

describe("a short answer for its section's unseen phrasings", () => {
  const how = indexOf("asking-for-protection", "cómo-se-pide-en-méxico");
  const cases: [string, string][] = [
    ["es", "a que oficina voy pa que me den refugio aca en mexico, con quien hablo"],
    ["en", "which office do i go to in mexico to ask for refugee status"],
    ["fr", "je dois aller ou au mexique pour faire ma demande de refugie"],
    ["pt", "em qual escritorio eu vou no mexico pra pedir refugio"],
    ["ht", "ki biwo pou m ale nan Meksik pou m fè demann refij la"],
  ];
  for (const [locale, text] of cases)
    test(`(${locale}) ${text}`, () => {
      const r = ask(text);
      assert.equal(r.locale, locale);
      assert.equal(r.guides[0], "asking-for-protection", r.guides.join(","));
      const section = sectionAt("asking-for-protection", locale, how);
      assert.ok(section?.answer, `the ${locale} guide has an answer for that section`);
      assert.equal(r.section, section.anchor);
      assert.ok(r.text.startsWith(section.answer.text), r.text);
      assert.ok(r.text.includes(`#${section.anchor}`), "the link goes to the section");
    });
});

describe("the kind of question, said in function words", () => {
  test("'what is' a body gets the section that says what it is, not another guide that names the body in every line", () => {
    const comar = indexOf("asking-for-protection", "qué-es-la-comar");
    for (const text of ["mas afinal o que e essa comar", "kisa sa ye COMAR sa a"]) {
      const r = ask(text);
      assert.equal(r.guides[0], "asking-for-protection", text);
      assert.equal(r.section, kb.guides.find((g) => g.id === "asking-for-protection" && g.locale === r.locale)?.sections[comar]?.anchor, text);
    }
  });
});

describe("a question for figures about the route", () => {
  const figures = indexOf("risks-on-the-route", "cifras-sobre-el-camino");
  const cases: [string, string][] = [
    ["es", "cuantos migrantes se mueren cruzando mexico, es para una tarea"],
    ["en", "what is the number of people who die each year trying to reach the us"],
    ["fr", "combien de migrants meurent chaque annee au darien"],
    ["ht", "konbyen moun mouri sou wout migrasyon an"],
    ["pt", "quantos migrantes morreram na fronteira dos eua"],
  ];
  for (const [locale, text] of cases)
    test(`gets the answer that says no one knows the exact number, and who counts (${locale}): ${text}`, () => {
      const r = ask(text);
      assert.equal(r.urgency, "none");
      const section = sectionAt("risks-on-the-route", locale, figures);
      assert.ok(section?.answer, `the ${locale} guide has an answer for that section`);
      assert.equal(r.section, section.anchor, r.text);
      assert.ok(r.text.includes("missingmigrants.iom.int"), r.text);
    });
});

describe("a child who is scared or sad", () => {
  const sectionOf = (id: string, locale: string, es: string) => sectionAt(id, locale, indexOf(id, es));
  // (An en and a pt phrasing written with these still miss it; the pt one is taken for a sick baby: a known weakness.)
  test("a parent asking how to help a scared or sad child gets the section for parents", () => {
    for (const [locale, text] of [
      ["es", "mi hija de 6 años tiene mucho miedo desde el viaje y no quiere dormir sola, como la ayudo"],
      ["fr", "ma fille de 8 ans a peur de tout depuis le voyage, comment je peux l aider"],
      ["ht", "pitit gason m nan 6 an pe anpil depi vwayaj la, li pa vle domi pou kont li, kijan pou m ede l"],
    ] as const) {
      const r = ask(text);
      assert.equal(r.urgency, "none", text);
      const section = sectionOf("health-and-safety", locale, "si-tu-hija-o-tu-hijo-tiene-miedo-o-está-triste");
      assert.ok(section?.answer, `the ${locale} guide has that section`);
      assert.equal(r.section, section.anchor, `${text}: ${r.guides.join(",")} #${r.section}`);
    }
  });
  test("a worker asking how to support a scared child gets the staff section, not the one for parents", () => {
    for (const [locale, text] of [
      ["es", "soy trabajadora social en un albergue, una niña de 10 años llego muy asustada y no para de llorar, como la apoyo"],
      ["en", "i work at a shelter, a 12 year old boy arrived very scared and wont stop shaking, how should i support him"],
      ["pt", "trabalho num abrigo, uma menina de 10 anos chegou muito assustada e chora sem parar, como apoio ela"],
    ] as const) {
      const r = ask(text);
      const section = sectionOf("talking-with-children", locale, "si-está-triste-o-asustado");
      assert.ok(section?.answer, `the ${locale} guide has that section`);
      assert.equal(r.section, section.anchor, `${text}: ${r.guides.join(",")} #${r.section}`);
    }
  });
});

describe("where the person is, and where they are from", () => {
  test("from Honduras, in Tapachula: Mexican lines, no Honduran domestic ones, and Honduras remembered as the origin", () => {
    const r = engine.reply(undefined, { text: "soy hondureña y ando en tapachula, como pido refugio" });
    assert.equal(r.state.country, "MX");
    assert.equal(r.state.from, "HN");
    assert.ok(r.resources.length > 0);
    for (const id of r.resources) assert.equal(kb.resources.find((x) => x.id === id)?.country, "MX", id);
    const consular = engine.reply(r.state, { text: "y como hablo con mi consulado" });
    assert.equal(consular.guides[0], "consulate-help", consular.guides.join(","));
    for (const id of consular.resources) {
      const res = kb.resources.find((x) => x.id === id);
      assert.ok(res && (res.country === "MX" || (res.kind === "consular" && res.forNationalsOf.includes("HN"))), id);
    }
  });
  /** Each message, a fresh conversation, is read as being in that country. */
  const assertWhere = (cases: readonly (readonly [text: string, country: string])[]) => {
    for (const [text, country] of cases) assert.equal(engine.reply(undefined, { text }).state.country, country, text);
  };
  test("the place right after 'en' / 'a' is where they are, not a country named a few words later ('los de Honduras')", () => {
    assertWhere([
      ["dormimos en una pension en esquipulas, los de honduras que nos trajeron ya se fueron", "GT"],
      ["je dors dans un foyer a tapachula, ceux du guatemala nous ont laisses la", "MX"],
      ["on attend a tapachula, on est passes par l aeroport de managua", "MX"],
    ]);
  });
  test("a long town name with one typo is still that town, but not with its first letter wrong", () => {
    assertWhere([
      ["estoy en tapachla con mi hermano, donde pido refugio", "MX"],
      ["estamos en tapachuula, a donde vamos pa pedir asilo", "MX"],
      ["ya estoy en tpaachula, donde pido refugio", "MX"],
    ]);
    const wrongStart = engine.reply(undefined, { text: "estoy en rapachula, donde pido refugio" });
    assert.notEqual(wrongStart.state.country, "MX");
  });
  test("'on the side of' a country says where they are", () => {
    assertWhere([
      ["ya cruzamos, estamos del lado de guatemala, a donde vamos", "GT"],
      ["a gente ja passou, estamos do lado de costa rica, onde tem abrigo", "CR"],
      ["on dort pres du pont frontalier, cote honduras, on attend le matin", "HN"],
    ]);
  });
  test("a border town's side named by its people ('del lado tico', 'the mexican side') says where they are", () => {
    assertWhere([
      ["estamos en paso canoas del lado panameño esperando el bus, donde comemos", "PA"],
      ["we are at the bridge on the mexican side now, where is a shelter", "MX"],
      ["dormimos en la frontera del lado tico, hay albergue cerca?", "CR"],
      ["on attend au pont de ciudad hidalgo cote guatemala, ou dormir", "GT"],
      ["estamos en el rio suchiate del lado de guatemala esperando la balsa", "GT"],
      ["we are at the tecun uman bridge on the mexican side, where is the shelter", "MX"],
    ]);
  });
  test("a place not left yet, or passed through now, is where they are; a country not left yet is their own too", () => {
    // Haiti is not a country we serve: no country to give lines for, but it is where they are from.
    const cases: [string, string | undefined, string | undefined][] = [
      ["queremos salir de honduras el mes que viene con los niños, que papeles sacamos antes", "HN", "HN"],
      ["we want to leave guatemala next month, what should my kids carry", "GT", "GT"],
      ["on veut partir du nicaragua avec ma fille, quels papiers preparer", "NI", "NI"],
      ["nou vle kite Ayiti pou n al Meksik, ki papye nou bezwen", undefined, "HT"],
      ["vamos sair do panama semana que vem, o que levar pros filhos", "PA", "PA"],
      ["ando pasando por nicaragua rumbo al norte, donde hay albergue", "NI", undefined],
      ["quiero salir de tapachula pero no tengo papeles, que hago", "MX", undefined],
    ];
    for (const [text, country, from] of cases) {
      const r = engine.reply(undefined, { text });
      assert.equal(r.state.country, country, text);
      assert.equal(r.state.from, from, text);
    }
    // Left already: where they come from, not where they are.
    assert.notEqual(engine.reply(undefined, { text: "salimos de honduras hace dos semanas, estamos cansados, donde hay albergue" }).state.country, "HN");
  });
  test("an answer written for one nationality is not given when the message names only other countries", () => {
    for (const text of [
      "despues de la deportacion a haiti, hay un centro para los niños en el aeropuerto de port au prince",
      "apres l expulsion vers le bresil, qui accueille les enfants a l aeroport",
      "depois da deportação pro brasil tem algum centro pra receber as crianças no aeroporto",
      "is there a senegal embassy in mexico? my passport got lost on the bus",
    ]) {
      const r = engine.reply(undefined, { text });
      const section = kb.guides.find((g) => g.id === r.guides[0] && g.locale === r.locale)?.sections.find((x) => x.anchor === r.section);
      assert.ok(section, `${text}: answered with a section (${r.guides[0]} #${r.section})`);
      assert.deepEqual(section.answer?.nationals ?? [], [], `${text}: ${r.section} is written for ${section.answer?.nationals.join(",")}`);
    }
  });
  test("a person's words update where they are", () => {
    const first = engine.reply(undefined, { text: "estoy en guatemala, como saco mi pasaporte" });
    assert.equal(first.state.country, "GT");
    const later = engine.reply(first.state, { text: "ya llegue a reynosa, que papeles necesito" });
    assert.equal(later.state.country, "MX");
  });
  test("a line that only works from another country is never offered as local help", () => {
    const usOnly = kb.resources.filter((x) => x.reachableFrom && !x.reachableFrom.includes(x.country as never));
    assert.ok(usOnly.length > 0, "the content has lines reachable only from abroad (e.g. the CIAM)");
    for (const text of ["soy mexicano y estoy en tijuana, necesito ayuda del consulado", "estoy en mexico y me robaron los papeles, a donde llamo", "en monterrey, necesito a mi consulado mexicano"]) {
      const r = engine.reply(undefined, { text });
      for (const x of usOnly) assert.ok(!r.resources.includes(x.id), `${x.id} offered for: ${text}`);
    }
  });
});

describe("honest when unsure", () => {
  test("a message that fits no guide well says so, offers the closest topics as buttons, the help line and a person", () => {
    const r = ask("hola tengo una pregunta");
    assert.ok(r.text.startsWith(kb.strings["es"]?.["bot.unsure"] ?? "?"), r.text);
    assert.ok(r.quickReplies.some((q) => q.text.startsWith("#guide-")));
    assert.ok(r.quickReplies.some((q) => q.text === "#human"));
    assert.ok(r.resources.length > 0, "the help line's numbers");
  });
  test("a closest-topic button answers from that guide", () => {
    const unsure = ask("hola tengo una pregunta");
    const button = unsure.quickReplies.find((q) => q.text.startsWith("#guide-"));
    assert.ok(button);
    const r = engine.reply(unsure.state, { text: button.text });
    assert.equal(r.guides[0], button.text.slice("#guide-".length));
  });
});

describe("staff", () => {
  test("a shelter worker's question gets a staff guide", () => {
    const r = ask("trabajo en un albergue, a donde refiero a una niña de 12 que viene sola");
    assert.equal(kb.guides.find((g) => g.id === r.guides[0])?.audience, "staff", r.guides.join(","));
    assert.equal(r.emergency, false);
  });
  test("in English too", () => {
    const r = ask("i work at a shelter, where do i refer a boy of 14 who travels alone");
    assert.equal(kb.guides.find((g) => g.id === r.guides[0])?.audience, "staff", r.guides.join(","));
  });
  test("a teacher asking about a pupil gets the staff guide, even when a children's guide shares the school words", () => {
    for (const text of [
      "sou professora e um aluno que voltou deportado dorme na aula e nao fala, como ajudo",
      "soy maestra y una alumna que llego de honduras hace un mes tiene miedo de ir al recreo, como la apoyo",
      "i teach 5th grade and a boy who just arrived from guatemala will not eat lunch and hides, what should i do",
    ]) {
      const r = ask(text);
      assert.equal(kb.guides.find((g) => g.id === r.guides[0])?.audience, "staff", `${text}: ${r.guides.join(",")}`);
    }
  });
});

describe("what the person already said", () => {
  for (const [locale, text] of [
    ["es", "tengo 15 años y quiero pedir asilo en mexico"],
    ["es", "soy una chava de 14 y quiero estudiar en mexico"],
    ["en", "im a 16 year old and i want to go to school in mexico"],
    ["pt", "sou uma menina de 13 e quero estudar no mexico"],
  ] as const)
    test(`the bot does not ask for an age it was told (${locale}): ${text}`, () => {
      const r = engine.reply({ greeted: true, askedCountry: true }, { text, locale });
      assert.equal(r.state.under18, true);
      assert.ok(!r.text.includes(kb.strings[locale]?.["bot.askParticularities"] ?? "?"), r.text);
    });
  test("'talk to a person' with the country in the same message gives that country's line only", () => {
    const r = engine.reply({ greeted: true }, { text: "quiero hablar con alguien, estoy en honduras" });
    assert.equal(r.state.country, "HN");
    const others = kb.resources.filter((x) => x.country !== "HN" && x.country !== "regional").map((x) => x.id);
    assert.ok(r.resources.length > 0 && r.resources.every((id) => !others.includes(id)), r.text);
  });
  test("'talk to a person' in Mexico, which has no child-protection line, still gives a number", () => {
    const r = engine.reply({ country: "MX" }, { text: "#human" });
    assert.ok(r.resources.length > 0, r.text);
    assert.match(r.text, /911/);
  });
});

describe("one edit reaches the bot", () => {
  test("an editor's new way of asking changes the next build's answer", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "answers-"));
    try {
      fs.cpSync(path.resolve("content"), dir, { recursive: true });
      const question = "necesito el formulario zorblax para la comar";
      const before = withContentDir(dir, () => createEngine(loadKnowledgeBase(dir))).reply({ greeted: true, askedCountry: true, askedParticularities: true }, { text: question });
      const target = "mientras-esperas-la-respuesta";
      const file = path.join(dir, "guides", "es", "asking-for-protection.mdx");
      const text = fs.readFileSync(file, "utf8");
      const at = text.indexOf(`  - section: "${target}"`);
      assert.ok(at >= 0, "the guide answers that section");
      const asks = text.indexOf("    asks:\n", at) + "    asks:\n".length;
      fs.writeFileSync(file, `${text.slice(0, asks)}      - "necesito el formulario zorblax"\n      - "donde lleno el zorblax de la comar"\n${text.slice(asks)}`);
      const after = withContentDir(dir, () => createEngine(loadKnowledgeBase(dir))).reply({ greeted: true, askedCountry: true, askedParticularities: true }, { text: question });
      assert.notEqual(before.section, target);
      assert.equal(after.section, target);
      assert.ok(after.text.startsWith(answerOf("asking-for-protection", "es", target) ?? "?"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
