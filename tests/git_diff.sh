#!/usr/bin/env bash
# `edgegen diff` renders two states in memory and prints how the rendered
# trees differ: exactly the output lines a commit changed, nothing for a
# change that alters no output (a comment, a renamed input file).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
repo="$WORK/repo"
new_repo "$repo"
cd "$repo"

# A commit that changes one output line.
sed -i 's/port: 8000/port: 8001/' edge/projects/team-a.yaml
commit_all . "team-a api on 8001"
# Nothing is written: no file is newer than a mark made just before, and Git
# sees the same work tree. (`git status` may refresh .git/index itself, so it
# runs only after the search.)
status="$(git status --porcelain --ignored)"
touch "$WORK/mark"
sleep 0.05 # past the file system's clock tick
expect 1 "$EDGEGEN" diff edge --base HEAD~1
same_file '--- a/prod/traefik/dynamic/team-a.yml
+++ b/prod/traefik/dynamic/team-a.yml
@@ -35,7 +35,7 @@
           path: /healthz
           timeout: 3s
         servers:
-          - url: http://team-a-api:8000
+          - url: http://team-a-api:8001
     team-a-web:
       loadBalancer:
         servers:' "$WORK/stdout"
[ ! -s "$WORK/stderr" ] || fail "diff printed on stderr: $(cat "$WORK/stderr")"
written="$(find "$WORK" -mindepth 1 -newer "$WORK/mark" -not -path "$WORK/std*" | sort)"
[ -z "$written" ] || fail "diff wrote files: $written"
[ "$(git status --porcelain --ignored)" = "$status" ] || fail "diff changed the work tree: $(git status --porcelain --ignored)"

# The same with --head and --stat; reversed; and identical sides.
expect 1 "$EDGEGEN" diff edge --base v1 --head main
cp "$WORK/stdout" "$WORK/patch"
expect 1 "$EDGEGEN" diff edge --base v1 --head main --stat
same_file ' prod/traefik/dynamic/team-a.yml | 2 +-
 1 file changed, 1 insertion(+), 1 deletion(-)' "$WORK/stdout"
expect 1 "$EDGEGEN" diff edge --base main --head v1
grep -qxF -- '-          - url: http://team-a-api:8001' "$WORK/stdout" || fail "reversed: $(cat "$WORK/stdout")"
expect 0 "$EDGEGEN" diff edge --base HEAD
[ ! -s "$WORK/stdout" ] || fail "identical trees printed: $(cat "$WORK/stdout")"
# In a bare clone, both sides commits; and --subdir on the work tree.
git clone -q --bare "$repo" "$WORK/repo.git"
expect 1 "$EDGEGEN" diff "$WORK/repo.git" --subdir edge --base v1 --head main --stat
grep -qxF ' 1 file changed, 1 insertion(+), 1 deletion(-)' "$WORK/stdout" || fail "bare: $(cat "$WORK/stdout")"
(cd "$WORK" && expect 2 "$EDGEGEN" diff repo.git --subdir edge --base v1)
same_file "edgegen: error: 'repo.git' is a bare repository: it has no work tree (read a commit: --ref, or --head for diff)" "$WORK/stderr"
(cd edge/projects && expect 1 "$EDGEGEN" diff --subdir edge --base v1 --stat)
grep -qxF ' 1 file changed, 1 insertion(+), 1 deletion(-)' "$WORK/stdout" || fail "--subdir: $(cat "$WORK/stdout")"

# The patch applies: base's rendered tree patched is head's.
"$EDGEGEN" render edge --ref v1 --out "$WORK/v1" >/dev/null
"$EDGEGEN" render edge --ref main --out "$WORK/main" >/dev/null
(cd "$WORK/v1" && patch -s -p1 <"$WORK/patch")
diff -r --exclude=edgegen.lock.json --exclude=edgegen.sum "$WORK/v1" "$WORK/main" || fail "the patch does not give head"

# Comments and a renamed input file alter no output: nothing, exit 0.
sed -i '1i # Team A owns api.example.com; ask #team-a before changing it.' edge/projects/team-a.yaml
sed -i 's/^  services:/  services:   # two of them/' edge/projects/team-a.yaml
commit_all . "comments"
expect 0 "$EDGEGEN" diff edge --base HEAD~1
[ ! -s "$WORK/stdout" ] || fail "a comment changed the diff: $(cat "$WORK/stdout")"
git mv edge/projects/team-a.yaml edge/projects/a-team.yaml
commit_all . "rename"
expect 0 "$EDGEGEN" diff edge --base HEAD~1 --stat
[ ! -s "$WORK/stdout" ] || fail "a rename changed the diff: $(cat "$WORK/stdout")"

