// The site as bot/server.ts serves it: security headers on every kind of answer, no 500 and
// no off-origin redirect for odd paths, precompressed files by Accept-Encoding with ETag/304,
// and a redeploy loop (files replaced, deleted, the release symlink switched) under load
// without a crash. The site is a small one made here, compressed by the build's own step.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { after, before, describe, test } from "node:test";
import { precompressDir } from "../../src/integrations/precompress";
import { pause, startHub, type Hub } from "./hub";

/** Enough text that compression is worth it (the build skips files under 512 bytes). */
const filler = (label: string) => `<p>${label}: ${"Llama al número de emergencia del país donde estás. ".repeat(40)}</p>`;
const page = (title: string) => `<!doctype html><html lang="es"><head><title>${title}</title></head><body><h1>${title}</h1>${filler(title)}</body></html>`;

/** Writes one release of the small site into `dir` and compresses it as the build does. */
async function writeRelease(dir: string, version: string): Promise<void> {
  const files: Record<string, string> = {
    "index.html": page(`Inicio ${version}`),
    "404.html": page("No encontrado"),
    "es/index.html": page(`Ayuda ${version}`),
    "es/404/index.html": page("Página no encontrada"),
    "es/guides/a/index.html": page(`Guía A ${version}`),
    "es/guides/b/index.html": page(`Guía B ${version}`),
    "_astro/app.Ab12Cd34.js": `console.log(${JSON.stringify(filler(version))});`,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  await precompressDir(dir);
}

const SECURITY = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy"];

function assertSecurityHeaders(headers: Headers, what: string): void {
  for (const name of SECURITY) assert.ok(headers.get(name), `${what}: ${name}`);
  const csp = headers.get("content-security-policy") ?? "";
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  assert.ok(scriptSrc.includes("'self'"), `${what}: script-src ${scriptSrc}`);
  assert.ok(!scriptSrc.includes("'unsafe-inline'"), `${what}: no 'unsafe-inline' for scripts`);
  assert.match(csp, /connect-src 'self'( wss:\/\/bot\.example\.org)?;/, `${what}: connect-src only this origin and the bot's`);
  assert.equal(headers.get("x-content-type-options"), "nosniff");
}

/** A raw request, so odd paths reach the server exactly as written. */
function raw(port: number, request: string): Promise<{ status: number; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.on("data", (d) => {
      data += d.toString("latin1");
      if (data.includes("\r\n\r\n")) socket.destroy();
    });
    socket.on("close", () => {
      const [head = ""] = data.split("\r\n\r\n");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
      if (!status) return reject(new Error(`no HTTP answer: ${JSON.stringify(data.slice(0, 80))}`));
      resolve({ status, headers: Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()])) });
    });
    socket.on("error", reject);
  });
}
/**
 * A GET through node:http, as a browser revalidates: fetch() is no use for 304s, since the
 * Fetch standard makes it add "Cache-Control: no-cache" to any request with If-None-Match.
 */
function revalidate(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") out.set(k, v);
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: out }));
      })
      .on("error", reject);
  });
}

const get = (port: number, target: string) => raw(port, `GET ${target} HTTP/1.1\r\nHost: hub.example.org\r\nConnection: close\r\n\r\n`);

