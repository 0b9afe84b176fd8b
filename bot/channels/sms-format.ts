// Turns an engine reply into plain-text messages for SMS and WhatsApp: links as full URLs,
// quick replies as numbered options, and long answers split into parts on paragraph, line,
// sentence or word boundaries. SMS is written for SMS, in small named stages: lists of
// numbers on one line, a number never twice, the emergency numbers in the first segment, GSM-7
// characters where meaning allows, and parts cut by real segment counts (sms-segments.ts).
// SMS goes out as pages (pagesForSms): the first, with the numbers and the address, is what one
// question costs; the host (botkit.ts) holds the others until the person replies "0".
import type { OutgoingReply } from "./botkit";
import { countSegments, quickSegments, toGsm7 } from "./sms-segments";

export interface SmsFormat {
  channel: "sms" | "whatsapp";
  /** Base URL that site paths are made absolute with (none: paths stay as they are). */
  siteUrl?: string;
  /** Header above the numbered options, in the reply's language. */
  optionsHeader: string;
  /** SMS: the line that ends a page when more pages are held ("Reply 0 to read more."). None: every part is sent at once. */
  moreLine?: string;
  /** A country's name in a language, for the line of emergency numbers (SMS). */
  countryName?: (code: string, locale: string) => string | undefined;
}

/**
 * Segments one SMS part may use: three arrive as one message even on old phones, and the
 * README promises answers of about that cost. GSM-7: 459 characters; UCS-2: 201.
 */
export const SMS_MAX_SEGMENTS = 3;
/** Twilio's limit for one WhatsApp message body. */
export const WHATSAPP_MAX_CHARS = 1600;
/** Room kept for the " (12/12)" part number. */
const PART_NUMBER = " (99/99)";
/** The resource kinds whose numbers an emergency SMS must show first. */
const EMERGENCY_KINDS = new Set(["emergency", "child-protection"]);

const digits = (s: string) => s.replace(/\D/g, "");

/** A list item as the engine writes it ("• Label: 911 / 1147"), read for SMS. */
interface Item {
  label: string;
  /** The phone numbers after the label, if the item ends with numbers. */
  numbers: string[];
  raw: string;
}
type Block = { kind: "line"; text: string } | { kind: "list"; heading: string | undefined; items: Item[] };

const BULLET = /^\s*[•·‣◦-]\s+(.*)$/;
const NUMBERS_AT_END = /^(.*?):\s*((?:\+?\d[\d\s-]*\d)(?:\s*\/\s*\+?\d[\d\s-]*\d)*)\s*$/;

function parseItem(text: string): Item {
  const m = NUMBERS_AT_END.exec(text);
  if (!m) return { label: text, numbers: [], raw: text };
  return { label: (m[1] ?? "").trim(), numbers: (m[2] ?? "").split("/").map((n) => n.trim()), raw: text };
}

/** Stage 1: lines, and bullet lists with the line that introduces them (ending in ":"). */
function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split("\n")) {
    const bullet = BULLET.exec(line);
    const last = blocks.at(-1);
    if (!bullet) {
      blocks.push({ kind: "line", text: line });
      continue;
    }
    const item = parseItem(bullet[1] ?? "");
    if (last?.kind === "list") last.items.push(item);
    else if (last?.kind === "line" && last.text.trim().endsWith(":")) blocks[blocks.length - 1] = { kind: "list", heading: last.text.trim(), items: [item] };
    else blocks.push({ kind: "list", heading: undefined, items: [item] });
  }
  return blocks;
}

/** An item on one line: "Label 911/1147"; a label that already says its number keeps it once. */
function renderItem(item: Item): string {
  if (!item.numbers.length) return item.raw;
  const labelDigits = digits(item.label);
  const shown = item.numbers.filter((n) => !labelDigits.endsWith(digits(n)) || !labelDigits);
  return shown.length ? `${item.label} ${shown.join("/")}` : item.label;
}

/** Stage 2: every list on one line ("Heading: a 1; b 2"), saving a line and a bullet per item. */
function renderBlocks(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === "line") return b.text;
      const items = b.items.map(renderItem).join("; ");
      if (!b.heading) return items;
      return items ? `${b.heading} ${items}` : b.heading.replace(/\s*:$/, ".");
    })
    .join("\n");
}

/** The emergency numbers a reply's cards carry, by country, each number once. */
function emergencyNumbers(reply: OutgoingReply): Map<string, string[]> {
  const byCountry = new Map<string, string[]>();
  for (const card of reply.cards) {
    if (!EMERGENCY_KINDS.has(card.kind)) continue;
    const list = byCountry.get(card.country) ?? [];
    for (const phone of card.phones) if (!list.some((n) => digits(n) === digits(phone.number))) list.push(phone.number);
    byCountry.set(card.country, list);
  }
  return byCountry;
}

