// The Decap CMS configuration, generated from the content schemas so that the CMS offers the
// same fields, limits and choices as the build checks, with each field's
// `.meta({ description })` from src/lib/schemas.ts as its hint. Editors never see a field the
// build would reject.
import { z } from "astro/zod";
import { countrySchema, guideSchema, hubSchema, resourceSchema } from "./schemas";
import type { Locale } from "./locales";

type JsonSchema = {
  type?: string;
  enum?: string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
  const?: string;
  format?: string;
  /** The field's `.meta({ description })`: Zod's JSON Schema output keeps it on the field it was given to, through .optional() and .default(). */
  description?: string;
};

export type CmsField = Record<string, unknown> & { name: string; label: string; widget: string };

/** Fields that hold a date. */
const dateFields = new Set(["lastReviewed", "verifiedOn"]);
/** Fields that are long text. */
const longText = new Set(["summary", "editorNotes", "quote"]);

const label = (name: string) => name.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());

function toField(name: string, s: JsonSchema, required: boolean): CmsField {
  const base: CmsField = { name, label: label(name), widget: "string", required };
  if (s.description) base["hint"] = s.description;
  const options = s.enum ?? s.anyOf?.flatMap((a) => a.enum ?? (a.const ? [a.const] : []));
  if (dateFields.has(name)) return { ...base, widget: "datetime", format: "YYYY-MM-DD", date_format: "YYYY-MM-DD", time_format: false };
  if (options?.length) return { ...base, widget: "select", options };
  if (s.type === "boolean") return { ...base, widget: "boolean", default: s.default ?? false };
  if (s.type === "array" && s.items) {
    const list: CmsField = { ...base, widget: "list" };
    if (s.minItems) list["min"] = s.minItems;
    if (s.maxItems) list["max"] = s.maxItems;
    // A list of single selects, not a multi-select: Decap's multi-select writes an empty list
    // into every other locale when the form opens, which would create half-empty translations.
    if (s.items.enum) return { ...list, field: { name: "item", label: "Choice", widget: "select", options: s.items.enum } };
    if (s.items.type === "object" && s.items.properties) return { ...list, fields: objectFields(s.items) };
    return { ...list, field: { name: "item", label: "Text", widget: "string" } };
  }
  if (s.type === "object" && s.properties) return { ...base, widget: "object", fields: objectFields(s) };
  if (s.type === "object") return { ...base, widget: "code", output_code_only: true, default_language: "yaml" };
  const field: CmsField = { ...base, widget: longText.has(name) ? "text" : "string" };
  if (s.minLength || s.maxLength) field["pattern"] = [`^[\\s\\S]{${s.minLength ?? 0},${s.maxLength ?? ""}}$`, `${s.minLength ?? 0} to ${s.maxLength ?? "any number of"} characters`];
  if (s.format === "uri") field["pattern"] = ["^https?://", "a full web address starting with https://"];
  return field;
}

function objectFields(s: JsonSchema): CmsField[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, p]) =>
    toField(name, p, required.has(name) && p.default === undefined),
  );
}

/** The CMS fields of an object schema, each with the hint its own schema describes (so two fields with one name in different places keep their own). */
export function fieldsOf(schema: z.ZodType): CmsField[] {
  return objectFields(z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as JsonSchema);
}

export interface CmsOptions {
  locales: Locale[];
  /** Ids of the Spanish guides: a translation picks the guide it translates from these. */
  sourceGuideIds: string[];
  /** "owner/name" of the git repository editors publish to (production backend). */
  repo: string;
  branch: string;
  /** Address of the organisation's own OAuth service for the git host (Decap's base_url); without it Decap signs in through Netlify. */
  authUrl: string | undefined;
  /** Address of the local proxy (decap-server) for trying the CMS on your own computer. */
  localBackendUrl: string;
}

const bodyField: CmsField = {
  name: "body",
  label: "Body",
  widget: "markdown",
  hint: 'Short sentences, the action first, "you". Components: <EmergencyNumbers />, <ResourceList country="MX" kinds="shelter" />, <Phone resource="gt-pnc" /> (a number inside a sentence; never type a number), <Callout type="warning">…</Callout>, <Steps>…</Steps>.',
};

/**
 * One guide collection per locale (content/guides/{locale}/). Decap's own i18n mode writes a
 * file into every locale folder on save, even empty ones, and an untranslated guide must have
 * no file so the site shows the Spanish text with a notice.
 */
function guideCollections(o: CmsOptions) {
  const [source, ...translations] = o.locales;
  const fields = fieldsOf(guideSchema);
  return [
    {
      name: `guides-${source?.code}`,
      label: `Guides: ${source?.label} (original)`,
      folder: `content/guides/${source?.code}`,
      extension: "mdx",
      format: "frontmatter",
      create: true,
      slug: "{{slug}}",
      summary: "{{title}}",
      fields: [...fields, bodyField],
    },
    ...translations.map((l) => ({
      name: `guides-${l.code}`,
      label: `Guides: ${l.label} (translations)`,
      folder: `content/guides/${l.code}`,
      extension: "mdx",
      format: "frontmatter",
      create: true,
      // The file must have the Spanish guide's id as its name.
      slug: "{{translates}}",
      summary: "{{title}}",
      fields: [
        { name: "translates", label: "Translates", widget: "select", options: o.sourceGuideIds, required: true, hint: "The Spanish guide this translates (it gives the file its name)." },
        ...fields,
        bodyField,
      ],
    })),
  ];
}

export function cmsConfig(o: CmsOptions) {
  const yamlFolder = (name: string, folder: string, schema: z.ZodType, extra: Record<string, unknown> = {}) => ({
    name,
    label: label(name),
    folder,
    extension: "yaml",
    format: "yml",
    create: true,
    slug: "{{slug}}",
    identifier_field: "name",
    fields: fieldsOf(schema),
    ...extra,
  });
  return {
    backend: { name: "github", repo: o.repo, branch: o.branch, ...(o.authUrl ? { base_url: o.authUrl } : {}) },
    local_backend: { url: o.localBackendUrl },
    publish_mode: "editorial_workflow",
    media_folder: "public/media",
    public_folder: "/media",
    locale: "es",
    collections: [
      ...guideCollections(o),
      yamlFolder("resources", "content/resources", resourceSchema, { summary: "{{name}} ({{country}})" }),
      yamlFolder("hubs", "content/hubs", hubSchema),
      yamlFolder("countries", "content/countries", countrySchema, { create: false, identifier_field: "code", summary: "{{code}}" }),
    ],
  };
}
