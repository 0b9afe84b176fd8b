// Rules about resources shared by the site, the checks and the bot: where a line can be
// dialled from, which phone a <Phone> tag names, how the tag reads as plain text for the bot,
// which hubs a build publishes, and that site and bot write the same tel: link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isCallable, isReachableFrom, phoneText, pickPhone, reachOutsideOwnCountry } from "../../src/lib/resources";
import { mdxToSections } from "../../src/lib/mdx-text";
import { demoContent, publishedHubs } from "../../src/lib/hubs";
import { telHref } from "../../src/lib/phone";
import { card } from "../../bot/engine/resources";
import { loadContent } from "../../src/lib/content-files";
import { buildKnowledgeBase } from "../../src/lib/kb";

test("a line without reachableFrom is reachable from its own country only; a regional one from anywhere", () => {
  assert.equal(isReachableFrom({ country: "GT" }, "GT"), true);
  assert.equal(isReachableFrom({ country: "GT" }, "mx"), false);
  assert.equal(isReachableFrom({ country: "regional" }, "HN"), true);
});

test("a line listed for other countries is not help in its own country", () => {
  const ciam = { country: "MX" as const, reachableFrom: ["US", "CA"] };
  assert.equal(isReachableFrom(ciam, "MX"), false);
  assert.equal(isReachableFrom(ciam, "US"), true);
  assert.deepEqual(reachOutsideOwnCountry(ciam), ["US", "CA"]);
  assert.equal(reachOutsideOwnCountry({ country: "MX", reachableFrom: ["MX"] }), undefined);
});

test("the real CIAM line is for Mexicans in the US and Canada, never help inside Mexico", () => {
  const ciam = loadContent().content.resources.find((r) => r.id === "mx-ciam");
  assert.ok(ciam, "content/resources/mx-ciam.yaml should load");
  assert.deepEqual(ciam.data.forNationalsOf, ["MX"]);
  assert.equal(isReachableFrom(ciam.data, "MX"), false);
  assert.equal(isReachableFrom(ciam.data, "US"), true);
});

test("a <Phone> tag picks the resource's first phone, or the line it names, or says what is wrong", () => {
  const r = { phones: [{ number: "110" }, { number: "1546" }] };
  assert.deepEqual(pickPhone(r, undefined), { number: "110" });
  assert.deepEqual(pickPhone(r, "2"), { number: "1546" });
  assert.match(String(pickPhone(r, "3")), /line="3" does not exist: this resource has 2 phone/);
  assert.match(String(pickPhone({ phones: [] }, undefined)), /has no phone number/);
  assert.equal(isCallable({ phones: [], whatsapp: "55 1309 9024" }), true);
  assert.equal(isCallable({ phones: [] }), false);
});

test("a <Phone> tag reads as its number in the plain text the bot answers from", () => {
  const body = 'Llama a la Alerta Alba-Keneth, <Phone resource="gt-alba-keneth" />, o a la policía, <Phone resource="gt-pnc" line="2" />.';
  const resolve = phoneText([
    { id: "gt-alba-keneth", data: { phones: [{ number: "1546" }] } },
    { id: "gt-pnc", data: { phones: [{ number: "110" }, { number: "120" }] } },
  ]);
  assert.equal(mdxToSections(body, resolve)[0]?.text, "Llama a la Alerta Alba-Keneth, 1546, o a la policía, 120.");
  assert.doesNotMatch(mdxToSections(body)[0]?.text ?? "", /Phone|resource/, "without a resolver the tag leaves no markup behind");
});

test("example hubs are published only in a build that asks for demo content", () => {
  const hubs = [{ id: "real", data: { example: false } }, { id: "sample", data: { example: true } }];
  assert.deepEqual(publishedHubs(hubs, false).map((h) => h.id), ["real"]);
  assert.deepEqual(publishedHubs(hubs, true).map((h) => h.id), ["real", "sample"]);
  assert.equal(demoContent({ HUB_DEMO: "1" }), true);
  assert.equal(demoContent({}), false);
  assert.equal(demoContent({ HUB_DEMO: "0" }), false);
});

test("the bot's card dials a number of another country in the same international form as the site", () => {
  const kb = buildKnowledgeBase(loadContent().content);
  const ciam = kb.resources.find((r) => r.id === "mx-ciam");
  assert.ok(ciam);
  const phone = ciam.phones[0]!;
  assert.equal(card(ciam).phones[0]?.tel, telHref(phone.number, phone.region));
  assert.equal(card(ciam).phones[0]?.tel, "tel:+15206237874");
});
