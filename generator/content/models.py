"""The content schema: one pydantic model per YAML mapping under ``content/``.

Field names are the YAML keys. Each docstring and ``description`` is written in
Vietnamese for the editors: it becomes the field reference in the editor guide
and the JSON Schema that VS Code uses for completion.

Text that quotes the plan (``text``, ``quote``, ``duty`` …) is checked against
the paragraph it comes from, so a structured figure can never drift from the
sentence it was taken from.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..settings import DEFAULT_TIME_ZONE
from . import patterns
from .characters import BLOCK_ALLOWED, LINE_ALLOWED, find_hidden
from .levels import LevelName, Scope
from .quotation import stands_in

# --------------------------------------------------------------------------
# Scalar types
# --------------------------------------------------------------------------

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_SLUG = patterns.SLUG
_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def find_html(value: str) -> bool:
    """True when ``value`` holds an HTML tag or a script URL (a Markdown link to ``javascript:`` runs code too)."""
    return bool(_HTML_TAG.search(value) or _SCRIPT_URL.search(value))


def _reject_html(value: str) -> str:
    """Content is Markdown that ends up in HTML: a tag here could run a script."""
    if find_html(value):
        raise PydanticCustomError(
            "html_not_allowed", "không được chứa mã HTML (thẻ <…>) hay liên kết “javascript:”; hãy dùng Markdown")
    return value


def _parse_vietnamese_date(value: object) -> object:
    """Editors write dates as 10/3/2025; YAML writes them as 2025-03-10. Accept both."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str) and (match := _DMY.match(value)):
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise PydanticCustomError("date_not_exist", "ngày này không tồn tại trên lịch") from None
    return value


def _visible(value: str) -> str:
    """The reader refuses hidden characters in every decoded value; a model built another way refuses them too."""
    if found := find_hidden(value, BLOCK_ALLOWED):
        raise PydanticCustomError("hidden_character", found.message())
    return value


def _one_line(value: str) -> str:
    """A name or title is shown on one line (a heading, a calendar entry, a spreadsheet cell)."""
    if found := find_hidden(value, LINE_ALLOWED):
        if found.char in "\n\t":
            raise PydanticCustomError(
                "multiline_name", "phải viết trên một dòng (không xuống dòng, không có Tab); "
                "với câu dài, viết `>-` sau dấu hai chấm rồi xuống dòng viết tiếp")
        raise PydanticCustomError("hidden_character", found.message())
    return value


MAX_PARAGRAPH = 10_000
"""A paragraph of the plan or an editor's answer (the district's longest is under 800 characters)."""
MAX_LINE = 300
"""A heading, a deadline, a document's number and subject, a unit's name: one sentence (the longest is 170)."""
MAX_NAME = 300
"""A name, a title or a question shown on a card, a share image, a calendar entry (the longest is 212)."""
MAX_URL = 2_000
"""The longest address every browser and server accepts."""

MAX_SUMMARY = 400
"""A post's summary: one or two sentences in a list and in the feeds."""

_TEXT = (AfterValidator(_visible), AfterValidator(_reject_html))
"""The checks of every text kind; the lengths come first so they are string constraints in the JSON Schema."""

PlainText = Annotated[str, Field(max_length=MAX_PARAGRAPH), *_TEXT]
"""Chữ, có thể để trống; không được chứa thẻ HTML."""

Text = Annotated[str, Field(min_length=1, max_length=MAX_PARAGRAPH), *_TEXT]
"""Văn bản thuần hoặc Markdown; không được chứa thẻ HTML."""

Line = Annotated[str, Field(min_length=1, max_length=MAX_LINE), *_TEXT]
"""Một câu, một dòng tiêu đề hay tên văn bản; không được chứa thẻ HTML."""

SummaryText = Annotated[str, Field(min_length=1, max_length=MAX_SUMMARY), *_TEXT]
"""Một, hai câu tóm tắt."""

Fragment = Annotated[str, Field(min_length=1, max_length=MAX_LINE), AfterValidator(_visible)]
"""Một đoạn chữ như nó xuất hiện (chữ sai, chữ đúng): không kiểm tra thẻ HTML."""

MAX_NUMBER = 1e15
"""Far beyond any figure of the plan; keeps every ratio and chart coordinate finite (no ``nan`` in an SVG)."""

Number = Annotated[float, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
"""Một số hữu hạn (dấu chấm thập phân)."""

MAX_COUNT = 10_000_000
"""Members, attendances: far above a province's figures, small enough for every sum and percentage."""

_NOT_IN_NAMES = re.compile(r'["<>`{}\\]')


def _plain_name(value: str) -> str:
    """Names reach HTML attributes and titles: characters that only markup needs have no place there."""
    if found := _NOT_IN_NAMES.search(value):
        raise PydanticCustomError(
            "markup_character", "không được chứa ký tự “{char}” (ngoặc kép thẳng, < >, { }, `, \\); "
            "trích dẫn thì dùng ngoặc kép cong “…”", {"char": found.group()})
    return value


Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME), AfterValidator(_one_line), AfterValidator(_reject_html),
                 AfterValidator(_plain_name)]
"""Tên, tiêu đề: chữ thường trên một dòng, không có ký tự đánh dấu (ngoặc kép thẳng, < >, { })."""

MAX_SLUG = 80
"""A slug is a folder name on the web server: far below any file system's 255-byte limit."""

Slug = Annotated[str, Field(pattern=_SLUG, max_length=MAX_SLUG, json_schema_extra=patterns.schema_extra(_SLUG), description="Mã định danh: chữ thường không dấu, số và dấu gạch ngang, ví dụ `kinh-te-so`.")]

DocDate = Annotated[date, BeforeValidator(_parse_vietnamese_date), WithJsonSchema({
    "type": "string", "pattern": patterns.DATE, "x-kind": "ngày", **patterns.schema_extra(patterns.DATE),
    "description": "Ngày có thật, viết `2025-03-10` hoặc `10/3/2025`.",
})]
"""Ngày có thật, viết `2025-03-10` hoặc `10/3/2025`."""

Url = Annotated[str, Field(max_length=MAX_URL, pattern=patterns.URL, json_schema_extra=patterns.schema_extra(patterns.URL), description="Địa chỉ web bắt đầu bằng http:// hoặc https://"), AfterValidator(_one_line)]

Origin = Annotated[str, Field(
    max_length=MAX_NAME, pattern=r"^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$",
    description="Gốc (origin) của một trang web: `https://` + tên miền, có thể kèm cổng, không có đường dẫn, "
                "không có dấu / ở cuối, chữ thường, ví dụ `https://example.gov.vn`.")]
"""A web origin as the Content-Security-Policy's ``frame-ancestors`` names it: scheme, host, optional port."""


def plain_text(text: str) -> str:
    """The sentence as a reader sees it: Markdown emphasis removed, spaces folded."""
    return " ".join(text.replace("*", "").split())




def require_quoted(quotes: list[str], source: str, what: str) -> None:
    """Every quote must stand word for word in its source paragraph (``quotation.stands_in``)."""
    for quote in quotes:
        if not stands_in(quote, source):
            raise PydanticCustomError(
                "quote_not_in_text", "câu trích ở “{what}” không có trong đoạn văn gốc: “{quote}”. Trích đúng từng chữ",
                {"what": what, "quote": quote})


class ContentModel(BaseModel):
    """Common rules: unknown keys are errors, models are read-only values."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False)


# --------------------------------------------------------------------------
# Approval of editorial text: who put the committee's name to it, and when
# --------------------------------------------------------------------------


def _known_body(body: str, info: ValidationInfo) -> str:
    """``by`` names a body of ``approving_bodies`` in cai-dat.yml (the loader passes their ids as ``bodies``)."""
    bodies = (info.context or {}).get("bodies")
    if bodies is not None and body not in bodies:
        allowed = ", ".join(f"`{ident}`" for ident in bodies)
        raise PydanticCustomError(
            "unknown_approving_body",
            "cơ quan duyệt “{body}” không có trong `approving_bodies` của cai-dat.yml; {allowed}",
            {"body": body, "allowed": f"ghi một trong các mã: {allowed}" if bodies else
             "cai-dat.yml chưa khai báo cơ quan duyệt nào: thêm `approving_bodies:` (mỗi cơ quan một `id` và `name`)"})
    return body


class ApprovingBody(ContentModel):
    """Một cơ quan có thẩm quyền duyệt lời biên tập trước khi đăng (ví dụ Ban Thường vụ, Ban Tuyên giáo)."""

    id: Slug = Field(description="Mã cơ quan, ghi ở trường `approved.by` của mục được duyệt, ví dụ `ban-thuong-vu`.")
    name: Name = Field(description="Tên cơ quan đúng như văn bản viết, ví dụ `Ban Thường vụ Đảng ủy`.")


class Approval(ContentModel):
    """Ai duyệt và ngày duyệt: chỉ ghi khi cơ quan đã duyệt thật (có văn bản hoặc biên bản); không ghi thay."""

    by: Annotated[Slug, AfterValidator(_known_body)] = Field(
        description="Mã cơ quan đã duyệt, một trong các `id` ở `approving_bodies` của cai-dat.yml.")
    on: DocDate = Field(description="Ngày duyệt, viết như văn bản, ví dụ `5/12/2026`.")
    """The reader gives ``on:`` back as a word (YAML 1.2), not PyYAML's boolean (``content/reader.py``)."""


