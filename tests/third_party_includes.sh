#!/usr/bin/env bash
# Each third-party library is included by one file of ours (ARCHITECTURE.md).
# The build keeps stages apart, but system headers are visible to every file,
# so this test keeps the libraries apart. Unit tests may also use
# nlohmann_json, to read what they assert on.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A owner=(
  [yaml-cpp]=compiler/load/yaml_reader.cpp
  [nlohmann]=compiler/validate/schema_set.cpp
  [valijson]=compiler/validate/schema_set.cpp
  [CLI]=compiler/cli/commands.cpp
  [openssl]=compiler/serialise/sha256.cpp
  [git2]=compiler/source/git_source.cpp
  [re2]=compiler/rules/go_regexp.cpp
  [toml++]=compiler/import/toml_reader.cpp
)
status=0
while IFS= read -r -d '' file; do
  while IFS= read -r library; do
    [ -n "$library" ] || continue
    if [ "$file" = "${owner[$library]}" ]; then
      continue
    fi
    if [ "$library" = nlohmann ] && [[ "$file" == *_test.cpp ]]; then
      continue
    fi
    echo "third-party includes: $file includes <$library/...>, which only ${owner[$library]} may include" >&2
    status=1
  done < <(sed -nE 's@^[[:space:]]*#[[:space:]]*include[[:space:]]*<(yaml-cpp|nlohmann|valijson|CLI|openssl|git2|re2|toml\+\+)[/.].*@\1@p' "$file" | sort -u)
done < <(git ls-files -z -- 'compiler/*.cpp' 'compiler/*.hpp' 'fuzz/*.cpp' 'bench/*.cpp')
exit $status
