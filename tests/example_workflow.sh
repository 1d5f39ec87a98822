#!/usr/bin/env bash
# The example workflow for users' repositories (docs/examples/edge-ci.yml)
# works: its `run:` steps with an `id` are run as a pull request's job would
# run them, in a clone whose origin/main is the target branch.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
mkdir "$WORK/bin" "$WORK/steps"
ln -s "$EDGEGEN" "$WORK/bin/edgegen"
export PATH="$WORK/bin:$PATH"
python3 - "$ROOT/docs/examples/edge-ci.yml" "$WORK/steps" <<'EOF'
import sys, yaml
workflow = yaml.safe_load(open(sys.argv[1]))
job = workflow["jobs"]["edge"]
with open(sys.argv[2] + "/env", "w") as env:
    for key, value in job["env"].items():
        if "${{" not in str(value):
            env.write(f"export {key}={value}\n")
for step in job["steps"]:
    if "id" in step:
        open(f"{sys.argv[2]}/{step['id']}", "w").write(step["run"])
EOF
for id in validate drift plan diff diagnostics; do
  [ -f "$WORK/steps/$id" ] || fail "the example workflow has no step with id '$id'"
done
source "$WORK/steps/env"
export BASE=main GITHUB_STEP_SUMMARY="$WORK/summary"

# step ID: runs a step as GitHub Actions does (bash -e), in $WORK/pr.
step() {
  (cd "$WORK/pr" && bash -e "$WORK/steps/$1") >"$WORK/stdout" 2>"$WORK/stderr"
}

new_repo "$WORK/origin"
edgegen render "$WORK/origin/edge" --out "$WORK/origin/rendered" >/dev/null
commit_all "$WORK/origin" "rendered tree"
git clone -q "$WORK/origin" "$WORK/pr"
git -C "$WORK/pr" checkout -q -b change

# A good pull request: re-rendered, so every step passes; the summary shows the change.
sed -i 's/port: 8000/port: 8001/' "$WORK/pr/edge/projects/team-a.yaml"
edgegen render "$WORK/pr/edge" --out "$WORK/pr/rendered" >/dev/null
commit_all "$WORK/pr" "team-a api on 8001"
for id in validate drift plan diff diagnostics; do
  step "$id" || fail "step $id failed: $(cat "$WORK/stderr")"
done
grep -qxF -- '+          - url: http://team-a-api:8001' "$WORK/summary" || fail "summary: $(cat "$WORK/summary")"
grep -qxF ' 1 file changed, 1 insertion(+), 1 deletion(-)' "$WORK/summary" || fail "summary: $(cat "$WORK/summary")"
grep -qxF 'Plan: 0 routes to add, 1 to change, 0 to remove; 0 certificates to order' "$WORK/summary" \
  || fail "summary: $(cat "$WORK/summary")"
grep -qxF '    ~ servers http://team-a-api:8000 → http://team-a-api:8001' "$WORK/summary" \
  || fail "summary: $(cat "$WORK/summary")"
[ "$(cat "$WORK/pr/edgegen-diagnostics.json")" = "[]" ] || fail "diagnostics: $(cat "$WORK/pr/edgegen-diagnostics.json")"

# A pull request that forgot to re-render fails the drift gate.
sed -i 's/port: 8001/port: 8002/' "$WORK/pr/edge/projects/team-a.yaml"
commit_all "$WORK/pr" "team-a api on 8002, not rendered"
step validate || fail "validate failed: $(cat "$WORK/stderr")"
step drift && fail "the drift step passed with a stale rendered tree"
grep -qF "rendered/prod/traefik/dynamic/team-a.yml differs" "$WORK/stderr" || fail "drift: $(cat "$WORK/stderr")"

# An invalid one: annotations, diagnostics in the artifact, the summary says why.
sed -i 's/service: api$/service: apii/' "$WORK/pr/edge/projects/team-a.yaml"
step validate && fail "the validate step passed invalid input"
grep -qE '^::error file=edge/projects/team-a.yaml,line=[0-9]+,col=16,title=E0401::unknown service' "$WORK/stdout" \
  || fail "annotations: $(cat "$WORK/stdout")"
step diagnostics || fail "the diagnostics step failed: $(cat "$WORK/stderr")"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[0]["code"] == "E0401", d' \
  "$WORK/pr/edgegen-diagnostics.json" || fail "edgegen-diagnostics.json"
: >"$WORK/summary"
step diff || fail "the diff step failed on invalid input: $(cat "$WORK/stderr")"
grep -qF 'error(s) in the head (edge)' "$WORK/summary" || fail "summary: $(cat "$WORK/summary")"
: >"$WORK/summary"
step plan || fail "the plan step failed on invalid input: $(cat "$WORK/stderr")"
grep -qxF '### edgegen plan' "$WORK/summary" || fail "summary: $(cat "$WORK/summary")"
grep -qF 'error(s) in the head (edge)' "$WORK/summary" || fail "summary: $(cat "$WORK/summary")"
echo "example workflow: ok"
