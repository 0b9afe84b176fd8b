// Builds the Pagefind search index right after Astro writes the site, so `astro build` (and
// so `npm run build`) always ships a site whose search works. Pagefind splits the index by
// each page's <html lang>, which gives one index per locale; the search page only ever loads
// the index of its own language.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { close, createIndex } from "pagefind";

export function searchIndex(): AstroIntegration {
  return {
    name: "hub:search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: path.join(site, "pagefind") });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
        await close();
        logger.info(`Search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
