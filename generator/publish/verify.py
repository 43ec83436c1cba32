"""Whole-site check after any builder: no script can run from what the build wrote.

The page sanitiser (``sanitize.py``) cleans what MkDocs renders from Markdown; this
module checks the *result* on disk, whatever produced it (MkDocs, another static-site
tool, a file copied from ``docs/``). It reads every ``.html`` file the way a browser
would (entities decoded, tabs and newlines ignored inside URLs, case-insensitive) and
every ``.svg`` file as XML, and reports each place where a script could run.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "background"})
"""Attributes whose value a browser loads or navigates to."""

SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data"})

DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})
"""``<script type=…>`` holding data, never run."""

KINDS = {
    "event-handler": "có thuộc tính sự kiện",
    "script-url": "có địa chỉ chạy mã",
    "inline-script": "có mã JavaScript viết thẳng trong trang (<script> không có src)",
    "meta-refresh": "tự chuyển trang bằng <meta http-equiv=\"refresh\">",
    "svg": "là ảnh SVG không an toàn:",
}
"""Finding kinds and how each reads in Vietnamese."""

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")  # what a browser strips or ignores around and inside a URL scheme


@dataclass(frozen=True)
class Finding:
    """One place in the built site where a script could run."""

    file: str
    """Path relative to the site folder, e.g. ``tin-tuc/2025/bai/index.html``."""
    kind: str
    """One of ``KINDS``."""
    detail: str

    def __str__(self) -> str:
        what = "ảnh" if self.file.endswith(".svg") else "trang"
        return f"{what} {self.file} {KINDS.get(self.kind, self.kind)} {self.detail}"


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an attribute value already entity-decoded, lower case, or None if relative.

    Browsers strip leading/trailing C0 controls and spaces and drop tabs and newlines
    anywhere, so ``" java\\tscript:"`` is ``javascript:``. Other controls inside the scheme
    make it invalid (a relative URL), but they are removed here too: a false alarm is
    better than a missed script.
    """
    match = _SCHEME.match(_INVISIBLE.sub("", value).lower())
    return match[1] if match else None


def is_script_url(value: str) -> bool:
    return url_scheme(value) in SCRIPT_SCHEMES


class _PageChecker(HTMLParser):
    def __init__(self, file: str) -> None:
        super().__init__(convert_charrefs=True)
        self.file = file
        self.findings: list[Finding] = []
        self._script: tuple[int, str] | None = None  # (line, type) of an open inline <script>
        self._script_text: list[str] = []

    def _add(self, kind: str, detail: str) -> None:
        self.findings.append(Finding(self.file, kind, f"{detail} (dòng {self.getpos()[0]})"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._add("event-handler", f"{name}=“{_short(value)}” trên <{tag}>")
            elif name in URL_ATTRIBUTES and is_script_url(value):
                self._add("script-url", f"{name}=“{_short(value)}” trên <{tag}>")
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self._add("meta-refresh", f"content=“{_short(values.get('content', ''))}”")
        if tag == "script":
            kind = values.get("type", "").strip().lower()
            if "src" not in values and kind not in DATA_SCRIPT_TYPES:
                self._script, self._script_text = (self.getpos()[0], kind), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, _ = self._script
            code = "".join(self._script_text).strip()
            if code:
                self.findings.append(Finding(self.file, "inline-script", f"“{_short(code)}” (dòng {line})"))
            self._script = None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def page_problems(text: str, file: str) -> list[Finding]:
    """Findings in one HTML document."""
    checker = _PageChecker(file)
    checker.feed(text)
    checker.close()
    return checker.findings


_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)|<\?xml-stylesheet", re.IGNORECASE)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def svg_problems(path: Path) -> list[str]:
    """What makes an SVG file unsafe to publish, in Vietnamese; empty when it is safe.

    Refused: a DOCTYPE or ENTITY (checked on the text, before any parser sees it), an
    ``xml-stylesheet``, ``<script>``, ``<foreignObject>``, any ``on*`` attribute, and any
    ``href``/``xlink:href`` that is not a ``#fragment`` of the same file.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"không đọc được tệp SVG dạng UTF-8 ({exc.__class__.__name__})"]
    if match := _DTD.search(text):
        return [f"chứa “{match[0]}” (DOCTYPE, ENTITY hay xml-stylesheet không được phép trong SVG)"]
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return [f"không phải XML hợp lệ ({exc})"]
    problems: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        if tag.lower() in ("script", "foreignobject", "iframe", "object", "embed", "handler"):
            problems.append(f"có thẻ <{tag}>")
        for name, value in element.attrib.items():
            attribute = _local(name)
            if attribute.lower().startswith("on"):
                problems.append(f"có thuộc tính sự kiện {attribute}=“{_short(value)}” trên <{tag}>")
            elif attribute.lower() == "href" and not _INVISIBLE.sub("", value).startswith("#"):
                problems.append(f"có liên kết {attribute}=“{_short(value)}” trên <{tag}> ra ngoài tệp (chỉ cho phép “#…”)")
    return problems


def verify_site(site_dir: Path) -> list[Finding]:
    """Every finding in the built site: ``.html`` pages and ``.svg`` images, in path order."""
    findings: list[Finding] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            findings.extend(page_problems(path.read_text(encoding="utf-8", errors="replace"), relative))
        elif suffix == ".svg":
            findings.extend(Finding(relative, "svg", problem) for problem in svg_problems(path))
    return findings


def report(findings: list[Finding]) -> str:
    """All findings as one Vietnamese message, one line each."""
    lines = [f"LỖI: {len(findings)} chỗ trong trang đã dựng có thể chạy mã (script):"]
    lines += [f"  - {finding}" for finding in findings]
    return "\n".join(lines)

