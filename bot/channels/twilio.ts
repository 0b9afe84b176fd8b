// SMS and WhatsApp through Twilio's webhook format, on the current `twilio` package (the
// published botbuilder-adapter-twilio-sms pins twilio@3 and vulnerable axios/jsonwebtoken).
// POST /twilio/sms and /twilio/whatsapp, in this order: a form Content-Type (else 415, before
// reading anything), a bounded body, X-Twilio-Signature against PUBLIC_URL + the path, the
// MessageSid not handled before (replays send nothing), the sender's rate; then the turn is
// queued and the answer goes out through Twilio's REST API.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type twilioSdk from "twilio";
import { ChannelAdapter, type OutgoingReply } from "./botkit";
import type { TwilioConfig } from "../config";
import { logError, type Stats } from "../log";
import { plain } from "../http";
import type { ReplayGuard } from "../store/replay-guard";
import { type FairQueue, RateLimiter } from "./fair";

export const TWILIO_PATHS = { sms: "/twilio/sms", whatsapp: "/twilio/whatsapp" } as const;
type TwilioChannel = keyof typeof TWILIO_PATHS;

/** Where a reply goes: the person's number and the hub's number they wrote to. */
interface TwilioAddress {
  to: string;
  from: string;
}

/** Sends one message; the REST client in production, anything with the same shape in tests. */
export type TwilioSend = (message: { to: string; from: string; body: string }) => Promise<void>;

export class TwilioAdapter extends ChannelAdapter<TwilioAddress> {
  override readonly numberedOptions = true;

  constructor(
    readonly channelId: TwilioChannel,
    private readonly sendMessage: TwilioSend,
    /** Writes a reply as this channel's messages (sms-format.ts). */
    private readonly format: (reply: OutgoingReply, channel: TwilioChannel) => string[],
  ) {
    super();
    // SMS is paged (each segment is paid); WhatsApp sends every part at once.
    if (channelId === "sms") this.paginate = (reply) => this.format(reply, "sms");
  }

  protected async deliver(address: TwilioAddress, reply: OutgoingReply): Promise<void> {
    // Parts go one after the other so they arrive in order as often as the network allows.
    for (const body of reply.pages ?? this.format(reply, this.channelId)) await this.sendMessage({ to: address.to, from: address.from, body });
  }
}

type Twilio = typeof twilioSdk;
type RequestOptions<T> = Parameters<typeof twilioSdk.RequestClient.prototype.request<T>>[0];

// The SDK is loaded only on hubs that use it (it adds ~20 MB to the process).
let sdk: Promise<Twilio> | undefined;
const loadTwilio = (): Promise<Twilio> => (sdk ??= import("twilio").then((m) => m.default));

function restClient(twilio: Twilio, config: TwilioConfig) {
  const base = config.apiBase?.replace(/\/+$/, "");
  // Twilio's debug logging prints request details to stdout: kept off, whatever TWILIO_LOG_LEVEL says.
  const opts: Parameters<Twilio>[2] = { logLevel: "info" };
  if (base) {
    const origin: string = base;
    class Redirected extends twilio.RequestClient {
      override request<T>(o: RequestOptions<T>) {
        o.uri = o.uri.replace(/^https:\/\/[^/]+/, origin);
        return super.request<T>(o);
      }
    }
    opts.httpClient = new Redirected();
  }
  return twilio(config.accountSid, config.authToken, opts);
}

/** The REST sender, optionally through another base URL (a proxy or a local test double). */
export function restSender(config: TwilioConfig): TwilioSend {
  let client: ReturnType<typeof restClient> | undefined;
  return async ({ to, from, body }) => {
    client ??= restClient(await loadTwilio(), config);
    await client.messages.create({ to, from, body });
  };
}

/** What reading a form body gave: the fields, or why there are none. */
type FormResult = { form: Record<string, string> } | { refused: "too_large" | "aborted" };

/** Reads a form body of at most `limit` bytes. Never rejects: a client that hangs up is "aborted". */
function readForm(req: IncomingMessage, limit: number): Promise<FormResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is ignored; the caller answers 413 and closes the connection.
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) resolve({ refused: "too_large" });
      else chunks.push(chunk);
    });
    req.on("end", () => resolve({ form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))) }));
    req.on("error", () => resolve({ refused: "aborted" }));
    req.on("close", () => {
      if (!req.complete) resolve({ refused: "aborted" });
    });
  });
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
/** Largest webhook body: Twilio's are a few hundred bytes (a 1,600-character message fits). */
const MAX_BODY_BYTES = 16 * 1024;
/** Twilio posts forms; anything else is refused before a byte of it is read. */
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;
/** A Twilio SID: two letters and 32 hex digits (SM..., MM...); anything longer is no SID. */
const MESSAGE_SID = /^[A-Z]{2}[0-9a-f]{32}$/i;
/** One sender's burst: as many answers at once as a minute allows. */
const SENDER_BURST_MINUTES = 1;

