"""The final gate, run last over the published folder: nothing a server may serve can run a script.

The page sanitiser (``sanitize.py``) cleans what MkDocs renders from Markdown; this
module checks the *result* on disk, whatever produced it (MkDocs, another static-site
tool, a file copied from ``docs/``), and it reads every file the way a browser would:

- pages (``.html``, ``.htm``) with html5lib, a parser that follows the HTML5 specification
  step by step, so ``<!-->``, ``</SCRIPT x>``, ``<svg><style>``, ``<noscript>``, CDATA in SVG,
  entity-encoded or upper-case URLs mean here what they mean in Chromium. Each page is parsed
  twice, with scripting on and off (a ``<noscript>`` is text in one reading, markup in the other);
- XML (``.xml``, ``.rss``, ``.atom``, …) and SVG with a strict XML parser: no DTD or entity,
  no processing instruction (``<?xml-stylesheet?>`` would run XSLT), no element of the XHTML,
  SVG-in-XML, XSLT or XHTML-in-feed namespaces a browser renders as a page;
- any other type a server may run or serve as a page (``.xhtml``, ``.shtml``, ``.php``, ``.xsl`` …)
  is refused outright: the generator never makes one.

Refused in pages: any ``<script>`` that is not an external file of this site (inline code,
another host, a ``data:`` URL, a missing file), any ``on*`` attribute, ``javascript:``/``data:``/
``vbscript:`` URLs in every attribute a browser loads or navigates to, ``<meta http-equiv=refresh>``,
``<base href>``, ``srcdoc``, ``<object>``/``<embed>``/``<frame>``, SVG animations that rewrite a link,
styles that load from another host, and a page whose first element in ``<head>`` is not the
site's Content-Security-Policy (``csp.py``).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import html5lib

from . import csp

URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "codebase",
    "cite", "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "ping", "archive", "profile", "usemap",
})
"""Attributes whose value a browser loads or navigates to (``srcset`` and ``imagesrcset`` are read per candidate)."""

SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})

SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data", "livescript", "mocha"})

DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})
"""``<script type=…>`` holding data, never run (``importmap`` and ``speculationrules`` are not data: refused)."""

JS_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
    "application/x-javascript", "application/x-ecmascript", "text/x-javascript", "text/x-ecmascript",
    "text/jscript", "text/livescript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
})

FORBIDDEN_ELEMENTS = frozenset({"object", "embed", "applet", "frame", "frameset", "portal", "fencedframe",
                                "handler", "listener", "foreignobject"})
"""Elements no page of the site has, each a way to load or run something the checks below cannot see."""

ANIMATIONS = frozenset({"set", "animate", "animatetransform", "animatemotion", "discard"})

HTML_SUFFIXES = frozenset({".html", ".htm"})
XML_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf"})
SVG_SUFFIXES = frozenset({".svg"})
REFUSED_SUFFIXES = frozenset({
    ".xhtml", ".xht", ".shtml", ".shtm", ".stm", ".php", ".phtml", ".php3", ".php4", ".php5", ".phar",
    ".asp", ".aspx", ".jsp", ".cgi", ".pl", ".xsl", ".xslt", ".svgz", ".mht", ".mhtml", ".hta", ".xbl", ".xul",
    ".swf", ".htaccess", ".htc",
})
"""Types a server may run, or serve as a page, that the generator never makes: refused whatever they hold."""

HTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
RENDERED_NAMESPACES = frozenset({HTML_NS, SVG_NS, "http://www.w3.org/1998/Math/MathML",
                                 "http://www.w3.org/1999/XSL/Transform", "http://www.mozilla.org/keymaster/gatekeeper/there.is.only.xul"})
"""Elements in these namespaces make an XML file a page (XHTML, SVG, MathML) or a program (XSLT, XUL)."""

KINDS = {
    "event-handler": "có thuộc tính sự kiện",
    "script-url": "có địa chỉ chạy mã",
    "inline-script": "có mã JavaScript viết thẳng trong trang (<script> không có src)",
    "script-src": "nạp mã JavaScript không phải tệp của trang:",
    "meta-refresh": "tự chuyển trang bằng <meta http-equiv=\"refresh\">",
    "element": "có thẻ không được phép:",
    "style-url": "có kiểu trình bày (CSS) nạp tệp từ máy chủ khác:",
    "no-csp": "không có chính sách bảo mật nội dung (Content-Security-Policy) đứng đầu <head>:",
    "svg": "là ảnh SVG không an toàn:",
    "xml": "là tệp XML không an toàn:",
    "file-type": "có kiểu tệp không được đăng:",
}
"""Finding kinds and how each reads in Vietnamese."""

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")  # what a browser strips or ignores around and inside a URL scheme
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)


@dataclass(frozen=True)
class Finding:
    """One place in the built site where a script could run."""

    file: str
    """Path relative to the site folder, e.g. ``tin-tuc/2025/bai/index.html``."""
    kind: str
    """One of ``KINDS``."""
    detail: str

    def __str__(self) -> str:
        what = "ảnh" if self.file.endswith(".svg") else "tệp" if self.kind in ("xml", "file-type") else "trang"
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


def _other_host(url: str) -> bool:
    """A URL that leaves the site: any scheme but ``data:`` (CSS icons), or ``//host`` (also ``\\\\host``)."""
    cleaned = _INVISIBLE.sub("", url).replace("\\", "/")
    scheme = url_scheme(cleaned)
    return (scheme is not None and scheme != "data") or cleaned.startswith("//")


