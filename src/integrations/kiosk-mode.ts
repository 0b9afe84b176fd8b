// Kiosk mode is a build option (KIOSK=1). In other builds the kiosk's tools component is
// swapped for an empty one before bundling, so no kiosk script is even emitted; in kiosk
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
        if (kioskConfig().enabled) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: "hub:kiosk-off",
                enforce: "pre",
                resolveId(source, importer) {
                  if (source === "./KioskTools.astro" && importer?.replace(/\?.*$/, "").endsWith("KioskShell.astro")) return off;
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
