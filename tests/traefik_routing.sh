#!/usr/bin/env bash
# Where `edgegen route` sends the requests of Traefik's own routing tests (the
# shared kit conformance/traefik-routing, ../shared) against where Traefik v3
# sends them: every case must agree. Exits 77 (reported by CTest as skipped,
# with this message) when the kit is absent.
source "$(dirname "$0")/lib.sh"
find_kit traefik-routing EDGEGEN_TRAEFIK_ROUTING
set +e
"$kit/run.sh" "$EDGEGEN" >"$WORK/report" 2>&1
rc=$?
set -e
cat "$WORK/report"
[ "$rc" = 0 ] || fail "edgegen route disagrees with Traefik (run.sh exit $rc)"
grep -q ' 0 disagree of ' "$WORK/report" || fail "the kit's summary is missing"
