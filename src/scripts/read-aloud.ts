// Shipped to the browser on guide pages, loaded when "read aloud" is pressed: reads the guide
// block by block, highlights the block being read, and reads phone numbers digit by digit.
// It speaks with the device's voice for the text's language when there is one, else with the
// bundled eSpeak NG synthesizer (./espeak.ts, loaded only then) played through Web Audio: most
// devices have no Haitian Creole voice, and a Linux kiosk has no voice at all.
// While it reads it announces "hub:reading" (detail: true, then false), so a kiosk counts
// listening as activity and does not reset the screen under the listener.

/** Blocks read one at a time (one utterance each: long utterances get cut off in some browsers). */
const BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, figcaption";
const SKIP = "[data-pagefind-ignore], [hidden], [aria-hidden='true'], nav, script, style, .read-aloud, dialog";

/** "6378-3466" -> "6 3 7 8, 3 4 6 6": digits one by one, a pause where the number had a gap. */
export function digitsForSpeech(number: string): string {
  return number
    .trim()
    .split(/[\s\-./()]+/)
    .map((group) => group.replace(/[^\d+]/g, ""))
    .filter((group) => /\d/.test(group))
    .map((group) => group.replace(/\+/g, "+ ").replace(/\d/g, "$& ").trim())
    .join(", ");
}

/** Phone-like runs in plain text: 7+ digits with separators, or a leading +. Dates are left alone. */
const PHONE_IN_TEXT = /(?<![\d-])(?:\+\d[\d\s\-.]{5,}\d|\d{2,4}(?:[\s\-.]\d{2,4}){1,3})(?![\d-])/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The text to speak for one element: phone numbers (tel: links and phone-like runs) digit by digit. */
export function spokenText(el: Element): string {
  let out = "";
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      out += (node.textContent ?? "").replace(PHONE_IN_TEXT, (m) => {
        const digits = m.replace(/\D/g, "");
        return ISO_DATE.test(m) || digits.length < 7 ? m : digitsForSpeech(m);
      });
      return;
    }
    if (!(node instanceof Element) || node.matches(SKIP)) return;
    if (node.matches("a[href^='tel:']")) {
      out += ` ${digitsForSpeech(node.textContent ?? "")} `;
      return;
    }
    node.childNodes.forEach(walk);
  };
  walk(el);
  return out.replace(/\s+/g, " ").trim();
}

function blocksOf(root: Element): Element[] {
  return [...root.querySelectorAll(BLOCKS)].filter(
    (el) => !el.closest(SKIP) && !el.querySelector(BLOCKS) && spokenText(el) !== "",
  );
}

async function systemVoiceFor(lang: string): Promise<SpeechSynthesisVoice | undefined> {
  if (!("speechSynthesis" in window)) return undefined;
  const wanted = lang.toLowerCase().split("-")[0] ?? lang;
  const find = () => speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace("_", "-").split("-")[0] === wanted);
  if (speechSynthesis.getVoices().length === 0) {
    // Voices load asynchronously in Chromium.
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      speechSynthesis.addEventListener("voiceschanged", done, { once: true });
      setTimeout(done, 1500);
    });
  }
  return find();
}

/** Says one text and resolves when it has been said (or stopped); cancel() stops it. */
interface Speaker {
  say(text: string): Promise<void>;
  cancel(): void;
}

function systemSpeaker(voice: SpeechSynthesisVoice): Speaker {
  return {
    say: (text) =>
      new Promise<void>((resolve) => {
        const u = new SpeechSynthesisUtterance(text);
        u.lang = voice.lang;
        u.voice = voice;
        u.rate = 0.9;
        u.onend = () => resolve();
        u.onerror = () => resolve();
        speechSynthesis.speak(u);
      }),
    cancel: () => speechSynthesis.cancel(),
  };
}

/** The bundled synthesizer, or undefined when it has no voice for the language or cannot run here. */
async function bundledSpeaker(lang: string): Promise<Speaker | undefined> {
  if (!("WebAssembly" in window) || !("AudioContext" in window)) return undefined;
  const espeak = await import("./espeak");
  const voice = espeak.espeakVoice(lang);
  if (!voice) return undefined;
  await espeak.preload();
  const audio = new AudioContext();
  let playing: AudioBufferSourceNode | undefined;
  let finish: (() => void) | undefined;
  return {
    async say(text) {
      const buffer = await audio.decodeAudioData(await espeak.synthesize(text, voice));
      if (audio.state === "closed") return;
      await new Promise<void>((resolve) => {
        const source = audio.createBufferSource();
        source.buffer = buffer;
        source.connect(audio.destination);
        finish = resolve;
        source.onended = () => resolve();
        playing = source;
        source.start();
      });
      playing = undefined;
    },
    cancel() {
      try {
        playing?.stop();
      } catch {
        /* already stopped */
      }
      finish?.();
      void audio.close();
    },
  };
}

/** The device's voice for the language, else the bundled one. */
async function speakerFor(lang: string): Promise<Speaker | undefined> {
  const voice = await systemVoiceFor(lang);
  if (voice) return systemSpeaker(voice);
  try {
    return await bundledSpeaker(lang);
  } catch {
    return undefined; // the synthesizer could not be loaded (offline, outside a kiosk)
  }
}

interface Session {
  box: HTMLElement;
  speaker?: Speaker | undefined;
  current?: Element | undefined;
  stopped: boolean;
}
let session: Session | undefined;

function setState(box: HTMLElement, reading: boolean, message: string): void {
  document.dispatchEvent(new CustomEvent("hub:reading", { detail: reading }));
  const button = box.querySelector("button");
  if (button) {
    button.textContent = (reading ? box.dataset["stop"] : box.dataset["start"]) ?? "";
    button.setAttribute("aria-pressed", String(reading));
  }
  const status = box.querySelector("[role='status']");
  if (status) status.textContent = message;
}

/** Stops reading and removes the highlight. */
export function stopReading(): void {
  if (!session) return;
  session.stopped = true;
  session.current?.classList.remove("read-aloud-current");
  setState(session.box, false, "");
  const { speaker } = session;
  session = undefined;
  if (speaker) speaker.cancel();
  else if ("speechSynthesis" in window) speechSynthesis.cancel();
}

/** Starts reading the box's target, or stops if it is already reading. */
export async function toggleReading(box: HTMLElement): Promise<void> {
  if (session) return stopReading();
  const lang = box.dataset["lang"] ?? document.documentElement.lang;
  const target = document.querySelector(box.dataset["target"] ?? "main");
  if (!target) return;
  const me: Session = { box, stopped: false };
  session = me;
  // Reading starts at once: loading the bundled synthesizer the first time takes a moment.
  setState(box, true, box.dataset["reading"] ?? "");
  const speaker = await speakerFor(lang);
  if (me.stopped) return speaker?.cancel();
  if (!speaker) {
    session = undefined;
    setState(box, false, box.dataset["noVoice"] ?? "");
    return;
  }
  me.speaker = speaker;
  for (const block of blocksOf(target)) {
    if (me.stopped) return;
    me.current?.classList.remove("read-aloud-current");
    me.current = block;
    block.classList.add("read-aloud-current");
    block.scrollIntoView({ block: "nearest", behavior: "smooth" });
    await speaker.say(spokenText(block));
  }
  if (me.stopped) return;
  me.current?.classList.remove("read-aloud-current");
  session = undefined;
  setState(box, false, box.dataset["done"] ?? "");
}

// Reading stops when the visitor leaves the page or the kiosk resets.
addEventListener("pagehide", stopReading);
document.addEventListener("hub:kiosk-reset", stopReading);
