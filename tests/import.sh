#!/usr/bin/env bash
# `edgegen import` over hand-written configuration (tests/import: Traefik files, not desired state):
# the exact report (stdout and stderr: what was kept as raw rules, what was
# reported, each difference of the proof), the exit code, and a tree that
# `edgegen validate` accepts. To accept intended changes (then review the
# diff):  UPDATE_GOLDENS=1 ctest --test-dir build -R cli.import
source "$(dirname "$0")/lib.sh"
fixtures="$ROOT/tests/import"
cd "$fixtures"

# case NAME WANT_RC ARGS...: runs `edgegen ARGS... --out $WORK/NAME` and
# compares its output with NAME.stdout and NAME.stderr.
case_() {
  local name="$1" want="$2"
  shift 2
  set +e
  "$EDGEGEN" "$@" --out "$WORK/$name" >"$WORK/$name.stdout" 2>"$WORK/$name.stderr"
  local rc=$?
  set -e
  sed -i "s|$WORK|WORK|g" "$WORK/$name.stdout" "$WORK/$name.stderr"
  if [ "${UPDATE_GOLDENS:-}" = 1 ]; then
    cp "$WORK/$name.stdout" "$fixtures/expected/$name.stdout"
    cp "$WORK/$name.stderr" "$fixtures/expected/$name.stderr"
  fi
  [ "$rc" = "$want" ] || fail "$name: exit code $rc, want $want; stderr: $(cat "$WORK/$name.stderr")"
  diff -u "$fixtures/expected/$name.stdout" "$WORK/$name.stdout" || fail "$name: stdout differs"
  diff -u "$fixtures/expected/$name.stderr" "$WORK/$name.stderr" || fail "$name: stderr differs"
  if [ -d "$WORK/$name" ]; then
    "$EDGEGEN" validate "$WORK/$name" >/dev/null 2>"$WORK/$name.validate" \
      || fail "$name: the imported tree does not validate: $(cat "$WORK/$name.validate")"
  fi
}

# A hand-written file provider: renames (Blog, services without a common
# prefix) fail the proof unless accepted; a raw rule is listed.
case_ traefik-renames 1 import traefik traefik/traefik.yml traefik/dynamic
case_ traefik 0 import traefik traefik/traefik.yml traefik/dynamic --accept-renames
# The same files in TOML give the same tree.
case_ traefik-toml 0 import traefik traefik-toml/traefik.toml traefik-toml/dynamic --accept-renames
diff -ru "$WORK/traefik" "$WORK/traefik-toml" || fail "the TOML files give another tree than the YAML ones"
# Seed 002: the static file and the middlewares file (its routers are
# labels), then the labels with them.
case_ seed-002-traefik 0 import traefik seed-002/traefik.yml seed-002/dynamic --accept-renames
case_ seed-002-compose 1 import compose seed-002/docker-compose.yml seed-002/traefik.yml seed-002/dynamic
# Traefik's redis provider: a text dump of key and value lines under the
# root key "edge", and the static file; an inline secret is not copied. The
# KV holds no certificate resolver in edgegen's fleets (a certificate worker
# does): the proof reports it.
case_ redis 1 import redis redis/dump.txt redis/traefik.yml
# Seed 003: a Flux fleet repository's cluster files, as its document shows
# them (a Kustomization's spec, a ConfigMap's data): nothing of Traefik or
# cert-manager, each document reported by file:line.
case_ seed-003 0 import kubernetes seed-003
# Seed 004: the K3s homepage's edge as its drawing gives it (seed-004/README.md).
# Its ACME ClusterIssuers have no e-mail address (none is needed), and its
# TLS Ingresses name no entry point: Traefik serves each path in plain HTTP
# on web and with TLS on websecure, so the import writes both and says so
# (W0620). What changes is only names: edgegen's route names and its
# certificates' Secrets.
case_ seed-004 0 import kubernetes seed-004 --accept-renames
# Hand-written manifests: an Ingress with Traefik's annotations and
# cert-manager's ingress-shim, an IngressRoute of the older API group, a
# Middleware chain, a Certificate and the Services they send to.
case_ kubernetes 0 import kubernetes kubernetes --accept-renames
grep -qx '    rootKey: edge' "$WORK/redis/edge.yaml" || fail "redis: the root key is not carried: $(cat "$WORK/redis/edge.yaml")"
[ ! -e "$WORK/traefik-renames" ] || [ -f "$WORK/traefik-renames/edge.yaml" ] || fail "traefik-renames: no tree"

# Usage errors: exit 2, nothing written.
set +e
"$EDGEGEN" import nomad jobs/ --out "$WORK/nomad" 2>"$WORK/stderr"; rc=$?
set -e
[ "$rc" = 2 ] || fail "import nomad: exit code $rc, want 2"
grep -qx 'edgegen: error: import of "nomad" is not supported (supported kinds: traefik, compose, redis, kubernetes)' "$WORK/stderr" \
  || fail "import nomad: unexpected message: $(cat "$WORK/stderr")"
[ ! -e "$WORK/nomad" ] || fail "import nomad wrote $WORK/nomad"
mkdir -p "$WORK/full" && touch "$WORK/full/keep.yaml"
set +e
"$EDGEGEN" import traefik traefik/traefik.yml traefik/dynamic --out "$WORK/full" 2>"$WORK/stderr"; rc=$?
set -e
[ "$rc" = 2 ] || fail "import into a directory with files: exit code $rc, want 2"
grep -q "exists and is not an empty directory" "$WORK/stderr" || fail "unexpected message: $(cat "$WORK/stderr")"
[ "$(ls "$WORK/full")" = keep.yaml ] || fail "import changed a directory with files"
set +e
"$EDGEGEN" import traefik traefik/missing.yml --out "$WORK/missing" 2>"$WORK/stderr"; rc=$?
set -e
[ "$rc" = 2 ] || fail "import of a missing file: exit code $rc, want 2"
# An inline secret never reaches the report, in any format.
for format in text json sarif github; do
  "$EDGEGEN" import traefik "$ROOT/tests/errors/import-inline-secret/input/traefik.yml" \
    "$ROOT/tests/errors/import-inline-secret/input/dynamic.yml" --accept-renames --format "$format" \
    --out "$WORK/secret-$format" >"$WORK/out" 2>&1 || fail "inline secret --format $format: $(cat "$WORK/out")"
  grep -q W0616 "$WORK/out" || fail "inline secret --format $format: no W0616: $(cat "$WORK/out")"
  ! grep -qF 'H6uskkkW' "$WORK/out" "$WORK/secret-$format"/*.yaml || fail "inline secret --format $format: the value shows"
done
echo "import: fixtures, seeds 002 and 003, manifests, secrets and usage errors ok"
