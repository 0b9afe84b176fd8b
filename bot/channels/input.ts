// One cleaning step for text arriving from any channel, before Botkit handlers or the engine
// see it: no control characters, no broken surrogates, bounded length.
/** Longest message passed to the engine, in characters; longer ones are cut, not refused. */
export const MAX_TEXT_CHARS = 1000;

// C0 and C1 controls except tab/newline, plus bidi overrides that can disguise text.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const text = raw.toWellFormed().normalize("NFC").replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  if (text.length <= MAX_TEXT_CHARS) return text;
  // Cut on a code point boundary so an emoji is never split in half.
  return Array.from(text).slice(0, MAX_TEXT_CHARS).join("").trim();
}
