// Shipped to the browser in kiosk builds only: the kiosk's offline service worker. It is bundled
// to /sw.js after the site and its search index are built (src/integrations/service-worker.ts),
// with this build's cache name and precache list put in for the constants declared below.
/// <reference lib="webworker" />
export {};

declare const self: ServiceWorkerGlobalScope;
/** This build's cache: "hub-kiosk-" and a hash of the build's files. */
declare const __KIOSK_CACHE__: string;
/** What every kiosk cache's name starts with: activate deletes the older builds' ones. */
declare const __KIOSK_CACHE_PREFIX__: string;
/** The URLs a kiosk needs offline (precacheList in src/integrations/service-worker.ts). */
declare const __KIOSK_PRECACHE__: string[];

const CACHE = __KIOSK_CACHE__;
const CACHE_PREFIX = __KIOSK_CACHE_PREFIX__;
const PRECACHE = __KIOSK_PRECACHE__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // "reload": the files of this build, not copies an HTTP cache kept from an earlier one.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A static site's files do not depend on the query string: the search page reads ?q= in
      // the browser, and Pagefind adds ?ts= to its entry file to dodge HTTP caches.
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        if (request.mode !== "navigate") throw error;
        const locale = url.pathname.split("/")[1];
        return (await cache.match("/" + locale + "/404/")) || (await cache.match("/")) || Response.error();
      }
    })(),
  );
});
