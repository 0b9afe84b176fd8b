// Ships to the browser too (pure engine). Writes replies that fit a phone screen: the key answer
// in two or three sentences from the guide, the guide's path, and the country's resources.
import type { KbGuide, KbResource } from "../../src/lib/kb";
import { sentences } from "../../src/lib/nlp/text";
import { resourceLine } from "./resources";

const MAX_ANSWER_CHARS = 320;

/** Two or three sentences of a guide section (the best-matching one, else the first with text). */
export function excerpt(guide: KbGuide, section: number): { text: string; anchor: string } {
  const withText = guide.sections.filter((s) => s.text.trim());
  const chosen = (section >= 0 ? guide.sections[section] : undefined)?.text.trim() ? guide.sections[section] : withText[0];
  if (!chosen) return { text: guide.summary, anchor: "" };
  const out: string[] = [];
  for (const s of sentences(chosen.text)) {
    if (out.length >= 3 || (out.length >= 2 && out.join(" ").length + s.length > MAX_ANSWER_CHARS)) break;
    out.push(s);
  }
  return { text: out.join(" ") || guide.summary, anchor: chosen.anchor };
}

export function guidePath(guide: KbGuide, anchor: string): string {
  return anchor ? `${guide.url}#${anchor}` : guide.url;
}

export function resourceBlock(heading: string, list: KbResource[]): string {
  if (list.length === 0) return "";
  return [heading, ...list.map((r) => `• ${resourceLine(r)}`)].join("\n");
}

export function join(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => Boolean(p && p.trim())).join("\n\n");
}
