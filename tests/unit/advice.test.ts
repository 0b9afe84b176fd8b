// The advice after the emergency numbers fits the danger the message describes, through the real
// engine and the real content (content/bot/emergencies.yaml, content/bot/danger.yaml). Every
// message here was written for this test only: never from content/bot/triage/ or an eval set.
// The expected words are read from the loaded content, so editing a text does not break a test;
// choosing the wrong advice does.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createEngine } from "../../bot/engine/index";
import { loadKnowledgeBase } from "../../src/lib/kb-files";
import { compileDangerSignals } from "../../src/lib/nlp/danger-signals";
import { spellers, triageWords } from "../../src/lib/triage-model";
import { createTriage } from "../../bot/engine/triage";

const kb = loadKnowledgeBase();
const engine = createEngine(kb);
const adviceFile = kb.lexicon.emergencies.advice;
const signalsOf = compileDangerSignals(kb.lexicon.danger);
const spell = spellers(kb.lexicon.phrases);

const text = (key: string, locale: string) => adviceFile[key]?.text[locale] ?? adviceFile[key]?.text["es"] ?? "";
/** The advice keys whose phrases the message calls, before any `replaces` is applied. */
const called = (message: string, locale: string) => signalsOf(triageWords(message, spell(locale)), locale).advice;

/** Each message, a fresh conversation, gets an emergency reply with the advice `shows` (when given) and none of `hides`. */
function assertAdvice(messages: readonly (readonly [locale: string, text: string])[], expect: { shows?: string; hides?: readonly string[] }) {
  for (const [locale, message] of messages) {
    const r = engine.reply(undefined, { text: message });
    assert.ok(r.emergency, message);
    if (expect.shows) assert.ok(r.text.includes(text(expect.shows, locale)), `${expect.shows}: ${r.text}`);
    for (const key of expect.hides ?? []) assert.ok(!r.text.includes(text(key, locale)), `${key}: ${r.text}`);
  }
}

