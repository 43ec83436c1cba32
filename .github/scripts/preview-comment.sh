#!/usr/bin/env bash
# Lời nhắn tiếng Việt ghi vào yêu cầu hợp nhất: liên kết tới bản xem trước và chỗ xem lỗi.
# The pull request's comment, in Vietnamese (pr-preview-action's own comment is English).
# Vào / in: BASE_URL (vars.SITE_URL), PR_NUMBER, ACTION_URL (preview-url of pr-preview-action).
# Ra / out: a multi-line "body" output for $GITHUB_OUTPUT.
set -euo pipefail
if [ -n "${BASE_URL:-}" ]; then
  url="${BASE_URL%/}/pr-preview/pr-$PR_NUMBER/"  # the address the content job built the preview for
else
  url="$ACTION_URL"
fi
delimiter="NQ57_COMMENT_$RANDOM$RANDOM"
echo "body<<$delimiter"
echo "### Bản xem trước"
echo
echo "Xem trang web của yêu cầu hợp nhất #$PR_NUMBER tại: $url"
echo
echo "- Trang sẵn sàng sau khi GitHub Pages đăng xong, thường 1–2 phút; mỗi lần sửa, bản xem trước được dựng lại."
echo "- Bản xem trước được dựng cả khi các kiểm thử khác chưa đạt. Lỗi nội dung (nếu có) hiện ngay tại dòng trong thẻ **Files changed** và ở phần kiểm tra (**Checks**)."
echo "$delimiter"
