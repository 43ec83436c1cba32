/* The site's widgets on a portal page: include once, after the iframes or with "defer".
     <iframe src="https://…/nhung/chi-tieu/" title="…" data-nq-widget width="100%" height="360"></iframe>
     <script src="https://…/assets/embed.js" defer></script>
   Each widget posts {type: "nq-widget-height", height} (assets/widget.js). A message is used
   only when it comes from the window of one of these iframes AND from that iframe's own origin:
   another frame or site cannot resize anything. The height is set as the iframe's attribute.
   A widget may have reported before this script started: each iframe is asked to report again
   now and whenever it loads, the question sent to that iframe's own origin only.
   Snippets written in 0.2.0 and earlier mark their iframes data-nq57-widget: still sized (FRAMES). */
(function () {
  "use strict";
  var MIN = 80, MAX = 5000;
  var FRAMES = "iframe[data-nq-widget], iframe[data-nq57-widget]";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "nq-widget-height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll(FRAMES);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, document.baseURI).origin !== event.origin) return;
      var height = Math.max(MIN, Math.min(MAX, Math.ceil(data.height)));
      frame.setAttribute("height", String(height));
      return;
    }
  });
  function ask(frame) {
    try {
      var origin = new URL(frame.src, document.baseURI).origin;
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: "nq-widget-ask" }, origin);
    } catch (error) { /* an iframe without a usable address: nothing to ask */ }
  }
  var frames = document.querySelectorAll(FRAMES);
  for (var i = 0; i < frames.length; i++) {
    ask(frames[i]);
    frames[i].addEventListener("load", ask.bind(null, frames[i]));
  }
})();
