// Kiosk mode is a build option (KIOSK=1). In other builds the kiosk's tools component is
// swapped for an empty one before bundling, so no kiosk script is even emitted; kiosk builds
// swap the session's remembered country (SessionCountry.astro) out the same way; in kiosk
// builds the offline service worker is written once the site and its search index exist.
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { kioskConfig } from "../lib/kiosk";
import { writeServiceWorker } from "./service-worker";

const off = fileURLToPath(new URL("../components/KioskOff.astro", import.meta.url));

export function kioskMode(): AstroIntegration {
  return {
    name: "hub:kiosk-mode",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        // Fails the build early, with the fix, on a bad KIOSK_* or PUBLIC_URL value.
        const kiosk = kioskConfig().enabled;
        // Kiosk builds drop the other way: a shared screen must not remember the visitor's
        // country, so the session memory (SessionCountry.astro, used by Base.astro) is not even emitted.
        const [swapped, importerName] = kiosk ? ["../components/SessionCountry.astro", "Base.astro"] : ["./KioskTools.astro", "KioskShell.astro"];
        updateConfig({
          vite: {
            plugins: [
              {
                name: kiosk ? "hub:kiosk-no-memory" : "hub:kiosk-off",
                enforce: "pre",
                resolveId(source, importer) {
                  if (source === swapped && importer?.replace(/\?.*$/, "").endsWith(importerName)) return off;
                  return null;
                },
              },
            ],
          },
        });
      },
      "astro:build:done": ({ dir, logger }) => writeServiceWorker(fileURLToPath(dir), logger),
    },
  };
}
