// Shipped to the browser: on the language chooser (/), puts the language the browser prefers
// first and marks it "suggested" in that language. Without JavaScript the list still works.
// Only where the page asks for it (data-suggest): a kiosk build's chooser does not.
function preferredLink(links: HTMLAnchorElement[]): HTMLAnchorElement | undefined {
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const lower = tag.toLowerCase();
    const primary = lower.split("-")[0];
    const match = links.find((a) => a.dataset["locale"] === lower) ?? links.find((a) => a.dataset["locale"] === primary);
    if (match) return match;
  }
  return undefined;
}

function suggest(): void {
  const list = document.querySelector<HTMLElement>("[data-language-list][data-suggest]");
  if (!list) return;
  const link = preferredLink([...list.querySelectorAll<HTMLAnchorElement>("a[data-locale]")]);
  const item = link?.closest("li");
  if (!link || !item) return;
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.textContent = link.dataset["suggestedLabel"] ?? "";
  link.append(badge);
  item.classList.add("suggested");
  list.prepend(item);
}

suggest();
