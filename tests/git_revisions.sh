#!/usr/bin/env bash
# --ref reads a revision as git does: every odd form is resolved by the
# real `git rev-parse` and by edgegen; where git finds a commit, edgegen
# renders that commit (edgegen.lock.json names it), and where git refuses
# (or finds no commit), edgegen refuses: exit 2, the revision named.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
# Under the sanitizers: libgit2's own leak on `:/text` is not edgegen's.
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan-libgit2.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
repo="$WORK/repo"
new_repo "$repo"
git -C "$repo" checkout -qb feature
printf '# feature\n' >>"$repo/README.md"
commit_all "$repo" "second: feature work"
git -C "$repo" checkout -q main          # @{-1} is feature now
git -C "$repo" branch 'ma@in' feature     # a legal branch name holding '@'
revisions=(
  @ '@{-1}' 'nope@' 'HEAD@{0}' ':/platform' ':/feature work' ':/no such text' 'main^{tree}' 'main^{commit}'
  'main@' 'main@@' '@@' 'HEAD@' 'v1@' '@~0' '@^0' '@^{}' 'feature~1' 'feature^{/platform}' 'main@{0}'
  '@{0}' 'ma@in' 'ma@in~1' 'ma@' '@main' 'x@y' 'main@{-1}' 'main@{u}' 'v1' 'v1^{}' 'v1^{tag}' 'HEAD:'
  'main:README.md' 'main~' 'feature^^' 'refs/heads/feature' 'heads/main' '-q' '--all' 'main..feature'
)
checked=0
for revision in "${revisions[@]}"; do
  id="$(git -C "$repo" rev-parse --verify -q "$revision" 2>/dev/null || true)"
  commit=""
  if [ -n "$id" ]; then
    commit="$(git -C "$repo" rev-parse --verify -q "$id^{commit}" 2>/dev/null || true)"
  fi
  out="$WORK/out-$checked"
  set +e
  "$EDGEGEN" render --ref "$revision" "$repo/edge" --out "$out" >"$WORK/stdout" 2>"$WORK/stderr"
  rc=$?
  set -e
  if [ -n "$commit" ]; then
    [ "$rc" = 0 ] || fail "--ref '$revision': git reads commit $commit, edgegen exited $rc: $(cat "$WORK/stderr")"
    grep -qF "\"commit\": \"$commit\"" "$out/edgegen.lock.json" \
      || fail "--ref '$revision': git reads commit $commit, edgegen rendered $(grep '"commit"' "$out/edgegen.lock.json")"
  else
    [ "$rc" = 2 ] || fail "--ref '$revision': git refuses it (or finds no commit), edgegen exited $rc"
    grep -qF "'$revision'" "$WORK/stderr" || fail "--ref '$revision': the message does not name it: $(cat "$WORK/stderr")"
    [ ! -e "$out" ] || fail "--ref '$revision': refused, but $out was written"
  fi
  checked=$((checked + 1))
done
echo "git revisions: $checked forms read as git reads them"
