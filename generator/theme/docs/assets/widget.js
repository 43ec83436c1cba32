/* A widget (pages under nhung/) in an iframe tells the page around it how tall it is, so that
   the portal's copy of assets/embed.js can size the iframe with no scroll bar. Only the height
   is sent (nothing private), hence to any parent ("*"); the receiver checks where it came from. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = -1;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "nq57-widget-height", height: height }, "*");
  }
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.body);
  report();
})();
