/* Runs before Material's bundle, on every page; an external file, because the site's
   Content-Security-Policy allows no inline script (generator/publish/csp.py).
   1. Material's storage helpers (__md_scope, __md_get, __md_set), which Material's
      base.html would define inline in <head> (see overrides/partials/javascripts/base.html).
   2. Offline reading, for readers on slow, metered data: register the service worker
      (sw.js at the site root, generated per build), over http(s) only, so file://
      browsing and sub-path hosting keep working.
   3. Opened from a search result (?highlight=…): mark the words found on the page.
      Pagefind's highlighter loads only then, never on an ordinary page view; its own
      <style> element would break the policy, so site.css styles the marks.
   4. A link to one question of the Q&A (hoi-dap/#id) opens that question's <details>;
      without JavaScript the question is still there, closed, and opens with a tap.
      Printing opens every question. */
(function (script) {
  var root = new URL("..", script.src);
  var scope = script.getAttribute("data-md-scope");
  /* Material's code (partials/javascripts/base.html), unchanged but for where it runs. */
  window.__md_scope = scope ? new URL(scope, location) : root;
  window.__md_hash = e => [...e].reduce(((e, _) => (e << 5) - e + _.charCodeAt(0)), 0);
  window.__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
  window.__md_set = (e, _, t = localStorage, a = __md_scope) => { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {} };

  if (/^https?:$/.test(location.protocol) && "serviceWorker" in navigator) {
    addEventListener("load", function () {
      navigator.serviceWorker.register(new URL("sw.js", root)).catch(function () {});
    });
  }
  if (/[?&]highlight=/.test(location.search)) {
    var highlighter = document.createElement("script");
    highlighter.type = "module";
    highlighter.src = new URL("pagefind/pagefind-highlight.js", root).href;
    highlighter.onload = function () { new PagefindHighlight({ highlightParam: "highlight", addStyles: false }); };
    document.body.appendChild(highlighter);
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  addEventListener("hashchange", openTarget);
  addEventListener("DOMContentLoaded", openTarget);
  /* A printed Q&A shows every answer. */
  addEventListener("beforeprint", function () {
    document.querySelectorAll("details.nq-qa").forEach(function (d) { d.open = true; });
  });
})(document.currentScript);
