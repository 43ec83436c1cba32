/* The search page: Pagefind's search box, in Vietnamese (Pagefind picks the
   strings from <html lang="vi">). Its stylesheet is added here, not in <head>,
   so it never blocks the first paint. ?q=… fills the box, so a search can be
   shared as a link. Results link to the page with ?highlight=…, which marks the
   words found there (see overrides/main.html).
   The index holds đ as d + U+0335, a mark Pagefind folds like a tone, so "dang"
   finds "đảng" (generator/search.py). A typed đ becomes d, and what is shown
   gets its đ back. */
(function () {
  /* Words in the page's language: the script tag's data-nq-words (partials/script-words.html), else the Vietnamese. */
  var words = {};
  try { words = JSON.parse((document.currentScript && document.currentScript.getAttribute("data-nq-words")) || "{}"); } catch (e) { words = {}; }
  function t(key, values) {
    return (words[key] || key).replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }
  var box = document.getElementById("nq-search");
  if (!box || !window.PagefindUI) return;
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = box.getAttribute("data-css");
  document.head.appendChild(css);
  var stroked = /([dD])\u0335/g;
  function unstroke(text) {
    return text && text.replace(stroked, function (_, d) { return d === "d" ? "đ" : "Đ"; });
  }
  var ui = new PagefindUI({
    element: box,
    autofocus: true,
    showImages: false,
    showSubResults: true,
    highlightParam: "highlight",
    translations: { search_label: t("Tìm kiếm trong trang web") },
    processTerm: function (term) { return term.replace(/đ/g, "d").replace(/Đ/g, "D"); },
    processResult: function (result) {
      result.excerpt = unstroke(result.excerpt);
      result.meta.title = unstroke(result.meta.title);
      (result.sub_results || []).forEach(function (sub) {
        sub.title = unstroke(sub.title);
        sub.excerpt = unstroke(sub.excerpt);
      });
      return result;
    }
  });
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-label", t("Tìm kiếm trong trang web"));
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
