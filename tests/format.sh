#!/usr/bin/env bash
# Every C++ file tracked by Git is formatted as .clang-format says, by clang-format 14
# (Debian bookworm's), so that formatting never shows up in a review diff.
# Fix with: git ls-files '*.cpp' '*.hpp' | xargs clang-format-14 -i
set -euo pipefail
cd "$(dirname "$0")/.."
tool=""
for candidate in clang-format-14 clang-format; do
  if command -v "$candidate" >/dev/null && "$candidate" --version | grep -q 'version 14\.'; then
    tool="$candidate"
    break
  fi
done
if [ -z "$tool" ]; then
  echo "format: clang-format 14 not found: apt-get install clang-format (bookworm ships 14)" >&2
  exit 1
fi
if [ ! -d .git ] && ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "format: not a Git checkout; the check formats the files Git tracks" >&2
  exit 1
fi
status=0
while IFS= read -r -d '' file; do
  if ! "$tool" --style=file "$file" | cmp -s - "$file"; then
    echo "format: $file differs from .clang-format (run: $tool -i $file)" >&2
    status=1
  fi
done < <(git ls-files -z -- '*.cpp' '*.hpp' '*.h')
exit $status
