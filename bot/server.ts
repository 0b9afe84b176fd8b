// One process for a hub: the built site, the web chat websocket (/chat/ws), the Twilio
// webhooks (/twilio/sms, /twilio/whatsapp) and /healthz, on one port. `npm start` runs it.
import http from "node:http";
import { readConfig } from "./config";
import { staticSite } from "./static";
import { startChannels, type Responder } from "./channels/index";
import { createStats, formatStats, logError, logInfo } from "./log";

/** The real engine over the knowledge base built from content/ (same source as the site). */
async function loadResponder(): Promise<Responder> {
  const [{ createEngine }, { loadKnowledgeBase }] = await Promise.all([import("./engine/index"), import("./kb/load")]);
  const engine = createEngine(loadKnowledgeBase());
  return (state, input) => engine.reply(state, input);
}

async function main(): Promise<void> {
  const config = readConfig();
  const stats = createStats();
  // Botkit's own debug output prints whole incoming messages: never on a public hub.
  if (/botkit|botbuilder|\*/.test(process.env["DEBUG"] ?? "")) logInfo("warning: DEBUG makes Botkit log message text; unset it on a public hub");
  const site = staticSite(config.siteDir);
  const responder = config.botMode === "echo" ? "echo" : await loadResponder();

  let channels: Awaited<ReturnType<typeof startChannels>> | undefined;
  const server = http.createServer((req, res) => {
    try {
      if (req.url === "/healthz") {
        res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify({ ok: true }));
        return;
      }
      if (channels?.handle(req, res)) return;
      site(req, res);
    } catch (err) {
      logError("http", err, stats);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Something went wrong.");
    }
  });
  // Malformed HTTP gets a plain 400, not a dropped process.
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  channels = await startChannels(server, config, responder, stats);

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
}

main().catch((err: unknown) => {
  // Configuration mistakes carry a readable message of ours; print it, not a stack.
  console.error(`[hub] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
