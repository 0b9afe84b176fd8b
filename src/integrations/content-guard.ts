// Fails the build before any page renders when content/ has a mistake, with messages that
// name the file, the line, the field and the fix (see src/lib/content-files.ts).
import type { AstroIntegration } from "astro";
import { assertValidContent } from "../lib/content-files";

export function contentGuard(): AstroIntegration {
  return {
    name: "hub:content-guard",
    hooks: {
      "astro:config:setup": ({ command }) => {
        if (command === "build" || command === "dev") assertValidContent();
      },
    },
  };
}
