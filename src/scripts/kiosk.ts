// Shipped to the browser in kiosk builds only: the shared screen forgets. Idle countdown and
// reset (not while reading aloud), no history entries, external links shown as QR codes, text size and contrast
// toggles, the offline notice and the offline service worker.
import { registerServiceWorker } from "./sw-register";

const PREFS_KEY = "hub-kiosk-prefs";
/** How often the screen checks that the hub still answers: the offline notice shows within half a minute, for one small request. */
const CONNECTION_CHECK_MS = 30_000;
type Pref = "text" | "contrast";

const root = document.querySelector<HTMLElement>("[data-kiosk]");
if (root) start(root);

function start(root: HTMLElement): void {
  const idleMs = Number(root.dataset["idle"] ?? 90) * 1000;
  const countdownSeconds = Number(root.dataset["countdown"] ?? 20);
  const idleDialog = document.querySelector<HTMLDialogElement>("[data-kiosk-idle]");
  const linkDialog = document.querySelector<HTMLDialogElement>("[data-kiosk-link]");
  const offline = document.querySelector<HTMLElement>("[data-kiosk-offline]");

  // ----- Forget everything and go back to the language chooser.
  function reset(): void {
    try {
      speechSynthesis.cancel();
    } catch {
      /* no speech on this screen */
    }
    document.dispatchEvent(new CustomEvent("hub:kiosk-reset"));
    localStorage.clear();
    sessionStorage.clear();
    void indexedDB.databases?.().then((dbs) => dbs.forEach((db) => db.name && indexedDB.deleteDatabase(db.name)));
    // replace(): the page being left does not stay in the history either.
    location.replace("/");
  }

  // ----- Idle timer and gentle countdown.
  let idleTimer: number | undefined;
  let tick: number | undefined;
  function closeCountdown(): void {
    clearInterval(tick);
    if (idleDialog?.open) idleDialog.close();
  }
  // Listening is activity: while a page is read aloud (src/scripts/read-aloud.ts announces it)
  // the screen stays, and the idle time counts again from when the reading ends.
  let reading = false;
  document.addEventListener("hub:reading", (event) => {
    reading = event instanceof CustomEvent && event.detail === true;
    if (!idleDialog?.open) restartIdle();
  });
  function countdown(): void {
    if (reading) return restartIdle();
    // An untouched language chooser has nothing to forget: no need to ask "still there?".
    if (location.pathname === "/" && !location.search && localStorage.length === 0 && sessionStorage.length === 0) return restartIdle();
    if (!idleDialog) return reset();
    let left = countdownSeconds;
    // One number per language shown (the chooser's dialog speaks every language).
    const outs = [...idleDialog.querySelectorAll<HTMLElement>("[data-seconds]")];
    const show = () => outs.forEach((out) => (out.textContent = String(left)));
    show();
    if (linkDialog?.open) linkDialog.close();
    idleDialog.showModal();
    tick = window.setInterval(() => {
      left -= 1;
      show();
      if (left <= 0) {
        clearInterval(tick);
        reset();
      }
    }, 1000);
  }
  function restartIdle(): void {
    clearTimeout(idleTimer);
    idleTimer = window.setTimeout(countdown, idleMs);
  }
  function stay(): void {
    closeCountdown();
    restartIdle();
  }
  // During the countdown only an answer counts: "I am still here", "Erase now", Esc, or a
  // touch outside the dialog (which also means someone is there).
  const activity = () => {
    if (!idleDialog?.open) restartIdle();
  };
  for (const type of ["pointerdown", "keydown", "wheel", "input", "touchstart", "scroll"]) addEventListener(type, activity, { capture: true, passive: true });
  restartIdle();
  idleDialog?.querySelector("[data-kiosk-stay]")?.addEventListener("click", stay);
  idleDialog?.addEventListener("cancel", (event) => {
    event.preventDefault();
    stay();
  });
  idleDialog?.addEventListener("click", (event) => {
    if (event.target === idleDialog) stay();
  });
  for (const b of document.querySelectorAll("[data-kiosk-reset]")) b.addEventListener("click", reset);

  // ----- Larger text and high contrast: kept for this session only, so a reset clears them.
  const prefs = new Set<Pref>(JSON.parse(sessionStorage.getItem(PREFS_KEY) ?? "[]") as Pref[]);
  const toggles = [...document.querySelectorAll<HTMLButtonElement>("[data-kiosk-toggle]")];
  function applyPrefs(): void {
    document.documentElement.classList.toggle("kiosk-large-text", prefs.has("text"));
    document.documentElement.classList.toggle("kiosk-high-contrast", prefs.has("contrast"));
    for (const t of toggles) t.setAttribute("aria-pressed", String(prefs.has(t.dataset["kioskToggle"] as Pref)));
  }
  for (const t of toggles)
    t.addEventListener("click", () => {
      const pref = t.dataset["kioskToggle"] as Pref;
      if (prefs.has(pref)) prefs.delete(pref);
      else prefs.add(pref);
      sessionStorage.setItem(PREFS_KEY, JSON.stringify([...prefs]));
      applyPrefs();
    });
  applyPrefs();

  // ----- Links: pages of this site replace the current history entry; other addresses
  // become a QR code to open on the visitor's own phone.
  async function showLink(url: URL): Promise<void> {
    if (!linkDialog) return;
    const isTel = url.protocol === "tel:";
    const address = isTel ? decodeURIComponent(url.pathname) : url.href;
    linkDialog.dataset["kind"] = isTel ? "tel" : "web";
    const out = linkDialog.querySelector<HTMLElement>("[data-address]");
    if (out) out.textContent = address;
    const qr = linkDialog.querySelector<HTMLElement>("[data-qr]");
    if (qr) {
      const { qrSvg } = await import("./kiosk-qr");
      qr.innerHTML = qrSvg(url.href, `${qr.dataset["label"] ?? ""} ${address}`.trim());
    }
    linkDialog.showModal();
  }
  linkDialog?.querySelector("[data-kiosk-close]")?.addEventListener("click", () => linkDialog.close());

  // "Exit this page" must not leave the kiosk on another site: here it wipes the screen.
  document.addEventListener(
    "click",
    (event) => {
      if (event.target instanceof Element && event.target.closest("[data-quick-exit]")) {
        event.preventDefault();
        event.stopImmediatePropagation();
        document.documentElement.hidden = true;
        reset();
      }
    },
    { capture: true },
  );
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || !(event.target instanceof Element)) return;
    const link = event.target.closest<HTMLAnchorElement>("a[href]");
    if (!link) return;
    const url = new URL(link.href, location.href);
    event.preventDefault();
    if (url.origin !== location.origin) return void showLink(url);
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      // A link within the page (the skip link, a heading): move there without a history entry.
      history.replaceState(history.state, "", url.href);
      const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      target?.scrollIntoView();
      target?.focus({ preventScroll: true });
      return;
    }
    location.replace(url.href);
  });
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
    event.preventDefault();
    const url = new URL(form.action, location.href);
    for (const [k, v] of new FormData(form)) if (typeof v === "string") url.searchParams.append(k, v);
    if (url.origin === location.origin) location.replace(url.href);
  });

  for (const b of document.querySelectorAll("[data-kiosk-print]")) b.addEventListener("click", () => print());

  // ----- Say when the screen is offline and what still works.
  // navigator.onLine only says whether there is a network link, not whether the hub answers (a
  // cut line upstream of the office, or a browser that keeps saying "online"), so the screen asks
  // the server too. The service worker leaves HEAD requests alone: this one really goes out.
  async function connection(): Promise<void> {
    if (!offline) return;
    if (!navigator.onLine) {
      offline.hidden = false;
      return;
    }
    try {
      await fetch(location.pathname, { method: "HEAD", cache: "no-store" });
      offline.hidden = true;
    } catch {
      offline.hidden = false;
    }
  }
  const check = () => void connection();
  addEventListener("online", check);
  addEventListener("offline", check);
  setInterval(check, CONNECTION_CHECK_MS);
  check();

  registerServiceWorker();
}
