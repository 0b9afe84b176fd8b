// npm run new:guide -- <id>: creates the Spanish (source) guide with every field explained.
import path from "node:path";
import { contentDir } from "../src/lib/paths";
import { sourceLocale } from "../src/lib/locales";
import { topics } from "../src/lib/schemas";
import { requireId, today, writeNew } from "./scaffold";

const id = requireId(process.argv[2], "npm run new:guide -- <id>   (for example: npm run new:guide -- safe-shelters)");

writeNew(
  path.join(contentDir(), "guides", sourceLocale, `${id}.mdx`),
  `---
# Title: short, says what the guide helps with (3 to 90 characters).
title: Escribe aquí el título
# One plain sentence that says what the reader will learn.
summary: Escribe aquí en una frase qué va a aprender quien lea esta guía.
# Who it is for: children, families or staff.
audience: children
# Topics (the first one gives the icon). Choose from: ${topics.join(", ")}
topics: [rights]
# Countries it is specific to (GT, HN, SV, MX, NI, CR, PA, BZ). Delete the line if it applies to all.
# countries: [MX]
# 3 to 10 ways people really ask about this, in this language: short, everyday words, slang.
questions:
  - primera forma de preguntar
  - segunda forma de preguntar
  - tercera forma de preguntar
# The day you last checked the whole guide (year-month-day).
lastReviewed: ${today()}
# Where the facts come from: a title and a full web address for each.
sources: []
# This is the Spanish original, so its status is "source".
translation:
  status: source
---

## Qué hacer primero

Escribe frases cortas. Empieza por la acción. Habla a la persona de "tú".

{/* No escribas números de teléfono: usa el componente Phone dentro de una frase, o ResourceList (content/README.md, "Components"). */}

<EmergencyNumbers />
`,
);
console.log("Next: write the text, then run npm run check.");