const acknowledge = (res: ServerResponse) => res.writeHead(200, { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" }).end(EMPTY_TWIML);

export interface TwilioWebhookOptions {
  /** Missing: the webhook answers 503 and nothing else runs. */
  config: TwilioConfig | undefined;
  publicUrl: string | undefined;
  adapters: Record<TwilioChannel, TwilioAdapter>;
  stats: Stats;
  /** Keys conversations (and rate limits) by a keyed hash of the phone number, never the number. */
  secret: Buffer;
  replays: ReplayGuard;
  /** Answers one sender gets per minute; past it the webhook is acknowledged and nothing is sent. */
  ratePerMinute: number;
  queue: FairQueue;
}

/** Returns a handler that answers Twilio's paths and returns false for any other request. */
export function twilioWebhook(options: TwilioWebhookOptions) {
  const keyed = (purpose: string, channel: string, from: string) =>
    crypto.createHmac("sha256", options.secret).update(`${purpose}:${channel}:${from}`).digest("base64url").slice(0, 24);
  const conversationOf = (channel: string, from: string) =>
    crypto.createHmac("sha256", options.secret).update(`${channel}:${from}`).digest("base64url").slice(0, 24);
  const senders = new RateLimiter(options.ratePerMinute, Math.max(1, options.ratePerMinute * SENDER_BURST_MINUTES));

  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    const channel = (Object.keys(TWILIO_PATHS) as TwilioChannel[]).find((c) => TWILIO_PATHS[c] === pathname);
    if (!channel) return false;
    void (async () => {
      if (req.method !== "POST") return plain(res, 405, "Method not allowed", { Allow: "POST" });
      const { config, publicUrl } = options;
      if (!config || !publicUrl) {
        return plain(res, 503, "SMS and WhatsApp are not set up on this hub. The website and its chat still work.");
      }
      if (!FORM_TYPE.test(req.headers["content-type"] ?? "")) {
        options.stats.refused += 1;
        return plain(res, 415, "Unsupported media type", { Connection: "close" });
      }
      const body = await readForm(req, MAX_BODY_BYTES);
      if ("refused" in body) {
        if (body.refused === "aborted") {
          // The client went away mid-body (a dropped line, or a slowloris): a count, not an error.
          options.stats.aborted += 1;
          return;
        }
        options.stats.refused += 1;
        res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end("Too large", () => req.destroy());
        return;
      }
      const { form } = body;
      const signature = req.headers["x-twilio-signature"];
      const signedUrl = publicUrl + (req.url ?? "");
      const twilio = await loadTwilio();
      if (typeof signature !== "string" || !twilio.validateRequest(config.authToken, signature, signedUrl, form)) {
        options.stats.refused += 1;
        return plain(res, 403, "Forbidden");
      }
      const from = form["From"];
      const to = form["To"];
      const sid = form["MessageSid"] ?? "";
      if (!from || !to || !MESSAGE_SID.test(sid)) return plain(res, 400, "Missing From, To or MessageSid");
      // Checked after the signature, so an unsigned request cannot use up a real message's SID.
      if (!(await options.replays.firstTime(sid))) {
        options.stats.replays += 1;
        return acknowledge(res);
      }
      if (!senders.take(keyed("rate", channel, from))) {
        // Each answer is a paid SMS: past the sender's rate, acknowledge and send nothing.
        options.stats.refused += 1;
        return acknowledge(res);
      }
      // Acknowledge at once; the answer goes out through the REST API when its turn comes.
      acknowledge(res);
      const conversation = conversationOf(channel, from);
      const queued = options.queue.push(`${channel}:${keyed("queue", channel, from)}`, () =>
        options.adapters[channel].receive(conversation, form["Body"] ?? "", { address: { to: from, from: to } }).catch((err: unknown) => {
          logError(`${channel} webhook`, err, options.stats);
        }),
      );
      if (!queued) options.stats.refused += 1;
    })().catch((err: unknown) => {
      logError(`${channel} webhook`, err, options.stats);
      if (!res.headersSent) plain(res, 500, "Sorry, something went wrong.");
    });
    return true;
  };
}
