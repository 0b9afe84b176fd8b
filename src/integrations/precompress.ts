// Last build step: writes a gzip (.gz) and a brotli (.br) copy beside every text file of the
// build, so bot/static.ts can send the smaller one without compressing on each request. Runs
// after every other integration, so the search index and the kiosk's service worker are
// compressed too. Uses node:zlib (nothing to install); the work goes to zlib's thread pool.
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import type { AstroIntegration } from "astro";

/** Text files worth compressing; images and Pagefind's own files are compressed already. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest|wasm|yml)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512;
/**
 * Brotli's best setting (11) costs about a second per megabyte. Pages, styles and scripts are
 * small and loaded on every visit, so they get it; bigger files (the knowledge base, the CMS's
 * vendored bundles) get a quick setting that is about 10% larger and 30 times faster.
 */
const BEST_BROTLI_UP_TO = 64 * 1024;
const QUICK_BROTLI = 6;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return listFiles(full);
      return Promise.resolve(COMPRESSIBLE.test(e.name) ? [full] : []);
    }),
  );
  return nested.flat();
}

export interface CompressResult {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/** Writes file.gz and file.br beside each compressible file under `dir` (only when smaller). */
export async function precompressDir(dir: string): Promise<CompressResult> {
  const result: CompressResult = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  const files = await listFiles(dir);
  await Promise.all(
    files.map(async (file) => {
      const data = await fs.readFile(file);
      if (data.length < MIN_BYTES) return;
      const [gz, br] = await Promise.all([
        gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
        brotli(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: data.length <= BEST_BROTLI_UP_TO ? zlib.constants.BROTLI_MAX_QUALITY : QUICK_BROTLI,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
      ]);
      result.files += 1;
      result.bytes += data.length;
      if (gz.length < data.length) {
        await fs.writeFile(`${file}.gz`, gz);
        result.gzipBytes += gz.length;
      }
      if (br.length < data.length) {
        await fs.writeFile(`${file}.br`, br);
        result.brotliBytes += br.length;
      }
    }),
  );
  return result;
}

export function precompress(): AstroIntegration {
  return {
    name: "hub:precompress",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const t0 = performance.now();
        const r = await precompressDir(fileURLToPath(dir));
        const kb = (n: number) => `${Math.round(n / 1024)} KB`;
        logger.info(`${r.files} files compressed in ${Math.round(performance.now() - t0)} ms: ${kb(r.bytes)} -> gzip ${kb(r.gzipBytes)}, brotli ${kb(r.brotliBytes)}`);
      },
    },
  };
}
