#!/usr/bin/env bash
# The route map of every environment of examples/NAME, in Mermaid and DOT,
# byte for byte against tests/golden/graph/NAME/ENV.{mmd,dot}. To accept an
# intended change (then review the diff):
#   UPDATE_GOLDENS=1 ctest --test-dir build -R golden
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/graph_lib.sh"
name="$2"
golden="$ROOT/tests/golden/graph/$name"
draw_all "$WORK/out" "$name"
# Drawn twice, the same bytes.
draw_all "$WORK/again" "$name"
diff -r "$WORK/out" "$WORK/again" || fail "two drawings of examples/$name differ"
if [ "${UPDATE_GOLDENS:-}" = 1 ]; then
  rm -rf "$golden" && mkdir -p "$(dirname "$golden")" && cp -r "$WORK/out/$name" "$golden"
  echo "updated $golden"
  exit 0
fi
[ -d "$golden" ] || fail "no golden graphs $golden (create them with UPDATE_GOLDENS=1)"
diff -ru "$golden" "$WORK/out/$name" || fail "examples/$name draws differently from tests/golden/graph/$name"
echo "graph golden $name: $(find "$WORK/out/$name" -type f | wc -l) files identical"
