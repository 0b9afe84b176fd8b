// The engine on the real content/: each published guide is found from a phrasing that is not
// one of its questions, and triage tells dangers from questions in every language.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createEngine } from "../../bot/engine/index";
import { buildRealKb } from "./engine-fixture";

const kb = buildRealKb();
const engine = createEngine(kb);
const has = (locale: string, id: string) => fs.existsSync(`content/guides/${locale}/${id}.mdx`);
const ask = (text: string) => engine.reply({ greeted: true, country: "skip", askedParticularities: true }, { text });

const unseen: [string, string, string][] = [
  ["es", "emergency-help", "a que numero de emergencia hablo si alguien me quiere lastimar"],
  ["es", "your-rights", "los menores migrantes tienen derechos aunque no tengan documentos?"],
  ["es", "before-you-go", "que debo preparar antes de salir de mi pais para viajar al norte"],
  ["es", "risks-on-the-route", "que tan peligroso es subir al tren de carga"],
  ["es", "trafficking-and-smuggling", "en que se diferencia la trata del trafico de migrantes"],
  ["es", "travelling-alone", "soy menor de edad y ando viajando sin mis papas"],
  ["es", "asking-for-protection", "como solicito refugio con la comar"],
  ["es", "meeting-authorities", "si me detiene migracion tengo que firmar los papeles"],
  ["es", "contact-your-family", "quiero llamar a mi familia pero no tengo telefono"],
  ["es", "consulate-help", "para que me sirve el consulado de mi pais"],
  ["es", "coming-back-home", "que pasa cuando te deportan de regreso a honduras"],
  ["es", "health-and-safety", "me enferme en el camino donde me dan atencion medica"],
  ["es", "girls-and-young-women", "mis papas me quieren obligar a casarme"],
  ["es", "discrimination", "me insultan en la calle por ser extranjero"],
  ["es", "school-and-documents", "me pueden inscribir en la escuela aunque no tenga papeles"],
  ["es", "referral-pathways", "trabajo en un albergue, a que institucion refiero a un niño no acompañado"],
  ["es", "talking-with-children", "trabajo en un albergue, como converso con un niño que acaba de llegar"],
  ["en", "asking-for-protection", "how can i apply for refugee status in mexico"],
  ["en", "school-and-documents", "can my son enroll in school without a birth certificate"],
  ["en", "trafficking-and-smuggling", "what is human trafficking exactly"],
  ["en", "asking-for-protection", "how do i aply for asylm"],
  ["es", "meeting-authorities", "q ago si m agarra la migra"],
  ["pt", "trafficking-and-smuggling", "o coiote pegou meus documentos"],
  ["fr", "meeting-authorities", "que faire si la police de l'immigration m'arrête"],
  ["fr", "contact-your-family", "comment appeler ma famille si je n'ai pas de téléphone"],
  ["ht", "asking-for-protection", "kijan pou m mande azil nan Meksik"],
  ["ht", "discrimination", "moun ap maltrete m paske m se migran"],
  // Since the guide on health care without papers exists, it is the better answer to "where can I get care".
  ["pt", "health-care-without-papers", "fiquei doente no caminho, onde posso ser atendido"],
  ["pt", "your-rights", "quais direitos eu tenho como criança migrante"],
  // The guides of issue 15.
  ["es", "gangs-and-displacement", "la mara nos amenazo y tuvimos que dejar la casa"],
  ["es", "papers-in-mexico", "como consigo la tarjeta humanitaria en mexico"],
  ["es", "asylum-refused", "la comar me nego el refugio que puedo hacer"],
  ["es", "virtual-kidnapping", "me llamaron y dicen que secuestraron a mi hija pero creo que es mentira"],
  ["es", "baby-born-on-the-route", "tuve a mi bebe en tapachula como le saco el acta"],
  ["es", "missing-family-member", "mi hermano desaparecio cuando cruzaba mexico"],
  ["es", "health-care-without-papers", "no tengo papeles me pueden atender en el hospital"],
  ["es", "voluntary-return", "quiero regresar a mi pais por mi cuenta hay ayuda"],
  ["es", "lgbti-on-the-route", "soy gay y me da miedo viajar"],
  ["es", "online-safety", "vi un anuncio en tiktok que ofrece trabajo en estados unidos"],
];

