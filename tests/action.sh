#!/usr/bin/env bash
# The GitHub Action (action.yml) as the example workflow for users'
# repositories uses it (docs/examples/edge-ci.yml): each step of action.yml
# is run as a pull request's job would run it, with the `with:` inputs of the
# example, the action's defaults and the environment GitHub gives a step, in
# a clone whose origin/main is the target branch; then the example's own
# `run:` steps that have an `id`. The install step is run too, where it stops
# before installing anything (scripts/package-check installs the package).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
mkdir "$WORK/bin" "$WORK/steps"
ln -s "$EDGEGEN" "$WORK/bin/edgegen"
export PATH="$WORK/bin:$PATH"

# Each step becomes a script: its env (the ${{ }} expressions evaluated),
# then its run. Any other expression fails the test: it would not be tested.
python3 - "$ROOT/action.yml" "$ROOT/docs/examples/edge-ci.yml" "$WORK/steps" <<'EOF_PY'
import re, shlex, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
workflow = yaml.safe_load(open(sys.argv[2]))
out = sys.argv[3]
job = workflow["jobs"]["edge"]
uses = [s for s in job["steps"] if re.fullmatch(r"OWNER/edgegen@v[0-9.]+", s.get("uses", ""))]
assert len(uses) == 1, "the example workflow does not use the action once (uses: OWNER/edgegen@vX.Y.Z)"
given = uses[0].get("with", {})
inputs = action["inputs"]
for name in given:
    assert name in inputs, f"the example gives the input {name!r}, which action.yml does not declare"
values = {name: str(given.get(name, spec.get("default", ""))) for name, spec in inputs.items()}
github = {"action_ref": uses[0]["uses"].split("@")[1], "action_repository": "OWNER/edgegen"}

def evaluate(text):
    def one(m):
        scope, _, name = m.group(1).partition(".")
        table = {"inputs": values, "github": github}.get(scope)
        assert table is not None and name in table, f"cannot evaluate ${{{{ {m.group(1)} }}}}"
        return table[name]
    return re.sub(r"\$\{\{\s*([a-z_.]+)\s*\}\}", one, str(text))

assert action["runs"]["using"] == "composite"
ids = [step["id"] for step in action["runs"]["steps"]]
assert ids == ["install", "validate", "drift", "diff"], ids
for step in action["runs"]["steps"]:
    assert step["shell"] == "bash", step
    if step["id"] != "install":
        # Every check runs, whatever the one before did.
        assert step["if"] == "${{ !cancelled() && steps.install.outcome == 'success' }}", step
    with open(f"{out}/{step['id']}", "w") as f:
        for key, value in step.get("env", {}).items():
            f.write(f"export {key}={shlex.quote(evaluate(value))}\n")
        f.write(step["run"] + "\n")
for step in job["steps"]:
    if "id" in step and "run" in step:
        open(f"{out}/{step['id']}", "w").write(step["run"] + "\n")
EOF_PY
[ -f "$WORK/steps/diagnostics" ] || fail "the example workflow has no step with id 'diagnostics'"
export GITHUB_ACTION_PATH="$ROOT" GITHUB_BASE_REF=main GITHUB_STEP_SUMMARY="$WORK/summary" GITHUB_OUTPUT="$WORK/output"

# step ID: runs a step as GitHub Actions does, in $WORK/pr: the action's
# steps say `shell: bash` (bash --noprofile --norc -eo pipefail), the
# workflow's use the default (bash -e).
step() {
  local shell=(bash -e)
  case "$1" in install|validate|drift|diff) shell=(bash --noprofile --norc -eo pipefail) ;; esac
  (cd "$WORK/pr" && "${shell[@]}" "$WORK/steps/$1") >"$WORK/stdout" 2>"$WORK/stderr"
}
# expect_step CODE ID: the step exits CODE.
expect_step() {
  local rc=0
  step "$2" || rc=$?
  [ "$rc" = "$1" ] || fail "step $2 exited $rc, want $1; stdout: $(cat "$WORK/stdout"); stderr: $(cat "$WORK/stderr")"
}

new_repo "$WORK/origin"
edgegen render "$WORK/origin/edge" --out "$WORK/origin/rendered" >/dev/null
commit_all "$WORK/origin" "rendered tree"
git clone -q "$WORK/origin" "$WORK/pr"
git -C "$WORK/pr" checkout -q -b change

# A good pull request: re-rendered, so every step passes; the summary shows
# the change in a diff block, and the step output says it changed.
sed -i 's/port: 8000/port: 8001/' "$WORK/pr/edge/projects/team-a.yaml"
edgegen render "$WORK/pr/edge" --out "$WORK/pr/rendered" >/dev/null
commit_all "$WORK/pr" "team-a api on 8001"
for id in validate drift diff diagnostics; do
  expect_step 0 "$id"
