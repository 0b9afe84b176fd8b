// The hub process's settings, read once from the environment. Every setting has a default
// so `npm start` works on a clean clone with nothing configured (no Twilio, memory state).
import { minutesSetting as minutes, readRetention } from "../src/lib/retention";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** Send through another base URL than https://api.twilio.com (a proxy, or a test double). */
  apiBase?: string;
}

export interface HubConfig {
  port: number;
  /** Interface to listen on ("" = all). */
  host: string;
  /** Folder of the built site. */
  siteDir: string;
  /** The knowledge base the build wrote (HUB_KB, default {HUB_OUT}/kb.json): the bot answers from the same build as the site. */
  kbFile: string;
  /** The site's public address (SITE_URL, else PUBLIC_URL): the bot's links become full addresses. */
  siteUrl?: string;
  /** Browser origins allowed to open the web chat (the site's own origins by default). */
  siteOrigins: string[];
  /** Public base URL of this server as Twilio sees it (the signature covers the full URL). */
  publicUrl?: string;
  twilio?: TwilioConfig;
  /** Messages one web-chat connection may send per minute before it is asked to slow down. */
  chatRatePerMinute: number;
  /** Largest web-chat frame accepted, in bytes. */
  chatMaxBytes: number;
  /** Conversation state is forgotten after this long without a message. */
  idleMs: number;
  /** Log-free counts are printed every this many ms (0 = only at shutdown). */
  statsEveryMs: number;
  /** Open web-chat sockets the whole hub holds; past it the heaviest address gives one up. */
  chatMaxConnections: number;
  /** Open web-chat sockets one client address may hold. */
  chatMaxPerAddress: number;
  /** Messages per minute all the web-chat connections of one address may send together. */
  chatAddressRatePerMinute: number;
  /** A web-chat connection with no message for this long is told so and closed. */
  chatIdleMs: number;
  /** Messages per minute one SMS/WhatsApp sender is answered. */
  twilioRatePerMinute: number;
  /**
   * Proxies whose X-Forwarded-For is believed (proxy-addr's syntax: addresses, CIDR ranges,
   * "loopback", "linklocal", "uniquelocal"). Empty: the socket's address is the client's.
   */
  trustProxy: string[];
  /** Redis for what several hub processes must share (handled MessageSids); none: memory. */
  redisUrl?: string;
  /** Build-time PUBLIC_BOT_URL, when the chat's bot runs elsewhere (the CSP allows its origin). */
  botUrl?: string;
  /** "engine" answers with the real engine; "echo" is the bare Botkit echo bot the benchmark compares against. */
  botMode: "engine" | "echo";
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}".`);
  return n;
}

function originOf(url: string, name: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`${name} must be a full URL like https://hub.example.org, got "${url}".`);
  }
}

/** Reads the configuration from the environment; throws a readable message on a bad value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = positiveInt(env, "PORT", 4321);
  const publicUrl = env["PUBLIC_URL"] ? env["PUBLIC_URL"].replace(/\/+$/, "") : undefined;
  const listed = (env["SITE_ORIGINS"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => originOf(s, "SITE_ORIGINS"));
  const own = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  if (publicUrl) own.push(originOf(publicUrl, "PUBLIC_URL"));
  const sid = env["TWILIO_ACCOUNT_SID"];
  const token = env["TWILIO_AUTH_TOKEN"];
  const apiBase = env["TWILIO_API_BASE"];
  // Shared with the about page, which tells people how long a conversation is kept.
  const retention = readRetention(env);
  const config: HubConfig = {
    port,
    host: env["HOST"] ?? "",
    siteDir: env["HUB_OUT"] ?? "dist",
    kbFile: env["HUB_KB"] ?? `${(env["HUB_OUT"] ?? "dist").replace(/\/+$/, "")}/kb.json`,
    ...(env["SITE_URL"] || publicUrl ? { siteUrl: (env["SITE_URL"] ?? publicUrl ?? "").replace(/\/+$/, "") } : {}),
    siteOrigins: [...new Set([...own, ...listed])],
    chatRatePerMinute: positiveInt(env, "CHAT_RATE_PER_MINUTE", 30),
    chatMaxBytes: positiveInt(env, "CHAT_MAX_BYTES", 4096),
    idleMs: retention.stateIdleMs,
    statsEveryMs: minutes(env, "STATS_EVERY_MINUTES", 60),
    chatMaxConnections: positiveInt(env, "CHAT_MAX_CONNECTIONS", 2000),
    chatMaxPerAddress: positiveInt(env, "CHAT_MAX_PER_ADDRESS", 20),
    chatAddressRatePerMinute: positiveInt(env, "CHAT_ADDRESS_RATE_PER_MINUTE", 120),
    chatIdleMs: retention.chatIdleMs,
    twilioRatePerMinute: positiveInt(env, "TWILIO_RATE_PER_MINUTE", 10),
    trustProxy: (env["TRUST_PROXY"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    botMode: env["HUB_BOT"] === "echo" ? "echo" : "engine",
  };
  const redisUrl = env["REDIS_URL"];
  if (redisUrl) {
    // Not echoed back: the URL may hold Redis's password.
    let protocol = "";
    try {
      protocol = new URL(redisUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== "redis:" && protocol !== "rediss:") throw new Error("REDIS_URL must be a URL like redis://127.0.0.1:6379 (or rediss:// for TLS).");
    config.redisUrl = redisUrl;
  }
  if (env["PUBLIC_BOT_URL"]) config.botUrl = originOf(env["PUBLIC_BOT_URL"], "PUBLIC_BOT_URL");
  if (publicUrl) config.publicUrl = publicUrl;
  if (sid && token) config.twilio = { accountSid: sid, authToken: token, ...(apiBase ? { apiBase } : {}) };
  return config;
}
