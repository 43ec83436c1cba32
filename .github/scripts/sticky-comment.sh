#!/usr/bin/env bash
# Một bình luận “Bản xem trước” cho mỗi yêu cầu hợp nhất, sửa lại mỗi lần (không chồng thêm bình luận mới).
# One sticky comment per pull request: the bot's comment that starts with the marker is edited, else one is added.
# In: GH_TOKEN, REPOSITORY, PR_NUMBER (checked digits), BODY (from preview.py comment; starts with the marker).
set -euo pipefail
case "${PR_NUMBER:-}" in ''|*[!0-9]*) echo "::error::số yêu cầu hợp nhất không hợp lệ" >&2; exit 1 ;; esac
marker='<!-- nq57-preview -->'
existing=$(gh api --paginate "repos/$REPOSITORY/issues/$PR_NUMBER/comments" \
  --jq ".[] | select(.user.login == \"github-actions[bot]\" and (.body | startswith(\"$marker\"))) | .id" | head -n 1)
if [ -n "$existing" ]; then
  gh api --silent -X PATCH "repos/$REPOSITORY/issues/comments/$existing" -f body="$BODY"
else
  gh api --silent -X POST "repos/$REPOSITORY/issues/$PR_NUMBER/comments" -f body="$BODY"
fi
echo "Đã ghi lời nhắn vào yêu cầu hợp nhất #$PR_NUMBER"
