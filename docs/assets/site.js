/* Runs before Material's bundle. Two jobs, both for readers on slow, metered data:
   1. Offline reading: register the service worker (sw.js at the site root, generated per build).
   2. Lazy search: Material downloads the search worker and index on every page load;
      hold both back until the reader opens search. */
(function () {
  var root = new URL("..", document.currentScript.src);
  if (/^https?:$/.test(location.protocol) && "serviceWorker" in navigator) {
    addEventListener("load", function () {
      navigator.serviceWorker.register(new URL("sw.js", root)).catch(function () {});
    });
  }

  var opened = false, waiting = [];
  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function later(run) { opened ? run() : waiting.push(run); }
  document.addEventListener("change", function (e) { if (e.target.id === "__search") open(); }, true);
  document.addEventListener("focusin", function (e) { if (e.target.closest && e.target.closest(".md-search")) open(); });
  document.addEventListener("click", function (e) { if (e.target.closest && e.target.closest("label[for=__search]")) open(); }, true);

  var xhrOpen = XMLHttpRequest.prototype.open, xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this._nqLazy = /\/search\/search_index\.json$/.test(String(url));
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr._nqLazy) return xhrSend.apply(xhr, args);
    later(function () { xhrSend.apply(xhr, args); });
  };

  var RealWorker = window.Worker;
  if (!RealWorker) return;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) return new RealWorker(url, options);
    var real = null, listeners = [];
    return {
      addEventListener: function (type, fn, o) { real ? real.addEventListener(type, fn, o) : listeners.push([type, fn, o]); },
      removeEventListener: function (type, fn, o) {
        if (real) real.removeEventListener(type, fn, o);
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
      },
      postMessage: function (message) {
        if (!real) {
          real = new RealWorker(url, options);
          listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        }
        real.postMessage(message);
      },
      terminate: function () { if (real) real.terminate(); }
    };
  };
})();
