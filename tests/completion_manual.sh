#!/usr/bin/env bash
# The shell completion and the manual page, generated from the command
# table: completed the way bash completes a line, and typeset by groff the
# way `man` shows it, warnings counted as failures.
source "$(dirname "$0")/lib.sh"
need groff groff-base
bin="$(dirname "$EDGEGEN")"

# complete WORD…: what bash offers for the last word (empty for a new one).
complete_line() {
  PATH="$bin:$PATH" bash -c '
    source <(edgegen completion bash) || exit 3
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
    _edgegen
    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$@"
}
expect() {
  local want="$1"; shift
  local got
  got="$(cd "$WORK" && complete_line "$@")"
  [ "$got" = "$want" ] || fail "completing '$*': got '$got', want '$want'"
}
cp -r "$ROOT/examples/kanban" "$WORK/kanban"
cp -r "$ROOT/examples/edge-router" "$WORK/router"
expect "--help --version completion diff explain graph import init plan render route validate version " edgegen ""
expect "render route " edgegen r
expect "--format " edgegen render --for
expect "github json sarif text " edgegen validate --format ""
expect "json text " edgegen route --format ""
expect "dot mermaid " edgegen graph --format ""
expect "markdown text " edgegen plan --format ""
expect "dev prod " edgegen graph kanban --env ""
expect "always auto never " edgegen diff --color ""
expect "dev prod " edgegen render kanban --out x --env ""
expect "prod " edgegen render kanban --env p
expect "default " edgegen render router --env ""
expect "bash " edgegen completion ""
expect "argocd compose dns flux kubernetes traefik traefik-redis " edgegen init --target ""
# Every option of every command is offered, and nothing hidden is.
for command in validate render explain diff plan graph route init; do
  offered="$(cd "$WORK" && complete_line edgegen "$command" -)"
  "$EDGEGEN" "$command" --help | grep -oE -- '^ +(-[a-z],)?--[a-z][a-z-]*' | sed 's/.*--/--/' | grep -vx -- '--help' | sort -u | while read -r flag; do
    case " $offered " in *" $flag "*) ;; *) fail "completion of '$command -' lacks $flag (offers: $offered)" ;; esac
  done
done
case "$(complete_line edgegen "")" in *manual*|*__environments*) fail "hidden commands are offered" ;; esac

# The manual page: typeset without a warning, and saying what --help and
# explain say.
"$EDGEGEN" manual >"$WORK/edgegen.1"
groff -man -Tutf8 -ww -z "$WORK/edgegen.1" 2>"$WORK/groff.err" || fail "groff failed: $(cat "$WORK/groff.err")"
[ ! -s "$WORK/groff.err" ] || fail "groff warns about the manual page: $(cat "$WORK/groff.err")"
groff -man -Tutf8 -P-cbou "$WORK/edgegen.1" 2>/dev/null >"$WORK/edgegen.txt"
for command in validate render explain diff plan graph route init version completion; do
  "$EDGEGEN" "$command" --help | head -1 >"$WORK/line"
  grep -qF -- "$(sed 's/^ *//' "$WORK/line")" "$WORK/edgegen.txt" \
    || fail "the manual page lacks the first line of '$command --help': $(cat "$WORK/line")"
done
for code in $("$EDGEGEN" explain | cut -d' ' -f1); do
  grep -q "^ *$code\b" "$WORK/edgegen.txt" || fail "the manual page lacks the diagnostic code $code"
done
grep -q -- '--out DIR' "$WORK/edgegen.txt" || fail "the manual page lost the dashes of --out"
echo "completion and manual page: ok"

# edgegen version: the version, the commit of the source tree it was built
# from, and a version for every library it links.
"$EDGEGEN" version >"$WORK/version"
head -1 "$WORK/version" | grep -qxE 'edgegen [0-9]+\.[0-9]+\.[0-9]+' || fail "version: $(cat "$WORK/version")"
if commit="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null)"; then
  grep -qE "^commit: $commit(-dirty)?\$" "$WORK/version" || fail "version names another commit than $commit: $(cat "$WORK/version")"
fi
for library in libgit2 OpenSSL yaml-cpp nlohmann_json valijson CLI11 RE2 'toml++'; do
  grep -qE "^  $(printf '%s' "$library" | sed 's/+/\\+/g') [0-9]" "$WORK/version" \
    || fail "version lacks the version of $library: $(cat "$WORK/version")"
done
echo "version: ok"
