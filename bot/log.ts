// What the hub writes to its logs: fixed event names and counts, never message text, phone
// numbers or conversation ids. Errors are logged by kind only, because an error's message
// can quote the input that caused it (JSON.parse does).
export interface Stats {
  messages: number;
  emergencies: number;
  erased: number;
  refused: number;
  errors: number;
  /** Request bodies the client stopped sending (slow or dropped connections): counted, not errors. */
  aborted: number;
  /** Twilio webhooks whose MessageSid was already handled (answered once only). */
  replays: number;
  languages: Record<string, number>;
  channels: Record<string, number>;
}

export function createStats(): Stats {
  return { messages: 0, emergencies: 0, erased: 0, refused: 0, errors: 0, aborted: 0, replays: 0, languages: {}, channels: {} };
}

function bump(table: Record<string, number>, key: string): void {
  table[key] = (table[key] ?? 0) + 1;
}

/** Counts one answered message. Only the locale code and channel name are kept. */
export function countReply(stats: Stats, channel: string, locale: string, emergency: boolean, erased: boolean): void {
  stats.messages += 1;
  if (emergency) stats.emergencies += 1;
  if (erased) stats.erased += 1;
  bump(stats.languages, locale);
  bump(stats.channels, channel);
}

/** One line for the operator; `event` must be a fixed string, never user input. */
export function logInfo(event: string): void {
  console.log(`[hub] ${event}`);
}

/** Logs that something failed and where, without the error's message or stack. */
export function logError(where: string, err: unknown, stats?: Stats): void {
  if (stats) stats.errors += 1;
  const kind = err instanceof Error ? err.name : typeof err;
  const code = err && typeof err === "object" && "code" in err && typeof err.code === "string" ? ` ${err.code}` : "";
  console.error(`[hub] error in ${where}: ${kind}${code}`);
  // Stacks name only our own files and functions; opt in when debugging on a private machine.
  if (process.env["HUB_DEBUG_STACKS"] === "1" && err instanceof Error && err.stack) {
    console.error(err.stack.split("\n").slice(1).join("\n"));
  }
}

export function formatStats(stats: Stats): string {
  const table = (t: Record<string, number>) =>
    Object.entries(t)
      .map(([k, v]) => `${k}=${v}`)
      .join(",") || "-";
  return `stats messages=${stats.messages} emergencies=${stats.emergencies} erased=${stats.erased} refused=${stats.refused} errors=${stats.errors} aborted=${stats.aborted} replays=${stats.replays} languages=${table(stats.languages)} channels=${table(stats.channels)}`;
}