/** Every emergency number of the reply, as digits (what "in the first segment" is checked against). */
export function emergencyDigits(reply: OutgoingReply): string[] {
  return [...new Set([...emergencyNumbers(reply).values()].flat().map(digits))];
}

/** true when every one of `numbers` (digits) is in `text`. */
export function showsAll(text: string, numbers: string[]): boolean {
  // Numbers as written: digits, maybe with inner hyphens ("6378-3466"), never across a "/".
  const runs = new Set((text.match(/\d[\d-]*\d|\d/g) ?? []).map(digits));
  return numbers.every((n) => runs.has(n));
}

/**
 * Stage 3 (emergency SMS): the numbers to call come first. If the first segment of the first
 * message (`rendered`) would not hold them all, one line of them, by country, leads, and list
 * items that only repeat them go.
 */
function leadWithNumbers(blocks: Block[], reply: OutgoingReply, format: SmsFormat, rendered: (blocks: Block[]) => string): Block[] {
  const numbers = emergencyDigits(reply);
  if (!numbers.length) return blocks;
  if (showsAll(countSegments(rendered(blocks)).first, numbers)) return blocks;
  const byCountry = emergencyNumbers(reply);
  // One country: its name. Every country (the person has not said where they are): the ISO
  // codes, so every country's numbers fit one segment (names take 170 characters or more).
  const name = (code: string) => (byCountry.size > 1 ? code : (format.countryName?.(code, reply.locale) ?? code));
  const lead = [...byCountry].map(([code, list]) => `${name(code)} ${list.join("/")}`).join("; ");
  const inLead = new Set(numbers);
  const rest: Block[] = blocks.map((b) =>
    b.kind === "list" ? { ...b, items: b.items.filter((i) => !i.numbers.length || !i.numbers.every((n) => inLead.has(digits(n)))) } : b,
  );
  return [{ kind: "line", text: lead }, ...rest];
}

/**
 * A site path made absolute. SMS drops the section anchor: it is often longer than the path
 * (escaped accents), and the guide page is small enough to find the section on.
 */
