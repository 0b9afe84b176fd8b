// Shipped to the browser on guide pages, loaded when "read aloud" is pressed: reads the guide
// block by block with the browser's speech synthesis, highlights the block being read, and
// reads phone numbers digit by digit.

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

async function voiceFor(lang: string): Promise<SpeechSynthesisVoice | undefined> {
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

interface Session {
  box: HTMLElement;
  current?: Element | undefined;
  stopped: boolean;
}
let session: Session | undefined;

function setState(box: HTMLElement, reading: boolean, message: string): void {
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
  session = undefined;
  speechSynthesis.cancel();
}

/** Starts reading the box's target, or stops if it is already reading. */
export async function toggleReading(box: HTMLElement): Promise<void> {
  if (session) return stopReading();
  const lang = box.dataset["lang"] ?? document.documentElement.lang;
  const voice = await voiceFor(lang);
  if (!voice) {
    setState(box, false, box.dataset["noVoice"] ?? "");
    return;
  }
  const target = document.querySelector(box.dataset["target"] ?? "main");
  if (!target) return;
  const me: Session = { box, stopped: false };
  session = me;
  setState(box, true, box.dataset["reading"] ?? "");
  for (const block of blocksOf(target)) {
    if (me.stopped) return;
    me.current?.classList.remove("read-aloud-current");
    me.current = block;
    block.classList.add("read-aloud-current");
    block.scrollIntoView({ block: "nearest", behavior: "smooth" });
    await new Promise<void>((resolve) => {
      const u = new SpeechSynthesisUtterance(spokenText(block));
      u.lang = voice.lang;
      u.voice = voice;
      u.rate = 0.9;
      u.onend = () => resolve();
      u.onerror = () => resolve();
      speechSynthesis.speak(u);
    });
  }
  if (me.stopped) return;
  me.current?.classList.remove("read-aloud-current");
  session = undefined;
  setState(box, false, box.dataset["done"] ?? "");
}

// Reading stops when the visitor leaves the page or the kiosk resets.
addEventListener("pagehide", stopReading);
document.addEventListener("hub:kiosk-reset", stopReading);