describe("serving the site", () => {
  let hub: Hub;
  let site: string;
  before(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), "hub-site-"));
    await writeRelease(site, "v1");
    // A file that exists but cannot be read: the kernel answers EIO when reading this process's
    // memory at offset 0. The one reliable way to make a real read fail for root, for the 500.
    fs.symlinkSync("/proc/self/mem", path.join(site, "broken.txt"));
    hub = await startHub({ HUB_OUT: site, PUBLIC_BOT_URL: "https://bot.example.org", STATS_EVERY_MINUTES: "0" });
  });
  after(async () => {
    await hub.stop("SIGKILL");
    fs.rmSync(site, { recursive: true, force: true });
  });

  test("every kind of answer carries the security headers and a CSP without inline scripts", async () => {
    const answers: [string, { status: number; headers: Headers; arrayBuffer?: () => Promise<ArrayBuffer> }, number][] = [
      ["page", await fetch(`${hub.base}/es/`), 200],
      ["redirect", await fetch(`${hub.base}/es`, { redirect: "manual" }), 301],
      ["not found", await fetch(`${hub.base}/es/nothing-here/`), 404],
      ["wrong method", await fetch(`${hub.base}/es/`, { method: "DELETE" }), 405],
      ["unreadable file", await fetch(`${hub.base}/broken.txt`), 500],
      ["malformed path", await fetch(`${hub.base}/%E0%A4%A`), 400],
      ["health check", await fetch(`${hub.base}/healthz`), 200],
      ["webhook without Twilio", await fetch(`${hub.base}/twilio/sms`, { method: "POST" }), 503],
    ];
    const etag = answers[0]![1].headers.get("etag") ?? "";
    answers.push(["not modified", await revalidate(`${hub.base}/es/`, { "If-None-Match": etag, "Accept-Encoding": "gzip, deflate, br" }), 304]);
    for (const [what, res, status] of answers) {
      assert.equal(res.status, status, what);
      assertSecurityHeaders(res.headers, what);
      await res.arrayBuffer?.();
    }
    // Answers written straight to the socket: malformed HTTP and a refused websocket upgrade.
    const bad = await raw(hub.port, "NONSENSE\r\n\r\n");
    assert.equal(bad.status, 400);
    assert.equal(bad.headers["x-content-type-options"], "nosniff");
    const upgrade = await raw(hub.port, `GET /chat/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: https://evil.example\r\n\r\n`);
    assert.equal(upgrade.status, 403);
    assert.ok(upgrade.headers["content-security-policy"]);
  });

  test("//, /// and malformed paths answer 400 or 404, never 500", async () => {
    const paths = ["//", "///", "//es/", "/.//evil.example/..%2fes", "/es//guides/a/", "/%E0%A4%A", "/a%00b", "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/es/%5c..%5c", "/./es/", "/es/./", "/" + "x".repeat(5000)];
    for (const p of paths) {
      const { status } = await get(hub.port, p);
      assert.ok(status === 400 || status === 404, `${p.slice(0, 40)} -> ${status}`);
    }
    assert.equal((await fetch(`${hub.base}/healthz`)).status, 200);
  });

  test("a redirect only ever goes to a path on this origin", async () => {
    const paths = ["/es", "/es/guides/a", "/es?next=//evil.example", "/.//evil.example/..%2fes", "//evil.example/es", "///evil.example/es", "/\\evil.example/es", "/%2fevil.example/es", "/es/guides/a?x=%0d%0aLocation:%20https://evil.example"];
    let redirects = 0;
    for (const p of paths) {
      const { status, headers } = await get(hub.port, p);
      if (status < 300 || status > 399) continue;
      redirects += 1;
      const location = headers["location"] ?? "";
      assert.match(location, /^\/(?![/\\])/, `${p} -> ${location}`);
      assert.equal(new URL(location, "https://hub.example.org").origin, "https://hub.example.org", `${p} -> ${location}`);
    }
    assert.ok(redirects >= 2, "the directory paths did redirect");
    assert.equal((await get(hub.port, "/es")).headers["location"], "/es/");
  });

  test("files come compressed when Accept-Encoding allows, with an ETag and 304 on a repeat visit", async () => {
    const original = fs.readFileSync(path.join(site, "es/guides/a/index.html"));
    const br = await fetch(`${hub.base}/es/guides/a/`, { headers: { "Accept-Encoding": "br, gzip" } });
    // fetch decompresses; the header and the decompressed body are what matter here.
    assert.equal(br.headers.get("content-encoding"), "br");
    assert.equal(br.headers.get("vary"), "Accept-Encoding");
    assert.ok(Number(br.headers.get("content-length")) < original.length / 3, "brotli is much smaller on the wire");
    assert.deepEqual(Buffer.from(await br.arrayBuffer()), original);

    const gz = await fetch(`${hub.base}/es/guides/a/`, { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(gz.headers.get("content-encoding"), "gzip");
    assert.deepEqual(Buffer.from(await gz.arrayBuffer()), original);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(site, "es/guides/a/index.html.gz"))), original);

    for (const refuse of ["identity", "gzip;q=0, br;q=0", ""]) {
      const plainRes = await fetch(`${hub.base}/es/guides/a/`, { headers: { "Accept-Encoding": refuse } });
      assert.equal(plainRes.headers.get("content-encoding"), null, `Accept-Encoding: ${refuse}`);
      assert.equal(Number(plainRes.headers.get("content-length")), original.length);
      await plainRes.arrayBuffer();
    }

    const etag = br.headers.get("etag");
    assert.ok(etag, "an ETag");
    assert.ok(br.headers.get("last-modified"), "a Last-Modified");
    assert.equal((await revalidate(`${hub.base}/es/guides/a/`, { "Accept-Encoding": "br", "If-None-Match": etag })).status, 304);
    assert.equal((await revalidate(`${hub.base}/es/guides/a/`, { "Accept-Encoding": "br", "If-None-Match": 'W/"0-0"' })).status, 200, "another ETag gets the file");
    assert.notEqual(gz.headers.get("etag"), etag, "each encoding has its own ETag");

    const asset = await fetch(`${hub.base}/_astro/app.Ab12Cd34.js`, { headers: { "Accept-Encoding": "br" } });
    assert.match(asset.headers.get("cache-control") ?? "", /immutable/);
    assert.match((await fetch(`${hub.base}/es/`)).headers.get("cache-control") ?? "", /no-cache/);
  });

  test("the 404 page of the locale in the path, with status 404", async () => {
    const res = await fetch(`${hub.base}/es/no-such-page/`);
    assert.equal(res.status, 404);
    assert.match(await res.text(), /Página no encontrada/);
    const other = await fetch(`${hub.base}/no-such-page/`);
    assert.equal(other.status, 404);
    assert.match(await other.text(), /No encontrado/);
  });
});

