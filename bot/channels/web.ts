// Web chat over a websocket (path /chat/ws). What the stock botbuilder-adapter-web lacks:
// the server issues each conversation's id (a client-sent "user" is ignored, so nobody can
// join another conversation), the Origin must be one of the site's, frames are capped at a
// few KB, and every timer stops on close(). Fair sharing: each connection and each client
// address is rate-limited, an address may hold only so many sockets, a full hub sheds the
// newest socket of the heaviest address (not the newcomer, not everyone), turns run through
// the lightest-sender-first queue, and a connection quiet for a few minutes is closed politely.
import crypto from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import { rawHeaderLines, requestPath, requestQuery } from "../http";
import { FairQueue, RateLimiter, TokenBucket } from "./fair";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { ChannelAdapter, type OutgoingReply } from "./botkit";
import { WEB_CHAT_PATH, type NoticeCode, type ServerFrame } from "../../src/lib/wire";
import { countryCodes } from "../../src/lib/schemas";
import { logError, type Stats } from "../log";

export { WEB_CHAT_PATH };
export type { ServerFrame, NoticeCode };

export interface WebChatOptions {
  origins: string[];
  maxBytes: number;
  ratePerMinute: number;
  /** Close a connection after this long without a message (with an "idle" notice first). */
  idleMs: number;
  maxConnections: number;
  maxPerAddress: number;
  /** Messages per minute for all connections of one address together. */
  addressRatePerMinute: number;
  /** The client address key of an upgrade request (see client-address.ts). */
  addressOf: (req: IncomingMessage) => string;
  /** Where turns wait their turn, shared with the other channels. */
  queue: FairQueue;
  /** Headers every refusal carries (the server's security headers). */
  headers: Record<string, string>;
  /** Locale codes a client may ask for. */
  locales: string[];
  /** Calm texts for refusals, in the connection's language. */
  notice: (code: NoticeCode, locale: string | undefined) => string;
  /** Called when a conversation ends, so its state is dropped at once. */
  onClose: (conversation: string) => void;
  stats: Stats;
}

interface Connection {
  socket: WebSocket;
  conversation: string;
  address: string;
  locale: string | undefined;
  alive: boolean;
  lastMessage: number;
  bucket: TokenBucket;
  strikes: number;
}

/** A connection's burst: the most messages it may send at once (then ratePerMinute). */
const CONNECTION_BURST = 10;
/** An address's burst is a quarter of its minute: a room of kiosks or a school writing at once. */
const ADDRESS_BURST_SHARE = 0.25;
/** After this many refused messages in a row a connection is closed (1008). */
const MAX_STRIKES = 20;
/** Liveness pings at most this far apart; a socket that misses one answer is cut. */
const PING_EVERY_MS = 30_000;
/** What a hub id may look like (a content/hubs/ file name); the engine answers only for hubs it knows. */
const HUB_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A kiosk's country and hub from a frame, when they are well-formed; anything else is dropped. */
function placeOf(frame: object): { country?: string; hub?: string } {
  const { country, hub } = frame as { country?: unknown; hub?: unknown };
  return {
    ...(typeof country === "string" && (countryCodes as readonly string[]).includes(country) ? { country } : {}),
    ...(typeof hub === "string" && HUB_ID.test(hub) ? { hub } : {}),
  };
}

export class WebChatAdapter extends ChannelAdapter<Connection> {
  readonly channelId = "web";

  protected async deliver(connection: Connection, reply: OutgoingReply): Promise<void> {
    send(connection.socket, { type: "reply", ...reply });
  }
}

