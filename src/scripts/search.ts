// Shipped to the browser on /{locale}/search/ only: runs the query from the form against
// this locale's Pagefind index (loaded from the same origin) and lists the results.
import { queryTerms, snippet, type SnippetPart, type SnippetSource } from "../lib/search-snippet";

interface PagefindResultData extends SnippetSource {
  url: string;
  meta: Record<string, string>;
}
/** A filter's value, or Pagefind's "none of these" (pages without any of the values). */
type FilterValue = string | { none: string[] };
type Filters = Record<string, FilterValue>;
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: { filters?: Filters }) => Promise<{ results: PagefindResult[] } | null>;
}

const MAX_RESULTS = 10;
/**
 * Always applied unless the person picks another audience: guides for staff (audience: staff)
 * stay out of children's and families' results. Every indexed page names its audience
 * (SearchMeta.astro); a filter, not a separate index, so there is still one index per locale to
 * download and cache offline, and staff find their guides in the same box by choosing "staff".
 */
const DEFAULT_FILTERS: Filters = { audience: { none: ["staff"] } };
/** Same width as the layout's phone breakpoint (global.css): wider screens show the filters open. */
const WIDE_SCREEN = "(min-width: 40rem)";

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // The index path is fixed at build time by the search-index integration.
  const url = "/pagefind/pagefind.js";
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 18 });
    await pf.init();
    return pf;
  });
  return pagefind;
}

/**
 * Pagefind only returns pages that contain every word. People type whole sentences in their
 * own words ("me detuvo la migra y soy menor"), so when that finds little, the pages matching
 * the most single words are added, best first.
 */
async function rankedResults(pf: Pagefind, q: string, filters: Filters): Promise<PagefindResult[]> {
  const all = (await pf.search(q || null, { filters }))?.results ?? [];
  const words = queryTerms(q);
  if (all.length >= 3 || words.length < 2) return all;
  const tally = new Map<string, { result: PagefindResult; hits: number; score: number }>();
  for (const found of await Promise.all(words.map((w) => pf.search(w, { filters })))) {
    for (const r of found?.results ?? []) {
      const t = tally.get(r.id) ?? { result: r, hits: 0, score: 0 };
      t.hits += 1;
      t.score += r.score;
      tally.set(r.id, t);
    }
  }
  const seen = new Set(all.map((r) => r.id));
  const more = [...tally.values()]
    .filter((t) => !seen.has(t.result.id))
    .sort((a, b) => b.hits - a.hits || b.score - a.score)
    .map((t) => t.result);
  return [...all, ...more];
}

function text(el: HTMLElement, key: string, vars: Record<string, string | number> = {}): string {
  let s = el.dataset[key] ?? "";
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{{${k}}}`, String(v));
  return s;
}

/** The snippet as DOM: text nodes, and <mark> for the words the query matched. */
function snippetNodes(parts: SnippetPart[]): (string | HTMLElement)[] {
  return parts.map((part) => {
    if (!part.mark) return part.text;
    const mark = document.createElement("mark");
    mark.textContent = part.text;
    return mark;
  });
}

function setup(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("form");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const list = root.querySelector<HTMLOListElement>("[data-search-results]");
  if (!form || !status || !list) return;
  const input = form.elements.namedItem("q") as HTMLInputElement | null;
  const selects = [...form.querySelectorAll<HTMLSelectElement>("select")];
  let run = 0;

  const params = new URL(location.href).searchParams;
  if (input) input.value = params.get("q") ?? "";
  for (const s of selects) s.value = params.get(s.name) ?? "";
  const more = root.querySelector<HTMLDetailsElement>("[data-search-more]");
  if (more && (matchMedia(WIDE_SCREEN).matches || selects.some((s) => s.value))) more.open = true;

  async function search(): Promise<void> {
    const id = ++run;
    const q = input?.value.trim() ?? "";
    const chosen: Record<string, string> = {};
    for (const s of selects) if (s.value) chosen[s.name] = s.value;
    const filters: Filters = { ...DEFAULT_FILTERS, ...chosen };
    // The address always says what is shown, without adding history entries.
    const url = new URL(location.href);
    url.search = "";
    if (q) url.searchParams.set("q", q);
    for (const [k, v] of Object.entries(chosen)) url.searchParams.set(k, v);
    history.replaceState(history.state, "", url);
    if (!q && !Object.keys(chosen).length) {
      list!.replaceChildren();
      status!.textContent = "";
      root.dataset["state"] = "idle";
      return;
    }
    root.dataset["state"] = "searching";
    status!.textContent = text(root, "searching");
    try {
      const pf = await loadPagefind();
      const results = await rankedResults(pf, q, filters);
      const data = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (id !== run) return;
      list!.replaceChildren(
        ...data.map((d) => {
          const li = document.createElement("li");
          const a = document.createElement("a");
          a.href = d.url;
          a.textContent = d.meta["title"] ?? d.url;
          const p = document.createElement("p");
          p.append(...snippetNodes(snippet(d, q)));
          li.append(a, p);
          return li;
        }),
      );
      const key = data.length === 0 ? "none" : data.length === 1 ? "countOne" : "count";
      status!.textContent = text(root, key, { count: data.length, query: q });
      root.dataset["state"] = data.length ? "results" : "empty";
    } catch {
      if (id !== run) return;
      status!.textContent = text(root, "failed");
      root.dataset["state"] = "failed";
    }
  }

  let timer: number | undefined;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void search();
  });
  input?.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void search(), 300);
  });
  for (const s of selects) s.addEventListener("change", () => void search());
  // This notice is for browsers without JavaScript only.
  root.querySelector<HTMLElement>("[data-search-noscript]")?.remove();
  root.dataset["ready"] = "true";
  if (input?.value || selects.some((s) => s.value)) void search();
}

for (const root of document.querySelectorAll<HTMLElement>("[data-search]")) setup(root);
