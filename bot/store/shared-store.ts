// What several hub processes must agree on lives behind this small interface: today the
// Twilio MessageSids already handled (replay-guard.ts), next the conversation state. One Redis
// connection (REDIS_URL) serves them all; without Redis each process keeps its own memory.
//
// Redis client: `redis` (node-redis, maintained by Redis). Commands fail at once while the
// connection is down (no offline queue), so a webhook never waits on a dead Redis.
import { createClient } from "redis";
import { logError, logInfo } from "../log";

export interface SharedStore {
  /** Sets `key` only if it is not set yet, for `ttlMs`; true when this call set it. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Keys of this hub, so a Redis shared with other programs is not stepped on. */
export const KEY_PREFIX = "hub:";

/** Most keys one memory store holds; past it the oldest go first (memory stays bounded). */
const MEMORY_MAX_KEYS = 500_000;
/** How often expired keys are swept from memory. */
const MEMORY_SWEEP_MS = 60_000;

/** A SharedStore in this process's memory (Map order is insertion order: oldest first). */
export function memoryStore(now: () => number = Date.now): SharedStore {
  const items = new Map<string, { value: string; expires: number }>();
  const live = (key: string) => {
    const item = items.get(key);
    if (item && item.expires <= now()) {
      items.delete(key);
      return undefined;
    }
    return item;
  };
  const put = (key: string, value: string, ttlMs: number) => {
    items.delete(key);
    items.set(key, { value, expires: now() + ttlMs });
    while (items.size > MEMORY_MAX_KEYS) items.delete(items.keys().next().value as string);
  };
  const timer = setInterval(() => {
    const t = now();
    for (const [key, item] of items) if (item.expires <= t) items.delete(key);
  }, MEMORY_SWEEP_MS);
  timer.unref();
  return {
    async claim(key, ttlMs) {
      if (live(key)) return false;
      put(key, "1", ttlMs);
      return true;
    },
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
    async delete(key) {
      items.delete(key);
    },
    async close() {
      clearInterval(timer);
      items.clear();
    },
  };
}

/** Waits this long for Redis at start before going on without it (it keeps reconnecting). */
const CONNECT_WAIT_MS = 3000;

/**
 * A SharedStore in Redis at `url`. Never throws at start: while Redis is unreachable, every
 * command rejects and callers fall back to their own memory.
 */
export async function redisStore(url: string): Promise<SharedStore> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(200 * 2 ** retries, 5000), connectTimeout: CONNECT_WAIT_MS },
  });
  let reported = false;
  // node-redis emits "error" on every failed reconnect; log the first of a run only.
  client.on("error", (err: unknown) => {
    if (reported) return;
    reported = true;
    logError("redis", err);
  });
  client.on("ready", () => {
    reported = false;
    logInfo("redis: connected");
  });
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  await Promise.race([connected, new Promise((r) => setTimeout(r, CONNECT_WAIT_MS).unref())]);
  const k = (key: string) => KEY_PREFIX + key;
  return {
    async claim(key, ttlMs) {
      return (await client.set(k(key), "1", { condition: "NX", expiration: { type: "PX", value: ttlMs } })) === "OK";
    },
    async get(key) {
      return (await client.get(k(key))) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await client.set(k(key), value, { expiration: { type: "PX", value: ttlMs } });
    },
    async delete(key) {
      await client.del(k(key));
    },
    async close() {
      try {
        if (client.isOpen) await client.close();
        else client.destroy();
      } catch {
        client.destroy();
      }
    },
  };
}
