// The CMS form's hints come from the schemas' own descriptions, field by field: the hint an
// editor reads under a field is the one written for that field, wherever it sits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "astro/zod";
import { cmsConfig, fieldsOf, type CmsField } from "../../src/lib/cms-config";
import type { Locale } from "../../src/lib/locales";

const locales = [
  { code: "es", lang: "es", label: "Español", dir: "ltr" },
  { code: "en", lang: "en", label: "English", dir: "ltr" },
] as Locale[];

const config = cmsConfig({
  locales,
  sourceGuideIds: ["derechos"],
  repo: "org/hub",
  branch: "main",
  authUrl: undefined,
  localBackendUrl: "http://localhost:8081/api/v1",
});

type Collection = { name: string; fields: CmsField[] };
const collection = (name: string) => {
  const found = (config.collections as Collection[]).find((c) => c.name === name);
  assert.ok(found, `no collection ${name}`);
  return found;
};
/** The field at a path of names, e.g. ["sources", "title"]. */
function field(fields: CmsField[], path: string[]): CmsField {
  const [name, ...rest] = path;
  const found = fields.find((f) => f.name === name);
  assert.ok(found, `no field ${name}`);
  return rest.length ? field(found["fields"] as CmsField[], rest) : found;
}
const hintAt = (collectionName: string, ...path: string[]) => field(collection(collectionName).fields, path)["hint"];

test("two fields with the same name in different places each get their own hint", () => {
  // A guide's countries and an answer's countries mean different things.
  assert.equal(hintAt("guides-es", "countries"), "Countries it is specific to; leave out when it applies to all.");
  assert.match(String(hintAt("guides-es", "answers", "countries")), /^Countries the answer is true for/);
  // A guide's title and the title of one of its sources.
  assert.match(String(hintAt("guides-es", "title")), /^Title shown on the page/);
  assert.equal(hintAt("guides-es", "sources", "title"), "Name of the source.");
  // The same field name in two collections.
  assert.notEqual(hintAt("hubs", "name"), hintAt("resources", "name"));
  assert.notEqual(hintAt("hubs", "country"), hintAt("resources", "country"));
});

test("every field the CMS takes from the schemas has a hint", () => {
  const missing: string[] = [];
  const walk = (fields: CmsField[], at: string) => {
    for (const f of fields) {
      if (!f["hint"]) missing.push(`${at}.${f.name}`);
      if (Array.isArray(f["fields"])) walk(f["fields"] as CmsField[], `${at}.${f.name}`);
    }
  };
  for (const c of config.collections as Collection[]) walk(c.fields, c.name);
  assert.deepEqual(missing, []);
});

test("a description added to a schema field shows up as that field's hint, through optional, default and lists", () => {
  const schema = z.object({
    plain: z.string().meta({ description: "A plain field." }),
    maybe: z.string().optional().meta({ description: "An optional field." }),
    list: z
      .array(z.object({ inner: z.string().meta({ description: "A field inside a list item." }) }))
      .default([])
      .meta({ description: "A list with a default." }),
    nested: z
      .object({ deep: z.enum(["a", "b"]).default("a").meta({ description: "A choice inside an object." }) })
      .optional(),
    bare: z.string(),
  });
  const fields = fieldsOf(schema);
  assert.equal(field(fields, ["plain"])["hint"], "A plain field.");
  assert.equal(field(fields, ["maybe"])["hint"], "An optional field.");
  assert.equal(field(fields, ["list"])["hint"], "A list with a default.");
  assert.equal(field(fields, ["list", "inner"])["hint"], "A field inside a list item.");
  assert.equal(field(fields, ["nested", "deep"])["hint"], "A choice inside an object.");
  assert.equal("hint" in field(fields, ["bare"]), false);
});
