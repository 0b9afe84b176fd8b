// npm run bot:chat: talk to the bot in the terminal, to try content as you write it.
// Reads content/ directly (or --kb dist/kb.json). Type /state to see what the bot remembers,
// /quit to leave.
import readline from "node:readline";
import { createEngine } from "../engine/index";
import type { ConversationState } from "../engine/types";
import { knowledgeBaseFromArgs } from "./kb-source";

const kb = knowledgeBaseFromArgs(process.argv.slice(2));
const engine = createEngine(kb);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: "\n> " });
let state: ConversationState | undefined;
console.log(`Knowledge base: ${kb.guides.length} guides in ${new Set(kb.guides.map((g) => g.locale)).size} languages. /state, /quit.`);
rl.prompt();
// Line by line (not rl.question), so text piped in from a file is answered too.
for await (const text of rl) {
  if (text.trim() === "/quit") break;
  if (text.trim() === "/state") {
    console.log(JSON.stringify(state ?? {}));
    rl.prompt();
    continue;
  }
  const r = engine.reply(state, { text });
  state = r.erased ? undefined : r.state;
  console.log(`\n${r.text}`);
  if (r.quickReplies.length) console.log(`\n[${r.quickReplies.map((q) => `${q.label} → ${q.text}`).join("] [")}]`);
  console.log(`\n(${r.locale}${r.emergency ? ", EMERGENCY" : ""}; guides: ${r.guides.join(", ") || "none"})`);
  rl.prompt();
}
rl.close();
