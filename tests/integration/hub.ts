// Test helpers: spawn the real hub server (node --import tsx bot/server.ts) on a free
// loopback port, and talk to it over a real websocket. Not a test file itself.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import fs from "node:fs";
import WebSocket from "ws";
import type { NoticeCode, ReplyPayload, ServerFrame } from "../../src/lib/wire";
import { builtKbFile } from "../../scripts/kb-file";

const root = path.resolve(import.meta.dirname, "../..");
const nodeBin = path.join(root, "node_modules/.bin/node");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Hub {
  port: number;
  base: string;
  origin: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal and resolves with how the process ended. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** The server reads the kb.json of a build; without one (most tests), one built from content/. */
export function kbEnv(env: Record<string, string>): Record<string, string> {
  const out = env["HUB_OUT"] ?? "dist-integration-none";
  return env["HUB_KB"] || fs.existsSync(path.join(root, out, "kb.json")) ? {} : { HUB_KB: builtKbFile() };
}

export async function startHub(env: Record<string, string> = {}): Promise<Hub> {
  const port = await freePort();
  let out = "";
  const child = spawn(nodeBin, ["--import", "tsx", "bot/server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", HUB_OUT: "dist-integration-none", ...kbEnv(env), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited early:\n${out}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`hub did not start within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    base,
    origin: `http://localhost:${port}`,
    child,
    output: () => out,
    async stop(signal = "SIGTERM") {
      const t0 = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const result = await exited;
      clearTimeout(killer);
      return { ...result, ms: Date.now() - t0 };
    },
  };
}

/** Any frame the server sends, read loosely (tests look at whichever fields they need). */
export type Frame = Partial<ReplyPayload> & { type: ServerFrame["type"]; conversation?: string; code?: NoticeCode };

/** A websocket client that queues the frames it receives. */
export class ChatClient {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | undefined;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.wake();
    });
    socket.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    socket.on("error", () => this.wake());
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** `localAddress` (another loopback address, e.g. 127.0.0.2) makes the client another person to the hub. */
  static open(hub: Hub, options: { origin?: string | null; locale?: string; localAddress?: string } = {}): Promise<ChatClient> {
    const headers: Record<string, string> = {};
    const origin = options.origin === undefined ? hub.origin : options.origin;
    if (origin !== null) headers["Origin"] = origin;
    const query = options.locale ? `?locale=${options.locale}` : "";
    const socket = new WebSocket(`ws://127.0.0.1:${hub.port}/chat/ws${query}`, { headers, ...(options.localAddress ? { localAddress: options.localAddress } : {}) });
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(new ChatClient(socket)));
      socket.once("unexpected-response", (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)));
      socket.once("error", reject);
    });
  }

  /** Waits for the next frame (of a type, if given) not yet taken. */
  async next(type?: string, timeoutMs = 10_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((f) => !type || f.type === type);
      if (index >= 0) return this.frames.splice(index, 1)[0]!;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting for ${type ?? "a frame"}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type ?? "frame"} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** Sends a text message and returns the reply (or notice) frame that answers it. */
  async ask(text: string, extra: Record<string, unknown> = {}): Promise<Frame> {
    this.send({ type: "message", text, ...extra });
    const frame = await this.next();
    if (frame.type === "hello") return this.next();
    return frame;
  }

  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error("socket still open");
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.closed;
  }

  close(): void {
    this.socket.close();
  }
}

/** Resolves after ms milliseconds (to prove that nothing arrives). */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A real redis-server of our own on a free loopback port: no persistence, no other clients.
 * .ci/run installs redis-server when it is missing, so this never skips.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 10_000;
  while (!/Ready to accept connections/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start:\n${out}`);
    await pause(50);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
