// Astro content collections, validated with the shared schemas in src/lib/schemas.ts.
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { countrySchema, guideSchema, hubSchema, resourceSchema } from "./lib/schemas";

const base = process.env["HUB_CONTENT_DIR"] ?? "./content";

export const collections = {
  // id = "{locale}/{id}", e.g. "fr/your-rights"
  guides: defineCollection({
    loader: glob({ pattern: "*/*.mdx", base: `${base}/guides`, generateId: ({ entry }) => entry.replace(/\.mdx$/, "") }),
    schema: guideSchema,
  }),
  resources: defineCollection({
    loader: glob({ pattern: "*.yaml", base: `${base}/resources`, generateId: ({ entry }) => entry.replace(/\.yaml$/, "") }),
    schema: resourceSchema,
  }),
  countries: defineCollection({
    loader: glob({ pattern: "*.yaml", base: `${base}/countries`, generateId: ({ entry }) => entry.replace(/\.yaml$/, "") }),
    schema: countrySchema,
  }),
  hubs: defineCollection({
    loader: glob({ pattern: "*.yaml", base: `${base}/hubs`, generateId: ({ entry }) => entry.replace(/\.yaml$/, "") }),
    schema: hubSchema,
  }),
};
