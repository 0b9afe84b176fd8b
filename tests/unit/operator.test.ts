// The operator's settings for the about page (src/lib/operator.ts): who runs the hub, how to
// reach them, and the bot's idle times read with the bot's own rules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { hubOperator } from "../../src/lib/operator";

test("an unset operator gives no name and no contact, and the bot's default idle times", () => {
  assert.deepEqual(hubOperator({}), { stateIdleMinutes: 30, chatIdleMinutes: 5 });
});

test("an email contact becomes a mailto link and a web address stays itself", () => {
  const mail = hubOperator({ HUB_OPERATOR: " Red de albergues ", HUB_CONTACT: "info@hub.example.org" });
  assert.equal(mail.name, "Red de albergues");
  assert.deepEqual(mail.contact, { href: "mailto:info@hub.example.org", text: "info@hub.example.org" });
  assert.deepEqual(hubOperator({ HUB_CONTACT: "https://hub.example.org/contacto" }).contact, { href: "https://hub.example.org/contacto", text: "https://hub.example.org/contacto" });
});

test("a contact that is neither an email nor a web address stops the build with a readable error", () => {
  assert.throws(() => hubOperator({ HUB_CONTACT: "call us" }), /HUB_CONTACT must be an email address .* \(got "call us"\)/);
  assert.throws(() => hubOperator({ HUB_CONTACT: "javascript:alert(1)" }), /HUB_CONTACT/);
});

test("the idle times follow the bot's STATE_IDLE_MINUTES and CHAT_IDLE_MINUTES", () => {
  const o = hubOperator({ STATE_IDLE_MINUTES: "60", CHAT_IDLE_MINUTES: "10" });
  assert.equal(o.stateIdleMinutes, 60);
  assert.equal(o.chatIdleMinutes, 10);
});
