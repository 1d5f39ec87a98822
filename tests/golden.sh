#!/usr/bin/env bash
# Renders examples/NAME (or the directory given as third argument) and
# compares the tree byte for byte with tests/golden/NAME. To accept an
# intended change (then review the diff):
#   UPDATE_GOLDENS=1 ctest --test-dir build -R golden
source "$(dirname "$0")/lib.sh"
name="$2"
golden="$ROOT/tests/golden/$name"
"$EDGEGEN" render "${3:-$ROOT/examples/$name}" --out "$WORK/out" >/dev/null
if [ "${UPDATE_GOLDENS:-}" = 1 ]; then
  rm -rf "$golden" && mkdir -p "$(dirname "$golden")" && cp -r "$WORK/out" "$golden" && rm "$golden/.edgegen.flock"
  echo "updated $golden"
  exit 0
fi
[ -d "$golden" ] || fail "no golden tree $golden (create it with UPDATE_GOLDENS=1)"
# .edgegen.flock is the lock a render takes, not output.
diff -ru --exclude=.edgegen.flock "$golden" "$WORK/out" || fail "examples/$name renders differently from tests/golden/$name"
(cd "$WORK/out" && sha256sum --quiet -c edgegen.sum) || fail "sha256sum -c edgegen.sum failed"
echo "golden $name: $(find "$WORK/out" -type f -not -name .edgegen.flock | wc -l) files identical"
