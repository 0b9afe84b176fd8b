// Fair sharing of one hub among everyone writing to it: token buckets (per connection, per
// client address, per SMS sender) and a queue that runs turns lightest-sender first, so a
// flood from a few addresses waits behind a person who wrote once, never the other way round.

/** A token bucket: `capacity` at once, refilled at `perMinute`. */
export class TokenBucket {
  private tokens: number;
  private at: number;
  constructor(
    private readonly perMinute: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.at = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.at) * this.perMinute) / 60_000);
    this.at = t;
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** true when the bucket has refilled completely (its key can be forgotten). */
  full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }
}

/** Sweep the keyed buckets at most this often: forgetting full buckets keeps memory bounded. */
const SWEEP_EVERY_MS = 60_000;

/** Token buckets by key (a client address, a hashed sender). */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweptAt: number;
  constructor(
    private readonly perMinute: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweptAt = now();
  }

  take(key: string): boolean {
    if (this.now() - this.sweptAt > SWEEP_EVERY_MS) this.sweep();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.perMinute, this.capacity, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  size(): number {
    return this.buckets.size;
  }

  private sweep(): void {
    this.sweptAt = this.now();
    for (const [key, bucket] of this.buckets) if (bucket.full()) this.buckets.delete(key);
  }
}

export interface FairQueueOptions {
  /** Turns running at once. The engine is synchronous, so more only helps while a store is awaited. */
  concurrency: number;
  /** Turns one key may have waiting; more are refused (the caller says "slow down"). */
  maxPendingPerKey: number;
  /** How fast a key's past use is forgiven: its weight halves every this many ms. */
  halfLifeMs: number;
  now?: () => number;
}

interface KeyState {
  pending: (() => Promise<void>)[];
  /** Turns started recently, decayed by halfLifeMs. */
  usage: number;
  usageAt: number;
}

/**
 * Runs queued turns one key at a time, always the waiting key that used the hub least lately
 * (decayed count of its turns). Each turn starts on its own event-loop turn (setImmediate),
 * so HTTP requests such as /healthz are answered between two turns even under a flood.
 */
export class FairQueue {
  private readonly keys = new Map<string, KeyState>();
  private running = 0;
  private scheduled = false;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly options: FairQueueOptions) {
    this.now = options.now ?? Date.now;
  }

  private weight(state: KeyState, t: number): number {
    return state.usage * 2 ** (-(t - state.usageAt) / this.options.halfLifeMs);
  }

  /** Queues a turn under `key`; false (and nothing queued) when the key has too many waiting. */
  push(key: string, task: () => Promise<void>): boolean {
    if (this.closed) return false;
    let state = this.keys.get(key);
    if (!state) {
      state = { pending: [], usage: 0, usageAt: this.now() };
      this.keys.set(key, state);
    }
    if (state.pending.length >= this.options.maxPendingPerKey) return false;
    state.pending.push(task);
    this.schedule();
    return true;
  }

  /** Turns waiting, for all keys. */
  waiting(): number {
    let n = 0;
    for (const s of this.keys.values()) n += s.pending.length;
    return n;
  }

  private schedule(): void {
    if (this.scheduled || this.closed || this.running >= this.options.concurrency) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.closed || this.running >= this.options.concurrency) return;
    const t = this.now();
    let best: KeyState | undefined;
    let bestWeight = Infinity;
    for (const [key, state] of this.keys) {
      const w = this.weight(state, t);
      if (!state.pending.length) {
        // Forgiven and idle: forget the key, so the map only holds recent senders.
        if (w < 0.01) this.keys.delete(key);
        continue;
      }
      if (w < bestWeight) {
        best = state;
        bestWeight = w;
      }
    }
    if (!best) return;
    const task = best.pending.shift()!;
    best.usage = bestWeight + 1;
    best.usageAt = t;
    this.running += 1;
    void task()
      .catch(() => undefined)
      .finally(() => {
        this.running -= 1;
        this.schedule();
      });
    this.schedule();
  }

  /** Drops every waiting turn (shutdown). */
  close(): void {
    this.closed = true;
    this.keys.clear();
  }
}
