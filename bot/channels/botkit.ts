// The seam around Botkit. Botkit 4 and the Bot Framework SDK under it are archived upstream,
// so this is the only file that knows their API: a channel subclasses ChannelAdapter and
// calls receive(); everything else talks in plain engine types. Swapping Botkit out means
// rewriting this file, not the channels or the engine.
import { Botkit, type BotkitMessage, type BotWorker } from "botkit";
import { BotAdapter, TurnContext, type Activity, type BotState, type ConversationReference, type ResourceResponse, type Storage } from "botbuilder";
import type { ConversationState, EngineInput, EngineReply } from "../engine/types";
import { countReply, logError, type Stats } from "../log";
import { cleanText } from "./input";

/** What a channel is asked to deliver: the engine's reply without its state or ranking. */
export type OutgoingReply = Pick<EngineReply, "text" | "locale" | "emergency" | "links" | "quickReplies" | "cards"> & {
  /** The conversation was erased: a screen that shows it clears it too (the web chat). */
  erased?: boolean;
  /** The messages to send, as written, when the host has chosen them (one page of a paged reply). */
  pages?: string[];
};

/** Answers one message; the real engine's reply() or a stand-in. */
export type Responder = (state: ConversationState | undefined, input: EngineInput) => EngineReply;

/** Fixed texts the host needs when the engine cannot answer (from the shared UI strings). */
export type FallbackText = (locale: string | undefined) => string;

interface Inbound<Address> {
  address: Address;
  locale?: string;
  country?: string;
  /** The hub the conversation comes from (a hub's kiosk), an id in content/hubs/. */
  hub?: string;
}

/** Base for our channels: one conversation per server-issued id, turns run through Botkit. */
export abstract class ChannelAdapter<Address = unknown> extends BotAdapter {
  /** Short channel name used in stats and storage keys ("web", "sms", "whatsapp"). */
  abstract readonly channelId: string;
  /** true where the person can only type: quick replies are numbered and "2" picks option 2. */
  readonly numberedOptions: boolean = false;
  /**
   * Channels that send a long reply a page per turn (SMS, where each segment costs): the reply's
   * pages. The host sends the first and holds the others, in the conversation's state, until
   * the person replies MORE_PAGES.
   */
  paginate?: (reply: OutgoingReply) => string[];
  private logic: ((context: TurnContext) => Promise<void>) | undefined;
  // Turns of one conversation run one after the other, so state is never written twice at once.
  private readonly queues = new Map<string, Promise<void>>();

  /** Sends one reply to the address the message came from. */
  protected abstract deliver(address: Address, reply: OutgoingReply): Promise<void>;

  /** @internal called by the host. */
  bindLogic(logic: (context: TurnContext) => Promise<void>): void {
    this.logic = logic;
  }

  /** Runs one incoming message through Botkit; resolves when the reply has been handed over. */
  receive(conversation: string, text: string, inbound: Inbound<Address>): Promise<void> {
    const previous = this.queues.get(conversation) ?? Promise.resolve();
    const turn = previous.then(() => this.runTurn(conversation, text, inbound));
    const settled = turn.catch(() => undefined);
    this.queues.set(conversation, settled);
    void settled.then(() => {
      if (this.queues.get(conversation) === settled) this.queues.delete(conversation);
    });
    return turn;
  }

  /** Resolves once every turn of the conversation received so far has finished. */
  settled(conversation: string): Promise<void> {
    return this.queues.get(conversation) ?? Promise.resolve();
  }

  private async runTurn(conversation: string, text: string, inbound: Inbound<Address>): Promise<void> {
    if (!this.logic) throw new Error("adapter not attached to a bot host");
    const activity: Partial<Activity> = {
      type: "message",
      timestamp: new Date(),
      channelId: this.channelId,
      conversation: { id: conversation, isGroup: false, conversationType: "personal", name: "" },
      from: { id: conversation, name: "" },
      recipient: { id: "bot", name: "" },
      text,
      channelData: inbound,
    };
    await this.runMiddleware(new TurnContext(this, activity), this.logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const { address } = context.activity.channelData as Inbound<Address>;
    for (const activity of activities) {
      const data = activity.channelData as { reply?: OutgoingReply } | undefined;
      const reply = data?.reply ?? { text: activity.text ?? "", locale: "", emergency: false, links: [], quickReplies: [], cards: [] };
      try {
        await this.deliver(address, reply);
      } catch (err) {
        // A provider's error text can quote the phone number: log the kind only.
        logError(`${this.channelId} delivery`, err);
      }
    }
    return activities.map(() => ({ id: "" }));
  }

  async updateActivity(): Promise<void> {
    throw new Error("not supported");
  }

  async deleteActivity(): Promise<void> {
    throw new Error("not supported");
  }

  async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    // Our bot only ever answers; it never starts a conversation.
    throw new Error("not supported");
  }
}

