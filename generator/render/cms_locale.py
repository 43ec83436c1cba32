"""The browser editor's Vietnamese, and the guard that keeps photo changes off ``main`` (``bien-tap/quan-tri/vi.js``).

Decap CMS 3.16 ships a Vietnamese locale with 171 of its 248 strings; the other 77 fall back to English
("Copy Name", "Add %{item}", "Insert from URL" …) and a few Vietnamese ones are cut short ("Trạng: …") or
say something untrue ("Thay đổi đã được lưu" on a form nobody has touched). ``PHRASES`` supplies the
missing strings and corrects those; ``script()`` writes a file the page loads right after
``decap-cms.js`` that merges them into Decap's own Vietnamese (``CMS.registerLocale``) before the
configuration has loaded, so the first screen is already in Vietnamese.

The same file guards ``main``. With the editorial workflow, a photo uploaded inside an entry stays in that
entry's branch; but Decap asks "… already exists. Do you want to replace it?" (in English, hard-coded) when a
new photo has a published photo's name, and on OK deletes the published photo with a commit on ``main``;
its media library deletes published photos the same way. The script answers those two questions itself: no,
with a Vietnamese explanation of what to do instead (rename the photo). ``STYLE`` hides the header's button
to the global media library, where uploads, outside any entry, would go straight to ``main``.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from ..registry import ADMIN_CONFIG
from ..views.admin import LOCALE_NAME, STYLE_NAME

SCRIPT_PATH = posixpath.join(posixpath.dirname(ADMIN_CONFIG), LOCALE_NAME)
STYLE_PATH = posixpath.join(posixpath.dirname(ADMIN_CONFIG), STYLE_NAME)

DELETE_MEDIA = "Xóa ảnh đã đăng trên trang không làm ở đây."
"""Decap's delete question in the media library, recognised by the guard (``mediaLibrary.mediaLibrary.onDelete``)."""

NO_REPLACE = ("Đã có ảnh tên “{name}” trên trang. Ảnh đã đăng không thay được ở đây, vì bài khác có thể đang dùng: "
              "hãy đổi tên tệp ảnh trên máy (ví dụ thêm ngày và nội dung: 2025-06-05-hoi-nghi-xa.jpg) rồi tải lên lại.")
NO_DELETE = ("Ảnh đã đăng không xóa được trên trang quản trị, vì bài khác có thể đang dùng. Muốn gỡ ảnh khỏi một bài, "
             "mở bài đó và bấm “Gỡ ảnh”; muốn xóa hẳn tệp ảnh, nhờ người duy trì kho mã.")

