#!/usr/bin/env bash
# Any byte in a file name, a key or a value: every format still reports the
# real diagnostic and exits 1. JSON and SARIF stay valid JSON (invalid UTF-8
# as \xNN); text and GitHub annotations show invalid UTF-8 and control
# characters as \xNN, so no input can forge a line or colour a CI log.
source "$(dirname "$0")/lib.sh"
need python3 python3
mkdir -p "$WORK/in"
cp "$ROOT/tests/errors/inline-secret/input/edge.yaml" "$WORK/in/edge.yaml"
name=$'bad-\xff\xfe-name.yaml'
# A value with an escape sequence (YAML's "\e"), a file with a byte that is not UTF-8.
printf 'apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata:\n  name: team\nspec:\n  services:\n    api: {port: 80}\n  routes:\n    - host: "t\\e[31m.example.com"\n      service: apii\n' >"$WORK/in/$name"
printf 'apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata:\n  name: other\nspec:\n  services:\n    "a\xe9\x01": {port: 80}\n' >"$WORK/in/"$'\x01\x1b[2Jctl.yaml'

cd "$WORK"
for format in text json sarif github; do
  set +e
  "$EDGEGEN" validate in --format "$format" >"$WORK/$format.out" 2>"$WORK/$format.err"
  rc=$?
  set -e
  [ "$rc" = 1 ] || fail "--format $format exited $rc, want 1: $(cat "$WORK/$format.err")"
  grep -q 'internal error' "$WORK/$format.err" "$WORK/$format.out" && fail "--format $format: internal error"
  LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]' "$WORK/$format.out" "$WORK/$format.err" \
    && fail "--format $format printed a control character"
  python3 -c 'import sys; open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[2], encoding="utf-8").read()' \
    "$WORK/$format.out" "$WORK/$format.err" || fail "--format $format printed invalid UTF-8"
done
diff -u - "$WORK/text.err" <<'TXT' || fail "text diagnostics differ"
in/\x01\x1B[2Jctl.yaml:7:7: error[E0103]: file is not valid UTF-8 (hint: save the file as UTF-8)
  7 |     "a??": {port: 80}
    |       ^
in/bad-\xFF\xFE-name.yaml:9:13: error[E0205]: /spec/routes/0/host: "t\x1B[31m.example.com" is not a valid host name (letters, digits, '.', '-', '*' for a wildcard and ${variables})
  9 |     - host: "t\e[31m.example.com"
    |             ^
edgegen: 2 error(s) in in
TXT
python3 - "$WORK/json.out" "$WORK/sarif.out" <<'PY' || fail "JSON or SARIF lost the diagnostics"
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
assert [(d["file"], d["line"], d["column"], d["code"]) for d in items] == [
    ("in/\x01\x1b[2Jctl.yaml", 7, 7, "E0103"), ("in/bad-\\xFF\\xFE-name.yaml", 9, 13, "E0205")], items
assert items[1]["message"].startswith('/spec/routes/0/host: "t\x1b[31m.example.com" is not'), items[1]
results = json.load(open(sys.argv[2], encoding="utf-8"))["runs"][0]["results"]
assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == \
    ["in/%01%1B%5B2Jctl.yaml", "in/bad-%FF%FE-name.yaml"], results
assert [r["ruleId"] for r in results] == ["E0103", "E0205"], results
PY
grep -qF '::error file=in/bad-\xFF\xFE-name.yaml,line=9,col=13,title=E0205::/spec/routes/0/host: "t\x1B[31m.example.com"' \
  "$WORK/github.out" || fail "GitHub annotations: $(cat "$WORK/github.out")"
echo "hostile bytes: ok"