def css_problems(css: str) -> list[str]:
    """Every ``url()`` or ``@import`` of a style that loads from another host (CSS escapes decoded)."""
    decoded = _CSS_ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[2], css)
    found = []
    for match in _CSS_URL.finditer(decoded):
        url = next((g for g in match.groups() if g is not None), "")
        if _other_host(url) or url_scheme(url) in ("javascript", "vbscript"):
            found.append(url)
    return found


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _loads_script(name: str, value: str) -> bool:
    """A URL attribute (or one candidate of a ``srcset``) with a scheme that runs code."""
    if name in SRCSET_ATTRIBUTES:
        return any(is_script_url(part.strip()) for part in value.split(",") if part.strip())
    return name in URL_ATTRIBUTES and is_script_url(value)


def _split(tag: str) -> tuple[str, str]:
    """``{ns}local`` → (ns, local lower case)."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local.lower()
    return "", tag.lower()


def _attribute_name(name: str) -> str:
    namespace, local = _split(name)
    return f"xlink:{local}" if namespace == XLINK_NS else local


class _Page:
    """The checks on one parsed page (a tree from html5lib, ``etree`` builder, HTML namespace on)."""

    def __init__(self, site_dir: Path | None, file: str, text: str) -> None:
        self.site_dir, self.file, self.text = site_dir, file, text
        self.findings: list[Finding] = []

    def line(self, needle: str) -> str:
        """Where ``needle`` first appears in the source (case-insensitive), for the message; may be approximate."""
        index = self.text.lower().find(needle.lower()) if needle else -1
        return f" (dòng {self.text.count(chr(10), 0, index) + 1})" if index >= 0 else ""

    def add(self, kind: str, detail: str, needle: str = "") -> None:
        finding = Finding(self.file, kind, detail + self.line(needle))
        if finding not in self.findings:
            self.findings.append(finding)

    def check(self, root: ET.Element) -> None:
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            namespace, tag = _split(element.tag)
            attributes = {_attribute_name(name): value for name, value in element.attrib.items()}
            for name, value in attributes.items():
                if name.startswith("on"):
                    self.add("event-handler", f"{name}=“{_short(value)}” trên <{tag}>", name)
                elif _loads_script(name, value):
                    self.add("script-url", f"{name}=“{_short(value)}” trên <{tag}>", name)
                elif name == "srcdoc":
                    self.add("element", f"<{tag} srcdoc> (trang viết thẳng trong thuộc tính)", "srcdoc")
                elif name == "style" and (urls := css_problems(value)):
                    self.add("style-url", f"“{_short(urls[0])}” trong style=“…” của <{tag}>", urls[0])
            if tag in FORBIDDEN_ELEMENTS:
                self.add("element", f"<{tag}>", f"<{tag}")
            elif tag == "base" and "href" in attributes:  # <base target="_top"> (widgets) changes no address
                self.add("element", f"<base href=“{_short(attributes['href'])}”> (đổi gốc mọi địa chỉ của trang)", "<base")
            elif tag == "meta" and attributes.get("http-equiv", "").strip().lower() == "refresh":
                self.add("meta-refresh", f"content=“{_short(attributes.get('content', ''))}”", "refresh")
            elif tag == "script":
                self.script(element, namespace, attributes)
            elif tag == "style" and (urls := css_problems("".join(element.itertext()))):
                self.add("style-url", f"“{_short(urls[0])}” trong <style>", urls[0])
            elif tag in ANIMATIONS and namespace != HTML_NS:
                target = attributes.get("attributename", "").strip().lower()
                if target.endswith("href") or target.startswith("on"):
                    self.add("element", f"<{tag} attributeName=“{target}”> (đổi liên kết hay sự kiện)", "attributename")

    def script(self, element: ET.Element, namespace: str, attributes: dict[str, str]) -> None:
        kind = attributes.get("type")
        if kind is None and namespace == HTML_NS:
            language = (attributes.get("language") or "").strip()
            kind = "text/" + language if language else ""
        kind = (kind or "").strip().lower()
        src = attributes.get("src") if namespace == HTML_NS else attributes.get("href", attributes.get("xlink:href"))
        if kind in DATA_SCRIPT_TYPES and src is None:
            return
        if src is None:
            code = "".join(element.itertext()).strip()
            if code:
                self.add("inline-script", f"“{_short(code)}”", code[:40])
            return
        if kind not in JS_TYPES:
            self.add("script-src", f"<script type=“{kind}” src=“{_short(src)}”> (kiểu không phải JavaScript)", src)
        elif (problem := self.local_file(src)) is not None:
            self.add("script-src", f"“{_short(src)}” ({problem})", src)

    def local_file(self, src: str) -> str | None:
        """Why ``src`` is not a script file of this site, or None: relative or from the root, present on disk."""
        cleaned = _INVISIBLE.sub("", src).replace("\\", "/")
        if url_scheme(cleaned) is not None or cleaned.startswith("//"):
            return "địa chỉ ở máy chủ khác hoặc không phải tệp"
        path = unquote(cleaned.split("#")[0].split("?")[0])
        if not path.lower().endswith((".js", ".mjs")):
            return "không phải tệp .js"
        if self.site_dir is None:
            return None
        if path.startswith("/"):  # from the root of the host, maybe under a sub-path: a suffix that exists
            parts = path.lstrip("/").split("/")
            found = any((self.site_dir / "/".join(parts[start:])).is_file() for start in range(len(parts)))
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.file), path))
            found = not target.startswith("../") and (self.site_dir / target).is_file()
        return None if found else "không có tệp này trong trang"

    def check_csp(self, root: ET.Element) -> None:
        head = root.find(f"{{{HTML_NS}}}head")
        first = next((child for child in head if isinstance(child.tag, str)), None) if head is not None else None
        expected = csp.header_value(self.file, meta=True)
        if first is None or _split(first.tag)[1] != "meta" or \
                first.get("http-equiv", "").strip().lower() != "content-security-policy":
            self.add("no-csp", "thiếu thẻ <meta http-equiv=\"Content-Security-Policy\"> đứng đầu <head>")
        elif first.get("content", "") != expected:
            self.add("no-csp", f"chính sách “{_short(first.get('content', ''))}” khác chính sách của trang")


def page_problems(text: str, file: str, site_dir: Path | None = None, *, require_csp: bool = False) -> list[Finding]:
    """Findings in one HTML document, read as Chromium reads it, with scripting on and off.

    ``site_dir``: where the page's external scripts must be found (None: not checked).
    """
    page = _Page(site_dir, file, text)
    # The scripting flag changes how <noscript> is read, nothing else: a page without one is read once.
    for scripting in (True, False) if "noscript" in text.lower() else (True,):
        parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=True)
        root = parser.parse(text, scripting=scripting)
        page.check(root)
        if require_csp and scripting:
            page.check_csp(root)
    return page.findings


_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)|<\?xml-stylesheet", re.IGNORECASE)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _strict_xml(path: Path) -> tuple[ET.Element | None, list[str]]:
    """The parsed file, or None and why not: UTF-8, no DTD or entity, no processing instruction."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"không đọc được tệp dạng UTF-8 ({exc.__class__.__name__})"]
    if match := _DTD.search(text):
        return None, [f"chứa “{match[0]}” (DOCTYPE, ENTITY hay xml-stylesheet không được phép)"]
    try:
        parser = ET.XMLParser(target=ET.TreeBuilder(insert_pis=True))
        parser.feed(text)
        root = parser.close()
    except ET.ParseError as exc:
        return None, [f"không phải XML hợp lệ ({exc})"]
    for element in root.iter():
        if element.tag is ET.ProcessingInstruction:
            return None, [f"có chỉ thị xử lý “<?{_short(element.text or '')}?>” (không được phép)"]
    return root, []


