// Ships to the browser too (type-only but for the path). The web chat's wire protocol, written
// once: the server (bot/channels/web.ts), the browser client (src/scripts/chat.ts) and the tests
// all import these types, so they can never disagree.

/** Where the web chat's websocket listens on the hub. */
export const WEB_CHAT_PATH = "/chat/ws";
/** Where the chat page's plain form (no JavaScript) posts a message; the reply comes back as a page. */
export const WEB_CHAT_FORM_PATH = "/chat/reply";

/** A button the reply offers: its label, and the text it sends back when pressed. */
export interface QuickReply {
  label: string;
  text: string;
}

/** A resource to call, as the reply shows it. */
export interface ResourceCard {
  id: string;
  name: string;
  kind: string;
  country: string;
  phones: { number: string; label?: string; tel: string }[];
  whatsapp?: string;
  website?: string;
}

/** The part of a bot reply that travels to the person. */
export interface ReplyPayload {
  text: string;
  locale: string;
  emergency: boolean;
  links: { title: string; url: string }[];
  quickReplies: QuickReply[];
  cards: ResourceCard[];
  /** The person erased the conversation: the client clears what is on screen too. */
  erased?: boolean;
}

export type NoticeCode = "bad_request" | "rate_limited" | "error" | "idle" | "busy";

/** Frames the server sends. The client renders them with textContent only. */
export type ServerFrame = { type: "hello"; conversation: string } | ({ type: "reply" } & ReplyPayload) | { type: "notice"; code: NoticeCode; text: string };

/** Frames the client sends: a message, optionally with the page's language and, on a kiosk, where it stands. */
export interface ClientFrame {
  type: "message";
  text: string;
  locale?: string;
  /** A kiosk's country (KIOSK_COUNTRY, ISO code): replies start with that country's lines. */
  country?: string;
  /** A kiosk's hub (KIOSK_HUB, an id in content/hubs/): "talk to a person" starts with that hub. */
  hub?: string;
}
