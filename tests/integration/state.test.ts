// Conversation state: forgotten after the idle time, erased on request and when a web chat
// closes, and kept in an optional persistent store without any message text.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { ChatClient, pause, startHub } from "./hub";

describe("conversation state", () => {
  test("a conversation idle longer than the expiry starts afresh", async () => {
    const hub = await startHub({ STATE_IDLE_MINUTES: "0.04" }); // 2.4 s
    try {
      const chat = await ChatClient.open(hub, { locale: "es" });
      assert.equal((await chat.ask("français")).locale, "fr");
      assert.equal((await chat.ask("merci")).locale, "fr", "remembered while active");
      await pause(4000);
      assert.equal((await chat.ask("ok")).locale, "es", "forgotten after the idle time");
      chat.close();
    } finally {
      await hub.stop("SIGKILL");
    }
  });

  test("an optional persistent store holds only the engine's state, and erase and closing delete it", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hub-store-")), "state.json");
    const hub = await startHub({ HUB_STATE_STORE: "tests/integration/fixtures/json-file-store.ts", TEST_STORE_FILE: file });
    const stored = () => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "{}");
    try {
      const chat = await ChatClient.open(hub, { locale: "es" });
      const { conversation } = await chat.next("hello");
      assert.equal((await chat.ask("français, je voyage seul")).locale, "fr");
      await pause(200); // Botkit saves the state right after the reply is sent
      const saved = stored();
      assert.match(saved, /"locale": "fr"/, "the state was written to the store");
      assert.ok(!saved.includes("voyage"), "no message text in the store");
      assert.ok(saved.includes(conversation ?? "-"), "keyed by the server-issued id");

      await chat.ask("borrar");
      await pause(200);
      assert.ok(!stored().includes('"fr"'), "erase removed the state");

      await chat.ask("français");
      await pause(200);
      assert.ok(stored().includes(conversation ?? "-"));
      chat.close();
      await pause(300);
      assert.ok(!stored().includes(conversation ?? "-"), "a closed web chat is forgotten at once");
    } finally {
      await hub.stop("SIGKILL");
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
