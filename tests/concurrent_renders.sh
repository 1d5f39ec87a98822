#!/usr/bin/env bash
# Overlapping CI jobs: two renders of different inputs started together into
# one --out, with a `render --check` of each input beside them. The lock makes
# them take turns. After every round the tree verifies (sha256sum -c), is
# exactly one input's render, with no temporary file or journal; every process
# exited 0, or 2 saying who holds the lock; and each check saw a whole tree:
# up to date, or differing in every file the two renders differ in. Then a
# render killed while it holds the lock does not block the next one. Bounded
# by rounds and by time.
source "$(dirname "$0")/lib.sh"
need sha256sum coreutils
rounds="${EDGEGEN_CONCURRENT_ROUNDS:-20}"
budget="${EDGEGEN_CONCURRENT_SECONDS:-60}"
python3 "$ROOT/bench/generate_fixture.py" 150 "$WORK/v1" --plain >/dev/null
cp -r "$WORK/v1" "$WORK/v2"
# v2: other ports in half of the projects, ten projects gone (their files are orphans).
for f in "$WORK"/v2/projects/team-00*[02468].yaml; do sed -i 's/port: 80$/port: 8081/' "$f"; done
rm "$WORK"/v2/projects/team-0001[0-9].yaml
out="$WORK/out"
for v in 1 2; do
  "$EDGEGEN" render "$WORK/v$v" --out "$WORK/ref$v" >/dev/null
done
# What a check of each input says of its own tree (its warnings, if any) and
# of the other input's tree: every difference.
for v in 1 2; do
  other=$((3 - v))
  rm -rf "$out" && cp -r "$WORK/ref$v" "$out"
  "$EDGEGEN" render "$WORK/v$v" --out "$out" --check >/dev/null 2>"$WORK/same$v" || fail "a check of v$v's own tree failed"
  rm -rf "$out" && cp -r "$WORK/ref$other" "$out"
  set +e
  "$EDGEGEN" render "$WORK/v$v" --out "$out" --check >/dev/null 2>"$WORK/drift$v"; rc=$?
  set -e
  [ "$rc" = 1 ] || fail "a check of v$v against v$other's tree exited $rc"
done

lock_message="^edgegen: error: another edgegen is (writing $out \\(pid [0-9]+ since [0-9]{2}:[0-9]{2}:[0-9]{2}\\)|checking $out \\(render --check\\)); waited [0-9.]+ s \\(--lock-timeout\\)$"

# exit_ok NAME RC ERRFILE: 0, or 2 ending with the lock message.
exit_ok() {
  [ "$2" = 0 ] && return
  [ "$2" = 2 ] || fail "round $round: $1 exited $2: $(cat "$3")"
  tail -1 "$3" | grep -Eq "$lock_message" || fail "round $round: $1 exited 2: $(cat "$3")"
  timeouts=$((timeouts + 1))
}

start=$SECONDS
timeouts=0
both=0
for round in $(seq 1 "$rounds"); do
  [ $((SECONDS - start)) -lt "$budget" ] || break
  # Every third round the second writer does not wait, to see the message.
  wait_b=30
  [ $((round % 3)) = 0 ] && wait_b=0
  first=$((round % 2 + 1))
  second=$((3 - first))
  "$EDGEGEN" render "$WORK/v$first" --out "$out" >/dev/null 2>"$WORK/a.err" & a=$!
  "$EDGEGEN" render "$WORK/v$second" --out "$out" --lock-timeout "$wait_b" >/dev/null 2>"$WORK/b.err" & b=$!
  "$EDGEGEN" render "$WORK/v1" --out "$out" --check >/dev/null 2>"$WORK/c1.err" & c1=$!
  "$EDGEGEN" render "$WORK/v2" --out "$out" --check >/dev/null 2>"$WORK/c2.err" & c2=$!
  rc_a=0; wait $a || rc_a=$?
  rc_b=0; wait $b || rc_b=$?
  rc_c1=0; wait $c1 || rc_c1=$?
  rc_c2=0; wait $c2 || rc_c2=$?
  exit_ok "the render of v$first" $rc_a "$WORK/a.err"
  exit_ok "the render of v$second" $rc_b "$WORK/b.err"
  [ $rc_a = 0 ] && [ $rc_b = 0 ] && both=$((both + 1))
  for v in 1 2; do
    rc_var=rc_c$v
    rc=${!rc_var}
    if [ "$rc" = 1 ]; then
      cmp -s "$WORK/drift$v" "$WORK/c$v.err" ||
        fail "round $round: the check of v$v saw neither tree: $(diff "$WORK/drift$v" "$WORK/c$v.err" | head -5)"
    elif [ "$rc" = 0 ]; then
      cmp -s "$WORK/same$v" "$WORK/c$v.err" || fail "round $round: the check of v$v said: $(cat "$WORK/c$v.err")"
    else
      exit_ok "the check of v$v" "$rc" "$WORK/c$v.err"
    fi
  done
  (cd "$out" && sha256sum --quiet --strict -c edgegen.sum) || fail "round $round: sha256sum -c edgegen.sum failed"
  if ! diff -r --exclude=.edgegen.flock "$WORK/ref1" "$out" >/dev/null &&
    ! diff -r --exclude=.edgegen.flock "$WORK/ref2" "$out" >/dev/null; then
    fail "round $round: the tree is neither render: $(diff -rq --exclude=.edgegen.flock "$WORK/ref$first" "$out" | head -5)"
  fi
  [ ! -s "$out/.edgegen.flock" ] || fail "round $round: the lock still names a writer: $(cat "$out/.edgegen.flock")"
done
[ "$round" -ge 3 ] || fail "only $round rounds within ${budget}s"
[ "$both" -ge 1 ] || fail "in no round did both renders succeed, one after the other"

# A render killed while it holds the lock: the kernel releases it.
rm -rf "$out" && cp -r "$WORK/ref1" "$out"
"$EDGEGEN" render "$WORK/v2" --out "$out" >/dev/null 2>&1 & pid=$!
held=0
t0=$SECONDS
while [ $((SECONDS - t0)) -lt 30 ]; do
  if [ -s "$out/.edgegen.flock" ]; then
    kill -KILL "$pid" 2>/dev/null && held=1
    break
  fi
done
wait "$pid" 2>/dev/null || true
if [ "$held" = 1 ]; then
  "$EDGEGEN" render "$WORK/v2" --out "$out" --lock-timeout 0 >/dev/null 2>"$WORK/err" ||
    fail "the render after a killed one exited $?: $(cat "$WORK/err")"
  diff -r --exclude=.edgegen.flock "$WORK/ref2" "$out" >/dev/null || fail "the render after a killed one is not v2's"
fi
echo "concurrent renders: $round rounds in $((SECONDS - start))s, both renders succeeded in $both," \
  "$timeouts gave up waiting (--lock-timeout 0), every tree whole; a killed holder held the lock: $held"
