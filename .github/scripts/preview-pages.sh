#!/usr/bin/env bash
# Đưa bản xem trước lên (ACTION=deploy) hoặc gỡ khỏi (ACTION=remove) thư mục pr-<số>/ của nhánh gh-pages trong kho
# trang xem trước PREVIEW_REPO — một kho riêng, ở gốc (origin) khác trang thật. Chỉ chạy trong preview.yml (tin cậy).
# Put the preview into (or take it out of) pr-<N>/ on the gh-pages branch of the separate preview repository.
# In: PREVIEW_REPO (owner/name), PREVIEW_TOKEN (fine-grained token: that repository only, Contents read and write),
#     PR_NUMBER (checked digits), ACTION, SITE_DIR (the downloaded site), RUNNER_TEMP, GITHUB_SERVER_URL.
set -euo pipefail
case "${PR_NUMBER:-}" in ''|*[!0-9]*) echo "::error::số yêu cầu hợp nhất không hợp lệ" >&2; exit 1 ;; esac
case "${PREVIEW_REPO:-}" in */*) ;; *) echo "::error::PREVIEW_REPO phải có dạng tổ-chức/kho" >&2; exit 1 ;; esac
if [ -z "${PREVIEW_TOKEN:-}" ]; then
  echo "::error::Chưa đặt bí mật PREVIEW_TOKEN (Settings → Secrets and variables → Actions → Secrets): mã truy cập chỉ cho kho $PREVIEW_REPO, quyền Contents: Read and write." >&2
  exit 1
fi
auth="AUTHORIZATION: basic $(printf 'x-access-token:%s' "$PREVIEW_TOKEN" | base64 -w0)"
echo "::add-mask::${auth#AUTHORIZATION: basic }"
if [ "$ACTION" = deploy ]; then SITE_DIR=$(cd "$SITE_DIR" && pwd); fi
remote="${GITHUB_SERVER_URL:-https://github.com}/$PREVIEW_REPO.git"
work="${RUNNER_TEMP:-/tmp}/preview-pages"
rm -rf "$work" && git init -q "$work" && cd "$work"
git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
git remote add origin "$remote"
if git -c http.extraheader="$auth" fetch -q --depth 1 origin gh-pages 2>/dev/null; then
  git checkout -q -B gh-pages FETCH_HEAD
else
  git checkout -q --orphan gh-pages  # the first preview creates the branch
fi
if [ "$ACTION" = deploy ]; then message="Bản xem trước #$PR_NUMBER"; else message="Gỡ bản xem trước #$PR_NUMBER"; fi
# Replace pr-<N>/ on the current tip; false when nothing changed.
update() {
  rm -rf "pr-$PR_NUMBER"
  if [ "$ACTION" = deploy ]; then
    cp -R "$SITE_DIR" "pr-$PR_NUMBER"
    touch .nojekyll
  fi
  git add -A
  if git diff --cached --quiet; then return 1; fi
  git commit -q -m "$message"
}
if ! update; then
  echo "Không có gì thay đổi trong kho trang xem trước."
  exit 0
fi
for attempt in 1 2 3; do
  if git -c http.extraheader="$auth" push -q origin gh-pages; then
    echo "$message: đã đưa lên $PREVIEW_REPO"
    exit 0
  fi
  echo "Lần $attempt: kho trang xem trước vừa có thay đổi khác, làm lại trên bản mới nhất."
  git -c http.extraheader="$auth" fetch -q --depth 1 origin gh-pages
  git reset -q --hard FETCH_HEAD
  update || exit 0
done
echo "::error::Không đưa được bản xem trước lên $PREVIEW_REPO sau 3 lần thử" >&2
exit 1
