// Read aloud on guide pages. The browser's speech API is replaced at its boundary
// (speechSynthesis and SpeechSynthesisUtterance) by a recorder, so the tests see exactly what
// the page asked the browser to say.
import { expect, test, type Page } from "@playwright/test";
import { useTranslations } from "../../src/lib/i18n";

const es = useTranslations("es");

async function stubSpeech(page: Page, voiceLangs: string[]): Promise<void> {
  await page.addInitScript((langs) => {
    const pending: { onend: (() => void) | null }[] = [];
    const spoken: string[] = [];
    class Utterance {
      text: string;
      lang = "";
      voice: unknown = null;
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const voices = langs.map((lang) => ({ lang, name: `Test ${lang}`, voiceURI: `test-${lang}`, localService: true, default: false }));
    const synth = {
      getVoices: () => voices,
      speak: (u: Utterance) => {
        spoken.push(u.text);
        pending.push(u);
      },
      cancel: () => {
        pending.length = 0;
        sessionStorage.setItem("speech-cancelled", String(Number(sessionStorage.getItem("speech-cancelled") ?? 0) + 1));
      },
      addEventListener: () => {},
      removeEventListener: () => {},
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
    Object.defineProperty(window, "__speech", {
      value: { spoken, finishCurrent: () => pending.shift()?.onend?.() },
    });
  }, voiceLangs);
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { spoken: string[] } }).__speech.spoken);
const finishCurrent = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { finishCurrent: () => void } }).__speech.finishCurrent());

test("read aloud starts with the guide's title, highlights what it reads, and reads phone numbers digit by digit", async ({ page }) => {
  await stubSpeech(page, ["es-MX", "en-US"]);
  await page.goto("/es/guides/emergency-help/");
  const title = await page.getByRole("heading", { level: 1 }).textContent();
  const phone = page.locator("[data-pagefind-body] a[href^='tel:']").first();
  const number = (await phone.textContent())!.trim();
  const digits = number.replace(/\D/g, "").split("").join(" ");

  await page.getByRole("button", { name: es("readAloud.start") }).click();
  await expect.poll(() => spoken(page)).toEqual([title!.trim()]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveClass(/read-aloud-current/);
  await expect(page.getByRole("button", { name: es("readAloud.stop") })).toHaveAttribute("aria-pressed", "true");

  await finishCurrent(page);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveClass(/read-aloud-current/);
  await expect.poll(async () => (await spoken(page)).length).toBe(2);

  // Keep finishing utterances until the phone number has been said.
  await expect
    .poll(async () => {
      const said = await spoken(page);
      if (said.some((s) => s.replace(/,/g, "").includes(digits))) return true;
      await finishCurrent(page);
      return false;
    }, { timeout: 15_000, intervals: [10] })
    .toBe(true);
  const withNumber = (await spoken(page)).find((s) => s.replace(/,/g, "").includes(digits))!;
  if (number.replace(/\D/g, "").length > 1) expect(withNumber).not.toContain(number);
  await expect(phone.locator("xpath=ancestor-or-self::*[contains(@class,'read-aloud-current')]")).toHaveCount(1);
});

test("the stop button stops reading and removes the highlight", async ({ page }) => {
  await stubSpeech(page, ["es-ES"]);
  await page.goto("/es/guides/meeting-authorities/");
  await page.getByRole("button", { name: es("readAloud.start") }).click();
  await expect.poll(async () => (await spoken(page)).length).toBe(1);
  await page.getByRole("button", { name: es("readAloud.stop") }).click();
  await expect(page.locator(".read-aloud-current")).toHaveCount(0);
  await expect(page.getByRole("button", { name: es("readAloud.start") })).toHaveAttribute("aria-pressed", "false");
  expect(await page.evaluate(() => sessionStorage.getItem("speech-cancelled"))).toBe("1");
  await finishCurrent(page);
  await page.waitForTimeout(200);
  expect(await spoken(page)).toHaveLength(1);
});

test("reading stops when the reader leaves the page", async ({ page }) => {
  await stubSpeech(page, ["es-ES"]);
  await page.goto("/es/guides/meeting-authorities/");
  await page.getByRole("button", { name: es("readAloud.start") }).click();
  await expect.poll(async () => (await spoken(page)).length).toBe(1);
  await page.getByRole("link", { name: es("nav.help") }).first().click();
  await expect(page).toHaveURL(/\/es\/help\/$/);
  expect(await page.evaluate(() => sessionStorage.getItem("speech-cancelled"))).toBe("1");
});

test("says so when the device has no voice for the page's language", async ({ page }) => {
  await stubSpeech(page, ["es-ES", "en-US"]);
  const ht = useTranslations("ht");
  await page.goto("/ht/guides/meeting-authorities/");
  await page.getByRole("button", { name: ht("readAloud.start") }).click();
  await expect(page.getByRole("status").filter({ hasText: ht("readAloud.noVoice") })).toBeVisible();
  expect(await spoken(page)).toEqual([]);
});

test("the reader's code loads only when the button is pressed", async ({ page }) => {
  await stubSpeech(page, ["es-ES"]);
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto("/es/guides/meeting-authorities/");
  await page.waitForLoadState("networkidle");
  expect(requested.filter((p) => p.includes("read-aloud."))).toEqual([]);
  await page.getByRole("button", { name: es("readAloud.start") }).click();
  await expect.poll(() => requested.filter((p) => p.includes("read-aloud.")).length).toBe(1);
});