describe("real content", () => {
  for (const [locale, id, text] of unseen) {
    test(`finds ${id} (${locale}) from "${text}"`, { skip: !has(locale, id) && "guide not written yet" }, () => {
      const r = ask(text);
      assert.equal(r.locale, locale);
      assert.ok(r.guides.slice(0, 3).includes(id), `${text} → ${r.guides.join(", ") || "nothing"}`);
    });
  }

  const emergencies: [string, string][] = [
    ["es", "ayudenme, un señor nos tiene encerrados en un cuarto y no nos deja salir"],
    ["es", "se me perdio mi niña en el mercado y no la encuentro"],
    ["en", "a man is beating my mom right now and i am hiding"],
    ["en", "my friend is not breathing after crossing the river"],
    ["fr", "je veux mourir, je n'en peux plus"],
    ["fr", "des hommes ont enlevé mon frère et demandent une rançon"],
    ["ht", "yo kidnape frè m, yo mande lajan"],
    ["ht", "m pa vle viv ankò"],
    ["pt", "estão me batendo agora, me ajuda"],
    ["pt", "minha filha sumiu na rodoviária, perdi minha filha"],
    ["es", "un señor me esta tocando y no me deja ir"],
    ["en", "someone raped my sister last night"],
    ["pt", "meu filho desapareceu no abrigo"],
    ["pt", "socorro, estão batendo no meu filho agora"],
  ];
  for (const [locale, text] of emergencies)
    test(`treats "${text}" as an emergency in ${locale}, emergency guide first`, () => {
      const r = engine.reply(undefined, { text, country: "MX" });
      assert.equal(r.emergency, true);
      assert.equal(r.locale, locale);
      const mx = kb.countries.find((c) => c.code === "MX");
      const first = kb.resources.find((res) => res.id === mx?.emergency[0]);
      assert.ok(first && r.text.split("\n\n")[0]?.includes(first.phones[0]?.number ?? "?"), r.text);
    });

  const questions: [string, string][] = [
    ["es", "es peligroso el darien? dicen que hay secuestros y asaltos"],
    ["es", "a mi tio lo asaltaron en chiapas hace dos años"],
    ["en", "how common are kidnappings of migrants in mexico"],
    ["en", "my cousin was robbed last year near the border"],
    ["fr", "quels sont les risques d'agression sur la route"],
    ["ht", "eske gen anpil moun ki kidnape sou wout la"],
    ["pt", "é verdade que sequestram migrantes no méxico?"],
    ["es", "mi pasaporte no aparece, que hago"],
    ["es", "se me perdio el celular con todos los numeros"],
    ["fr", "mon passeport a disparu, que faire"],
  ];
  for (const [locale, text] of questions)
    test(`does not treat the question "${text}" (${locale}) as an emergency`, () => {
      assert.equal(engine.reply(undefined, { text }).emergency, false);
    });

  test("an answer from the extortion guide offers the anti-extortion line of the country the person is in", () => {
    const guide = kb.guides.find((g) => g.locale === "es" && g.topics[0] === "extortion");
    assert.ok(guide, "a Spanish guide should have extortion as its main topic");
    const r = engine.reply({ greeted: true, country: "GT", askedParticularities: true }, { text: "como se si es un secuestro virtual o una extorsion por telefono" });
    assert.equal(r.emergency, false, r.text);
    assert.equal(r.guides[0], guide.id);
    const line = kb.resources.find((res) => res.country === "GT" && res.kind === "anti-extortion" && res.phones.length > 0);
    assert.ok(line, "Guatemala should have an anti-extortion line with a phone");
    assert.ok(r.resources.includes(line.id), `${line.id} should be offered: ${r.resources.join(", ")}`);
    assert.ok(r.text.includes(line.phones[0]!.number), r.text);
  });
});
