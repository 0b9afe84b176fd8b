// SMS and WhatsApp through the real server and engine, signed the way Twilio signs its
// webhooks. Only Twilio's REST API is replaced, by a local HTTP server that records what
// the hub sends (TWILIO_API_BASE points the real twilio client at it).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { pause, startHub, type Hub } from "./hub";
import { PUBLIC_URL, SID, TOKEN, HUB_NUMBER, postForm, sign, smsFrom, startRestDouble, waitFor, type Sent } from "./twilio-double";

describe("Twilio SMS and WhatsApp webhooks", () => {
  let hub: Hub;
  let rest: Awaited<ReturnType<typeof startRestDouble>>;

  before(async () => {
    rest = await startRestDouble();
    hub = await startHub({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL, TWILIO_API_BASE: rest.url });
  });
  after(async () => {
    await hub.stop("SIGKILL");
    rest.close();
  });

  const post = (path: string, params: Record<string, string>, signature: string | undefined) => postForm(hub.base, path, params, signature);

  /** Sends a signed SMS and returns the messages the hub sent back to that number. */
  async function converse(path: string, from: string, body: string): Promise<Sent[]> {
    const before = rest.sent.length;
    const params = smsFrom(from, body);
    const res = await post(path, params, sign(`${PUBLIC_URL}${path}`, params));
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<Response>/);
    await waitFor(() => (rest.sent.length > before ? true : undefined));
    await pause(150); // a split answer arrives in a few parts
    return rest.sent.slice(before).filter((m) => m.to === from);
  }

  test("a signed SMS is answered through Twilio's REST API, to the sender, from the hub's number", async () => {
    const replies = await converse("/twilio/sms", "+50255501234", "me quieren matar ayuda");
    assert.ok(replies.length >= 1);
    for (const m of replies) {
      assert.equal(m.from, HUB_NUMBER);
      assert.equal(m.account, SID);
      assert.ok(m.body.length > 0 && m.body.length <= 459, `each part fits three SMS segments (${m.body.length})`);
    }
  });

  /** Every page of the answer: the first, then "0" until the last. */
  async function allPages(path: string, from: string, body: string): Promise<string[]> {
    const pages = (await converse(path, from, body)).map((m) => m.body);
    assert.equal(pages.length, 1, "one message per question");
    const total = Number(/\(1\/(\d+)\)$/.exec(pages[0]!)?.[1] ?? 1);
    while (pages.length < total) {
      const next = await converse(path, from, "0");
      assert.equal(next.length, 1, "one page per 0");
      pages.push(next[0]!.body);
    }
    return pages;
  }

  test("a long SMS answer comes one page at a time: each fits three segments and 0 sends the next", async () => {
    // The emergency answer with every country's numbers and the advice: longer than one page.
    const from = "+50255501235";
    const pages = await allPages("/twilio/sms", from, "help someone is hitting me right now");
    assert.ok(pages.length > 1, "it was paged");
    pages.forEach((body, i) => {
      assert.match(body, new RegExp(`\\(${i + 1}/${pages.length}\\)$`));
      assert.ok(body.length <= 459, `page ${i + 1} fits three segments (${body.length})`);
      if (i < pages.length - 1) assert.match(body, /Reply 0 to read more\./);
    });
    assert.match(pages[0]!, /911/, "the numbers are on the first page");
    assert.match(pages.join("\n"), /^1\. .+$/m, "quick replies became numbered options");
    // Past the last page, 0 is an ordinary message again: the engine answers it.
    const after = await converse("/twilio/sms", from, "0");
    assert.equal(after.length, 1);
    assert.ok(!pages.includes(after[0]!.body), "no page is sent twice");
  });

  test("replying with an option's number picks that option", async () => {
    const from = "+50255501236";
    const first = (await allPages("/twilio/sms", from, "hola")).join("\n");
    const options = [...first.matchAll(/^(\d+)\. (.+?)(?: \(\d+\/\d+\))?$/gm)].map((m) => ({ n: m[1] ?? "", label: m[2] ?? "" }));
    assert.ok(options.length >= 2, first);
    const byNumber = (await converse("/twilio/sms", from, options[0]!.n)).map((m) => m.body).join("\n");
    // The same point in another conversation, answering with a number that is no option.
    const other = "+50255509999";
    await allPages("/twilio/sms", other, "hola");
    const noOption = (await converse("/twilio/sms", other, "99")).map((m) => m.body).join("\n");
    assert.notEqual(byNumber, noOption, "the number meant the option, not the digit");
  });

  test("erasing the conversation drops the pages not yet sent", async () => {
    const from = "+50255501237";
    const first = await converse("/twilio/sms", from, "help someone is hitting me right now");
    assert.match(first[0]!.body, /Reply 0 to read more/);
    await converse("/twilio/sms", from, "delete");
    const after = await converse("/twilio/sms", from, "0");
    assert.doesNotMatch(after[0]!.body, /\(2\/\d+\)$/, "page 2 is gone with the conversation");
  });

  test("WhatsApp messages are answered on the WhatsApp path, to the whatsapp: address", async () => {
    const from = "whatsapp:+50499991234";
    const params = { ...smsFrom(from, "what are my rights if the police stop me?"), To: `whatsapp:${HUB_NUMBER}` };
    const before = rest.sent.length;
    const res = await post("/twilio/whatsapp", params, sign(`${PUBLIC_URL}/twilio/whatsapp`, params));
    assert.equal(res.status, 200);
    const sent = await waitFor(() => rest.sent.slice(before).find((m) => m.to === from));
    assert.equal(sent.from, `whatsapp:${HUB_NUMBER}`);
    assert.match(sent.body, /https:\/\/hub\.example\.org\/en\/guides\//, "guide links become full addresses");
  });

  test("a forged or unsigned webhook gets 403 and reaches no handler", async () => {
    const before = rest.sent.length;
    const params = smsFrom("+50255507777", "hola");
    const forged = await post("/twilio/sms", params, sign(`${PUBLIC_URL}/twilio/sms`, params, "not-the-token"));
    assert.equal(forged.status, 403);
    const unsigned = await post("/twilio/sms", params, undefined);
    assert.equal(unsigned.status, 403);
    // Signed for another path, or with one parameter changed after signing.
    assert.equal((await post("/twilio/whatsapp", params, sign(`${PUBLIC_URL}/twilio/sms`, params))).status, 403);
    const tampered = { ...params, Body: "otra cosa" };
    assert.equal((await post("/twilio/sms", tampered, sign(`${PUBLIC_URL}/twilio/sms`, params))).status, 403);
    await pause(500);
    assert.equal(rest.sent.length, before, "nothing was sent");
    assert.equal((await fetch(`${hub.base}/twilio/sms`)).status, 405);
  });

  test("bad SMS bodies get a calm answer and the server stays up", async () => {
    for (const body of ["", "   ", "😀", "x".repeat(10_000), "\u0000\u0007\u001b", "<script>alert(1)</script>"]) {
      const replies = await converse("/twilio/sms", "+50255508888", body);
      assert.ok(replies.length >= 1);
      for (const m of replies) assert.doesNotMatch(m.body, /\bat .+:\d+:\d+|Error:/);
    }
    const huge = smsFrom("+50255508888", "y".repeat(40_000));
    assert.equal((await post("/twilio/sms", huge, sign(`${PUBLIC_URL}/twilio/sms`, huge))).status, 413);
    assert.equal((await fetch(`${hub.base}/healthz`)).status, 200);
  });

  test("the logs hold no phone number and no message text", async () => {
    const logs = hub.output();
    for (const secret of ["50255501234", "55501236", "50499991234", "matar", "police", "alert(1)"]) assert.ok(!logs.includes(secret), secret);
  });
});
