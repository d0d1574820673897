// Offline reading (see sw.js): registers the portal's service worker and asks it to keep this
// page (it came before the worker could see it) and this language's home and «start here» pages.
// Without JavaScript or service workers, nothing changes: every page works as it is.
"use strict";

(function () {
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) {
    return;
  }
  const keep = [location.pathname].concat(script.dataset.keep.split(" ").filter(Boolean));
  navigator.serviceWorker
    .register(script.dataset.worker, { scope: script.dataset.scope })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active.postMessage({ keep: keep }))
    .catch(() => undefined);
})();
