// What the message says about the person shapes the reply, through the real engine and content:
// who is writing (a parent, staff, a teen), where they are (a town's line only in that town, an
// ambulance line first for someone ill, no questions about a country we do not serve), and small
// talk. Every message here was written for these tests; none is in any eval set.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEngine } from "../../bot/engine/index";
import { resourceBlock } from "../../bot/engine/compose";
import { loadKnowledgeBase } from "../../src/lib/kb-files";
import { withContentDir } from "./engine-fixture";

const kb = loadKnowledgeBase();
const engine = createEngine(kb);
const es = (key: string) => kb.strings["es"]?.[key] ?? `<${key}>`;
const en = (key: string) => kb.strings["en"]?.[key] ?? `<${key}>`;
const fresh = (text: string) => engine.reply({ greeted: true, askedCountry: true }, { text });
const questions = ["bot.askParticularities", "bot.askAge", "bot.askAlone"];

describe("who is writing", () => {
  test("a parent writing about their child is not asked whether they are under 18, and the child's age is not taken for theirs", () => {
    const r = fresh("mi hijo de 12 años quiere pedir asilo en mexico, como lo hacemos");
    for (const q of questions) assert.ok(!r.text.includes(es(q)), `${q} in: ${r.text}`);
    assert.equal(r.state.under18, undefined);
  });
  test("in English too", () => {
    const r = fresh("my daughter is 9, can she go to school in mexico without papers");
    for (const q of questions) assert.ok(!r.text.includes(en(q)), `${q} in: ${r.text}`);
  });
  test("staff are not asked about their own age", () => {
    const r = fresh("trabajo en un albergue en tapachula, como ayudo a un niño que quiere pedir asilo");
    for (const q of questions) assert.ok(!r.text.includes(es(q)), `${q} in: ${r.text}`);
  });
  test("staff who say only where they volunteer or that a child came to them are staff too: their staff guide, and no question about their own age", () => {
    for (const text of [
      "voluntaria en el albergue de tenosique, como le explico a una niña lo que es la procuraduria",
      "ong en san pedro sula, nos llego un niño de 13 que regreso solo, a quien lo refiero",
      "si un menor me cuenta que lo golpearon en el camino, a quien llamo, trabajo en el punto de informacion",
    ]) {
      const r = fresh(text);
      for (const q of questions) assert.ok(!r.text.includes(es(q)), `${q} in: ${r.text}`);
      assert.ok(r.guides.some((g) => kb.guides.find((x) => x.id === g)?.audience === "staff"), `${text}: ${r.guides.join(",")}`);
    }
  });
  test("a question the staff guides answer comes from staff, even in words the staff list lacks: the child's age and company are not taken for the writer's, nor asked", () => {
    const cases: [string, string][] = [
      ["es", "recibimos a una adolescente de 15 que viaja sola en la terminal de ciudad hidalgo, a que institucion la canalizamos"],
      ["en", "which office should a child of 14 travelling alone be referred to in costa rica? what is the protocol"],
      ["fr", "a qui doit-on signaler un garçon de 13 ans arrivé seul au panama, quelle institution le prend en charge"],
    ];
    for (const [locale, text] of cases) {
      const r = fresh(text);
      assert.equal(kb.guides.find((g) => g.id === r.guides[0])?.audience, "staff", `${text}: ${r.guides.join(",")}`);
      for (const q of questions) assert.ok(!r.text.includes(kb.strings[locale]?.[q] ?? `<${q}>`), `${q} in: ${r.text}`);
      assert.equal(r.state.under18, undefined, text);
      assert.equal(r.state.alone, undefined, text);
    }
    // What a young person said of themselves before stays theirs.
    const r = engine.reply({ greeted: true, askedCountry: true, under18: true }, { text: cases[0]![1] });
    assert.equal(r.state.under18, true);
  });
  test("staff telling of a child in danger get the country's emergency and child-protection lines for the child, not 'are you in danger?', and their staff guide", () => {
    // Mexico has no national child-protection line (content/countries/mx): the emergency line only.
    const cases: [string, string, string[], string][] = [
      ["es", "GT", ["emergency", "child-protection"], "trabajo como educadora en una casa hogar de quetzaltenango, una niña de 11 me conto que su padrastro la golpea, a quien aviso primero"],
      ["fr", "MX", ["emergency"], "je suis animatrice dans un centre à Tijuana, un garçon de 12 ans dit qu'on l'a frappé, comment faire le signalement"],
    ];
    for (const [locale, country, kinds, text] of cases) {
      const r = fresh(text);
      const say = (key: string) => kb.strings[locale]?.[key] ?? `<${key}>`;
      assert.equal(r.state.country, country, text);
      assert.ok(r.text.startsWith(say("bot.check.staff").split("{{")[0] as string), r.text);
      assert.ok(!r.text.includes(say("bot.check.question").split("{{")[0] as string), r.text);
      assert.ok(!r.quickReplies.some((q) => q.text === "#danger-yes"), "no yes/no buttons for staff");
      assert.equal(r.state.pending, undefined);
      const shown = r.resources.map((id) => kb.resources.find((x) => x.id === id));
      const first = r.text.split("\n")[0] as string;
      for (const kind of kinds) {
        const line = shown.find((x) => x?.kind === kind && x.country === country && x.phones[0] && first.includes(x.phones[0].number));
        assert.ok(line, `a ${kind} line of ${country} in the first line: ${r.text}`);
      }
      assert.equal(kb.guides.find((g) => g.id === r.guides[0])?.audience, "staff", `${r.guides[0]} for: ${text}`);
    }
  });
  test("a witness of an attack gets the calm line for someone who writes for another, not 'it is not your fault'", () => {
    const r = engine.reply(undefined, { text: "desde la ventana veo que un hombre esta golpeando a una señora en la parada del bus" });
    assert.equal(r.emergency, true);
    assert.ok(r.text.includes(es("bot.emergency.calmOther")), r.text);
    assert.ok(!r.text.includes(es("bot.emergency.calm")), r.text);
  });
  test("a parent telling of their child in danger gets the calm line for someone who writes for another, the person in danger the one for them", () => {
    const parent = fresh("mi hija de 3 años se desmayo y no respira bien, estamos en la terminal de tapachula");
    assert.equal(parent.urgency, "emergency", parent.text);
    assert.ok(parent.text.includes(es("bot.emergency.calmOther")), parent.text);
    assert.ok(!parent.text.includes(es("bot.emergency.calm")), parent.text);
    const child = fresh("un hombre me esta pegando ahorita y no me deja salir del cuarto");
    assert.equal(child.urgency, "emergency", child.text);
    assert.ok(child.text.includes(es("bot.emergency.calm")), child.text);
  });
  test("a teen who gave their age is asked only whether they travel without family", () => {
    const r = fresh("tengo 15 años, como pido asilo en mexico");
    assert.ok(r.text.includes(es("bot.askAlone")), r.text);
    assert.ok(!r.text.includes(es("bot.askParticularities")), r.text);
    assert.ok(r.quickReplies.some((q) => q.text === "#alone"));
    const after = engine.reply(r.state, { text: "#alone" });
    assert.equal(after.state.alone, true);
    assert.equal(after.state.under18, true);
  });
  test("an age said without a word for years, at the end of a sentence, is understood in four languages", () => {
    for (const text of [
      "ando sin mis papas, tengo 14. como pido asilo en mexico",
      "je voyage seule et j'ai 16, comment demander l'asile au mexique",
      "m ap vwayaje poukont mwen, m gen 13, kijan pou m mande azil nan meksik",
      "tô sem minha família, tenho 15! como peço refúgio no méxico",
    ]) {
      const r = fresh(text);
      assert.equal(r.state.under18, true, text);
      assert.equal(r.state.alone, true, text);
    }
  });
  test("a number after 'tengo' that goes on with days or money is not read as an age", () => {
    for (const text of ["tengo 15 dias en tapachula, como pido asilo", "tengo 12 dolares nada mas, donde puedo dormir en tapachula", "tengo 20, ¿cuánto cuesta el pasaporte?"]) {
      assert.equal(fresh(text).state.under18, undefined, text);
    }
  });
  test("a parent who says how many children they have is not asked whether they are under 18", () => {
    for (const [locale, text] of [
      ["es", "llegue con mis tres hijos a un albergue de tapachula, como pedimos asilo"],
      ["en", "i came with my 2 kids to a shelter in tapachula, how do we ask for asylum"],
      ["pt", "cheguei com meus dois filhos num abrigo em tapachula, como pedimos refúgio"],
    ] as const) {
      const r = fresh(text);
      for (const q of questions) assert.ok(!r.text.includes(kb.strings[locale]?.[q] ?? `<${q}>`), `${q} in: ${r.text}`);
    }
  });
  test("a teen who said they travel with family is asked only their age", () => {
    const r = fresh("viajo con mi mamá, como pido asilo en mexico");
    assert.equal(r.state.alone, false);
    assert.ok(r.text.includes(es("bot.askAge")), r.text);
    assert.ok(!r.text.includes(es("bot.askParticularities")), r.text);
  });
});

