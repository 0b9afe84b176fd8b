// Who runs this hub, and how long its bot keeps a conversation: the operator's settings, read
// once from the build's environment (HUB_OPERATOR, HUB_CONTACT) and passed down to the
// "About and privacy" page. The retention times are read with the rule the bot forgets by
// (src/lib/retention.ts), so the page says what the hub does, with the same defaults.
import { readRetention } from "./retention";

export interface HubContact {
  /** mailto: for an email address, else the web address itself. */
  href: string;
  /** What the page shows: the address as the operator wrote it. */
  text: string;
}

export interface HubOperator {
  /** Who runs the hub (HUB_OPERATOR); undefined until the operator says. */
  name?: string;
  /** How to reach them (HUB_CONTACT): an email address or a web address. */
  contact?: HubContact;
  /** SMS and WhatsApp conversations are forgotten after this many minutes without a message (STATE_IDLE_MINUTES). */
  stateIdleMinutes: number;
  /** A web chat with no message for this many minutes is closed, and forgotten (CHAT_IDLE_MINUTES). */
  chatIdleMinutes: number;
}

// Deliberately loose: a visible typo is better caught by the operator than refused here.
const EMAIL = /^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/;

function contactOf(raw: string): HubContact {
  if (EMAIL.test(raw)) return { href: `mailto:${raw}`, text: raw };
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
    throw new Error(`HUB_CONTACT must be an email address (like info@hub.example.org) or a full web address (like https://hub.example.org/contact) (got "${raw}").`);
  return { href: url.href, text: raw };
}

/** Reads the operator's settings from the build's environment; throws a readable error on a bad contact. */
export function hubOperator(env: Record<string, string | undefined> = process.env): HubOperator {
  const name = (env["HUB_OPERATOR"] ?? "").trim();
  const contact = (env["HUB_CONTACT"] ?? "").trim();
  const retention = readRetention(env);
  return {
    ...(name ? { name } : {}),
    ...(contact ? { contact: contactOf(contact) } : {}),
    stateIdleMinutes: Math.round(retention.stateIdleMs / 60_000),
    chatIdleMinutes: Math.round(retention.chatIdleMs / 60_000),
  };
}
