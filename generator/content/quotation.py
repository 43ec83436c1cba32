"""The quotation rule, once: a quotation stands word for word in the text it quotes.

Indicators, duties and strategic technologies quote their section of the plan (``models.require_quoted``);
answers, rebuttals, summary lines and quiz explanations quote the whole document (``document.DocumentText``)
and the passage they name (``loader``); a duty's page shows the texts that carry its words
(``views/duties.py``). All of them ask ``stands_in``, so the rule cannot drift between them.

"Word for word" as a reader sees it: Unicode NFC, Markdown emphasis and escapes removed, straight and curly
quote marks alike, runs of spaces as one. An empty quotation stands nowhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """What a reader sees, compared fairly: NFC, no Markdown emphasis, one kind of quote mark, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("*", "").replace("\\", "").translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def stands_in(quote: str, text: str) -> bool:
    """True when ``quote`` stands word for word in ``text``."""
    wanted = normalise(quote)
    return bool(wanted) and wanted in normalise(text)
