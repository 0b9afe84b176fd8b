// The engine's contract with its callers (channels, CLI, tests, a browser kiosk later).
// Pure data: no Botkit, no Node I/O.
import type { KnowledgeBase } from "../../src/lib/kb";

export type { KnowledgeBase };

/** Everything the engine remembers about a conversation. Nothing else is ever stored. */
export interface ConversationState {
  /** Reply language (a locale code), once known. */
  locale?: string;
  /** ISO country the person says they are in, or "skip" if they chose not to say. */
  country?: string;
  /** ISO country the person says they are from (their consulate's), if they said. */
  from?: string;
  /** The two particularities the regional guidelines ask about, if the person answered. */
  under18?: boolean;
  alone?: boolean;
  /** Id of the last guide answered from. */
  lastTopic?: string;
  /** What the engine asked last and is waiting for, if anything ("danger": "are you in danger right now?"). */
  pending?: "country" | "particularities" | "danger";
  /** Danger kinds the triage saw in the message it asked about (no text: only the kind names). */
  dangers?: string[];
  /** true once the first-contact privacy note has been shown. */
  greeted?: boolean;
  /** true once the engine asked about the particularities (it asks only once). */
  askedParticularities?: boolean;
  /** true once the engine asked which country the person is in (it asks only once). */
  askedCountry?: boolean;
}

export interface EngineInput {
  text: string;
  /** Country known from the channel or the caller (e.g. bot:ask), ISO code. */
  country?: string;
  /** Locale forced by the caller (e.g. the page's language in the web chat). */
  locale?: string;
  /** Id of the hub (content/hubs/) the conversation comes from: a hub page or a hub's kiosk. */
  hub?: string;
}

export type { QuickReply, ResourceCard } from "../../src/lib/wire";
import type { QuickReply, ResourceCard } from "../../src/lib/wire";

export interface EngineReply {
  /** The reply as plain text (fits a phone screen); links written as full paths. */
  text: string;
  /** Locale of the reply text. */
  locale: string;
  emergency: boolean;
  /** The triage's verdict: "emergency", "check" (the reply asks whether the person is in danger now) or "none". */
  urgency: "emergency" | "check" | "none";
  /** Danger kinds the triage found, most likely first (empty when none). */
  dangers: string[];
  /** Anchor of the guide section the reply answers with (in the shown guide's language), if it answers from one. */
  section?: string;
  /** Guide ids, best first. */
  guides: string[];
  /** Resource ids pointed to, in the order shown. */
  resources: string[];
  /** Cards for the resources, for channels that can show them. */
  cards: ResourceCard[];
  /** Links to guide pages: { title, url } with url a site path like /es/guides/x/. */
  links: { title: string; url: string }[];
  /** Suggested next steps as quick replies. */
  quickReplies: QuickReply[];
  /** The new conversation state (the caller stores it, or drops it when erased). */
  state: ConversationState;
  /** true when the person asked to erase the conversation: the caller must forget it. */
  erased: boolean;
}

/** The answering engine (bot/engine/index.ts createEngine). Pure: same input, same reply. */
export interface Engine {
  reply(state: ConversationState | undefined, input: EngineInput): EngineReply;
}
