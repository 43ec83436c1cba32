"""The patterns text fields must match, each with the sentence that tells an editor what to type.

Editors never see a regular expression: a mismatch is reported with ``HINTS[pattern]``
(``errors.translate``), and the JSON Schema carries the same sentence as
``patternErrorMessage`` (VS Code's YAML extension shows it instead of the pattern).
"""

from __future__ import annotations

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL = r"^https?://[^\s<>\"'`{}\\]+$"
PHOTO_NAME = r"^(?:anh/)?[a-z0-9]+(?:[-_][a-z0-9]+)*\.(?:jpe?g|png|webp|hei[cf])$"
"""A file name in ``content/anh/`` (``anh/`` may be written too): a slug (``_`` too: the browser editor keeps
it in the names of uploaded photos, which it writes in lower case), a photo format in lower case."""
PHONE = r"^[0-9 +().-]+$"
EMAIL = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$"
DOMAIN = r"^[a-z0-9.-]+$"
DATE = r"^(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})$"
TIME_ZONE = r"^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*$"
"""An IANA time zone name (``Asia/Ho_Chi_Minh``): letters and ``/``, never a path that leaves the zone database."""

HINTS = {
    SLUG: "chỉ gồm chữ thường không dấu và số, nối bằng gạch ngang, ví dụ sinh-hoat-chi-bo "
          "(không dấu cách, không chữ hoa, không dấu tiếng Việt)",
    URL: "phải là địa chỉ web đầy đủ, bắt đầu bằng https:// hoặc http://, ví dụ https://tinhuy.vn/van-ban/123",
    PHOTO_NAME: "phải là tên tệp ảnh trong thư mục content/anh/, chữ thường không dấu, số, nối bằng gạch ngang, "
                "đuôi .jpg, .jpeg, .png, "
                ".webp hoặc .heic, ví dụ hoi-nghi.jpg",
    PHONE: "chỉ gồm chữ số, dấu cách và + ( ) . -, ví dụ 0216 3885 123",
    EMAIL: "phải là địa chỉ thư điện tử, ví dụ vanphong@example.gov.vn",
    DOMAIN: "phải là tên miền viết thường, không có https:// và không có dấu /, ví dụ example.gov.vn",
    DATE: "phải là ngày, viết 10/3/2025 hoặc 2025-03-10",
    TIME_ZONE: "phải là tên múi giờ theo cơ sở dữ liệu IANA, ví dụ Asia/Ho_Chi_Minh (giờ Việt Nam)",
}


def hint(pattern: str) -> str:
    """What to type for ``pattern``; never the pattern itself."""
    return HINTS.get(pattern, "không đúng dạng yêu cầu; xem giải thích của trường trong hướng dẫn")


def schema_extra(pattern: str) -> dict[str, str]:
    """JSON Schema keywords VS Code shows on a mismatch."""
    return {"patternErrorMessage": HINTS[pattern]}