done
grep -qxF '`edgegen diff edge --base origin/main`' "$WORK/summary" || fail "summary: $(cat "$WORK/summary")"
grep -qxF ' 1 file changed, 1 insertion(+), 1 deletion(-)' "$WORK/summary" || fail "summary: $(cat "$WORK/summary")"
sed -n '/^```diff$/,/^```$/p' "$WORK/summary" >"$WORK/fenced"
grep -qxF -- '+          - url: http://team-a-api:8001' "$WORK/fenced" || fail "no diff block in the summary: $(cat "$WORK/summary")"
grep -qxF -- '-          - url: http://team-a-api:8000' "$WORK/fenced" || fail "diff block: $(cat "$WORK/fenced")"
# …and its plan, in routes, with the map of the changed router.
grep -qxF 'Plan: 0 routes to add, 1 to change, 0 to remove; 0 certificates to order' "$WORK/summary" \
  || fail "no plan in the summary: $(cat "$WORK/summary")"
grep -qxF '    ~ servers http://team-a-api:8000 → http://team-a-api:8001' "$WORK/summary" \
  || fail "plan: $(cat "$WORK/summary")"
grep -qxF '```mermaid' "$WORK/summary" || fail "no route map in the plan: $(cat "$WORK/summary")"
same_file "changed=true" "$WORK/output"
[ "$(cat "$WORK/pr/edgegen-diagnostics.json")" = "[]" ] || fail "diagnostics: $(cat "$WORK/pr/edgegen-diagnostics.json")"

# On a push there is no base branch: the diff is with HEAD~1.
: >"$WORK/summary"
GITHUB_BASE_REF="" expect_step 0 diff
grep -qxF '`edgegen diff edge --base HEAD~1`' "$WORK/summary" || fail "push: $(cat "$WORK/summary")"
grep -qxF ' 1 file changed, 1 insertion(+), 1 deletion(-)' "$WORK/summary" || fail "push: $(cat "$WORK/summary")"

# A pull request that forgot to re-render fails the drift gate, and only it.
sed -i 's/port: 8001/port: 8002/' "$WORK/pr/edge/projects/team-a.yaml"
commit_all "$WORK/pr" "team-a api on 8002, not rendered"
expect_step 0 validate
expect_step 1 drift
grep -qxF "edgegen: rendered/prod/traefik/dynamic/team-a.yml differs" "$WORK/stderr" || fail "drift: $(cat "$WORK/stderr")"

# An invalid one: annotations, diagnostics in the artifact, the summary says why.
sed -i 's/service: api$/service: apii/' "$WORK/pr/edge/projects/team-a.yaml"
line="$(grep -n 'service: apii' "$WORK/pr/edge/projects/team-a.yaml" | head -1 | cut -d: -f1)"
expect_step 1 validate
grep -qxF "::error file=edge/projects/team-a.yaml,line=$line,col=16,title=E0401::unknown service \"apii\" (hint: did you mean \"api\"?)" \
  "$WORK/stdout" || fail "annotations: $(cat "$WORK/stdout")"
expect_step 0 diagnostics
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[0]["code"] == "E0401", d' \
  "$WORK/pr/edgegen-diagnostics.json" || fail "edgegen-diagnostics.json"
: >"$WORK/summary"
: >"$WORK/output"
expect_step 1 diff
grep -qF 'error(s) in the head (edge)' "$WORK/summary" || fail "summary: $(cat "$WORK/summary")"
[ ! -s "$WORK/output" ] || fail "output on invalid input: $(cat "$WORK/output")"

# Only the steps the `steps` input names run.
sed -i 's/^export INPUT_STEPS=.*/export INPUT_STEPS=drift,diff/' "$WORK/steps/validate"
expect_step 0 validate
same_file "edgegen action: validate is not in the steps input (drift,diff): skipped" "$WORK/stdout"
sed -i 's/^export INPUT_STEPS=.*/export INPUT_STEPS=validate,dirft/' "$WORK/steps/validate"
expect_step 2 validate
same_file "edgegen action: unknown step 'dirft' in the steps input (validate, drift, diff)" "$WORK/stderr"

# The install step says what it cannot do, before installing anything: an
# action used at a branch has no release to take, and a missing package.
sed -i 's/^export ACTION_REF=.*/export ACTION_REF=main/' "$WORK/steps/install"
expect_step 2 install
same_file "edgegen action: cannot tell which edgegen release to install from the action's ref 'main': use the action at a release tag (uses: OWNER/edgegen@v0.1.0) or give the version or deb input" "$WORK/stderr"
sed -i 's/^export INPUT_DEB=.*/export INPUT_DEB=missing.deb/' "$WORK/steps/install"
expect_step 2 install
same_file "edgegen action: no such package: missing.deb" "$WORK/stderr"
echo "action: ok"
