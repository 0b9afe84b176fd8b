// UI strings shared by the site and the bot: flat dotted keys in content/i18n/{locale}.json,
// loaded by i18next. Keys are typed from the source locale's file; a key missing in a locale
// falls back to the source locale.
import fs from "node:fs";
import path from "node:path";
import type { i18n } from "i18next";
import type sourceStrings from "../../content/i18n/es.json";
import { contentDir, extraLocalesDir } from "./paths";
import { locales, sourceLocale } from "./locales";
import { createUiI18n } from "./ui-i18n";

export type UiKey = keyof typeof sourceStrings;
export type UiStrings = Record<string, string>;
export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

function stringsFile(code: string, root: string): string {
  const own = path.join(root, "i18n", `${code}.json`);
  const extra = extraLocalesDir();
  if (!fs.existsSync(own) && extra) return path.join(extra, "i18n", `${code}.json`);
  return own;
}

/** The raw strings of one locale (empty if the file does not exist yet). */
export function loadUiStrings(code: string, root = contentDir()): UiStrings {
  const file = stringsFile(code, root);
  if (!fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as UiStrings;
  } catch (err) {
    throw new Error(`${path.relative(process.cwd(), file)}: is not valid JSON (${(err as Error).message}). Check for a missing comma or quote.`);
  }
}

let instance: { key: string; i18n: i18n } | undefined;

function getInstance(): i18n {
  const key = `${contentDir()}|${extraLocalesDir() ?? ""}`;
  if (instance?.key === key) return instance.i18n;
  const i18n = createUiI18n(Object.fromEntries(locales().map((l) => [l.code, loadUiStrings(l.code)])), sourceLocale);
  instance = { key, i18n };
  return i18n;
}

/** A translate function for one locale; missing keys fall back to Spanish. */
export function useTranslations(code: string): Translate {
  const t = getInstance().getFixedT(code);
  return (key, vars) => t(key, vars ?? {});
}

/** True when the locale's own file has the key (no fallback). */
export function hasOwnString(code: string, key: string): boolean {
  return Object.hasOwn(loadUiStrings(code), key);
}