APPROVED_DESCRIPTION = (
    "Ai duyệt, ngày nào: `{by: <mã cơ quan trong approving_bodies của cai-dat.yml>, on: <ngày, ví dụ 5/12/2026>}`. "
    "Chưa duyệt thì để trống: bản chính thức không đăng mục này, bản xem trước hiện kèm dòng “Bản nháp — chưa duyệt”.")


def is_draft(item: object) -> bool:
    """An editorial item nobody has approved yet (``approved`` empty)."""
    return getattr(item, "approved", None) is None


_UNSAID = re.compile(
    r"(?:không|chưa)\s+(?:nêu|quy\s+định|đề\s+cập|nhắc(?:\s+tới|\s+đến)?|ghi|đặt|dùng\s+cụm\s+từ)\b"
    r"|\b(?:Kế\s+hoạch|Nghị\s+quyết|văn\s+bản)\s+(?:không|chưa)\s+(?:nói|có|viết)\b", re.IGNORECASE)
"""Phrases that tell the reader what the plan does NOT say (``Kế hoạch không nêu …``): an answer says what it says."""


def _says_only_what_is_said(text: str) -> str:
    """An answer in the committee's name says what the plan says, never what it leaves out."""
    if found := _UNSAID.search(text):
        raise PydanticCustomError(
            "unsaid_in_answer",
            "câu trả lời nói điều Kế hoạch không nêu (“{phrase}”): chỉ viết điều văn bản nêu, bằng lời văn bản; "
            "nếu Kế hoạch không trả lời được câu hỏi thì bỏ câu hỏi này", {"phrase": found.group()})
    return text


Answer = Annotated[Text, AfterValidator(_says_only_what_is_said)]
"""Lời trả lời của Ban biên tập: chỉ nói điều Kế hoạch nói, không viết “Kế hoạch không nêu …”."""


# --------------------------------------------------------------------------
# Settings (cai-dat.yml): what another organisation changes to reuse the generator
# --------------------------------------------------------------------------


def _known_time_zone(value: str) -> str:
    """The build's "today" is taken in this zone (``settings.build_date``): a name the zone database lacks cannot work.

    ``tzdata`` (a dependency on Windows, which has no zone database of its own) supplies the database where the
    system has none.
    """
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise PydanticCustomError(
            "unknown_time_zone", "không phải tên một múi giờ trong cơ sở dữ liệu múi giờ IANA; ghi tên đầy đủ, "
            "ví dụ Asia/Ho_Chi_Minh (giờ Việt Nam), hoặc xóa dòng này để dùng giờ Việt Nam") from None
    return value


TimeZone = Annotated[str, Field(pattern=patterns.TIME_ZONE, max_length=64, json_schema_extra=patterns.schema_extra(patterns.TIME_ZONE)),
                     AfterValidator(_known_time_zone)]
"""Tên múi giờ IANA, ví dụ `Asia/Ho_Chi_Minh`."""


class Contact(ContentModel):
    """Đầu mối liên hệ về nội dung trang."""

    unit: Name = Field(description="Tên đơn vị phụ trách nội dung trang.")
    phone: str | None = Field(None, max_length=40, pattern=patterns.PHONE, json_schema_extra=patterns.schema_extra(patterns.PHONE), description="Số điện thoại (không bắt buộc).")
    email: str | None = Field(None, max_length=254, pattern=patterns.EMAIL, json_schema_extra=patterns.schema_extra(patterns.EMAIL), description="Thư điện tử (không bắt buộc), ví dụ `vanphong@example.gov.vn`.")
    address: Name | None = Field(None, description="Địa chỉ (không bắt buộc).")


MOVED_SETTINGS = {
    "repo_url": "nay đặt trong mkdocs.yml (tùy chọn `repo_url` của plugin nghiquyet) hoặc biến CI `REPO_URL` (quy trình CI tự đặt)",
    "edit_branch": "nay đặt trong mkdocs.yml (tùy chọn `edit_branch` của plugin nghiquyet)",
    "editor_auth_url": "nay đặt trong mkdocs.yml (tùy chọn `editor_auth_url` của plugin nghiquyet)",
    "embed_origins": "nay đặt trong mkdocs.yml (tùy chọn `embed_origins` của plugin nghiquyet)",
}
"""Fields that left cai-dat.yml for maintainer configuration (generator/maintainer.py), and where each went."""


PageName = Literal["study", "viewpoints", "tasks", "responsibilities", "meeting", "slides"]
"""Pages whose address and title a site may set (``pages:`` in cai-dat.yml): the registry's page kinds of one page
each, which no other module links to by a fixed address."""

RESERVED_ADDRESSES = ("assets", "bien-tap", "nhung", "search")
"""Folders of the site that are not reader pages (files, the editors' area, the portal's widgets, the search index)."""


class PageSetting(ContentModel):
    """Địa chỉ và tiêu đề của một trang, thay cho mặc định của trình tạo trang."""

    address: Slug | None = Field(None, description="Địa chỉ của trang (một đoạn, chữ thường không dấu, gạch ngang), ví dụ `ke-hoach-xa` cho `/ke-hoach-xa/`. Đừng đổi sau khi đã xuất bản: liên kết cũ sẽ hỏng.")
    title: Line | None = Field(None, description="Tiêu đề trang, hiện trên trình đơn và đầu trang.")

    @field_validator("address")
    @classmethod
    def _not_reserved(cls, value: str | None) -> str | None:
        if value in RESERVED_ADDRESSES:
            raise PydanticCustomError(
                "reserved_address", "địa chỉ “{value}” đã dành cho phần khác của trang ({reserved}); chọn địa chỉ khác, "
                "ví dụ “{value}-trang”", {"value": value, "reserved": ", ".join(RESERVED_ADDRESSES)})
        return value


class Wording(ContentModel):
    """Cách các trang gọi việc tổ chức làm với Nghị quyết (không phải lời văn bản). Bỏ trống thì dùng cách nói chung
    (`thực hiện`); kế hoạch học tập, quán triệt thì ghi đúng lời của mình, ví dụ `activity: quán triệt`."""

    activity: Line = Field("thực hiện", description="Việc làm với Nghị quyết, chen vào câu: “buổi sinh hoạt chi bộ <…> Nghị quyết số …” (trang Sinh hoạt chi bộ), “Nghị quyết được <…>” (trang Văn bản gốc), “Kế hoạch của … <…> Nghị quyết số …” (tệp lịch), đầu tài liệu sinh hoạt chi bộ; ví dụ `quán triệt`.")
    study_title: Name = Field("Kế hoạch học tập, thực hiện", description="Tên trang kế hoạch học tập (mục hình thức, thời gian học tập) trên trình đơn và trang chủ, ví dụ `Kế hoạch học tập, quán triệt`.")
    lead: Line = Field("Học tập, thực hiện", description="Đầu câu giới thiệu Nghị quyết trên áp phích: “<…> Nghị quyết số … ngày … của …”, ví dụ `Học tập, quán triệt, tuyên truyền`.")


