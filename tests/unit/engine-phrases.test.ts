// The phrase syntax editors write in content/bot/*.yaml.
import { test } from "node:test";
import assert from "node:assert/strict";
import { compilePhrase, phraseMatches, numberIn, compilePhrases } from "../../src/lib/nlp/phrases";
import { tokenize } from "../../src/lib/nlp/text";

const matches = (phrase: string, text: string) => phraseMatches(compilePhrase(phrase), tokenize(text));

test("a phrase matches its words in order, ignoring accents, case and up to two words between", () => {
  assert.equal(matches("nos tienen encerrados", "¡Nos TIENEN encerrados!"), true);
  assert.equal(matches("nos tienen encerrados", "nos tienen a todos encerrados"), true);
  assert.equal(matches("nos tienen encerrados", "encerrados nos tienen"), false);
  assert.equal(matches("nos tienen encerrados", "nos tienen en una casa muy lejos encerrados"), false);
});

test("words joined by + must stand side by side, while other words may have two between", () => {
  assert.equal(matches("y+si", "y si me agarran"), true);
  assert.equal(matches("y+si", "donde dormir y dicen que si se va"), false);
  assert.equal(matches("y si", "donde dormir y dicen que si se va"), true);
  assert.equal(matches("what+if & kill*", "what if they kill him"), true);
  assert.equal(matches("they+say kill*", "they say they kill him"), true);
  assert.equal(matches("they+say", "they will say"), false);
});

test("a word ending in * matches any ending, and only that beginning", () => {
  assert.equal(matches("encerrad*", "estamos encerradas"), true);
  assert.equal(matches("encerrad*", "estamos cerrados"), false);
});

test("a long stem forgives one typo after its first two letters; a short one forgives none", () => {
  assert.equal(matches("secuestr*", "sequestraron a mi primo"), true);
  assert.equal(matches("secuestr*", "sacuestraron"), false);
  assert.equal(matches("viol*", "vaolaron"), false);
});

test("{y} reads a year, so a past story can be told from a danger happening now", () => {
  assert.equal(matches("en {y}", "me secuestraron en 2019"), true);
  assert.equal(matches("en {y}", "en 19 dias"), false);
});

test("a|b matches either word, and a & b needs both anywhere", () => {
  assert.equal(matches("desaparecio & hijo|hija", "mi hija desapareció ayer"), true);
  assert.equal(matches("desaparecio & hijo|hija", "mi pasaporte desapareció"), false);
});

test("long words forgive one typo, but not in their first two letters", () => {
  assert.equal(matches("me esta pegando", "me esta pegnado"), true);
  assert.equal(matches("me esta pegando", "me esta pagando"), false);
});

test("a word written =word forgives no typo, alone or as one of several options", () => {
  assert.equal(matches("matarme", "quiere matarte"), true);
  assert.equal(matches("=matarme", "quiere matarte"), false);
  assert.equal(matches("=matarme", "quiero matarme"), true);
  assert.equal(matches("corto|=cortarme", "va a cortarte"), false);
  assert.equal(matches("corto|=cortarme", "voy a cortarme"), true);
});

test("{n} reads a number, so a person's own age can be taken from their words", () => {
  assert.equal(numberIn(compilePhrases(["tengo {n} años"]), tokenize("hola, tengo 15 años")), 15);
  assert.equal(numberIn(compilePhrases(["tengo {n} años"]), tokenize("tengo 3 hijos")), undefined);
});

test("every kind of typo after the first two letters is forgiven, at the third letter as at the last", () => {
  // "pegando": a letter added, dropped, changed or swapped with the next one.
  for (const typo of ["peegando", "pegandoo", "pgando", "pegand", "peqando", "pegandu", "pgeando", "pegadno"]) {
    // (a typo in the first two letters is another word: "pgando" and "pgeando" change the second)
    const expected = !["pgando", "pgeando"].includes(typo);
    assert.equal(matches("me esta pegando", `me esta ${typo}`), expected, typo);
  }
  // A long stem: a letter changed or two swapped within the letters it covers, any ending after them.
  for (const typo of ["secuetsraron", "secuestarron", "seduestraron", "secuestrs"]) assert.equal(matches("secuestr*", `a mi primo lo ${typo}`), true, typo);
  for (const typo of ["sceuestraron", "secestraron"]) assert.equal(matches("secuestr*", `a mi primo lo ${typo}`), false, typo);
});

test("phrases compiled after others were matched are found too", () => {
  assert.equal(matches("nos tienen encerrados", "nos tienen encerrados"), true);
  // New words, never seen by the phrases before: the matching must learn them.
  assert.equal(matches("zarpazo* & quetzalcoatl", "un zarpazos de quetzalcoatl"), true);
  assert.equal(matches("quetzalcoatl", "un quetzalcoatls"), true);
});

test("a message read before new phrases were compiled is read again for them", () => {
  const tokens = tokenize("el xochimilcazo de ayer");
  assert.equal(phraseMatches(compilePhrase("ayer"), tokens), true);
  // The same token list, and a phrase whose word no phrase had when it was first read.
  assert.equal(phraseMatches(compilePhrase("xochimilcazo"), tokens), true);
});
