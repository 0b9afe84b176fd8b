// One process for a hub: the built site, the web chat websocket (/chat/ws), the Twilio
// webhooks (/twilio/sms, /twilio/whatsapp) and /healthz, on one port. `npm start` runs it.
import http from "node:http";
import { readConfig } from "./config";
import { plain, rawHeaderLines, requestPath, securityHeaders } from "./http";
import { staticSite } from "./static";
import { startChannels, type CountryName, type Responder } from "./channels/index";
import { handleChatForm } from "./channels/form";
import { countryNamesFrom } from "./channels/sms-format";
import { createStats, formatStats, logError, logInfo } from "./log";

/**
 * The real engine over the knowledge base the build wrote beside the site (kb.json), never
 * content/: the site and the bot always come from the same build. A kb.json of another format
 * version is refused with a message saying to rebuild.
 */
async function loadResponder(config: ReturnType<typeof readConfig>, stats: ReturnType<typeof createStats>): Promise<{ responder: Responder; countryName: CountryName }> {
  const [{ createEngine }, { readKnowledgeBase }] = await Promise.all([import("./engine/index"), import("../src/lib/kb-files")]);
  const kb = readKnowledgeBase(config.kbFile);
  const engine = createEngine(kb, {
    ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}),
    // The person got a calm reply; the hub counts and logs the error by kind, never the message.
    onError: (kind) => logError("engine", Object.assign(new Error(), { name: kind }), stats),
  });
  return { responder: (state, input) => engine.reply(state, input), countryName: countryNamesFrom(kb) };
}

async function main(): Promise<void> {
  const config = readConfig();
  const stats = createStats();
  // Botkit's own debug output prints whole incoming messages: never on a public hub.
  if (/botkit|botbuilder|\*/.test(process.env["DEBUG"] ?? "")) logInfo("warning: DEBUG makes Botkit log message text; unset it on a public hub");
  const site = staticSite(config.siteDir, { stats });
  const loaded = config.botMode === "echo" ? undefined : await loadResponder(config, stats);
  const headers = securityHeaders(config.botUrl);

  let channels: Awaited<ReturnType<typeof startChannels>> | undefined;
  const server = http.createServer((req, res) => {
    // Set first, so every answer carries them: pages, redirects, errors, /healthz.
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const fail = (err: unknown) => {
      logError("http", err, stats);
      if (!res.headersSent) plain(res, 500, "Something went wrong.");
      else res.destroy();
    };
    try {
      const pathname = requestPath(req);
      if (pathname === undefined) return plain(res, 400, "Bad request");
      if (pathname === "/healthz") {
        res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify({ ok: true }));
        return;
      }
      if (channels?.handle(req, res, pathname)) return;
      if (loaded && handleChatForm(req, res, pathname, loaded.responder)) return;
      site(req, res, pathname).catch(fail);
    } catch (err) {
      fail(err);
    }
  });
  // A client may half-close its side once its request is sent (HTTP/1.0 style); the answer,
  // which may take a file lookup, must still reach it. (Node's http server property.)
  (server as http.Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  // Malformed HTTP gets a plain 400, not a dropped process. A client that hung up (or was too
  // slow, see headersTimeout) is only counted: it is load, not a fault of ours.
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (err.code === "ECONNRESET" || !socket.writable) {
      stats.aborted += 1;
      socket.destroy();
      return;
    }
    socket.end(`HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n${rawHeaderLines(headers)}\r\n`);
  });
  channels = await startChannels(server, config, loaded?.responder ?? "echo", stats, loaded ? { countryName: loaded.countryName } : {});

  const statsTimer = config.statsEveryMs > 0 ? setInterval(() => logInfo(formatStats(stats)), config.statsEveryMs) : undefined;
  statsTimer?.unref();

  await new Promise<void>((resolve) => (config.host ? server.listen(config.port, config.host, resolve) : server.listen(config.port, resolve)));
  logInfo(`serving ${config.siteDir} and the ${config.botMode === "echo" ? "echo " : ""}bot on http://localhost:${config.port}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Everything below closes a handle; if one is forgotten the process would hang, so a
    // watchdog reports it instead of waiting forever.
    const watchdog = setTimeout(() => {
      logInfo("shutdown: forced exit, a handle stayed open");
      process.exit(1);
    }, 5000);
    watchdog.unref();
    clearInterval(statsTimer);
    await channels?.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    logInfo(formatStats(stats));
    logInfo("stopped");
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop());
  watchParent(() => void stop());
}

/**
 * Under npm (`npm start`, `npm run serve`) the hub lives as long as npm does. npm passes SIGTERM
 * and SIGINT on to its direct child, and the scripts `exec` so that child is this process; if
 * npm goes away without passing a signal on (it was killed, or a shell between us swallowed it)
 * we are re-parented, and stop as if told to. Outside npm (systemd, a container, nohup) the
 * parent is left alone.
 */
function watchParent(stop: () => void): void {
  if (!process.env["npm_lifecycle_event"]) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    logInfo("parent process gone: stopping");
    stop();
  }, 500);
  timer.unref();
}

main().catch((err: unknown) => {
  // Configuration mistakes carry a readable message of ours; print it, not a stack.
  console.error(`[hub] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
