/* The progress page (ket-qua-thuc-hien/): find an organisation by typing its name without tone marks.
   Loaded only on pages whose front matter sets `org_filter: true` (overrides/main.html). Without JavaScript
   the page shows every organisation and there is no box: the box is made here, never in the page. The
   folding is the generator's own (generator/text.py fold): tone marks dropped, đ → d, lower case. */
(function () {
  /* Words in the page's language: the script tag's data-nq-words (partials/script-words.html), else the Vietnamese. */
  var words = {};
  try { words = JSON.parse((document.currentScript && document.currentScript.getAttribute("data-nq-words")) || "{}"); } catch (e) { words = {}; }
  function t(key, values) {
    return (words[key] || key).replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }
  var list = document.querySelector(".nq-orgs");
  if (!list) return;
  var rows = Array.prototype.slice.call(list.querySelectorAll(".nq-org"));
  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  var keys = rows.map(function (row) {
    var name = row.querySelector(".nq-org__name");
    return fold(name ? name.textContent : row.textContent);
  });
  var box = document.createElement("div");
  box.className = "nq-filter";
  var label = document.createElement("label");
  label.htmlFor = "nq-org-filter";
  label.textContent = t("Tìm tổ chức (gõ tên, có dấu hay không dấu đều được)");
  var input = document.createElement("input");
  input.type = "search";
  input.id = "nq-org-filter";
  input.autocomplete = "off";
  input.spellcheck = false;
  var status = document.createElement("p");
  status.className = "nq-filter__status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  box.appendChild(label);
  box.appendChild(input);
  box.appendChild(status);
  list.parentNode.insertBefore(box, list);
  function apply() {
    var query = fold(input.value);
    var shown = 0;
    rows.forEach(function (row, index) {
      var match = !query || keys[index].indexOf(query) !== -1;
      row.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = query ? t("%(shown)s/%(total)s tổ chức khớp với “%(query)s”", { shown: shown, total: rows.length, query: input.value.trim() }) : "";
  }
  input.addEventListener("input", apply);
})();
