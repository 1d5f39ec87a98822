#!/usr/bin/env bash
# The examples are what users copy: `validate` reports nothing at all on
# them, not even a warning.
source "$(dirname "$0")/lib.sh"
set +e
"$EDGEGEN" validate "$ROOT/examples/$2" >"$WORK/stdout" 2>"$WORK/stderr"; rc=$?
set -e
[ "$rc" = 0 ] || fail "validate examples/$2 exited $rc: $(cat "$WORK/stderr")"
[ ! -s "$WORK/stderr" ] || fail "validate examples/$2 reported: $(cat "$WORK/stderr")"
"$EDGEGEN" validate "$ROOT/examples/$2" --format json >"$WORK/json"
[ "$(cat "$WORK/json")" = "[]" ] || fail "validate --format json examples/$2 printed $(cat "$WORK/json")"
echo "examples_clean $2: ok"
