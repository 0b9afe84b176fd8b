// Shared by the kiosk tests: where the kiosk build is served, its public URL, and a QR decoder.
import { PNG } from "pngjs";
import jsQR from "jsqr";
import type { Locator } from "@playwright/test";
import { useTranslations } from "../../src/lib/i18n";
import { loadContent } from "../../src/lib/content-files";

/** The kiosk build is served on the port after the site's (see playwright.config.ts). */
export const kioskURL = `http://localhost:${Number(process.env["HUB_PORT"] ?? 4321) + 1}`;
/** PUBLIC_URL and KIOSK_IDLE_SECONDS the test kiosk build is made with (npm run test:build). */
export const publicURL = "https://hub.example.org";
export const idleSeconds = 60;

/** The interface strings of a locale, as the site renders them. */
export const ui = (locale: string) => useTranslations(locale);

export function guideData(locale: string, id: string) {
  const g = loadContent().content.guides.find((x) => x.locale === locale && x.id === id);
  if (!g) throw new Error(`no guide ${locale}/${id}`);
  return g.data;
}

/** Decodes the QR code shown by an element, from a screenshot of it as a person sees it. */
export async function decodeQr(el: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await el.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}
