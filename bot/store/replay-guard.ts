// Each Twilio message is handled once. Twilio retries a webhook it thinks failed, and anyone
// holding a validly signed request can send it again; both would send (and bill) the answer
// again. A MessageSid is remembered for a day: in this process's memory always, and in the
// shared store (Redis) when there is one, so a replay to another hub process is caught too.
import { memoryStore, type SharedStore } from "./shared-store";

/** Twilio's retries come within minutes; a day also covers a replay by hand. */
export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ReplayGuard {
  /** true the first time an id is seen (it is then remembered); false for a replay. */
  firstTime(id: string): Promise<boolean>;
  close(): Promise<void>;
}

export function replayGuard(shared: SharedStore | undefined): ReplayGuard {
  const memory = memoryStore();
  return {
    async firstTime(id) {
      const key = `twilio:sid:${id}`;
      if (!(await memory.claim(key, REPLAY_WINDOW_MS))) return false;
      if (!shared) return true;
      try {
        return await shared.claim(key, REPLAY_WINDOW_MS);
      } catch {
        // Redis is down: this process's memory still stops replays that reach it.
        return true;
      }
    },
    close: () => memory.close(),
  };
}
