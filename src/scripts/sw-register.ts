// Shipped to the browser in kiosk builds only: installs the offline service worker (/sw.js,
// written by src/integrations/service-worker.ts) so the screen keeps working offline.
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
    // Without a worker the kiosk still works online; nothing to tell the visitor.
  });
}
