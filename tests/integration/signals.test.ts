// `npm start` and `npm run serve` stop the hub on SIGTERM and SIGINT sent to the npm process,
// as a process manager, a container runtime or a terminal does: the node server is gone and
// the port is free afterwards. Before the scripts exec'd, npm passed SIGTERM to its shell
// only, and the server went on running, re-parented to PID 1.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { describe, test } from "node:test";
import { freePort, kbEnv, pause } from "./hub";

const root = path.resolve(import.meta.dirname, "../..");

/** Every process below `pid` (Linux /proc), children first seen at the time of the call. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in parentheses and may hold spaces: the ppid follows the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) if (parent === p) out.push(child), walk(child);
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    // A zombie has exited; only its parent has not reaped it yet.
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

async function runAndSignal(script: "serve" | "start", signal: NodeJS.Signals, env: Record<string, string>): Promise<void> {
  const port = await freePort();
  let out = "";
  // npm itself is the process signalled, the way systemd or `docker stop` would.
  const npm = spawn("npm", ["run", script], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", STATS_EVERY_MINUTES: "0", ...kbEnv(env), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  npm.stdout.on("data", (d: Buffer) => (out += d.toString()));
  npm.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      assert.ok(Date.now() < deadline && npm.exitCode === null, `the hub came up:\n${out}`);
      await pause(200);
    }
    const below = descendants(npm.pid!);
    assert.ok(below.length >= 1, "npm runs the server as its child");
    npm.kill(signal);
    await exited;
    const gone = Date.now() + 10_000;
    while (below.some(alive) && Date.now() < gone) await pause(100);
    assert.deepEqual(below.filter(alive), [], `no process of the hub is left after ${signal} to npm:\n${out}`);
    assert.equal(await portOpen(port), false, "the port is free");
    assert.match(out, /\[hub\] stopped/, "the hub shut down in order");
  } finally {
    for (const pid of [npm.pid!, ...descendants(npm.pid!)]) if (alive(pid)) process.kill(pid, "SIGKILL");
  }
}

describe("signals to npm", () => {
  test("SIGTERM to `npm run serve` stops the hub and frees the port", () => runAndSignal("serve", "SIGTERM", { HUB_OUT: "dist-integration-none" }));

  test("SIGINT to `npm run serve` stops the hub and frees the port", () => runAndSignal("serve", "SIGINT", { HUB_OUT: "dist-integration-none" }));

  test("SIGTERM to `npm start` (build, then serve) stops the hub and frees the port", async () => {
    // Its own output folder (dist-* is ignored by git), so no other build is disturbed.
    const out = "dist-signals-test";
    try {
      await runAndSignal("start", "SIGTERM", { HUB_OUT: out });
    } finally {
      fs.rmSync(path.join(root, out), { recursive: true, force: true });
    }
  });
});