/** Per new key: messages (locale, text) that call for it. The first is Spanish, the others in other languages. */
const cases: Record<string, [string, string][]> = {
  // An adult courting a child by messages: keep the proof, protect the child (not only "after a rape").
  grooming: [
    ["es", "un muchacho de 24 años del albergue le escribe a mi sobrina de 14 que la ama y que se vean solos en la noche"],
    ["en", "a 30 year old man from the shelter keeps messaging my niece, shes 13, says he loves her and wants to meet her alone"],
    ["fr", "un homme de 28 ans du foyer ecrit a ma fille de 14 ans qu il l aime et il veut la voir seule ce soir"],
    ["ht", "yon gason 25 an nan abri a ap voye mesaj bay nyès mwen 13 an, li di l renmen l e li vle we l pou kont li"],
    ["pt", "um cara de 26 anos do abrigo manda mensagem pra minha sobrinha de 13 dizendo que ama ela e quer ver ela sozinha"],
  ],
  // A child alone who hid is told to find adults who help, never to stay hidden.
  "separated-child": [
    ["es", "tengo 9 años, la migra subio a mi papa a una patrulla y yo me escondi detras de un puesto del mercado, estoy solito"],
    ["en", "im 10, my mom got taken by immigration at the bus stop and i hid behind the bins, now im alone"],
  ],
  threat: [
    ["es", "unos tipos me amenazaron que si no me voy del albergue me van a matar"],
    ["en", "a gang member keeps texting me that they will kill my mother tonight, im scared"],
    ["ht", "yo di y ap touye fanmi m si m pa peye, m pè anpil kounya"],
  ],
  "searching-for-child": [
    ["es", "no encuentro a mi hija de 6 años en la terminal, ayuda por favor"],
    ["fr", "je ne trouve plus ma fille de 5 ans au marché, aidez moi"],
    ["pt", "minha filha sumiu na rodoviária agora, ela tem 4 anos"],
  ],
  "police-extortion": [
    ["es", "la policia nos bajo del bus y nos esta pidiendo dinero para dejarnos seguir"],
    ["fr", "des policiers nous demandent de l'argent au barrage sinon ils nous gardent"],
    ["pt", "os policiais estão pedindo dinheiro pra gente passar agora"],
    ["en", "the police at the checkpoint are asking us for money or they will arrest us now"],
    ["ht", "lapolis ap mande nou lajan pou kite nou pase la a"],
  ],
  "trapped-vehicle": [
    ["es", "estamos encerrados en la caja de un trailer y ya casi no hay aire"],
    ["en", "we are locked in a truck container and cant breathe, please help"],
    ["pt", "estamos trancados num caminhão fechado e falta ar"],
  ],
  hiding: [
    ["es", "estoy escondida en un baño porque el hombre que me perseguia esta afuera"],
    ["en", "im hiding behind a building, the men chasing me are still looking for me"],
    ["fr", "je suis cachée dans les toilettes, l'homme qui me poursuit est dehors"],
    ["fr", "deux types armés attendent devant le foyer, on se cache sous les lits avec ma sœur"],
    ["es", "los que me amenazaron estan afuera de la casa y dicen que me van a matar"],
    ["en", "the gang guys are outside our house and say they will kill my brother"],
  ],
  "baby-sick": [
    ["es", "mi bebe esta deshidratado, llora sin lagrimas y la mollera hundida"],
    ["en", "my baby is 2 months and wont feed, she is vomiting everything"],
    ["ht", "bebe m gen dyare depi yè, li pa vle tete ditou"],
    ["fr", "mon bébé de 4 mois a la diarrhée et ne veut plus téter"],
  ],
  cold: [
    ["es", "estamos perdidos en el monte y hace mucho frio, mi hermano no para de temblar"],
    ["en", "we are stuck on the mountain at night, its freezing and my friend is shivering and confused"],
    ["fr", "il fait très froid cette nuit, mon fils tremble et ses vêtements sont mouillés"],
  ],
  overdose: [
    ["es", "mi amiga se tomo un frasco de pastillas y esta muy dormida"],
    ["en", "my sister took a whole bottle of pills and wont wake up properly"],
    ["pt", "minha amiga tomou muitos comprimidos e está passando mal"],
    ["fr", "mon frère a avalé des médicaments, toute la boîte"],
  ],
  "pregnancy-bleeding": [
    ["es", "estoy embarazada de 5 meses y estoy sangrando mucho"],
    ["fr", "je suis enceinte et je saigne depuis ce matin"],
    ["ht", "madanm mwen ansent e l ap senyen anpil"],
  ],
  detained: [
    ["es", "tengo 15 y me agarro migracion en chiapas, me tienen encerrado con adultos y me quieren hacer firmar un papel que no entiendo"],
    ["en", "im 16 and immigration has me locked in a room at the airport, they want me to sign something"],
    ["fr", "la migration m'a arrêté à Tapachula, j'ai 14 ans, ils m'enferment et veulent que je signe"],
    ["en", "officers are holding us at the airport since last night and wont let my mom call anyone"],
  ],
  "ransom-family": [
    ["es", "secuestraron a mi hermano en reynosa y piden 5 mil dolares de rescate, que hacemos"],
    ["en", "they kidnapped my son in tamaulipas and are asking ransom, we are in honduras"],
    ["fr", "ont enlevé mon mari à Tapachula, ils demandent une rançon"],
    ["es", "secuestraron a mi hija saliendo de la escuela, ya hubo una llamada pidiendo rescate"],
  ],
  witness: [
    ["es", "desde la ventana veo que un hombre esta golpeando a una señora en la parada del bus"],
    ["en", "im watching two guys hitting a boy behind the gas station right now, what do i do"],
    ["pt", "vejo um homem agredindo uma mulher no ponto de ônibus agora"],
    ["fr", "je vois deux hommes frapper un garçon derrière la station-service, que faire"],
    ["ht", "m ap gade de nèg k ap bat yon timoun bò mache a kounye a"],
  ],
  "child-abused": [
    ["es", "mi hija de 7 me conto que su padrastro la toco anoche, que hago"],
    ["en", "my son is 9 and he just told me the man at the shelter touched him this morning"],
    ["fr", "ma nièce de 11 ans dit que le gardien l'a touchée cette nuit au foyer"],
    ["pt", "minha filha de 8 anos contou que o vizinho mexeu com ela hoje de manhã"],
  ],
  river: [
    ["es", "la corriente del rio se llevo a mi primo, lo estamos viendo"],
    ["en", "my brother was swept away by the river current just now"],
    ["ht", "kouran dlo larivyè a pote frè m ale"],
    ["es", "mi tio se esta ahogando, el rio crecio y no puede salir"],
    ["pt", "minha prima está se afogando na correnteza, não consegue sair"],
    ["fr", "mon ami se noie dans le fleuve, on le voit depuis le pont"],
    ["es", "nos perdimos en la selva y la corriente del rio se llevo a mi hermana, la vemos agarrada de una rama"],
  ],
  flood: [
    ["es", "el rio esta creciendo y estamos atrapados en una piedra en medio, no podemos regresar a la orilla"],
    ["en", "the water is rising around our tent at the camp and the kids are scared, we cant get out"],
    ["fr", "l'eau monte autour de la tente, on est bloqués au camp avec les enfants"],
    ["ht", "dlo a ap monte tout kote, nou bloke sou yon wòch ak timoun yo"],
    ["pt", "o rio está subindo e estamos ilhados com as crianças, não dá pra voltar"],
    ["es", "nos perdimos en la selva y el arroyo va creciendo, el agua ya nos llega a las rodillas"],
  ],
  // Someone taken by force before the writer's eyes: call now and describe the vehicle, not "do not step in".
  "taken-seen": [
    ["es", "vi que unos hombres armados subieron a un muchacho a una camioneta roja frente al parque, se fueron por la avenida"],
    ["en", "i saw two men grab a boy and push him into a silver van at the market just now"],
    ["fr", "je viens de voir des hommes embarquer une fille dans une voiture noire devant la gare"],
    ["ht", "m wè de nèg pran yon tigason mete l nan yon machin wouj bò pak la"],
    ["pt", "vi uns homens puxarem um menino pra dentro de uma van cinza agora na praça"],
  ],
  // Sexual violence with the abuser still near or coming back: get away from them first.
  "abuser-near": [
    ["es", "me violo un hombre del grupo y sigue aqui en la bodega con nosotros, no puedo salir"],
    ["en", "my cousin raped me and he still lives with us, he comes home tonight"],
    ["fr", "il m a violée et il est encore dans la chambre d a coté"],
    ["ht", "li vyole m e li toujou nan menm kay la avè m"],
    ["pt", "ele me estuprou e ainda ta aqui no quarto do lado"],
  ],
  // Sex demanded now as the price of passing, of being guided on or of not being left behind: it has not happened yet, so not the care after an assault first.
  "sexual-coercion": [
    ["es", "el policia del retén me dice q si no me voy con el a la patrulla no deja pasar a mi familia, tengo 15"],
    ["en", "the guide says i have to sleep with him tonight or he abandons me and my baby by the river"],
    ["fr", "le passeur exige que ma fille de 14 ans passe la nuit avec lui sinon il nous laisse a la frontiere"],
    ["ht", "gid la di si m pa kouche avè l aswè a l ap kite nou nan bwa a, m gen 15 an"],
    ["pt", "o coiote disse que minha filha tem que ficar com ele essa noite senao ele abandona a gente no deserto"],
  ],
  // A threat waiting outside the shelter or the house: stay inside and tell the staff, not "go to a safer place".
  "threat-outside": [
    ["es", "me amenazaron de muerte y ahora los tipos estan parados enfrente del albergue esperando que salga"],
    ["en", "the gang that threatened me is waiting outside the shelter, they said when i leave they will kill me"],
    ["fr", "ils m ont menacé et ils attendent devant le foyer, ils disent quand je sors ils me tuent"],
    ["ht", "yo menase m e kounya yo kanpe devan abri a ap tann mwen"],
    ["pt", "me ameaçaram e agora tao parados na frente do abrigo esperando eu sair"],
  ],
  "trafficking-family": [
    ["es", "a mi hermana la obligan a trabajar en un bar en tapachula y le quitaron sus papeles, que hago"],
    ["en", "they are forcing my daughter to work in a bar in monterrey, she says they took her passport"],
    ["fr", "ils obligent ma fille à travailler dans un bar à Tapachula, ils ont gardé son passeport"],
    ["ht", "yo fòse sè m nan travay nan yon ba nan Tapachula, yo pran paspò l"],
    ["pt", "estão obrigando minha irmã a trabalhar num bar em Tapachula e pegaram o passaporte dela"],
  ],
};

