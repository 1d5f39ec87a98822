#!/usr/bin/env bash
# Input limits that need inputs too large or too odd to commit: a file over
# 8 MiB (E0109), a FIFO (E0118), more than 100,000 projects (E0307) and a
# project with more than 1,000 routes (E0205). Each is reported with its
# location and exit code 1, and nothing is written.
source "$(dirname "$0")/lib.sh"
edge="$ROOT/tests/errors/unknown-references/input/edge.yaml"
case_dir() { rm -rf "$WORK/input" && mkdir -p "$WORK/input" && cp "$edge" "$WORK/input/"; }
expect_first() { # CODE LINE: the first diagnostic line of `validate input`
  set +e
  (cd "$WORK" && "$EDGEGEN" render input --out out) >/dev/null 2>"$WORK/stderr"; local rc=$?
  set -e
  [ "$rc" = 1 ] || fail "exit $rc, want 1: $(head -3 "$WORK/stderr")"
  [ "$(head -1 "$WORK/stderr")" = "$1" ] || fail "got: $(head -1 "$WORK/stderr"); want: $1"
  [ ! -e "$WORK/out" ] || fail "an invalid input created the output directory"
}

case_dir
head -c 9000000 /dev/zero | tr '\0' '#' >"$WORK/input/big.yaml"
expect_first "input/big.yaml: error[E0109]: file is 9000000 bytes, more than the limit of 8388608"

case_dir
mkfifo "$WORK/input/pipe.yaml"
expect_first "input/pipe.yaml: error[E0118]: not a regular file (a FIFO, socket or device), so it is not read (hint: replace it with a regular file)"

case_dir
python3 - "$WORK/input" <<'PY'
import sys
for f in range(11):
    with open(f"{sys.argv[1]}/p{f:02d}.yaml", "w") as out:
        for i in range(f * 10000, min((f + 1) * 10000, 100001)):
            out.write(f"---\napiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata: {{name: p{i}}}\nspec: {{}}\n")
PY
expect_first "input/p10.yaml:2:1: error[E0307]: more than 100000 projects (hint: split the edge into several sources rendered separately)"

case_dir
python3 - "$WORK/input" <<'PY'
import sys
routes = "".join(f"    - name: r{i}\n      host: r{i}.example.com\n      service: api\n" for i in range(1001))
open(f"{sys.argv[1]}/team.yaml", "w").write(
    "apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata:\n  name: team\nspec:\n"
    "  services:\n    api:\n      port: 80\n  routes:\n" + routes)
PY
expect_first "input/team.yaml:10:5: error[E0205]: /spec/routes: has more than 1000 items"
echo "limits: ok"
