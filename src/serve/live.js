// torg serve only: reload this page when the site was rebuilt, or when a rebuild failed (the
// server then adds the error overlay to the page). Never part of `torg build` output.
(function () {
  if (!window.EventSource) return;
  var events = new EventSource("/__torg/events");
  function reload() { location.reload(); }
  events.addEventListener("reload", reload);
  events.addEventListener("problems", reload);
})();
