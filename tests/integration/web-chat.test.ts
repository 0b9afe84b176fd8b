// The web chat through the real server, the real engine and a real websocket.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "yaml";
import { ChatClient, pause, startHub, type Hub } from "./hub";

const content = path.resolve(import.meta.dirname, "../../content");
const readYaml = <T>(file: string) => parse(fs.readFileSync(file, "utf8")) as T;

/** Emergency numbers as the content sources them: countries' emergency resources and their phones. */
function sourcedEmergencyNumbers(): string[] {
  const countries = path.join(content, "countries");
  return fs
    .readdirSync(countries)
    .filter((f) => f.endsWith(".yaml"))
    .flatMap((f) => readYaml<{ emergency?: string[] }>(path.join(countries, f)).emergency ?? [])
    .flatMap((id) => readYaml<{ phones?: { number: string }[] }>(path.join(content, "resources", `${id}.yaml`)).phones ?? [])
    .map((p) => p.number);
}

const noStackTrace = (text: string | undefined) => assert.doesNotMatch(text ?? "", /\bat .+:\d+:\d+|Error:|TypeError|SyntaxError/);

describe("web chat", () => {
  let hub: Hub;
  before(async () => {
    // Every test here writes from 127.0.0.1: a roomy per-address rate, so only the tests of
    // the per-connection limits (and fair-sharing.test.ts) meet a limit.
    hub = await startHub({ CHAT_ADDRESS_RATE_PER_MINUTE: "6000" });
  });
  after(async () => {
    await hub.stop("SIGKILL");
  });

  test("a conversation gets an answer in the person's language, with a link to the guide in that language", async () => {
    const chat = await ChatClient.open(hub, { locale: "es" });
    const hello = await chat.next("hello");
    assert.match(hello.conversation ?? "", /^[A-Za-z0-9_-]{20,}$/);
    const reply = await chat.ask("what are my rights if the police stop me?");
    assert.equal(reply.type, "reply");
    assert.equal(reply.locale, "en");
    assert.ok((reply.links ?? []).length > 0, "the answer links to a guide");
    for (const link of reply.links ?? []) assert.match(link.url, /^\/en\/guides\/[a-z0-9-]+\//);
    const switched = await chat.ask("français");
    assert.equal(switched.locale, "fr");
    chat.close();
  });

  test("a kiosk's country in the message frame reaches the engine: 'talk to a person' answers with that country's lines only, and a malformed place is ignored", async () => {
    const chat = await ChatClient.open(hub, { locale: "es" });
    const mexico = await chat.ask("#human", { locale: "es", country: "MX", hub: "tapachula" });
    const countries = (mexico.cards ?? []).map((c) => c.country);
    assert.ok(countries.length > 0, "the reply has resource cards");
    assert.deepEqual(countries, countries.map(() => "MX"));
    chat.close();
    const other = await ChatClient.open(hub, { locale: "es" });
    const everywhere = await other.ask("#human", { locale: "es", country: "<b>MX</b>", hub: "../../etc" });
    assert.equal(everywhere.type, "reply");
    assert.ok(new Set((everywhere.cards ?? []).map((c) => c.country)).size > 1, "without a valid country, the lines of every country");
    other.close();
  });

  test("a message about danger right now gets the emergency numbers first", async () => {
    const chat = await ChatClient.open(hub, { locale: "es" });
    const reply = await chat.ask("me quieren matar ayuda");
    assert.equal(reply.emergency, true);
    const numbers = sourcedEmergencyNumbers();
    const firstLines = (reply.text ?? "").split("\n").slice(0, 3).join("\n");
    assert.ok(
      numbers.some((n) => firstLines.includes(n)),
      `one of the sourced emergency numbers (${numbers.join(", ")}) is in the first lines`,
    );
    assert.ok((reply.cards ?? []).length > 0, "resource cards come with it");
    chat.close();
  });

  test("a second client that claims another conversation's id gets nothing of it", async () => {
    const alice = await ChatClient.open(hub, { locale: "es" });
    const { conversation } = await alice.next("hello");
    // Alice chooses French: her conversation state now says so.
    assert.equal((await alice.ask("français")).locale, "fr");

    const mallory = await ChatClient.open(hub, { locale: "es" });
    const own = await mallory.next("hello");
    assert.notEqual(own.conversation, conversation, "each connection gets its own id");
    // Everything a stock Botkit web client would send to take over Alice's conversation.
    const reply = await mallory.ask("ok", { user: conversation, conversation, channel: conversation, from: { id: conversation } });
    assert.equal(reply.type, "reply");
    assert.notEqual(reply.locale, "fr", "Mallory's reply does not come from Alice's state");
    await pause(300);
    assert.deepEqual(alice.frames, [], "Alice receives nothing of Mallory's messages");
    // And Alice's conversation goes on as before, still in French.
    assert.equal((await alice.ask("merci")).locale, "fr");
    assert.equal(mallory.frames.length, 0, "Mallory receives nothing of Alice's");
    alice.close();
    mallory.close();
  });

  test("a websocket from another site's page is refused", async () => {
    await assert.rejects(ChatClient.open(hub, { origin: "https://evil.example" }), /HTTP 403/);
    await assert.rejects(ChatClient.open(hub, { origin: null }), /HTTP 403/);
    await assert.rejects(ChatClient.open(hub, { origin: `http://localhost:${hub.port + 1}` }), /HTTP 403/);
  });

  test("an oversized frame closes that connection and the server keeps serving others", async () => {
    const big = await ChatClient.open(hub);
    await big.next("hello");
    big.send({ type: "message", text: "a".repeat(10_000) });
    const closed = await big.waitClosed();
    assert.equal(closed.code, 1009);
    const other = await ChatClient.open(hub);
    assert.equal((await other.ask("hola")).type, "reply");
    other.close();
  });

  test("bad text gets a calm reply, never a stack trace", async () => {
    const chat = await ChatClient.open(hub, { locale: "es" });
    await chat.next("hello");
    const texts = ["", "   \n\t ", "😀😀😀", "<script>alert(1)</script><img src=x onerror=alert(1)>", "a\u0000b\u0001c\u001b[31m\uFFFF\uD800", "\u202Eevil", "x".repeat(3000)];
    for (const text of texts) {
      const reply = await chat.ask(text);
      assert.equal(reply.type, "reply", `a reply to ${JSON.stringify(text.slice(0, 20))}`);
      assert.ok((reply.text ?? "").length > 0);
      noStackTrace(reply.text);
    }
    chat.close();
  });

  test("frames that are not chat messages are refused calmly and the conversation goes on", async () => {
    const chat = await ChatClient.open(hub, { locale: "es" });
    await chat.next("hello");
    const frames: unknown[] = ["not json", '{"type":', "null", "[]", "42", { type: "message" }, { type: "message", text: 7 }, { type: "subscribe", text: "x" }];
    for (const frame of frames) {
      chat.send(frame);
      const notice = await chat.next();
      assert.equal(notice.type, "notice", `refused: ${JSON.stringify(frame)}`);
      assert.equal(notice.code, "bad_request");
      assert.ok((notice.text ?? "").length > 0);
      noStackTrace(notice.text);
    }
    chat.socket.send(Buffer.from([0xff, 0xfe, 0x00, 0x01]), { binary: true });
    assert.equal((await chat.next()).code, "bad_request");
    chat.close();
    const again = await ChatClient.open(hub);
    assert.equal((await again.ask("hola")).type, "reply");
    again.close();
  });

  test("a flood is slowed down, then cut off, and others are still served", async () => {
    const flood = await ChatClient.open(hub);
    await flood.next("hello");
    for (let i = 0; i < 200; i++) flood.send({ type: "message", text: `hola ${i}` });
    const closed = await flood.waitClosed(10_000);
    assert.equal(closed.code, 1008);
    assert.ok(flood.frames.some((f) => f.type === "notice" && f.code === "rate_limited"), "it was told to slow down first");
    const replies = flood.frames.filter((f) => f.type === "reply").length;
    assert.ok(replies <= 12, `only the allowed burst was answered (${replies})`);
    const other = await ChatClient.open(hub, { localAddress: "127.0.0.2" });
    assert.equal((await other.ask("hola")).type, "reply");
    other.close();
  });

  test("the server's logs hold none of a conversation's text or ids", async () => {
    const marker = "zanahoria morada 4711";
    const chat = await ChatClient.open(hub, { locale: "es" });
    const { conversation } = await chat.next("hello");
    await chat.ask(`${marker} me quieren matar ayuda`);
    await chat.ask(`${marker} dónde pido asilo`);
    chat.send(`{"broken": "${marker}`);
    await chat.next();
    chat.close();
    await pause(200);
    const logs = hub.output();
    assert.ok(logs.length > 0, "the server did log something");
    assert.ok(!logs.includes("zanahoria"), "no message text");
    assert.ok(!logs.includes("4711"));
    assert.ok(!logs.includes("asilo"));
    assert.ok(!logs.includes(conversation ?? "-"), "no conversation id");
  });

  test("bad HTTP requests get a plain refusal and the server keeps serving", async () => {
    const net = await import("node:net");
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(hub.port, "127.0.0.1", () => socket.end(request));
        let data = "";
        socket.on("data", (d) => (data += d.toString()));
        socket.on("close", () => resolve(data));
        socket.on("error", () => resolve(data));
      });
    const garbage = await raw("GARBAGE\r\n\r\n");
    assert.match(garbage, /^HTTP\/1\.1 400/);
    noStackTrace(garbage);
    assert.match(await raw("GET /../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), /^HTTP\/1\.1 404/);
    assert.match(await raw("GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), /^HTTP\/1\.1 400/);
    assert.equal((await fetch(`${hub.base}/es/`, { method: "POST", body: "x" })).status, 405);
    // A websocket upgrade on any other path is refused.
    const other = await raw("GET /api/messages HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + hub.origin + "\r\n\r\n");
    assert.match(other, /^HTTP\/1\.1 404/);
    assert.equal((await fetch(`${hub.base}/healthz`)).status, 200);
  });

  test("the Twilio webhook answers 503 politely when no Twilio account is configured", async () => {
    const res = await fetch(`${hub.base}/twilio/sms`, { method: "POST", body: "From=%2B50255550000&To=%2B15005550006&Body=hola", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    assert.equal(res.status, 503);
    assert.match(await res.text(), /not set up/);
    assert.equal((await fetch(`${hub.base}/healthz`)).status, 200);
  });
});

describe("shutdown", () => {
  test("SIGTERM ends the process cleanly within a few seconds, even with a chat open", async () => {
    const hub = await startHub();
    const chat = await ChatClient.open(hub);
    await chat.ask("hola");
    const { code, ms } = await hub.stop("SIGTERM");
    assert.equal(code, 0, hub.output());
    assert.ok(ms < 5000, `exited in ${ms} ms`);
    assert.equal((await chat.waitClosed()).code, 1001, "the chat was told the server is going away");
  });
});
