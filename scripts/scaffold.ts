// Small helpers the scaffolding commands share: argument checks and friendly exits.
import fs from "node:fs";
import path from "node:path";

export function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

export function requireId(value: string | undefined, usage: string): string {
  if (!value) fail(`Usage: ${usage}`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) fail(`"${value}" is not a good id: use lower-case words joined by "-", like your-rights.`);
  return value;
}

export function writeNew(file: string, text: string): void {
  if (fs.existsSync(file)) fail(`${path.relative(process.cwd(), file)} already exists; edit it instead.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`Created ${path.relative(process.cwd(), file)}`);
}

export const today = () => new Date().toISOString().slice(0, 10);
