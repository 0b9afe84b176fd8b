// npm run bench:flood: the hub under two abuses, on loopback only, with its default limits.
//   A. one address opens 2,000 websockets;
//   B. 1,000 connections from 50 addresses each send as fast as their own allowance lets them.
// During each, a normal user on another address (127.0.0.2) chats and /healthz is polled; the
// script prints their latencies against the targets (reply < 500 ms, /healthz < 100 ms).
// Linux routes all of 127.0.0.0/8 to lo, so clients bound to 127.0.x.y are distinct addresses.
// The normal user and the /healthz poll run in a process of their own ("probe" mode below), so
// the flood clients' own work in this process does not count against the hub.
// Bounded: fixed socket and message counts, and a time limit per phase; it stops by itself.
import { execFile, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import WebSocket from "ws";
import { builtKbFile } from "./kb-file";

const root = path.resolve(import.meta.dirname, "..");
const TARGET_REPLY_MS = 500;
const TARGET_HEALTH_MS = 100;
/** Sockets the one address tries to open in phase A. */
const SOCKET_FLOOD = 2000;
/** Connections of phase B, spread so each address holds its per-address maximum. */
const FLOOD_CONNECTIONS = 1000;
const FLOOD_ADDRESSES = 50;
/** How long the normal user chats during each phase, and the time limit of a phase. */
const MEASURE_MS = 20_000;
const PHASE_LIMIT_MS = 60_000;
/** The allowance each flooding connection keeps within: the default 30 a minute, bursts of 10. */
const PER_CONNECTION_BURST = 10;
const PER_CONNECTION_EVERY_MS = 2000;

const questions = ["hola", "como pido asilo en mexico", "me quieren matar ayuda", "what are my rights if the police stop me?", "je voyage seul, j'ai 15 ans"];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (n: number) => `${Math.round(n)} ms`;

async function startHub(): Promise<{ port: number; stop: () => void }> {
  const port = await freePort();
  const child = spawn(path.join(root, "node_modules/.bin/node"), ["--import", "tsx", "bot/server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", HUB_OUT: "dist-bench-none", HUB_KB: builtKbFile(), STATS_EVERY_MINUTES: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("the hub did not start");
    await pause(200);
  }
  return { port, stop: () => child.kill("SIGKILL") };
}

/** Opens a chat socket; `onMessage` is attached at once, so the hello frame is not missed. */
function open(port: number, localAddress: string, onMessage?: (data: WebSocket.RawData) => void): Promise<WebSocket | undefined> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/chat/ws?locale=es`, { headers: { Origin: `http://localhost:${port}` }, localAddress });
    if (onMessage) ws.on("message", onMessage);
    const timer = setTimeout(() => (ws.terminate(), resolve(undefined)), 10_000);
    ws.once("open", () => (clearTimeout(timer), resolve(ws)));
    ws.once("unexpected-response", (_req, res) => (clearTimeout(timer), res.resume(), resolve(undefined)));
    ws.once("error", () => (clearTimeout(timer), resolve(undefined)));
  });
}

/** The normal user: one message at a time, the next a moment after each reply. */
async function normalUser(port: number, until: number): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const frames: { type: string }[] = [];
  let wake: (() => void) | undefined;
  const ws = await open(port, "127.0.0.2", (d) => {
    frames.push(JSON.parse(d.toString()) as { type: string });
    wake?.();
  });
  if (!ws) return { latencies, failures: 1 };
  const next = (type: string, timeout: number) =>
    new Promise<boolean>((resolve) => {
      const check = () => {
        const i = frames.findIndex((f) => f.type === type);
        if (i >= 0) {
          frames.splice(i, 1);
          clearTimeout(timer);
          resolve(true);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => resolve(false), timeout);
      wake = () => void check();
      check();
    });
  await next("hello", 10_000);
  for (let i = 0; Date.now() < until; i++) {
    const t0 = performance.now();
    ws.send(JSON.stringify({ type: "message", text: questions[i % questions.length] }));
    if (await next("reply", 10_000)) latencies.push(performance.now() - t0);
    else failures += 1;
    // A person reads before writing again; and the per-connection allowance holds for them too.
    await pause(2100);
  }
  ws.close();
  return { latencies, failures };
}

async function healthPoll(port: number, until: number): Promise<number[]> {
  const out: number[] = [];
  while (Date.now() < until) {
    const t0 = performance.now();
    try {
      await (await fetch(`http://127.0.0.1:${port}/healthz`)).text();
      out.push(performance.now() - t0);
    } catch {
      out.push(Infinity);
    }
    await pause(100);
  }
  return out;
}