def svg_problems(path: Path) -> list[str]:
    """What makes an SVG file unsafe to publish, in Vietnamese; empty when it is safe.

    Refused: a DOCTYPE or ENTITY (checked on the text, before any parser sees it), any processing
    instruction (``xml-stylesheet``), ``<script>``, ``<foreignObject>``, any ``on*`` attribute, any
    ``href``/``xlink:href`` that is not a ``#fragment`` of the same file, animations that rewrite a
    link or a handler, and styles that load from another host.
    """
    root, problems = _strict_xml(path)
    if root is None:
        return problems
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        if tag.lower() in ("script", "foreignobject", "iframe", "object", "embed", "handler", "listener", "base"):
            problems.append(f"có thẻ <{tag}>")
        if tag.lower() in ANIMATIONS and _INVISIBLE.sub("", element.get("attributeName", "")).lower().endswith("href"):
            problems.append(f"có <{tag}> đổi liên kết")
        if tag.lower() == "style" and (urls := css_problems("".join(element.itertext()))):
            problems.append(f"có <style> nạp “{_short(urls[0])}” từ máy chủ khác")
        for name, value in element.attrib.items():
            attribute = _local(name)
            if attribute.lower().startswith("on"):
                problems.append(f"có thuộc tính sự kiện {attribute}=“{_short(value)}” trên <{tag}>")
            elif attribute.lower() == "href" and not _INVISIBLE.sub("", value).startswith("#"):
                problems.append(f"có liên kết {attribute}=“{_short(value)}” trên <{tag}> ra ngoài tệp (chỉ cho phép “#…”)")
            elif attribute.lower() == "style" and (urls := css_problems(value)):
                problems.append(f"có style=“…” nạp “{_short(urls[0])}” từ máy chủ khác")
    return problems


