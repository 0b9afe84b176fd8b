// Shipped to the browser on /{locale}/search/ only: runs the query from the form against
// this locale's Pagefind index (loaded from the same origin) and lists the results.
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
}

const MAX_RESULTS = 10;

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
async function rankedResults(pf: Pagefind, q: string, filters: Record<string, string>): Promise<PagefindResult[]> {
  const all = (await pf.search(q || null, { filters }))?.results ?? [];
  const words = [...new Set(q.toLowerCase().split(/[\s.,;:!?¿¡"'’()]+/).filter((w) => w.length >= 3))];
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

/** Pagefind excerpts mark matches with <mark>; keep only that markup. */
function safeExcerpt(html: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const [i, part] of html.split(/<\/?mark>/).entries()) {
    const plain = part.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    if (i % 2 === 1) {
      const mark = document.createElement("mark");
      mark.textContent = plain;
      frag.append(mark);
    } else frag.append(plain);
  }
  return frag;
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

  async function search(): Promise<void> {
    const id = ++run;
    const q = input?.value.trim() ?? "";
    const filters: Record<string, string> = {};
    for (const s of selects) if (s.value) filters[s.name] = s.value;
    // The address always says what is shown, without adding history entries.
    const url = new URL(location.href);
    url.search = "";
    if (q) url.searchParams.set("q", q);
    for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
    history.replaceState(history.state, "", url);
    if (!q && !Object.keys(filters).length) {
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
          p.append(safeExcerpt(d.excerpt));
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
