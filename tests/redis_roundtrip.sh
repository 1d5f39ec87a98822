#!/usr/bin/env bash
# Applies the platform example's redis.txt to a real redis-server with
# `redis-cli --pipe` and reads every key back; then applies the render of a
# changed input (a project removed, a route added) and checks that nothing
# stale remains, that a key edgegen did not write survives, and that an
# apply cut off before EXEC changes nothing. Records the keyspace events
# (as Traefik's redis provider receives them) of every apply: applying what
# is already there fires none, and a change fires only those of the keys it
# changes. A domain another writer added to the domain set survives; one
# edgegen added and no longer wants is removed. A user that may not run
# CONFIG cannot apply; neither can one whose domain set is not a set, nor a
# replica, and --pipe counts an error for each. The server listens on a free loopback port and is
# stopped on every exit.
source "$(dirname "$0")/lib.sh"
need redis-server redis-server
need redis-cli redis-tools

source "$ROOT/tests/redis_lib.sh"
hashes() { # every member of the domain set and the fields of its hash, one line each
  for d in $(cli smembers target_domains | sort); do echo "$d $(cli hgetall "target_domains:$d" | tr '\n' ' ')"; done
}
cli config set notify-keyspace-events "" >/dev/null
mark

# v1: the platform example's KV (every route), without the other targets.
cp -r "$ROOT/examples/platform" "$WORK/v1src"
sed -i 's/^  targets: .*/  targets: [traefik-redis]/' "$WORK/v1src/edge.yaml"
"$EDGEGEN" render "$WORK/v1src" --out "$WORK/v1" >/dev/null
v1="$WORK/v1/prod/traefik"
apply "$v1/redis.txt" || fail "applying v1: $(cat "$WORK/pipe.log")"
grep -q 'errors: 0,' "$WORK/pipe.log" || fail "applying v1: $(cat "$WORK/pipe.log")"
domains_v1="*.apps.example.com,apps.example.com,billing.platform.example.com,status.platform.example.com"
domains_v1+=",team-a.platform.example.com,traefik.platform.example.com"
state "$v1/kv.json" "$domains_v1" || fail "the store differs from v1's kv.json"
# The apply turned on the keyspace notifications Traefik watches the tree with.
flags="$(cli config get notify-keyspace-events | tail -1)"
for flag in K E A; do
  [[ "$flags" == *"$flag"* ]] || fail "notify-keyspace-events is \"$flags\" after the apply, lacks $flag"
done
mark
grep -q "^traefik/http/routers/" "$WORK/events" || fail "the first apply fired no events on the routers"
apply "$v1/redis.txt" || fail "applying v1 again: $(cat "$WORK/pipe.log")"
grep -q 'errors: 0,' "$WORK/pipe.log" || fail "applying v1 again: $(cat "$WORK/pipe.log")"
mark
[ ! -s "$WORK/events" ] || fail "applying v1 again fired keyspace events: $(head -5 "$WORK/events")"

# A user that may not run CONFIG: the apply fails and changes nothing.
cli acl setuser limited on nopass '~*' '&*' +@all -config >/dev/null
if apply "$v1/redis.txt" 10 --user limited --pass x && grep -q 'errors: 0,' "$WORK/pipe.log"; then
  fail "an apply by a user without CONFIG succeeded"
fi
grep -qi "config" "$WORK/pipe.log" || fail "the refused apply does not name CONFIG: $(cat "$WORK/pipe.log")"
mark
[ ! -s "$WORK/events" ] || fail "a refused apply fired keyspace events: $(head -5 "$WORK/events")"

# Another writer (the edge API's POST /domains) adds a domain of its own.
cli sadd target_domains api-added.example.org >/dev/null
mark

# Someone adds a key by hand: edgegen must leave it alone.
foreign="traefik/http/middlewares/hand-made/headers/frameDeny"
redis-cli -h 127.0.0.1 -p "$port" set "$foreign" true >/dev/null
mark

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
domains_v2="docs.platform.example.com,$domains_v2,+api-added.example.org"

