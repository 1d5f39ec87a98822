#!/usr/bin/env bash
# The same desired state written differently (files renamed and moved,
# documents and map keys in another order) renders byte-identical output, in
# another locale and time zone; and rendering again writes nothing.
source "$(dirname "$0")/lib.sh"
name="$2"
"$EDGEGEN" render "$ROOT/examples/$name" --out "$WORK/a" >/dev/null
python3 "$ROOT/tests/shuffle_example.py" "$ROOT/examples/$name" "$WORK/shuffled"
LC_ALL=C.UTF-8 TZ=Pacific/Kiritimati "$EDGEGEN" render "$WORK/shuffled" --out "$WORK/b" >/dev/null
# Input paths and blob ids differ by construction; everything else must not.
diff -ru --exclude=edgegen.lock.json --exclude=edgegen.sum "$WORK/a" "$WORK/b" \
  || fail "reordered input renders differently"

before="$(cd "$WORK/a" && find . -type f -not -name .edgegen.flock -printf '%p %T@\n' | sort)"
out="$("$EDGEGEN" render "$ROOT/examples/$name" --out "$WORK/a")"
after="$(cd "$WORK/a" && find . -type f -not -name .edgegen.flock -printf '%p %T@\n' | sort)"
[ "$before" = "$after" ] || fail "second render touched files: $(diff <(echo "$before") <(echo "$after"))"
grep -q "(0 written, " <<<"$out" || fail "second render reported writes: $out"
echo "determinism $name: ok"
