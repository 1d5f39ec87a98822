# Shared by the end-to-end test scripts. Sourced, not run.
set -euo pipefail
export LC_ALL=C TZ=UTC
EDGEGEN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# Fails (never skips) when a component a test exercises is not installed.
need() { command -v "$1" >/dev/null || fail "$1 not found: install the Debian package $2 (scripts/install-deps --test)"; }

# find_kit NAME VARIABLE: sets $kit to the shared conformance kit NAME
# (../shared/conformance/NAME, or $VARIABLE), or exits 77 (reported by CTest
# as skipped, with this message) when it is absent; python3 runs it.
find_kit() {
  local override="${!2:-}"
  kit="${override:-$ROOT/../shared/conformance/$1}"
  if [ ! -x "$kit/run.sh" ]; then
    echo "SKIPPED: the $1 kit is not at $kit (set $2 to its directory)"
    exit 77
  fi
  command -v python3 >/dev/null || fail "python3 not found: install the Debian package python3"
}
