// Kiosk mode is chosen by the hub's deployment when it builds the site (KIOSK=1 npm run build),
// never by a visitor: nothing in the browser can switch it on or off. Only a kiosk build
// renders the kiosk components, so other builds ship none of their code.
import { localeCodes } from "./locales";

export interface KioskConfig {
  /** True only in a kiosk build. */
  enabled: boolean;
  /** Seconds without a touch or key before the countdown starts. */
  idleSeconds: number;
  /** Seconds of countdown before the screen resets. */
  countdownSeconds: number;
  /** Public address of the hub's site, used in "take this with you" QR codes (no trailing slash). */
  publicUrl: string;
  /** Locales whose pages the kiosk keeps for offline use. */
  locales: string[];
}

const DEFAULT_IDLE_SECONDS = 90;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 5) throw new Error(`${name} must be a whole number of seconds, 5 or more (got "${value}").`);
  return n;
}

/** Reads the kiosk options from the build's environment; throws a readable error on a bad value. */
export function kioskConfig(env: Record<string, string | undefined> = process.env): KioskConfig {
  const enabled = env["KIOSK"] === "1" || env["KIOSK"] === "true";
  const idleSeconds = positiveInt("KIOSK_IDLE_SECONDS", env["KIOSK_IDLE_SECONDS"], DEFAULT_IDLE_SECONDS);
  const countdownSeconds = Math.min(20, Math.max(5, Math.round(idleSeconds / 3)));
  const rawUrl = env["PUBLIC_URL"] || env["SITE_URL"] || "http://localhost:4321";
  let publicUrl: string;
  try {
    publicUrl = new URL(rawUrl).href.replace(/\/+$/, "");
  } catch {
    throw new Error(`PUBLIC_URL must be a full web address like https://hub.example.org (got "${rawUrl}").`);
  }
  const all = localeCodes();
  const wanted = (env["KIOSK_LOCALES"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((code) => !all.includes(code));
  if (unknown.length) throw new Error(`KIOSK_LOCALES names unknown locale(s) ${unknown.join(", ")}; use codes from content/locales.json (${all.join(", ")}).`);
  return { enabled, idleSeconds, countdownSeconds, publicUrl, locales: wanted.length ? wanted : all };
}

/** The public address of a site path, for QR codes. */
export function publicUrlOf(pathname: string, config: KioskConfig = kioskConfig()): string {
  return `${config.publicUrl}${pathname.startsWith("/") ? pathname : `/${pathname}`}`;
}
