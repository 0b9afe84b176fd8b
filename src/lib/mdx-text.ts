// Turns a guide's MDX body into sections of plain text, one per heading, for the bot's
// knowledge base and anything else that needs the words without the markup.
// Heading anchors use github-slugger, the same slugger Astro 7 uses for MDX heading ids
// (@astrojs/markdown-satteri), with one slugger per page so repeated headings get "-1", "-2"
// exactly as on the guide page. Pure: no I/O.
import GithubSlugger, { slug } from "github-slugger";
import { phoneTagAttrs, phoneTagPattern, type PhoneText } from "./phone-tag";

export interface TextSection {
  /** Heading text ("" for the text before the first heading). */
  heading: string;
  /** Anchor id of the heading on the page ("" for the text before the first heading). */
  anchor: string;
  /** Heading depth (2 for ##), 0 for the text before the first heading. */
  depth: number;
  /** Plain text: paragraphs separated by "\n". */
  text: string;
}

/** The anchor id a single heading gets on a page (no de-duplication across the page). */
export function slugify(heading: string): string {
  return slug(heading);
}

/**
 * Inline markdown → plain text: links and images keep their text, emphasis and code marks go.
 * A <Phone resource="..."/> tag becomes its number when `phone` can tell it (the number
 * lives in content/resources/, not in the guide), else nothing.
 */
export function inlineText(md: string, phone?: PhoneText): string {
  return md
    .replace(phoneTagPattern, (_tag, attrs: string) => {
      const { resource, line } = phoneTagAttrs(attrs);
      return (resource ? phone?.(resource, line) : undefined) ?? " ";
    })
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
// A line that is only a JSX component tag (opening, closing or self-closing), e.g. <Steps>, </Callout>, <EmergencyNumbers />.
const TAG_LINE = /^\s*(<\/?[A-Z][\w.]*(?:\s[^>]*)?\/?>\s*)+$/;
const LIST_MARK = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** Split an MDX body into sections of plain text with the page's heading anchors. */
export function mdxToSections(body: string, phone?: PhoneText): TextSection[] {
  const slugger = new GithubSlugger();
  const sections: TextSection[] = [];
  let current: TextSection = { heading: "", anchor: "", depth: 0, text: "" };
  let paragraph: string[] = [];
  let inFence = false;

  const flushParagraph = () => {
    const text = inlineText(paragraph.join(" "), phone);
    if (text) current.text = current.text ? `${current.text}\n${text}` : text;
    paragraph = [];
  };
  const flushSection = () => {
    flushParagraph();
    if (current.heading || current.text) sections.push(current);
  };

  for (const raw of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || /^\s*(import|export)\s/.test(raw)) continue;
    const heading = HEADING.exec(raw);
    if (heading) {
      flushSection();
      const text = inlineText(heading[2] ?? "", phone);
      current = { heading: text, anchor: slugger.slug(text), depth: heading[1]?.length ?? 2, text: "" };
      continue;
    }
    if (!raw.trim() || TAG_LINE.test(raw)) {
      flushParagraph();
      continue;
    }
    const line = raw.replace(/^\s*>\s?/, "");
    // A list item is its own paragraph, so sentences of a list don't run together.
    if (LIST_MARK.test(line)) {
      flushParagraph();
      paragraph.push(line.replace(LIST_MARK, ""));
      continue;
    }
    paragraph.push(line);
  }
  flushSection();
  return sections;
}
