// Web chat over a websocket (path /chat/ws). What the stock botbuilder-adapter-web lacks:
// the server issues each conversation's id (a client-sent "user" is ignored, so nobody can
// join another conversation), the Origin must be one of the site's, frames are capped at a
// few KB, each connection is rate-limited, and every timer stops on close().
import crypto from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { ChannelAdapter, type OutgoingReply } from "./botkit";
import { logError, type Stats } from "../log";

export const WEB_CHAT_PATH = "/chat/ws";

/** Frames the server sends. The client renders them with textContent only. */
export type ServerFrame =
  | { type: "hello"; conversation: string }
  | ({ type: "reply" } & OutgoingReply)
  | { type: "notice"; code: "bad_request" | "rate_limited" | "error"; text: string };

export interface WebChatOptions {
  origins: string[];
  maxBytes: number;
  ratePerMinute: number;
  /** Close a connection after this long without a message. */
  idleMs: number;
  maxConnections?: number;
  /** Locale codes a client may ask for. */
  locales: string[];
  /** Calm texts for refusals, in the connection's language. */
  notice: (code: "bad_request" | "rate_limited" | "error", locale: string | undefined) => string;
  /** Called when a conversation ends, so its state is dropped at once. */
  onClose: (conversation: string) => void;
  stats: Stats;
}

interface Connection {
  socket: WebSocket;
  conversation: string;
  locale: string | undefined;
  alive: boolean;
  lastMessage: number;
  tokens: number;
  tokensAt: number;
  strikes: number;
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

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`);
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
  const maxConnections = options.maxConnections ?? 2000;
  const capacity = Math.max(1, Math.min(options.ratePerMinute, 10));
  const refillPerMs = options.ratePerMinute / 60_000;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== WEB_CHAT_PATH) return refuseUpgrade(socket, 404, "Not Found");
    const origin = req.headers.origin;
    if (!origin || !options.origins.includes(origin)) {
      options.stats.refused += 1;
      return refuseUpgrade(socket, 403, "Forbidden");
    }
    if (live.size >= maxConnections) return refuseUpgrade(socket, 503, "Busy");
    const asked = url.searchParams.get("locale") ?? "";
    const locale = options.locales.includes(asked) ? asked : undefined;
    wss.handleUpgrade(req, socket, head, (ws) => open(ws, locale));
  };

  const open = (socket: WebSocket, locale: string | undefined) => {
    // The conversation id is the server's: random, opaque, never taken from the client.
    const connection: Connection = {
      socket,
      conversation: crypto.randomBytes(18).toString("base64url"),
      locale,
      alive: true,
      lastMessage: Date.now(),
      tokens: capacity,
      tokensAt: Date.now(),
      strikes: 0,
    };
    live.add(connection);
    socket.on("pong", () => (connection.alive = true));
    socket.on("message", (data, isBinary) => onMessage(connection, data, isBinary));
    // ws reports oversized frames (1009) and protocol errors here, then closes the socket.
    socket.on("error", () => (options.stats.refused += 1));
    socket.on("close", () => {
      live.delete(connection);
      options.onClose(connection.conversation);
    });
    send(socket, { type: "hello", conversation: connection.conversation });
  };

  const allow = (c: Connection): boolean => {
    const now = Date.now();
    c.tokens = Math.min(capacity, c.tokens + (now - c.tokensAt) * refillPerMs);
    c.tokensAt = now;
    if (c.tokens >= 1) {
      c.tokens -= 1;
      c.strikes = 0;
      return true;
    }
    return false;
  };

  const refuse = (c: Connection, code: "bad_request" | "rate_limited") => {
    options.stats.refused += 1;
    send(c.socket, { type: "notice", code, text: options.notice(code, c.locale) });
  };

  const onMessage = (c: Connection, data: RawData, isBinary: boolean) => {
    c.lastMessage = Date.now();
    if (!allow(c)) {
      // A flood gets one calm notice per burst, then the door closes.
      c.strikes += 1;
      if (c.strikes === 1) refuse(c, "rate_limited");
      if (c.strikes > 20) c.socket.close(1008, "Too many messages");
      return;
    }
    if (isBinary) return refuse(c, "bad_request");
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return refuse(c, "bad_request");
    }
    if (!frame || typeof frame !== "object" || (frame as { type?: unknown }).type !== "message" || typeof (frame as { text?: unknown }).text !== "string") {
      return refuse(c, "bad_request");
    }
    const asked = (frame as { locale?: unknown }).locale;
    if (typeof asked === "string" && options.locales.includes(asked)) c.locale = asked;
    // Anything else in the frame ("user", "conversation", ...) is ignored on purpose.
    const text = (frame as { text: string }).text;
    adapter
      .receive(c.conversation, text, { address: c, ...(c.locale ? { locale: c.locale } : {}) })
      .catch((err: unknown) => {
        logError("web chat turn", err, options.stats);
        send(c.socket, { type: "notice", code: "error", text: options.notice("error", c.locale) });
      });
  };

  // One timer for liveness and idle expiry; stopped in close().
  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const c of live) {
      if (!c.alive || now - c.lastMessage > options.idleMs) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, 30_000);
  heartbeat.unref();

  server.on("upgrade", onUpgrade);

  return {
    adapter,
    connections: () => live.size,
    close() {
      clearInterval(heartbeat);
      server.off("upgrade", onUpgrade);
      for (const c of live) c.socket.close(1001, "Server shutting down");
      return new Promise((resolve) => {
        // Sockets that do not finish the closing handshake quickly are cut.
        const cut = setTimeout(() => {
          for (const c of live) c.socket.terminate();
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
