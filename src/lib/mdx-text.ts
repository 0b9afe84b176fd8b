// Reads a guide's MDX body the way the site does, for the bot's knowledge base, the link
// checker and anything else that needs the words or the links without the markup. The body
// is parsed by satteri, the MDX parser @astrojs/mdx renders the pages with, into an mdast
// tree: a code block, a JSX tag, a link or a heading is what the page has, not what a regex
// guesses. Text comes from mdast-util-to-string. Heading anchors use github-slugger over the
// heading's text, as Astro's heading-ids step does, with one slugger per page so repeated
// headings get "-1", "-2" exactly as on the guide page. Pure: no I/O.
import GithubSlugger, { slug } from "github-slugger";
import { mdxToMdast, type Features } from "satteri";
import { toString } from "mdast-util-to-string";
import type { Heading, Nodes, Root } from "mdast";

/** Turns a <Phone resource="..." line="n" /> tag's resource id and line into the number as readers see it ("110"), or undefined. */
export type PhoneText = (resource: string, line: string | undefined) => string | undefined;

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

/** The features the pages are parsed with (@astrojs/mdx's defaults): GFM and smart punctuation. */
const PAGE_FEATURES: Features = { gfm: true, smartPunctuation: true, frontmatter: false };
/**
 * The bot's text keeps the punctuation as written: smart punctuation would put curly quotes in
 * replies, and one curly quote makes a whole SMS UCS-2 (70 characters a segment, not 160).
 */
const TEXT_FEATURES: Features = { ...PAGE_FEATURES, smartPunctuation: false };

/** A guide body is not valid MDX (so the site cannot build its page either). */
export class MdxSyntaxError extends Error {
  /** Line in the body (1 = its first line), when the parser tells. */
  readonly line: number | undefined;
  constructor(message: string) {
    super(message);
    this.name = "MdxSyntaxError";
    const at = /^(\d+):\d+: /.exec(message);
    this.line = at ? Number(at[1]) : undefined;
  }
}

/** The mdast tree of an MDX body (no frontmatter), parsed as the page is. Throws MdxSyntaxError. */
export function parseMdx(body: string, features: Features = PAGE_FEATURES): Root {
  try {
    return mdxToMdast(body, { features }) as Root;
  } catch (err) {
    throw new MdxSyntaxError((err as Error).message);
  }
}

/** Every node of a tree, in document order (parents before their children). */
export function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ("children" in node) for (const child of node.children) yield* walk(child);
}

type JsxElement = Extract<Nodes, { type: "mdxJsxFlowElement" | "mdxJsxTextElement" }>;

/** A JSX tag (<Phone />, <Callout>...), on a line of its own or inside a sentence. */
export function isJsxElement(node: Nodes, name?: string): node is JsxElement {
  return (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && (name === undefined || node.name === name);
}

/** A JSX tag's attribute written as a string (country="MX"); undefined when absent or an {expression}. */
export function jsxAttribute(node: JsxElement, name: string): string | undefined {
  for (const a of node.attributes) if (a.type === "mdxJsxAttribute" && a.name === name) return typeof a.value === "string" ? a.value : undefined;
  return undefined;
}

/** The anchor id a single heading gets on a page (no de-duplication across the page). */
export function slugify(heading: string): string {
  return slug(heading);
}

/** The heading anchors of a parsed page, in document order, as the site gives them. */
export function headingSlugs(tree: Root): string[] {
  const slugger = new GithubSlugger();
  const slugs: string[] = [];
  // The page's text of a heading: no image alt, and a JSX tag adds only the text inside it.
  for (const node of walk(tree)) if (node.type === "heading") slugs.push(slugger.slug(toString(node, { includeImageAlt: false })));
  return slugs;
}

/** Heading anchors of a guide body, as the site renders them. Throws MdxSyntaxError. */
export function headingAnchors(body: string): Set<string> {
  return new Set(headingSlugs(parseMdx(body)));
}

/**
 * The plain text of a piece of the tree: links and images keep their text, marks go, a
 * <Phone resource="..."/> tag becomes its number when `phone` can tell it (the number lives
 * in content/resources/, not in the guide), {expressions} and comments go.
 */
function plainText(node: Nodes, phone?: PhoneText): string {
  return toString(withoutMarkup(node, phone), { includeImageAlt: true }).replace(/\s+/g, " ").trim();
}

function withoutMarkup(node: Nodes, phone?: PhoneText): Nodes {
  if (isJsxElement(node, "Phone")) {
    const resource = jsxAttribute(node, "resource");
    return { type: "text", value: (resource ? phone?.(resource, jsxAttribute(node, "line")) : undefined) ?? " " };
  }
  if (node.type === "mdxTextExpression" || node.type === "mdxFlowExpression" || node.type === "mdxjsEsm") return { type: "text", value: "" };
  if (node.type === "break") return { type: "text", value: " " };
  if ("children" in node) return { ...node, children: node.children.map((c) => withoutMarkup(c, phone)) } as Nodes;
  return node;
}

/** Nodes whose text is not read: code, the ESM and expressions of MDX, link definitions, raw HTML. */
const SKIPPED = new Set(["code", "mdxjsEsm", "mdxFlowExpression", "definition", "html", "yaml", "toml"]);

/** Split an MDX body into sections of plain text with the page's heading anchors. Throws MdxSyntaxError. */
export function mdxToSections(body: string, phone?: PhoneText): TextSection[] {
  // Anchors from the page's parse (smart punctuation turns "--" into a dash, which the slug
  // drops), text from a parse that keeps the punctuation; both have the same headings in order.
  const anchors = headingSlugs(parseMdx(body));
  const sections: TextSection[] = [];
  let current: TextSection = { heading: "", anchor: "", depth: 0, text: "" };
  let headings = 0;
  const addLine = (line: string) => {
    if (line) current.text = current.text ? `${current.text}\n${line}` : line;
  };

  const visit = (node: Nodes) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === "heading") {
      if (current.heading || current.text) sections.push(current);
      current = { heading: plainText(node, phone), anchor: anchors[headings] ?? "", depth: (node as Heading).depth, text: "" };
      headings++;
    } else if (node.type === "paragraph" || isJsxElement(node, "Phone")) {
      // Each paragraph (and so each list item) is its own line, so sentences of a list don't run together.
      addLine(plainText(node, phone));
    } else if (node.type === "tableRow") {
      addLine(node.children.map((cell) => plainText(cell, phone)).filter(Boolean).join(" "));
    } else if ("children" in node) {
      for (const child of node.children) visit(child);
    }
  };
  visit(parseMdx(body, TEXT_FEATURES));
  if (current.heading || current.text) sections.push(current);
  return sections;
}
