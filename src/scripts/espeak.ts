// Shipped to the browser, loaded only when "read aloud" finds no voice on the device for the
// text's language (always so for Haitian Creole on a Linux kiosk): the eSpeak NG speech
// synthesizer compiled to WebAssembly (npm espeak-ng, voices and dictionaries built into its
// 18 MB .wasm), served from this site. Kiosk builds precache it for offline use (it is a
// bundled asset under /_astro/, see src/integrations/service-worker.ts).
import ESpeakNG from "espeak-ng";
import wasmUrl from "espeak-ng/dist/espeak-ng.wasm?url";

/** eSpeak NG voices for the site's languages: Latin American Spanish and Brazilian Portuguese are nearer to the readers than the defaults. */
const VOICES: Record<string, string> = { es: "es-419", en: "en-us", fr: "fr", ht: "ht", pt: "pt-br" };
/** Words a minute: a little slower than eSpeak's 175, like the browser voices' rate 0.9. */
const WORDS_PER_MINUTE = 150;
const OUT = "/out.wav";

/** The eSpeak NG voice for a BCP-47 language, if it has one. */
export function espeakVoice(lang: string): string | undefined {
  return VOICES[lang.toLowerCase().split("-")[0] ?? ""];
}

// Compiled once per page; each utterance gets a fresh instance (the program is eSpeak's
// command line, which runs once: a new instance from the compiled module takes milliseconds).
let compiled: Promise<WebAssembly.Module> | undefined;
function wasm(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl));
  compiled.catch(() => (compiled = undefined)); // a failed download may be retried
  return compiled;
}

/** Starts downloading and compiling the synthesizer, so the first sentence is not kept waiting. */
export function preload(): Promise<unknown> {
  return wasm();
}

/** Speaks `text` with an eSpeak NG voice into WAV bytes. */
export async function synthesize(text: string, voice: string): Promise<ArrayBuffer> {
  const module = await wasm();
  const instance = await ESpeakNG({
    // "--" ends the options: a text that starts with "-" is still read as text.
    arguments: ["-v", voice, "-s", String(WORDS_PER_MINUTE), "-w", OUT, "--", text],
    print: () => {},
    printErr: () => {},
    instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => {
      void WebAssembly.instantiate(module, imports).then(done);
      return {};
    },
  });
  // A copy: the file lives in the instance's memory, and decodeAudioData takes its buffer over.
  return new Uint8Array(instance.FS.readFile(OUT)).buffer;
}
