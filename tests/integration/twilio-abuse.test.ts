// Twilio webhooks under abuse: a replayed (validly signed) MessageSid sends nothing, in memory
// and across two hub processes sharing a real Redis; bodies of the wrong Content-Type are
// refused before anything is read; one sender is answered only so often; bodies the client
// stops sending are counted, not logged as errors.
import assert from "node:assert/strict";
import net from "node:net";
import { after, before, describe, test } from "node:test";
import { createClient } from "redis";
import { pause, startHub, startRedis, type Hub, type RedisServer } from "./hub";
import { PUBLIC_URL, SID, TOKEN, postForm, sign, smsFrom, startRestDouble, waitFor } from "./twilio-double";

const twilioEnv = (restUrl: string, extra: Record<string, string> = {}) => ({
  TWILIO_ACCOUNT_SID: SID,
  TWILIO_AUTH_TOKEN: TOKEN,
  PUBLIC_URL,
  TWILIO_API_BASE: restUrl,
  STATS_EVERY_MINUTES: "0",
  ...extra,
});

/** Posts the same signed SMS; returns the HTTP status. */
async function deliver(hub: Hub, params: Record<string, string>, path = "/twilio/sms"): Promise<number> {
  const res = await postForm(hub.base, path, params, sign(`${PUBLIC_URL}${path}`, params));
  await res.text();
  return res.status;
}

describe("Twilio webhooks under abuse", () => {
  let rest: Awaited<ReturnType<typeof startRestDouble>>;
  let hub: Hub;
  before(async () => {
    rest = await startRestDouble();
    hub = await startHub(twilioEnv(rest.url, { TWILIO_RATE_PER_MINUTE: "3" }));
  });
  after(async () => {
    await hub.stop("SIGKILL");
    rest.close();
  });

  const sentTo = (to: string) => rest.sent.filter((m) => m.to === to).length;

  test("a replayed MessageSid is acknowledged and sends nothing", async () => {
    const from = "+50255502001";
    const params = smsFrom(from, "hola");
    assert.equal(await deliver(hub, params), 200);
    const first = await waitFor(() => (sentTo(from) > 0 ? sentTo(from) : undefined));
    await pause(300);
    const answered = sentTo(from);
    assert.ok(answered >= first);
    for (let i = 0; i < 3; i++) assert.equal(await deliver(hub, params), 200, "Twilio gets its 200, so it stops retrying");
    await pause(800);
    assert.equal(sentTo(from), answered, "the replays sent no SMS");
    // A new message from the same person is answered as usual.
    assert.equal(await deliver(hub, smsFrom(from, "gracias")), 200);
    await waitFor(() => (sentTo(from) > answered ? true : undefined));
  });

  test("a body that is not a form is refused before its signature is checked", async () => {
    const from = "+50255502002";
    const params = smsFrom(from, "hola");
    const signature = sign(`${PUBLIC_URL}/twilio/sms`, params);
    for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x", ""]) {
      const res = await postForm(hub.base, "/twilio/sms", params, signature, type);
      assert.equal(res.status, 415, `Content-Type ${JSON.stringify(type)}`);
      await res.text();
    }
    await pause(500);
    assert.equal(sentTo(from), 0, "nothing was sent");
    // The same request as a form is handled: the refusal was about the type only.
    assert.equal(await deliver(hub, params), 200);
    await waitFor(() => (sentTo(from) > 0 ? true : undefined));
  });

  test("one sender is answered only up to its rate; others are not held back", async () => {
    const from = "+50255502003";
    for (let i = 0; i < 8; i++) assert.equal(await deliver(hub, smsFrom(from, `hola ${i}`)), 200);
    await pause(1500);
    // TWILIO_RATE_PER_MINUTE=3 here: three messages answered. A reply split in parts counts
    // once, by its first part "(1/n)".
    const replies = rest.sent.filter((m) => m.to === from && (/ \(1\/\d+\)$/.test(m.body) || !/ \(\d+\/\d+\)$/.test(m.body)));
    assert.equal(replies.length, 3, `three answers of eight messages (${sentTo(from)} parts)`);
    const other = "+50255502004";
    assert.equal(await deliver(hub, smsFrom(other, "hola")), 200);
    await waitFor(() => (sentTo(other) > 0 ? true : undefined));
  });

  test("bodies the client stops sending are counted, not reported as errors", async () => {
    const aborts = 25;
    for (let i = 0; i < aborts; i++) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(hub.port, "127.0.0.1", () => {
          socket.write(`POST /twilio/sms HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\nFrom=%2B502`);
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 20);
        });
        socket.on("error", () => resolve());
      });
    }
    await pause(300);
    assert.equal((await fetch(`${hub.base}/healthz`)).status, 200);
    const before = hub.output();
    assert.doesNotMatch(before, /error in sms webhook/, "no error line per aborted body");
    const { code } = await hub.stop("SIGTERM");
    assert.equal(code, 0);
    const aborted = Number(/aborted=(\d+)/.exec(hub.output())?.[1]);
    assert.ok(aborted >= aborts, `the shutdown stats count them (aborted=${aborted})`);
  });
});