class Settings(ContentModel):
    """Cài đặt chung của trang (không phải nội dung văn bản)."""

    MOVED: ClassVar[dict[str, str]] = MOVED_SETTINGS

    schema_version: int = Field(1, ge=1, le=1000, description="Phiên bản cấu trúc nội dung; do lệnh `python -m generator migrate` ghi, đừng tự sửa.")
    site_name: Name = Field(description="Tên trang, hiện trên thanh tiêu đề.")
    site_description: Name = Field(description="Một câu mô tả trang, dùng cho công cụ tìm kiếm.")
    organisation: Name = Field(description="Cơ quan ban hành kế hoạch, ví dụ `Đảng ủy xã …`.")
    level: LevelName = Field(description="Cấp của cơ quan, quyết định lời trang dùng cho phạm vi của cơ quan (“toàn xã”, “toàn đảng bộ” …): `tỉnh`, `thành phố`, `huyện`, `xã`, `phường`, `đặc khu`, `đảng bộ tỉnh`, `đảng bộ thành phố`, `đảng bộ xã`, `đảng bộ phường`, `đảng bộ đặc khu`, `đảng bộ cơ quan`, `đảng bộ doanh nghiệp` hoặc `chi bộ`.")
    locality: Name = Field(description="Tên địa phương, ví dụ `xã …`.")
    province: Name = Field(description="Tên tỉnh, thành phố trực thuộc Trung ương, ví dụ `tỉnh …`.")
    base_url: Url | None = Field(None, description="Địa chỉ gốc khi xuất bản, ví dụ `https://example.gov.vn/nghi-quyet/`. Biến môi trường SITE_URL được ưu tiên.")
    contact: Contact = Field(description="Đầu mối liên hệ.")
    calendar_domain: str | None = Field(None, max_length=253, pattern=patterns.DOMAIN, json_schema_extra=patterns.schema_extra(patterns.DOMAIN), description="Tên miền dùng trong mã (UID) các sự kiện của tệp lịch .ics, ví dụ `example.gov.vn`; để trống thì lấy từ `base_url`. Đừng đổi sau khi đã xuất bản: lịch trên điện thoại sẽ nhân đôi sự kiện.")
    governing_body: Name | None = Field(None, description="Cơ quan chủ quản của trang, ví dụ `Đảng ủy xã …`; hiện ở chân trang. Để trống thì `make lint` và khi xây dựng trang đều nhắc.")
    responsible_person: Name | None = Field(None, description="Người chịu trách nhiệm nội dung (họ tên, chức vụ); hiện ở chân trang. Để trống thì `make lint` và khi xây dựng trang đều nhắc.")
    time_zone: TimeZone = Field(DEFAULT_TIME_ZONE, description="Múi giờ của trang (tên IANA), mặc định `Asia/Ho_Chi_Minh` (giờ Việt Nam). Ngày dựng trang, từ đó trạng thái các thời hạn, lịch và các kiểm tra “sau ngày xây dựng trang”, được tính theo múi giờ này. Thường không cần ghi.")
    notice: Text | None = Field(None, description="Thông báo hiện trên đầu mọi trang (không bắt buộc), ví dụ trang được lưu giữ sau khi sắp xếp đơn vị hành chính.")
    pages: dict[PageName, PageSetting] = Field(default_factory=dict, description="Địa chỉ và tiêu đề riêng của một số trang, thay cho mặc định, theo tên trang: `study` (mục đích, yêu cầu, tổ chức học tập; mặc định `/ke-hoach/`), `viewpoints`, `tasks`, `responsibilities`, `meeting`, `slides`. Ví dụ `study: {address: ke-hoach-xa, title: Kế hoạch của xã}`. Hai trang không được trùng địa chỉ.")
    approving_bodies: list[ApprovingBody] = Field(default_factory=list, max_length=20, description="Các cơ quan có thẩm quyền duyệt lời biên tập (tóm tắt, hỏi – đáp, làm rõ, thuật ngữ, trắc nghiệm, câu hỏi thảo luận, tin, bài); mỗi mục được duyệt ghi `approved: {by: <id>, on: <ngày>}`. Để trống thì chưa mục nào được đăng ở bản chính thức.")
    wording: Wording = Field(default_factory=Wording, description="Cách các trang gọi việc tổ chức làm với Nghị quyết (`activity`, `study_title`, `lead`); bỏ trống thì dùng cách nói chung.")

    @model_validator(mode="after")
    def _unique_addresses(self) -> Settings:
        seen: dict[str, str] = {}
        for name, page in self.pages.items():
            if page.address and page.address in seen:
                raise PydanticCustomError(
                    "duplicate_address", "hai trang `{first}` và `{second}` cùng địa chỉ “{address}”; mỗi trang một "
                    "địa chỉ riêng", {"first": seen[page.address], "second": name, "address": page.address})
            if page.address:
                seen[page.address] = name
        return self

    @model_validator(mode="after")
    def _unique_bodies(self) -> Settings:
        ids = [body.id for body in self.approving_bodies]
        if len(ids) != len(set(ids)):
            raise PydanticCustomError("duplicate_id", "có hai cơ quan duyệt trùng mã `id`; mỗi mã chỉ dùng một lần")
        return self

    @property
    def missing_publisher_details(self) -> list[str]:
        """Keys of the footer details a state body's information site should show and this one leaves empty."""
        values = {"governing_body": self.governing_body, "responsible_person": self.responsible_person,
                  "contact.address": self.contact.address, "contact.phone": self.contact.phone,
                  "contact.email": self.contact.email}
        return [key for key, value in values.items() if not value]


# --------------------------------------------------------------------------
# The plan itself (ke-hoach.yml): metadata, opening and closing
# --------------------------------------------------------------------------


class DocumentRef(ContentModel):
    """Một văn bản được dẫn chiếu (nghị quyết, kế hoạch …)."""

    kind: Line = Field(description="Loại văn bản, ví dụ `Nghị quyết`, `Kế hoạch`.")
    number: Line = Field(description="Số, ký hiệu, ví dụ `<số>-NQ/TW`.")
    date: DocDate = Field(description="Ngày ban hành.")
    issuer: Line = Field(description="Cơ quan ban hành, ví dụ `Bộ Chính trị`.")
    subject: Line | None = Field(None, description="Trích yếu, ví dụ `về đột phá phát triển …`.")
    url: Url | None = Field(None, description="Địa chỉ chính thức của văn bản (không bắt buộc), ví dụ trên trang của cơ quan ban hành; trang “Văn bản gốc” chỉ hiện liên kết khi có địa chỉ này.")


class CitedDocument(DocumentRef):
    """Một văn bản khác mà Kế hoạch nhắc tới; số, ký hiệu phải có trong lời văn của Kế hoạch."""

    date: DocDate | None = Field(None, description="Ngày ban hành, chỉ ghi khi Kế hoạch nêu.")
    issuer: Line | None = Field(None, description="Cơ quan ban hành, đúng như Kế hoạch viết.")


class Recipient(ContentModel):
    """Một dòng ở phần “Nơi nhận”."""

    name: Line = Field(description="Tên nơi nhận, đúng như văn bản.")
    purpose: Line | None = Field(None, description="Ghi chú trong ngoặc: `b/c` (báo cáo), `t/h` (thực hiện).")


class Signature(ContentModel):
    """Phần ký văn bản."""

    on_behalf: Line = Field(description="Dòng thẩm quyền, ví dụ `T/M BAN THƯỜNG VỤ`.")
    title: Line = Field(description="Chức vụ người ký.")
    name: Line = Field(description="Họ và tên người ký.")


TextSource = Literal["typed", "scan"]


class Plan(ContentModel):
    """Thông tin chung của kế hoạch: tiêu đề, căn cứ, phần mở đầu, kết thúc, nơi nhận."""

    kind: Line = Field(description="Loại văn bản: `Kế hoạch`.")
    number: Line | None = Field(None, description="Số, ký hiệu của kế hoạch, nếu bản gốc có.")
    date: DocDate | None = Field(None, description="Ngày ban hành, nếu bản gốc có.")
    issuer: Line = Field(description="Cơ quan ban hành, ví dụ `Ban Thường vụ Đảng ủy`.")
    title: Line = Field(description="Trích yếu (dòng dưới chữ KẾ HOẠCH).")
    resolution: DocumentRef = Field(description="Nghị quyết mà kế hoạch thực hiện.")
    implements: DocumentRef = Field(description="Văn bản cấp trên mà kế hoạch này thực hiện.")
    url: Url | None = Field(None, description="Địa chỉ chính thức của bản gốc Kế hoạch (không bắt buộc), khi cơ quan ban hành đã công bố.")
    cited: list[CitedDocument] = Field(default_factory=list, description="Các văn bản khác được Kế hoạch nhắc tới (trang “Văn bản gốc”).")
    intro: Text = Field(description="Đoạn mở đầu.")
    closing: Text = Field(description="Đoạn kết thúc (“Trên đây là …”).")
    recipients: list[Recipient] = Field(min_length=1, description="Nơi nhận.")
    signature: Signature
    source: TextSource = Field("typed", description="Bản toàn văn trên trang được làm thế nào, để trang Toàn văn ghi chú đúng: `typed` (gõ lại từ văn bản, mặc định) hoặc `scan` (chép từ bản chụp, các lỗi nhận dạng chữ đã được sửa).")


# --------------------------------------------------------------------------
# Building blocks shared by several sections
# --------------------------------------------------------------------------




