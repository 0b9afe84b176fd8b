// Ships to the browser: the web chat client, loaded only when a chat is opened. Messages are
// rendered with textContent and checked URLs only, never as HTML, so nothing a message
// contains can run or restyle the page.

import { WEB_CHAT_PATH, type ClientFrame, type ServerFrame as Frame } from "../lib/wire";
import { localePath, pagePaths } from "../lib/routes";

/** UI strings, rendered into data-strings by Chat.astro in the page's language. */
interface Strings {
  you: string;
  bot: string;
  connecting: string;
  ready: string;
  unreachable: string;
  retry: string;
  tooLong: string;
  options: string;
  website: string;
  help: string;
}

export interface ChatSession {
  focus(): void;
  close(): void;
}

/** The websocket address: PUBLIC_BOT_URL when the bot runs elsewhere, else this origin. */
function socketUrl(configured: string | undefined, locale: string): string {
  const url = new URL(configured || "/", location.href);
  url.protocol = url.protocol === "https:" || url.protocol === "wss:" ? "wss:" : "ws:";
  if (url.pathname === "/" || url.pathname === "") url.pathname = WEB_CHAT_PATH;
  url.searchParams.set("locale", locale);
  return url.href;
}

/** Only our own site paths, web pages, phone and WhatsApp links are ever made clickable. */
function safeHref(url: string): string | undefined {
  if (/^\/(?!\/)[\w\-./~%#?=&]*$/.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function item(child: Node): HTMLLIElement {
  const li = el("li");
  li.append(child);
  return li;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = el("a", undefined, text);
  a.href = href;
  return a;
}

export function mountChat(root: HTMLElement): ChatSession {
  const locale = root.dataset["locale"] ?? "es";
  const strings = JSON.parse(root.dataset["strings"] ?? "{}") as Strings;
  const log = root.querySelector<HTMLElement>("[data-chat-log]")!;
  const status = root.querySelector<HTMLElement>("[data-chat-status]")!;
  const alert = root.querySelector<HTMLElement>("[data-chat-alert]")!;
  const form = root.querySelector<HTMLFormElement>("[data-chat-form]")!;
  const input = form.querySelector<HTMLInputElement | HTMLTextAreaElement>("[data-chat-input]")!;
  const url = socketUrl(root.dataset["botUrl"], locale);
  // Set on a kiosk only (Chat.astro): where it stands, so replies start there.
  const place = { ...(root.dataset["country"] ? { country: root.dataset["country"] } : {}), ...(root.dataset["hub"] ? { hub: root.dataset["hub"] } : {}) };
  root.hidden = false;
  // The page's plain form shows until this code has loaded; words typed there meanwhile are
  // carried over, not lost.
  const plain = root.parentElement?.querySelector("[data-chat-nojs]");
  const typed = plain?.querySelector("textarea")?.value.trim();
  plain?.remove();
  if (typed && !input.value) input.value = typed;

  let socket: WebSocket | undefined;
  let ready = false;
  let closedByUs = false;
  const outbox: string[] = [];

  const setStatus = (text: string) => (status.textContent = text);

  // Show the start of the newest message: an emergency answer begins with the numbers. Again
  // when the visible viewport changes (a phone's keyboard opens), so they stay above it.
  let newest: HTMLElement | undefined;
  const showNewest = () => {
    if (newest?.isConnected) log.scrollTop = newest.offsetTop - 8;
  };
  visualViewport?.addEventListener("resize", () => requestAnimationFrame(showNewest));

  const showUnreachable = () => {
    alert.replaceChildren();
    const p = el("p", undefined, strings.unreachable + " ");
    p.append(link(localePath(locale, pagePaths.help()), strings.help));
    const retry = el("button", "chat-retry", strings.retry);
    retry.type = "button";
    retry.addEventListener("click", () => {
      alert.replaceChildren();
      connect();
    });
    alert.append(p, retry);
    alert.hidden = false;
    setStatus("");
  };

  const addMessage = (who: "you" | "bot", text: string, lang?: string): HTMLElement => {
    const bubble = el("div", `chat-msg chat-msg--${who}`);
    if (lang) bubble.lang = lang;
    // The sender is read out by screen readers; sighted users see it from the bubble side.
    bubble.append(el("span", "chat-sr", `${who === "you" ? strings.you : strings.bot}: `));
    for (const line of text.split("\n")) {
      if (line.trim()) bubble.append(el("p", undefined, line));
    }
    log.append(bubble);
    newest = bubble;
    showNewest();
    return bubble;
  };

  const retireQuickReplies = () => {
    for (const group of log.querySelectorAll("[data-chat-quick]")) group.remove();
  };

  const renderReply = (frame: Extract<Frame, { type: "reply" }>) => {
    // "Borrar": the server forgot the conversation; a shared screen must not keep showing it.
    if (frame.erased) log.replaceChildren();
    const bubble = addMessage("bot", frame.text, frame.locale || undefined);
    if (frame.emergency) bubble.classList.add("chat-msg--emergency");
    const links = frame.links.flatMap((l) => {
      const href = safeHref(l.url);
      return href ? [link(href, l.title)] : [];
    });
    if (links.length) {
      const list = el("ul", "chat-links");
      for (const a of links) list.append(item(a));
      bubble.append(list);
    }
    for (const card of frame.cards) {
      const box = el("div", "chat-card");
      box.append(el("p", "chat-card-name", card.name));
      const actions = el("ul", "chat-card-actions");
      for (const phone of card.phones) {
        const tel = phone.tel.replace(/^tel:/, "");
        if (!/^\+?[0-9]{2,15}$/.test(tel)) continue;
        actions.append(item(link(`tel:${tel}`, phone.label ? `${phone.number} (${phone.label})` : phone.number)));
      }
      const wa = card.whatsapp?.replace(/[^0-9]/g, "");
      if (wa && wa.length >= 8) actions.append(item(link(`https://wa.me/${wa}`, `WhatsApp ${card.whatsapp}`)));
      const site = card.website ? safeHref(card.website) : undefined;
      if (site && /^https?:/.test(site)) actions.append(item(link(site, strings.website)));
      box.append(actions);
      bubble.append(box);
    }
    if (frame.quickReplies.length) {
      const group = el("div", "chat-quick");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", strings.options);
      group.dataset["chatQuick"] = "";
      for (const q of frame.quickReplies) {
        const button = el("button", "chat-quick-button", q.label);
        button.type = "button";
        button.addEventListener("click", () => {
          send(q.text, q.label);
          input.focus();
        });
        group.append(button);
      }
      log.append(group);
    }
  };

  const flush = () => {
    while (ready && socket && outbox.length) socket.send(outbox.shift()!);
  };

  function connect(): void {
    closedByUs = false;
    ready = false;
    alert.hidden = true;
    setStatus(strings.connecting);
    let opened = false;
    try {
      socket = new WebSocket(url);
    } catch {
      showUnreachable();
      return;
    }
    const current = socket;
    current.addEventListener("open", () => (opened = true));
    current.addEventListener("message", (event) => {
      let frame: Frame;
      try {
        frame = JSON.parse(String(event.data)) as Frame;
      } catch {
        return;
      }
      if (frame.type === "hello") {
        ready = true;
        setStatus(strings.ready);
        flush();
      } else if (frame.type === "reply") {
        renderReply(frame);
      } else if (frame.type === "notice") {
        addMessage("bot", frame.text).classList.add("chat-msg--notice");
      }
    });
    current.addEventListener("close", (event) => {
      if (socket !== current) return;
      ready = false;
      socket = undefined;
      if (closedByUs) return;
      // 1009: the message was over the size cap. The next message reconnects by itself.
      if (event.code === 1009) addMessage("bot", strings.tooLong).classList.add("chat-msg--notice");
      else if (!opened || event.code !== 1000) showUnreachable();
    });
  }

  function send(text: string, shown = text): void {
    retireQuickReplies();
    addMessage("you", shown);
    outbox.push(JSON.stringify({ type: "message", text, locale, ...place } satisfies ClientFrame));
    if (!socket) connect();
    flush();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    input.value = "";
    send(text);
  });
  // Enter sends, Shift+Enter makes a new line, as in other chats.
  input.addEventListener("keydown", (event) => {
    if (event instanceof KeyboardEvent && event.key === "Enter" && !event.shiftKey && input instanceof HTMLTextAreaElement) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  // Nothing of the conversation outlives the page: the socket closes and the server forgets.
  addEventListener("pagehide", () => session.close());
  // A kiosk's idle reset leaves nothing of the conversation on screen, even for a moment.
  document.addEventListener("hub:kiosk-reset", () => {
    session.close();
    log.replaceChildren();
    input.value = "";
  });

  connect();
  const session: ChatSession = {
    focus: () => input.focus(),
    close: () => {
      closedByUs = true;
      socket?.close(1000);
      socket = undefined;
    },
  };
  return session;
}
