// The editors' workflow end to end: the CMS writes a guide into content/, the scaffolds
// produce content that builds, and the dashboard shows a stale translation as stale.
import { test, expect } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadContent } from "../../src/lib/content-files";

const node = path.resolve("node_modules/.bin/node");

// A fixed folder per use, not a random one: Astro's content cache (kept per output folder)
// remembers file paths, and a path that vanished between runs would break the next build.
function copyContent(name: string): string {
  const repo = path.join(os.tmpdir(), `hub-editors-${name}`);
  fs.rmSync(repo, { recursive: true, force: true });
  fs.cpSync("content", path.join(repo, "content"), { recursive: true });
  return repo;
}

/** Up to a minute, as playwright.config.ts gives its own servers: on a busy CI machine the server's start (loading kb.json) can take longer than 20 s. */
async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer`);
}

test.describe("the CMS with its local backend", () => {
  let repo: string;
  let proxy: ChildProcess;

  test.beforeAll(async () => {
    repo = copyContent("cms");
    // decap-server is the CMS's local proxy: it writes what the editor saves into the repository folder.
    proxy = spawn(path.resolve("node_modules/.bin/decap-server"), [], {
      env: { ...process.env, PORT: "8081", GIT_REPO_DIRECTORY: repo, MODE: "fs", LOG_LEVEL: "error" },
      stdio: "ignore",
    });
    await waitFor("http://localhost:8081/api/v1", proxy);
  });

  test.afterAll(() => {
    proxy.kill();
    fs.rmSync(repo, { recursive: true, force: true });
  });

  test("an editor creates a guide in the CMS and it appears in content/ as a valid guide", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/admin/");
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await page.goto("/admin/#/collections/guides-es/new");

    await page.getByLabel("Title", { exact: true }).first().fill("Albergues seguros para ti");
    await page.getByLabel("Summary", { exact: true }).first().fill("Dónde dormir seguro si viajas sin tu familia.");
    const choose = async (label: string, option: string) => {
      await page.getByLabel(label, { exact: true }).first().click({ force: true });
      await page.keyboard.type(option);
      await page.keyboard.press("Enter");
    };
    await choose("Audience", "children");
    await page.getByRole("button", { name: "Add topics" }).first().click();
    await choose("Choice", "travelling-alone");
    const questions = ["donde duermo si voy solo", "albergue para menores", "hay casa para ninos"];
    for (const _ of questions) await page.getByRole("button", { name: "Add questions" }).first().click();
    for (const [i, q] of questions.entries()) await page.getByLabel("Text", { exact: true }).nth(i).fill(q);
    await page.getByLabel("Last Reviewed", { exact: true }).first().fill("2026-11-28");
    await choose("Status", "source");
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type("Pide ayuda en un albergue para niñas y niños.");
    await page.getByRole("button", { name: "Publicar" }).click();
    await page.getByRole("menuitem", { name: "Publicar ahora" }).click();

    const file = path.join(repo, "content/guides/es/albergues-seguros-para-ti.mdx");
    await expect.poll(() => fs.existsSync(file), { timeout: 15_000 }).toBe(true);
    expect(fs.readFileSync(file, "utf8")).toContain("Pide ayuda en un albergue para niñas y niños.");
    // No half-empty files in the other locales: they show the Spanish guide as a fallback.
    expect(fs.existsSync(path.join(repo, "content/guides/en/albergues-seguros-para-ti.mdx"))).toBe(false);
    const { content, problems } = loadContent(path.join(repo, "content"));
    expect(problems.filter((p) => p.severity === "error").map((p) => p.message)).toEqual([]);
    const guide = content.guides.find((g) => g.id === "albergues-seguros-para-ti" && g.locale === "es");
    expect(guide?.data.questions).toEqual(questions);
  });
});

test.describe("scaffolds and the status dashboard on a built copy of the content", () => {
  test.describe.configure({ mode: "serial" });
  let repo: string;
  let server: ChildProcess;
  const port = Number(process.env["HUB_PORT"] ?? 4321) + 7;
  const out = `${process.env["HUB_OUT"] ?? "dist"}-editors`;
  const base = `http://localhost:${port}`;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    repo = copyContent("build");
    const env = { ...process.env, HUB_CONTENT_DIR: path.join(repo, "content"), HUB_OUT: out };
    const npm = (...args: string[]) => execFileSync("npm", ["run", "--silent", ...args], { env, stdio: "pipe" });
    npm("new:guide", "--", "safe-shelters");
    npm("new:translation", "--", "safe-shelters", "en");
    npm("new:locale", "--", "it", "Italiano");
    // The Spanish emergency guide changes after it was translated: its translations are now stale.
    fs.appendFileSync(path.join(repo, "content/guides/es/emergency-help.mdx"), "\nSi puedes, guarda este número en tu teléfono.\n");
    execFileSync("npx", ["astro", "build"], { env, stdio: "pipe" });
    server = spawn(node, ["--import", "tsx", "bot/server.ts"], { env: { ...env, PORT: String(port) }, stdio: "ignore" });
    await waitFor(`${base}/healthz`, server);
  });

  test.afterAll(() => {
    server?.kill();
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  });

  test("the dashboard lists a translation whose source changed as stale", async ({ page }) => {
    await page.goto(`${base}/status/`);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    const row = page.getByRole("row", { name: /^emergency-help/ }).first();
    await expect(row.locator('td[data-locale="en"]')).toHaveText(/Desactualizada/);
    await expect(row.locator('td[data-locale="es"]')).toHaveText(/Original/);
    // The revision a new translation should record, for translators working in the CMS.
    const revision = execFileSync("npm", ["run", "--silent", "revision", "--", "safe-shelters"], { env: { ...process.env, HUB_CONTENT_DIR: path.join(repo, "content") } }).toString().trim();
    const shelters = page.getByRole("row", { name: /^safe-shelters/ }).first();
    await expect(shelters.getByRole("cell", { name: revision })).toBeVisible();
    await expect(shelters.locator('td[data-locale="fr"]')).toHaveText(/Falta/);
  });

  test("a scaffolded guide and translation build into pages", async ({ page }) => {
    const es = await page.goto(`${base}/es/guides/safe-shelters/`);
    expect(es?.status()).toBe(200);
    const en = await page.goto(`${base}/en/guides/safe-shelters/`);
    expect(en?.status()).toBe(200);
  });

  test("a new locale builds with every guide shown as a fallback in Spanish", async ({ page }) => {
    const res = await page.goto(`${base}/it/guides/your-rights/`);
    expect(res?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.getByRole("main")).toHaveAttribute("lang", "es");
  });
});
