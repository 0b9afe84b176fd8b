// npm run screenshots: PNGs of the phone, kiosk and high-contrast views for the README, saved to
// docs/screenshots/. Takes them from the built sites (run `npm run test:build` first: dist/ and
// dist-kiosk/, or HUB_OUT / HUB_KIOSK_OUT), each served by the hub's own server (bot/server.ts)
// on a free port, in Chromium (tests/browser.ts picks Playwright's or the system one).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { chromiumExecutable } from "../tests/browser";
import { useTranslations } from "../src/lib/i18n";

const OUT_DIR = path.resolve("docs/screenshots");
const PHONE = { width: 360, height: 740 };
const KIOSK = { width: 1080, height: 1920 };
/** How long the server may take to answer /healthz (it loads the bot's knowledge base first). */
const SERVER_START_MS = 60_000;

interface Shot {
  file: string;
  site: "site" | "kiosk";
  path: string;
  viewport: { width: number; height: number };
  /** Done on the page before the picture is taken. */
  prepare?: (page: Page) => Promise<void>;
}

const es = useTranslations("es");
const shots: Shot[] = [
  { file: "phone-home.png", site: "site", path: "/es/", viewport: PHONE },
  { file: "phone-help.png", site: "site", path: "/es/help/", viewport: PHONE },
  { file: "phone-guide.png", site: "site", path: "/es/guides/emergency-help/", viewport: PHONE },
  { file: "kiosk-start.png", site: "kiosk", path: "/", viewport: KIOSK },
  { file: "kiosk-guide.png", site: "kiosk", path: "/es/guides/before-you-go/", viewport: KIOSK },
  {
    file: "kiosk-high-contrast.png",
    site: "kiosk",
    path: "/es/guides/before-you-go/",
    viewport: KIOSK,
    prepare: (page) => page.getByRole("button", { name: es("kiosk.highContrast") }).click(),
  },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function serve(dir: string): Promise<{ url: string; server: ChildProcess }> {
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    throw new Error(`No built site in ${path.relative(process.cwd(), dir)}/. Run \`npm run test:build\` first (it writes dist/ and dist-kiosk/).`);
  }
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "bot/server.ts"], {
    env: { ...process.env, PORT: String(port), HUB_OUT: dir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + SERVER_START_MS;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`bot/server.ts exited (code ${server.exitCode}) before it served ${dir}.`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, server };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`bot/server.ts did not answer on ${url} within ${SERVER_START_MS / 1000} s.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const dirs = {
  site: path.resolve(process.env["HUB_OUT"] ?? "dist"),
  kiosk: path.resolve(process.env["HUB_KIOSK_OUT"] ?? "dist-kiosk"),
};
const servers: ChildProcess[] = [];
try {
  const urls = { site: "", kiosk: "" };
  for (const site of ["site", "kiosk"] as const) {
    const { url, server } = await serve(dirs[site]);
    servers.push(server);
    urls[site] = url;
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox", "--disable-gpu"] });
  for (const shot of shots) {
    // A fresh context each time: no kiosk preference or service worker carries over.
    const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: 1, locale: "es-MX", reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(`${urls[shot.site]}${shot.path}`, { waitUntil: "networkidle" });
    await shot.prepare?.(page);
    await page.mouse.move(0, 0);
    const file = path.join(OUT_DIR, shot.file);
    await page.screenshot({ path: file });
    console.log(`${path.relative(process.cwd(), file)} (${shot.viewport.width}×${shot.viewport.height}, ${shot.site} build ${shot.path})`);
    await context.close();
  }
  await browser.close();
} finally {
  for (const server of servers) server.kill();
}
