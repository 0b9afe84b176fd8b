// Which Chromium the tests drive: Playwright's own when installed, else the system one
// (apt-get install -y chromium), else a clear message on how to get one.
import fs from "node:fs";
import { chromium } from "@playwright/test";

export function chromiumExecutable(): string | undefined {
  let own: string | undefined;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  if (own && fs.existsSync(own)) return undefined; // Playwright finds its own browser.
  for (const candidate of [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one with `npx playwright install chromium`, " +
      "or on Debian/Ubuntu `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.",
  );
}
