// How long the hub keeps a conversation, written once: the bot forgets by these settings
// (bot/config.ts) and the "About and privacy" page tells people the same times
// (src/lib/operator.ts). Both read them from the environment through readRetention.

/** An SMS or WhatsApp conversation is forgotten after this many minutes without a message (STATE_IDLE_MINUTES). */
export const defaultStateIdleMinutes = 30;
/** A web chat with no message for this many minutes is closed, and forgotten (CHAT_IDLE_MINUTES). */
export const defaultChatIdleMinutes = 5;

export interface Retention {
  /** SMS/WhatsApp conversation state is forgotten after this long without a message. */
  stateIdleMs: number;
  /** A web-chat connection with no message for this long is told so and closed. */
  chatIdleMs: number;
}

/** A setting in minutes (fractions allowed) as milliseconds; throws a readable message on a bad value. */
export function minutesSetting(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback * 60_000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of minutes, got "${raw}".`);
  return Math.round(n * 60_000);
}

/** Reads STATE_IDLE_MINUTES and CHAT_IDLE_MINUTES, with the defaults above. */
export function readRetention(env: Record<string, string | undefined>): Retention {
  return {
    stateIdleMs: minutesSetting(env, "STATE_IDLE_MINUTES", defaultStateIdleMinutes),
    chatIdleMs: minutesSetting(env, "CHAT_IDLE_MINUTES", defaultChatIdleMinutes),
  };
}
