// Where an MDX file's YAML frontmatter ends and its body begins, written once for the content
// loader, the scaffolds and the tests. Pure (no Node I/O), so anything can import it.

/** An MDX file cut into its frontmatter and its body. */
export interface Frontmatter {
  /** The whole frontmatter: both "---" lines and the line end after the second one. */
  block: string;
  /** The YAML between the two "---" lines. */
  yaml: string;
  /** Everything after the frontmatter. */
  body: string;
  /** The line number (from 1) the body starts on. */
  bodyLine: number;
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Cuts an MDX file's text at its frontmatter; undefined when it does not start with one. */
export function splitFrontmatter(text: string): Frontmatter | undefined {
  const match = frontmatterPattern.exec(text);
  if (!match) return undefined;
  const block = match[0];
  return { block, yaml: match[1] ?? "", body: text.slice(block.length), bodyLine: block.split("\n").length };
}
