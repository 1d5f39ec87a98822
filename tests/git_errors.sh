#!/usr/bin/env bash
# What a commit or the index may hold that edgegen never follows (symbolic
# links, submodules, names that leave the tree), and the environment errors
# of --ref and --staged (exit 2, naming what is wrong).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
repo="$WORK/repo"
new_repo "$repo"
cd "$repo"

# Symbolic links: one named like an input, one to a directory, one out of the
# repository; a link to a README is skipped like the README would be.
mkdir -p shared docs
printf 'x: 1\n' >shared/x.yaml
printf '# docs\n' >docs/README.md
ln -s projects/team-a.yaml edge/link.yaml
ln -s ../shared edge/shared
ln -s /etc edge/etc
ln -s ../docs/README.md edge/README.md
commit_all . "links"
expect 1 "$EDGEGEN" validate edge --ref HEAD
same_file 'edge/etc: error[E0110]: symbolic link is not followed (hint: copy the file into the source tree instead)
edge/link.yaml: error[E0110]: symbolic link is not followed (hint: copy the file into the source tree instead)
edge/shared: error[E0110]: symbolic link is not followed (hint: copy the file into the source tree instead)
edgegen: 3 error(s) in edge at HEAD' "$WORK/stderr"
# The index says the same; the directory source agrees on the work tree.
expect 1 "$EDGEGEN" validate edge --staged
grep -c 'E0110' "$WORK/stderr" | grep -qx 3 || fail "--staged: $(cat "$WORK/stderr")"
expect 1 "$EDGEGEN" validate edge
grep -c 'E0110' "$WORK/stderr" | grep -qx 3 || fail "work tree: $(cat "$WORK/stderr")"
git rm -q edge/link.yaml edge/shared edge/etc
git commit -qm "no links"
expect 0 "$EDGEGEN" validate edge --ref HEAD

# A submodule (a gitlink entry): never followed, in a commit or the index.
git update-index --add --cacheinfo "160000,$(git rev-parse HEAD),edge/vendor"
expect 1 "$EDGEGEN" validate edge --staged
same_file "edge/vendor: error[E0112]: submodule is not followed (hint: edgegen reads only this repository's own files; keep the desired state out of submodules, or name another directory with --subdir)
edgegen: 1 error(s) in edge (staged)" "$WORK/stderr"
git commit -qm "submodule"
expect 1 "$EDGEGEN" validate edge --ref HEAD
grep -qF 'edge/vendor: error[E0112]: submodule is not followed' "$WORK/stderr" || fail "$(cat "$WORK/stderr")"
git rm -q --cached edge/vendor
git commit -qm "no submodule"

# Names git itself refuses but a crafted tree can hold: "..", and "a/b".
tree_with() { # tree_with NAME BLOB: a tree object with one file entry, by hand
  python3 -c '
import sys, binascii
name, blob = sys.argv[1].encode(), binascii.unhexlify(sys.argv[2])
sys.stdout.buffer.write(b"100644 " + name + b"\0" + blob)' "$1" "$2" | git hash-object -t tree --literally -w --stdin
}
blob="$(git rev-parse HEAD:edge/projects/team-a.yaml)"
dotdot="$(printf '040000 tree %s\t..\n' "$(tree_with team.yaml "$blob")" | git mktree)"
slash="$(tree_with 'x/y.yaml' "$blob")"
edge="$( (git ls-tree HEAD:edge; printf '040000 tree %s\tevil\n040000 tree %s\tslash\n' "$dotdot" "$slash") | git mktree)"
root="$( (git ls-tree HEAD | grep -v '	edge$'; printf '040000 tree %s\tedge\n' "$edge") | git mktree)"
crafted="$(git commit-tree "$root" -p HEAD -m crafted)"
expect 1 "$EDGEGEN" validate edge --ref "$crafted"
same_file 'edge/evil/..: error[E0113]: tree entry ".." is not followed: the name is ".." (hint: git refuses such names (see `git fsck`); rewrite the commit that added it)
edge/slash/x/y.yaml: error[E0113]: tree entry "x/y.yaml" is not followed: the name holds a '"'/'"' (hint: git refuses such names (see `git fsck`); rewrite the commit that added it)
edgegen: 2 error(s) in edge at '"$crafted" "$WORK/stderr"

# Environment errors: exit 2 and a message that names the problem.
expect 2 "$EDGEGEN" validate edge --ref no-such-branch
same_file "edgegen: error: unknown revision 'no-such-branch' in 'edge'" "$WORK/stderr"
expect 2 "$EDGEGEN" diff edge --base v9.9
same_file "edgegen: error: unknown revision 'v9.9' in 'edge'" "$WORK/stderr"
expect 2 "$EDGEGEN" render edge --ref 'HEAD:edge' --out "$WORK/out"
same_file "edgegen: error: revision 'HEAD:edge' is a tree, not a commit (name a directory with --subdir)" "$WORK/stderr"
[ ! -e "$WORK/out" ] || fail "a failed --ref created the output directory"
mkdir "$WORK/plain"
cp -r "$ROOT/examples/platform/." "$WORK/plain/"
expect 2 "$EDGEGEN" validate "$WORK/plain" --staged
same_file "edgegen: error: '$WORK/plain' is not in a Git repository (--staged reads from Git)" "$WORK/stderr"
expect 2 "$EDGEGEN" validate "$WORK/plain" --ref HEAD
same_file "edgegen: error: '$WORK/plain' is not in a Git repository (--ref reads from Git)" "$WORK/stderr"
# As for git, the search for a repository stops at $GIT_CEILING_DIRECTORIES.
mkdir -p "$repo/ceiling/edge"
GIT_CEILING_DIRECTORIES="$repo/ceiling" expect 2 "$EDGEGEN" validate "$repo/ceiling/edge" --staged
same_file "edgegen: error: '$repo/ceiling/edge' is not in a Git repository (--staged reads from Git)" "$WORK/stderr"
git clone -q --bare "$repo" "$WORK/repo.git"
expect 2 "$EDGEGEN" validate "$WORK/repo.git" --staged
same_file "edgegen: error: '$WORK/repo.git' is a bare repository: it has no index (use --ref)" "$WORK/stderr"
expect 2 "$EDGEGEN" validate "$WORK/repo.git" --ref HEAD --subdir nowhere
same_file "edgegen: error: 'nowhere' is not a directory in HEAD" "$WORK/stderr"
expect 2 "$EDGEGEN" validate "$WORK/repo.git" --ref HEAD --subdir ../edge
same_file "edgegen: error: --subdir '../edge' must stay inside the repository (no '..')" "$WORK/stderr"
expect 2 "$EDGEGEN" validate --ref HEAD --staged
grep -qF -- '--ref excludes --staged' "$WORK/stderr" || fail "$(cat "$WORK/stderr")"
expect 2 "$EDGEGEN" validate "$WORK/no-such-dir" --ref HEAD
same_file "edgegen: error: source directory '$WORK/no-such-dir' does not exist or is not a directory" "$WORK/stderr"
echo "git errors: ok"
