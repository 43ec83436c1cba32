"""One ``Build`` per build (issue 20, item 6): the shared site view and the pages are made once, every output reads them."""

from __future__ import annotations

from datetime import date

import pytest

import generator.build as build_module
from generator.build import make_build
from generator.render.outputs import site_outputs
from generator.views.site import build_site

from .conftest import FIXTURE, settings


def test_every_output_of_a_build_reads_the_one_build(fixture_content, monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    monkeypatch.setattr(build_module, "build_site", lambda *args: made.append(args) or build_site(*args))
    build = make_build(fixture_content, settings(date(2025, 11, 28), FIXTURE / "content", "https://example.org/xa-mau/"))
    outputs = site_outputs(build)
    assert len(made) == 1
    paths = {output.path for output in outputs}
    assert {page.path for pages in build.pages.values() for page in pages} <= paths
    assert set(build.menu) <= paths and build.menu == build.offline[:len(build.menu)]


def test_content_and_settings_still_give_the_same_outputs(fixture_content) -> None:
    """Tools that call ``site_outputs(content, settings)`` get the outputs of the build made for them."""
    chosen = settings(date(2025, 11, 28), FIXTURE / "content")
    by_build = {o.path: o.content for o in site_outputs(make_build(fixture_content, chosen))}
    by_content = {o.path: o.content for o in site_outputs(fixture_content, chosen)}
    assert by_build.keys() == by_content.keys()
    assert {p: c for p, c in by_build.items() if p.endswith(".md")} == {p: c for p, c in by_content.items() if p.endswith(".md")}
