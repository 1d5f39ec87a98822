#!/usr/bin/env bash
# bench/run.py end to end on a small fixture (one run per figure, no times
# asserted): it generates the realistic fixture, measures edgegen and the
# Python/PyYAML reference on it, and prints every table BENCHMARKS.md
# quotes, down to the goals. Its figures are not checked here; what is
# checked is that the benchmark still runs and still prints every row.
source "$(dirname "$0")/lib.sh"
python3 -c 'import yaml' 2>/dev/null || fail "PyYAML not found: install the Debian package python3-yaml"
out="$(python3 "$ROOT/bench/run.py" --edgegen "$EDGEGEN" --sizes 10,20 --runs 1 --work "$WORK/bench")" ||
  fail "bench/run.py failed"
for heading in \
  "| N | validate | render cold | render warm | peak RSS validate / render | files | creating them alone |" \
  "| N | validate, text | validate --format json | text ÷ JSON |" \
  "| N | edgegen cold | reference cold | reference ÷ edgegen | edgegen warm | reference warm | reference ÷ edgegen |" \
  "| goal | measured | |"; do
  grep -qF -- "$heading" <<<"$out" || fail "no table headed: $heading"$'\n'"$out"
done
grep -q "^scaling N=10 → 20, the two sizes in turn (1 pair, median of the pairs' ratios): validate ×[0-9.]*, warm render ×[0-9.]*$" <<<"$out" ||
  fail "no scaling of the two sizes run in turn"$'\n'"$out"
for n in 10 20; do
  [ "$(grep -c "^| $n |" <<<"$out")" = 3 ] || fail "N=$n is not in each of the three tables"$'\n'"$out"
done
# The reference renders what the fixture says, patches and per-environment
# routes included: team-00007's api service is on port 18000 in staging.
grep -q "url: http://team-00007-api:18000" "$WORK/bench/ref-10/staging/traefik/dynamic/team-00007.yml" ||
  fail "the reference did not apply the staging patch"
grep -q "url: http://team-00007-api:18000" "$WORK/bench/out-10-traefik/staging/traefik/dynamic/team-00007.yml" ||
  fail "edgegen did not apply the staging patch"
echo "bench tables: ok"
