// All channels of one hub process: web chat, SMS and WhatsApp, run by one Botkit host over
// one conversation store. The server calls startChannels() and routes HTTP to handle().
import crypto from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Storage } from "botbuilder";
import { createBotHost, type Responder } from "./botkit";
import { createMemoryStore } from "./memory-store";
import { replyFormatter, type SmsFormat } from "./sms-format";
import { restSender, TwilioAdapter, twilioWebhook, type TwilioSend } from "./twilio";
import { attachWebChat, WebChatAdapter, type NoticeCode, type WebChat } from "./web";
import { FairQueue } from "./fair";
import { clientAddress } from "../client-address";
import { securityHeaders } from "../http";
import { replayGuard } from "../store/replay-guard";
import { redisStore, type SharedStore } from "../store/shared-store";
import type { HubConfig } from "../config";
import { logInfo, type Stats } from "../log";
import { useTranslations, type UiKey } from "../../src/lib/i18n";
import { localeCodes, sourceLocale } from "../../src/lib/locales";

export { TWILIO_PATHS } from "./twilio";
export { WEB_CHAT_PATH } from "./web";
export type { Responder } from "./botkit";

export interface Channels {
  /** Answers the request if it belongs to a channel; false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
  web: WebChat;
  close(): Promise<void>;
}

/** Turns running at once: the engine is synchronous, so more would only queue inside Node. */
const TURN_CONCURRENCY = 2;
/** Turns one address or sender may have waiting; its burst limit keeps it below this anyway. */
const MAX_WAITING_PER_KEY = 50;
/** A sender's past use is forgiven by half every 30 s: a person who wrote a while ago is light again. */
const USAGE_HALF_LIFE_MS = 30_000;

/** A country's name in a language (from the knowledge base), for SMS lines of numbers. */
export type CountryName = NonNullable<SmsFormat["countryName"]>;

export interface ChannelOptions {
  /** Replaces the Twilio REST client (tests point it at a local double instead, via TWILIO_API_BASE). */
  twilioSend?: TwilioSend;
  countryName?: CountryName;
}

/**
 * A persistent store is optional: HUB_STATE_STORE names a module whose `createStorage()`
 * returns a botbuilder Storage (e.g. wrapping botbuilder-storage-mongodb). Idle expiry is
 * then that store's job (a TTL index); the default keeps everything in memory.
 */
async function openStorage(config: HubConfig): Promise<{ storage: Storage; close: () => void }> {
  const modulePath = process.env["HUB_STATE_STORE"];
  if (!modulePath) {
    const store = createMemoryStore(config.idleMs);
    return { storage: store, close: () => store.close() };
  }
  const mod = (await import(pathToFileURL(path.resolve(modulePath)).href)) as { createStorage?: () => Storage | Promise<Storage> };
  if (typeof mod.createStorage !== "function") throw new Error(`HUB_STATE_STORE: ${modulePath} must export a function createStorage() returning a botbuilder Storage.`);
  logInfo("conversation state: persistent store");
  return { storage: await mod.createStorage(), close: () => undefined };
}

export async function startChannels(server: Server, config: HubConfig, responder: Responder | "echo", stats: Stats, options: ChannelOptions = {}): Promise<Channels> {
  const locales = localeCodes();
  const text = (key: UiKey, locale: string | undefined) => useTranslations(locale && locales.includes(locale) ? locale : sourceLocale)(key);
  const { storage, close: closeStorage } = await openStorage(config);

  const twilioSend = options.twilioSend ?? (config.twilio ? restSender(config.twilio) : async () => undefined);
  const siteUrl = process.env["SITE_URL"] ?? config.publicUrl;
  const format = replyFormatter(
    {
      ...(siteUrl ? { siteUrl: siteUrl.replace(/\/+$/, "") } : {}),
      ...(options.countryName ? { countryName: options.countryName } : {}),
    },
    (locale) => ({ optionsHeader: text("chat.smsOptions", locale), moreLine: text("chat.smsMore", locale) }),
  );
  const sms = new TwilioAdapter("sms", twilioSend, format);
  const whatsapp = new TwilioAdapter("whatsapp", twilioSend, format);
  const webAdapter = new WebChatAdapter();

  const host = createBotHost({ adapters: [webAdapter, sms, whatsapp], storage, responder, stats, fallback: (locale) => text("chat.error", locale) });

  // One queue for every channel's turns: the lightest sender goes first, whatever the channel.
  const queue = new FairQueue({ concurrency: TURN_CONCURRENCY, maxPendingPerKey: MAX_WAITING_PER_KEY, halfLifeMs: USAGE_HALF_LIFE_MS });
  const noticeKeys: Record<NoticeCode, UiKey> = { bad_request: "chat.badRequest", rate_limited: "chat.rateLimited", error: "chat.error", idle: "chat.idle", busy: "chat.busy" };
  const web = attachWebChat(server, webAdapter, {
    origins: config.siteOrigins,
    maxBytes: config.chatMaxBytes,
    ratePerMinute: config.chatRatePerMinute,
    idleMs: config.chatIdleMs,
    maxConnections: config.chatMaxConnections,
    maxPerAddress: config.chatMaxPerAddress,
    addressRatePerMinute: config.chatAddressRatePerMinute,
    addressOf: clientAddress(config.trustProxy),
    queue,
    headers: securityHeaders(config.botUrl),
    locales,
    notice: (code, locale) => text(noticeKeys[code], locale),
    // A web conversation lives as long as its connection: nothing to resume, nothing to steal.
    // Forget after any turn still running, or its end-of-turn save would bring the state back.
    onClose: (conversation) =>
      void webAdapter
        .settled(conversation)
        .then(() => host.forget(webAdapter, conversation))
        .catch(() => undefined),
    stats,
  });

  const secret = process.env["HUB_STATE_SECRET"] ? Buffer.from(process.env["HUB_STATE_SECRET"]) : crypto.randomBytes(32);
  // Redis (REDIS_URL) is shared by every hub process; the connection is opened once here and
  // whatever else needs sharing (conversation state next) takes the same SharedStore.
  let shared: SharedStore | undefined;
  if (config.redisUrl) {
    shared = await redisStore(config.redisUrl);
    logInfo("shared store: redis");
  }
  const replays = replayGuard(shared);
  const twilioHandler = twilioWebhook({
    config: config.twilio,
    publicUrl: config.publicUrl,
    adapters: { sms, whatsapp },
    stats,
    secret,
    replays,
    ratePerMinute: config.twilioRatePerMinute,
    queue,
  });
  if (!config.twilio) logInfo("SMS/WhatsApp: off (no TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN)");
  else if (!config.publicUrl) logInfo("SMS/WhatsApp: off until PUBLIC_URL is set (Twilio signs the public URL)");
  else logInfo("SMS/WhatsApp: on");

  return {
    handle: twilioHandler,
    web,
    async close() {
      queue.close();
      await web.close();
      await host.close();
      closeStorage();
      await replays.close();
      await shared?.close();
    },
  };
}
