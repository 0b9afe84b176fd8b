// Turns an engine reply into plain-text messages for SMS and WhatsApp: links as full URLs,
// quick replies as numbered options, and long answers split into parts that each fit the
// channel's limit, on paragraph, line, sentence or word boundaries.
import type { OutgoingReply } from "./botkit";

export interface SmsFormat {
  /** Longest part, in characters. */
  maxChars: number;
  /** Base URL that site paths are made absolute with (none: paths stay as they are). */
  siteUrl?: string;
  /** Header above the numbered options, in the reply's language. */
  optionsHeader: string;
}

/** Three concatenated GSM-7 segments: arrives as one message on old phones, costs three. */
export const SMS_MAX_CHARS = 459;
/** Twilio's limit for one WhatsApp message body. */
export const WHATSAPP_MAX_CHARS = 1600;

export function smsText(reply: OutgoingReply, format: SmsFormat): string {
  const absolute = (url: string) => (format.siteUrl && url.startsWith("/") ? format.siteUrl + url : url);
  let text = reply.text;
  const extra: string[] = [];
  for (const link of reply.links) {
    if (text.includes(link.url)) text = text.split(link.url).join(absolute(link.url));
    else extra.push(`${link.title}: ${absolute(link.url)}`);
  }
  const blocks = [text.trim(), extra.join("\n")];
  if (reply.quickReplies.length) {
    blocks.push([format.optionsHeader, ...reply.quickReplies.map((q, i) => `${i + 1}. ${q.label}`)].join("\n"));
  }
  return blocks.filter(Boolean).join("\n\n");
}

function lastSentenceEnd(s: string): number {
  for (let i = s.length - 2; i >= 0; i--) if (".!?".includes(s[i] ?? "") && /\s/.test(s[i + 1] ?? "")) return i + 1;
  return -1;
}

function cut(text: string, max: number): [string, string] {
  if (text.length <= max) return [text, ""];
  // One character more than fits, so a boundary right at the limit counts.
  const window = text.slice(0, max + 1);
  for (const at of [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), lastSentenceEnd(window), window.lastIndexOf(" ")]) {
    // Only a boundary in the second half, so parts stay reasonably full.
    if (at > max / 2) return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
  }
  // A single unbroken run (a long URL): cut, but never inside a surrogate pair.
  const at = /[\uD800-\uDBFF]/.test(text[max - 1] ?? "") ? max - 1 : max;
  return [text.slice(0, at), text.slice(at)];
}

/** Splits the formatted reply into parts of at most maxChars, numbered "(1/3)" when split. */
export function splitForSms(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const room = maxChars - 8; // space for " (12/12)"
  const parts: string[] = [];
  let rest = text;
  while (rest) {
    const [head, tail] = cut(rest, room);
    parts.push(head);
    rest = tail;
  }
  return parts.map((p, i) => `${p} (${i + 1}/${parts.length})`);
}

export function formatForSms(reply: OutgoingReply, format: SmsFormat): string[] {
  return splitForSms(smsText(reply, format), format.maxChars);
}
