"""The quotation rule (``content/quotation.stands_in``), the one check every quotation of the plan goes through."""

from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from generator.content.document import DocumentText
from generator.content.models import require_quoted
from generator.content.quotation import stands_in

SOURCE = "Đến năm 2030, tỉ lệ dân số trưởng thành có tài khoản thanh toán điện tử đạt trên 80%."


def test_a_quotation_stands_word_for_word_as_a_reader_sees_it() -> None:
    assert stands_in("tỉ lệ dân số  trưởng thành", SOURCE)  # spaces folded
    assert stands_in("tỉ lệ dân số **trưởng thành**", SOURCE)  # emphasis is not a word
    assert not stands_in("tỷ lệ dân số trưởng thành", SOURCE)  # another spelling is another word
    assert not stands_in("đạt trên 90%", SOURCE)
    assert not stands_in("  ", SOURCE)  # an empty quotation quotes nothing


def test_every_check_of_the_plan_asks_the_same_rule() -> None:
    """A section's quote (models), the whole document (DocumentText) and the rule agree on the same pair."""
    document = DocumentText((SOURCE,))
    for quote in ("có tài khoản “thanh toán” điện tử", "thanh toán điện tử đạt trên 80%", "đạt trên 81%"):
        expected = stands_in(quote, SOURCE)
        assert (quote in document) is expected
        if expected:
            require_quoted([quote], SOURCE, "quote")
        else:
            with pytest.raises(PydanticCustomError):
                require_quoted([quote], SOURCE, "quote")
