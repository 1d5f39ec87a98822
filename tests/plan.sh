#!/usr/bin/env bash
# `edgegen plan` over a scripted series of commits to a copy of
# examples/platform (every target on, so the dns target's records are in
# the plan) in a real Git repository. Each commit's plan, text and Markdown,
# is compared with tests/golden/plan/<step>.txt and .md;
# UPDATE_GOLDENS=1 rewrites them. Then exit codes: 0 no change, 1 a change
# or an invalid side (named), 2 a usage or environment error.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
golden="$ROOT/tests/golden/plan"
repo="$WORK/repo"
git init -q "$repo"
mkdir -p "$repo/edge"
cp -r "$ROOT/examples/platform/." "$repo/edge/"
commit_all "$repo" "platform"
cd "$repo"

# step NAME EXIT: commits the work tree as NAME and compares the plan of
# that commit (text and Markdown) with the goldens; the plan exits EXIT.
step() {
  commit_all . "$1"
  for format in text markdown; do
    local file="$golden/$1.txt"
    [ "$format" = text ] || file="$golden/$1.md"
    expect "$2" "$EDGEGEN" plan edge --base HEAD~1 --head HEAD --format "$format"
    [ ! -s "$WORK/stderr" ] || fail "$1: plan printed on stderr: $(cat "$WORK/stderr")"
    if [ -n "${UPDATE_GOLDENS:-}" ]; then
      mkdir -p "$golden"
      cp "$WORK/stdout" "$file"
    fi
    diff -u "$file" "$WORK/stdout" || fail "$1: the $format plan differs from $file (UPDATE_GOLDENS=1 rewrites it)"
  done
}

# A route: its certificate and its DNS records come with it.
sed -i '/^  middlewares:/i\    - name: docs\n      host: docs.${domain}\n      service: web\n      middlewares: [secure-headers]' \
  edge/projects/team-a.yaml
step 1-add-route 1

# A project middleware's option, with the route it touches.
sed -i 's/average: 200/average: 100/' edge/projects/team-a.yaml
step 2-change-middleware 1

# billing's /api moves to a new service: one change of one route.
sed -i 's/^    api:$/    api-v2:/; s/^      service: api$/      service: api-v2/' edge/projects/team-b.yaml
step 3-move-path 1

# A wildcard under the apps zone, on the DNS-01 issuer.
sed -i '/^  middlewares:/i\    - name: previews\n      host: "*.team-a.${apps}"\n      service: web\n      issuer: letsencrypt-dns' \
  edge/projects/team-a.yaml
step 4-add-wildcard 1

# Team C goes, with its route tests: its hosts stop being served.
git rm -q edge/projects/team-c.yaml
sed -i '/any other preview/,/expect: {route: team-c-status}/d' edge/route-tests.yaml
step 5-remove-project 1

# A comment changes nothing at the edge.
sed -i '1a# reviewed' edge/projects/team-a.yaml
step 6-comment-only 0

# The whole series at once, and the way back.
expect 1 "$EDGEGEN" plan edge --base HEAD~6 --head HEAD
grep -qxF 'Plan: 2 routes to add, 1 to change, 3 to remove; 2 certificates to order, 1 to drop; 2 DNS records to add, 2 to remove; 1 middleware to change; 2 risks flagged' "$WORK/stdout" \
  || fail "series: $(tail -1 "$WORK/stdout")"

# Exit codes: identical sides, the work tree as head, a bad flag, an unknown
# revision, an invalid head (named, with its diagnostics).
expect 0 "$EDGEGEN" plan edge --base HEAD
same_file 'No changes. The edge stays as it is.' "$WORK/stdout"
expect 2 "$EDGEGEN" plan edge --base HEAD --format yaml
grep -qF -- "--format: yaml not in {text,markdown}" "$WORK/stderr" || fail "bad flag: $(cat "$WORK/stderr")"
expect 2 "$EDGEGEN" plan edge --base nope
grep -qF "nope" "$WORK/stderr" || fail "unknown revision: $(cat "$WORK/stderr")"
expect 2 "$EDGEGEN" plan edge --base HEAD --head HEAD --staged
sed -i 's/port: 80$/port: eighty/' edge/projects/team-a.yaml
expect 1 "$EDGEGEN" plan edge --base HEAD
grep -qF 'error[E0201]' "$WORK/stderr" || fail "invalid head: $(cat "$WORK/stderr")"
grep -qF 'error(s) in the head (edge)' "$WORK/stderr" || fail "invalid head: $(cat "$WORK/stderr")"
[ ! -s "$WORK/stdout" ] || fail "a plan of a head that does not validate: $(cat "$WORK/stdout")"
git checkout -q edge
# A head whose checks fail is planned all the same, after its diagnostics:
# here the plan says in routes what E0423 says.
sed -i '/^  middlewares:/i\    - name: all\n      host: team-a.${domain}\n      service: web\n      priority: 30000' \
  edge/projects/team-a.yaml
expect 1 "$EDGEGEN" plan edge --base HEAD
grep -qF 'error[E0423]: route is never reached' "$WORK/stderr" || fail "shadowing head: $(cat "$WORK/stderr")"
grep -qF 'error(s) in the head (edge)' "$WORK/stderr" || fail "shadowing head: $(cat "$WORK/stderr")"
same_file 'prod:
  routes:
    + https://team-a.platform.example.com → team-a/web (http://team-a-web:80)
  ! route team-a/all starts shadowing route team-a/api: it matches every request of it, with a higher priority (30000 > 20004), so team-a/api is never reached
  ! route team-a/all starts shadowing route team-a/web: it matches every request of it, with a higher priority (30000 > 20000), so team-a/web is never reached

Plan: 1 route to add, 0 to change, 0 to remove; 0 certificates to order; 2 risks flagged' "$WORK/stdout"
git checkout -q edge

# A change that only the rendered files show: said, with exit 1.
sed -i 's/level: INFO/level: DEBUG/' edge/edge.yaml
expect 1 "$EDGEGEN" plan edge --base HEAD
same_file 'No route, certificate, DNS record or middleware changes, but the rendered files change: `edgegen diff` shows how.' "$WORK/stdout"
echo "plan: ok"
