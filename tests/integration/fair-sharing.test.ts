// Fair sharing under abuse, through the real server and real websockets. Linux routes all of
// 127.0.0.0/8 to the loopback interface, so clients bound to 127.0.0.2, 127.0.0.3, ... are
// different addresses to the hub: the normal user is 127.0.0.2, the abusers others. Latency
// bounds here are loose on purpose (a busy 2-core CI machine); npm run bench:flood measures.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import WebSocket from "ws";
import { ChatClient, pause, startHub, type Hub } from "./hub";

const NORMAL = "127.0.0.2";
/** A loose bound: a normal user's reply during a flood must come, not wait behind it. */
const LOOSE_MS = 5000;

/** Opens a raw chat socket from `localAddress`; resolves with it, or with the HTTP refusal status. */
function openSocket(hub: Hub, localAddress: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${hub.port}/chat/ws`, { headers: { Origin: hub.origin, ...headers }, localAddress });
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("error", () => resolve(0));
  });
}

async function timedAsk(chat: ChatClient, text: string): Promise<number> {
  const t0 = performance.now();
  const reply = await chat.ask(text);
  assert.equal(reply.type, "reply", `a reply, not ${reply.type} ${reply.code ?? ""}`);
  return performance.now() - t0;
}

describe("fair sharing", () => {
  test("one address opening many sockets gets its share, and another address is still served", async () => {
    const hub = await startHub({ CHAT_MAX_PER_ADDRESS: "20", CHAT_MAX_CONNECTIONS: "60" });
    const sockets: WebSocket[] = [];
    try {
      const results = await Promise.all(Array.from({ length: 150 }, () => openSocket(hub, "127.0.0.3")));
      for (const r of results) if (typeof r !== "number") sockets.push(r);
      assert.equal(sockets.length, 20, "the address holds its 20 sockets, no more");
      assert.ok(
        results.filter((r) => r === 429).length >= 120,
        "the rest were refused with 429",
      );
      const normal = await ChatClient.open(hub, { locale: "es", localAddress: NORMAL });
      assert.ok((await timedAsk(normal, "hola")) < LOOSE_MS);
      normal.close();
    } finally {
      for (const s of sockets) s.terminate();
      await hub.stop("SIGKILL");
    }
  });

  test("a full hub sheds the newest socket of the heaviest address, not the newcomer", async () => {
    const hub = await startHub({ CHAT_MAX_PER_ADDRESS: "20", CHAT_MAX_CONNECTIONS: "30" });
    const sockets: WebSocket[] = [];
    try {
      const heavy: WebSocket[] = [];
      for (let i = 0; i < 20; i++) heavy.push((await openSocket(hub, "127.0.0.3")) as WebSocket);
      for (let i = 0; i < 10; i++) sockets.push((await openSocket(hub, "127.0.0.4")) as WebSocket);
      sockets.push(...heavy);
      assert.ok(sockets.every((s) => typeof s !== "number"), "30 sockets open: the hub is full");
      const newest = heavy.at(-1)!;
      const shed = new Promise<{ code: number; frames: string[] }>((resolve) => {
        const frames: string[] = [];
        newest.on("message", (d) => frames.push(d.toString()));
        newest.once("close", (code) => resolve({ code, frames }));
      });
      const normal = await ChatClient.open(hub, { locale: "es", localAddress: NORMAL });
      const { code, frames } = await shed;
      assert.equal(code, 1013, "the heaviest address's newest socket was asked to try again later");
      assert.ok(frames.some((f) => JSON.parse(f).code === "busy"), "with a calm notice first");
      for (const s of heavy.slice(0, -1)) assert.equal(s.readyState, WebSocket.OPEN, "its older sockets stay");
      for (const s of sockets.slice(0, 10)) assert.equal(s.readyState, WebSocket.OPEN, "the lighter address keeps all of its");
      assert.equal((await normal.ask("hola")).type, "reply");
      // The heaviest address asking for more at a full hub is the one refused.
      assert.equal(await openSocket(hub, "127.0.0.3"), 503);
      normal.close();
    } finally {
      for (const s of sockets) if (typeof s !== "number") s.terminate();
      await hub.stop("SIGKILL");
    }
  });

  test("a message flood from many connections leaves a normal user and /healthz answering", async () => {
    const hub = await startHub({ CHAT_MAX_PER_ADDRESS: "20" });
    const flooders: WebSocket[] = [];
    let stop = false;
    try {
      // 200 connections from 10 addresses, each sending as fast as it is allowed and more.
      for (let a = 0; a < 10; a++) {
        const opened = await Promise.all(Array.from({ length: 20 }, () => openSocket(hub, `127.0.1.${a + 1}`)));
        for (const s of opened) if (typeof s !== "number") flooders.push(s);
      }
      assert.equal(flooders.length, 200);
      const flood = (async () => {
        for (let round = 0; !stop && round < 200; round++) {
          for (const s of flooders) if (s.readyState === WebSocket.OPEN) s.send(JSON.stringify({ type: "message", text: `como pido asilo en mexico ${round}` }));
          await pause(50);
        }
      })();
      await pause(500);
      const normal = await ChatClient.open(hub, { locale: "es", localAddress: NORMAL });
      const latencies: number[] = [];
      for (const text of ["hola", "como pido asilo en mexico", "me quieren matar ayuda"]) latencies.push(await timedAsk(normal, text));
      const t0 = performance.now();
      assert.equal((await fetch(`${hub.base}/healthz`)).status, 200);
      const health = performance.now() - t0;
      stop = true;
      await flood;
      for (const ms of latencies) assert.ok(ms < LOOSE_MS, `normal user's replies: ${latencies.map(Math.round).join(", ")} ms`);
      assert.ok(health < LOOSE_MS, `/healthz: ${Math.round(health)} ms`);
      normal.close();
    } finally {
      stop = true;
      for (const s of flooders) s.terminate();
      await hub.stop("SIGKILL");
    }
  });

  test("a quiet web chat is told so and closed politely after the idle time", async () => {
    const hub = await startHub({ CHAT_IDLE_MINUTES: "0.03" }); // 1.8 s
    try {
      const quiet = await ChatClient.open(hub, { locale: "es", localAddress: NORMAL });
      const talking = await ChatClient.open(hub, { locale: "es", localAddress: NORMAL });
      await quiet.next("hello");
      await talking.next("hello");
      for (let i = 0; i < 4; i++) {
        await pause(700);
        assert.equal((await talking.ask("hola")).type, "reply");
      }
      const closed = await quiet.waitClosed(5000);
      assert.equal(closed.code, 1000, "a normal close, so the page reconnects when the person writes again");
      const notice = quiet.frames.find((f) => f.type === "notice");
      assert.equal(notice?.code, "idle");
      assert.ok((notice?.text ?? "").length > 0);
      assert.equal(talking.closed, undefined, "a conversation going on stays open");
      talking.close();
    } finally {
      await hub.stop("SIGKILL");
    }
  });

  test("X-Forwarded-For counts only behind a trusted proxy", async () => {
    const spoof = (ip: string) => ({ "X-Forwarded-For": ip });
    // Not trusted: the header is ignored, every socket is 127.0.0.5's.
    const direct = await startHub({ CHAT_MAX_PER_ADDRESS: "3" });
    const sockets: (WebSocket | number)[] = [];
    try {
      for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]) sockets.push(await openSocket(direct, "127.0.0.5", spoof(ip)));
      assert.equal(sockets[3], 429, "a made-up header does not make a client someone else");
    } finally {
      for (const s of sockets) if (typeof s !== "number") s.terminate();
      await direct.stop("SIGKILL");
    }
    // Behind a trusted proxy on loopback: the address the proxy saw is the client's.
    const proxied = await startHub({ CHAT_MAX_PER_ADDRESS: "3", TRUST_PROXY: "loopback" });
    sockets.length = 0;
    try {
      for (let i = 0; i < 3; i++) sockets.push(await openSocket(proxied, "127.0.0.5", spoof("203.0.113.1")));
      assert.ok(sockets.every((s) => typeof s !== "number"));
      assert.equal(await openSocket(proxied, "127.0.0.5", spoof("203.0.113.1")), 429, "the fourth from one client is refused");
      const other = await openSocket(proxied, "127.0.0.5", spoof("203.0.113.2"));
      assert.ok(typeof other !== "number", "another client behind the same proxy is not");
      sockets.push(other);
      // The client cannot prepend its own hops: the proxy's view (the last hop) counts.
      assert.equal(await openSocket(proxied, "127.0.0.5", spoof("198.51.100.7, 203.0.113.1")), 429);
    } finally {
      for (const s of sockets) if (typeof s !== "number") s.terminate();
      await proxied.stop("SIGKILL");
    }
  });
});
