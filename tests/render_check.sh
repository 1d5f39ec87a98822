#!/usr/bin/env bash
# `render --check` is the drift gate: 0 on a fresh render, 1 once any byte of
# the output changes, a file goes missing or an extra rendered file remains.
source "$(dirname "$0")/lib.sh"
example="$ROOT/examples/platform"
out="$WORK/out"
"$EDGEGEN" render "$example" --out "$out" >/dev/null
"$EDGEGEN" render "$example" --out "$out" --check >/dev/null || fail "--check after a fresh render exited $?"
(cd "$out" && sha256sum --quiet -c edgegen.sum) || fail "sha256sum -c edgegen.sum"

file="$out/prod/traefik/traefik.yml"
cp "$file" "$WORK/saved"
printf ' ' >>"$file"
set +e
"$EDGEGEN" render "$example" --out "$out" --check 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 1 ] || fail "--check after a one-byte change exited $rc, want 1"
grep -qF "prod/traefik/traefik.yml differs" "$WORK/err" || fail "--check did not name the file: $(cat "$WORK/err")"
cmp -s "$file" "$WORK/saved" && fail "--check wrote to the output"

cp "$WORK/saved" "$file"
rm "$out/prod/traefik/kv.json"
set +e
"$EDGEGEN" render "$example" --out "$out" --check 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 1 ] || fail "--check with a missing file exited $rc, want 1"
grep -qF "kv.json is missing" "$WORK/err" || fail "missing file not named: $(cat "$WORK/err")"
echo "render --check: ok"
