// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { siteModelIntegration } from "./src/integrations/site-model.ts";
import { decapCms } from "./src/integrations/cms.ts";
import { searchIndex } from "./src/integrations/search-index.ts";
import { kioskMode } from "./src/integrations/kiosk-mode.ts";
import { kbExport } from "./src/integrations/kb-export.ts";
import { precompress } from "./src/integrations/precompress.ts";
import { readBuildConfig } from "./src/lib/build-config.ts";

// The environment is read here, once, and passed down.
const config = readBuildConfig(process.env);

export default defineConfig({
  // The public address of the site (hreflang, canonical links, QR codes). Set SITE_URL in deployment.
  site: process.env.SITE_URL ?? "http://localhost:4321",
  output: "static",
  // HUB_OUT lets parallel builds (tests, benchmarks) use their own folders.
  outDir: process.env.HUB_OUT ?? "dist",
  cacheDir: `node_modules/.astro-cache/${process.env.HUB_OUT ?? "dist"}`,
  trailingSlash: "always",
  build: { format: "directory" },
  // searchIndex, then kioskMode: the kiosk's offline worker precaches the finished search index;
  // precompress last, so it compresses everything the others wrote.
  integrations: [siteModelIntegration(config.content), mdx(), decapCms(), kbExport(config.content), searchIndex(), kioskMode(), precompress()],
  vite: {
    build: {
      // Scripts are always files, never inlined into pages: the server's CSP then allows
      // scripts from this origin only, with no 'unsafe-inline' and no per-page hashes.
      // Other assets keep Vite's default limit (undefined).
      assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined),
    },
  },
  // Nothing leaves the origin: no telemetry-like prefetch of other hosts, no remote images.
  prefetch: false,
  devToolbar: { enabled: false },
});
