#!/usr/bin/env bash
# `edgegen init`: for every shape, the starter written into an empty Git
# repository validates without a warning, renders, passes `render --check`
# (the upstream schemas too, with the shared conformance kit, and compose's
# file `docker-compose config`), and is committed through its own hooks by
# the real pre-commit; its workflow is YAML that names edgegen's action. A
# second init writes nothing and names every file it kept; a file that
# exists is kept byte for byte.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
command -v pre-commit >/dev/null \
  || fail "pre-commit is not installed: apt-get install pre-commit (scripts/install-deps --test installs it)"
python3 -c 'import yaml' 2>/dev/null || fail "python3 lacks yaml: apt-get install python3-yaml"
need docker-compose docker-compose
export PRE_COMMIT_HOME="$WORK/pre-commit-cache"
mkdir "$WORK/bin"
ln -s "$EDGEGEN" "$WORK/bin/edgegen"
export PATH="$WORK/bin:$PATH"
version="$("$EDGEGEN" --version | cut -d' ' -f2)"

files=(.github/workflows/edge.yml .pre-commit-config.yaml edge/edge.yaml edge/environments/prod.yaml
       edge/issuers/letsencrypt-staging.yaml edge/projects/whoami.yaml)
# The schemas of the source tree beside build/edgegen (what the binary finds).
schemas="$(cd "$(dirname "$EDGEGEN")/.." && pwd -P)/schemas"
[ -f "$schemas/edge.json" ] || fail "no schemas at $schemas: run the test on build/edgegen of a source tree"

# wrote_all DIR SHAPE: what init prints when it writes every file.
wrote_all() {
  local f prefix=""
  [ "$1" = . ] || prefix="$1/"
  for f in "${files[@]}"; do echo "wrote $prefix$f"; done
  echo "edgegen: the starter for target $2 is in place in $1 (6 file(s) written, 0 kept as they were)"
  echo "next: edit the lines marked CHANGE, then \`edgegen render edge/ --out rendered/\`, commit, and \`pre-commit install\`"
}

for shape in traefik traefik-redis compose kubernetes flux argocd dns; do
  repo="$WORK/$shape"
  git init -q "$repo"
  cd "$repo"
  expect 0 edgegen init --target "$shape"
  same_file "$(wrote_all . "$shape")" "$WORK/stdout"
  [ ! -s "$WORK/stderr" ] || fail "$shape: init wrote to stderr: $(cat "$WORK/stderr")"
  [ -z "$(find . -name '*.tmp')" ] || fail "$shape: temporary files left: $(find . -name '*.tmp')"
  for kind in edge environment issuer project; do
    file="$(grep -rlx "kind: ${kind^}" edge || true)"
    [ -n "$file" ] || fail "$shape: no $kind file"
    [ "$(head -n 1 "$file")" = "# yaml-language-server: \$schema=$schemas/$kind.json" ] \
      || fail "$shape: $file starts with $(head -n 1 "$file")"
  done
  ! grep -rn '%%' . --exclude-dir=.git || fail "$shape: a placeholder is left"

  expect 0 edgegen validate edge/
  same_file "edgegen: edge/ is valid (4 documents in 4 files, 1 environment(s))" "$WORK/stdout"
  [ ! -s "$WORK/stderr" ] || fail "$shape: validate reports: $(cat "$WORK/stderr")"
  expect 0 edgegen render edge/ --out rendered/
  [ ! -s "$WORK/stderr" ] || fail "$shape: render reports: $(cat "$WORK/stderr")"
  expect 0 edgegen render edge/ --out rendered/ --check
  if [ "$shape" = compose ]; then
    # A complete compose project: Traefik and the whoami container.
    (cd rendered/prod/compose && docker-compose -f compose.yaml config -q) \
      || fail "docker-compose rejects the starter's compose.yaml"
  fi
  # As for the examples: the upstream schemas (with the shared kit) and
  # `kubectl kustomize` of every Kustomize directory; each skips (77) and
  # says why when its tool is missing.
  checks=(conformance)
  case "$shape" in kubernetes | flux | argocd) checks+=(kustomize) ;; esac
  for check in "${checks[@]}"; do
    set +e
    bash "$ROOT/tests/$check.sh" "$EDGEGEN" "$shape" "$repo/edge" >"$WORK/check.log" 2>&1
    rc=$?
    set -e
    [ "$rc" = 0 ] || [ "$rc" = 77 ] || fail "$shape: tests/$check.sh: $(cat "$WORK/check.log")"
    [ "$rc" = 0 ] || echo "init: $shape: $(tail -n 1 "$WORK/check.log")"
  done

  # The workflow: YAML, edgegen's action at this version, with its inputs.
  python3 - "$version" <<'PY' || fail "$shape: .github/workflows/edge.yml: see above"
