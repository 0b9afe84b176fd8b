// Test helpers for the Twilio webhooks: Twilio's signing scheme, and a local double of its
// REST API that records what the hub sends (TWILIO_API_BASE points the real client at it).
// Not a test file itself.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pause } from "./hub";

export const SID = `AC${"0".repeat(31)}1`;
export const TOKEN = "test-auth-token-4f9c";
export const PUBLIC_URL = "https://hub.example.org";
export const HUB_NUMBER = "+15005550006";

export interface Sent {
  to: string;
  from: string;
  body: string;
  account: string;
}

/** Twilio's documented scheme: HMAC-SHA1 over the URL followed by each POST key and value, keys sorted. */
export function sign(url: string, params: Record<string, string>, token = TOKEN): string {
  const data = url + Object.keys(params).sort().map((k) => k + params[k]).join("");
  return crypto.createHmac("sha1", token).update(data, "utf8").digest("base64");
}

export function startRestDouble(): Promise<{ url: string; sent: Sent[]; close: () => void }> {
  const sent: Sent[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? "");
      const auth = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      if (req.method !== "POST" || !match || auth !== `${SID}:${TOKEN}`) {
        res.writeHead(401, { "Content-Type": "application/json" }).end(JSON.stringify({ code: 20003, message: "Authenticate", status: 401 }));
        return;
      }
      const form = new URLSearchParams(body);
      sent.push({ to: form.get("To") ?? "", from: form.get("From") ?? "", body: form.get("Body") ?? "", account: match[1] ?? "" });
      res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ sid: `SM${crypto.randomBytes(16).toString("hex")}`, status: "queued", to: form.get("To"), from: form.get("From"), body: form.get("Body") }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent, close: () => server.close() })),
  );
}

export async function waitFor<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await pause(25);
  }
}

/** Twilio's webhook fields for one SMS, with a fresh MessageSid. */
export const smsFrom = (from: string, body: string) => ({ MessageSid: `SM${crypto.randomBytes(16).toString("hex")}`, AccountSid: SID, From: from, To: HUB_NUMBER, Body: body, NumMedia: "0" });

/** POSTs a webhook form to a hub, signed (or not) as given. */
export const postForm = (base: string, path: string, params: Record<string, string>, signature: string | undefined, contentType = "application/x-www-form-urlencoded") =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": contentType, ...(signature === undefined ? {} : { "X-Twilio-Signature": signature }) },
    body: new URLSearchParams(params).toString(),
  });
