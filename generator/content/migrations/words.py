"""Version 2 (branch ``words``): the words the pages use for what the plan does with the resolution.

Up to version 1 the templates said it themselves, in the words of a plan for studying and disseminating a
resolution ("Kế hoạch học tập, quán triệt", "buổi sinh hoạt chi bộ quán triệt …", "Học tập, quán triệt, tuyên
truyền …"). They now come from ``wording`` in ``cai-dat.yml``, whose defaults are neutral ("thực hiện"). A site
written for version 1 keeps the words it was published with: this step writes them into its settings, once.
"""

from __future__ import annotations

from pathlib import Path

from . import SETTINGS_FILE, STEPS, add_key

FORMER_WORDING = {
    "activity": "quán triệt",
    "study_title": "Kế hoạch học tập, quán triệt",
    "lead": "Học tập, quán triệt, tuyên truyền",
}
"""What the version-1 templates printed, pinned for the sites that were built with them."""

def pin_wording(content_dir: Path) -> list[str]:
    """Add ``wording:`` with the former words to ``cai-dat.yml`` unless it already has one (idempotent)."""
    block = ("# Cách các trang gọi việc làm với Nghị quyết (trước đây cố định trong mẫu trang; bỏ đi thì dùng "
             "cách nói chung “thực hiện”)\nwording:\n"
             + "".join(f'  {key}: "{value}"\n' for key, value in FORMER_WORDING.items()))
    if not add_key(content_dir / SETTINGS_FILE, "wording", block):
        return []
    return [f"{SETTINGS_FILE}: thêm `wording` (giữ cách gọi cũ: “{FORMER_WORDING['activity']}”)"]


STEPS[2].append(pin_wording)