/**
 * The older advice each precise key must not appear beside, when the words call for both: it
 * would tell the person the opposite (go to a busy place / stay hidden; stay in the shade / get
 * warm; press on the wound / go to a health service for bleeding in pregnancy).
 */
const mustHide: Record<string, string[]> = {
  "searching-for-child": ["separated-child"],
  "separated-child": ["hiding"],
  "trapped-vehicle": ["held"],
  hiding: ["followed", "threat"],
  "baby-sick": ["heat"],
  cold: ["lost-outdoors"],
  "pregnancy-bleeding": ["bleeding", "labour"],
  river: ["lost-outdoors", "flood"],
  flood: ["lost-outdoors"],
  "trafficking-family": ["trafficking"],
  detained: ["held"],
  witness: ["violence"],
  "ransom-family": ["extortion-call"],
  "child-abused": ["sexual-violence"],
  "abuser-near": ["sexual-violence"],
  "threat-outside": ["threat"],
  "taken-seen": ["witness"],
};

describe("the order of the advice", () => {
  test("someone drowning in a river: the rescue from the bank comes before the chest compressions", () => {
    for (const [locale, message] of [
      ["es", "mi tio se esta ahogando, el rio crecio y no puede salir"],
      ["en", "my cousin is drowning in the river, the current is too strong"],
    ] as const) {
      const r = engine.reply(undefined, { text: message });
      const river = r.text.indexOf(text("river", locale));
      assert.ok(river >= 0, r.text);
      const chest = r.text.indexOf(text("not-breathing", locale));
      if (chest >= 0) assert.ok(river < chest, `river advice first: ${r.text}`);
    }
  });
});

