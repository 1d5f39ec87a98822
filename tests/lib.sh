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