class Result(ContentModel):
    """Kết quả đã ghi nhận của một việc: văn bản đã ban hành hoặc báo cáo đã gửi (số, ký hiệu; ngày; liên kết)."""

    document: Name = Field(description="Số, ký hiệu và tên văn bản kết quả, ví dụ `Kế hoạch số 12-KH/ĐU`, `Báo cáo số 05-BC/BTGDV`.")
    date: DocDate = Field(description="Ngày ban hành hoặc ngày gửi văn bản kết quả.")
    url: Url | None = Field(None, description="Liên kết tới văn bản (không bắt buộc).")


class Deadline(ContentModel):
    """Một thời hạn trong kế hoạch."""

    date: DocDate = Field(description="Ngày đến hạn (ngày có thật). Với “quý 1/2025” là ngày cuối quý.")
    text: Line = Field(description="Thời hạn đúng như văn bản, ví dụ `trước ngày 10/3/2025`.")
    result: Result | None = Field(None, description="Kết quả đã ghi nhận (văn bản, ngày); chỉ khi có kết quả thì trang ghi “Đã hoàn thành”.")


Tracks = Literal["plans", "reports"]


class Assignment(ContentModel):
    """Một việc được giao: ai làm gì, nộp gì, hạn nào, báo cáo ai."""

    unit: Line | None = Field(None, description="Đơn vị thực hiện; để trống nếu là chính đơn vị chứa việc này.")
    duty: Text = Field(description="Nhiệm vụ, trích đúng câu chữ trong văn bản.")
    deliverable: Line | None = Field(None, description="Sản phẩm phải nộp, ví dụ `Báo cáo kết quả`.")
    deadline: Deadline | None = Field(None, description="Thời hạn, nếu văn bản có nêu.")
    report_to: list[Line] = Field(default_factory=list, description="Nơi nhận báo cáo.")
    via: Line | None = Field(None, description="Gửi qua cơ quan nào, ví dụ `Văn phòng Đảng ủy`.")
    tracks: Tracks | None = Field(None, description="Việc này do từng tổ chức cơ sở làm và được theo dõi trong sổ `to-chuc-co-so.yml`: `plans` (ban hành kế hoạch thực hiện) hoặc `reports` (gửi báo cáo kết quả). Trang ghi “x/y tổ chức” và “hoàn thành” khi mọi tổ chức đã ghi nhận.")


class Part(ContentModel):
    """Một mục có tiêu đề, các đoạn văn và các gạch đầu dòng, giữ đúng như văn bản."""

    heading: Line = Field(description="Tiêu đề mục, kể cả số thứ tự, ví dụ `1. Mục đích`.")
    paragraphs: list[Text] = Field(default_factory=list, description="Các đoạn văn.")
    bullets: list[Text] = Field(default_factory=list, description="Các gạch đầu dòng (không gõ dấu `-`).")
    assignments: list[Assignment] = Field(default_factory=list, description="Các việc mục này giao cho một đơn vị hay một người (chỉ ở phần III); mỗi việc ghi `unit` và `duty` trích đúng câu chữ.")

    @model_validator(mode="after")
    def _duties_stand_in_text(self) -> Part:
        if any(not a.unit for a in self.assignments):
            raise PydanticCustomError("unit_required", "mỗi việc ở đây phải ghi `unit` (đơn vị hay người được giao)")
        require_quoted([a.duty for a in self.assignments], " ".join([*self.paragraphs, *self.bullets]), "duty")
        return self


# --------------------------------------------------------------------------
# Section I (muc-dich-yeu-cau.yml)
# --------------------------------------------------------------------------


class PurposeSection(ContentModel):
    """Phần I: mục đích, yêu cầu."""

    heading: Line = Field(description="`I. MỤC ĐÍCH, YÊU CẦU`.")
    purpose: Part
    requirements: Part


# --------------------------------------------------------------------------
# Section II.1.1 (quan-diem.yml)
# --------------------------------------------------------------------------


class Viewpoint(ContentModel):
    """Một quan điểm chỉ đạo."""

    id: Slug
    title: Line = Field(description="Tiêu đề ngắn do biên tập viên đặt (không phải lời văn bản).")
    text: Text = Field(description="Toàn văn quan điểm, đúng như văn bản.")


class ViewpointSection(ContentModel):
    """Phần II, mục 1.1: các quan điểm chỉ đạo."""

    section_heading: Line = Field(description="Tiêu đề phần II.")
    content_lead: Text = Field(description="Câu dẫn `1. Nội dung: …`.")
    heading: Line = Field(description="`1.1. Về quan điểm chỉ đạo:`.")
    viewpoints: list[Viewpoint] = Field(min_length=1)


# --------------------------------------------------------------------------
# Section II.1.2 (muc-tieu/<năm>.yml: one file per horizon)
# --------------------------------------------------------------------------

Comparator = Literal["at_least", "above", "reach", "range", "top"]


class Measurement(ContentModel):
    """Một số liệu thực tế đã đo (không có trong văn bản: phải ghi nguồn)."""

    value: Number = Field(description="Giá trị đo được (số, dấu chấm thập phân).")
    year: int = Field(ge=1990, le=2100, description="Năm của số liệu.")
    scope: Scope = Field(description="Phạm vi: `national` (cả nước), `province` (tỉnh) hoặc `local` (địa bàn của cơ quan).")
    source: Line = Field(description="Nguồn số liệu (tên văn bản, cơ quan công bố).")
    url: Url | None = Field(None, description="Liên kết tới nguồn.")


class Indicator(ContentModel):
    """Một chỉ tiêu định lượng, trích từ một câu của văn bản."""

    id: Slug = Field(description="Mã định danh, dùng làm neo liên kết `#kinh-te-so`.")
    title: Line = Field(description="Tên ngắn của chỉ tiêu, hiện trên thẻ: phải nói rõ đo cái gì, ví dụ `Quy mô kinh tế số so với GDP` (không viết `Top 3 Đông Nam Á`).")
    measure: Line = Field(description="Đại lượng được đo, ví dụ `Quy mô kinh tế số`.")
    comparator: Comparator = Field(description="`at_least` (tối thiểu), `above` (trên), `reach` (đạt), `range` (từ … đến …), `top` (thuộc nhóm N dẫn đầu); dùng để viết mức mục tiêu và so với số liệu đo.")
    value: Number = Field(description="Giá trị (số). Với `range` là cận dưới; với `top` là N.")
    value_max: Number | None = Field(None, description="Cận trên, chỉ dùng với `range`.")
    unit: PlainText = Field("", description="Đơn vị, ví dụ `% GDP`, `doanh nghiệp`, `%/năm`.")
    scope: Line | None = Field(None, description="Phạm vi xếp hạng với `top`, ví dụ `Đông Nam Á`.")
    quote: Text = Field(description="Câu chữ trong văn bản nêu chỉ tiêu này, trích đúng và trọn vế câu.")
    value_text: Line | None = Field(None, description="Mức mục tiêu viết đúng như văn bản khi cách viết tự động (`tối thiểu 5 doanh nghiệp`, `trên 55%`, `từ 40 đến 50 tổ chức`, `nhóm 3 nước dẫn đầu Đông Nam Á`) khác lời văn bản, ví dụ `thêm ít nhất 3 tổ chức, doanh nghiệp`; phải có nguyên văn trong `quote`.")
    headline: bool = Field(False, description="`true` để hiện trên trang chủ; ba chỉ tiêu `headline` đầu tiên của năm 2030 lên áp phích in (`ap-phich/`).")
    measurements: list[Measurement] = Field(default_factory=list, description="Số liệu thực tế (không bắt buộc; phải ghi nguồn).")

    @model_validator(mode="after")
    def _value_text_stands_in_quote(self) -> Indicator:
        if self.value_text:
            require_quoted([self.value_text], self.quote, "value_text")
        return self

    @model_validator(mode="after")
    def _range_needs_upper_bound(self) -> Indicator:
        if (self.comparator == "range") != (self.value_max is not None):
            raise PydanticCustomError(
                "value_max_only_with_range", "`value_max` chỉ dùng khi `comparator: range`, và `range` cần `value_max`")
        return self


class TargetParagraph(ContentModel):
    """Một đoạn (gạch đầu dòng) của phần mục tiêu, với các chỉ tiêu rút ra từ đó."""

    title: Name | None = Field(None, description="Tên nhóm do biên tập viên đặt, rút từ chính đoạn văn, ví dụ `Trình độ khoa học, công nghệ và vị thế quốc tế`; hiện làm tiêu đề nhóm chỉ tiêu.")
    text: Text = Field(description="Toàn văn đoạn, đúng như văn bản.")
    indicators: list[Indicator] = Field(default_factory=list, description="Các chỉ tiêu định lượng trong đoạn.")
    qualitative: list[Text] = Field(default_factory=list, description="Các mục tiêu định tính, trích đúng câu chữ.")

    @model_validator(mode="after")
    def _quotes_stand_in_text(self) -> TargetParagraph:
        require_quoted([i.quote for i in self.indicators], self.text, "quote")
        require_quoted(list(self.qualitative), self.text, "qualitative")
        return self