PHRASES: dict[str, Any] = {
    "auth": {"loginWithAzure": "Đăng nhập bằng Azure", "loginWithForgejo": "Đăng nhập bằng Forgejo"},
    "collection": {
        "entries": {"unpublishedHeader": "Chưa công bố"},
        # Decap's "＋ %{collectionLabel}": the full-width plus is missing from common fonts (a box on phones).
        "collectionTop": {"viewAsList": "Xem dạng danh sách", "viewAsGrid": "Xem dạng lưới", "groupBy": "Nhóm theo",
                          "newButton": "Thêm %{collectionLabel}"},
        "groups": {"other": "Khác", "negateLabel": "Không phải %{label}"},
    },
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Trường %{widgetLabel}"}},
        "editorControlPane": {"i18n": {
            "writingInLocale": "Đang viết bằng %{locale}", "copyFromLocale": "Điền từ ngôn ngữ khác",
            "copyFromLocaleConfirm": "Điền dữ liệu từ ngôn ngữ %{locale}?\nMọi nội dung đang có sẽ bị ghi đè."}},
        "editorInterface": {"toggleI18n": "Bật/tắt đa ngôn ngữ", "togglePreview": "Bật/tắt xem trước",
                            "toggleScrollSync": "Cuộn đồng thời", "toggleNotes": "Bật/tắt ghi chú"},
        "editorNotesPane": {
            "title": "Ghi chú", "emptyState": "Chưa có ghi chú nào.", "addNote": "Thêm ghi chú",
            "addPlaceholder": "Viết ghi chú…", "editPlaceholder": "Sửa ghi chú…", "save": "Lưu", "cancel": "Hủy",
            "edit": "Sửa", "delete": "Xóa", "resolve": "Đã xử lý", "unresolve": "Mở lại",
            "confirmDelete": "Xóa ghi chú này?", "shortcut": "Mẹo: bấm Ctrl+Enter để thêm nhanh ghi chú"},
        "editorToolbar": {
            "status": "Trạng thái: %{status}",
            "changesSaved": "Không còn thay đổi chưa lưu",
            "statusInfoTooltipDraft": "Bài đang là bản nháp. Khi viết xong, đổi trạng thái sang “Đang xem xét” để "
                                      "người duyệt xem.",
            "statusInfoTooltipInReview": "Bài đang được xem xét; không cần làm gì thêm. Vẫn có thể sửa tiếp trong "
                                         "lúc chờ duyệt."},
        "editorWidgets": {
            "markdown": {"bold": "Chữ đậm", "italic": "Chữ nghiêng", "strikethrough": "Gạch ngang", "code": "Mã",
                         "link": "Liên kết", "linkPrompt": "Nhập địa chỉ của liên kết", "headings": "Tiêu đề",
                         "quote": "Trích dẫn", "bulletedList": "Danh sách gạch đầu dòng",
                         "numberedList": "Danh sách đánh số", "addComponent": "Thêm thành phần",
                         "toggleMode": {"rich": "Chuyển sang soạn thảo thường", "markdown": "Chuyển sang Markdown"}},
            "image": {"chooseMultiple": "Chọn ảnh", "chooseUrl": "Chèn từ địa chỉ web",
                      "replaceUrl": "Thay bằng địa chỉ web", "promptUrl": "Nhập địa chỉ web của ảnh",
                      "addMore": "Thêm ảnh", "removeAll": "Gỡ mọi ảnh", "remove": "Gỡ ảnh"},
            "file": {"chooseUrl": "Chèn từ địa chỉ web", "chooseMultiple": "Chọn tệp",
                     "replaceUrl": "Thay bằng địa chỉ web", "promptUrl": "Nhập địa chỉ web của tệp",
                     "addMore": "Thêm tệp", "removeAll": "Gỡ mọi tệp"},
            "datetime": {"setToNow": "Đặt %{fieldLabel} là hôm nay", "now": "Hôm nay", "clear": "Xóa ngày"},
            "list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
            "object": {"expand": "Mở rộng", "collapse": "Thu gọn"},
        },
    },
    "mediaLibrary": {
        "mediaLibraryCard": {"copy": "Sao chép", "copyUrl": "Sao chép địa chỉ", "copyPath": "Sao chép đường dẫn",
                             "copyName": "Sao chép tên", "copied": "Đã sao chép"},
        "mediaLibrary": {"onDelete": DELETE_MEDIA},
        "mediaLibraryModal": {"close": "Đóng", "chooseSelected": "Dùng ảnh đã chọn"},
    },
    "workflow": {"workflow": {"dateFormat": "D/M/YYYY"}},
    "ui": {
        "settingsDropdown": {"account": "Tài khoản"},
        "toast": {"noteAdded": "Đã thêm ghi chú", "onFailToAddNote": "Không thêm được ghi chú: %{details}",
                  "noteUpdated": "Đã sửa ghi chú", "onFailToUpdateNote": "Không sửa được ghi chú: %{details}",
                  "noteDeleted": "Đã xóa ghi chú", "onFailToDeleteNote": "Không xóa được ghi chú: %{details}",
                  "noteResolved": "Ghi chú đã xử lý", "noteReopened": "Đã mở lại ghi chú",
                  "onFailToToggleNote": "Không đổi được trạng thái ghi chú: %{details}"},
    },
}
"""Strings added to, or corrected in, Decap's Vietnamese (same keys as ``decap-cms-locales/src/en``)."""

