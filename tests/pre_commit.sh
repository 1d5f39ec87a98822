#!/usr/bin/env bash
# The real pre-commit, with this repository's .pre-commit-hooks.yaml, in a
# temporary repository: a commit with an invalid file fails and names it
# file:line, a good one passes, and the drift hook catches a rendered tree
# left behind. No network: the hook repository is a local one and the hooks
# use `language: system` (the edgegen under test, first on PATH).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
command -v pre-commit >/dev/null \
  || fail "pre-commit is not installed: apt-get install pre-commit (scripts/install-deps --test installs it)"
export PRE_COMMIT_HOME="$WORK/pre-commit-cache"
mkdir "$WORK/bin"
ln -s "$EDGEGEN" "$WORK/bin/edgegen"
export PATH="$WORK/bin:$PATH"

# The hooks as this tree has them, committed in a repository of their own.
hooks="$WORK/hooks"
git init -q "$hooks"
cp "$ROOT/.pre-commit-hooks.yaml" "$hooks/"
commit_all "$hooks" "hooks"

repo="$WORK/repo"
new_repo "$repo"
cd "$repo"
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $(git -C "$hooks" rev-parse HEAD)
    hooks:
      - id: edgegen-validate
        args: [edge]
      - id: edgegen-drift
        args: [edge, --out, rendered]
EOF
edgegen render edge --out rendered >/dev/null
commit_all . "rendered tree and hooks"
pre-commit install >/dev/null
[ -x .git/hooks/pre-commit ] || fail "pre-commit install did not install the hook"
head_before="$(git rev-parse HEAD)"

# A bad commit: the hook fails, names file:line:col, and nothing is committed.
sed -i 's/service: api$/service: apii/' edge/projects/team-a.yaml
line="$(grep -n 'service: apii' edge/projects/team-a.yaml | head -1 | cut -d: -f1)"
git add edge/projects/team-a.yaml
expect 1 git commit -qm "bad"
cat "$WORK/stdout" "$WORK/stderr" >"$WORK/log"
grep -qE '^edgegen validate\.+Failed$' "$WORK/log" || fail "validate hook did not fail: $(cat "$WORK/log")"
grep -qxF "edge/projects/team-a.yaml:$line:16: error[E0401]: unknown service \"apii\" (hint: did you mean \"api\"?)" \
  "$WORK/log" || fail "the failure does not name file:line: $(cat "$WORK/log")"
[ "$(git rev-parse HEAD)" = "$head_before" ] || fail "the bad commit was recorded"

# A commit that only deletes a file still runs the hook: references break.
git reset -q --hard
git rm -q edge/middlewares.yaml
expect 1 git commit -qm "remove the shared middlewares"
cat "$WORK/stdout" "$WORK/stderr" >"$WORK/log"
grep -qE '^edgegen validate\.+Failed$' "$WORK/log" || fail "validate hook did not run: $(cat "$WORK/log")"
grep -qF "error[E0402]: unknown middleware \"secure-headers\"" "$WORK/log" || fail "deletion: $(cat "$WORK/log")"
git reset -q --hard
sed -i 's/service: api$/service: apii/' edge/projects/team-a.yaml

# `git commit -a` stages into a temporary index ($GIT_INDEX_FILE): still caught.
expect 1 git commit -qam "bad, with -a"
cat "$WORK/stdout" "$WORK/stderr" >"$WORK/log"
grep -qF "edge/projects/team-a.yaml:$line:16: error[E0401]" "$WORK/log" || fail "commit -a: $(cat "$WORK/log")"
[ "$(git rev-parse HEAD)" = "$head_before" ] || fail "the bad commit -a was recorded"
git checkout -q -- edge

# A valid change without re-rendering: the drift hook fails, naming the file.
sed -i 's/port: 8000/port: 8001/' edge/projects/team-a.yaml
git add edge/projects/team-a.yaml
expect 1 git commit -qm "stale rendered tree"
cat "$WORK/stdout" "$WORK/stderr" >"$WORK/log"
grep -qE '^edgegen validate\.+Passed$' "$WORK/log" || fail "validate should pass: $(cat "$WORK/log")"
grep -qE '^edgegen render --check\.+Failed$' "$WORK/log" || fail "drift hook did not fail: $(cat "$WORK/log")"
grep -qxF "edgegen: rendered/prod/traefik/dynamic/team-a.yml differs" "$WORK/log" || fail "$(cat "$WORK/log")"

# Re-rendered and staged: the good commit passes. An untracked invalid file
# is not part of the commit, so it does not count.
edgegen render edge --out rendered >/dev/null
git add rendered
printf 'kind: [\n' >edge/projects/scratch.yaml
expect 0 git commit -qm "team-a api on 8001"
cat "$WORK/stdout" "$WORK/stderr" >"$WORK/log"
grep -qE '^edgegen validate\.+Passed$' "$WORK/log" || fail "validate hook: $(cat "$WORK/log")"
grep -qE '^edgegen render --check\.+Passed$' "$WORK/log" || fail "drift hook: $(cat "$WORK/log")"
[ "$(git rev-parse HEAD)" != "$head_before" ] || fail "the good commit was not recorded"
git show --stat HEAD | grep -qF 'rendered/prod/traefik/dynamic/team-a.yml' || fail "rendered file not in the commit"
echo "pre-commit: ok"
