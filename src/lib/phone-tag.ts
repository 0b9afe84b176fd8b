// The <Phone resource="..." line="n" /> tag of the guides, read the same way by the checks,
// the plain-text export for the bot and anything else that reads MDX without rendering it.

/** Every <Phone ... /> tag in a piece of MDX (global: use with matchAll or replace). */
export const phoneTagPattern = /<Phone\b([^>]*?)\/?>/g;

/** The attributes of one tag: the resource id and the optional line. */
export function phoneTagAttrs(attrs: string): { resource?: string; line?: string } {
  const resource = /\bresource\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
  const line = /\bline\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
  return { ...(resource !== undefined ? { resource } : {}), ...(line !== undefined ? { line } : {}) };
}

/** Turns a tag's resource id and line into the number as readers see it ("110"), or undefined. */
export type PhoneText = (resource: string, line: string | undefined) => string | undefined;
