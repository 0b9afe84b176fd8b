// Kiosk build options, the offline precache list, and the generated service worker run in a
// simulated worker scope: install fills the build's cache, activate deletes older builds'
// caches, fetch answers from the cache and falls back to the locale's 404 page offline.
import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { helpNowPath, kioskConfig, publicUrlOf } from "../../src/lib/kiosk";
import { precacheList, serviceWorkerSource } from "../../src/integrations/service-worker";

test("kiosk mode is off unless the build sets KIOSK=1", () => {
  assert.equal(kioskConfig({}).enabled, false);
  assert.equal(kioskConfig({ KIOSK: "yes" }).enabled, false);
  assert.equal(kioskConfig({ KIOSK: "1" }).enabled, true);
});

test("the idle time defaults to 90 seconds and the countdown to a third of it, between 5 and 20 seconds", () => {
  assert.deepEqual([kioskConfig({ KIOSK: "1" }).idleSeconds, kioskConfig({ KIOSK: "1" }).countdownSeconds], [90, 20]);
  assert.equal(kioskConfig({ KIOSK_IDLE_SECONDS: "30" }).countdownSeconds, 10);
  assert.equal(kioskConfig({ KIOSK_IDLE_SECONDS: "6" }).countdownSeconds, 5);
});

test("a bad idle time, public address or locale list stops the build with the fix", () => {
  assert.throws(() => kioskConfig({ KIOSK_IDLE_SECONDS: "soon" }), /KIOSK_IDLE_SECONDS must be a whole number of seconds/);
  assert.throws(() => kioskConfig({ KIOSK_IDLE_SECONDS: "2" }), /5 or more/);
  assert.throws(() => kioskConfig({ PUBLIC_URL: "hub.example.org" }), /PUBLIC_URL must be a full web address/);
  assert.throws(() => kioskConfig({ KIOSK_LOCALES: "es,xx" }), /KIOSK_LOCALES names unknown locale\(s\) xx/);
});

test("a kiosk takes the country and the hub it stands in, and its help starts in that country", () => {
  const mexico = kioskConfig({ KIOSK: "1", KIOSK_COUNTRY: "mx" });
  assert.equal(mexico.country, "MX");
  assert.equal(mexico.hub, undefined);
  assert.equal(helpNowPath("es", mexico), "/es/help/mx/");
  assert.equal(helpNowPath("es", kioskConfig({ KIOSK: "1" })), "/es/help/");
  // A demonstration build may name an example hub; the hub's country is the kiosk's country.
  assert.deepEqual([kioskConfig({ KIOSK: "1", HUB_DEMO: "1", KIOSK_HUB: "tapachula" })].map((c) => [c.country, c.hub]), [["MX", "tapachula"]]);
  // Outside a kiosk build the place is checked but not used.
  assert.equal(kioskConfig({ KIOSK_COUNTRY: "MX" }).country, undefined);
});

test("a country the site does not serve, an unknown hub, an example hub in a public build or a hub in another country stops the build with the fix", () => {
  assert.throws(() => kioskConfig({ KIOSK: "1", KIOSK_COUNTRY: "US" }), /KIOSK_COUNTRY must be the code of a country the site serves .*MX.* \(got "US"\)/);
  assert.throws(() => kioskConfig({ KIOSK: "1", KIOSK_HUB: "atlantis" }), /KIOSK_HUB must be the id of a hub in content\/hubs\/ .*tapachula.* \(got "atlantis"\)/);
  assert.throws(() => kioskConfig({ KIOSK: "1", KIOSK_HUB: "tapachula" }), /"tapachula" is an example hub; example hubs exist only in a demonstration build \(HUB_DEMO=1\)/);
  assert.throws(() => kioskConfig({ KIOSK: "1", HUB_DEMO: "1", KIOSK_HUB: "tapachula", KIOSK_COUNTRY: "GT" }), /"tapachula" is in MX, but KIOSK_COUNTRY is GT/);
});

test("QR codes use the public address, falling back to SITE_URL", () => {
  assert.equal(publicUrlOf("/es/help/", kioskConfig({ PUBLIC_URL: "https://hub.example.org/" })), "https://hub.example.org/es/help/");
  assert.equal(publicUrlOf("/es/help/", kioskConfig({ SITE_URL: "https://site.example.org" })), "https://site.example.org/es/help/");
  assert.deepEqual(kioskConfig({ KIOSK_LOCALES: " es, ht " }).locales, ["es", "ht"]);
});

