/* Runs before Material's bundle. Offline reading, for readers on slow, metered data:
   register the service worker (sw.js at the site root, generated per build), over http(s) only,
   so file:// browsing and sub-path hosting keep working. */
(function () {
  var root = new URL("..", document.currentScript.src);
  if (/^https?:$/.test(location.protocol) && "serviceWorker" in navigator) {
    addEventListener("load", function () {
      navigator.serviceWorker.register(new URL("sw.js", root)).catch(function () {});
    });
  }
})();
