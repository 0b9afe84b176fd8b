// One process for a hub: serves the built site and (later) the bot channels on one port.
import http from "node:http";
import { staticSite } from "./static";

const port = Number(process.env["PORT"] ?? 4321);
const site = staticSite(process.env["HUB_OUT"] ?? "dist");

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ok: true }));
    return;
  }
  site(req, res);
});

server.listen(port, () => console.log(`Serving on http://localhost:${port}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.close(() => process.exit(0)));
