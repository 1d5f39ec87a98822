#!/usr/bin/env bash
# edgegen's verdicts on the rules of Traefik's own tests (the shared kit
# conformance/traefik-rules, ../shared) against Traefik v3's. Fails on a rule
# Traefik rejects and edgegen accepts, on a rule Traefik accepts and edgegen
# rejects unless tests/traefik-rules-rejections.txt lists it (each listed one
# is on the documented list in compiler/rules/never_matches_test.cpp), on
# any other disagreement (a crash, a hang), and on a listed rule that is no
# longer rejected. Exits 77 (reported by CTest as skipped, with this
# message) when the kit is absent.
source "$(dirname "$0")/lib.sh"
find_kit traefik-rules EDGEGEN_TRAEFIK_RULES
set +e
"$kit/run.sh" "$EDGEGEN" --json "$WORK/results.jsonl" >"$WORK/report" 2>&1
rc=$?
set -e
tail -n 1 "$WORK/report"
[ -s "$WORK/results.jsonl" ] || fail "the kit wrote no results (exit $rc): $(cat "$WORK/report")"
python3 - "$WORK/results.jsonl" "$ROOT/tests/traefik-rules-rejections.txt" <<'PY'
import json, sys

results = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
listed = {}
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    if line and not line.startswith("#"):
        rule, _, reason = line.partition("\t")
        listed[rule] = reason
problems = []
seen = set()
for r in results:
    rule, traefik, edgegen = r["rule"], r["traefik_verdict"], r["edgegen_verdict"]
    if rule in listed:
        seen.add(rule)
        if traefik != "accept" or edgegen != "reject":
            problems.append(f"listed as rejected, but Traefik {traefik}s and edgegen {edgegen}s: {rule!r}")
        continue
    if r["agree"]:
        continue
    if traefik == "reject" and edgegen == "accept":
        problems.append(f"false accept (Traefik rejects it): {rule!r}")
    elif traefik == "accept" and edgegen == "reject":
        problems.append(f"false reject not in tests/traefik-rules-rejections.txt: {rule!r}: {r['edgegen_message']}")
    else:
        problems.append(f"Traefik {traefik}, edgegen {edgegen}: {rule!r}: {r['edgegen_message']}")
for rule in sorted(set(listed) - seen):
    problems.append(f"listed in tests/traefik-rules-rejections.txt but not a rule of the kit: {rule!r}")
for p in problems:
    print("FAIL: " + p, file=sys.stderr)
print(f"{len(results)} rules, {len(listed)} documented rejections, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