# An added and a removed output file, against /dev/null (team D copies team C,
# with a wildcard of its own).
sed -e 's/team-c/team-d/g; s/status\./status-d./' -e 's/"\*\.${apps}"/"*.d.${apps}"/' edge/projects/team-c.yaml >edge/projects/team-d.yaml
commit_all . "team-d"
expect 1 "$EDGEGEN" diff edge --base HEAD~1
"$EDGEGEN" render edge --out "$WORK/team-d" >/dev/null
lines="$(wc -l <"$WORK/team-d/prod/traefik/dynamic/team-d.yml")"
head -3 "$WORK/stdout" | same_file "--- /dev/null
+++ b/prod/traefik/dynamic/team-d.yml
@@ -0,0 +1,$lines @@" /dev/stdin
expect 1 "$EDGEGEN" diff edge --base HEAD --head HEAD~1 --stat
tail -1 "$WORK/stdout" | same_file " 1 file changed, $lines deletions(-)" /dev/stdin
expect 1 "$EDGEGEN" diff edge --base HEAD --head HEAD~1
head -2 "$WORK/stdout" | same_file "--- a/prod/traefik/dynamic/team-d.yml
+++ /dev/null" /dev/stdin

# The head is the work tree by default, or the index with --staged.
sed -i 's/port: 8001/port: 8002/' edge/projects/a-team.yaml
git add edge/projects/a-team.yaml
sed -i 's/port: 8002/port: 8003/' edge/projects/a-team.yaml
expect 1 "$EDGEGEN" diff edge --base HEAD --staged
grep -qxF -- '+          - url: http://team-a-api:8002' "$WORK/stdout" || fail "--staged: $(cat "$WORK/stdout")"
expect 1 "$EDGEGEN" diff edge --base HEAD
grep -qxF -- '+          - url: http://team-a-api:8003' "$WORK/stdout" || fail "work tree: $(cat "$WORK/stdout")"

# An invalid side: its diagnostics, named, and exit 1. The typo renames the
# route too (its name defaults to the service's), so the route test that
# names team-a-api fails with it.
sed -i 's/service: api$/service: apii/' edge/projects/a-team.yaml
expect 1 "$EDGEGEN" diff edge --base HEAD
[ ! -s "$WORK/stdout" ] || fail "an invalid side printed a diff"
grep -qF 'edge/projects/a-team.yaml:' "$WORK/stderr" || fail "$(cat "$WORK/stderr")"
grep -qF 'error[E0482]: unknown route "team-a-api"' "$WORK/stderr" || fail "$(cat "$WORK/stderr")"
tail -1 "$WORK/stderr" | same_file "edgegen: 2 error(s) in the head (edge)" /dev/stdin
git commit -qam "typo"
git reset -q --hard
expect 1 "$EDGEGEN" diff edge --base HEAD --head HEAD~1
tail -1 "$WORK/stderr" | same_file "edgegen: 2 error(s) in the base (edge at HEAD)" /dev/stdin
git reset -q --hard HEAD~1

# Colour only on a terminal (or when asked).
expect 1 "$EDGEGEN" diff edge --base v1
grep -q $'\033' "$WORK/stdout" && fail "colour in a pipe"
expect 1 "$EDGEGEN" diff edge --base v1 --color always
grep -qF $'\033[31m-          - url: http://team-a-api:8000\033[m' "$WORK/stdout" || fail "no colour: $(cat -v "$WORK/stdout")"
TERM=xterm script -qec "'$EDGEGEN' diff edge --base v1" /dev/null >"$WORK/tty" || true
grep -qF $'\033[32m+' "$WORK/tty" || fail "no colour on a terminal: $(cat -v "$WORK/tty")"
NO_COLOR=1 TERM=xterm script -qec "'$EDGEGEN' diff edge --base v1" /dev/null >"$WORK/tty" || true
grep -q $'\033\\[3' "$WORK/tty" && fail "NO_COLOR ignored"
echo "git diff: ok"