HorizonKind = Literal["targets", "vision"]


class TargetSection(ContentModel):
    """Mục tiêu (hoặc tầm nhìn) đến một năm: một tệp trong thư mục `muc-tieu/`, các tệp xếp theo năm."""

    heading: Line | None = Field(None, description="`1.2. Về mục tiêu` (chỉ ở tệp của năm đầu tiên).")
    subheading: Line = Field(description="Ví dụ `(1) Đến năm 2030:`.")
    year: int = Field(ge=2025, le=2100, description="Năm mục tiêu.")
    kind: HorizonKind = Field("targets", description="`targets` (mục tiêu) hoặc `vision` (tầm nhìn): trang, trang chủ và tài liệu in gọi phần này là “Mục tiêu …” hay “Tầm nhìn …”.")
    title: Name | None = Field(None, description="Tên trang và mục trên trình đơn; bỏ trống: “Mục tiêu đến năm …” theo `year` (hoặc “Tầm nhìn …”, thêm “của cả nước” khi `national: true`).")
    address: Slug | None = Field(None, description="Địa chỉ trang, ví dụ `muc-tieu-2030` (trang ở `/muc-tieu-2030/`); bỏ trống: `muc-tieu-<năm>`. Đã đăng thì không đổi (liên kết đã chia sẻ sẽ hỏng).")
    national: bool = Field(False, description="`true` khi đây là mục tiêu của cả nước do Nghị quyết đặt ra và kế hoạch chỉ nêu lại (không đặt chỉ tiêu riêng cho địa phương): trang ghi rõ “Mục tiêu của cả nước”.")
    paragraphs: list[TargetParagraph] = Field(min_length=1)
    strategic_technologies: list[Text] = Field(default_factory=list, description="Các công nghệ chiến lược được nêu tên.")

    @model_validator(mode="after")
    def _technologies_stand_in_text(self) -> TargetSection:
        require_quoted(list(self.strategic_technologies), " ".join(p.text for p in self.paragraphs), "strategic_technologies")
        return self

    @property
    def indicators(self) -> list[Indicator]:
        return [indicator for paragraph in self.paragraphs for indicator in paragraph.indicators]


# --------------------------------------------------------------------------
# Section II.1.3 (nhiem-vu.yml)
# --------------------------------------------------------------------------


class TaskGroup(ContentModel):
    """Một nhóm nhiệm vụ, giải pháp."""

    id: Slug
    title: Line = Field(description="Tiêu đề ngắn do biên tập viên đặt.")
    text: Text = Field(description="Toàn văn, đúng như văn bản.")


class TaskSection(ContentModel):
    """Phần II, mục 1.3: nhiệm vụ, giải pháp."""

    heading: Line
    lead: Text = Field(description="Đoạn dẫn trước danh sách nhiệm vụ.")
    groups: list[TaskGroup] = Field(min_length=1)


# --------------------------------------------------------------------------
# Section III (hoc-tap-quan-triet.yml)
# --------------------------------------------------------------------------


class StudyPart(Part):
    """Một mục của phần III, có mã riêng (neo liên kết) và tiêu đề đúng như văn bản."""

    id: Slug = Field(description="Mã của mục, dùng làm neo liên kết trên trang kế hoạch (`#cap-co-so`) và trong trường `passage`; đừng đổi sau khi đã chia sẻ.")
    handout: bool = Field(False, description="`true`: in mục này trong tài liệu sinh hoạt chi bộ và bài trình chiếu (ví dụ mục nói chi bộ làm gì, mục báo cáo viên và tài liệu), với tiêu đề của chính mục. Các thời hạn sắp tới in ngay sau mục đầu tiên được chọn.")


class StudySection(ContentModel):
    """Phần III: hình thức, thời gian học tập, quán triệt và xây dựng kế hoạch thực hiện: một tiêu đề và các mục."""

    heading: Line
    parts: list[StudyPart] = Field(min_length=1, max_length=30, description="Các mục của phần, theo thứ tự văn bản; mỗi mục có `id`, `heading`, các đoạn văn, gạch đầu dòng và việc được giao.")

    @model_validator(mode="after")
    def _unique_ids(self) -> StudySection:
        ids = [part.id for part in self.parts]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise PydanticCustomError("duplicate_id", "hai mục trùng mã `id` “{id}”; mỗi mục một mã riêng", {"id": twice[0]})
        return self


# --------------------------------------------------------------------------
# Section IV (to-chuc-thuc-hien.yml)
# --------------------------------------------------------------------------


class Unit(ContentModel):
    """Một đơn vị và trách nhiệm của đơn vị trong phần Tổ chức thực hiện."""

    id: Slug
    number: int = Field(ge=1, description="Số thứ tự trong văn bản.")
    name: Line = Field(description="Tên đơn vị, đúng như văn bản.")
    also_named: list[Line] = Field(default_factory=list, description="Tên khác mà phần III của văn bản dùng cho chính các đơn vị này, ví dụ `Các cấp ủy cơ sở`: việc giao dưới tên đó hiện trên cùng trang, cả hai tên đều hiện.")
    inline: bool = Field(False, description="`true` nếu văn bản viết tên đơn vị và nhiệm vụ trên cùng một dòng (`3. Tên: …`).")
    paragraphs: list[Text] = Field(min_length=1, description="Các đoạn nhiệm vụ, đúng như văn bản.")
    assignments: list[Assignment] = Field(default_factory=list, description="Các việc rút ra từ các đoạn trên.")

    @model_validator(mode="after")
    def _duties_stand_in_text(self) -> Unit:
        require_quoted([a.duty for a in self.assignments], " ".join(self.paragraphs), "duty")
        return self


class OrganisationSection(ContentModel):
    """Phần IV: tổ chức thực hiện."""

    heading: Line
    units: list[Unit] = Field(min_length=1)


# --------------------------------------------------------------------------
# Grassroots organisations (to-chuc-co-so.yml, to-chuc-co-so/*.yml)
# --------------------------------------------------------------------------


class GrassrootsOrganisation(ContentModel):
    """Một tổ chức đảng trong sổ: tên, loại, tổ chức cấp trên, số đảng viên. Không ghi tên người."""

    name: Name = Field(description="Tên tổ chức, ví dụ `Chi bộ thôn Đồng Tâm`; dùng đúng tên này ở trường `organisation` của tệp kết quả.")
    kind: Name = Field(description="Loại tổ chức, một trong `kinds` ở đầu sổ, ví dụ `đảng bộ cơ sở`, `chi bộ cơ sở`, `chi bộ trực thuộc`.")
    parent: Name | None = Field(None, description="Tên tổ chức cấp trên trong sổ; để trống nếu trực thuộc thẳng cấp ủy ban hành Kế hoạch. Tổ chức có cấp trên trong sổ không được tính vào các mốc ban hành kế hoạch, gửi báo cáo (việc của cấp ủy trực thuộc).")
    members: int = Field(ge=1, le=MAX_COUNT, description="Số đảng viên sinh hoạt trực tiếp ở tổ chức này (không tính lại đảng viên của tổ chức trực thuộc đã có trong sổ), để cộng toàn đảng bộ không trùng.")


class GrassrootsRegister(ContentModel):
    """Sổ các tổ chức cơ sở trực thuộc: danh mục loại tổ chức và danh sách tổ chức. Kết quả của từng tổ chức ghi ở `to-chuc-co-so/<tên>.yml`."""

    kinds: list[Name] = Field(default_factory=list, description="Các loại tổ chức, theo thứ tự hiện trong bảng tổng hợp theo loại, ví dụ `đảng bộ cơ sở`, `chi bộ cơ sở`; mỗi tổ chức trong sổ ghi một loại có ở đây.")
    organisations: list[GrassrootsOrganisation] = Field(default_factory=list, description="Các tổ chức; để `[]` khi chưa có dữ liệu (trang “Kết quả thực hiện” chỉ có khi sổ có ít nhất một tổ chức).")


