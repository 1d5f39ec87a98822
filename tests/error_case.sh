#!/usr/bin/env bash
# One error case: tests/errors/NAME/input is validated from inside
# tests/errors/NAME; stderr must equal `expected` byte for byte and the exit
# code must equal `exit_code` (1 unless the file says otherwise). A case with
# a file `command` runs `edgegen <its words> --out <new dir>` instead (the
# import cases), and must leave nothing in that directory when it fails.
# To accept intended changes (then review the diff):
#   UPDATE_GOLDENS=1 ctest --test-dir build -R error
source "$(dirname "$0")/lib.sh"
dir="$ROOT/tests/errors/$2"
want_rc="$(cat "$dir/exit_code" 2>/dev/null || echo 1)"
cd "$dir"
set +e
if [ -f "$dir/command" ]; then
  read -r -a words <"$dir/command"
  "$EDGEGEN" "${words[@]}" --out "$WORK/out" >/dev/null 2>"$WORK/stderr"; rc=$?
  if [ "$rc" != 0 ] && [ -e "$WORK/out" ]; then
    set -e
    fail "exit code $rc, yet the command wrote $WORK/out"
  fi
else
  "$EDGEGEN" validate input >/dev/null 2>"$WORK/stderr"; rc=$?
fi
set -e
if [ "${UPDATE_GOLDENS:-}" = 1 ]; then
  cp "$WORK/stderr" "$dir/expected"
  echo "updated $dir/expected"
  exit 0
fi
[ "$rc" = "$want_rc" ] || fail "exit code $rc, want $want_rc; stderr: $(cat "$WORK/stderr")"
diff -u "$dir/expected" "$WORK/stderr" || fail "diagnostics differ from $dir/expected"
echo "error $2: ok"
