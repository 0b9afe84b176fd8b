// The site build's configuration, read from the environment once, at the edge (astro.config.mjs),
// and passed down: the model, the integrations and the pages receive it; none of them reads
// process.env. The bot server has its own, bot/config.ts (readConfig).
import path from "node:path";
import { demoContent } from "./hubs";

/** Where a build's content comes from, and what it publishes. */
export interface ContentSource {
  /** Absolute path of the content directory (HUB_CONTENT_DIR, default content/). */
  contentDir: string;
  /** Absolute path of test-only extra locales (HUB_EXTRA_LOCALES_DIR), e.g. the right-to-left fixture. */
  extraLocalesDir?: string | undefined;
  /** Build the example hubs too (HUB_DEMO=1): demonstration sites and the tests. */
  demo: boolean;
}

export interface BuildConfig {
  content: ContentSource;
}

type Env = Record<string, string | undefined>;

/** Reads the build's options from its environment. */
export function readBuildConfig(env: Env): BuildConfig {
  const extra = env["HUB_EXTRA_LOCALES_DIR"];
  return {
    content: {
      contentDir: path.resolve(env["HUB_CONTENT_DIR"] || "content"),
      ...(extra ? { extraLocalesDir: path.resolve(extra) } : {}),
      demo: demoContent(env),
    },
  };
}
