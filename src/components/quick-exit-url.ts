// Where "Exit this page" goes. A neutral, ordinary-looking page on another site (a weather
// search, as GOV.UK sends people to a weather page), so a watcher sees nothing unusual.
// Deployments choose their own with QUICK_EXIT_URL at build time; tests intercept it.
// A kiosk build never leaves the site: a public screen with no address bar would be left on
// that other site. There the exit goes to the kiosk's own start page, and src/scripts/kiosk.ts
// also erases the session on the way.
import { kioskConfig } from "../lib/kiosk";

export const defaultQuickExitUrl = "https://www.google.com/search?q=clima";
/** The kiosk's start page (the language chooser), where its idle reset also goes. */
export const kioskQuickExitUrl = "/";

export function quickExitUrl(env: Record<string, string | undefined> = process.env): string {
  if (kioskConfig(env).enabled) return kioskQuickExitUrl;
  return env["QUICK_EXIT_URL"] || defaultQuickExitUrl;
}
