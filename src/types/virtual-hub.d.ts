// The site model's data for the pages, served by src/integrations/site-model.ts.
declare module "virtual:hub/model" {
  /** Ids of the source-language guides. */
  export const sourceGuideIds: string[];
}

declare module "virtual:hub/status" {
  /** The editors' report: the same analysis as `npm run check`. */
  export const report: import("../lib/checks/index").ContentReport;
}
