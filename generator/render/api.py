"""Static JSON for the organisation's portal: ``api/targets.json``, ``api/milestones.json``, ``api/news.json``.

Each file is made from the same view models as the pages (the indicator cards of the
widgets and target pages, ``Site.deadlines`` of the timeline, the posts of the news list),
so the portal and the site never disagree. The payload models below are the contract:
their JSON Schema is published beside the data (``api/schema/*.json``), generated from
the same classes, and ``version`` changes only when a field changes meaning or goes away.

URLs are absolute, hence a site URL is required (``SITE_URL`` or ``base_url``): without
one, as with the feeds, no JSON is written (a portal cannot use links it cannot resolve).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .. import registry
from ..build import Build, as_build
from ..content import Content
from ..settings import BuildSettings
from ..views.site import Site
from .encoding import json_text

VERSION = 1
"""The format's version: raised when a field is removed or changes meaning (adding one does not)."""

API_DIR = "api"
SCHEMA_DIR = f"{API_DIR}/schema"


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Document(Payload):
    version: Literal[1] = Field(description="Phiên bản định dạng tệp (format version).")
    updated: date = Field(description="Ngày dựng trang; trạng thái tính đến ngày này.")
    site: str = Field(description="Địa chỉ gốc của trang.")


class Measured(Payload):
    value: float
    year: int
    scope: Literal["national", "province", "local"]
    source: str
    url: str | None


class TargetItem(Payload):
    id: str
    section: Literal["targets", "vision"] = Field(description="`targets`: mục tiêu; `vision`: tầm nhìn (`kind` của tệp).")
    year: int
    title: str
    measure: str
    comparator: Literal["at_least", "above", "reach", "range", "top"]
    value: float
    value_max: float | None
    unit: str
    scope: str | None
    quote: str = Field(description="Câu chữ của văn bản nêu chỉ tiêu.")
    headline: bool
    status: Literal["met", "in_progress", "not_met", "no_data"]
    percent: int = Field(ge=0, le=100, description="Mức đã đạt so với mục tiêu, phần trăm (0 khi chưa có số liệu).")
    latest: Measured | None
    url: str = Field(description="Thẻ chỉ tiêu trên trang đầy đủ.")
    widget: str = Field(description="Khung tiện ích của chỉ tiêu (để nhúng).")


class Targets(Document):
    items: list[TargetItem]


class ResultItem(Payload):
    document: str
    date: date
    url: str | None


class MilestoneItem(Payload):
    key: str = Field(description="Mã ổn định của thời hạn (đơn vị, ngày, thứ tự); cũng là UID trong tệp lịch.")
    date: date
    deadline: str = Field(description="Thời hạn đúng như văn bản.")
    status: Literal["done", "passed", "soon", "upcoming"]
    unit: str
    task: str
    report_to: list[str]
    part: str = Field(description="Mục của Kế hoạch giao việc này (số La Mã), ví dụ `III`.")
    point: str = Field(description="Điểm trong mục, ví dụ `3`.")
    section: str = Field(description="Tên điểm (hoặc mục) đó, không kèm số thứ tự.")
    result: ResultItem | None
    url: str
    unit_url: str


class Milestones(Document):
    items: list[MilestoneItem]


class NewsItem(Payload):
    title: str
    date: date
    author: str
    category: str
    summary: str
    tags: list[str]
    url: str


class News(Document):
    items: list[NewsItem]


FILES: dict[str, type[Document]] = {"targets": Targets, "milestones": Milestones, "news": News}
"""``api/<name>.json`` and ``api/schema/<name>.json``, in this order."""


def _targets(build: Build, base: str) -> Targets:
    site = build.site
    cards = [page.view for page in build.pages["widget-indicator"]]
    kinds = {horizon.page: horizon.kind for horizon in registry.horizons(site.content)}
    items = []
    for view in cards:
        card, i = view.card, view.card.indicator
        p, latest = card.progress, card.progress.latest
        items.append(TargetItem(
            id=i.id, section=kinds[card.page], year=card.year,
            title=i.title, measure=i.measure, comparator=i.comparator, value=i.value, value_max=i.value_max,
            unit=i.unit, scope=i.scope, quote=i.quote, headline=i.headline, status=p.status, percent=p.percent,
            latest=Measured(value=latest.value, year=latest.year, scope=latest.scope, source=latest.source,
                            url=latest.url) if latest else None,
            url=base + view.full, widget=base + registry.page_url(registry.widget_indicator_path(i.id))))
    return Targets(version=VERSION, updated=site.settings.today, site=base, items=items)


def _milestones(site: Site, base: str) -> Milestones:
    timeline = registry.page_url(registry.TIMELINE)
    items = [MilestoneItem(
        key=item.key, date=item.due, deadline=item.assignment.deadline.text, status=item.status, unit=item.unit,
        task=item.action, report_to=list(item.assignment.report_to),
        part=item.ref.part, point=item.ref.point, section=item.ref.title,
        result=ResultItem(**r.model_dump()) if (r := item.assignment.deadline.result) else None,
        url=f"{base}{timeline}#{item.key}", unit_url=base + registry.page_url(registry.unit_path(item.unit_id)),
    ) for item in site.deadlines if item.assignment.deadline is not None]
    return Milestones(version=VERSION, updated=site.settings.today, site=base, items=items)


def _news(site: Site, base: str) -> News:
    categories = {category.id: category.name for category in site.content.news.categories}
    items = [NewsItem(title=post.meta.title, date=post.meta.date, author=post.meta.author,
                      category=categories[post.meta.category], summary=post.meta.summary, tags=list(post.meta.tags),
                      url=base + post.url) for post in site.content.posts]
    return News(version=VERSION, updated=site.settings.today, site=base, items=items)


def documents(build: Build | Content, settings: BuildSettings | None = None) -> dict[str, Document]:
    """The three documents of the build, or none without a site URL."""
    build = as_build(build, settings)
    site, base = build.site, build.settings.site_url
    if not base:
        return {}
    return {"targets": _targets(build, base), "milestones": _milestones(site, base), "news": _news(site, base)}


def schema(name: str, site_url: str | None) -> dict:
    """The JSON Schema of ``api/<name>.json``, from its payload model."""
    result = {"$schema": "https://json-schema.org/draft/2020-12/schema", **FILES[name].model_json_schema()}
    if site_url:
        result["$id"] = f"{site_url}{SCHEMA_DIR}/{name}.json"
    return result


def dumps(value: object) -> str:
    return json_text(value, indent=1, sort_keys=False) + "\n"


def api_files(build: Build | Content, settings: BuildSettings | None = None) -> list[tuple[str, str]]:
    """(path, text) of every data file and schema; empty without a site URL."""
    build = as_build(build, settings)
    settings = build.settings
    docs = documents(build)
    files = [(f"{API_DIR}/{name}.json", dumps(doc.model_dump(mode="json"))) for name, doc in docs.items()]
    files += [(f"{SCHEMA_DIR}/{name}.json", dumps(schema(name, settings.site_url))) for name in docs]
    return files
