#!/usr/bin/env bash
# `render --env NAME` re-renders only that environment: the other
# environments' files stay as they are, byte for byte, and edgegen.sum keeps
# describing every file in the tree.
source "$(dirname "$0")/lib.sh"
example="$ROOT/examples/product"
out="$WORK/out"
"$EDGEGEN" render "$example" --out "$out" >/dev/null
printf '# edited by hand\n' >>"$out/prod/traefik/traefik.yml"
cp "$out/prod/traefik/traefik.yml" "$WORK/prod-edited"
rm "$out/dev/traefik/kv.json"
"$EDGEGEN" render "$example" --out "$out" --env dev >"$WORK/log"
[ -f "$out/dev/traefik/kv.json" ] || fail "--env dev did not restore dev's file"
cmp -s "$out/prod/traefik/traefik.yml" "$WORK/prod-edited" || fail "--env dev touched prod's file"
(cd "$out" && sha256sum --quiet -c edgegen.sum) || fail "edgegen.sum does not describe the tree after --env"
"$EDGEGEN" render "$example" --out "$out" --env dev --check >/dev/null || fail "--env dev --check after --env dev"
set +e
"$EDGEGEN" render "$example" --out "$out" --check 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 1 ] || fail "a full --check must still see prod's edit (exit $rc)"
grep -qF "prod/traefik/traefik.yml differs" "$WORK/err" || fail "$(cat "$WORK/err")"
echo "partial render: ok"
