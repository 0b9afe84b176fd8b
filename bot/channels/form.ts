// The chat without JavaScript: the chat page's plain form posts one message here and the reply
// comes back as a page, from the same engine as the web chat. Every message is a fresh
// conversation: nothing is stored, and the message is only echoed back in the page it answers.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EngineReply } from "../engine/types";
import type { Responder } from "./botkit";
import { cleanText } from "./input";
import { WEB_CHAT_FORM_PATH } from "../../src/lib/wire";
import { getLocale, localeCodes, sourceLocale } from "../../src/lib/locales";
import { useTranslations, type UiKey } from "../../src/lib/i18n";
import { localePath, pagePaths } from "../../src/lib/routes";
import { quickExitUrl } from "../../src/components/quick-exit-url";

/** A form post larger than this is refused: a message is at most a few hundred characters. */
const MAX_BODY_BYTES = 8 * 1024;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Reads a small urlencoded body; undefined when it is larger than MAX_BODY_BYTES. */
function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

/** The reply's text as paragraphs, each of its numbers a tel: link (the numbers of its cards). */
function replyHtml(reply: EngineReply): string {
  const phones = reply.cards.flatMap((c) => c.phones);
  return reply.text
    .split(/\n{2,}/)
    .map((para) => {
      let html = escapeHtml(para).replace(/\n/g, "<br>");
      for (const p of phones) {
        const shown = escapeHtml(p.number);
        // Only a number standing alone (not inside a longer one) becomes a link, once per paragraph.
        html = html.replace(new RegExp(`(?<![\\d>])${shown.replace(/[^\d]/g, (c) => `\\${c}`)}(?![\\d<])`), `<a class="tel" href="${escapeHtml(p.tel)}">${shown}</a>`);
      }
      return `<p>${html}</p>`;
    })
    .join("\n");
}

function page(locale: string, body: string): string {
  const t = useTranslations(locale);
  const dir = getLocale(locale)?.dir ?? "ltr";
  const s = (key: UiKey) => escapeHtml(t(key));
  return `<!doctype html>
<html lang="${escapeHtml(getLocale(locale)?.lang ?? locale)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${s("chat.title")}</title></head>
<body style="font: 1.125rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere">
<a href="${escapeHtml(quickExitUrl())}" style="display: inline-block; min-height: 48px; padding: 0.6rem 1rem; background: #111; color: #fff; font-weight: bold">${s("exit.label")}</a>
<main>
<h1>${s("chat.title")}</h1>
${body}
<form method="post" action="${WEB_CHAT_FORM_PATH}">
<input type="hidden" name="locale" value="${escapeHtml(locale)}">
<p><label for="text" style="font-weight: bold">${s("chat.inputLabel")}</label><br>
<textarea id="text" name="text" rows="3" maxlength="500" required style="width: 100%; box-sizing: border-box; font: inherit; min-height: 48px"></textarea></p>
<p><button type="submit" style="font: inherit; font-weight: bold; min-height: 48px; min-width: 48px; padding: 0.5rem 1.5rem">${s("chat.send")}</button></p>
</form>
<p><a href="${localePath(locale, pagePaths.help())}" style="display: inline-block; min-height: 48px; padding: 0.6rem 0">${s("nav.help")}</a></p>
</main>
<style>a.tel { display: inline-block; min-height: 48px; min-width: 48px; padding: 0.5rem; font-weight: bold }</style>
</body>
</html>`;
}

/**
 * Answers a post of the no-JavaScript chat form: the reply as a page, or a plain redirect to the
 * chat page for anything but a post. Returns false for other paths.
 */
export function handleChatForm(req: IncomingMessage, res: ServerResponse, pathname: string, respond: Responder): boolean {
  if (pathname !== WEB_CHAT_FORM_PATH) return false;
  const send = (status: number, html: string) => res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(html);
  if (req.method !== "POST") {
    res.writeHead(303, { Location: localePath(sourceLocale, pagePaths.chat()) }).end();
    return true;
  }
  readForm(req)
    .then((form) => {
      const asked = form?.get("locale") ?? "";
      const locale = localeCodes().includes(asked) ? asked : sourceLocale;
      const t = useTranslations(locale);
      if (!form) return send(413, page(locale, `<p>${escapeHtml(t("chat.tooLong"))}</p>`));
      const text = cleanText(form.get("text") ?? "");
      if (!text) return send(200, page(locale, ""));
      // A fresh conversation each time: no state in, none kept.
      const reply = respond(undefined, { text, locale });
      const you = `<p><strong>${escapeHtml(t("chat.you"))}:</strong> ${escapeHtml(text)}</p>`;
      const links = reply.links.length ? `<ul>${reply.links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a></li>`).join("")}</ul>` : "";
      const answer = `<section aria-labelledby="reply"><h2 id="reply">${escapeHtml(t("chat.bot"))}</h2>\n${replyHtml(reply)}\n${links}</section>`;
      return send(200, page(reply.locale || locale, `${you}\n${answer}`));
    })
    .catch(() => {
      if (!res.headersSent) send(400, page(sourceLocale, ""));
    });
  return true;
}
