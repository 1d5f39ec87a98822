#!/usr/bin/env bash
# Applies the platform example's redis.txt to a real redis-server with
# `redis-cli --pipe` and reads every key back; then applies the render of a
# changed input (a project removed, a route added) and checks that nothing
# stale remains, that a key edgegen did not write survives, and that an
# apply cut off before EXEC changes nothing. The server listens on a free
# loopback port and is stopped on every exit.
source "$(dirname "$0")/lib.sh"
need redis-server redis-server
need redis-cli redis-tools

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# `timeout` bounds the server's life even if this script is killed before its trap runs.
timeout 110 redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
  >"$WORK/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM
for _ in $(seq 50); do
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || fail "redis-server did not start: $(cat "$WORK/server.log")"
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null || fail "redis-server did not answer within 5 s"

apply() { # FILE [pipe-timeout]: redis-cli --pipe, exit status passed on
  timeout 60 redis-cli -h 127.0.0.1 -p "$port" --pipe --pipe-timeout "${2:-10}" <"$1" >"$WORK/pipe.log" 2>&1
}
state() { python3 "$ROOT/tests/redis_state.py" "$port" "$@"; }

# v1: the platform example with the KV provider holding every route (with
# compose also on, the routes to containers would be labels instead).
cp -r "$ROOT/examples/platform" "$WORK/v1src"
sed -i 's/^  targets: .*/  targets: [traefik-redis]/' "$WORK/v1src/edge.yaml"
"$EDGEGEN" render "$WORK/v1src" --out "$WORK/v1" >/dev/null
v1="$WORK/v1/prod/traefik"
apply "$v1/redis.txt" || fail "applying v1: $(cat "$WORK/pipe.log")"
grep -q 'errors: 0,' "$WORK/pipe.log" || fail "applying v1: $(cat "$WORK/pipe.log")"
domains_v1="*.apps.example.com,apps.example.com,billing.platform.example.com,status.platform.example.com"
domains_v1+=",team-a.platform.example.com,traefik.platform.example.com"
state "$v1/kv.json" "$domains_v1" || fail "the store differs from v1's kv.json"

# Someone adds a key by hand: edgegen must leave it alone.
foreign="traefik/http/middlewares/hand-made/headers/frameDeny"
redis-cli -h 127.0.0.1 -p "$port" set "$foreign" true >/dev/null

# v2: team-c is gone (two routers, two services), team-a has a new route.
cp -r "$WORK/v1src" "$WORK/src"
rm "$WORK/src/projects/team-c.yaml" "$WORK/src/route-tests.yaml" # the tests name team-c's routes
python3 - "$WORK/src/projects/team-a.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
route = "    - name: docs\n      host: docs.${domain}\n      service: web\n"
assert "\n  middlewares:\n" in text
open(path, "w").write(text.replace("\n  middlewares:\n", "\n" + route + "  middlewares:\n", 1))
PY
"$EDGEGEN" render "$WORK/src" --out "$WORK/v2" >/dev/null
v2="$WORK/v2/prod/traefik"
grep -q '"traefik/http/routers/team-a-docs/rule"' "$v2/kv.json" || fail "v2 lacks the added route"
grep -q 'team-c' "$v2/kv.json" && fail "v2 still has team-c"
domains_v2="${domains_v1/status.platform.example.com,/}"
domains_v2="docs.platform.example.com,$domains_v2"

# Cut off before EXEC (a dropped connection): the server discards it all.
head -c "-$(printf '*1\r\n$4\r\nEXEC\r\n' | wc -c)" "$v2/redis.txt" >"$WORK/cut.txt"
[ "$(tail -c 14 "$v2/redis.txt")" = "$(printf '*1\r\n$4\r\nEXEC\r\n')" ] || fail "redis.txt does not end with EXEC"
apply "$WORK/cut.txt" 2 && fail "an apply without EXEC reported success: $(cat "$WORK/pipe.log")"
state "$v1/kv.json" "$domains_v1" "$foreign=true" || fail "an apply cut before EXEC changed the store"

apply "$v2/redis.txt" || fail "applying v2: $(cat "$WORK/pipe.log")"
grep -q 'errors: 0,' "$WORK/pipe.log" || fail "applying v2: $(cat "$WORK/pipe.log")"
state "$v2/kv.json" "$domains_v2" "$foreign=true" || fail "after v2 the store is not exactly v2 (stale keys?)"
apply "$v2/redis.txt" || fail "applying v2 again: $(cat "$WORK/pipe.log")"
state "$v2/kv.json" "$domains_v2" "$foreign=true" || fail "applying v2 twice is not the same as once"
echo "redis round trip: ok"