test("the precache list keeps the kiosk's locales, assets and search index, and leaves out editors' tools", () => {
  const files = [
    "index.html", "404.html", "favicon.svg", "es/index.html", "es/guides/x/index.html", "en/index.html",
    "status/index.html", "admin/index.html", "admin/cms.js", "kb.json", "sw.js", "_astro/Base.css", "_astro/kiosk.js",
    "pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/pagefind-ui.js", "pagefind/wasm.es.pagefind",
    "pagefind/wasm.en.pagefind", "pagefind/wasm.unknown.pagefind", "pagefind/index/es_1a.pf_index", "pagefind/fragment/en_2b.pf_fragment",
  ];
  assert.deepEqual(precacheList(files, ["es"], ["es", "en"]), [
    "/", "/404.html", "/favicon.svg", "/es/", "/es/guides/x/", "/_astro/Base.css", "/_astro/kiosk.js",
    "/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/pagefind/wasm.es.pagefind", "/pagefind/wasm.unknown.pagefind",
    "/pagefind/index/es_1a.pf_index",
  ]);
});

/** Runs the worker's source in a fake service-worker scope with an in-memory Cache Storage. */
function runWorker(source: string, stored: Record<string, Map<string, string>>, online: boolean) {
  const listeners: Record<string, (event: unknown) => void> = {};
  const key = (r: string | { url: string }) => new URL(typeof r === "string" ? r : r.url, "https://kiosk.test").pathname;
  const cacheOf = (name: string) => {
    const entries = (stored[name] ??= new Map());
    return {
      addAll: async (requests: { url: string }[]) => requests.forEach((r) => entries.set(key(r), `body of ${key(r)}`)),
      match: async (r: string | { url: string }, opts?: { ignoreSearch?: boolean }) => {
        const url = new URL(typeof r === "string" ? r : r.url, "https://kiosk.test");
        const found = entries.get(opts?.ignoreSearch || !url.search ? url.pathname : url.pathname + url.search);
        return found === undefined ? undefined : { body: found };
      },
    };
  };
  const scope = {
    self: {} as Record<string, unknown>,
    caches: {
      open: async (name: string) => cacheOf(name),
      keys: async () => Object.keys(stored),
      delete: async (name: string) => delete stored[name],
    },
    Request: class {
      url: string;
      constructor(url: string) {
        this.url = new URL(url, "https://kiosk.test").href;
      }
    },
    URL,
    Response: { error: () => ({ body: "network error" }) },
    fetch: async (r: { url: string }) => {
      if (!online) throw new TypeError("offline");
      return { body: `network ${key(r)}` };
    },
  };
  Object.assign(scope.self, {
    location: { origin: "https://kiosk.test" },
    addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] = fn),
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  });
  vm.runInNewContext(source, scope);
  const waitFor = async (type: string, extra: Record<string, unknown> = {}) => {
    let done: Promise<unknown> = Promise.resolve();
    listeners[type]!({ ...extra, waitUntil: (p: Promise<unknown>) => (done = p), respondWith: (p: Promise<unknown>) => (done = p) });
    return done;
  };
  return {
    install: () => waitFor("install"),
    activate: () => waitFor("activate"),
    fetch: (url: string, mode = "no-cors") => waitFor("fetch", { request: { url: new URL(url, "https://kiosk.test").href, method: "GET", mode } }) as Promise<{ body: string }>,
  };
}

test("a new build's worker fills its own cache and deletes the caches of older builds only", async () => {
  const stored: Record<string, Map<string, string>> = { "hub-kiosk-old": new Map([["/es/", "old page"]]), "someone-else": new Map() };
  const sw = runWorker(serviceWorkerSource("abc123", ["/", "/es/", "/es/404/", "/pagefind/pagefind-entry.json"]), stored, false);
  await sw.install();
  assert.deepEqual([...stored["hub-kiosk-abc123"]!.keys()], ["/", "/es/", "/es/404/", "/pagefind/pagefind-entry.json"]);
  await sw.activate();
  assert.deepEqual(Object.keys(stored).sort(), ["hub-kiosk-abc123", "someone-else"]);
});

test("offline, the worker serves cached files whatever their query string, and the locale's 404 page for unknown pages", async () => {
  const sw = runWorker(serviceWorkerSource("abc123", ["/es/", "/es/404/", "/es/search/", "/pagefind/pagefind-entry.json"]), {}, false);
  await sw.install();
  assert.equal((await sw.fetch("/es/search/?q=migra", "navigate")).body, "body of /es/search/");
  assert.equal((await sw.fetch("/pagefind/pagefind-entry.json?ts=123")).body, "body of /pagefind/pagefind-entry.json");
  assert.equal((await sw.fetch("/es/no-such-page/", "navigate")).body, "body of /es/404/");
  await assert.rejects(sw.fetch("/es/chat/socket"), /offline/);
});
