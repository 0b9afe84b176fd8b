// /admin/config.yml for Decap CMS, generated from the content schemas at build time.
import { stringify } from "yaml";
import { cmsConfig } from "../../lib/cms-config";
import { sourceGuideIds } from "virtual:hub/model";
import { locales } from "../../lib/locales";

export function GET(): Response {
  const config = cmsConfig({
    locales: locales(),
    sourceGuideIds,
    repo: process.env["CMS_REPO"] ?? "your-organisation/safe-migration-hub",
    branch: process.env["CMS_BRANCH"] ?? "main",
    authUrl: process.env["CMS_AUTH_URL"],
    localBackendUrl: process.env["CMS_LOCAL_BACKEND"] ?? "http://localhost:8081/api/v1",
  });
  return new Response(stringify(config), { headers: { "Content-Type": "text/yaml; charset=utf-8" } });
}