class StudySession(ContentModel):
    """Một hội nghị, lớp học tập, quán triệt Nghị quyết do tổ chức tổ chức."""

    date: DocDate = Field(description="Ngày tổ chức.")
    form: Name = Field(description="Hình thức, ví dụ `sinh hoạt chi bộ thường kỳ`, `hội nghị trực tuyến`.")
    members: int = Field(ge=0, le=MAX_COUNT, description="Số đảng viên của tổ chức dự buổi này (đếm người có mặt ở buổi này, kể cả người đã dự buổi trước).")
    citizens: int = Field(0, ge=0, le=MAX_COUNT, description="Số lượt quần chúng (đoàn viên, hội viên, nhân dân) tham gia; không có thì để 0.")


class GrassrootsRecord(ContentModel):
    """Kết quả của một tổ chức: các buổi học tập, quán triệt; kế hoạch thực hiện; báo cáo kết quả."""

    organisation: Name = Field(description="Tên tổ chức, đúng như trong sổ `to-chuc-co-so.yml`.")
    sessions: list[StudySession] = Field(default_factory=list, description="Các hội nghị, lớp đã tổ chức.")
    participants: int | None = Field(None, ge=0, le=MAX_COUNT, description="Số đảng viên khác nhau đã dự ít nhất một buổi (mỗi người tính một lần dù dự nhiều buổi), ví dụ 40 khi 40 người dự buổi đầu và 35 người trong số đó dự buổi học lại. Bỏ trống khi mỗi đảng viên chỉ dự một buổi: trang cộng số đảng viên của các buổi.")
    plan: Result | None = Field(None, description="Kế hoạch thực hiện Nghị quyết của tổ chức (số, ngày, liên kết), khi đã ban hành.")
    report: Result | None = Field(None, description="Báo cáo kết quả của tổ chức (số, ngày), khi đã gửi.")


# --------------------------------------------------------------------------
# News and articles (tin-tuc.yml, tin-tuc/*.md)
# --------------------------------------------------------------------------


class Category(ContentModel):
    """Một chuyên mục tin, bài."""

    id: Slug = Field(description="Mã chuyên mục, dùng trong địa chỉ `/tin-tuc/chuyen-muc/<id>/` và trong trường `category` của bài.")
    name: Line = Field(description="Tên chuyên mục hiện trên trang, ví dụ `Chỉ đạo, điều hành`.")
    description: Text | None = Field(None, description="Một câu giới thiệu chuyên mục (không bắt buộc).")


class Tag(ContentModel):
    """Tên hiện trên trang của một từ khóa (thẻ) mà các bài dùng."""

    id: Slug = Field(description="Mã từ khóa, như bài ghi trong `tags`, ví dụ `hoc-tap-nghi-quyet`.")
    name: Name = Field(description="Tên hiện trên trang, ví dụ `Học tập nghị quyết`.")


class NewsSection(ContentModel):
    """Chuyên trang tin, bài: tên, lời giới thiệu, số bài mỗi trang và các chuyên mục."""

    title: Line = Field("Tin tức", description="Tên chuyên trang, ví dụ `Tin tức`.")
    intro: Text | None = Field(None, description="Đoạn giới thiệu ở đầu trang danh sách (không bắt buộc).")
    per_page: int = Field(10, ge=1, le=100, description="Số bài trên mỗi trang danh sách.")
    categories: list[Category] = Field(default_factory=list, description="Các chuyên mục; mỗi bài chọn một (có bài thì cần ít nhất một chuyên mục). Chuyên mục chưa có bài nào không hiện trên trang.")
    tags: list[Tag] = Field(default_factory=list, description="Tên của các từ khóa (thẻ) mà bài dùng; trang hiện tên, không hiện mã. `make lint` nhắc khi một bài dùng từ khóa chưa có tên ở đây.")

    @model_validator(mode="after")
    def _unique_categories(self) -> NewsSection:
        ids = [category.id for category in self.categories]
        tags = [tag.id for tag in self.tags]
        if len(ids) != len(set(ids)) or len(tags) != len(set(tags)):
            raise PydanticCustomError("duplicate_id", "có hai mục trùng mã `id`; mỗi mã chỉ dùng một lần")
        return self


def _photo_name(value: object) -> object:
    """A photo name outside ``patterns.PHOTO_NAME``, refused with the name to rename the file to."""
    if isinstance(value, str) and not re.match(patterns.PHOTO_NAME, value):
        from ..text import slugify

        stem, dot, suffix = value.removeprefix("anh/").rpartition(".")
        if dot and suffix.lower() in {"jpg", "jpeg", "png", "webp", "heic", "heif"}:
            name = f"{slugify(stem) or 'anh'}.{suffix.lower()}"
            raise PydanticCustomError("photo_name", "tên tệp ảnh “{value}” có chữ hoa, dấu, dấu cách hay ký tự đặc biệt; "
                                      "đổi tên tệp trong content/anh/ thành “{name}” rồi ghi `src: {name}`",
                                      {"value": value, "name": name})
    return value


class PostImage(ContentModel):
    """Ảnh minh họa của bài."""

    src: Annotated[str, BeforeValidator(_photo_name)] = Field(title="Tệp ảnh", max_length=MAX_NAME, pattern=patterns.PHOTO_NAME, json_schema_extra=patterns.schema_extra(patterns.PHOTO_NAME), description="Tên tệp ảnh trong thư mục `content/anh/`, ví dụ `hoi-nghi.jpg` (ảnh JPEG, PNG, WebP hoặc HEIC chụp bằng điện thoại, tối đa 20 MB; không nhận SVG). Trang web tự thu nhỏ ảnh và xóa thông tin vị trí chụp.")
    alt: Line = Field(title="Mô tả ảnh", description="Mô tả ảnh cho người không xem được ảnh (bắt buộc).")
    caption: Text | None = Field(None, title="Chú thích", description="Chú thích dưới ảnh (không bắt buộc).")


class Post(ContentModel):
    """Phần đầu (front matter) của một tin, bài trong `content/tin-tuc/`."""

    title: Name = Field(title="Tiêu đề", description="Tiêu đề bài.")
    date: DocDate = Field(title="Ngày đăng", description="Ngày bài được đăng trên trang (không phải ngày của sự kiện; ngày sự kiện viết trong bài), viết `2025-03-10` hoặc `10/3/2025`.")
    author: Line = Field(title="Đơn vị đưa tin", description="Đơn vị đưa tin, chịu trách nhiệm về bài, ví dụ `Văn phòng Đảng ủy`.")
    category: Slug = Field(title="Chuyên mục", description="Mã chuyên mục, một trong các `id` ở `content/tin-tuc.yml`.")
    summary: SummaryText = Field(title="Tóm tắt", description="Tóm tắt một, hai câu; hiện trong danh sách và trong RSS.")
    slug: Slug | None = Field(None, title="Địa chỉ bài (slug)", description="Phần cuối địa chỉ bài; để trống thì lấy từ tiêu đề, bỏ dấu (đ → d).")
    image: PostImage | None = Field(None, title="Ảnh minh họa", description="Ảnh minh họa (không bắt buộc).")
    tags: list[Slug] = Field(default_factory=list, max_length=8, title="Từ khóa (thẻ)", description="Các thẻ (tối đa 8), chữ thường không dấu, ví dụ `chuyen-doi-so`.")
    related: list[Slug] = Field(default_factory=list, title="Phần Kế hoạch liên quan", description="Mã các phần của Kế hoạch mà bài nói tới: chỉ tiêu (`kinh-te-so`), nhóm nhiệm vụ, quan điểm hoặc đơn vị.")
    source: Line | None = Field(None, title="Nguồn", description="Nguồn của thông tin trong bài, ví dụ tên văn bản.")
    approved: Approval | None = Field(None, title="Đã duyệt", description=APPROVED_DESCRIPTION + " Bài đã đăng giữ nguyên dòng này.")


# --------------------------------------------------------------------------
# Self-check quiz (trac-nghiem.yml)
# --------------------------------------------------------------------------


class QuizOption(ContentModel):
    """Một phương án trả lời."""

    text: Name = Field(description="Nội dung phương án.")
    correct: bool = Field(False, description="`true` cho phương án đúng (mỗi câu đúng một phương án).")


