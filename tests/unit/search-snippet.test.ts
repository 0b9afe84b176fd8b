// Search snippets: cut from the page's own text, never from the hidden questions block.
import { test } from "node:test";
import assert from "node:assert/strict";
import { questionsAnchorId, snippet, type SnippetSource } from "../../src/lib/search-snippet";

/** A page as Pagefind returns it: its words, then the questions block, and where the query matched. */
function page(text: string, questions: string, matches: string[], meta: Record<string, string> = {}): SnippetSource {
  const words = text.split(" ");
  const all = [...words, ...questions.split(" ")];
  const locations = all.flatMap((w, i) => (matches.some((m) => w.toLowerCase().startsWith(m)) ? [i] : []));
  return {
    content: all.join(" "),
    weighted_locations: locations.map((location) => ({ location, balanced_score: location >= words.length ? 6000 : 500 })),
    anchors: [{ id: questionsAnchorId, location: words.length }],
    meta,
  };
}
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join("");
const marked = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);

test("the snippet comes from the page text around the match, with its accents, and marks the match", () => {
  const source = page(
    "Qué hacer ahora. Aléjate del peligro si puedes. Llama al número de emergencia del país donde estás.",
    "numero de emergencia q numero marco",
    ["emergencia"],
  );
  const parts = snippet(source, "emergencia");
  assert.match(text(parts), /Llama al número de emergencia del país donde estás\./);
  assert.deepEqual(marked(parts), ["emergencia"]);
  assert.doesNotMatch(text(parts), /marco/);
});

test("when only the hidden questions match, the snippet is the page's summary", () => {
  const source = page("Niñas y mujeres jóvenes. Lo que debes saber en el camino.", "un señor me pide sexo para dejarme pasar", ["señor", "pide"], {
    summary: "Lo que debes saber en el camino.",
  });
  assert.deepEqual(snippet(source, "señor pide"), [{ text: "Lo que debes saber en el camino.", mark: false }]);
});

test("a short query word that only begins other words (me: México) does not choose the snippet", () => {
  const source = page("En México hay albergues. Si te quieren deportar, pide hablar con un abogado.", "me quieren deportar", ["me", "quieren", "deportar"]);
  const parts = snippet(source, "me quieren deportar", 8);
  assert.deepEqual(marked(parts), ["quieren", "deportar,"]);
  assert.doesNotMatch(text(parts), /México/);
});

test("the snippet starts at the sentence of the match when it is near, and says when text is left out", () => {
  const source = page("Uno dos tres cuatro cinco seis siete. Tienes derecho a un intérprete. Ocho nueve diez once doce trece catorce quince.", "", ["intérprete"]);
  const t = text(snippet(source, "intérprete", 8));
  assert.ok(t.startsWith("… Tienes derecho a un intérprete."), t);
  assert.ok(t.endsWith(" …"), t);
});
