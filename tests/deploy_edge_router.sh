#!/usr/bin/env bash
# examples/edge-router deployed as its README says, with the real tools:
# - docker-compose merges the team's file (examples/edge-router/deploy) with
#   the rendered one; in the result Traefik reads Valkey at an address on its
#   own network, reaches every container the KV routes to, and reads the
#   certificate syncer's volume, which the syncer writes; every service that
#   talks to Valkey shares a network with it, and the team's services keep
#   their networks;
# - redis-server: the KV applies, a second apply fires no keyspace event, and
#   a domain and a route the edge API added at run time survive both.
source "$(dirname "$0")/lib.sh"
need docker-compose docker-compose
need redis-server redis-server
need redis-cli redis-tools

example="$ROOT/examples/edge-router"
"$EDGEGEN" render "$example" --out "$WORK/out" >/dev/null || fail "edge-router does not render"
(cd "$WORK/out" && sha256sum --quiet -c edgegen.sum) || fail "edgegen.sum does not verify"
rendered="$WORK/out/default/compose"
touch "$rendered/cert-manager.env" # the worker's DNS credentials, created by the operator
docker-compose --project-directory "$rendered" -f "$example/deploy/compose.yaml" -f "$rendered/compose.yaml" config \
  >"$WORK/merged.yaml" 2>"$WORK/compose.log" || fail "docker-compose cannot merge the files: $(cat "$WORK/compose.log")"
python3 - "$WORK/merged.yaml" "$example/deploy/compose.yaml" "$WORK/out/default/traefik" <<'PY' || fail "the merged compose file would not work"
import json, os, sys, yaml
merged = yaml.safe_load(open(sys.argv[1]))
team = yaml.safe_load(open(sys.argv[2]))
traefik_dir = sys.argv[3]
services = merged["services"]
static = yaml.safe_load(open(os.path.join(traefik_dir, "traefik.yml")))
kv = json.load(open(os.path.join(traefik_dir, "kv.json")))

def networks(name):
    return set(services[name].get("networks") or ["default"])

def reaches(a, b):
    return bool(networks(a) & networks(b))

# The team's services keep the networks they list (none: default).
for name, service in team["services"].items():
    want = set(service.get("networks") or ["default"])
    assert want <= networks(name), f"{name} lost networks: {want} vs {networks(name)}"
# Traefik reads Valkey at an address of its own network, not its loopback.
assert "docker" not in static["providers"], "labels would be read by this node only"
for endpoint in static["providers"]["redis"]["endpoints"]:
    host = endpoint.rsplit(":", 1)[0]
    assert host in services and reaches("traefik", host), f"Traefik cannot reach {endpoint}"
# Every service that talks to Valkey shares a network with it.
for name, service in services.items():
    if any("valkey:" in str(v) for v in (service.get("environment") or {}).values()):
        assert reaches(name, "valkey"), f"{name} cannot reach valkey"
# Every server of the KV that is a container of the project is on a network of Traefik's.
for key, url in kv.items():
    if key.endswith("/url"):
        host = url.split("://", 1)[1].rsplit(":", 1)[0]
        if host in services:
            assert reaches("traefik", host), f"Traefik cannot reach {url} ({key})"
        else:
            assert host[0].isdigit(), f"{url} ({key}) is neither a container nor an address"
# The file provider's directory is the volume the certificate syncer writes.
def mounts(name):
    out = {}
    for volume in services[name].get("volumes", []):
        source, target, *mode = volume.split(":") if isinstance(volume, str) else (volume["source"], volume["target"])
        out[target] = (source, mode[0] if mode else "rw")
    return out
dynamic = static["providers"]["file"]["directory"]
source, mode = mounts("traefik")[dynamic]
assert mode == "ro", mounts("traefik")
writers = [n for n in services if n != "traefik" and any(s == source and m == "rw" for s, m in mounts(n).values())]
assert writers == ["cert-syncer"], f"{source} is written by {writers}"
assert "/var/run/docker.sock" not in mounts("traefik"), "Traefik needs no Docker socket with the KV"
PY

source "$ROOT/tests/redis_lib.sh"
traefik="$WORK/out/default/traefik"
# The edge API's writes at run time: a domain of its own and a router.
cli sadd target_domains customer.example.net >/dev/null
api_route="traefik/http/routers/api-added/rule"
cli set "$api_route" 'Host(`customer.example.net`)' >/dev/null
mark
apply "$traefik/redis.txt" || fail "applying: $(cat "$WORK/pipe.log")"
grep -q 'errors: 0,' "$WORK/pipe.log" || fail "applying: $(cat "$WORK/pipe.log")"
domains="*.edge.example.com,edge.example.com,shop.example.org,www.shop.example.org,+customer.example.net"
state "$traefik/kv.json" "$domains" "$api_route=Host(\`customer.example.net\`)" || fail "the store is not the rendered state"
mark
grep -q "^traefik/http/routers/edge-api-read/rule" "$WORK/events" || fail "the apply fired no event for the routers"
apply "$traefik/redis.txt" || fail "applying again: $(cat "$WORK/pipe.log")"
state "$traefik/kv.json" "$domains" "$api_route=Host(\`customer.example.net\`)" || fail "a second apply changed the store"
mark
[ ! -s "$WORK/events" ] || fail "applying again fired keyspace events: $(head -5 "$WORK/events")"
[ "$(cli hget target_domains:shop.example.org challenge)" = "dns-01" ] || fail "the worker is not told to use DNS-01"
[ "$(cli hget target_domains:shop.example.org provider)" = "cloudflare" ] || fail "the worker is not told the provider"
[ "$(cli hget target_domains:edge.example.com domains)" = "edge.example.com,*.edge.example.com" ] \
  || fail "the wildcard is not one certificate"
cli publish edgegen-test-marker end >/dev/null
echo "edge-router: compose merge ok, KV applied, second apply 0 events, the API's domain and route kept"
