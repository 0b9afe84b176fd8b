// Writes the bot's knowledge base to {outDir}/kb.json when the build is done, from the site
// model the pages were built from: publishing a guide changes the bot's answers in the same
// build. bot/server.ts (and a browser kiosk) read that file; see src/lib/kb-files.ts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { modelCache, writeKnowledgeBase } from "../lib/kb-files";
import { siteModel } from "../lib/model";
import type { ContentSource } from "../lib/build-config";

export function kbExport(source: ContentSource): AstroIntegration {
  return {
    name: "hub:kb-export",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const kb = siteModel(source).knowledgeBase(modelCache());
        const file = path.join(fileURLToPath(dir), "kb.json");
        writeKnowledgeBase(kb, file);
        logger.info(`kb.json: ${kb.guides.length} guide files, ${kb.resources.length} resources (format v${kb.version})`);
      },
    },
  };
}
