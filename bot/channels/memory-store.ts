// Conversation state in memory, behind Botkit's storage interface (botbuilder's Storage),
// forgotten after an idle time. Any other Storage (e.g. botbuilder-storage-mongodb) can be
// passed instead; this one is the default because it keeps nothing once the process ends.
import type { Storage, StoreItems } from "botbuilder";

export interface ExpiringStorage extends Storage {
  /** Number of conversations held right now. */
  size(): number;
  /** Stops the sweep timer so the process can exit. */
  close(): void;
}

export function createMemoryStore(idleMs: number, now: () => number = Date.now): ExpiringStorage {
  // Items are kept as JSON so a caller can never mutate stored state by reference.
  const items = new Map<string, { json: string; touched: number }>();
  const sweep = () => {
    const limit = now() - idleMs;
    for (const [key, item] of items) if (item.touched <= limit) items.delete(key);
  };
  const timer = setInterval(sweep, Math.max(1000, Math.min(idleMs, 60_000)));
  timer.unref();
  return {
    async read(keys: string[]): Promise<StoreItems> {
      // The timer sweeps in bulk; an item past its time is also never handed out in between.
      const limit = now() - idleMs;
      const out: StoreItems = {};
      for (const key of keys) {
        const item = items.get(key);
        if (!item) continue;
        if (item.touched <= limit) items.delete(key);
        else out[key] = JSON.parse(item.json);
      }
      return out;
    },
    async write(changes: StoreItems): Promise<void> {
      const t = now();
      for (const [key, value] of Object.entries(changes)) items.set(key, { json: JSON.stringify({ ...value, eTag: "*" }), touched: t });
    },
    async delete(keys: string[]): Promise<void> {
      for (const key of keys) items.delete(key);
    },
    size: () => items.size,
    close: () => clearInterval(timer),
  };
}
