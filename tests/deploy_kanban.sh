#!/usr/bin/env bash
# examples/kanban deployed as its README says: docker-compose merges the
# team's files (examples/kanban/deploy) with each environment's rendered
# compose file. In the result every route is a label on the container it
# names, Traefik's docker provider watches the network those containers and
# Traefik share, the containers keep `default` where their database is, the
# database stays off the edge network, production's ACME storage is a volume
# of Traefik's own, and on the laptop CoreDNS finds every zone its Corefile
# names at the path the Corefile gives.
source "$(dirname "$0")/lib.sh"
need docker-compose docker-compose

example="$ROOT/examples/kanban"
"$EDGEGEN" render "$example" --out "$WORK/out" >/dev/null || fail "kanban does not render"
(cd "$WORK/out" && sha256sum --quiet -c edgegen.sum) || fail "edgegen.sum does not verify"
for env in dev prod; do
  rendered="$WORK/out/$env/compose"
  files=(-f "$example/deploy/compose.yaml")
  [ "$env" = dev ] && files+=(-f "$example/deploy/dev.compose.yaml")
  [ "$env" = prod ] && touch "$rendered/traefik.env" # CF_DNS_API_TOKEN, created by the operator
  docker-compose --project-directory "$rendered" "${files[@]}" -f "$rendered/compose.yaml" config \
    >"$WORK/$env.yaml" 2>"$WORK/compose.log" || fail "$env: docker-compose cannot merge the files: $(cat "$WORK/compose.log")"
  python3 - "$WORK/$env.yaml" "$WORK/out/$env" "$env" <<'PY' || fail "$env: the merged compose file would not work"
import os, re, sys, yaml
merged, out, env = yaml.safe_load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
services = merged["services"]
static = yaml.safe_load(open(os.path.join(out, "traefik/traefik.yml")))
network = static["providers"]["docker"]["network"]
assert network in services["traefik"]["networks"], services["traefik"]["networks"]
routed = {}
for name, service in services.items():
    labels = service.get("labels") or {}
    for key, rule in labels.items():
        if re.fullmatch(r"traefik\.http\.routers\.[^.]+\.rule", key):
            routed[key.split(".")[3]] = name
    if labels.get("traefik.enable") == "true":
        assert network in service["networks"], f"{name} is not on {network}"
        assert "default" in service["networks"], f"{name} left default, where its database is"
assert sorted(routed) == ["portal-api", "portal-web", "team-a-api", "team-a-web"], routed
assert all(routed[r] == r for r in routed), routed
assert list(services["kanban-db"].get("networks", {"default": None})) == ["default"], services["kanban-db"]
mounts = {}
for name, service in services.items():
    for v in service.get("volumes", []):
        source, target = (v.split(":")[0], v.split(":")[1]) if isinstance(v, str) else (v["source"], v["target"])
        mounts.setdefault(name, {})[target] = source
if env == "prod":
    for resolver in static["certificatesResolvers"].values():
        storage = resolver["acme"]["storage"]
        assert mounts["traefik"][os.path.dirname(storage)] == "traefik-acme", mounts["traefik"]
    # lego reads the DNS provider's credentials from Traefik's environment.
    assert services["traefik"].get("env_file") or services["traefik"].get("environment") is not None, services["traefik"]
    labels = services["team-a-web"]["labels"]
    assert labels["traefik.http.routers.team-a-web.tls.certresolver"] == "letsencrypt-dns", labels
else:
    corefile = open(mounts["coredns"]["/etc/coredns/Corefile"]).read()
    zones = re.findall(r"^\s*file (\S+)", corefile, re.M)
    assert zones, corefile
    for zone in zones:
        directory, name = os.path.split(zone)
        assert os.path.isfile(os.path.join(mounts["coredns"][directory], name)), zone
PY
done
echo "kanban: dev and prod merge with the team's files; labels, networks, ACME storage and zones in place"
