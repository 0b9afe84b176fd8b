// Shipped to the browser: makes "Exit this page" instant. Hides the page at once, replaces
// this history entry (Back does not come back here), and answers Shift pressed 3 times.
// Shift x3 clicks the link itself, so whatever handles that click handles the shortcut too
// (on a kiosk, src/scripts/kiosk.ts catches it first and erases the screen instead).
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 2000;

function exitNow(link: HTMLAnchorElement): void {
  // Hide first: the page must vanish before the next one has loaded.
  document.body.style.display = "none";
  document.title = "";
  window.location.replace(link.href);
}

function setUp(): void {
  const link = document.querySelector<HTMLAnchorElement>("a[data-quick-exit]");
  if (!link) return;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    exitNow(link);
  });

  let presses = 0;
  let timer: number | undefined;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) return;
    presses += 1;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => (presses = 0), SHIFT_WINDOW_MS);
    if (presses >= SHIFT_PRESSES) {
      presses = 0;
      link.click();
    }
  });
}

setUp();
