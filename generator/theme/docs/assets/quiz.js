/* The self-check quiz (trac-nghiem/), entirely in the browser: nothing is sent anywhere.
   The page holds every question with its answer behind <details> (readable without
   JavaScript); this script fetches the same bank as JSON (the page's #nq-quiz-bank link),
   draws `draw` questions at random and asks them one at a time, options shuffled: a fieldset of radio
   buttons, a "Trả lời" button, feedback with the explanation, the quotation and a link
   to the passage in a live region, then the score and "Làm lại" (a new draw). */
(function () {
  /* Words in the page's language: the script tag's data-nq-words (partials/script-words.html), else the Vietnamese. */
  var words = {};
  try { words = JSON.parse((document.currentScript && document.currentScript.getAttribute("data-nq-words")) || "{}"); } catch (e) { words = {}; }
  function t(key, values) {
    return (words[key] || key).replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }
  var mount = document.getElementById("nq-quiz");
  var link = document.getElementById("nq-quiz-bank");
  if (!mount || !link || !window.fetch) return;
  var all = document.getElementById("nq-quiz-all");
  var allHeading = document.getElementById("tat-ca-cau-hoi");
  var bank, drawn, index, score, answers;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  /* Element.replaceChildren is missing from older Android WebViews. */
  function replace(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    for (var i = 1; i < arguments.length; i++) node.appendChild(arguments[i]);
  }

  function showAll(show) {
    [all, allHeading].forEach(function (node) { if (node) node.hidden = !show; });
  }

  /* A fair shuffle (Fisher–Yates) with the browser's random source. */
  function draw(count, size) {
    var order = [], i, j, t, random = new Uint32Array(1);
    for (i = 0; i < size; i++) order.push(i);
    for (i = size - 1; i > 0; i--) {
      crypto.getRandomValues(random);
      j = random[0] % (i + 1);
      t = order[i]; order[i] = order[j]; order[j] = t;
    }
    return order.slice(0, count);
  }

  function start() {
    drawn = draw(Math.min(bank.draw, bank.questions.length), bank.questions.length);
    index = 0; score = 0; answers = [];
    ask();
  }

  function ask() {
    var q = bank.questions[drawn[index]];
    var legendId = "nq-q-legend";
    /* The options in a new order at every attempt: letters follow the order shown, values keep the bank's index. */
    var order = draw(q.options.length, q.options.length);
    var choices = order.map(function (original, shown) {
      var id = "nq-q-option-" + shown;
      return el("div", { "class": "nq-choice" }, [
        el("input", { type: "radio", name: "nq-answer", id: id, value: String(original) }),
        el("label", { "for": id, text: "ABCD".charAt(shown) + ". " + q.options[original] })
      ]);
    });
    var feedback = el("div", { "class": "nq-quiz__feedback", role: "status", "aria-live": "polite" });
    var submit = el("button", { type: "submit", "class": "nq-button", text: t("Trả lời") });
    var next = el("button", { type: "button", "class": "nq-button", text: index + 1 < drawn.length ? t("Câu tiếp theo") : t("Xem kết quả") });
    next.hidden = true;
    var form = el("form", { "class": "nq-quiz__form" }, [
      el("fieldset", {}, [el("legend", { id: legendId, tabindex: "-1" }, [
        el("span", { "class": "nq-quiz__progress", id: "nq-q-progress", text: t("Câu %(n)s/%(total)s.", { n: index + 1, total: drawn.length }) + " " }),
        document.createTextNode(q.question)
      ])].concat(choices)),
      submit, feedback, next
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input:checked");
      if (!chosen) {
        feedback.textContent = t("Hãy chọn một phương án trước khi bấm “Trả lời”.");
        return;
      }
      check(q, Number(chosen.value), form, feedback, order);
      submit.hidden = true;
      next.hidden = false;
      next.focus();
    });
    next.addEventListener("click", function () {
      index += 1;
      if (index < drawn.length) ask(); else finish();
    });
    replace(mount, form);
    if (index > 0) document.getElementById(legendId).focus();
  }

  function check(q, chosen, form, feedback, order) {
    var right = chosen === q.answer;
    if (right) score += 1;
    answers.push({ q: q, right: right });
    form.querySelectorAll("input").forEach(function (input) {
      input.disabled = true;
      var value = Number(input.value), box = input.parentNode;
      if (value === q.answer) {
        box.classList.add("nq-choice--answer");
        box.lastChild.appendChild(el("span", { "class": "nq-mark", text: " — " + t("đáp án đúng") }));
      } else if (value === chosen) {
        box.classList.add("nq-choice--wrong");
        box.lastChild.appendChild(el("span", { "class": "nq-mark", text: " — " + t("phương án đã chọn") }));
      }
    });
    var answer = "ABCD".charAt(order.indexOf(q.answer)) + ". " + q.options[q.answer];
    feedback.className = "nq-quiz__feedback " + (right ? "nq-quiz__feedback--right" : "nq-quiz__feedback--wrong");
    replace(feedback,
      el("p", { "class": "nq-quiz__verdict", text: right ? t("✓ Đúng.") : t("✗ Chưa đúng. Đáp án đúng: %(answer)s", { answer: answer }) }),
      el("p", { text: q.explanation }),
      el("blockquote", {}, [el("p", { text: "“" + q.quote + "”" })]),
      el("p", {}, [el("a", { href: q.passage.url, text: t("Đoạn văn bản:") + " " + q.passage.title })])
    );
  }

  function finish() {
    var heading = el("h2", { id: "nq-quiz-result", tabindex: "-1", text: t("Kết quả: đúng %(score)s/%(total)s câu", { score: score, total: drawn.length }) });
    var list = el("ol", { "class": "nq-quiz__review" }, answers.map(function (a) {
      return el("li", {}, [
        document.createTextNode((a.right ? t("✓ Đúng:") : t("✗ Chưa đúng:")) + " "),
        el("a", { href: "#" + a.q.id, text: a.q.question })
      ]);
    }));
    list.addEventListener("click", function () { showAll(true); });
    var again = el("button", { type: "button", "class": "nq-button", text: t("Làm lại") });
    again.addEventListener("click", function () { showAll(false); start(); document.getElementById("nq-q-legend").focus(); });
    var reveal = el("button", { type: "button", "class": "nq-button nq-button--plain", text: t("Xem tất cả câu hỏi và đáp án") });
    reveal.addEventListener("click", function () { showAll(true); if (allHeading) allHeading.scrollIntoView(); });
    replace(mount, el("section", { "class": "nq-quiz__result", "aria-labelledby": "nq-quiz-result" }, [
      heading,
      el("p", { role: "status", text: t("Bạn trả lời đúng %(score)s trên %(total)s câu.", { score: score, total: drawn.length }) }),
      list, again, reveal
    ]));
    heading.focus();
  }

  fetch(link.href, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (data) {
    bank = data;
    showAll(false);
    start();
  }).catch(function () {
    replace(mount, el("p", { "class": "nq-quiz__error", text: t("Không tải được bộ câu hỏi. Các câu hỏi và đáp án vẫn có ở dưới.") }));
  });
})();
