#!/usr/bin/env bash
# Render → import → render, over every example and environment whose
# Traefik reads files or compose labels: the import reports no difference
# (exit 0 without --accept-renames), and the second render's Traefik files
# (and compose labels) are byte for byte the first's. Environments whose
# routers live in the Redis KV (traefik-redis) are imported from kv.json and
# the static file, and the second render's kv.json must be the first's.
# Environments of the kubernetes target are imported from their manifests
# (and the cluster-scoped ones): the proof finds no difference but renames
# (a certificate's Secret, a route's name under its project), and the
# imported tree's own render imports again the same way. (Not yet byte for
# byte the first tree: an IngressRoute of several routes is named by its
# first, so the others come back numbered.)
source "$(dirname "$0")/lib.sh"
need python3 python3
checked=0
for example in "$ROOT"/examples/*/; do
  name="$(basename "$example")"
  "$EDGEGEN" render "$example" --out "$WORK/$name/r1" >/dev/null 2>&1
  for env_dir in "$WORK/$name"/r1/*/; do
    env="$(basename "$env_dir")"
    traefik="$env_dir/traefik"
    [ -f "$traefik/traefik.yml" ] || continue
    out="$WORK/$name/$env-import"
    args=(traefik "$traefik/traefik.yml")
    if [ -f "$traefik/kv.json" ]; then
      args=(redis "$traefik/kv.json" "$traefik/traefik.yml")
    elif [ -f "$env_dir/compose/compose.yaml" ]; then
      args=(compose "$env_dir/compose/compose.yaml" "$traefik/traefik.yml")
    fi
    [ -d "$traefik/dynamic" ] && args+=("$traefik/dynamic")
    "$EDGEGEN" import "${args[@]}" --out "$out" >"$WORK/stdout" 2>"$WORK/stderr" \
      || fail "import of $name/$env reports differences or errors: $(cat "$WORK/stdout" "$WORK/stderr")"
    "$EDGEGEN" render "$out" --out "$WORK/$name/$env-r2" >/dev/null 2>"$WORK/stderr" \
      || fail "$name/$env: the imported tree does not render: $(cat "$WORK/stderr")"
    if [ -f "$traefik/kv.json" ]; then
      diff -u "$traefik/kv.json" "$WORK/$name/$env-r2/default/traefik/kv.json" \
        || fail "$name/$env: the Redis keys of the imported tree differ from the example's"
      checked=$((checked + 1))
      echo "round trip $name/$env: identical keys"
      continue
    fi
    diff -ru "$traefik" "$WORK/$name/$env-r2/default/traefik" \
      || fail "$name/$env: the Traefik files of the imported tree differ from the example's"
    if [ -f "$env_dir/compose/compose.yaml" ]; then
      python3 - "$env_dir/compose/compose.yaml" "$WORK/$name/$env-r2/default/compose/compose.yaml" <<'PY' \
        || fail "$name/$env: the compose labels of the imported tree differ from the example's"
import sys, yaml
def labels(path):
    with open(path) as f:
        doc = yaml.safe_load(f)
    return {name: s.get("labels", {}) for name, s in doc["services"].items() if s.get("labels")}
a, b = labels(sys.argv[1]), labels(sys.argv[2])
if a != b:
    for name in sorted(set(a) | set(b)):
        if a.get(name) != b.get(name):
            print(name, a.get(name), "!=", b.get(name))
    sys.exit(1)
PY
    fi
    checked=$((checked + 1))
    echo "round trip $name/$env: identical"
  done
done
# import_kubernetes NAME ENV DIR OUT: imports the manifests of DIR/ENV
# (and DIR/cluster) into OUT, which must succeed with renames only.
import_kubernetes() {
  local args=(kubernetes "$3/$2/kubernetes")
  [ -d "$3/cluster/kubernetes" ] && args+=("$3/cluster/kubernetes")
  "$EDGEGEN" import "${args[@]}" --accept-renames --out "$4" >"$WORK/stdout" 2>"$WORK/stderr" \
    || fail "import kubernetes of $1/$2 reports differences or errors: $(cat "$WORK/stdout" "$WORK/stderr")"
}
for example in "$ROOT"/examples/*/; do
  name="$(basename "$example")"
  for env_dir in "$WORK/$name"/r1/*/; do
    env="$(basename "$env_dir")"
    [ -d "$env_dir/kubernetes" ] && [ "$env" != cluster ] || continue
    import_kubernetes "$name" "$env" "$WORK/$name/r1" "$WORK/$name/$env-k8s"
    "$EDGEGEN" render "$WORK/$name/$env-k8s" --out "$WORK/$name/$env-k8s-r2" >/dev/null 2>"$WORK/stderr" \
      || fail "$name/$env: the imported tree does not render: $(cat "$WORK/stderr")"
    import_kubernetes "$name" default "$WORK/$name/$env-k8s-r2" "$WORK/$name/$env-k8s-again"
    checked=$((checked + 1))
    echo "round trip $name/$env (kubernetes): both renders import without a difference but renames"
  done
done
[ "$checked" -ge 15 ] || fail "only $checked environments were round-tripped"
echo "import round trip: $checked environments"