/**
 * Situations whose advice must fit who is speaking and what happens to them: each message, a fresh
 * conversation, gets an emergency reply showing `shows` and none of `hides`.
 */
const situations: { name: string; messages: [string, string][]; expect: { shows?: string; hides?: string[] } }[] = [
  {
    name: "men demanding money in person get no advice about a phone trick or about a relative held elsewhere",
    messages: [
      ["es", "hay unos hombres armados en la puerta del cuarto, dicen que si no les pagamos hoy nos matan a mi y a mi hermanito"],
      ["en", "two men with guns at the gate of the shelter say pay them 500 tonight or they kill us"],
      ["ht", "de nèg ak zam kanpe devan pòt la, yo di si nou pa peye yo aswè a y ap touye nou"],
      ["es", "los policias nos tienen en la patrulla desde la mañana y dicen que no nos sueltan si no les damos 200 dolares"],
      ["pt", "os policiais prenderam eu e meu marido numa sala e dizem que so soltam se a gente pagar 300 dolares"],
      ["ht", "gad yo kenbe m ak pitit mwen nan yon biwo, yo mande 200 dola pou yo lage nou"],
      ["fr", "des policiers me retiennent avec mon frère dans un poste, ils veulent 300 dollars pour nous lâcher"],
    ],
    expect: { hides: ["extortion-call", "ransom-family"] },
  },
  {
    name: "people told on the phone that their threateners are coming get the advice for a threat, not 'hang up, it is a trick' nor the advice for a captive's family",
    messages: [
      ["es", "el coyote mando audio, dice que ya saben donde estamos y que vienen esta noche por nosotros"],
      ["en", "they called again, they are coming tonight to the motel to hurt us"],
      ["ht", "yo rele m ankò, yo di y ap vini aswè a pou touye nou"],
      ["pt", "ligaram de novo dizendo que estão vindo pro hotel pra matar a gente hoje"],
    ],
    expect: { shows: "threat", hides: ["extortion-call", "ransom-family"] },
  },
  {
    name: "a parent who calls their daughter by a regional word (cipota, chamaca) gets the advice for the family of someone exploited",
    messages: [
      ["es", "mi cipota esta en una cantina en san salvador, la obligan a atender hombres y no la sueltan"],
      ["es", "a mi chamaca le prometieron trabajo de niñera y ahora la tienen encerrada en una casa"],
    ],
    expect: { shows: "trafficking-family", hides: ["trafficking", "held"] },
  },
  {
    name: "someone who is being hit gets no advice for a witness ('do not step in')",
    messages: [
      ["es", "un tipo me esta golpeando en el baño del albergue, ayuda"],
      ["en", "a guy is punching me behind the store right now"],
      ["pt", "um homem ta me batendo aqui no quarto agora"],
      ["fr", "un homme me frappe dans la chambre en ce moment"],
    ],
    expect: { hides: ["witness"] },
  },
  {
    name: "someone raped in front of their child gets the advice for the person it happened to, not the one for a carer",
    messages: [
      ["es", "me violaron anoche delante de mi hijo, estoy sangrando"],
      ["en", "he raped me last night in front of my son, i am hurting"],
    ],
    expect: { shows: "sexual-violence", hides: ["child-abused"] },
  },
  {
    name: "a child telling of their own abuse gets the advice for the person it happened to, not the one for a carer",
    messages: [
      ["en", "im 13 and my uncle comes in my bed at night and touches me, my mom works nights, he is home now"],
      ["es", "tengo 12, el señor que nos renta el cuarto me toca cuando mi mama no esta y hoy vuelve"],
    ],
    expect: { hides: ["child-abused"] },
  },
  {
    name: "someone telling of a relative about to take their own life gets the self-harm advice",
    messages: [
      ["es", "mi primo esta en el puente y dice que se va a aventar, ya no quiere vivir"],
      ["pt", "meu irmao subiu no viaduto e disse que vai se jogar, nao quer mais viver"],
    ],
    expect: { shows: "self-harm" },
  },
  {
    name: "a child alone whose parent did not come back gets the separated child's advice",
    messages: [
      ["es", "tengo 11 y mi mama no volvio al albergue desde anoche, estoy sola"],
      ["pt", "tenho 12, meu pai saiu ontem e nao voltou, to sozinho no hotel"],
    ],
    expect: { shows: "separated-child", hides: ["searching-for-child"] },
  },
  {
    name: "someone who locked themself in away from an attacker gets the advice to stay hidden, not the witness's",
    messages: [
      ["es", "me encerre en el baño del cuarto porque mi padrastro me quiere pegar, esta afuera gritando"],
      ["en", "i locked myself in the bathroom, my boyfriend is hitting the door"],
    ],
    expect: { shows: "hiding", hides: ["witness"] },
  },
  {
    name: "someone who locked themself in to hide ('me encerré') is not told what to do as a captive, and someone locked in ('nos encerró') is not told to hide",
    messages: [
      ["es", "mi tio me esta golpeando, me encerre en el cuarto de mi prima y sigue tocando"],
      ["es", "nos encerramos en el baño de la gasolinera porque unos tipos nos quieren pegar"],
    ],
    expect: { hides: ["held"] },
  },
  {
    name: "someone locked in by others gets the advice for being held, not the advice to stay hidden",
    messages: [["es", "el guia nos encerro en una bodega y se fue con la llave, somos 12"]],
    expect: { shows: "held", hides: ["hiding"] },
  },
  {
    name: "the family of someone grabbed in person for money gets the advice for a captive's family, not the witness's",
    messages: [
      ["en", "help, some guys grabbed my cousin at the terminal in tapachula and they are asking 2000 or they will hurt him"],
      ["fr", "des hommes ont attrapé mon frère à la sortie du bus, ils demandent 1000 dollars pour le lâcher"],
      ["es", "secuestraron a mi hijo en la frontera y me piden 3 mil dolares, que hago"],
    ],
    expect: { shows: "ransom-family", hides: ["witness", "taken-seen"] },
  },
  {
    name: "someone pushed into a car themself gets the advice for being held, not the one for a witness of someone taken",
    messages: [
      ["es", "me subieron a una camioneta a la fuerza, no se a donde me llevan"],
      ["en", "they grabbed me and threw me in a van, i dont know where we are going"],
      ["pt", "me jogaram num carro a força, to no porta malas"],
    ],
    expect: { hides: ["taken-seen"] },
  },
  {
    name: "a smuggler threatening to abandon them unless they pay, with no word of sex asked, gets neither the advice for sex demanded nor the care after an assault",
    messages: [
      ["es", "el coyote dice q si mi mama no paga esta noche nos deja tirados en el monte, tengo 14"],
      ["en", "the guide says if we dont pay him more tonight he leaves us in the jungle, im 15"],
      ["fr", "le passeur dit que si on paye pas ce soir il nous abandonne a la frontiere"],
      ["pt", "o coiote falou que se a gente nao pagar hoje a noite ele larga a gente no rio"],
      ["ht", "gid la di si nou pa peye l aswè a l ap kite nou nan bwa a"],
    ],
    expect: { hides: ["sexual-coercion", "sexual-violence"] },
  },
  {
    name: "someone forced to work by a relative gets the advice for the person exploited, not the one for their family",
    messages: [
      ["es", "mi tio me obliga a trabajar en su milpa todo el dia y tiene mis papeles, no me deja irme"],
      ["en", "my uncle is forcing me to work at his shop all day and he keeps my passport, i cant leave"],
    ],
    expect: { shows: "trafficking", hides: ["trafficking-family"] },
  },
  {
    name: "someone exploited at work who says where they work is not taken for staff: the emergency stays one",
    messages: [
      ["en", "i work at a bar in monterrey and the owner keeps my passport, he wont let me leave"],
      ["ht", "m travay nan yon chan nan Chiapas, patwon an kenbe paspò m e li pa kite m ale"],
      ["pt", "trabalho numa casa em Tapachula e a patroa pegou meus documentos, não me deixa sair"],
      ["es", "trabajo en una casa de familia en tuxtla y la señora me quito mis papeles, no me deja salir"],
    ],
    expect: { shows: "trafficking" },
  },
];

