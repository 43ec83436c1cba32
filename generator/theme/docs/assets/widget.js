/* A widget (pages under nhung/) in an iframe tells the page around it how tall it is, so that
   the portal's copy of assets/embed.js can size the iframe with no scroll bar. Only the height
   is sent (nothing private), hence to any parent ("*"); the receiver checks where it came from.
   The portal's script may start after this widget has reported (it comes later in the page, or
   "defer"): it then asks every widget to report again, and the widget answers its parent only. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = -1;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "nq-widget-height", height: height }, "*");
  }
  window.addEventListener("load", report);
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || !event.data || event.data.type !== "nq-widget-ask") return;
    last = -1;
    report();
  });
  window.addEventListener("resize", report);
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.body);
  report();
})();
