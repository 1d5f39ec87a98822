#!/usr/bin/env bash
# A render cancelled by SIGTERM (a CI job cancelled) or SIGINT (Ctrl-C) while
# it stages its files: it removes its temporary files and its journal, leaves
# the previous tree byte for byte (or, stopped once every file was in place,
# the new one) and exits 128 + the signal: 143, 130. A signal before anything
# is written ends it at once, with the same status. Bounded by rounds and by
# time.
source "$(dirname "$0")/lib.sh"
rounds="${EDGEGEN_CANCEL_ROUNDS:-6}"
budget="${EDGEGEN_CANCEL_SECONDS:-60}"
python3 "$ROOT/bench/generate_fixture.py" 300 "$WORK/v1" --plain >/dev/null
cp -r "$WORK/v1" "$WORK/v2"
# v2 changes every project, so that the render stages most of its files.
sed -i 's/port: 80$/port: 8081/' "$WORK"/v2/projects/*.yaml
"$EDGEGEN" render "$WORK/v1" --out "$WORK/ref1" >/dev/null
"$EDGEGEN" render "$WORK/v2" --out "$WORK/ref2" >/dev/null
out="$WORK/out"
binary="$(readlink -f "$EDGEGEN")"

same_as() { diff -r --exclude=.edgegen.flock "$WORK/ref$1" "$out" >/dev/null; }

# cancel SIGNAL STATUS WHEN: renders v2 over v1's tree and sends SIGNAL once
# the journal exists (WHEN=staging) or at once (WHEN=start).
cancel() {
  rm -rf "$out" && cp -r "$WORK/ref1" "$out"
  "$EDGEGEN" render "$WORK/v2" --out "$out" >/dev/null 2>"$WORK/err" & pid=$!
  t0=$SECONDS
  if [ "$3" = staging ]; then
    until [ -e "$out/.edgegen.pending" ] || [ $((SECONDS - t0)) -ge 30 ]; do :; done
  else
    # Once it runs edgegen: before, the signal would end this script's fork.
    until [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$binary" ] || [ $((SECONDS - t0)) -ge 30 ]; do :; done
  fi
  kill "-$1" "$pid"
  rc=0; wait "$pid" || rc=$?
  leftovers="$(cd "$out" && find . -name '*.tmp' -o -name .edgegen.pending)"
  [ -z "$leftovers" ] || fail "$1 ($3): left behind: $leftovers"
  [ ! -s "$out/.edgegen.flock" ] || fail "$1 ($3): the lock still names a writer"
  if [ "$rc" = 0 ] && same_as 2; then
    finished=$((finished + 1)) # done before the signal came
    return
  fi
  [ "$rc" = "$2" ] || fail "$1 ($3): exited $rc, want $2: $(cat "$WORK/err")"
  if grep -q "is as it was, its temporary files removed$" "$WORK/err"; then
    same_as 1 || fail "$1 ($3): the previous tree is not intact: $(diff -rq --exclude=.edgegen.flock "$WORK/ref1" "$out" | head -5)"
    as_it_was=$((as_it_was + 1))
  elif grep -q "after every file was in place" "$WORK/err"; then
    same_as 2 || fail "$1 ($3): stopped once in place, but the tree is not the new one"
    in_place=$((in_place + 1))
  else
    [ ! -s "$WORK/err" ] || fail "$1 ($3): $(cat "$WORK/err")"
    same_as 1 || fail "$1 ($3): stopped before writing, but the tree changed"
    before=$((before + 1))
  fi
}

start=$SECONDS
as_it_was=0 in_place=0 before=0 finished=0
for round in $(seq 1 "$rounds"); do
  [ $((SECONDS - start)) -lt "$budget" ] || break
  cancel TERM 143 staging
done
cancel INT 130 staging
cancel TERM 143 start
# Waiting for the lock that another process holds (flock(1) here): stopped
# at once, nothing written.
need flock util-linux
rm -rf "$out" && cp -r "$WORK/ref1" "$out"
flock -x "$out/.edgegen.flock" sleep 60 & holder=$!
t0=$SECONDS
while flock -n -s "$out/.edgegen.flock" true && [ $((SECONDS - t0)) -lt 30 ]; do :; done
"$EDGEGEN" render "$WORK/v2" --out "$out" --lock-timeout 60 >/dev/null 2>"$WORK/err" & pid=$!
sleep 1
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
kill "$holder"; wait "$holder" 2>/dev/null || true
[ "$rc" = 143 ] || fail "TERM while waiting for the lock: exited $rc: $(cat "$WORK/err")"
[ $((SECONDS - t0)) -lt 30 ] || fail "TERM while waiting for the lock: it went on waiting"
[ ! -s "$WORK/err" ] || grep -qx "edgegen: stopped by SIGTERM while waiting for another edgegen to finish with $out" "$WORK/err" ||
  fail "TERM while waiting for the lock: $(cat "$WORK/err")"
same_as 1 || fail "TERM while waiting for the lock: the tree changed"

[ "$as_it_was" -ge 1 ] || fail "no render was stopped while staging ($in_place in place, $finished finished)"
(cd "$out" && sha256sum --quiet -c edgegen.sum) || fail "sha256sum -c after the last cancel"
echo "render cancel: $((round + 3)) signals (one while waiting for the lock): $as_it_was stopped while staging (tree as it was)," \
  "$in_place once in place, $before before writing, $finished after finishing"
