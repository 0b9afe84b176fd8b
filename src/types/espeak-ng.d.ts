// Types for the espeak-ng package (an Emscripten build of eSpeak NG's command line; it ships none).
declare module "espeak-ng" {
  interface ESpeakInstance {
    FS: { readFile(path: string): Uint8Array };
  }
  interface ESpeakOptions {
    arguments: string[];
    print?: (line: string) => void;
    printErr?: (line: string) => void;
    instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => object;
  }
  export default function ESpeakNG(options: ESpeakOptions): Promise<ESpeakInstance>;
}
