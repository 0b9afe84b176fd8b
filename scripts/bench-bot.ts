// npm run bench:bot: drives the real web chat on loopback and prints throughput and reply
// latency for our bot and, in the same run, for a bare Botkit echo bot on the same transport
// (the same server started with HUB_BOT=echo), their ratio, and each server's peak memory.
// Bounded: CONVERSATIONS x MESSAGES_EACH messages per bot, and a time limit per bot.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import WebSocket from "ws";
import { createEngine } from "../bot/engine/index";
import { loadKnowledgeBase } from "../src/lib/kb-files";
import { builtKbFile } from "./kb-file";

const CONVERSATIONS = Number(process.env["BENCH_CONVERSATIONS"] ?? 50);
const TOTAL = Number(process.env["BENCH_MESSAGES"] ?? 5000);
const TIME_LIMIT_MS = 180_000;
const root = path.resolve(import.meta.dirname, "..");

/** What people ask, in our five languages, including emergencies and commands. */
const questions = [
  "hola",
  "qué hago si me agarra la migra",
  "me quieren matar ayuda",
  "what are my rights if the police stop me?",
  "how do I ask for asylum",
  "je voyage seul, j'ai 15 ans",
  "kisa pou m fè si imigrasyon arete m",
  "como peço refúgio no méxico",
  "estoy en guatemala",
  "necesito hablar con mi familia",
  "me pidieron dinero en el camino",
  "soy menor y viajo solo",
  "where can I find a shelter",
  "borrar",
  "gracias",
];

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

/** Peak resident memory of a process (Linux), in MB. */
function peakRssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of /proc's CPU times. */
const TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** CPU time (user + system) a process has used so far (Linux), in ms. */
function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS : undefined;
  } catch {
    return undefined;
  }
}

interface Result {
  messages: number;
  seconds: number;
  p50: number;
  p99: number;
  peakMb: number | undefined;
  /** Server CPU time per message over the measured run (after the warm-up), in ms. */
  cpuPerMessage: number | undefined;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function runConversation(port: number, count: number, offset: number, latencies: number[], deadline: number): Promise<void> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/chat/ws?locale=es`, { headers: { Origin: `http://localhost:${port}` } });
  await new Promise<void>((resolve, reject) => {
    let sent = 0;
    let t0 = 0;
    const next = () => {
      if (sent >= count || Date.now() > deadline) return socket.close();
      t0 = performance.now();
      socket.send(JSON.stringify({ type: "message", text: questions[(offset + sent) % questions.length] }));
      sent += 1;
    };
    socket.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; code?: string };
      if (frame.type === "hello") return next();
      if (frame.type === "notice") return reject(new Error(`server refused a message: ${frame.code}`));
      latencies.push(performance.now() - t0);
      next();
    });
    socket.on("close", () => resolve());
    socket.on("error", reject);
  });
}

async function bench(mode: "echo" | "engine"): Promise<Result> {
  const port = await freePort();
  const child = spawn(path.join(root, "node_modules/.bin/node"), ["--import", "tsx", "bot/server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", HUB_BOT: mode, HUB_OUT: "dist-bench-none", HUB_KB: builtKbFile(), CHAT_RATE_PER_MINUTE: "100000000", CHAT_ADDRESS_RATE_PER_MINUTE: "100000000", CHAT_MAX_PER_ADDRESS: "100000", STATS_EVERY_MINUTES: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const started = Date.now();
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`the ${mode} server did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const deadline = Date.now() + TIME_LIMIT_MS;
    // Warm-up (JIT, first KB lookups), not measured.
    await runConversation(port, 50, 0, [], deadline);
    const latencies: number[] = [];
    const each = Math.ceil(TOTAL / CONVERSATIONS);
    const cpu0 = child.pid ? cpuMs(child.pid) : undefined;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => runConversation(port, Math.min(each, TOTAL - i * each), i * 7, latencies, deadline)));
    const seconds = (performance.now() - t0) / 1000;
    if (Date.now() > deadline) console.warn(`  (${mode}: stopped at the time limit)`);
    const cpu1 = child.pid ? cpuMs(child.pid) : undefined;
    latencies.sort((a, b) => a - b);
    const cpuPerMessage = cpu0 !== undefined && cpu1 !== undefined && latencies.length ? (cpu1 - cpu0) / latencies.length : undefined;
    return { messages: latencies.length, seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), peakMb: child.pid ? peakRssMb(child.pid) : undefined, cpuPerMessage };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

/** The engine alone, in this process, over the same messages: the ceiling for our bot. */
function engineAlone(): { perSecond: number; p50: number; p99: number } {
  const engine = createEngine(loadKnowledgeBase());
  const times: number[] = [];
  let state: Parameters<typeof engine.reply>[0];
  for (let i = 0; i < TOTAL + 200; i++) {
    const t0 = performance.now();
    const reply = engine.reply(state, { text: questions[i % questions.length]!, locale: "es" });
    if (i >= 200) times.push(performance.now() - t0); // the first 200 warm up
    state = reply.erased ? undefined : reply.state;
  }
  const total = times.reduce((a, b) => a + b, 0) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: times.length / total, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? "n/a" : n.toFixed(digits));

console.log(`bench:bot: ${CONVERSATIONS} concurrent conversations, ${TOTAL} messages per bot, web chat websocket on loopback`);
const echo = await bench("echo");
const ours = await bench("engine");
const rate = (r: Result) => r.messages / r.seconds;
console.log("");
console.log("bot                      msgs/s   p50 ms   p99 ms   CPU ms/msg   peak RSS MB");
for (const [name, r] of [["Botkit echo (baseline)", echo], ["our bot (engine)", ours]] as const) {
  console.log(`${name.padEnd(24)} ${fmt(rate(r), 0).padStart(6)}   ${fmt(r.p50, 2).padStart(6)}   ${fmt(r.p99, 2).padStart(6)}   ${fmt(r.cpuPerMessage, 3).padStart(10)}   ${fmt(r.peakMb).padStart(6)}`);
}
console.log("");
console.log(`server CPU per message (ours / echo): ${echo.cpuPerMessage && ours.cpuPerMessage ? fmt(ours.cpuPerMessage / echo.cpuPerMessage, 2) : "n/a"}×  (target <= 2)`);
console.log(`throughput ratio (ours / echo): ${fmt(rate(ours) / rate(echo), 2)}  (target >= 0.80)`);
console.log(`our p99 reply latency: ${fmt(ours.p99, 2)} ms  (target < 50 ms)`);
const alone = engineAlone();
console.log(`engine alone, no transport (same messages, one thread): ${fmt(alone.perSecond, 0)} replies/s, p50 ${fmt(alone.p50, 2)} ms, p99 ${fmt(alone.p99, 2)} ms`);
