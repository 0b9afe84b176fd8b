// What an SMS costs: segments in GSM-7 (160 characters alone, 153 each when split) or, as
// soon as one character is outside GSM-7, UCS-2 (70, then 67). Counting is Twilio's own
// calculator (sms-segments-calculator, Twilio DevEd; it knows the GSM-7 extension table and
// the split headers). The transliteration below is ours: SMS only, never the web or WhatsApp.
import { SegmentedMessage } from "sms-segments-calculator";

export interface SegmentCount {
  segments: number;
  encoding: "GSM-7" | "UCS-2";
  /** The text that travels in the first segment. */
  first: string;
}

export function countSegments(text: string): SegmentCount {
  if (!text) return { segments: 0, encoding: "GSM-7", first: "" };
  const message = new SegmentedMessage(text, "auto");
  const [first] = message.segments;
  const raw = first ? [...first].map((c: { raw?: string }) => c.raw ?? "").join("") : "";
  return { segments: message.segmentsCount, encoding: message.encodingName, first: raw };
}

/** Bits of one character in GSM-7 (7, or 14 for the extension table; undefined: none). */
const gsmBitsCache = new Map<string, number | undefined>();
function gsmBits(char: string): number | undefined {
  if (gsmBitsCache.has(char)) return gsmBitsCache.get(char);
  const message = new SegmentedMessage(char, "auto");
  const bits = message.encodingName === "GSM-7" ? message.encodedChars.reduce((n, c) => n + c.sizeInBits(), 0) : undefined;
  gsmBitsCache.set(char, bits);
  return bits;
}

/** true when the character has a GSM-7 code (basic table or extension). */
export function isGsm7(char: string): boolean {
  return gsmBits(char) !== undefined;
}

/** One SMS segment carries 140 octets; a split message gives 6 of each to its header. */
const SEGMENT_BITS = 1120;
const HEADER_BITS = 48;

/**
 * The segment count the calculator gives, worked out from its character sizes without
 * building a message: the splitter tries many prefixes of a reply, and the calculator takes
 * milliseconds each. A character never straddles two segments. (Tested against the
 * calculator; the parts finally sent are checked with it too.)
 */
export function quickSegments(text: string): number {
  if (!text) return 0;
  const chars = [...text];
  const gsm = chars.map(gsmBits);
  const sizes = gsm.every((b) => b !== undefined) ? (gsm as number[]) : chars.map((c) => 16 * c.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= SEGMENT_BITS) return 1;
  let segments = 1;
  let free = SEGMENT_BITS - HEADER_BITS;
  for (const size of sizes) {
    if (size > free) {
      segments += 1;
      free = SEGMENT_BITS - HEADER_BITS;
    }
    free -= size;
  }
  return segments;
}

/**
 * Typographic characters that force UCS-2 and have a plain GSM-7 stand-in with the same
 * meaning. Letters with accents are handled below, by their base letter.
 */
const PLAIN: Record<string, string> = {
  "\u201C": '"', // “
  "\u201D": '"', // ”
  "\u201E": '"', // „
  "\u00AB": '"', // «
  "\u00BB": '"', // »
  "\u2018": "'", // ‘
  "\u2019": "'", // ’
  "\u201A": "'", // ‚
  "\u2032": "'", // ′
  "\u2022": "-", // •
  "\u00B7": "-", // ·
  "\u2023": "-", // ‣
  "\u25E6": "-", // ◦
  "\u2013": "-", // –
  "\u2014": "-", // —
  "\u2212": "-", // −
  "\u2026": "...", // …
  "\u0153": "oe", // œ
  "\u0152": "OE", // Œ
  "\u00A0": " ", // no-break space
  "\u202F": " ", // narrow no-break space
  "\u2009": " ", // thin space
};

/**
 * Rewrites text with GSM-7 characters where the meaning allows: typographic quotes, bullets,
 * dashes and the ellipsis become plain ones, and a letter with an accent GSM-7 lacks (á, í,
 * ó, ú, ê, ã, ç ...) becomes its base letter. Letters GSM-7 has (é, è, ñ, ü, à, ò, ¿, ¡ ...)
 * stay as they are. Anything else (an emoji, another script) is left: the message is then
 * UCS-2, and counted as such.
 */
export function toGsm7(text: string): string {
  let out = "";
  // French « guillemets » hold spaces inside; plain quotes do not.
  const quoted = text.replace(/«[\s\u00A0\u202F]+/g, "«").replace(/[\s\u00A0\u202F]+»/g, "»");
  for (const char of quoted) {
    if (isGsm7(char)) {
      out += char;
      continue;
    }
    const plain = PLAIN[char];
    if (plain !== undefined) {
      out += plain;
      continue;
    }
    const base = char.normalize("NFD").replace(/\p{M}/gu, "");
    out += base && [...base].every(isGsm7) ? base : char;
  }
  return out;
}
