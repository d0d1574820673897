// torg's service worker: a reader who opened the portal once can read, without a connection, the
// pages they visited and the home and «start here» pages of their language (offline.js asks for
// those). Pages come from the network whenever there is one, so nothing is shown out of date while
// online; the copy is only for when the network fails. The search index is not kept: it is large,
// and the search page lists every service without it.
"use strict";

const CACHE = "torg-pages";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// offline.js: { keep: [addresses] } — the pages to have ready before the reader opens them.
self.addEventListener("message", (event) => {
  const keep = Array.isArray(event.data && event.data.keep) ? event.data.keep : [];
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(keep.map((address) => cache.add(address).catch(() => undefined)))
    )
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.includes("/pagefind/")) {
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: request.mode === "navigate" }).then((kept) => kept || Response.error())
      )
  );
});
