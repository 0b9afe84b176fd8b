// Where "Exit this page" goes. A neutral, ordinary-looking page on another site (a weather
// search, as GOV.UK sends people to a weather page), so a watcher sees nothing unusual.
// Deployments choose their own with QUICK_EXIT_URL at build time; tests intercept it.
export const defaultQuickExitUrl = "https://www.google.com/search?q=clima";

export function quickExitUrl(): string {
  return process.env["QUICK_EXIT_URL"] || defaultQuickExitUrl;
}
