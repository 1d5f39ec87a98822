#!/usr/bin/env bash
# Secrets written where a reference belongs are reported, never echoed: in
# no format does a token, password, hash, key or random-looking value of the
# error cases reach the output (CI logs are often public).
source "$(dirname "$0")/lib.sh"
cd "$ROOT/tests/errors"
secrets=(cf-Zq8Rt2Lm9Xv4Kp7Wb3Nd6Hs1Jf5Gc0Ay hunter2 9fQm2Lx7RtV4wZ8kPb3NcY6hJd1GsA5e b9fqm2lx7rtv4wz8kpb3ncy6hjd1gsa5e
  MIIEvQ s3cret H6uskkkW abc123 AWS_SECRET_ACCESS_KEY "correct horse" "battery staple")
for case in inline-token inline-secret go-template inline-private-key inline-block-secret; do
  for format in text json sarif github; do
    set +e
    "$EDGEGEN" validate "$case/input" --format "$format" >"$WORK/out" 2>&1
    rc=$?
    set -e
    [ "$rc" = 1 ] || fail "$case --format $format exited $rc, want 1"
    if [ "$format" = sarif ]; then # the rules' help quotes failing examples: read the results
      python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["runs"][0]["results"]))' \
        "$WORK/out" >"$WORK/results" && mv "$WORK/results" "$WORK/out"
    fi
    grep -qE '[EW][0-9]{4}' "$WORK/out" || fail "$case --format $format reported nothing: $(cat "$WORK/out")"
    for secret in "${secrets[@]}"; do
      ! grep -qF -- "$secret" "$WORK/out" || fail "$case --format $format echoed \"$secret\": $(grep -F -- "$secret" "$WORK/out")"
    done
  done
done
echo "redaction: ok"