describe("advice that fits the danger", () => {
  test("every key tested here exists, in the five languages, with a source", () => {
    for (const key of Object.keys(cases)) {
      const a = adviceFile[key];
      assert.ok(a, key);
      for (const locale of kb.locales.map((l) => l.code)) assert.ok(a.text[locale], `${key} ${locale}`);
      assert.ok(a.sources.length > 0, key);
    }
  });

  for (const [key, messages] of Object.entries(cases)) {
    for (const [locale, message] of messages) {
      test(`gives the ${key} advice (${locale}): ${message}`, () => {
        const r = engine.reply(undefined, { text: message });
        assert.equal(r.urgency, "emergency", `${r.urgency} ${r.dangers.join(",")}`);
        assert.equal(r.locale, locale, "the reply is in the message's language");
        const expected = text(key, locale);
        assert.ok(expected && r.text.includes(expected), r.text);
      });
      // The older advice this message's words also call for, which would contradict the precise one.
      const contradicting = (mustHide[key] ?? []).filter((other) => called(message, locale).includes(other));
      if (contradicting.length)
        test(`does not also show ${contradicting.join(", ")} beside ${key} (${locale}): ${message}`, () => {
          const r = engine.reply(undefined, { text: message });
          for (const other of contradicting) assert.ok(!r.text.includes(text(other, r.locale)), `${other} is shown too:\n${r.text}`);
        });
    }
  }

  test("each precise key is tested with a message that also calls the older advice it must hide", () => {
    for (const [key, hidden] of Object.entries(mustHide))
      for (const other of hidden)
        assert.ok(
          (cases[key] ?? []).some(([locale, m]) => called(m, locale).includes(other)),
          `${key}: no message calls ${other}, so hiding it is never tested`,
        );
  });

  test("a threat with no more precise words gets the threat advice, not the advice for being followed", () => {
    assert.equal(kb.lexicon.danger.kinds.threats?.advice, "threat");
    const r = engine.reply(undefined, { text: "los de la pandilla dijeron que me van a matar esta noche" });
    assert.equal(r.urgency, "emergency");
    assert.ok(r.text.includes(text("threat", "es")), r.text);
    assert.ok(!r.text.includes(text("followed", "es")), r.text);
  });

  test("someone who took pills gets the overdose advice first, and the self-harm advice after it", () => {
    const r = engine.reply(undefined, { text: "mi amiga se tomo un frasco de pastillas y esta muy dormida" });
    const overdose = r.text.indexOf(text("overdose", "es"));
    const selfHarm = r.text.indexOf(text("self-harm", "es"));
    assert.ok(overdose >= 0, r.text);
    assert.ok(selfHarm < 0 || overdose < selfHarm, r.text);
  });

  test("a child who lost a parent still gets the advice for a separated child, not the parent's", () => {
    const r = engine.reply(undefined, { text: "soy niña y no encuentro a mi papá, estoy sola en la terminal" });
    assert.ok(r.text.includes(text("separated-child", "es")), r.text);
    assert.ok(!r.text.includes(text("searching-for-child", "es")), r.text);
  });

  test("a phone call saying the police hold a relative gets the advice for an extortion call, not for officials asking in person", () => {
    const message = "la policia me llamo, dicen que tienen a mi hijo detenido y piden dinero para soltarlo";
    assert.ok(called(message, "es").includes("police-extortion"), "the message calls both");
    const r = engine.reply(undefined, { text: message });
    assert.ok(r.text.includes(text("extortion-call", "es")), r.text);
    assert.ok(!r.text.includes(text("police-extortion", "es")), r.text);
  });

  for (const { name, messages, expect } of situations) test(name, () => assertAdvice(messages, expect));

  test("a call or a message from the people who demand money still gets the advice for a phone trick", () => {
    for (const [locale, message] of [
      ["fr", "un numéro inconnu vient de m'appeler, ils disent qu'ils ont ma sœur et veulent de l'argent tout de suite"],
      ["en", "got a whatsapp from a mexican number saying they have my nephew, i must send money in one hour"],
    ] as const) {
      const r = engine.reply(undefined, { text: message });
      assert.ok(r.text.includes(text("extortion-call", locale)) || r.text.includes(text("ransom-family", locale)), r.text);
    }
  });

  test("someone who has pills but took none gets no overdose advice", () => {
    const r = engine.reply(undefined, { text: "me quiero matar, tengo las pastillas aqui" });
    assert.ok(r.text.includes(text("self-harm", "es")), r.text);
    assert.ok(!r.text.includes(text("overdose", "es")), r.text);
  });

  test("a beating by the police still gets the advice for violence when no money is asked", () => {
    const r = engine.reply(undefined, { text: "los policias nos golpearon en el reten, mi amigo esta herido" });
    assert.ok(r.text.includes(text("violence", "es")), r.text);
    assert.ok(!r.text.includes(text("police-extortion", "es")), r.text);
  });

  test("someone who fainted in the heat gets the heat advice first, not only the advice for someone unconscious", () => {
    for (const [locale, message] of [
      ["es", "mi tio se desmayo caminando bajo el sol, esta ardiendo y no contesta"],
      ["en", "my brother passed out walking in the sun, his skin is burning hot and he wont answer"],
      ["fr", "mon oncle s est evanoui en marchant au soleil, il est brulant et ne repond pas"],
      ["pt", "meu irmao desmaiou andando no sol, ta muito quente e nao responde"],
    ] as const) {
      assert.ok(called(message, locale).includes("not-breathing"), `the words call for the unconscious advice: ${message}`);
      const r = engine.reply(undefined, { text: message });
      const heat = r.text.indexOf(text("heat", locale));
      assert.ok(heat >= 0, r.text);
      const chest = r.text.indexOf(text("not-breathing", locale));
      if (chest >= 0) assert.ok(heat < chest, `heat advice first: ${r.text}`);
    }
  });

  test("someone who sees a person being beaten gets the advice for a witness, not the victim's", () => {
    assertAdvice(
      [
        ["es", "estoy viendo como un hombre le pega a una señora en la calle ahorita"],
        ["pt", "to vendo um homem batendo numa mulher aqui na rua agora"],
      ],
      { shows: "witness", hides: ["violence"] },
    );
  });
});

