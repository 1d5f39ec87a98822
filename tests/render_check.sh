#!/usr/bin/env bash
# `render --check` is the drift gate: 0 on a fresh render, 1 once any byte of
# the output changes, a file goes missing or an extra rendered file remains,
# or a file edgegen did not write sits where a consumer loads every file.
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

# platform keeps its dynamic configuration in Valkey: Traefik's file provider
# reads a volume, not prod/traefik/dynamic, so a file there is harmless.
"$EDGEGEN" render "$example" --out "$out" >/dev/null
mkdir -p "$out/prod/traefik/dynamic"
printf 'http: {}\n' >"$out/prod/traefik/dynamic/manual.yml"
"$EDGEGEN" render "$example" --out "$out" --check >/dev/null || fail "--check with a file no consumer loads exited $?"

# kanban's Traefik loads every YAML and TOML file of dev/traefik/dynamic and below.
kanban="$ROOT/examples/kanban"
out="$WORK/kanban"
"$EDGEGEN" render "$kanban" --out "$out" >/dev/null
printf 'http: {}\n' >"$out/dev/traefik/dynamic/manual.yml"
mkdir "$out/dev/traefik/dynamic/more"
printf 'tls: {}\n' >"$out/dev/traefik/dynamic/more/extra.TOML"
printf 'not loaded\n' >"$out/dev/traefik/dynamic/README.md"
printf 'not loaded\n' >"$out/notes.yml"
set +e
"$EDGEGEN" render "$kanban" --out "$out" --check >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 1 ] || fail "--check with a hand-added dynamic file exited $rc, want 1"
loads="Traefik's file provider loads every .yml, .yaml and .toml file in $out/dev/traefik/dynamic and its subdirectories"
cat >"$WORK/want" <<END
edgegen: $out/dev/traefik/dynamic/manual.yml: not written by edgegen, and $loads
edgegen: $out/dev/traefik/dynamic/more/extra.TOML: not written by edgegen, and $loads
edgegen: 2 file(s) that edgegen did not write would be loaded with the rendered tree; move them out of $out, or put what they configure into $kanban
END
diff -u "$WORK/want" "$WORK/err" || fail "--check did not report the foreign files as expected"

# A plain render writes, leaves those files alone and warns about them.
set +e
"$EDGEGEN" render "$kanban" --out "$out" >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 0 ] || fail "render with a hand-added dynamic file exited $rc, want 0"
head -n 2 "$WORK/want" | sed 's/^edgegen: /edgegen: warning: /' | diff -u - "$WORK/err" || fail "render did not warn"
[ -f "$out/dev/traefik/dynamic/manual.yml" ] || fail "render removed a file it did not write"
rm -r "$out/dev/traefik/dynamic/manual.yml" "$out/dev/traefik/dynamic/more"
"$EDGEGEN" render "$kanban" --out "$out" --check >/dev/null || fail "--check with files no consumer loads exited $?"
echo "render --check: ok"
