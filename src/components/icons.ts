// Line icons (24x24, stroke) drawn inline so nothing loads from elsewhere. One per guide
// topic (the first topic of a guide gives its tile icon), plus a few for the page chrome.
// Each tile icon shows the thing itself, so a reader who cannot read the title still finds
// the tile: a house left behind, a warning on a phone, a rainbow, a baby bottle.
import type { Topic } from "../lib/schemas";

export const topicIcons: Record<Topic, string> = {
  emergency: "M12 3 2 21h20L12 3z M12 10v5 M12 18h.01",
  rights: "M12 2 4 5v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V5l-8-3z",
  planning: "M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2z M9 4v14 M15 6v14",
  "route-risks": "M8 2h8l6 6v8l-6 6H8l-6-6V8l6-6z M12 8v5 M12 16h.01",
  trafficking: "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1 M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
  // A house, and an arrow leaving it: threatened, recruited or forced out of home.
  gangs: "M3 11 10 4l7 7 M5 9v11h6 M14 16h8 M19 13l3 3-3 3",
  // A phone with a warning sign: a call that threatens or demands money.
  extortion: "M7 2h10v20H7z M12 7v6 M12 17h.01",
  // A phone with a padlock: safe on social media and messages.
  "online-safety": "M6 2h12v20H6z M9 13h6v5H9z M10 13v-2a2 2 0 0 1 4 0v2",
  "travelling-alone": "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21a8 8 0 0 1 16 0",
  asylum: "M3 11 12 3l9 8 M5 10v10h14V10 M10 20v-6h4v6",
  authorities: "M3 5h18v14H3z M7 10h4 M7 14h6 M15 9h3v4h-3z",
  "family-contact": "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M2 20a7 7 0 0 1 14 0 M16 5a3 3 0 0 1 0 6 M18 14a6 6 0 0 1 4 6",
  // A magnifying glass around a person: searching for someone who disappeared.
  "missing-persons": "M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14z M15 15l6 6 M10 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z M7 14a3 3 0 0 1 6 0",
  consulate: "M3 21h18 M4 10h16 M12 3 3 8h18l-9-5z M6 10v8 M10 10v8 M14 10v8 M18 10v8",
  return: "M9 14 4 9l5-5 M4 9h11a5 5 0 0 1 0 10h-4",
  health: "M12 21s-8-5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10c0 6-8 11-8 11z",
  // A baby bottle: a baby born on the way.
  birth: "M10 2h4 M9 5h6 M9 5a2 2 0 0 0-2 2v12a3 3 0 0 0 3 3h4a3 3 0 0 0 3-3V7a2 2 0 0 0-2-2 M7 11h10 M7 15h10",
  gender: "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.5 2.9 1-6.1L3.2 9.5l6.1-.9L12 3z",
  // A rainbow: lesbian, gay, bisexual, trans and intersex people.
  lgbti: "M2 18a10 10 0 0 1 20 0 M5 18a7 7 0 0 1 14 0 M8 18a4 4 0 0 1 8 0",
  discrimination: "M12 3v18 M7 21h10 M5 7h14 M5 7l-3 7a3 3 0 0 0 6 0L5 7z M19 7l-3 7a3 3 0 0 0 6 0l-3-7z",
  school: "M2 5h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H2z M22 5h-7a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h8z",
  documents: "M14 2H6v20h12V6l-4-4z M14 2v4h4 M8 13h8 M8 17h8",
  staff: "M3 7h18v13H3z M8 7V4h8v3 M3 12h18",
};

export const uiIcons = {
  phone:
    "M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z",
  globe: "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z M2 12h20 M12 2a15 15 0 0 1 0 20 M12 2a15 15 0 0 0 0 20",
  exit: "M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4 M16 17l5-5-5-5 M21 12H9",
} as const;