class QuizQuestion(ContentModel):
    """Một câu hỏi trắc nghiệm, soạn từ Kế hoạch; câu trích `quote` phải có nguyên văn trong phần `passage`."""

    id: Slug = Field(description="Mã câu hỏi, dùng làm neo `trac-nghiem/#<id>`.")
    question: Name = Field(description="Câu hỏi (lời biên tập viên).")
    options: list[QuizOption] = Field(min_length=3, max_length=4, description="3 đến 4 phương án, đúng một phương án có `correct: true`.")
    explanation: Answer = Field(description="Lời giải thích (lời biên tập viên), chỉ dựa vào văn bản.")
    passage: Slug = Field(description="Mã phần văn bản mà câu hỏi kiểm tra: chỉ tiêu, quan điểm, nhóm nhiệm vụ, đơn vị (`kinh-te-so`, `truyen-thong` …) hoặc mục (`can-cu`, `muc-dich`, `yeu-cau`, hay `id` của một mục phần III).")
    quote: Text = Field(description="Câu trích nguyên văn từ phần `passage`, làm căn cứ cho đáp án.")
    approved: Approval | None = Field(None, description=APPROVED_DESCRIPTION)

    @model_validator(mode="after")
    def _one_correct_option(self) -> QuizQuestion:
        correct = sum(option.correct for option in self.options)
        if correct != 1:
            raise PydanticCustomError(
                "one_correct_option", "mỗi câu hỏi cần đúng một phương án `correct: true` (đang có {count})",
                {"count": correct})
        texts = [" ".join(option.text.casefold().split()) for option in self.options]
        if len(set(texts)) != len(texts):
            raise PydanticCustomError("duplicate_option", "có hai phương án trùng nhau")
        return self


class Quiz(ContentModel):
    """Bộ câu hỏi trắc nghiệm tự kiểm tra (trang `trac-nghiem/`)."""

    draw: int = Field(10, ge=1, le=30, description="Số câu rút ngẫu nhiên cho mỗi lượt làm bài; có ít câu hơn thì mỗi lượt hỏi tất cả các câu.")
    questions: list[QuizQuestion] = Field(default_factory=list, description="Các câu hỏi; chưa có câu nào (đã duyệt) thì trang trắc nghiệm không có.")

    @model_validator(mode="after")
    def _unique_questions(self) -> Quiz:
        ids = [question.id for question in self.questions]
        if len(ids) != len(set(ids)):
            raise PydanticCustomError("duplicate_id", "có hai câu hỏi trùng mã `id`; mỗi mã chỉ dùng một lần")
        return self


# --------------------------------------------------------------------------
# Party-cell handout and slides (sinh-hoat-chi-bo.yml)
# --------------------------------------------------------------------------


class DiscussionQuestion(ContentModel):
    """Một câu hỏi thảo luận ở buổi sinh hoạt chi bộ (lời biên tập viên)."""

    question: Name = Field(description="Câu hỏi thảo luận.")
    passage: Slug | None = Field(None, description="Mã phần văn bản câu hỏi dựa vào (không bắt buộc), như trường `passage` của câu hỏi trắc nghiệm.")
    approved: Approval | None = Field(None, description=APPROVED_DESCRIPTION)


class Meeting(ContentModel):
    """Tài liệu sinh hoạt chi bộ (PDF, trang in) và trang trình chiếu."""

    title: Name = Field("Tài liệu sinh hoạt chi bộ", description="Tên tài liệu, ví dụ `Tài liệu sinh hoạt chi bộ`.")
    compiled_by: Name | None = Field(None, description="Cơ quan biên soạn tài liệu, ví dụ `Văn phòng Đảng ủy`; in ở đầu tài liệu và ghi ở các lời chú thích (tiêu đề ngắn, câu hỏi thảo luận). Để trống thì tài liệu không ghi tên cơ quan biên soạn.")
    compiled_on: DocDate | None = Field(None, description="Ngày biên soạn tài liệu, in ở đầu tài liệu (không bắt buộc).")
    discussion: list[DiscussionQuestion] = Field(default_factory=list, max_length=5, description="Tối đa 5 câu hỏi thảo luận do biên tập viên soạn (3 đến 5 câu là vừa một buổi sinh hoạt); tài liệu ghi rõ đây không phải lời văn bản. Để trống thì tài liệu không có phần câu hỏi thảo luận.")


# --------------------------------------------------------------------------
# Lint data (ocr-corrections.yml)
# --------------------------------------------------------------------------


class Correction(ContentModel):
    """Một lỗi nhận dạng chữ (OCR) hoặc lỗi gõ và cách sửa."""

    wrong: Fragment = Field(description="Chữ sai, đúng như nó xuất hiện.")
    right: Fragment = Field(description="Chữ đúng.")
    note: Line | None = Field(None, description="Ghi chú: lỗi ở đâu, vì sao.")
    lint: bool = Field(True, description="`false` nếu chữ sai có thể là chữ đúng ở chỗ khác (không kiểm tra khi `make lint`).")


class Corrections(ContentModel):
    """Danh sách lỗi chữ: lỗi đã sửa trong bản OCR và các lỗi gõ thường gặp."""

    corrections: list[Correction] = Field(default_factory=list, description="Lỗi OCR đã sửa khi chép văn bản (kiểm thử đối chiếu với bản OCR); để trống khi Kế hoạch được gõ lại, không chép từ bản chụp.")
    confusions: list[Correction] = Field(default_factory=list, description="Các lỗi gõ, nhầm chữ thường gặp khác; `make lint` báo khi gặp.")


# --------------------------------------------------------------------------
# Study aids (hoi-dap.yml, phan-bac.yml, thuat-ngu.yml): editor-written, drawn from the document
# --------------------------------------------------------------------------


def _in_document(quote: str, info: ValidationInfo) -> str:
    """A quotation must stand word for word in the document (``content.document.DocumentText``).

    The loader passes the document as validation context once the plan's files
    are valid; without it (the plan itself has errors, or a schema export) only
    the other rules apply, and the plan's own errors are reported instead.
    """
    document = (info.context or {}).get("document")
    if document is not None and quote not in document:
        raise PydanticCustomError(
            "quote_not_in_document",
            "câu trích “{quote}” không có nguyên văn trong Kế hoạch; chép đúng từng chữ, từng dấu một đoạn "
            "của văn bản (xem trang “Toàn văn Kế hoạch”)", {"quote": quote[:120]})
    return quote


DocumentQuote = Annotated[Text, AfterValidator(_in_document)]
"""Một câu (hoặc một phần câu) chép nguyên văn từ Kế hoạch; kiểm tra từng chữ với toàn văn."""


def _require_quotes(quotes: list[str]) -> list[str]:
    if not quotes:
        raise PydanticCustomError(
            "quote_required", "câu trả lời phải trích ít nhất một câu nguyên văn của Kế hoạch (`quotes:`)")
    return quotes


Quotes = Annotated[list[DocumentQuote], AfterValidator(_require_quotes), Field(
    description="Các câu trích nguyên văn từ Kế hoạch làm căn cứ cho câu trả lời (ít nhất một); "
                "mỗi câu phải có đúng từng chữ trong văn bản.")]

def _known_passage(source: str, info: ValidationInfo) -> str:
    """``source`` must name a passage that has an anchor on the site (``content.document.passages``)."""
    passages = (info.context or {}).get("passages")
    if passages is not None and source not in passages:
        close = difflib.get_close_matches(source, list(passages), n=1)
        raise PydanticCustomError(
            "unknown_passage", "không có đoạn nào của Kế hoạch mang mã “{source}”; dùng mã quan điểm, chỉ tiêu, "
            "nhóm nhiệm vụ, đơn vị hoặc neo một mục của trang Toàn văn{hint}",
            {"source": source, "hint": f"; có phải ý bạn là “{close[0]}”?" if close else ""})
    return source


SourceRef = Annotated[Slug, AfterValidator(_known_passage), Field(description=(
    "Đoạn văn bản mà câu trả lời dựa vào, để liên kết tới: mã quan điểm, chỉ tiêu, nhóm nhiệm vụ, đơn vị "
    "(ví dụ `kinh-te-so`, `truyen-thong`) hoặc neo một mục của trang Toàn văn (ví dụ `4-bao-cao-vien-va-tai-lieu`)."))]


class UniqueIds(ContentModel):
    """A list of entries whose ids become anchors: two equal ids would make one link lead to the wrong entry."""

    @staticmethod
    def _check_unique(ids: list[str]) -> None:
        seen: set[str] = set()
        for ident in ids:
            if ident in seen:
                raise PydanticCustomError(
                    "duplicate_id", "mã `{id}` dùng hai lần; mỗi mục cần một mã riêng", {"id": ident})
            seen.add(ident)


class Question(ContentModel):
    """Một câu hỏi và câu trả lời. Câu hỏi và câu trả lời là lời Ban biên tập, chỉ rút từ Kế hoạch."""

    id: Slug = Field(description="Mã câu hỏi, thành neo liên kết `hoi-dap/#<id>`; đừng đổi sau khi đã chia sẻ.")
    question: Name = Field(description="Câu hỏi, như người đọc hỏi.")
    answer: Answer = Field(description="Câu trả lời ngắn do Ban biên tập viết, chỉ nói điều Kế hoạch nói (không viết “Kế hoạch không nêu …”).")
    quotes: Quotes
    source: SourceRef
    approved: Approval | None = Field(None, description=APPROVED_DESCRIPTION)


