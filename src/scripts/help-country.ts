// Ships to the browser, on phones and desktops only: a kiosk build never emits it (see
// src/integrations/kiosk-mode.ts), because a shared screen must remember nothing.
// "Where are you now?", remembered for this browser tab's session only: opening a country's
// help page (/{locale}/help/{cc}/) stores its code in sessionStorage, and the "Get help now"
// links of later pages lead there instead of to the list of every country.
import { localePath, pagePaths } from "../lib/routes";

/** sessionStorage key: gone when the tab closes; nothing goes to localStorage or the server. */
const KEY = "hub.helpCountry";
/** What a stored value may be: a page's lower-case country code, nothing else. */
const CODE = /^[a-z]{2}$/;

function stored(): string | undefined {
  try {
    const here = document.querySelector<HTMLElement>("[data-help-country]")?.dataset["helpCountry"];
    if (here && CODE.test(here)) sessionStorage.setItem(KEY, here);
    const code = sessionStorage.getItem(KEY) ?? "";
    return CODE.test(code) ? code : undefined;
  } catch {
    // Storage blocked (private mode, a strict browser): the links keep leading to every country.
    return undefined;
  }
}

const code = stored();
if (code) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-help-now]")) {
    const locale = link.dataset["helpNow"];
    if (locale) link.href = localePath(locale, pagePaths.helpIn(code));
  }
}
