// The answer stage's search adds up MiniSearch's own per-term scores: it must rank and score as
// MiniSearch's OR query does, with prefix and one-typo matches, boosts and repeated words.
import { test } from "node:test";
import assert from "node:assert/strict";
import MiniSearch from "minisearch";
import { termSearch } from "../../bot/engine/term-search";
import { tokenize } from "../../src/lib/nlp/text";

const docs = [
  { id: "a", title: "Pedir asilo en México", text: "La COMAR recibe la solicitud de asilo. Pides refugio en la oficina." },
  { id: "b", title: "Documentos perdidos", text: "Si perdiste tus documentos, el consulado te ayuda. Documento de identidad." },
  { id: "c", title: "Albergues", text: "Un albergue te da dónde dormir. Los albergues ayudan a familias y a niños." },
  { id: "d", title: "Asilo y refugio", text: "Refugiados y solicitantes de asilo tienen derechos. Asilar, asilado." },
];
const near = (term: string) => term.length >= 5;
const weights = { fuzzy: 0.4, prefix: 0.5 };
const mini = new MiniSearch({
  fields: ["title", "text"],
  tokenize,
  processTerm: (t) => (t.length < 2 ? null : t),
  searchOptions: { boost: { title: 2.5, text: 1 }, prefix: near, fuzzy: (t) => (near(t) ? 1 : false), weights },
});
mini.addAll(docs);
const search = termSearch(mini, docs.map((d) => d.id), { nearFor: near, weights });

for (const [query, exact] of [
  ["asilo en mexico", false],
  ["documento perdido consulado", false],
  ["albergue albergue para dormir", false],
  ["refugi asilado", false],
  ["docmentos", false],
  // Two edits from "documento" (a letter dropped, another added): no typo match.
  ["docmentoo ayudan", false],
  ["asilo refugio", true],
  ["nada que ver", false],
] as const) {
  test(`"${query}"${exact ? " (exact)" : ""} scores as MiniSearch's own query`, () => {
    const expected = mini.search(query, exact ? { fuzzy: false, prefix: false } : {}).map((r) => ({ id: r.id as string, score: r.score, terms: [...r.queryTerms].sort() }));
    const got = search.search(tokenize(query).filter((t) => t.length >= 2).map((term) => ({ term, boost: 1 })), !exact).map((h) => ({ id: docs[h.doc]!.id, score: h.score, terms: [...h.terms].sort() }));
    assert.deepEqual(got.map((h) => h.id), expected.map((r) => r.id));
    got.forEach((h, i) => {
      assert.ok(Math.abs(h.score - expected[i]!.score) < 1e-9 * Math.max(1, expected[i]!.score), `${h.id}: ${h.score} vs ${expected[i]!.score}`);
      assert.deepEqual(h.terms, expected[i]!.terms);
    });
  });
}

test("a boosted term (what slang means) counts as MiniSearch's boostTerm makes it count", () => {
  const expected = mini.search({ combineWith: "OR", queries: ["albergue", { queries: ["asilo"], boostTerm: () => 0.5 }] });
  const got = search.search([{ term: "albergue", boost: 1 }, { term: "asilo", boost: 0.5 }], true);
  assert.deepEqual(got.map((h) => docs[h.doc]!.id), expected.map((r) => r.id));
  got.forEach((h, i) => assert.ok(Math.abs(h.score - expected[i]!.score) < 1e-9 * expected[i]!.score));
});
