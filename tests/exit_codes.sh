#!/usr/bin/env bash
# Exit codes, as the README lists them: 0 success, 1 invalid input, 2 usage/environment, 70 internal.
source "$(dirname "$0")/lib.sh"
expect() {
  local want="$1"; shift
  set +e; "$@" >"$WORK/stdout" 2>"$WORK/stderr"; local rc=$?; set -e
  [ "$rc" = "$want" ] || fail "'$*' exited $rc, want $want; stderr: $(cat "$WORK/stderr")"
}
expect 0 "$EDGEGEN" --version
grep -q '^edgegen [0-9]' "$WORK/stdout" || fail "--version printed: $(cat "$WORK/stdout")"
expect 0 "$EDGEGEN" --help
grep -q 'render' "$WORK/stdout" || fail "--help does not list render"
expect 0 "$EDGEGEN" validate "$ROOT/examples/platform"
expect 2 "$EDGEGEN"
expect 2 "$EDGEGEN" frobnicate
expect 2 "$EDGEGEN" render "$ROOT/examples/platform"
expect 2 "$EDGEGEN" validate --no-such-flag
expect 2 "$EDGEGEN" validate "$WORK/does-not-exist"
grep -qF "does not exist" "$WORK/stderr" || fail "missing source not explained: $(cat "$WORK/stderr")"
expect 2 "$EDGEGEN" render "$ROOT/examples/product" --out "$WORK/o" --env staging
grep -qF 'unknown environment "staging" (environments: dev, prod)' "$WORK/stderr" || fail "$(cat "$WORK/stderr")"
[ ! -e "$WORK/o" ] || fail "a failed render created its output directory"
touch "$WORK/file"
expect 2 "$EDGEGEN" render "$ROOT/examples/platform" --out "$WORK/file/sub"

# Invalid input: exit 1 and nothing written.
mkdir -p "$WORK/bad"
printf 'apiVersion: edgegen.dev/v1alpha1\nkind: Edge\nmetadata: {name: x}\nspec: {targets: [nginx]}\n' >"$WORK/bad/edge.yaml"
expect 1 "$EDGEGEN" render "$WORK/bad" --out "$WORK/bad-out"
[ ! -e "$WORK/bad-out" ] || fail "invalid input created the output directory"
expect 1 "$EDGEGEN" validate "$WORK/bad" --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d and d[0]["code"].startswith("E"), d' "$WORK/stdout" \
  || fail "--format json is not a JSON array of diagnostics: $(cat "$WORK/stdout")"
# A file edgegen did not write is never overwritten: exit 2, and nothing at all is written.
mkdir -p "$WORK/foreign/default/traefik"
printf 'hand-written\n' >"$WORK/foreign/default/traefik/traefik.yml"
expect 2 "$EDGEGEN" render "$ROOT/examples/homelab" --out "$WORK/foreign"
grep -qF "refusing to overwrite $WORK/foreign/default/traefik/traefik.yml: edgegen did not write it" "$WORK/stderr" \
  || fail "foreign file: $(cat "$WORK/stderr")"
[ "$(cat "$WORK/foreign/default/traefik/traefik.yml")" = hand-written ] || fail "the foreign file was changed"
[ "$(find "$WORK/foreign" -type f | wc -l)" = 1 ] || fail "files were written beside the foreign file: $(find "$WORK/foreign" -type f)"
# An internal error (a bug) is told apart from a usage error: exit 70, a short message, how to report it.
EDGEGEN_TEST_INTERNAL_ERROR=1 expect 70 "$EDGEGEN" validate "$ROOT/examples/platform"
version="$("$EDGEGEN" --version | cut -d' ' -f2)"
diff -u - "$WORK/stderr" <<TXT || fail "internal error message differs"
edgegen: internal error: EDGEGEN_TEST_INTERNAL_ERROR is set
edgegen: this is a bug in edgegen $version; please report it with the command line and, if you can, the input
TXT
[ ! -s "$WORK/stdout" ] || fail "an internal error printed on stdout: $(cat "$WORK/stdout")"
# Found before anything is written, also where edgegen rendered before: no
# temporary file, no journal, and no directory's modification time changes
# (what a watching Traefik would see).
"$EDGEGEN" render "$ROOT/examples/homelab" --out "$WORK/again" >/dev/null
conflict="$(cd "$WORK/again" && find . -type f -path './default/*' | sort | tail -1)"
conflict="${conflict#./}"
# As if that file had never been rendered there, and someone put their own.
sed -i "\|  $conflict\$|d" "$WORK/again/edgegen.sum"
printf 'hand-written\n' >"$WORK/again/$conflict"
# And the other files changed, so that the render has something to stage.
find "$WORK/again" -type f -path '*/default/*' -not -path "*/$conflict" -exec sh -c 'printf " " >>"$1"' _ {} \;
before="$(find "$WORK/again" -printf '%p %T@\n' | grep -v '/.edgegen.flock ' | sort)"
sleep 0.05
expect 2 "$EDGEGEN" render "$ROOT/examples/homelab" --out "$WORK/again"
grep -qF "refusing to overwrite $WORK/again/$conflict: edgegen did not write it" "$WORK/stderr" \
  || fail "foreign file in a rendered tree: $(cat "$WORK/stderr")"
after="$(find "$WORK/again" -printf '%p %T@\n' | grep -v '/.edgegen.flock ' | sort)"
[ "$before" = "$after" ] || fail "the refused render changed the tree: $(diff <(echo "$before") <(echo "$after"))"
echo "exit codes: ok"
