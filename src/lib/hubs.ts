// Which information hubs a build publishes. An example hub shows what a hub page looks like;
// on a public site it must never pass for a real office, so example hubs are built only when
// the build asks for demonstration content (HUB_DEMO=1: demonstration sites and the tests).

/** Reads the demo option from the build's environment, once, at the edge. */
export function demoContent(env: Record<string, string | undefined> = process.env): boolean {
  return env["HUB_DEMO"] === "1" || env["HUB_DEMO"] === "true";
}

/** The hubs a build shows: real hubs always, example hubs only in a demo build. */
export function publishedHubs<T extends { data: { example: boolean } }>(hubs: T[], demo: boolean = demoContent()): T[] {
  return demo ? hubs : hubs.filter((h) => !h.data.example);
}