function send(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, headers: Record<string, string>): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n${rawHeaderLines(headers)}\r\n${reason}`);
}

export interface WebChat {
  adapter: WebChatAdapter;
  connections(): number;
  close(): Promise<void>;
}

/** Listens for web-chat websockets on the given HTTP server. */
export function attachWebChat(server: Server, adapter: WebChatAdapter, options: WebChatOptions): WebChat {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxBytes, perMessageDeflate: false });
  const live = new Set<Connection>();
  /** Open connections by address, oldest first (a Set keeps insertion order). */
  const byAddress = new Map<string, Set<Connection>>();
  const capacity = Math.max(1, Math.min(options.ratePerMinute, CONNECTION_BURST));
  const addressLimiter = new RateLimiter(options.addressRatePerMinute, Math.max(1, Math.round(options.addressRatePerMinute * ADDRESS_BURST_SHARE)));
  const refuse = (socket: Duplex, status: number, reason: string) => {
    options.stats.refused += 1;
    refuseUpgrade(socket, status, reason, options.headers);
  };

  const forget = (c: Connection) => {
    if (!live.delete(c)) return;
    const mine = byAddress.get(c.address);
    mine?.delete(c);
    if (mine && !mine.size) byAddress.delete(c.address);
  };

  /** The full hub makes room: the newest socket of the address holding the most goes. */
  const shed = (newcomer: string): boolean => {
    let heaviest: Set<Connection> | undefined;
    for (const set of byAddress.values()) if (!heaviest || set.size > heaviest.size) heaviest = set;
    const own = byAddress.get(newcomer)?.size ?? 0;
    // The newcomer's address is (or would become) the heaviest itself: it is the one refused.
    if (!heaviest || heaviest.size <= own + 1) return false;
    const newest = [...heaviest].at(-1)!;
    forget(newest);
    options.stats.refused += 1;
    send(newest.socket, { type: "notice", code: "busy", text: options.notice("busy", newest.locale) });
    newest.socket.close(1013, "Try again later");
    return true;
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    if (requestPath(req) !== WEB_CHAT_PATH) return refuseUpgrade(socket, 404, "Not Found", options.headers);
    const origin = req.headers.origin;
    if (!origin || !options.origins.includes(origin)) return refuse(socket, 403, "Forbidden");
    const address = options.addressOf(req);
    if ((byAddress.get(address)?.size ?? 0) >= options.maxPerAddress) return refuse(socket, 429, "Too Many Connections");
    if (live.size >= options.maxConnections && !shed(address)) return refuse(socket, 503, "Busy");
    const asked = new URLSearchParams(requestQuery(req)).get("locale") ?? "";
    const locale = options.locales.includes(asked) ? asked : undefined;
    wss.handleUpgrade(req, socket, head, (ws) => open(ws, address, locale));
  };

  const open = (socket: WebSocket, address: string, locale: string | undefined) => {
    // The conversation id is the server's: random, opaque, never taken from the client.
    const connection: Connection = {
      socket,
      conversation: crypto.randomBytes(18).toString("base64url"),
      address,
      locale,
      alive: true,
      lastMessage: Date.now(),
      bucket: new TokenBucket(options.ratePerMinute, capacity),
      strikes: 0,
    };
    live.add(connection);
    let mine = byAddress.get(address);
    if (!mine) byAddress.set(address, (mine = new Set()));
    mine.add(connection);
    socket.on("pong", () => (connection.alive = true));
    socket.on("message", (data, isBinary) => onMessage(connection, data, isBinary));
    // ws reports oversized frames (1009) and protocol errors here, then closes the socket.
    socket.on("error", () => (options.stats.refused += 1));
    socket.on("close", () => {
      forget(connection);
      options.onClose(connection.conversation);
    });
    send(socket, { type: "hello", conversation: connection.conversation });
  };

  const notice = (c: Connection, code: NoticeCode) => send(c.socket, { type: "notice", code, text: options.notice(code, c.locale) });

  const slowDown = (c: Connection) => {
    // A flood gets one calm notice per burst, then the door closes.
    options.stats.refused += 1;
    c.strikes += 1;
    if (c.strikes === 1) notice(c, "rate_limited");
    if (c.strikes > MAX_STRIKES) c.socket.close(1008, "Too many messages");
  };

  const onMessage = (c: Connection, data: RawData, isBinary: boolean) => {
    c.lastMessage = Date.now();
    if (!c.bucket.take() || !addressLimiter.take(c.address)) return slowDown(c);
    c.strikes = 0;
    const badRequest = () => {
      options.stats.refused += 1;
      notice(c, "bad_request");
    };
    if (isBinary) return badRequest();
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return badRequest();
    }
    if (!frame || typeof frame !== "object" || (frame as { type?: unknown }).type !== "message" || typeof (frame as { text?: unknown }).text !== "string") {
      return badRequest();
    }
    const asked = (frame as { locale?: unknown }).locale;
    if (typeof asked === "string" && options.locales.includes(asked)) c.locale = asked;
    // Anything else in the frame ("user", "conversation", ...) is ignored on purpose.
    const text = (frame as { text: string }).text;
    const place = placeOf(frame);
    const queued = options.queue.push(c.address, () =>
      // A connection closed while its turn waited gets no turn: nobody would read the reply.
      live.has(c)
        ? adapter.receive(c.conversation, text, { address: c, ...(c.locale ? { locale: c.locale } : {}), ...place }).catch((err: unknown) => {
            logError("web chat turn", err, options.stats);
            notice(c, "error");
          })
        : Promise.resolve(),
    );
    if (!queued) slowDown(c);
  };

  // One timer for liveness and the quiet-connection close; stopped in close().
  const tick = Math.min(PING_EVERY_MS, Math.max(250, options.idleMs / 4));
  let lastPing = Date.now();
  const heartbeat = setInterval(() => {
    const now = Date.now();
    const ping = now - lastPing >= PING_EVERY_MS;
    if (ping) lastPing = now;
    for (const c of live) {
      if (now - c.lastMessage > options.idleMs) {
        // Polite: say why, then a normal close; the page reconnects when the person writes again.
        forget(c);
        notice(c, "idle");
        c.socket.close(1000, "Idle");
        continue;
      }
      if (!ping) continue;
      if (!c.alive) {
        forget(c);
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, tick);
  heartbeat.unref();

  server.on("upgrade", onUpgrade);

  return {
    adapter,
    connections: () => live.size,
    close() {
      clearInterval(heartbeat);
      server.off("upgrade", onUpgrade);
      const all = [...wss.clients];
      for (const ws of all) ws.close(1001, "Server shutting down");
      return new Promise((resolve) => {
        // Sockets that do not finish the closing handshake quickly are cut.
        const cut = setTimeout(() => {
          for (const ws of all) ws.terminate();
        }, 1000);
        cut.unref();
        wss.close(() => {
          clearTimeout(cut);
          resolve();
        });
      });
    },
  };
}
