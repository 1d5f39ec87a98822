#!/usr/bin/env bash
# Crash consistency: renders killed with SIGKILL at random moments, switching
# between two versions of a large input. After every kill the output holds
# only whole files, each byte for byte the previous or the new version, and
# no temporary file with a name a watching Traefik would load; one more
# render then repairs the tree completely.
source "$(dirname "$0")/lib.sh"
rounds="${EDGEGEN_KILL_ROUNDS:-30}"
python3 "$ROOT/bench/generate_fixture.py" 800 "$WORK/v1" --plain >/dev/null
cp -r "$WORK/v1" "$WORK/v2"
# v2: other ports in a third of the projects, 100 projects gone, 100 new ones.
for f in "$WORK"/v2/projects/team-00*[0369].yaml; do sed -i 's/port: 80$/port: 8081/' "$f"; done
rm "$WORK"/v2/projects/team-000[0-9][0-9].yaml
python3 "$ROOT/bench/generate_fixture.py" 900 "$WORK/extra" --seed 7 --plain >/dev/null
cp "$WORK"/extra/projects/team-008*.yaml "$WORK/v2/projects/"
"$EDGEGEN" render "$WORK/v1" --out "$WORK/ref1" >/dev/null
"$EDGEGEN" render "$WORK/v2" --out "$WORK/ref2" >/dev/null
"$EDGEGEN" render "$WORK/v1" --out "$WORK/out" >/dev/null

start_ns=$(date +%s%N)
"$EDGEGEN" render "$WORK/v2" --out "$WORK/timing" >/dev/null
span_ms=$(( ($(date +%s%N) - start_ns) / 1000000 + 1 ))

check_whole_files() {
  local bad
  bad="$(cd "$WORK/out" && find . -type f \( -name '*.yml' -o -name '*.yaml' -o -name '*.toml' -o -name '*.json' \) \
    -exec sh -c 'for f; do cmp -s "$f" "$0/ref1/$f" || cmp -s "$f" "$0/ref2/$f" || echo "$f"; done' "$WORK" {} +)"
  [ -z "$bad" ] || fail "after kill $1: files that are neither version: $(head -5 <<<"$bad")"
  bad="$(cd "$WORK/out" && find . -name '*.tmp*' \( -name '*.yml' -o -name '*.yaml' -o -name '*.toml' \))"
  [ -z "$bad" ] || fail "after kill $1: temporary files Traefik would load: $bad"
}

killed=0
for round in $(seq 1 "$rounds"); do
  version=$(( round % 2 + 1 ))
  "$EDGEGEN" render "$WORK/v$version" --out "$WORK/out" >/dev/null 2>"$WORK/err" &
  pid=$!
  sleep "$(awk -v r="$RANDOM" -v s="$span_ms" 'BEGIN { printf "%.3f", (r % (s + 1)) / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  if grep -q "error" "$WORK/err"; then fail "render $round failed: $(cat "$WORK/err")"; fi
  check_whole_files "$round"
done

"$EDGEGEN" render "$WORK/v2" --out "$WORK/out" >/dev/null || fail "the render after the kills failed"
diff -r "$WORK/ref2" "$WORK/out" >/dev/null || fail "the render after the kills did not repair the tree: $(diff -rq "$WORK/ref2" "$WORK/out" | head -5)"
(cd "$WORK/out" && sha256sum --quiet -c edgegen.sum) || fail "sha256sum -c after repair"
echo "kill test: $rounds rounds, $killed killed mid-render (render takes ~${span_ms} ms), tree repaired"