import sys, yaml
workflow = yaml.safe_load(open(".github/workflows/edge.yml"))
steps = workflow["jobs"]["edge"]["steps"]
action = [s for s in steps if s.get("uses", "").startswith("OWNER/edgegen@")]
assert len(action) == 1, steps
assert action[0]["uses"] == "OWNER/edgegen@v" + sys.argv[1], action[0]
assert action[0]["with"] == {"source": "edge", "rendered": "rendered", "steps": "validate,drift,diff"}, action[0]
PY

  # Its own hooks, with the real pre-commit, on the commit of the starter.
  pre-commit install >/dev/null
  git add -A
  expect 0 git commit -qm "starter ($shape)"
  cat "$WORK/stdout" "$WORK/stderr" >"$WORK/log"
  grep -qE '^edgegen validate\.+Passed$' "$WORK/log" || fail "$shape: validate hook: $(cat "$WORK/log")"
  grep -qE '^edgegen render --check\.+Passed$' "$WORK/log" || fail "$shape: drift hook: $(cat "$WORK/log")"
  git show --stat HEAD | grep -qF 'edge/projects/whoami.yaml' || fail "$shape: the starter is not committed"

  # Again: nothing written, every file named as kept.
  expect 0 edgegen init --target "$shape"
  same_file "edgegen: the starter for target $shape is in place in . (0 file(s) written, 6 kept as they were)" \
    "$WORK/stdout"
  same_file "$(printf 'kept existing %s\n' "${files[@]}")" "$WORK/stderr"
  [ -z "$(git status --porcelain)" ] || fail "$shape: the second init changed files: $(git status --porcelain)"
done

# The hooks catch what they are for: an invalid project, a stale rendered tree.
cd "$WORK/traefik"
sed -i 's/service: web$/service: webb/' edge/projects/whoami.yaml
git add -A
expect 1 git commit -qm "bad"
cat "$WORK/stdout" "$WORK/stderr" >"$WORK/log"
grep -qE '^edge/projects/whoami\.yaml:[0-9]+:16: error\[E0401\]: unknown service "webb"' "$WORK/log" \
  || fail "invalid commit: $(cat "$WORK/log")"
sed -i 's/service: webb$/service: web/; s/port: 80$/port: 8080/' edge/projects/whoami.yaml
git add -A
expect 1 git commit -qm "stale"
cat "$WORK/stdout" "$WORK/stderr" >"$WORK/log"
grep -qE '^edgegen render --check\.+Failed$' "$WORK/log" || fail "drift hook: $(cat "$WORK/log")"