export interface BotHost {
  /** Forgets a conversation's state at once (a closed web chat, an erase). */
  forget(adapter: ChannelAdapter, conversation: string): Promise<void>;
  close(): Promise<void>;
}

export interface BotHostOptions {
  adapters: ChannelAdapter[];
  storage: Storage;
  /** The engine, or "echo" for the bare Botkit echo bot used as the benchmark baseline. */
  responder: Responder | "echo";
  fallback: FallbackText;
  stats: Stats;
}

const ENGINE_STATE = "engine";
const OPTIONS = "numberedOptions";
const HELD_PAGES = "heldPages";
/** The reply that sends the next held page: one key on any phone, the same in every language (numbered options start at 1). */
export const MORE_PAGES = "0";

/** Starts a Botkit controller that runs every channel's turns through the engine. */
export function createBotHost(options: BotHostOptions): BotHost {
  const [first] = options.adapters;
  if (!first) throw new Error("at least one channel adapter is needed");
  const controller = new Botkit({ adapter: first, storage: options.storage, disable_webserver: true, disable_console: true });
  // Botkit keeps its conversation state private; the engine's state lives in the same record
  // so one read and one write per turn cover both, and one delete erases everything.
  const conversationState = (controller as unknown as { conversationState: BotState }).conversationState;
  const engineState = conversationState.createProperty<ConversationState | undefined>(ENGINE_STATE);
  const offered = conversationState.createProperty<string[]>(OPTIONS);
  // Held pages are the bot's own words (content), never the person's message.
  const heldPages = conversationState.createProperty<string[]>(HELD_PAGES);
  const stats = options.stats;

  // Middleware: every channel's text is cleaned the same way before any handler sees it.
  controller.middleware.receive.use((_bot: BotWorker, message: BotkitMessage, next: () => void) => {
    message.text = cleanText(message.text ?? "");
    next();
  });

  if (options.responder === "echo") {
    controller.on("message", async (bot: BotWorker, message: BotkitMessage) => {
      await bot.reply(message, message.text ?? "");
    });
  } else {
    const responder = options.responder;
    controller.on("message", async (bot: BotWorker, message: BotkitMessage) => {
      const context = message.context as TurnContext;
      const adapter = context.adapter as ChannelAdapter;
      const inbound = context.activity.channelData as Inbound<unknown>;
      let text = message.text ?? "";
      if (adapter.paginate && text.trim() === MORE_PAGES) {
        const [next, ...later] = await heldPages.get(context, []);
        if (next) {
          await heldPages.set(context, later);
          const page: OutgoingReply = { text: next, locale: "", emergency: false, links: [], quickReplies: [], cards: [], pages: [next] };
          await bot.reply(message, { text: next, channelData: { reply: page } });
          return;
        }
      }
      if (adapter.numberedOptions) {
        const pick = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
        const choices = await offered.get(context, []);
        const chosen = pick ? choices[Number(pick[1]) - 1] : undefined;
        if (chosen) text = chosen;
      }
      const input: EngineInput = { text };
      if (inbound.locale) input.locale = inbound.locale;
      if (inbound.country) input.country = inbound.country;
      if (inbound.hub) input.hub = inbound.hub;
      let reply: OutgoingReply;
      try {
        const answer = responder(await engineState.get(context), input);
        if (answer.erased) {
          await conversationState.delete(context);
        } else {
          await engineState.set(context, answer.state);
          if (adapter.numberedOptions) await offered.set(context, answer.quickReplies.map((q) => q.text));
        }
        countReply(stats, adapter.channelId, answer.locale, answer.emergency, answer.erased);
        reply = { text: answer.text, locale: answer.locale, emergency: answer.emergency, links: answer.links, quickReplies: answer.quickReplies, cards: answer.cards, ...(answer.erased ? { erased: true } : {}) };
        if (adapter.paginate) {
          const [first, ...later] = adapter.paginate(reply);
          if (first) reply.pages = [first];
          // An erased conversation keeps nothing, held pages included.
          if (!answer.erased) await heldPages.set(context, later);
        }
      } catch (err) {
        logError("engine", err, stats);
        const locale = inbound.locale ?? "es";
        reply = { text: options.fallback(inbound.locale), locale, emergency: false, links: [], quickReplies: [], cards: [] };
      }
      await bot.reply(message, { text: reply.text, channelData: { reply } });
    });
  }

  for (const adapter of options.adapters) adapter.bindLogic(controller.handleTurn.bind(controller));

  return {
    async forget(adapter, conversation) {
      const context = new TurnContext(adapter, {
        type: "message",
        channelId: adapter.channelId,
        conversation: { id: conversation, isGroup: false, conversationType: "personal", name: "" },
        from: { id: conversation, name: "" },
      });
      await conversationState.delete(context);
    },
    async close() {
      await controller.shutdown();
    },
  };
}
