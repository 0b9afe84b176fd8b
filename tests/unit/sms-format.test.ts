// What an SMS answer costs, and how it is written for SMS: GSM-7 and UCS-2 segment counts
// (the expected counts follow from the standard: 160/153 GSM-7 characters, 70/67 UCS-2),
// the GSM-7 transliteration for SMS only, parts cut by real segment counts, numbers shown
// once, and the emergency numbers in the first segment.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SegmentedMessage } from "sms-segments-calculator";
import type { OutgoingReply } from "../../bot/channels/botkit";
import { formatForSms, splitForSms } from "../../bot/channels/sms-format";
import { countSegments, isGsm7, quickSegments, toGsm7 } from "../../bot/channels/sms-segments";

const reply = (over: Partial<OutgoingReply>): OutgoingReply => ({ text: "", locale: "es", emergency: false, links: [], quickReplies: [], cards: [], ...over });
const sms = { channel: "sms" as const, optionsHeader: "Responde con un número:", siteUrl: "https://hub.example.org" };

describe("SMS segments", () => {
  test("GSM-7 text: 160 characters in one segment, then 153 a segment", () => {
    assert.deepEqual([160, 161, 306, 307, 459, 460].map((n) => countSegments("a".repeat(n)).segments), [1, 2, 2, 3, 3, 4]);
  });

  test("one accented letter outside GSM-7 makes the whole message UCS-2: 70, then 67 a segment", () => {
    const accented = (n: number) => "á" + "a".repeat(n - 1);
    assert.equal(countSegments(accented(70)).encoding, "UCS-2");
    assert.deepEqual([70, 71, 134, 135, 201, 202].map((n) => countSegments(accented(n)).segments), [1, 2, 2, 3, 3, 4]);
  });

  test("accented Spanish costs less than half once written in GSM-7", () => {
    const text = "Si estás en peligro ahora, llama al número de emergencia del país donde estás. Está bien pedir ayuda: no es tu culpa. Aquí tienes más información sobre cómo pedir protección.";
    const before = countSegments(text);
    const after = countSegments(toGsm7(text));
    assert.equal(before.encoding, "UCS-2");
    assert.equal(after.encoding, "GSM-7");
    assert.equal(before.segments, Math.ceil(text.length / 67));
    assert.equal(after.segments, Math.ceil(text.length / 153));
    assert.ok(after.segments < before.segments);
  });

  test("the GSM-7 extension characters count twice", () => {
    assert.equal(countSegments("€".repeat(80)).segments, 1);
    assert.equal(countSegments("€".repeat(81)).segments, 2);
  });

  test("the quick count agrees with the calculator on mixed texts", () => {
    const alphabet = ["a", "b", " ", "\n", "é", "ñ", "¿", "€", "[", "á", "ó", "😀", "«", "1", ".", "ü"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const gsmOnly = i % 2 === 0;
      const pool = gsmOnly ? alphabet.filter((c) => isGsm7(c)) : alphabet;
      const text = Array.from({ length: Math.floor(random() * 700) + 1 }, () => pool[Math.floor(random() * pool.length)]).join("");
      assert.equal(quickSegments(text), new SegmentedMessage(text).segmentsCount, JSON.stringify(text.slice(0, 30)));
    }
  });
});