describe("where the person is", () => {
  test("just arrived in a country: they are there", () => {
    assert.equal(fresh("acabamos de llegar a honduras en el vuelo, que sigue").state.country, "HN");
  });
  test("a town that several countries have is settled by the country named right after it", () => {
    // San Vicente is a department of El Salvador and a reception station in Panama's Darién.
    assert.equal(fresh("m nan kan San Vicente Panama, ki moun pou m rele lannwit").state.country, "PA");
    assert.equal(fresh("estamos en san vicente, panama y mi hijo esta enfermo").state.country, "PA");
    assert.equal(fresh("estamos en san vicente y mi hijo esta enfermo").state.country, undefined);
  });
  test("a town they will fly or travel to is not where they are", () => {
    assert.equal(fresh("o coiote falou que a gente voa pra cancun e depois segue de carro, é seguro?").state.country, undefined);
    assert.equal(fresh("mi tio dice que volamos a cancun el lunes con los niños, que papeles piden").state.country, undefined);
    assert.equal(fresh("estamos en cancun, que papeles piden para los niños").state.country, "MX");
  });
  test("where their family stayed is not where they are", () => {
    for (const [text, there] of [
      ["mis papas se quedaron en honduras y yo vine con mi tia a mexico, puedo ir a la escuela aqui", "HN"],
      ["ma mere est restee en haiti, moi je suis avec mon oncle, ou dormir ce soir", "HT"],
      ["meus pais ficaram na venezuela, eu vim com minha tia, posso estudar aqui", "VE"],
      ["my mom stayed behind in guatemala, im with my uncle now, can i get a job", "GT"],
    ] as const) {
      const r = fresh(text);
      assert.notEqual(r.state.country, there, text);
    }
  });
  test("Colombia's side of the Darién has its own emergency lines: a child lost at Necoclí gets Colombia's numbers", () => {
    const r = fresh("tengo 10 y perdi a mi papa en el muelle de necocli, habia mucha gente");
    assert.equal(r.state.country, "CO");
    assert.ok(r.emergency);
    assert.ok(r.text.includes("123"), r.text);
  });
  test("a town they just left is most likely still their country, but not their town; a country left, or a town left months ago, is where they come from", () => {
    const left = fresh("salimos de comitan anoche en una camioneta, q papeles piden en los retenes");
    assert.equal(left.state.country, "MX");
    assert.notEqual(left.state.from, "MX");
    assert.equal(fresh("we left tecun uman this morning with my little brother, where can we sleep").state.country, "GT");
    assert.equal(fresh("salimos de honduras con mi hija, que papeles necesitamos").state.from, "HN");
    assert.equal(fresh("salimos de honduras con mi hija, que papeles necesitamos").state.country, undefined);
    assert.equal(fresh("salimos de san pedro sula hace meses y no se bien donde estamos").state.country, undefined);
    assert.equal(fresh("a gente saiu faz semanas, saimos de tapachula e agora nao sei onde").state.country, undefined);
  });
  test("the side of a border named without 'de' is where they are; 'ta no' says where they are too", () => {
    assert.equal(fresh("estamos en paso canoas lado panama, a donde vamos por comida").state.country, "PA");
    assert.equal(fresh("minha filha ta doente, a gente ta no panama ainda").state.country, "PA");
  });
  test("two countries named as lightly as each other: the bot does not guess, unless one is said to be where they are now", () => {
    // "en Tegucigalpa ... en Tapachula": either could be where they are; the other lines would be wrong.
    assert.equal(fresh("una señora en tegucigalpa ofrece a mi prima trabajo de mesera en tapachula, es confiable").state.country, undefined);
    assert.equal(fresh("el año pasado en guatemala nos robaron, ahora en tapachula ya estamos bien").state.country, "MX");
    assert.equal(fresh("ano passado na guatemala me roubaram, agora no mexico to bem").state.country, "MX");
  });
  test("in a country the hub does not serve: no 'which country are you in?', and it says it has no lines there", () => {
    const r = engine.reply({ greeted: true }, { text: "estoy en ecuador, como pido asilo en panama" });
    assert.ok(!r.text.includes(es("bot.askCountry")), r.text);
    assert.ok(r.text.includes(es("bot.notServed")), r.text);
  });
  test("in danger in a country the hub does not serve: no number of the region (it would not work there), the advice, and no country buttons", () => {
    for (const [locale, text] of [
      ["es", "estoy en ecuador y un tipo me pego en la cara, me sale sangre de la nariz"],
      ["en", "i'm in the us right now and a man keeps following me from the bus stop"],
      ["en", "i am 9 and i lost my mom when we got off the bus, we are in ecuador, help"],
    ] as const) {
      const r = engine.reply({ greeted: true }, { text });
      assert.equal(r.emergency, true, text);
      assert.ok(r.text.startsWith(kb.strings[locale]?.["bot.notServed"] ?? "<missing>"), r.text);
      assert.deepEqual(r.resources, [], `no line of the region: ${r.text}`);
      assert.ok(!r.quickReplies.some((q) => q.text.startsWith("#country-")), "no 'which country' buttons");
      assert.ok(r.text.split("\n\n").length > 2, `the advice follows: ${r.text}`);
    }
  });
  test("every answer where the country is known gives that country's emergency and child-protection lines, whatever the topic", () => {
    const questions = ["a que numero llamo si me roban", "como pido asilo", "donde consigo un abogado gratis", "como denuncio la trata de personas", "necesito un albergue para dormir", "me discriminan por ser indigena"];
    const phoned = (ids: readonly string[]) => ids.find((id) => kb.resources.find((r) => r.id === id)?.phones.length);
    for (const c of kb.countries) {
      const must = [phoned(c.emergency), phoned(c.childProtection)].filter((id): id is string => Boolean(id));
      assert.ok(must.length > 0, c.code);
      for (const q of questions) {
        const text = `estoy en ${c.names["es"]}, ${q}`;
        const r = engine.reply({ greeted: true }, { text });
        assert.equal(r.state.country, c.code, text);
        if (r.emergency) continue;
        for (const id of must) assert.ok(r.resources.includes(id), `"${text}": ${id} missing from ${r.resources.join(", ")}`);
      }
    }
  });
  test("an emergency reply lists no line of a town or state the person did not name", () => {
    const r = fresh("nos tienen encerrados en una casa en san luis potosi y piden dinero, ayuda");
    assert.equal(r.emergency, true);
    const cityBound = r.resources.filter((id) => kb.resources.find((x) => x.id === id)?.city);
    assert.deepEqual(cityBound, [], r.text);
  });
  test("someone ill or hurt gets the country's ambulance or rescue line first", () => {
    const gt = kb.countries.find((c) => c.code === "GT");
    assert.ok(gt?.medical.length, "Guatemala lists its medical lines");
    const r = fresh("mi abuelo se desmayo y no respira, estamos en quetzaltenango");
    assert.equal(r.emergency, true);
    assert.equal(r.resources[0], gt.medical[0], r.text);
    assert.equal(fresh("un hombre me esta pegando ahorita en quetzaltenango").resources[0], gt.emergency[0]);
  });
  test("a resource line whose numbers were already shown is left out", () => {
    const a = kb.resources.find((r) => r.phones[0]?.number === "911");
    assert.ok(a);
    const twin = { ...a, id: "twin", name: "Another name" };
    const block = resourceBlock("Help:", [a, twin]);
    assert.equal(block.split("\n").length, 2, block);
  });
  test("each number appears once in an emergency reply, even where the line's name holds it ('Número único de emergencias 911')", () => {
    const named = kb.resources.filter((r) => r.phones.some((p) => r.name.includes(p.number)));
    assert.ok(named.length > 0, "some resource names hold their number");
    for (const text of ["un hombre me sigue y tengo miedo, estoy en tapachula", "there is a man with a gun outside our room, we are in san pedro sula"]) {
      const r = fresh(text);
      assert.ok(r.emergency, text);
      const numbers = r.text.match(/(?<![\d-])\d{3,4}(?:-\d{4})?(?![\d-])/g) ?? [];
      assert.ok(numbers.length > 0, r.text);
      assert.equal(new Set(numbers).size, numbers.length, r.text);
    }
  });
  test("when the best answer is written for another country, the bot says it is not sure instead of giving it", () => {
    // Who may ask for refuge is answered for Mexico's law in a section written for Mexico only.
    for (const q of ["who can ask for refugee status here", "qui peut demander le statut de refugie ici", "quien puede pedir refugio aqui"]) {
      const inMexico = engine.reply({ greeted: true, askedCountry: true, country: "MX" }, { text: q });
      const mexican = kb.guides.flatMap((g) => g.sections).find((x) => x.answer && x.anchor === inMexico.section);
      assert.deepEqual(mexican?.answer?.countries, ["MX"], `in Mexico, the answer written for Mexico: ${inMexico.section}`);
      const inGuatemala = engine.reply({ greeted: true, askedCountry: true, country: "GT" }, { text: q });
      assert.notEqual(inGuatemala.section, inMexico.section, q);
      assert.ok(!inGuatemala.text.includes(mexican.answer.text), inGuatemala.text);
    }
  });
  test("an answer written for one country is not given to a person in another", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "situation-"));
    try {
      fs.cpSync(path.resolve("content"), dir, { recursive: true });
      const file = path.join(dir, "guides", "es", "asking-for-protection.mdx");
      const target = "cómo-se-pide-en-méxico";
      const text = fs.readFileSync(file, "utf8");
      const at = text.indexOf(`  - section: "${target}"`);
      assert.ok(at >= 0, "the guide answers that section");
      const cleaned = text.slice(0, at) + text.slice(at).replace(/\n    countries: \[[^\]]*\]/, "");
      const tagged = cleaned.slice(0, at) + `  - section: "${target}"\n    countries: ["MX"]` + cleaned.slice(at + `  - section: "${target}"`.length);
      fs.writeFileSync(file, tagged);
      const e = withContentDir(dir, () => createEngine(loadKnowledgeBase(dir)));
      const q = "como hago la solicitud para pedir refugio";
      assert.equal(e.reply({ greeted: true, country: "MX" }, { text: q }).section, target);
      assert.notEqual(e.reply({ greeted: true, country: "CR" }, { text: q }).section, target);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("where the person is from", () => {
  // The answers of one guide written for one nationality (content: answers[].nationals).
  const forNationals = (guide: string) =>
    (kb.guides.find((g) => g.id === guide && g.locale === "es")?.sections ?? []).filter((x) => x.answer?.nationals.length).map((x) => ({ anchor: x.anchor, nationals: x.answer!.nationals }));
  test("a question about new documents gets the answer for the person's own nationality, never another's", () => {
    const sections = forNationals("school-and-documents");
    assert.ok(sections.length >= 2, "the guide has answers for several nationalities");
    const q = "estoy en mexico y perdi mi partida de nacimiento, donde saco otra";
    for (const { nationals } of sections) {
      const code = nationals[0] as string;
      const r = engine.reply({ greeted: true, askedCountry: true, country: "MX", from: code }, { text: q });
      const answered = sections.find((x) => x.anchor === r.section);
      assert.ok(!answered || answered.nationals.includes(code as never), `${code}: answered ${r.section}`);
    }
    // Someone from a country with no answer of its own gets none written for another nationality.
    const r = engine.reply({ greeted: true, askedCountry: true, country: "MX", from: "CM" }, { text: q });
    assert.ok(!sections.some((x) => x.anchor === r.section), `answered ${r.section}`);
  });
});

describe("small talk", () => {
  test("a message about something else says what the bot is for, and offers no guide", () => {
    for (const text of ["quien gano el partido del barça ayer", "what's the weather like tomorrow", "vc sabe quem ganhou o jogo ontem"]) {
      const r = fresh(text);
      assert.deepEqual(r.guides, [], r.text);
      assert.ok(r.text.startsWith((kb.strings[r.locale] ?? {})["bot.offTopic"] ?? "?"), r.text);
    }
  });
  test("a message about something else that also hints at a danger gets the confirm step, never 'that is not what I do'", () => {
    const r = fresh("cual es la capital de francia, nadie me quiere");
    assert.equal(r.urgency, "check", r.text);
    assert.ok(!r.text.includes(es("bot.offTopic")), r.text);
  });
  test("'how are you' greetings are greetings, in five languages", () => {
    for (const [locale, text] of [["es", "buenas, como esta?"], ["en", "hey how r u"], ["fr", "salut, comment ça va"], ["ht", "bonjou, kòman ou ye"], ["pt", "olá, tudo bom?"]] as const) {
      const r = fresh(text);
      assert.equal(r.guides.length, 0, `${text}: ${r.guides.join(",")}`);
      assert.ok(r.text.startsWith(kb.strings[locale]?.["bot.greeting"] ?? "<greeting>"), `${text}: ${r.text}`);
    }
  });
  test("asking whether it is a person or a machine is answered with what the bot is, not taken as a request for a person", () => {
    for (const [locale, text] of [["en", "am i talking to a machine or a human?"], ["pt", "você é um robô ou uma pessoa de verdade?"], ["es", "eres una persona real o un bot?"], ["en", "who r u"], ["fr", "t es qui toi"], ["ht", "kiyes ou ye"]] as const) {
      const r = fresh(text);
      assert.ok(r.text.startsWith(kb.strings[locale]?.["bot.identity"] ?? "<identity>"), `${text}: ${r.text}`);
    }
  });
  test("a real question is not taken for one about something else", () => {
    for (const text of ["como pido asilo en mexico", "my son has a fever, where can i take him", "ki kote m ka jwenn yon avoka gratis"]) assert.notEqual(fresh(text).guides.length, 0, text);
  });
  test("thanks with praise is thanks, not a guide", () => {
    for (const [text, key] of [["gracias, me sirvio mucho", "bot.thanks"], ["thank you so much, really helpful", "bot.thanks"]] as const) {
      const r = fresh(text);
      assert.deepEqual(r.guides, [], r.text);
      assert.ok(r.text.startsWith((kb.strings[r.locale] ?? {})[key] ?? "?"), r.text);
    }
  });
});
