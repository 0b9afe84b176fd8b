// A guide's source revision: a short hash of its Spanish text. A translation records the
// revision it was made from; when the source text changes, the translation is stale.
import { createHash } from "node:crypto";

export function sourceRevision(body: string): string {
  const normalized = body.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalized).digest("hex").slice(0, 10);
}
