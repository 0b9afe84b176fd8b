// Kiosk mode is chosen by the hub's deployment when it builds the site (KIOSK=1 npm run build),
// never by a visitor: nothing in the browser can switch it on or off. Only a kiosk build
// renders the kiosk components, so other builds ship none of their code.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { localeCodes } from "./locales";
import { contentDir } from "./paths";
import { demoContent } from "./hubs";
import { localePath, pagePaths } from "./routes";

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
  /** ISO code of the served country the kiosk stands in (KIOSK_COUNTRY, else its hub's): help starts there. Kiosk builds only. */
  country?: string;
  /** Id of the hub (content/hubs/) the kiosk belongs to (KIOSK_HUB): its chat and "talk to a person" start there. Kiosk builds only. */
  hub?: string;
}

const DEFAULT_IDLE_SECONDS = 90;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 5) throw new Error(`${name} must be a whole number of seconds, 5 or more (got "${value}").`);
  return n;
}

/** The ids of a content folder's YAML files (content/countries/mx.yaml -> "mx"). */
function yamlIds(folder: string): string[] {
  const dir = path.join(contentDir(), folder);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort() : [];
}

/** KIOSK_COUNTRY and KIOSK_HUB, checked against content/countries/ and content/hubs/; throws a readable error. */
function kioskPlace(env: Record<string, string | undefined>): { country?: string; hub?: string } {
  const rawCountry = (env["KIOSK_COUNTRY"] ?? "").trim();
  const rawHub = (env["KIOSK_HUB"] ?? "").trim();
  const countries = yamlIds("countries");
  const country = rawCountry.toLowerCase();
  if (country && !countries.includes(country))
    throw new Error(`KIOSK_COUNTRY must be the code of a country the site serves (a file in content/countries/): ${countries.map((c) => c.toUpperCase()).join(", ")} (got "${rawCountry}").`);
  if (!rawHub) return country ? { country: country.toUpperCase() } : {};
  const hubs = yamlIds("hubs");
  if (!hubs.includes(rawHub)) throw new Error(`KIOSK_HUB must be the id of a hub in content/hubs/ (its file name): ${hubs.join(", ")} (got "${rawHub}").`);
  const hub = parse(fs.readFileSync(path.join(contentDir(), "hubs", `${rawHub}.yaml`), "utf8")) as { country?: string; example?: boolean };
  // An example hub must never pass for a real office: a public build has no page for it either.
  if (hub.example === true && !demoContent(env)) throw new Error(`KIOSK_HUB "${rawHub}" is an example hub; example hubs exist only in a demonstration build (HUB_DEMO=1). Name a real hub, or leave KIOSK_HUB out.`);
  const hubCountry = String(hub.country ?? "").toUpperCase();
  if (country && hubCountry !== country.toUpperCase()) throw new Error(`KIOSK_HUB "${rawHub}" is in ${hubCountry}, but KIOSK_COUNTRY is ${country.toUpperCase()}. Set KIOSK_COUNTRY=${hubCountry}, or leave it out (the hub's country is used).`);
  return { country: hubCountry, hub: rawHub };
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
  // Checked in every build, so a typo fails early; only a kiosk build uses the place.
  const place = kioskPlace(env);
  return { enabled, idleSeconds, countdownSeconds, publicUrl, locales: wanted.length ? wanted : all, ...(enabled ? place : {}) };
}

/** Where "Get help now" leads: a kiosk's own country's help page when it has one, else the help page of every country. */
export function helpNowPath(locale: string, config: KioskConfig = kioskConfig()): string {
  return localePath(locale, config.country ? pagePaths.helpIn(config.country) : pagePaths.help());
}

/** The public address of a site path, for QR codes. */
export function publicUrlOf(pathname: string, config: KioskConfig = kioskConfig()): string {
  return `${config.publicUrl}${pathname.startsWith("/") ? pathname : `/${pathname}`}`;
}
