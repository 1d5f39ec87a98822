#!/usr/bin/env bash
# `--format sarif` validates against the SARIF 2.1.0 schema (../shared's
# copy, or EDGEGEN_SARIF_SCHEMA) and carries what GitHub code scanning reads:
# rules with ids and help, results with rule ids, levels and regions.
source "$(dirname "$0")/lib.sh"
schema="${EDGEGEN_SARIF_SCHEMA:-$ROOT/../shared/conformance/schemas/sarif-2.1.0.json}"
if [ ! -f "$schema" ]; then
  echo "SKIPPED: SARIF schema not found at $schema (set EDGEGEN_SARIF_SCHEMA)"
  exit 77
fi
python3 -c 'import jsonschema' 2>/dev/null || fail "python3 lacks jsonschema: apt-get install python3-jsonschema"
cd "$ROOT/tests/errors"
for case in inline-secret rule-syntax unused-warnings no-edge; do
  set +e
  "$EDGEGEN" validate "$case/input" --format sarif >"$WORK/$case.sarif"
  set -e
  python3 - "$schema" "$WORK/$case.sarif" "$case" <<'PY' || fail "SARIF of $case is not valid"
import json, sys
import jsonschema
schema, log, case = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
jsonschema.validators.validator_for(schema)(schema).validate(log)
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules), "a rule lacks text"
assert run["results"], "no results"
for result in run["results"]:
    assert result["ruleId"] == ids[result["ruleIndex"]], result
    assert result["level"] in ("error", "warning"), result
    for location in result.get("locations", []):
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].startswith(case + "/input/"), physical
        assert physical["region"]["startLine"] >= 1, physical
print(f"sarif {case}: {len(run['results'])} results, {len(rules)} rules, valid")
PY
done
# The exact first result of one case, location included.
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"][0]
print(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      r["locations"][0]["physicalLocation"]["region"], r["message"]["text"][:32])' "$WORK/rule-syntax.sarif" >"$WORK/first"
echo "E0501 error rule-syntax/input/team.yaml {'startColumn': 36, 'startLine': 11} rule syntax: '(' is never closed" \
  | diff -u - "$WORK/first" || fail "first SARIF result differs"
