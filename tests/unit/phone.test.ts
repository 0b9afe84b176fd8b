// Phone numbers: tel: hrefs every phone dials, and labels read digit by digit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spokenDigits, telHref } from "../../src/lib/phone";

test("a short national number dials as its digits only", () => {
  assert.equal(telHref("110"), "tel:110");
  assert.equal(telHref("6378-3466"), "tel:63783466");
});

test("an international number keeps its plus sign and loses spaces and brackets", () => {
  assert.equal(telHref("+1 (470) 751-9077"), "tel:+14707519077");
});

test("a number of another region becomes its international E.164 form", () => {
  assert.equal(telHref("520 623 7874", "US"), "tel:+15206237874");
  assert.equal(telHref("1-888-301-1130", "US"), "tel:+18883011130");
});

test("a number is read aloud digit by digit", () => {
  assert.equal(spokenDigits("1510"), "1 5 1 0");
  assert.equal(spokenDigits("+504 3221"), "+ 5 0 4 3 2 2 1");
});