describe("writing for SMS", () => {
  test("accents GSM-7 lacks become their base letter; those it has stay; quotes and bullets become plain", () => {
    assert.equal(toGsm7("¿Cómo estás? Más información en el menú."), "¿Como estas? Mas informacion en el menu.");
    assert.equal(toGsm7("Niñez, güero, está, é, è, à, ü"), "Niñez, güero, esta, é, è, à, ü");
    assert.equal(toGsm7("Escribe «borrar» • “sí” – ‘no’…"), 'Escribe "borrar" - "si" - \'no\'...');
    assert.equal(toGsm7("Écris « supprimer » par cœur"), 'Écris "supprimer" par coeur');
    assert.ok([...toGsm7("São Paulo, ação, você, Haïti, kounye a")].every(isGsm7));
  });

  test("only SMS is transliterated: WhatsApp keeps the text as written", () => {
    const r = reply({ text: "Está bien pedir ayuda. Escribe «borrar»." });
    assert.match(formatForSms(r, { ...sms, channel: "whatsapp" }).join(""), /Está bien.*«borrar»/);
    assert.equal(formatForSms(r, sms).join(""), 'Esta bien pedir ayuda. Escribe "borrar".');
  });

  test("a long accented answer is cut into parts of at most three segments, by the calculator", () => {
    const sentence = "Ve a una oficina de migración con tu familia y pide información sobre tus derechos. ";
    const text = sentence.repeat(20);
    const parts = formatForSms(reply({ text }), sms);
    assert.ok(parts.length > 1);
    for (const [i, part] of parts.entries()) {
      const message = new SegmentedMessage(part);
      assert.equal(message.encodingName, "GSM-7", "transliterated, so GSM-7");
      assert.ok(message.segmentsCount <= 3, `part ${i + 1}: ${message.segmentsCount} segments`);
      assert.match(part, new RegExp(`\\(${i + 1}/${parts.length}\\)$`));
    }
    const total = parts.reduce((n, p) => n + new SegmentedMessage(p).segmentsCount, 0);
    assert.ok(total <= Math.ceil(toGsm7(text).length / 153) + parts.length, `few segments wasted (${total})`);
    assert.equal(parts.map((p) => p.replace(/ \(\d+\/\d+\)$/, "")).join(" ").replace(/\s+/g, " ").trim(), toGsm7(text).replace(/\s+/g, " ").trim(), "nothing lost or doubled");
  });

  test("text that must stay UCS-2 (an emoji) is cut by UCS-2 sizes", () => {
    const parts = splitForSms("Hola 😀 ".repeat(60));
    for (const part of parts) assert.ok(new SegmentedMessage(part).segmentsCount <= 3);
  });

  test("a number is never written twice in one line", () => {
    const r = reply({ text: "Ayuda en México:\n• Número único de emergencias 911: 911\n• Denuncia anónima: 089" });
    const text = formatForSms(r, sms).join("\n");
    assert.equal(text.match(/911/g)?.length, 1, text);
    assert.equal(text.match(/089/g)?.length, 1, text);
  });

  test("an emergency answer has every number to call in its first segment, each once", () => {
    const countries = [
      ["BZ", "Belice", ["911"]],
      ["CR", "Costa Rica", ["911", "1147"]],
      ["GT", "Guatemala", ["110", "1510"]],
      ["HN", "Honduras", ["911"]],
      ["MX", "México", ["911"]],
      ["NI", "Nicaragua", ["118", "133"]],
      ["PA", "Panamá", ["104", "6378-3466"]],
      ["SV", "El Salvador", ["911", "119"]],
    ] as const;
    const lines = countries.map(([, name, nums]) => `• ${name}: ${nums.join(" / ")}`).join("\n");
    const r = reply({
      emergency: true,
      text: `Llama ahora al número del país donde estás (emergencias / protección de la niñez):\n${lines}\n\nHiciste bien en escribir; no es tu culpa.`,
      cards: countries.flatMap(([code, name, nums]) => nums.map((n, i) => ({ id: `${code}-${i}`, name, kind: i ? "child-protection" : "emergency", country: code, phones: [{ number: n, tel: n }] }))),
      quickReplies: [{ label: "Hablar con una persona", text: "#human" }],
    });
    const names = new Map(countries.map(([code, name]) => [code as string, name]));
    const parts = formatForSms(r, { ...sms, countryName: (code) => names.get(code) });
    const first = countSegments(parts[0]!).first;
    const all = parts.join("\n");
    for (const [, , nums] of countries) for (const n of nums) assert.ok(new RegExp(`(^|\\D)${n}(\\D|$)`).test(first), `${n} in the first segment: ${first}`);
    // Each country's numbers once: the list is not repeated after the lead.
    assert.equal(all.match(/1147/g)?.length, 1, all);
    assert.equal(all.match(/6378-3466/g)?.length, 1, all);
    assert.match(all, /no es tu culpa/);
  });
});

