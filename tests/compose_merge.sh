#!/usr/bin/env bash
# The Debian docker-compose client (which needs no engine for `config`)
# accepts the rendered compose files: homelab's on its own (every container
# has an image), and product's merged with a team's compose file that holds
# the images edgegen does not know, as the README tells users to run it: the
# team's web service stays on `default` with its database, and a rule with `$`
# reaches Traefik unchanged after compose's interpolation.
source "$(dirname "$0")/lib.sh"
need docker-compose docker-compose

"$EDGEGEN" render "$ROOT/examples/homelab" --out "$WORK/homelab" >/dev/null
(cd "$WORK/homelab/default/compose" && docker-compose -f compose.yaml config -q) \
  || fail "docker-compose rejects homelab's compose.yaml"

"$EDGEGEN" render "$ROOT/examples/product" --out "$WORK/product" >/dev/null
rendered="$WORK/product/dev/compose"
(cd "$rendered" && docker-compose -f compose.yaml config -q 2>/dev/null) \
  && fail "product's compose.yaml should need the team's file (shop-web has no image)"
mkdir "$WORK/team"
cat >"$WORK/team/compose.yaml" <<'YAML'
services:
  shop-web:
    image: registry.example.com/shop/web:1.4.2
    environment:
      API_URL: http://shop-api:8080
      DATABASE_URL: postgres://shop@shop-db:5432/shop
  shop-db:
    image: postgres:17
  oauth2-proxy:
    image: quay.io/oauth2-proxy/oauth2-proxy:v7.8.1
YAML
docker-compose --project-directory "$rendered" -f "$WORK/team/compose.yaml" -f "$rendered/compose.yaml" config \
  >"$WORK/merged.yaml" || fail "docker-compose cannot merge the team's file with product's compose.yaml"
python3 - "$WORK/merged.yaml" "$WORK/product/dev/traefik" <<'PY' || fail "the merged compose file is not what it should be"
import json, os, sys, yaml
merged, traefik_dir = yaml.safe_load(open(sys.argv[1])), sys.argv[2]
web = merged["services"]["shop-web"]
assert web["image"] == "registry.example.com/shop/web:1.4.2", web
assert web["environment"]["API_URL"] == "http://shop-api:8080", web
# With traefik-redis the route is in the KV, which every Traefik of the fleet
# reads; the container only joins the network Traefik reaches it on.
assert "labels" not in web, web
kv = json.load(open(os.path.join(traefik_dir, "kv.json")))
assert kv["traefik/http/routers/shop-web/rule"] == "Host(`dev.shop.example.com`)", kv
assert kv["traefik/http/services/shop-web/loadBalancer/servers/0/url"] == "http://shop-web:3000", kv
assert "docker" not in yaml.safe_load(open(os.path.join(traefik_dir, "traefik.yml")))["providers"]
assert sorted(web["networks"]) == ["default", "edge"], web
assert sorted(merged["services"]["shop-db"].get("networks", ["default"])) == ["default"], merged["services"]["shop-db"]
mounts = [v if isinstance(v, str) else f"{v['source']}:{v['target']}" for v in merged["services"]["traefik"]["volumes"]]
static = [m for m in mounts if m.split(":")[1] == "/etc/traefik/traefik.yml"]
assert static and os.path.samefile(static[0].split(":")[0], os.path.join(traefik_dir, "traefik.yml")), mounts
PY
# `$` in a rule: written as `$$`, interpolated back to the rule.
mkdir -p "$WORK/dollar/in"
cat >"$WORK/dollar/in/edge.yaml" <<'YAML'
apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: dollar}
spec:
  targets: [compose]
  entryPoints:
    web: {address: ":80"}
---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: api}
spec:
  services:
    app: {port: 8080, image: "registry.example.com/api:1"}
  routes:
    - rule: Host(`a.example.com`) && PathRegexp(`^/api/v[0-9]+$`)
      service: app
      tls: false
YAML
"$EDGEGEN" render "$WORK/dollar/in" --out "$WORK/dollar/out" >/dev/null
rendered="$WORK/dollar/out/default/compose/compose.yaml"
docker-compose -f "$rendered" config -q || fail "docker-compose rejects a compose.yaml whose rule holds \$"
# `config` writes `$` escaped again, so the value is read through compose's own
# interpolation, with the Python docker-compose runs on.
compose_python="$(head -1 "$(command -v docker-compose)" | sed 's/^#! *//')"
"$compose_python" - "$rendered" <<'PY' || fail "the rule's \$ did not survive compose's interpolation"
import sys, yaml
from compose.config.environment import Environment
from compose.config.interpolation import interpolate_environment_variables
from compose.const import COMPOSE_SPEC
services = yaml.safe_load(open(sys.argv[1]))["services"]
labels = interpolate_environment_variables(COMPOSE_SPEC, services, "service", Environment())["api-app"]["labels"]
assert labels["traefik.http.routers.api-app.rule"] == "Host(`a.example.com`) && PathRegexp(`^/api/v[0-9]+$`)", labels
PY

kit="${EDGEGEN_CONFORMANCE:-$ROOT/../shared/conformance/check.py}"
if [ -f "$kit" ]; then
  mkdir "$WORK/check" && cp "$WORK/merged.yaml" "$WORK/check/compose.yaml"
  python3 "$kit" "$WORK/check" || fail "the merged compose file fails the conformance kit"
fi
echo "compose merge: ok"
