// The locale table: one row per language drives routing, <html lang dir>, hreflang, the
// language picker, search and the bot. Rows come from content/locales.json (plus a test-only
// fixture directory when HUB_EXTRA_LOCALES_DIR is set).
import fs from "node:fs";
import path from "node:path";
import { z } from "astro/zod";
import { localeSchema, type Locale } from "./schemas";
import { contentDir, extraLocalesDir } from "./paths";

export type { Locale };

/** The language guides are written in first; every other locale translates from it. */
export const sourceLocale = "es";

function readTable(file: string): Locale[] {
  const parsed = z.array(localeSchema).safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path.relative(process.cwd(), file)}: row ${String(issue?.path[0])} field "${String(issue?.path[1])}" ${issue?.message}. Each row needs code, lang, label and dir.`,
    );
  }
  return parsed.data;
}

let cache: { key: string; rows: Locale[] } | undefined;

/** All locales, source locale first. */
export function locales(root = contentDir()): Locale[] {
  const key = `${root}|${extraLocalesDir() ?? ""}`;
  if (cache?.key === key) return cache.rows;
  const rows = readTable(path.join(root, "locales.json"));
  const extra = extraLocalesDir();
  if (extra) rows.push(...readTable(path.join(extra, "locales.json")));
  if (rows[0]?.code !== sourceLocale) throw new Error(`content/locales.json: the first row must be the source locale "${sourceLocale}".`);
  cache = { key, rows };
  return rows;
}

export function localeCodes(): string[] {
  return locales().map((l) => l.code);
}

export function getLocale(code: string): Locale | undefined {
  return locales().find((l) => l.code === code);
}

export function isLocale(code: string): boolean {
  return getLocale(code) !== undefined;
}
