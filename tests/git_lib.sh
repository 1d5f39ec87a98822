# Shared by the tests over real Git repositories. Sourced after lib.sh.
# Repositories are made in $WORK with fixed names and dates, so commit ids
# are the same on every run; no user or system configuration leaks in.
command -v git >/dev/null || fail "git is not installed (apt-get install git)"
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1
# Nothing above $WORK is searched for a repository, wherever $TMPDIR is.
export GIT_CEILING_DIRECTORIES="$WORK"
export GIT_AUTHOR_NAME=edgegen GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=edgegen GIT_COMMITTER_EMAIL=test@example.com
export GIT_AUTHOR_DATE='2024-01-01T00:00:00Z' GIT_COMMITTER_DATE='2024-01-01T00:00:00Z'
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

# new_repo DIR: a repository whose first commit holds examples/platform in
# edge/ (tagged v1, annotated), rendering the Traefik file provider's files
# only, so that these tests read the same files whatever targets the example
# turns on.
new_repo() {
  git init -q "$1"
  mkdir -p "$1/edge"
  cp -r "$ROOT/examples/platform/." "$1/edge/"
  sed -i 's/^  targets: .*/  targets: [traefik]/' "$1/edge/edge.yaml"
  printf '# edge\n' >"$1/README.md"
  git -C "$1" add -A
  git -C "$1" commit -qm "platform"
  git -C "$1" tag -a v1 -m v1
}

# commit_all REPO MESSAGE
commit_all() {
  git -C "$1" add -A
  git -C "$1" commit -qm "$2"
}

# expect CODE COMMAND...: runs COMMAND with stdout and stderr in
# $WORK/stdout and $WORK/stderr and fails unless it exits CODE.
expect() {
  local want="$1"
  shift
  set +e
  "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  local rc=$?
  set -e
  [ "$rc" = "$want" ] || fail "'$*' exited $rc, want $want; stderr: $(cat "$WORK/stderr")"
}

# same_file WANT_TEXT FILE: FILE holds exactly WANT_TEXT (plus a final newline).
same_file() {
  diff -u <(printf '%s\n' "$1") "$2" || fail "$2 differs from what was expected (above)"
}