class QuestionGroup(ContentModel):
    """Một nhóm câu hỏi cùng chủ đề."""

    title: Name = Field(description="Tên nhóm, ví dụ `Về Nghị quyết`.")
    questions: list[Question] = Field(default_factory=list, description="Các câu hỏi của nhóm; nhóm chưa có câu nào (đã duyệt) không hiện trên trang.")


class QuestionSection(UniqueIds):
    """Trang Hỏi – đáp: các nhóm câu hỏi và câu trả lời rút từ Kế hoạch."""

    title: Name = Field("Hỏi – đáp", description="Tiêu đề trang, ví dụ `Hỏi – đáp`.")
    intro: Text | None = Field(None, description="Đoạn giới thiệu ở đầu trang (không bắt buộc).")
    groups: list[QuestionGroup] = Field(default_factory=list, description="Các nhóm câu hỏi; chưa có câu nào (đã duyệt) thì trang Hỏi – đáp không có.")

    @model_validator(mode="after")
    def _unique(self) -> QuestionSection:
        self._check_unique([q.id for g in self.groups for q in g.questions])
        return self

    @property
    def questions(self) -> list[Question]:
        return [question for group in self.groups for question in group.questions]


def _not_the_document(question: str, info: ValidationInfo) -> str:
    """A misunderstanding to clear up is never a sentence of the plan: that would call the plan's own words wrong."""
    document = (info.context or {}).get("document")
    if document is not None and question in document:
        raise PydanticCustomError(
            "question_is_document_text",
            "câu hỏi này là nguyên văn Kế hoạch; mục “Làm rõ” không được coi lời văn bản là nhận thức chưa đúng. "
            "Viết câu hỏi bằng lời trung tính của Ban biên tập, hoặc bỏ mục")
    return question


class Clarification(ContentModel):
    """Một nhận thức chưa đúng cần làm rõ: một câu hỏi nêu trung tính, lời đáp trích nguyên văn Kế hoạch."""

    id: Slug = Field(description="Mã, thành neo liên kết `lam-ro/#<id>`.")
    question: Annotated[Name, AfterValidator(_not_the_document)] = Field(description="Câu hỏi nêu trung tính (không nhắc lại lời lẽ kích động, không gán nhãn “luận điệu”, “thù địch”), không chép câu của Kế hoạch.")
    answer: Answer = Field(description="Lời đáp ngắn do Ban biên tập viết, chỉ dùng lời văn của Kế hoạch.")
    quotes: Quotes
    source: SourceRef
    approved: Approval | None = Field(None, description=APPROVED_DESCRIPTION)


class ClarificationSection(UniqueIds):
    """Trang “Làm rõ một số nhận thức chưa đúng” (thay trang “Phản bác” trước đây)."""

    title: Name = Field("Làm rõ một số nhận thức chưa đúng", description="Tiêu đề trang, ví dụ `Làm rõ một số nhận thức chưa đúng`.")
    intro: Text | None = Field(None, description="Đoạn giới thiệu (không bắt buộc).")
    items: list[Clarification] = Field(default_factory=list, description="Các mục; trang chỉ có khi có ít nhất một mục đã duyệt (bản xem trước: có ít nhất một mục).")

    @model_validator(mode="after")
    def _unique(self) -> ClarificationSection:
        self._check_unique([item.id for item in self.items])
        return self


class Term(ContentModel):
    """Một thuật ngữ: lời giải thích của Ban biên tập (không phải lời văn bản)."""

    id: Slug = Field(description="Mã, thành neo liên kết `thuat-ngu/#<id>`.")
    term: Name = Field(description="Thuật ngữ như văn bản viết, ví dụ `Chính phủ điện tử`, `TFP`.")
    aliases: list[Name] = Field(default_factory=list, description="Cách viết khác cũng được liên kết, ví dụ `năng suất nhân tố tổng hợp`.")
    explanation: Text = Field(description="Giải thích ngắn, trung tính, kiến thức phổ thông; trang ghi rõ là lời Ban biên tập.")
    source: Line | None = Field(None, description="Nguồn của lời giải thích, nếu lấy từ một văn bản khác (không bắt buộc).")
    link: bool = Field(True, description="`false` để không tự động liên kết thuật ngữ này trong các trang.")
    approved: Approval | None = Field(None, description=APPROVED_DESCRIPTION)

    @property
    def forms(self) -> list[str]:
        """Every way the term is written: the term, then its aliases."""
        return [self.term, *self.aliases]


class GlossarySection(UniqueIds):
    """Trang Thuật ngữ."""

    title: Name = Field("Thuật ngữ", description="Tiêu đề trang, ví dụ `Thuật ngữ`.")
    intro: Text | None = Field(None, description="Đoạn giới thiệu (không bắt buộc).")
    terms: list[Term] = Field(default_factory=list, description="Các thuật ngữ; chưa có mục nào (đã duyệt) thì trang Thuật ngữ không có và các trang không liên kết thuật ngữ.")

    @model_validator(mode="after")
    def _unique(self) -> GlossarySection:
        self._check_unique([t.id for t in self.terms])
        forms: set[str] = set()
        for term in self.terms:
            for form in term.forms:
                if form.casefold() in forms:
                    raise PydanticCustomError(
                        "duplicate_term", "thuật ngữ “{form}” có ở hai mục; mỗi cách viết chỉ thuộc một mục",
                        {"form": form})
                forms.add(form.casefold())
        return self


# --------------------------------------------------------------------------
# The home page's plain-language summary (tom-tat.yml): editor-written, each line tied to a sentence of the plan
# --------------------------------------------------------------------------


class SummaryItem(ContentModel):
    """Một ý tóm tắt bằng lời dễ hiểu; câu trích `quote` phải có nguyên văn trong phần `passage` của Kế hoạch."""

    text: Name = Field(description="Một câu ngắn, dễ hiểu, do Ban biên tập viết, có chủ ngữ, chỉ nói điều câu trích nói.")
    passage: Slug = Field(description="Mã phần văn bản chứa câu trích, như trường `passage` của câu hỏi trắc nghiệm (`yeu-cau`, `cap-co-so`, `kinh-te-so` …); trang chủ liên kết tới đó.")
    quote: Text = Field(description="Câu (hoặc vế câu) chép nguyên văn từ phần `passage`, làm căn cứ cho ý tóm tắt.")
    approved: Approval | None = Field(None, description=APPROVED_DESCRIPTION)


class Summary(ContentModel):
    """Tóm tắt Kế hoạch trên trang chủ: vài ý ngắn, mỗi ý dẫn tới câu văn gốc."""

    title: Name = Field("Những điểm chính của Kế hoạch", description="Tiêu đề khối tóm tắt, ví dụ `Những điểm chính của Kế hoạch`.")
    items: list[SummaryItem] = Field(default_factory=list, max_length=8, description="Các ý tóm tắt (3–6 ý là vừa một màn hình điện thoại); để trống thì trang chủ không có khối này.")


# --------------------------------------------------------------------------
# The home page's "Nghị quyết và người dân" block (nguoi-dan.yml): what the plan means for citizens
# --------------------------------------------------------------------------


class CitizenLine(ContentModel):
    """Một dòng cho người dân: điều Kế hoạch đặt ra có liên quan tới người dân, gắn với một câu trích mục tiêu hay nhiệm vụ."""

    text: Name = Field(description="Một câu ngắn, dễ hiểu, do Ban biên tập viết, chỉ nói điều câu trích nói.")
    passage: Slug = Field(description="Mã phần văn bản chứa câu trích: chỉ tiêu (`dich-vu-cong-truc-tuyen`), quan điểm, nhóm nhiệm vụ, đơn vị hoặc mục (`cap-co-so`); trang chủ liên kết tới đó.")
    quote: Text = Field(description="Câu (hoặc vế câu) chép nguyên văn từ phần `passage`: mục tiêu hay nhiệm vụ làm căn cứ.")
    approved: Approval | None = Field(None, description=APPROVED_DESCRIPTION)


class CitizensSection(ContentModel):
    """Khối “Nghị quyết và người dân” trên trang chủ: vài dòng ngắn, mỗi dòng dẫn tới câu văn gốc."""

    title: Name = Field("Nghị quyết và người dân", description="Tiêu đề khối.")
    items: list[CitizenLine] = Field(default_factory=list, max_length=6, description="Các dòng (3–5 dòng là vừa một màn hình điện thoại); không có dòng nào đã duyệt thì trang chủ không có khối này.")
