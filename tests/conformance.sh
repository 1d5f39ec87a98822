#!/usr/bin/env bash
# Validates every document rendered from examples/NAME (or from the
# directory given as third argument) against the upstream
# projects' own schemas with the shared conformance kit (../shared). Exits 77
# (reported by CTest as skipped, with this message) when the kit is absent.
source "$(dirname "$0")/lib.sh"
name="$2"
kit="${EDGEGEN_CONFORMANCE:-$ROOT/../shared/conformance/check.py}"
if [ ! -f "$kit" ]; then
  echo "SKIPPED: conformance kit not found at $kit (set EDGEGEN_CONFORMANCE to its check.py)"
  exit 77
fi
python3 -c 'import yaml, jsonschema' 2>/dev/null \
  || fail "python3 lacks yaml/jsonschema: apt-get install python3-yaml python3-jsonschema"
"$EDGEGEN" render "${3:-$ROOT/examples/$name}" --out "$WORK/out" >/dev/null
# Without kubectl the kit reports its builds as unknown; kustomize.<example>
# says why they are skipped.
flags=()
command -v kubectl >/dev/null || flags+=(--no-kustomize)
set +e
report="$(python3 "$kit" "${flags[@]}" "$WORK/out" 2>&1)"
set -e
echo "$report"
tail -n 1 <<<"$report" | grep -q ' 0 failed' || fail "conformance check failed for examples/$name"
# edgegen's own provenance file is the only document no upstream schema
# covers; EndpointSlices and K3s's HelmChartConfig, which the kit has no
# schema for, are checked against their API references by endpoint_slices.py
# and traefik_values.py.
python3 "$ROOT/tests/endpoint_slices.py" "$WORK/out" || fail "an EndpointSlice is not what Kubernetes accepts"
python3 "$ROOT/tests/traefik_values.py" "$WORK/out" || fail "Traefik's Helm values are not what K3s and Traefik accept"
unknown="$(grep '^UNKNOWN ' <<<"$report" | grep -v '^UNKNOWN edgegen.lock.json ' \
  | grep -v ' (no schema for discovery.k8s.io/v1 EndpointSlice)$' \
  | grep -v '^UNKNOWN cluster/kubernetes/traefik-values.yaml (no schema for helm.cattle.io/v1 HelmChartConfig)$' || true)"
[ -z "$unknown" ] || fail "documents the kit does not recognise: $unknown"