describe("replays across hub processes, through Redis", () => {
  let redis: RedisServer;
  let rest: Awaited<ReturnType<typeof startRestDouble>>;
  let hubs: Hub[] = [];
  before(async () => {
    redis = await startRedis();
    rest = await startRestDouble();
    const env = twilioEnv(rest.url, { REDIS_URL: redis.url });
    hubs = await Promise.all([startHub(env), startHub(env)]);
  });
  after(async () => {
    await Promise.all(hubs.map((h) => h.stop("SIGKILL")));
    rest.close();
    await redis.stop();
  });

  test("a MessageSid answered by one process is not answered again by another", async () => {
    const [a, b] = hubs as [Hub, Hub];
    const from = "+50255503001";
    const params = smsFrom(from, "hola");
    assert.equal(await deliver(a, params), 200);
    await waitFor(() => (rest.sent.some((m) => m.to === from) ? true : undefined));
    await pause(300);
    const answered = rest.sent.filter((m) => m.to === from).length;
    // The replay goes to the other process, whose memory has never seen it.
    assert.equal(await deliver(b, params), 200);
    assert.equal(await deliver(b, params), 200);
    await pause(800);
    assert.equal(rest.sent.filter((m) => m.to === from).length, answered, "the other process sent nothing");

    // Redis holds the SID (not the phone number) for a day.
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys("hub:*");
      assert.ok(keys.includes(`hub:twilio:sid:${params.MessageSid}`), keys.join(", "));
      const ttl = await client.pTTL(`hub:twilio:sid:${params.MessageSid}`);
      assert.ok(ttl > 23 * 3600_000 && ttl <= 24 * 3600_000, `kept for a day (${ttl} ms)`);
      for (const key of keys) assert.ok(!key.includes("5025550"), "no phone number in Redis");
    } finally {
      await client.close();
    }

    // And a new message through the other process is answered.
    assert.equal(await deliver(b, smsFrom(from, "gracias")), 200);
    await waitFor(() => (rest.sent.filter((m) => m.to === from).length > answered ? true : undefined));
  });

  test("with Redis gone, each process still stops the replays that reach it", async () => {
    await redis.stop();
    const [a] = hubs as [Hub, Hub];
    const from = "+50255503002";
    const params = smsFrom(from, "hola");
    assert.equal(await deliver(a, params), 200);
    await waitFor(() => (rest.sent.some((m) => m.to === from) ? true : undefined));
    await pause(300);
    const answered = rest.sent.filter((m) => m.to === from).length;
    assert.equal(await deliver(a, params), 200);
    await pause(500);
    assert.equal(rest.sent.filter((m) => m.to === from).length, answered);
    assert.equal((await fetch(`${a.base}/healthz`)).status, 200);
  });
});
