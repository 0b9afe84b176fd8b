// The site model: content/ read and validated once per process and content source, and what
// the build derives from it: the problems (with file:line), the routes, and the knowledge base.
// The build's integrations take it from here (src/integrations/site-model.ts), and so do the
// pages, through the virtual modules that integration serves; `npm run check` too. Astro's
// collections still read the MDX bodies, to render them.
import { assertNoErrors, loadContent, type LoadedContent, type Problem } from "./content-files";
import { buildKnowledgeBase, type KnowledgeBase } from "./kb";
import { siteRoutes, type Route } from "./site-routes";
import type { ModelCache } from "./triage-model";
import type { ContentSource } from "./build-config";

export interface SiteModel {
  source: ContentSource;
  content: LoadedContent;
  /** Every error and warning found while loading, with its file and line. */
  problems: Problem[];
  /** Every page this build makes, with the locale of the text it shows. */
  routes: Route[];
  /** The bot's knowledge base, built on first use from the same loaded content. */
  knowledgeBase(modelCache?: ModelCache): KnowledgeBase;
}

const models = new Map<string, SiteModel>();
const loads = new Map<string, number>();
const keyOf = (s: ContentSource) => `${s.contentDir}|${s.extraLocalesDir ?? ""}|${s.demo}`;

/** The model of a content source: loaded on the first call, the same object after (until forgotten). */
export function siteModel(source: ContentSource): SiteModel {
  const key = keyOf(source);
  const known = models.get(key);
  if (known) return known;
  const { content, problems } = loadContent(source.contentDir);
  loads.set(key, (loads.get(key) ?? 0) + 1);
  let kb: KnowledgeBase | undefined;
  const model: SiteModel = {
    source,
    content,
    problems,
    routes: siteRoutes(content, { demo: source.demo }),
    knowledgeBase(modelCache) {
      assertNoErrors(problems);
      kb ??= buildKnowledgeBase(content, content.lexicon, new Date(), modelCache);
      return kb;
    },
  };
  models.set(key, model);
  return model;
}

/** Drop a source's model, so the next call reads content/ again (the dev server, after an edit). */
export function forgetSiteModel(source: ContentSource): void {
  models.delete(keyOf(source));
}

/** How many times this process has read a content source: a build reads it once. */
export function contentLoads(source: ContentSource): number {
  return loads.get(keyOf(source)) ?? 0;
}