# An edited file is kept as it is, and the others are still written; DIR
# is created, and the files are named from where init runs.
mkdir -p "$WORK/mine/repo/edge"
printf 'apiVersion: edgegen.dev/v1alpha1\nkind: Edge # mine\nmetadata: {name: mine}\n' >"$WORK/mine/repo/edge/edge.yaml"
cp "$WORK/mine/repo/edge/edge.yaml" "$WORK/edge.yaml.before"
cd "$WORK/mine"
expect 0 edgegen init repo --target kubernetes --env staging
same_file "wrote repo/.github/workflows/edge.yml
wrote repo/.pre-commit-config.yaml
wrote repo/edge/environments/staging.yaml
wrote repo/edge/issuers/letsencrypt-staging.yaml
wrote repo/edge/projects/whoami.yaml
edgegen: the starter for target kubernetes is in place in repo (5 file(s) written, 1 kept as they were)
next: edit the lines marked CHANGE, then \`edgegen render edge/ --out rendered/\`, commit, and \`pre-commit install\`" \
  "$WORK/stdout"
same_file "kept existing repo/edge/edge.yaml" "$WORK/stderr"
cmp "$WORK/edge.yaml.before" repo/edge/edge.yaml || fail "the existing edge/edge.yaml was changed"
grep -qx '  name: staging' repo/edge/environments/staging.yaml || fail "--env: $(cat repo/edge/environments/staging.yaml)"
expect 0 edgegen init "$WORK/new/dir" --target dns
same_file "$(wrote_all "$WORK/new/dir" dns)" "$WORK/stdout"

# The schemas of an installation (<prefix>/share/edgegen/schemas beside
# <prefix>/bin); none beside a lone binary, whose files have no such line.
mkdir -p "$WORK/prefix/bin" "$WORK/prefix/share/edgegen/schemas" "$WORK/alone" "$WORK/installed" "$WORK/lone"
cp "$EDGEGEN" "$WORK/prefix/bin/edgegen"
cp "$EDGEGEN" "$WORK/alone/edgegen"
for kind in edge environment issuer project; do
  cp "$schemas/$kind.json" "$WORK/prefix/share/edgegen/schemas/$kind.schema.json"
done
(cd "$WORK/installed" && "$WORK/prefix/bin/edgegen" init --target traefik >/dev/null)
[ "$(head -n 1 "$WORK/installed/edge/projects/whoami.yaml")" = \
  "# yaml-language-server: \$schema=$(cd "$WORK/prefix/share" && pwd -P)/edgegen/schemas/project.schema.json" ] \
  || fail "installed: $(head -n 1 "$WORK/installed/edge/projects/whoami.yaml")"
(cd "$WORK/lone" && "$WORK/alone/edgegen" init --target traefik >/dev/null)
! grep -rq yaml-language-server "$WORK/lone" || fail "a lone binary wrote a schema line"
(cd "$WORK/lone" && edgegen validate edge/ >/dev/null) || fail "the starter without schema lines does not validate"

# Usage errors: exit 2, nothing written.
mkdir "$WORK/empty"
cd "$WORK/empty"
expect 2 edgegen init --target trafik
grep -qF "traefik,traefik-redis,compose,kubernetes,flux,argocd,dns" "$WORK/stderr" \
  || fail "an unknown --target does not list the shapes: $(cat "$WORK/stderr")"
expect 2 edgegen init
grep -qF -- "--target is required" "$WORK/stderr" || fail "no --target: $(cat "$WORK/stderr")"
expect 2 edgegen init --target traefik --env Prod
same_file "edgegen: error: --env \"Prod\" is not a valid environment name: lower case letters, digits and '-', at most 63, starting and ending with a letter or digit" \
  "$WORK/stderr"
expect 2 edgegen init --target kubernetes --env cluster
grep -qF 'error[E0444]' "$WORK/stderr" || fail "--env cluster: $(cat "$WORK/stderr")"
tail -n 1 "$WORK/stderr" | grep -qxF "edgegen: error: the starter for --target kubernetes --env cluster would not validate; nothing was written" \
  || fail "--env cluster: $(cat "$WORK/stderr")"
[ -z "$(ls -A)" ] || fail "a failed init wrote: $(ls -A)"
printf 'a file\n' >edge
expect 2 edgegen init --target traefik
grep -qF "edgegen: error: cannot" "$WORK/stderr" || fail "edge is a file: $(cat "$WORK/stderr")"
[ "$(ls -A)" = edge ] || fail "a failed init left: $(ls -A)"
echo "init: ok"
