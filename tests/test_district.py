"""The district's real content (content/): it builds, and every link in its site resolves.

Generator behaviour is tested on the fixture commune (tests/fixtures/xa-mau); the district's content is read only
here, by the fidelity tests (tests/test_fidelity.py: the plan's words are the source's) and by the schema and lint
checks (tests/test_schema.py, tests/test_lint.py). An editor's change to content/ can break these tests only when the
content itself is wrong: a broken link, a file the schema refuses, a quotation that is not in the source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import CONTENT
from .test_links import Site, root_address


def test_the_district_site_builds_with_its_home_and_plan_pages(district_site: Path) -> None:
    """The build succeeded (``district_site`` asserts it) and published a home page and more than a handful of pages."""
    pages = list(district_site.rglob("*.html"))
    assert (district_site / "index.html").is_file()
    assert len(pages) > 10, pages


def test_every_link_of_the_district_site_resolves(district_site: Path) -> None:
    site = Site.read(district_site, root_address(CONTENT))
    if broken := site.broken_links():
        pytest.fail(f"{len(broken)} broken link(s) in the district's site:\n" + "\n".join(broken), pytrace=False)
