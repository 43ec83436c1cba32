/* Presenter view (trinh-chieu/): the page holds every slide in sequence (readable without
   JavaScript, and in print); this script shows one at a time, full window, large type.
   Next: →, ↓, PageDown (a presenter's clicker), Space, a tap on the right two thirds, a swipe left, the "Sau" button.
   Back: ←, ↑, PageUp, a tap on the left third, a swipe right, "Trước"; "Thoát" or Escape shows every slide in sequence. Home/End: first/last.
   The slide number is kept in the address (#slide-3) so a reload stays on it. */
(function () {
  /* Words in the page's language: the script tag's data-nq-words (partials/script-words.html), else the Vietnamese. */
  var words = {};
  try { words = JSON.parse((document.currentScript && document.currentScript.getAttribute("data-nq-words")) || "{}"); } catch (e) { words = {}; }
  function t(key, values) {
    return (words[key] || key).replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }
  var deck = document.getElementById("nq-deck");
  if (!deck) return;
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".nq-slide"));
  if (!slides.length) return;
  var current = 0;

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "nq-button";
    b.textContent = text;
    b.addEventListener("click", function (event) { event.stopPropagation(); onClick(); });
    return b;
  }

  var position = document.createElement("p");
  position.className = "nq-deck__position";
  position.setAttribute("aria-live", "polite");
  var controls = document.createElement("div");
  controls.className = "nq-deck__controls";
  var previous = button(t("‹ Trước"), function () { show(current - 1); });
  var next = button(t("Sau ›"), function () { show(current + 1); });
  var exit = button(t("Thoát"), stop);
  [previous, position, next, exit].forEach(function (node) { controls.appendChild(node); });

  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) { slide.hidden = i !== current; });
    position.textContent = (current + 1) + "/" + slides.length;
    previous.disabled = current === 0;
    next.disabled = current === slides.length - 1;
    if (history.replaceState) history.replaceState(null, "", "#slide-" + (current + 1));
  }

  function stop() {
    deck.classList.remove("nq-deck--on");
    slides.forEach(function (slide) { slide.hidden = false; });
    controls.remove();
    document.removeEventListener("keydown", onKey);
    if (history.replaceState) history.replaceState(null, "", location.pathname + location.search);
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && /^(BUTTON|A|INPUT)$/.test(target.tagName) && (event.key === " " || event.key === "Enter")) return;
    var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
    if (event.key in moves) { show(current + moves[event.key]); event.preventDefault(); }
    else if (event.key === "Home") { show(0); event.preventDefault(); }
    else if (event.key === "End") { show(slides.length - 1); event.preventDefault(); }
    else if (event.key === "Escape") stop();
  }

  /* Taps and swipes on the slide itself; links inside a slide keep working. */
  var startX = null, startY = null;
  deck.addEventListener("touchstart", function (event) {
    startX = event.touches[0].clientX; startY = event.touches[0].clientY;
  }, { passive: true });
  deck.addEventListener("touchend", function (event) {
    if (startX === null) return;
    var dx = event.changedTouches[0].clientX - startX, dy = event.changedTouches[0].clientY - startY;
    startX = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) { show(current + (dx < 0 ? 1 : -1)); event.preventDefault(); }
  });
  deck.addEventListener("click", function (event) {
    if (!deck.classList.contains("nq-deck--on") || event.target.closest("a, button")) return;
    if (window.getSelection && String(window.getSelection())) return;
    show(current + (event.clientX < window.innerWidth / 3 ? -1 : 1));
  });

  var match = /^#slide-(\d+)$/.exec(location.hash);
  deck.classList.add("nq-deck--on");
  deck.appendChild(controls);
  document.addEventListener("keydown", onKey);
  show(match ? Number(match[1]) - 1 : 0);
})();
