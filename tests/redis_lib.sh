# A redis-server for one test script, and what the scripts do with it.
# Sourced after lib.sh (and `need redis-server`, `need redis-cli`), not run:
# starts the server on a free loopback port (stopped on every exit) and an
# event recorder (tests/redis_events.py) that sees the keyspace events as
# Traefik's redis provider does. Defines apply, state, cli and mark.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# `timeout` bounds the server's life even if this script is killed before its trap runs.
timeout 110 redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
  >"$WORK/server.log" 2>&1 &
server=$!
events=""
trap 'kill $events "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM
for _ in $(seq 50); do
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || fail "redis-server did not start: $(cat "$WORK/server.log")"
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null || fail "redis-server did not answer within 5 s"

apply() { # FILE [pipe-timeout [redis-cli options]]: redis-cli --pipe, exit status passed on
  timeout 60 redis-cli -h 127.0.0.1 -p "$port" "${@:3}" --pipe --pipe-timeout "${2:-10}" <"$1" >"$WORK/pipe.log" 2>&1
}
state() { python3 "$ROOT/tests/redis_state.py" "$port" "$@"; }
cli() { timeout 10 redis-cli -h 127.0.0.1 -p "$port" "$@"; }

# The keyspace events, recorded from before the first apply on.
timeout 100 python3 "$ROOT/tests/redis_events.py" "$port" >"$WORK/events.log" 2>&1 &
events=$!
for _ in $(seq 100); do grep -q '^ready$' "$WORK/events.log" && break; sleep 0.05; done
grep -q '^ready$' "$WORK/events.log" || fail "the event recorder did not subscribe: $(cat "$WORK/events.log")"
marks=0
# mark: the events since the last mark, as sorted "KEY<TAB>EVENT" lines, in $WORK/events.
mark() {
  marks=$((marks + 1))
  cli publish edgegen-test-marker "$marks" >/dev/null
  for _ in $(seq 200); do grep -qx "marker $marks" "$WORK/events.log" && break; sleep 0.05; done
  grep -qx "marker $marks" "$WORK/events.log" || fail "marker $marks did not arrive"
  awk -v m="$marks" '$0 == "marker " (m - 1) { on = 1; next } $0 == "marker " m { on = 0 } on' "$WORK/events.log" \
    | { grep '^event' || true; } | cut -f2- | sort -u >"$WORK/events"
}
