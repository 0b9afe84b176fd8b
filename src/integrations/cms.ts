// Copies Decap CMS (script, lazy chunks and wasm) from node_modules into {outDir}/admin/,
// so the CMS is served from the site itself and nothing loads from a CDN.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

export function decapCms(): AstroIntegration {
  return {
    name: "hub:decap-cms",
    hooks: {
      "astro:build:done": ({ dir }) => {
        const dist = path.dirname(createRequire(import.meta.url).resolve("decap-cms/dist/decap-cms.js"));
        const target = path.join(fileURLToPath(dir), "admin");
        fs.mkdirSync(target, { recursive: true });
        for (const file of fs.readdirSync(dist)) {
          if (/^(\d+\.)?decap-cms\.js$|\.wasm$/.test(file)) fs.copyFileSync(path.join(dist, file), path.join(target, file));
        }
      },
    },
  };
}