_GUARD = """\
/* Tạo tự động từ generator/render/cms_locale.py; đừng sửa tay. */
(function () {
  "use strict";
  var PHRASES = %(phrases)s;
  var DELETE_MEDIA = %(delete)s, NO_REPLACE = %(replace)s, NO_DELETE = %(no_delete)s;
  var REPLACE = /^(.*) already exists\\. Do you want to replace it\\?$/;
  function merge(into, from) {
    Object.keys(from).forEach(function (key) {
      var value = from[key];
      if (value && typeof value === "object") {
        into[key] = merge(into[key] && typeof into[key] === "object" ? into[key] : {}, value);
      } else {
        into[key] = value;
      }
    });
    return into;
  }
  var ask = window.confirm.bind(window);
  window.confirm = function (message) {
    var text = String(message), replace = REPLACE.exec(text);
    if (replace) { window.alert(NO_REPLACE.replace("{name}", replace[1])); return false; }
    if (text === DELETE_MEDIA) { window.alert(NO_DELETE); return false; }
    return ask(message);
  };
  if (window.CMS && window.CMS.registerLocale) {
    window.CMS.registerLocale("vi", merge(merge({}, window.CMS.getLocale("vi") || {}), PHRASES));
  }
})();
"""

STYLE = """\
/* Tạo tự động từ generator/render/cms_locale.py: trang quan-tri/ không nạp giao diện của trang đọc. */
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; overflow-x: hidden; }
/* The header's media button opens the global media library, whose uploads and deletions go to main:
   editors add photos inside a post only (its media library then keeps them in the post's branch). */
nav button[class*="-AppHeaderButton"] { display: none !important; }
/* WCAG AA (4.5:1, measured with axe-core in tests/browser/test_cms.py): Decap's grey #798291 is 3.4–3.9:1 on its
   backgrounds and its red badge #ff003b 3.9:1; darker shades of the same colours. */
#nc-root a[data-testid], #nc-root nav [class*="-AppHeaderButton"], #nc-root [class*="grayText"],
#nc-root [class*="-NoEntriesMessage"], #nc-root [class*="-PaginationMessage"], #nc-root [class*="-SortableListItem"],
#nc-root [class*="-ControlHint"] { color: #4a5160 !important; }
#nc-root [class*="textBadgeDanger"] { color: #c4002d !important; }
#nc-root a[data-testid][class*="active"], #nc-root nav a[class*="header-link-active"] { color: #2456b8 !important; }
/* Deploy previews are not used here (the pull request's comment links the preview). */
[class*="-PreviewButtonContainer"] { display: none !important; }
@media (max-width: 799px) {
  /* Decap lays its editor out for a desktop (toolbar min-width 800px): wrap it to the phone's width, so
     "Lưu" stays on screen. Emotion's class names carry the component's name; !important because its rules
     are inserted after this sheet. */
  [class*="-AppMainContainer"], [class*="-EditorContainer"], [class*="-Editor "], [class*="-splitPane"],
  [class*="-ControlPaneContainer"] { min-width: 0 !important; max-width: 100% !important; }
  [class*="-ControlPaneContainer"] { padding-left: 8px !important; padding-right: 8px !important; }
  [class*="-ToolbarContainer"] { min-width: 0 !important; width: 100% !important; height: auto !important;
    flex-wrap: wrap !important; }
  [class*="-ToolbarSectionBackLink"] { flex: 1 1 100% !important; height: auto !important; padding: 6px 12px !important;
    border-right: 0 !important; border-bottom: 1px solid #dfdfe3 !important; }
  [class*="-ToolbarSectionMain"] { flex: 1 1 0 !important; min-width: 0 !important; height: auto !important;
    padding: 6px 4px !important; flex-wrap: wrap !important; }
  [class*="-ToolbarSubSectionFirst"], [class*="-ToolbarSubSectionLast"] { flex-wrap: wrap !important; }
  [class*="-ToolbarSectionMeta"] { height: auto !important; padding: 0 6px !important; border-left: 0 !important; }
  [class*="-ToolbarButton"], [class*="-StyledDropdownButton"] { margin: 4px !important; }
  /* Nested lists (paragraph → indicator → measurement) would each take 30 px of a 360 px screen. */
  #nc-root div[id*="-field-"] { padding-left: 4px !important; padding-right: 4px !important; }
  #nc-root [class*="-ListItem"] { margin-left: 0 !important; margin-right: 0 !important; }
}
"""
"""The page's own stylesheet, instead of the site's (whose link colour made Decap's buttons unreadable)."""


def script() -> str:
    """``quan-tri/vi.js``: the Vietnamese strings and the guard."""
    def js(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")

    return _GUARD % {"phrases": js(PHRASES), "delete": js(DELETE_MEDIA), "replace": js(NO_REPLACE),
                     "no_delete": js(NO_DELETE)}
