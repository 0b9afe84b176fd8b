// UI-string keys that a locale's file lacks compared with the source locale's file.
import path from "node:path";
import type { LoadedContent, Problem } from "../content-files";
import { contentDir } from "../paths";

export function missingUiKeys(c: LoadedContent): Record<string, string[]> {
  const source = c.strings[c.locales[0]?.code ?? "es"] ?? {};
  const missing: Record<string, string[]> = {};
  for (const { code } of c.locales.slice(1)) {
    const own = c.strings[code] ?? {};
    missing[code] = Object.keys(source).filter((k) => !Object.hasOwn(own, k));
  }
  return missing;
}

export function checkUiStrings(c: LoadedContent, root = contentDir()): Problem[] {
  return Object.entries(missingUiKeys(c)).flatMap(([code, keys]) =>
    keys.map((key) => ({
      severity: "error" as const,
      file: path.relative(process.cwd(), path.join(root, "i18n", `${code}.json`)),
      message: `the key "${key}" is missing. Copy it from ${c.locales[0]?.code ?? "es"}.json and translate its text.`,
    })),
  );
}
