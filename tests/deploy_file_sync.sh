#!/usr/bin/env bash
# examples/file-sync as a sync service would run it, against the directory
# Traefik's file provider watches: every file verifies against edgegen.sum;
# a render with nothing changed writes nothing (Traefik sees no event); a
# project that is gone loses its dynamic file and nothing else changes; the
# files Traefik is told to read (the dynamic directory, certificates) are
# where traefik.yml and the Traefik container's mounts put them.
source "$(dirname "$0")/lib.sh"

example="$ROOT/examples/file-sync"
out="$WORK/configs"
"$EDGEGEN" render "$example" --out "$out" >/dev/null || fail "file-sync does not render"
(cd "$out" && sha256sum --quiet -c edgegen.sum) || fail "edgegen.sum does not verify"
dynamic="$out/default/traefik/dynamic"
[ "$(ls "$dynamic")" = "$(printf '_shared.yml\nproject-1.yml\nproject-2.yml\ntls.yml')" ] \
  || fail "the dynamic directory holds: $(ls "$dynamic")"
python3 - "$out/default/traefik" <<'PY' || fail "traefik.yml does not read what was rendered"
import sys, yaml
static = yaml.safe_load(open(sys.argv[1] + "/traefik.yml"))
assert static["providers"] == {"file": {"directory": "/app/traefik-configs/dynamic", "watch": True}}, static["providers"]
tls = yaml.safe_load(open(sys.argv[1] + "/dynamic/tls.yml"))["tls"]
assert [c["certFile"] for c in tls["certificates"]] == ["/app/traefik-configs/ssl/certs/billing.example.com.crt"], tls
PY

# Nothing changed: nothing is written, not even a timestamp (the lock aside: .edgegen.flock).
before="$(find "$out" -type f -not -name .edgegen.flock -printf '%p %T@\n' | sort)"
sleep 0.01
"$EDGEGEN" render "$example" --out "$out" >"$WORK/again.log" || fail "the second render failed"
tail -1 "$WORK/again.log" | grep -q '(0 written, 7 unchanged, 0 removed)' || fail "a render of the same state wrote: $(tail -1 "$WORK/again.log")"
[ "$(find "$out" -type f -not -name .edgegen.flock -printf '%p %T@\n' | sort)" = "$before" ] || fail "a render of the same state touched files"

# project-2 is deleted: its file goes, the others stay byte for byte.
cp -r "$example" "$WORK/src"
rm "$WORK/src/projects/project-2.yaml"
python3 - "$WORK/src/route-tests.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
cases = text.split("\n    - name: ")
open(path, "w").write("\n    - name: ".join(c for c in cases if "project-2" not in c))
PY
cp "$dynamic/project-1.yml" "$WORK/project-1.before"
"$EDGEGEN" render "$WORK/src" --out "$out" >"$WORK/removed.log" || fail "rendering without project-2 failed: $(cat "$WORK/removed.log")"
grep -qx "removed $dynamic/project-2.yml" "$WORK/removed.log" || fail "project-2.yml was not removed: $(cat "$WORK/removed.log")"
[ ! -e "$dynamic/project-2.yml" ] || fail "project-2.yml is still there"
cmp -s "$dynamic/project-1.yml" "$WORK/project-1.before" || fail "project-1.yml changed"
(cd "$out" && sha256sum --quiet -c edgegen.sum) || fail "edgegen.sum does not verify after the removal"
grep -q project-2 "$out/edgegen.sum" && fail "edgegen.sum still lists project-2"
"$EDGEGEN" render "$WORK/src" --out "$out" --check >/dev/null || fail "render --check reports drift right after a render"
# A file written by hand into the directory Traefik loads: --check fails and says who loads it.
echo "http: {}" >"$dynamic/manual.yml"
"$EDGEGEN" render "$WORK/src" --out "$out" --check >"$WORK/check.log" 2>&1 && fail "render --check passes with a hand-added dynamic file"
grep -qF "$dynamic/manual.yml: not written by edgegen, and Traefik's file provider loads" "$WORK/check.log" \
  || fail "render --check does not name the hand-added file: $(cat "$WORK/check.log")"
echo "file-sync: checksums verify, unchanged render wrote nothing, a deleted project's file removed"