def xml_problems(path: Path) -> list[str]:
    """What makes an XML file (feed, sitemap) unsafe: what ``_strict_xml`` refuses, elements a browser renders
    as a page or runs (XHTML, SVG, MathML, XSLT), ``on*`` attributes and script URLs anywhere."""
    root, problems = _strict_xml(path)
    if root is None:
        return problems
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, tag = _split(element.tag)
        if namespace in RENDERED_NAMESPACES:
            problems.append(f"có thẻ <{tag}> của không gian tên {namespace} (trình duyệt hiển thị như trang web)")
        for name, value in element.attrib.items():
            attribute = _attribute_name(name)
            if attribute.startswith("on"):
                problems.append(f"có thuộc tính sự kiện {attribute}=“{_short(value)}” trên <{tag}>")
            elif (attribute in URL_ATTRIBUTES or _split(name)[0]) and is_script_url(value):
                problems.append(f"có địa chỉ chạy mã {attribute}=“{_short(value)}” trên <{tag}>")
    return problems


def _served_files(site_dir: Path) -> Iterator[tuple[Path, str]]:
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            yield path, path.relative_to(site_dir).as_posix()


def verify_site(site_dir: Path, *, require_csp: bool = True) -> list[Finding]:
    """Every finding in the built site, in path order: pages, XML, SVG, and types that must not be published.

    ``require_csp``: every page must carry the site's policy first in its ``<head>`` (the publish steps put
    it there); tests of a single check on a hand-made page turn it off.
    """
    findings: list[Finding] = []
    for path, relative in _served_files(site_dir):
        suffixes = [suffix.lower() for suffix in path.suffixes]
        suffix = path.suffix.lower() or (path.name.lower() if path.name.startswith(".") else "")
        if suffix in REFUSED_SUFFIXES or any(s in REFUSED_SUFFIXES for s in suffixes):
            findings.append(Finding(relative, "file-type", f"“{path.name}” (máy chủ có thể chạy hay hiển thị như trang web)"))
        elif suffix in HTML_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace")
            findings.extend(page_problems(text, relative, site_dir, require_csp=require_csp))
        elif suffix in SVG_SUFFIXES:
            findings.extend(Finding(relative, "svg", problem) for problem in svg_problems(path))
        elif suffix in XML_SUFFIXES:
            findings.extend(Finding(relative, "xml", problem) for problem in xml_problems(path))
        elif suffix == ".css":
            findings.extend(Finding(relative, "style-url", f"“{_short(url)}”")
                            for url in css_problems(path.read_text(encoding="utf-8", errors="replace")))
    return findings


def report(findings: list[Finding]) -> str:
    """All findings as one Vietnamese message, one line each."""
    lines = [f"LỖI: {len(findings)} chỗ trong trang đã dựng có thể chạy mã (script) hay nạp tệp ngoài trang:"]
    lines += [f"  - {finding}" for finding in findings]
    return "\n".join(lines)
