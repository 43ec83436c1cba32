"""The study tools in Chromium: the quiz is completed with a score (by mouse and by keyboard alone), it reads
without JavaScript, and the slides advance by keyboard, click and tap, and open offline once visited."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import PHONE

QUIZ, SLIDES = "trac-nghiem/", "trinh-chieu/"


def _bank(built_site: Path) -> dict:
    return json.loads((built_site / "trac-nghiem" / "cau-hoi.json").read_text(encoding="utf-8"))


def _answer_of(bank: dict, legend: str) -> int:
    """The bank's answer for the question shown (the legend holds the question's text)."""
    return next(q["answer"] for q in bank["questions"] if legend.endswith(q["question"]))


def test_quiz_completed_by_choosing_answers_shows_the_score(phone, site_url: str, built_site: Path) -> None:
    bank = _bank(built_site)
    requests: list[str] = []
    phone.on("request", lambda request: requests.append(request.url))
    phone.goto(site_url + QUIZ)
    legend = phone.locator("#nq-quiz legend")
    legend.wait_for()
    assert not phone.locator("#nq-quiz-all").is_visible()  # the answers are not on screen while asking
    right = 0
    for number in range(bank["draw"]):
        text = " ".join(legend.inner_text().split())
        assert text.startswith(f"Câu {number + 1}/{bank['draw']}."), text
        answer = _answer_of(bank, text)
        choice = answer if number % 2 == 0 else (answer + 1) % 3  # every other answer wrong
        right += choice == answer
        phone.locator(f"#nq-quiz input[value='{choice}'] + label").click()  # options are shuffled: find by value
        phone.get_by_role("button", name="Trả lời").click()
        feedback = phone.locator("#nq-quiz [role=status]")
        assert ("✓ Đúng." if choice == answer else "✗ Chưa đúng.") in feedback.inner_text()
        link = feedback.locator("a")
        assert link.count() == 1 and link.get_attribute("href").startswith("../")
        phone.locator("#nq-quiz button:visible").last.click()
    result = phone.locator("#nq-quiz-result")
    assert result.inner_text() == f"Kết quả: đúng {right}/{bank['draw']} câu"
    assert all(url.startswith(site_url) for url in requests), [u for u in requests if not u.startswith(site_url)]
    # Làm lại: a new draw, from question 1.
    phone.get_by_role("button", name="Làm lại").click()
    assert " ".join(legend.inner_text().split()).startswith(f"Câu 1/{bank['draw']}.")


def test_quiz_by_keyboard_alone(phone, site_url: str, built_site: Path) -> None:
    bank = _bank(built_site)
    phone.goto(site_url + QUIZ)
    phone.locator("#nq-quiz legend").wait_for()
    phone.locator("#nq-quiz input[type=radio]").first.focus()
    for number in range(bank["draw"]):
        answer = _answer_of(bank, " ".join(phone.locator("#nq-quiz legend").inner_text().split()))
        shown = phone.evaluate(f"[...document.querySelectorAll('#nq-quiz input')].findIndex(i => i.value === '{answer}')")
        for _ in range(shown):
            phone.keyboard.press("ArrowDown")  # a radio group moves and checks with the arrow keys
        phone.keyboard.press("Space")
        phone.keyboard.press("Tab")  # to "Trả lời"
        phone.keyboard.press("Enter")
        assert phone.evaluate("document.activeElement.textContent") in ("Câu tiếp theo", "Xem kết quả")
        phone.keyboard.press("Enter")
        if number + 1 < bank["draw"]:
            assert phone.evaluate("document.activeElement.tagName") == "LEGEND"
            phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.id") == "nq-quiz-result"
    assert phone.locator("#nq-quiz-result").inner_text() == f"Kết quả: đúng {bank['draw']}/{bank['draw']} câu"


def test_quiz_shuffles_options_at_each_attempt_and_names_the_letter_shown(phone, site_url: str, built_site: Path) -> None:
    bank = _bank(built_site)
    shuffled = 0
    for _ in range(8):
        phone.goto(site_url + QUIZ)
        legend = phone.locator("#nq-quiz legend")
        legend.wait_for()
        values = phone.evaluate("[...document.querySelectorAll('#nq-quiz input')].map(i => i.value).join(',')")
        labels = phone.locator("#nq-quiz label").all_inner_texts()
        assert [label[:2] for label in labels] == [f"{letter}." for letter in "ABCD"[:len(labels)]]
        shuffled += values.split(",") != sorted(values.split(","))
    assert shuffled, "the options come in the bank's order on every attempt"  # (1/6)^8 by chance
    answer = _answer_of(bank, " ".join(legend.inner_text().split()))
    shown = values.split(",").index(str(answer))
    wrong = next(v for v in values.split(",") if v != str(answer))
    phone.locator(f"#nq-quiz input[value='{wrong}'] + label").click()
    phone.get_by_role("button", name="Trả lời").click()
    assert f"Đáp án đúng: {'ABCD'[shown]}." in phone.locator("#nq-quiz [role=status]").inner_text()


def test_quiz_without_javascript_lists_every_question_with_answers_on_demand(browser, site_url: str, built_site: Path) -> None:
    bank = _bank(built_site)
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site_url + QUIZ)
        details = page.locator("#nq-quiz-all details")
        assert details.count() == len(bank["questions"])
        first = bank["questions"][0]
        assert not page.get_by_text(first["explanation"]).is_visible()
        details.first.locator("summary").click()
        assert page.get_by_text(first["explanation"]).is_visible()
        answer = "ABCD"[first["answer"]] + ". " + first["options"][first["answer"]]
        assert f"Đáp án: {answer}" in " ".join(details.first.inner_text().split())
    finally:
        context.close()


def _slide(page) -> str:
    return page.evaluate("[...document.querySelectorAll('.nq-slide')].findIndex(s => !s.hidden)")


def test_slides_advance_by_keyboard_and_click(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site_url + SLIDES)
        count = page.locator(".nq-slide").count()
        assert count >= 8 and _slide(page) == 0
        assert page.locator(".nq-slide:visible").count() == 1
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert _slide(page) == 2
        page.keyboard.press("ArrowLeft")
        assert _slide(page) == 1
        page.mouse.click(1100, 360)  # right of the screen: next
        assert _slide(page) == 2
        page.mouse.click(100, 360)  # left third: back
        assert _slide(page) == 1
        page.get_by_role("button", name="Sau ›").click()
        assert _slide(page) == 2
        page.keyboard.press("End")
        assert _slide(page) == count - 1
        assert page.locator(".nq-deck__position").inner_text() == f"{count}/{count}"
    finally:
        context.close()


def test_slides_advance_by_tap_and_swipe_on_a_phone(phone, site_url: str) -> None:
    phone.goto(site_url + SLIDES)
    assert _slide(phone) == 0
    phone.touchscreen.tap(300, 300)
    assert _slide(phone) == 1
    phone.evaluate("""() => {
      const deck = document.getElementById('nq-deck');
      const touch = x => new Touch({identifier: 1, target: deck, clientX: x, clientY: 300});
      deck.dispatchEvent(new TouchEvent('touchstart', {touches: [touch(300)], bubbles: true}));
      deck.dispatchEvent(new TouchEvent('touchend', {changedTouches: [touch(80)], bubbles: true, cancelable: true}));
    }""")
    assert _slide(phone) == 2


def test_slides_without_javascript_read_in_sequence(browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site_url + SLIDES)
        slides = page.locator(".nq-slide")
        assert slides.count() >= 8
        assert all(slides.nth(i).is_visible() for i in range(slides.count()))
    finally:
        context.close()


def test_slides_open_offline_after_one_visit_elsewhere(browser, site_url: str) -> None:
    """The slide page is pre-cached with what it loads (registry ``offline``): a secretary who opened the site once
    can present with no signal."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site_url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_timeout(500)
        context.set_offline(True)
        page.goto(site_url + SLIDES)
        assert page.locator(".nq-slide").count() >= 8
        page.keyboard.press("ArrowRight")
        assert _slide(page) == 1  # slides.js came from the cache too
    finally:
        context.close()