describe("SMS pages: one question costs one message", () => {
  const paged = { ...sms, moreLine: "Responde 0 para leer más." };
  const strip = (page: string) => page.replace(/ \(\d+\/\d+\)$/, "").replace(/\n\nResponde 0 para leer mas\.$/, "");
  const answer = "Ve a una oficina de la COMAR y di que quieres pedir refugio. Si no hay una cerca, ve al INM, que debe pasar tu solicitud. Hazlo dentro de los 30 días hábiles después de entrar. Es gratis y nadie puede tomar medidas contra ti por pedirlo. Después vas a una entrevista para contar tu historia. Lleva los papeles que tengas, pero puedes pedirlo sin papeles.";
  const long = reply({
    text: `${answer}\nPedir asilo: /es/guides/asking-for-protection/\n\nAyuda en México:\n• Número único de emergencias: 911\n\n¿Tienes menos de 18 años? Puedes escribir «saltar».\n\nNo guardo tu nombre ni tus mensajes.`,
    links: [{ title: "Pedir asilo", url: "/es/guides/asking-for-protection/" }],
    quickReplies: ["Menor de 18, sin mi familia", "Menor de 18, con mi familia", "Tengo 18 o más", "Saltar"].map((label, i) => ({ label, text: `#o${i}` })),
  });

  test("the first page fits three segments and carries the number and the address; the others wait for 0", () => {
    const pages = formatForSms(long, paged);
    assert.ok(pages.length > 1, "the answer is longer than one page");
    for (const [i, page] of pages.entries()) {
      assert.ok(new SegmentedMessage(page).segmentsCount <= 3, `page ${i + 1}`);
      assert.match(page, new RegExp(`\\(${i + 1}/${pages.length}\\)$`));
      if (i < pages.length - 1) assert.match(page, /Responde 0 para leer mas\. \(\d+\/\d+\)$/, "every page but the last says how to go on");
    }
    assert.doesNotMatch(pages.at(-1)!, /Responde 0/);
    assert.match(pages[0]!, /911/);
    assert.match(pages[0]!, /https:\/\/hub\.example\.org\/es\/guides\/asking-for-protection\//);
    assert.match(pages[0]!, /^Ve a una oficina de la COMAR y di que quieres pedir refugio\./, "the answer starts the page, cut at a sentence");
  });

  test("nothing is lost or doubled across the pages, and the options come whole on one page", () => {
    const pages = formatForSms(long, paged);
    const all = pages.map(strip).join("\n");
    for (const sentence of answer.split(/(?<=\.) /)) assert.equal(all.split(toGsm7(sentence)).length - 1, 1, sentence);
    assert.equal(all.match(/911/g)?.length, 1);
    const withOptions = pages.filter((p) => /^1\. /m.test(p));
    assert.equal(withOptions.length, 1);
    assert.match(withOptions[0]!, /^1\. .*\n2\. .*\n3\. .*\n4\. Saltar/m, "all four options together");
    assert.match(all, /Puedes escribir "saltar"/);
    assert.match(all, /No guardo tu nombre/);
  });

  test("a short reply is one message with its options, and no line about more", () => {
    const pages = formatForSms(reply({ text: "Hola. ¿Qué quieres saber?", quickReplies: [{ label: "Números de emergencia", text: "#emergency" }] }), paged);
    assert.deepEqual(pages, ["Hola. ¿Qué quieres saber?\n\nResponde con un numero:\n1. Numeros de emergencia"]);
  });

  test("an emergency without a country: every country's numbers by code in the first segment, then the advice", () => {
    const countries = [
      ["BZ", ["911"]],
      ["CR", ["911", "1147"]],
      ["GT", ["110", "1510"]],
      ["HN", ["911"]],
      ["MX", ["911"]],
      ["NI", ["118", "133"]],
      ["PA", ["104", "6378-3466"]],
      ["SV", ["911", "119"]],
    ] as const;
    const lines = countries.map(([code, nums]) => `• País ${code}: ${nums.join(" / ")}`).join("\n");
    const advice = "Aprieta fuerte la herida con una tela limpia y no dejes de apretar hasta que llegue la ayuda.";
    const r = reply({
      emergency: true,
      text: `Llama ahora al número del país donde estás:\n${lines}\n\n${advice} Acuéstate y levanta las piernas si te mareas.\n\nHiciste bien en escribir; no es tu culpa y hay personas que te pueden ayudar ahora.\n\nNo guardo tu nombre ni tus mensajes.`,
      cards: countries.flatMap(([code, nums]) => nums.map((n, i) => ({ id: `${code}-${i}`, name: code, kind: i ? "child-protection" : "emergency", country: code, phones: [{ number: n, tel: n }] }))),
      quickReplies: countries.map(([code]) => ({ label: `País ${code}`, text: `#country-${code}` })),
    });
    const pages = formatForSms(r, { ...paged, countryName: (code) => `País ${code}` });
    const first = countSegments(pages[0]!).first;
    for (const [code, nums] of countries) for (const n of nums) assert.ok(first.includes(`${n}`) && first.includes(code), `${code} ${n} in the first segment: ${first}`);
    assert.match(pages[0]!, new RegExp(toGsm7(advice).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), "the advice is on the first page");
  });
});