describe("redeploys", () => {
  test("replacing, deleting and switching the site under load never crashes the hub", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "hub-deploy-"));
    const releases = [path.join(root, "release-1"), path.join(root, "release-2")];
    for (const [i, dir] of releases.entries()) await writeRelease(dir, `v${i + 1}`);
    const current = path.join(root, "current");
    fs.symlinkSync(releases[0]!, current);
    const hub = await startHub({ HUB_OUT: current, STATS_EVERY_MINUTES: "0" });
    const paths = ["/", "/es/", "/es/guides/a/", "/es/guides/b/", "/_astro/app.Ab12Cd34.js", "/es/guides/a", "/es/missing/"];
    const statuses = new Map<number, number>();
    let requests = 0;
    let cut = 0;
    let stop = false;
    const deadline = Date.now() + 8000;

    // Four clients browse as fast as they can, with and without compression.
    const client = async (n: number) => {
      for (let i = 0; !stop && Date.now() < deadline; i++) {
        const p = paths[(i + n) % paths.length]!;
        try {
          const res = await fetch(`${hub.base}${p}`, { redirect: "manual", headers: { "Accept-Encoding": i % 2 ? "br, gzip" : "identity" } });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          // A file truncated while being sent ends that response early: counted, not fatal.
          cut += 1;
        }
        requests += 1;
      }
    };

    // The deploys: every way people update a site folder, quickly, in a loop.
    const deployer = async () => {
      for (let round = 0; Date.now() < deadline; round++) {
        const live = releases[round % 2]!;
        const next = releases[(round + 1) % 2]!;
        // 1. Files replaced in place and deleted, in the folder being served.
        fs.writeFileSync(path.join(live, "es/guides/a/index.html"), page(`Guía A ronda ${round}`));
        fs.rmSync(path.join(live, "es/guides/b/index.html"), { force: true });
        fs.rmSync(path.join(live, "es/guides/a/index.html.br"), { force: true });
        fs.rmSync(path.join(live, "_astro"), { recursive: true, force: true });
        await pause(5);
        // 2. The atomic switch: a new symlink renamed over the old one.
        const tmp = path.join(root, `current.${round}`);
        fs.symlinkSync(next, tmp);
        fs.renameSync(tmp, current);
        await pause(5);
        // 3. The old release deleted whole and built again.
        fs.rmSync(live, { recursive: true, force: true });
        await writeRelease(live, `v${round}`);
      }
      stop = true;
    };

    try {
      await Promise.all([deployer(), client(0), client(1), client(2), client(3)]);
      assert.equal(hub.child.exitCode, null, `the hub is still running:\n${hub.output()}`);
      assert.equal((await fetch(`${hub.base}/healthz`)).status, 200);
      assert.equal((await fetch(`${hub.base}/es/`)).status, 200, "and serves the site that is there now");
      assert.ok(requests > 400, `the clients really browsed (${requests} requests)`);
      for (const status of statuses.keys()) assert.ok([200, 301, 404].includes(status), `only 200, 301 or 404 (${[...statuses].join(" ")})`);
      assert.ok(cut < requests / 20, `few responses cut short (${cut} of ${requests})`);
      assert.doesNotMatch(hub.output(), /Unhandled|uncaught|ENOENT/i);
    } finally {
      await hub.stop("SIGKILL");
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
