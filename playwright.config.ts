import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./tests/browser";

const executablePath = chromiumExecutable();
// HUB_PORT / HUB_OUT let several checkouts or builds run tests side by side.
export const PORT = Number(process.env["HUB_PORT"] ?? 4321);
export const KIOSK_PORT = PORT + 1;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      command: "node --import tsx bot/server.ts",
      url: `http://localhost:${PORT}/healthz`,
      env: { PORT: String(PORT), HUB_OUT: process.env["HUB_OUT"] ?? "dist" },
      reuseExistingServer: !process.env["CI"],
      timeout: 60_000,
    },
    // The kiosk build (KIOSK=1, see npm run test:build), served on the next port.
    {
      command: "node --import tsx bot/server.ts",
      url: `http://localhost:${KIOSK_PORT}/healthz`,
      env: { PORT: String(KIOSK_PORT), HUB_OUT: process.env["HUB_KIOSK_OUT"] ?? "dist-kiosk" },
      reuseExistingServer: !process.env["CI"],
      timeout: 60_000,
    },
  ],
});
