// Where the editable content lives. Scripts, the Astro build and tests all run from the
// project root; tests point HUB_CONTENT_DIR at fixture content instead.
import path from "node:path";

export function contentDir(): string {
  return path.resolve(process.env["HUB_CONTENT_DIR"] ?? "content");
}

/** Optional extra locales used only by tests (e.g. the right-to-left fixture). */
export function extraLocalesDir(): string | undefined {
  const dir = process.env["HUB_EXTRA_LOCALES_DIR"];
  return dir ? path.resolve(dir) : undefined;
}
