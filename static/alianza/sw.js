// Alianza's service worker: a member's home and her alerts stay readable when the
// network drops. Only those two pages are kept, only as she last saw them, and the
// page script deletes them when nobody is signed in (see app.js).
const CACHE = "alianza-member-v1";
const KEPT = ["/", "/alerts/"];

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.mode !== "navigate") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !KEPT.includes(url.pathname) || url.search) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        // A redirect (to sign in) or an error is never kept.
        if (response.ok && !response.redirected) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.pathname, copy)));
        }
        return response;
      })
      .catch(() => caches.match(url.pathname).then((kept) => kept || Response.error())),
  );
});
