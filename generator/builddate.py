"""The build's notion of 'today', fixed by SOURCE_DATE_EPOCH so builds are reproducible."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_date() -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today's date in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()
