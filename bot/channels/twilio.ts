// SMS and WhatsApp through Twilio's webhook format, on the current `twilio` package (the
// published botbuilder-adapter-twilio-sms pins twilio@3 and vulnerable axios/jsonwebtoken).
// POST /twilio/sms and /twilio/whatsapp: X-Twilio-Signature is checked against PUBLIC_URL +
// the path before anything else runs; replies go out through Twilio's REST API.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type twilioSdk from "twilio";
import { ChannelAdapter, type OutgoingReply } from "./botkit";
import { SMS_MAX_CHARS, WHATSAPP_MAX_CHARS } from "./sms-format";
import type { TwilioConfig } from "../config";
import { logError, type Stats } from "../log";

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
    private readonly format: (reply: OutgoingReply, maxChars: number) => string[],
  ) {
    super();
  }

  protected async deliver(address: TwilioAddress, reply: OutgoingReply): Promise<void> {
    const max = this.channelId === "sms" ? SMS_MAX_CHARS : WHATSAPP_MAX_CHARS;
    // Parts go one after the other so they arrive in order as often as the network allows.
    for (const body of this.format(reply, max)) await this.sendMessage({ to: address.to, from: address.from, body });
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

/** Reads a form body of at most `limit` bytes; undefined when too large. */
function readForm(req: IncomingMessage, limit: number): Promise<Record<string, string> | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is ignored; the caller answers 413 and closes the connection.
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")))));
    req.on("error", reject);
  });
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(text);
}

export interface TwilioWebhookOptions {
  /** Missing: the webhook answers 503 and nothing else runs. */
  config: TwilioConfig | undefined;
  publicUrl: string | undefined;
  adapters: Record<TwilioChannel, TwilioAdapter>;
  stats: Stats;
  /** Keys conversations by a keyed hash of the phone number, so storage never holds the number. */
  secret: Buffer;
}

/** Returns a handler that answers Twilio's paths and returns false for any other request. */
export function twilioWebhook(options: TwilioWebhookOptions) {
  const conversationOf = (channel: string, from: string) =>
    crypto.createHmac("sha256", options.secret).update(`${channel}:${from}`).digest("base64url").slice(0, 24);

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const channel = (Object.keys(TWILIO_PATHS) as TwilioChannel[]).find((c) => TWILIO_PATHS[c] === url.pathname);
    if (!channel) return false;
    void (async () => {
      if (req.method !== "POST") return void res.writeHead(405, { Allow: "POST" }).end();
      const { config, publicUrl } = options;
      if (!config || !publicUrl) {
        return plain(res, 503, "SMS and WhatsApp are not set up on this hub. The website and its chat still work.");
      }
      const form = await readForm(req, 16 * 1024);
      if (!form) {
        options.stats.refused += 1;
        res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end("Too large", () => req.destroy());
        return;
      }
      const signature = req.headers["x-twilio-signature"];
      const signedUrl = publicUrl + (req.url ?? "");
      const twilio = await loadTwilio();
      if (typeof signature !== "string" || !twilio.validateRequest(config.authToken, signature, signedUrl, form)) {
        options.stats.refused += 1;
        return plain(res, 403, "Forbidden");
      }
      const from = form["From"];
      const to = form["To"];
      if (!from || !to) return plain(res, 400, "Missing From or To");
      // Acknowledge at once; the answer goes out through the REST API.
      res.writeHead(200, { "Content-Type": "text/xml; charset=utf-8" }).end(EMPTY_TWIML);
      await options.adapters[channel].receive(conversationOf(channel, from), form["Body"] ?? "", { address: { to: from, from: to } });
    })().catch((err: unknown) => {
      logError(`${channel} webhook`, err, options.stats);
      if (!res.headersSent) plain(res, 500, "Sorry, something went wrong.");
    });
    return true;
  };
}