describe("advice written for one place or one condition only where the message shows it", () => {
  test("blood coughed up after a beating is not bleeding in a pregnancy; bleeding in a pregnancy is", () => {
    assertAdvice(
      [
        ["es", "unos guardias le pegaron a mi hermano de 16 en la estacion y ahora escupe sangre y no quiere ir al medico"],
        ["fr", "des gardes ont battu mon cousin de 15 ans, il crache du sang depuis ce matin"],
      ],
      { hides: ["pregnancy-bleeding"] },
    );
    assertAdvice([["es", "estoy embarazada de 6 meses y estoy sangrando mucho desde hace una hora"]], { shows: "pregnancy-bleeding" });
  });
  test("a danger in the Darién or the desert is not being lost there: no 'stay where you are, in the shade' unless they are lost, left behind or without water", () => {
    assertAdvice(
      [
        ["es", "el guia que nos lleva por el darien le pega a mi hijo de 10 cada noche en la carpa y le sangra la nariz"],
        ["pt", "o guia que leva a gente pelo darien mexendo na minha sobrinha de 11 de noite na barraca, ela chora e pede pra parar"],
      ],
      { hides: ["lost-outdoors"] },
    );
    assertAdvice([["es", "nos dejaron en el desierto hace dos dias, ya no tenemos agua y mi papa no puede caminar"]], { shows: "lost-outdoors" });
  });
  test("people locked in a house are never told to bang on the walls, even when they came in a truck", () => {
    assertAdvice(
      [
        ["es", "nos trajeron en un camion y ahora nos tienen encerrados en una casa, piden dinero a nuestras familias"],
        ["ht", "yo te mennen nou nan yon kamyon, kounye a yo fèmen nou nan yon kay epi y ap mande fanmi nou lajan"],
      ],
      { hides: ["trapped-vehicle"] },
    );
  });
});

