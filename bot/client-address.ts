// Who is asking: the client address that per-address limits count by. The socket's address,
// or, only when the connection comes from a configured trusted proxy (TRUST_PROXY), the
// address that proxy put in X-Forwarded-For. proxy-addr (Express's implementation) walks the
// header from the nearest hop and stops at the first address that is not a trusted proxy, so
// a client cannot choose its own address by sending the header itself.
import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

/**
 * The key limits count by: an IPv4 address as it is, an IPv6 address by its /64 (one home or
 * phone gets a whole /64, so counting single IPv6 addresses would let one client be millions).
 */
export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip || "unknown";
  let parsed = ipaddr.parse(ip);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(":")}::/64`;
}

/** Returns a function giving each request's client address key; throws on a bad TRUST_PROXY. */
export function clientAddress(trustProxy: string[]): (req: IncomingMessage) => string {
  if (!trustProxy.length) return (req) => addressKey(req.socket.remoteAddress ?? "");
  let trust: ReturnType<typeof proxyaddr.compile>;
  try {
    trust = proxyaddr.compile(trustProxy);
  } catch (err) {
    throw new Error(`TRUST_PROXY must list addresses, ranges like 10.0.0.0/8, or loopback / linklocal / uniquelocal (${(err as Error).message}).`);
  }
  return (req) => addressKey(proxyaddr(req, trust));
}