function report(label: string, user: { latencies: number[]; failures: number }, health: number[]): boolean {
  const replyP99 = quantile(user.latencies, 0.99);
  const healthP99 = quantile(health, 0.99);
  const ok = user.failures === 0 && user.latencies.length > 0 && replyP99 < TARGET_REPLY_MS && healthP99 < TARGET_HEALTH_MS;
  console.log(`  ${label}`);
  console.log(`    normal user's reply: p50 ${ms(quantile(user.latencies, 0.5))}, p99 ${ms(replyP99)}, max ${ms(Math.max(...user.latencies))} over ${user.latencies.length} messages, ${user.failures} unanswered (target < ${TARGET_REPLY_MS} ms)`);
  console.log(`    /healthz:            p50 ${ms(quantile(health, 0.5))}, p99 ${ms(healthP99)}, max ${ms(Math.max(...health))} over ${health.length} requests (target < ${TARGET_HEALTH_MS} ms)`);
  console.log(`    ${ok ? "targets met" : "targets NOT met"}`);
  return ok;
}

/** Runs the normal user and the /healthz poll in a fresh process for `durationMs`. */
function probe(port: number, durationMs: number): Promise<{ user: { latencies: number[]; failures: number }; health: number[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(root, "node_modules/.bin/node"),
      ["--import", "tsx", path.join(import.meta.dirname, "bench-flood.ts"), "probe", String(port), String(durationMs)],
      { cwd: root, timeout: durationMs + 30_000, maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err) return reject(err);
        resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"));
      },
    );
  });
}

async function phaseSockets(port: number): Promise<boolean> {
  const t0 = performance.now();
  const sockets: WebSocket[] = [];
  // As fast as the machine can: 200 handshakes in flight at a time.
  for (let i = 0; i < SOCKET_FLOOD; i += 200) {
    const batch = await Promise.all(Array.from({ length: Math.min(200, SOCKET_FLOOD - i) }, () => open(port, "127.0.0.3")));
    for (const s of batch) if (s) sockets.push(s);
  }
  console.log(`A. one address opened ${SOCKET_FLOOD} websockets in ${ms(performance.now() - t0)}: ${sockets.length} accepted, ${SOCKET_FLOOD - sockets.length} refused`);
  const { user, health } = await probe(port, MEASURE_MS);
  for (const s of sockets) s.terminate();
  return report("while it held them:", user, health);
}

async function phaseMessages(port: number): Promise<boolean> {
  const sockets: WebSocket[] = [];
  const perAddress = Math.ceil(FLOOD_CONNECTIONS / FLOOD_ADDRESSES);
  for (let a = 0; a < FLOOD_ADDRESSES; a++) {
    const opened = await Promise.all(Array.from({ length: perAddress }, () => open(port, `127.0.1.${a + 1}`)));
    for (const s of opened) if (s) sockets.push(s);
  }
  let sent = 0;
  let replies = 0;
  for (const s of sockets) s.on("message", (d) => (d.toString().startsWith('{"type":"reply"') ? (replies += 1) : undefined));
  const send = (s: WebSocket) => {
    if (s.readyState !== WebSocket.OPEN) return;
    s.send(JSON.stringify({ type: "message", text: questions[sent % questions.length] }));
    sent += 1;
  };
  // Each connection: its burst at once, then one message per refill, until the phase ends.
  for (const s of sockets) for (let i = 0; i < PER_CONNECTION_BURST; i++) send(s);
  const drip = setInterval(() => sockets.forEach(send), PER_CONNECTION_EVERY_MS);
  const { user, health } = await probe(port, MEASURE_MS);
  clearInterval(drip);
  console.log(`B. ${sockets.length} connections from ${FLOOD_ADDRESSES} addresses sent ${sent} messages in ${MEASURE_MS / 1000} s; ${replies} answered, the rest refused by the per-address limits`);
  for (const s of sockets) s.terminate();
  return report("meanwhile:", user, health);
}

if (process.argv[2] === "probe") {
  const port = Number(process.argv[3]);
  const until = Date.now() + Number(process.argv[4]);
  const [user, health] = await Promise.all([normalUser(port, until), healthPoll(port, until)]);
  console.log(JSON.stringify({ user, health: health.map((h) => (Number.isFinite(h) ? h : 1e9)) }));
  process.exit(0);
}

const hub = await startHub();
const watchdog = setTimeout(() => {
  console.error("bench:flood: time limit reached");
  hub.stop();
  process.exit(1);
}, 2 * PHASE_LIMIT_MS + 30_000);
try {
  console.log(`Flood benchmark on 127.0.0.1:${hub.port} (default limits; the normal user is 127.0.0.2)`);
  const a = await phaseSockets(hub.port);
  await pause(1000);
  const b = await phaseMessages(hub.port);
  console.log(a && b ? "All targets met." : "Some targets NOT met.");
} finally {
  clearTimeout(watchdog);
  hub.stop();
}