describe("heat advice only where the message speaks of heat", () => {
  test("someone who cannot walk or who fainted, with no heat, sun or desert named, never gets the heat advice", () => {
    assertAdvice(
      [
        ["es", "a mi papa lo golpearon anoche y ahora ya no puede caminar, esta muy palido"],
        ["en", "my mom fainted in the shelter bathroom and now she cant walk"],
        ["pt", "meu tio levou uma surra e agora nao consegue andar"],
      ],
      { hides: ["heat"] },
    );
  });
  test("the same words in the desert or the sun still get it", () => {
    assertAdvice([["es", "mi hermano ya no puede caminar, llevamos todo el dia en el desierto bajo el sol"]], { shows: "heat" });
  });
});

describe("the advice classifier's say", () => {
  test("its advice goes first when its odds stand far above those of the advice the words call for, even when they are low", () => {
    // The words call only for the advice for someone unconscious; the classifier has learnt heat.
    const message = "mi primo se desmayo despues de caminar todo el dia sin sombra, tiene la piel roja y caliente y no contesta";
    const marginOnly = createTriage(kb, { fallbackOdds: -Infinity, firstOdds: Infinity, firstMargin: 10 })(message, "es");
    const wordsOnly = createTriage(kb, { fallbackOdds: -Infinity, firstOdds: Infinity, firstMargin: Infinity })(message, "es");
    assert.equal(wordsOnly.advice[0], "not-breathing", wordsOnly.advice.join(","));
    assert.equal(marginOnly.advice[0], "heat", marginOnly.advice.join(","));
  });
});
