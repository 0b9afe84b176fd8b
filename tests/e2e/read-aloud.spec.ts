// Read aloud on guide pages. The browser's speech API is replaced at its boundary
// (speechSynthesis and SpeechSynthesisUtterance) by a recorder, so the tests see exactly what
// the page asked the browser to say. Where the device has no voice, the bundled eSpeak NG
// synthesizer really runs; only the last step, sending its samples to the speakers
// (AudioBufferSourceNode), is replaced by a recorder of what would have been played.
import { expect, test, type Page } from "@playwright/test";
import { useTranslations } from "../../src/lib/i18n";
import { idleSeconds, kioskURL } from "./kiosk-helpers";

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

/** Records every buffer the page plays through Web Audio (samples, seconds, loudest sample) and holds it "playing" until finishAudio. */
async function stubAudioOutput(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: { samples: number; seconds: number; peak: number }[] = [];
    const pending: AudioBufferSourceNode[] = [];
    AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode) {
      const data = this.buffer?.getChannelData(0) ?? new Float32Array();
      let peak = 0;
      for (const x of data) peak = Math.max(peak, Math.abs(x));
      played.push({ samples: data.length, seconds: this.buffer?.duration ?? 0, peak });
      pending.push(this);
    };
    AudioBufferSourceNode.prototype.stop = function () {};
    Object.defineProperty(window, "__audio", {
      value: { played, finishCurrent: () => pending.shift()?.dispatchEvent(new Event("ended")) },
    });
  });
}

type Played = { samples: number; seconds: number; peak: number };
const played = (page: Page) => page.evaluate(() => (window as unknown as { __audio: { played: Played[] } }).__audio.played);
const finishAudio = (page: Page) => page.evaluate(() => (window as unknown as { __audio: { finishCurrent: () => void } }).__audio.finishCurrent());

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

test("read-aloud in ht produces audio with no system voice", async ({ page }) => {
  await stubSpeech(page, ["es-ES", "en-US"]);
  await stubAudioOutput(page);
  const ht = useTranslations("ht");
  const synth: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("espeak")) synth.push(r.url());
  });
  await page.goto("/ht/guides/meeting-authorities/");
  await page.waitForLoadState("networkidle");
  expect(synth).toEqual([]); // the synthesizer loads only when asked for
  await page.getByRole("button", { name: ht("readAloud.start") }).click();

  // The title, synthesized by eSpeak NG in Haitian Creole: real samples, not silence.
  await expect.poll(async () => (await played(page)).length, { timeout: 20_000 }).toBe(1);
  const [title] = await played(page);
  expect(title!.samples).toBeGreaterThan(1000);
  expect(title!.seconds).toBeGreaterThan(0.3);
  expect(title!.peak).toBeGreaterThan(0.05);
  expect(synth.length).toBeGreaterThan(0);
  for (const url of synth) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
  await expect(page.getByRole("heading", { level: 1 })).toHaveClass(/read-aloud-current/);
  await expect(page.getByRole("button", { name: ht("readAloud.stop") })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(ht("readAloud.noVoice"))).toHaveCount(0);
  expect(await spoken(page)).toEqual([]);

  // When the title has been played, the next block follows.
  await finishAudio(page);
  await expect.poll(async () => (await played(page)).length, { timeout: 10_000 }).toBe(2);
  await page.getByRole("button", { name: ht("readAloud.stop") }).click();
  await expect(page.locator(".read-aloud-current")).toHaveCount(0);
});

test("says so when neither the device nor the bundled synthesizer can speak", async ({ page }) => {
  await stubSpeech(page, ["en-US"]);
  await page.addInitScript(() => {
    delete (window as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto("/es/guides/meeting-authorities/");
  await page.getByRole("button", { name: es("readAloud.start") }).click();
  await expect(page.getByRole("status").filter({ hasText: es("readAloud.noVoice") })).toBeVisible();
  await expect(page.getByRole("button", { name: es("readAloud.start") })).toHaveAttribute("aria-pressed", "false");
  expect(await spoken(page)).toEqual([]);
});

test.describe("on a kiosk", () => {
  test.use({ baseURL: kioskURL });

  test("the idle reset does not fire while reading", async ({ page }) => {
    await page.clock.install();
    await stubSpeech(page, ["es-ES"]);
    await stubAudioOutput(page);
    const ht = useTranslations("ht");
    const path = "/ht/guides/meeting-authorities/";
    await page.goto(path);
    await page.getByRole("button", { name: ht("readAloud.start") }).click();
    await expect.poll(async () => (await played(page)).length, { timeout: 20_000 }).toBe(1);

    // A long block is still being listened to well past the idle time: no countdown, no reset.
    await page.clock.runFor((idleSeconds + 30) * 1000);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).toHaveURL(`${kioskURL}${path}`);
    await expect(page.getByRole("button", { name: ht("readAloud.stop") })).toHaveAttribute("aria-pressed", "true");

    // Once reading stops, the idle time counts again from then.
    await page.getByRole("button", { name: ht("readAloud.stop") }).click();
    await expect(page.getByRole("button", { name: ht("readAloud.start") })).toHaveAttribute("aria-pressed", "false");
    await page.clock.runFor((idleSeconds - 5) * 1000);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.clock.runFor(6_000);
    await expect(page.getByRole("dialog", { name: ht("kiosk.idleTitle") })).toBeVisible();
  });
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