# Cut off before EXEC (a dropped connection): the server discards it all.
python3 - "$v2/redis.txt" "$WORK/cut.txt" <<'PY' || fail "redis.txt has no EXEC followed by the check"
import sys
data = open(sys.argv[1], "rb").read()
exec_at = data.rfind(b"*1\r\n$4\r\nEXEC\r\n")
sys.exit(1) if exec_at < 0 or not data[exec_at:].startswith(b"*1\r\n$4\r\nEXEC\r\n*8\r\n$4\r\nEVAL\r\n") else None
open(sys.argv[2], "wb").write(data[:exec_at])
PY
apply "$WORK/cut.txt" 2 && fail "an apply without EXEC reported success: $(cat "$WORK/pipe.log")"
state "$v1/kv.json" "$domains_v1,+api-added.example.org" "$foreign=true" || fail "an apply cut before EXEC changed the store"
mark
[ ! -s "$WORK/events" ] || fail "an apply cut before EXEC fired keyspace events: $(head -5 "$WORK/events")"
hashes >"$WORK/hashes.v1"

# An error inside the transaction is an item of EXEC's reply, which --pipe
# does not count: the check after EXEC turns it into an error it counts,
# saying why, and the script refused before its first write.
refused() { # WHY: the apply of v2 fails, names WHY, and fires no event
  mark
  if apply "$v2/redis.txt"; then fail "an apply refused because $1 exited 0: $(cat "$WORK/pipe.log")"; fi
  mark
  [ ! -s "$WORK/events" ] || fail "an apply refused because $1 fired keyspace events: $(head -5 "$WORK/events")"
  grep -q 'errors: 1,' "$WORK/pipe.log" || fail "an apply refused because $1 did not count 1 error: $(cat "$WORK/pipe.log")"
  grep -q "did not apply ($1)" "$WORK/pipe.log" || fail "the refused apply does not say \"$1\": $(cat "$WORK/pipe.log")"
}
cli rename target_domains kept_domains >/dev/null
cli set target_domains not-a-set >/dev/null
refused "target_domains holds a string, not a set"
cli del target_domains >/dev/null
cli rename kept_domains target_domains >/dev/null
state "$v1/kv.json" "$domains_v1,+api-added.example.org" "$foreign=true" || fail "an apply refused by a key's type changed the store"
# A replica (of a primary that is not there) refuses every write.
cli replicaof 127.0.0.1 1 >/dev/null
refused "the server is a read-only replica: apply to the primary"
cli replicaof no one >/dev/null
state "$v1/kv.json" "$domains_v1,+api-added.example.org" "$foreign=true" || fail "an apply on a replica changed the store"
mark

apply "$v2/redis.txt" || fail "applying v2: $(cat "$WORK/pipe.log")"
grep -q 'errors: 0,' "$WORK/pipe.log" || fail "applying v2: $(cat "$WORK/pipe.log")"
state "$v2/kv.json" "$domains_v2" "$foreign=true" || fail "after v2 the store is not exactly v2 (stale keys?)"
mark
hashes >"$WORK/hashes.v2"
python3 "$ROOT/tests/redis_expected_events.py" "$v1/kv.json" "$v2/kv.json" "$WORK/hashes.v1" "$WORK/hashes.v2" \
  api-added.example.org >"$WORK/expected"
diff -u "$WORK/expected" "$WORK/events" || fail "applying v2 fired other events than those of the keys it changed"
grep -q "^traefik/http/routers/team-a-docs/rule" "$WORK/events" || fail "no event for the added route"

apply "$v2/redis.txt" || fail "applying v2 again: $(cat "$WORK/pipe.log")"
state "$v2/kv.json" "$domains_v2" "$foreign=true" || fail "applying v2 twice is not the same as once"
mark
[ ! -s "$WORK/events" ] || fail "applying v2 again fired keyspace events: $(head -5 "$WORK/events")"
echo "keyspace events: v1 again 0, v2 $(wc -l <"$WORK/expected") (the changed keys), v2 again 0"
cli publish edgegen-test-marker end >/dev/null
echo "redis round trip: ok"