function absoluteUrl(url: string, format: SmsFormat): string {
  const path = format.channel === "sms" ? url.replace(/#.*$/, "") : url;
  return format.siteUrl && path.startsWith("/") ? format.siteUrl + path : path;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A reply written for its channel: the body, and the numbered options that end it. */
interface Written {
  body: string;
  options: string;
}

const joinWritten = ({ body, options }: Written) => [body, options].filter(Boolean).join("\n\n");

/** The reply written for the channel, in two pieces: the body, and the options that an SMS page places on its own (pagesForSms). */
function written(reply: OutgoingReply, format: SmsFormat): Written {
  let text = reply.text;
  const extra: string[] = [];
  for (const link of reply.links) {
    // The text may write the link with an anchor the link itself has not ("/x/#part").
    const inText = new RegExp(`${escapeRegExp(link.url.replace(/#.*$/, ""))}(#\\S*)?`, "g");
    if (inText.test(text)) text = text.replace(inText, (m) => absoluteUrl(m, format));
    else extra.push(`${link.title}: ${absoluteUrl(link.url, format)}`);
  }
  const options = reply.quickReplies.length ? [format.optionsHeader, ...reply.quickReplies.map((q, i) => `${i + 1}. ${q.label}`)].join("\n") : "";
  const join = (body: string) => [body.trim(), extra.join("\n")].filter(Boolean).join("\n\n");
  if (format.channel !== "sms") return { body: join(text), options };

  const gsm = (s: string) => toGsm7(s).replace(/[ \t]+\n/g, "\n");
  let blocks = parseBlocks(text);
  if (reply.emergency) blocks = leadWithNumbers(blocks, reply, format, (b) => firstMessage({ body: gsm(join(renderBlocks(b))), options: gsm(options) }, format));
  return { body: gsm(join(renderBlocks(blocks))), options: gsm(options) };
}

/** The whole reply as one text, before splitting. */
export function smsText(reply: OutgoingReply, format: SmsFormat): string {
  return joinWritten(written(reply, format));
}

function lastSentenceEnd(s: string): number {
  for (let i = s.length - 2; i >= 0; i--) if (".!?".includes(s[i] ?? "") && /\s/.test(s[i + 1] ?? "")) return i + 1;
  return -1;
}

/** Where text may be cut at or before `max`, best kind first: paragraph, line, sentence, word. */
function boundaries(text: string, max: number): number[] {
  // One character more than fits, so a boundary right at the limit counts.
  const window = text.slice(0, max + 1);
  // Only boundaries in the second half, so parts stay reasonably full.
  return [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), lastSentenceEnd(window), window.lastIndexOf(" ")].filter((at) => at > max / 2);
}

/**
 * Splits text in two at or before `max` code units. Of the boundaries, the best kind that
 * costs no more in total than the latest one: cutting a paragraph early can push the rest
 * into one more segment, and then a sentence or word boundary is taken instead.
 */
function cutAt(text: string, max: number, cost: (s: string) => number): [string, string] {
  if (text.length <= max) return [text, ""];
  const split = (at: number): [string, string] => [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
  const options = boundaries(text, max).map(split);
  if (options.length) {
    const total = ([head, tail]: [string, string]) => cost(head + PART_NUMBER) + cost(tail + PART_NUMBER);
    const least = Math.min(...options.map(total));
    return options.find((o) => total(o) === least)!;
  }
  // A single unbroken run (a long URL): cut, but never inside a surrogate pair.
  const at = /[\uD800-\uDBFF]/.test(text[max - 1] ?? "") ? max - 1 : max;
  return [text.slice(0, at), text.slice(at)];
}

/** The longest prefix (in code units) that fits `fits`, found by bisection. */
function longestFitting(text: string, fits: (s: string) => boolean): number {
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cuts text into pieces that each pass `fits`; `cost` ranks the cuts. */
function cutParts(text: string, fits: (s: string) => boolean, cost: (s: string) => number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest) {
    if (fits(rest)) {
      parts.push(rest);
      break;
    }
    const [head, tail] = cutAt(rest, longestFitting(rest, fits), cost);
    parts.push(head);
    rest = tail;
  }
  return parts;
}

const numbered = (parts: string[]) => parts.map((p, i) => `${p} (${i + 1}/${parts.length})`);

/** Splits into parts that each pass `fitsWhole`, numbered "(1/3)" when split; `cost` ranks cuts. */
function splitParts(text: string, fitsWhole: (s: string) => boolean, cost: (s: string) => number): string[] {
  if (fitsWhole(text)) return [text];
  return numbered(cutParts(text, (s) => fitsWhole(s + PART_NUMBER), cost));
}

/** SMS parts of at most SMS_MAX_SEGMENTS segments each, by the real encoding of each part. */
export function splitForSms(text: string): string[] {
  const parts = splitParts(text, (s) => quickSegments(s) <= SMS_MAX_SEGMENTS, quickSegments);
  // The calculator has the last word on what is sent. The quick count agrees with it (tested);
  // should they ever differ, the split is done again with the calculator alone (slow, exact).
  if (parts.every((p) => countSegments(p).segments <= SMS_MAX_SEGMENTS)) return parts;
  const exact = (s: string) => countSegments(s).segments;
  return splitParts(text, (s) => exact(s) <= SMS_MAX_SEGMENTS, exact);
}

/** A line the first page must carry: one with a number to call, or an address (absolute, or a site path where no SITE_URL is set). */
const MUST_SHOW = /\d{3}|https?:\/\/|\s\/[\w-]+\/\S*$/;
/** A cut answer keeps at least this many characters on the first page (one short sentence, "Reste calme et ne t'oppose pas à ceux qui te retiennent."), else it waits whole for "0". */
const MIN_CUT = 40;

/**
 * The first page of an SMS turn (at most SMS_MAX_SEGMENTS segments): every line with a number
 * or an address, then as much of the rest as fits, in the reply's order; a text line that does
 * not fit whole is cut at a sentence. The options come on the first page if they still fit, else
 * on the last (a number picks an option whichever page showed it). What did not fit is returned
 * as `rest`, for "0". undefined when the numbers and addresses alone do not fit.
 */
function firstPage(body: string, options: string, more: string): { page: string; rest: string } | undefined {
  const paragraphs = body.split(/\n{2,}/).map((p) => p.split("\n"));
  const shown = paragraphs.map((lines) => lines.map((line) => (MUST_SHOW.test(line) ? line : "")));
  const held = paragraphs.map((lines) => lines.map(() => ""));
  const text = (rows: string[][]) => rows.map((lines) => lines.filter(Boolean).join("\n")).filter(Boolean).join("\n\n");
  const assemble = (extra: string[]) => [text(shown), ...extra].filter(Boolean).join("\n\n");
  const fits = (extra = [more + PART_NUMBER]) => quickSegments(assemble(extra)) <= SMS_MAX_SEGMENTS;
  if (!fits()) return undefined;
  paragraphs.forEach((lines, p) =>
    lines.forEach((line, l) => {
      if (MUST_SHOW.test(line) || !line.trim()) return;
      const row = shown[p] as string[];
      row[l] = line;
      if (fits()) return;
      // The longest run of whole sentences that still fits, if it says enough to stand alone.
      const cut = sentenceEnds(line).reverse().find((at) => {
        row[l] = line.slice(0, at).trimEnd();
        return at >= MIN_CUT && fits();
      });
      row[l] = cut ? line.slice(0, cut).trimEnd() : "";
      (held[p] as string[])[l] = cut ? line.slice(cut).trim() : line;
    }),
  );
  const rest = text(held);
  if (!rest) return fits([options]) ? { page: assemble([options]), rest: "" } : { page: assemble([]), rest: options };
  if (fits([options, more + PART_NUMBER])) return { page: assemble([options]), rest };
  return { page: assemble([]), rest: [rest, options].filter(Boolean).join("\n\n") };
}

/** Where each sentence of a line ends (after its ".", "!" or "?"). */
function sentenceEnds(line: string): number[] {
  return [...line.matchAll(/[.!?](?=\s)/g)].map((m) => (m.index ?? 0) + 1);
}

/**
 * SMS as pages: the first is sent now, the others are held until the person replies "0"
 * (moreLine), so one question costs at most SMS_MAX_SEGMENTS segments and the numbers and the
 * address come first. Every page but the last ends with the more line; all are numbered.
 */
export function pagesForSms(text: Written, more: string): string[] {
  const first = firstPage(text.body, text.options, more);
  const all = joinWritten(text);
  if (!first) return splitForSms(all);
  if (!first.rest) return [first.page];
  const fits = (s: string) => quickSegments(`${s}\n\n${more}${PART_NUMBER}`) <= SMS_MAX_SEGMENTS;
  // Held pages are cut at the best kind of boundary (a paragraph before a line, a sentence, a
  // word): each is paid only if asked for, so reading well counts more than a full page.
  const pages = [first.page, ...cutParts(first.rest, fits, () => 0)];
  const out = pages.map((p, i) => `${i < pages.length - 1 ? `${p}\n\n${more}` : p} (${i + 1}/${pages.length})`);
  // The calculator has the last word; should it disagree, the plain split is sent instead.
  return out.every((p) => countSegments(p).segments <= SMS_MAX_SEGMENTS) ? out : splitForSms(all);
}

/** WhatsApp parts of at most WHATSAPP_MAX_CHARS characters. */
export function splitForWhatsApp(text: string): string[] {
  // WhatsApp is not billed by segment: any boundary of the best kind will do.
  return splitParts(text, (s) => s.length <= WHATSAPP_MAX_CHARS, () => 0);
}

/** SMS: the messages of a written reply, as parts or as pages. */
function smsMessages(text: Written, format: SmsFormat): string[] {
  return format.moreLine ? pagesForSms(text, toGsm7(format.moreLine)) : splitForSms(joinWritten(text));
}

/** The first message an SMS reply sends. */
const firstMessage = (text: Written, format: SmsFormat) => smsMessages(text, format)[0] ?? "";

/** The messages of a reply: WhatsApp's parts; SMS's parts, or its pages when a more line is given. */
export function formatForSms(reply: OutgoingReply, format: SmsFormat): string[] {
  const text = written(reply, format);
  if (format.channel !== "sms") return splitForWhatsApp(joinWritten(text));
  return smsMessages(text, format);
}

/** The formatter the Twilio channels use (and npm run bench:sms, so it measures the same). */
export function replyFormatter(base: Pick<SmsFormat, "siteUrl" | "countryName">, strings: (locale: string) => Pick<SmsFormat, "optionsHeader" | "moreLine">) {
  return (reply: OutgoingReply, channel: SmsFormat["channel"]): string[] => formatForSms(reply, { ...base, channel, ...strings(reply.locale) });
}

/** Country names from the knowledge base, in a locale or else the source locale. */
export function countryNamesFrom(kb: { sourceLocale: string; countries: { code: string; names: Record<string, string> }[] }): NonNullable<SmsFormat["countryName"]> {
  const names = new Map(kb.countries.map((c) => [c.code, c.names]));
  return (code, locale) => names.get(code)?.[locale] ?? names.get(code)?.[kb.sourceLocale];
}
