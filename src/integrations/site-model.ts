// Loads the site model once per build (src/lib/model.ts), fails the build before any page
// renders when content/ has a mistake (messages name the file, the line, the field and the fix),
// and hands the model's data to the pages as virtual modules, the way Starlight hands its
// config to its pages: Astro bundles the pages apart from this config, so a page importing
// src/lib/model.ts would get a second copy of it and read content/ again.
//   virtual:hub/model   the source guides' ids (for the CMS config)
//   virtual:hub/status  the editors' report (npm run check's analysis) for /status/
import path from "node:path";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import { assertNoErrors } from "../lib/content-files";
import { contentLoads, forgetSiteModel, siteModel } from "../lib/model";
import { checkModel } from "../lib/checks/index";
import { sourceLocale } from "../lib/locales";
import type { ContentSource } from "../lib/build-config";

const modules: Record<string, (source: ContentSource) => Record<string, unknown>> = {
  "virtual:hub/model": (source) => {
    const model = siteModel(source);
    return { sourceGuideIds: model.content.guides.filter((g) => g.locale === sourceLocale).map((g) => g.id) };
  },
  "virtual:hub/status": (source) => ({ report: checkModel(siteModel(source)) }),
};
const resolved = (id: string) => `\0${id}`;

function modelPlugin(source: ContentSource): Plugin {
  return {
    name: "hub:site-model",
    resolveId: (id) => (id in modules ? resolved(id) : undefined),
    load(id) {
      const name = Object.keys(modules).find((m) => resolved(m) === id);
      if (!name) return undefined;
      const data = modules[name]?.(source) ?? {};
      return Object.entries(data).map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`).join("\n");
    },
    configureServer(server) {
      // An edit under content/ while `astro dev` runs: read it again, and rebuild the pages that use it.
      server.watcher.on("all", (_event, file) => {
        if (!path.resolve(file).startsWith(source.contentDir + path.sep)) return;
        forgetSiteModel(source);
        for (const env of Object.values(server.environments))
          for (const name of Object.keys(modules)) {
            const mod = env.moduleGraph.getModuleById(resolved(name));
            if (mod) env.moduleGraph.invalidateModule(mod);
          }
      });
    },
  };
}

export function siteModelIntegration(source: ContentSource): AstroIntegration {
  return {
    name: "hub:site-model",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        if (command === "build" || command === "dev") assertNoErrors(siteModel(source).problems);
        updateConfig({ vite: { plugins: [modelPlugin(source)] } });
      },
      "astro:build:done": ({ logger }) => {
        logger.info(`content read ${contentLoads(source)} time(s) for this build (Astro's collections apart)`);
      },
    },
  };
}
