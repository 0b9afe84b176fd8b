// The engine's fuzzy term lookup must give exactly what MiniSearch's own lookup gives (same words,
// values, distances, order), or search scores and rankings would drift.
import { test } from "node:test";
import assert from "node:assert/strict";
import MiniSearch from "minisearch";
import { distanceUpToOne, speedUpFuzzy, termIndexOf } from "../../bot/engine/fuzzy";
import { tokenize } from "../../bot/engine/text";
import { loadKnowledgeBase } from "../../bot/kb/load";

/** One index per locale over the real guides, as the retriever builds them (words folded). */
function indexes() {
  const kb = loadKnowledgeBase();
  return kb.locales.map((l) => {
    const search = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], tokenize: (t) => tokenize(t) });
    search.addAll(kb.guides.filter((g) => g.locale === l.code).flatMap((g) => g.sections.map((s, i) => ({ id: `${g.id}#${i}`, text: `${g.title} ${s.heading} ${s.text}` }))));
    return search;
  });
}

/** Query words: every indexed word, and each with one letter dropped, doubled, changed or swapped. */
function queries(terms: string[]): string[] {
  const out = new Set<string>(["", "a", "zzzzzz", "asilo", "asylm", "refujio", "migracion"]);
  for (const t of terms) {
    out.add(t);
    for (let i = 0; i < t.length; i++) {
      out.add(t.slice(0, i) + t.slice(i + 1));
      out.add(t.slice(0, i) + t[i] + t.slice(i));
      out.add(t.slice(0, i) + "x" + t.slice(i + 1));
      if (i + 1 < t.length) out.add(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2));
    }
  }
  return [...out];
}

test("the faster fuzzy lookup finds the same words, values and distances, in the same order, as MiniSearch's", () => {
  let compared = 0;
  for (const search of indexes()) {
    const index = termIndexOf(search);
    assert.ok(index, "MiniSearch's term index has the shape the engine expects");
    const original = index.fuzzyGet.bind(index);
    const terms = [...index].map(([t]) => t);
    if (terms.length === 0) continue;
    speedUpFuzzy(search);
    assert.notEqual(index.fuzzyGet, original, "the lookup was replaced");
    // Every 3rd word keeps the test quick; the variants of those words cover every kind of edit.
    for (const q of queries(terms.filter((_, i) => i % 3 === 0))) {
      const want = [...original(q, 1)];
      const got = [...index.fuzzyGet(q, 1)];
      assert.deepEqual(got.map(([t, [, d]]) => [t, d]), want.map(([t, [, d]]) => [t, d]), `query "${q}"`);
      got.forEach(([, [value]], i) => assert.equal(value, want[i]?.[1][0]));
      compared++;
    }
    // Other distances are MiniSearch's own.
    assert.deepEqual([...index.fuzzyGet("asilo", 2)].map(([t]) => t), [...original("asilo", 2)].map(([t]) => t));
  }
  assert.ok(compared > 1000, `compared ${compared} queries`);
});

test("edit distance up to one counts a changed, missing or extra letter once, and a swap as two", () => {
  assert.equal(distanceUpToOne("asilo", "asilo"), 0);
  assert.equal(distanceUpToOne("asilo", "asila"), 1);
  assert.equal(distanceUpToOne("asilo", "asil"), 1);
  assert.equal(distanceUpToOne("asil", "asilo"), 1);
  assert.equal(distanceUpToOne("asilo", "aislo"), 2);
  assert.equal(distanceUpToOne("asilo", "asi"), 2);
  assert.equal(distanceUpToOne("asilo", "bsilp"), 2);
});
