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

/* 4. Sharing (overrides/partials/share.html, indicator cards): the phone's own share sheet
   when the browser has one (navigator.share: this is how a reader reaches Zalo), and a copy
   button. Without JavaScript the Facebook link, the address as text and the cards' "Chia sẻ"
   links (to the indicator's own page) still work. */
(function () {
  /* Words in the page's language: the script tag's data-nq-words (partials/script-words.html), else the Vietnamese. */
  var words = {};
  try { words = JSON.parse((document.currentScript && document.currentScript.getAttribute("data-nq-words")) || "{}"); } catch (e) { words = {}; }
  function t(key, values) {
    return (words[key] || key).replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }
  function status(button, text) {
    var box = button.closest(".nq-share");
    var done = box && box.querySelector(".nq-share__done");
    if (done) done.textContent = text;
  }
  if (navigator.share) {
    document.querySelectorAll("[data-nq-share]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({ title: button.getAttribute("data-nq-title"), url: button.getAttribute("data-nq-share") })
          .catch(function () {});
      });
    });
    document.querySelectorAll("a.nq-share-sheet").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var card = link.closest(".nq-card");
        var title = card && card.querySelector(".nq-card__title");
        navigator.share({ title: title ? title.textContent.trim() : document.title, url: link.href }).catch(function () {});
      });
    });
  }
  if (navigator.clipboard && window.isSecureContext) {
    document.querySelectorAll("[data-nq-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-nq-copy")).then(
          function () { status(button, t("Đã sao chép.")); },
          function () { status(button, t("Không sao chép được: hãy chọn địa chỉ ở trên.")); });
      });
    });
  }
})();
