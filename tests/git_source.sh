#!/usr/bin/env bash
# --ref and --staged read a commit or the index straight from the object
# database of a real repository: branches, tags, ids, HEAD~1, origin/main, a
# bare clone; the work tree's edits never count.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/git_lib.sh"
repo="$WORK/repo"
new_repo "$repo"
cd "$repo"
v1="$(git rev-parse 'v1^{commit}')"

# A second commit on main and another on a branch, from v1.
sed -i 's/port: 8000/port: 8001/' edge/projects/team-a.yaml
commit_all . "team-a api on 8001"
git checkout -q -b feature v1
sed -i 's/port: 8000/port: 9000/' edge/projects/team-a.yaml
commit_all . "team-a api on 9000"
git checkout -q main

# render REV DIR: `render --ref REV`, and the commit its lock names.
render_ref() {
  "$EDGEGEN" render edge --ref "$1" --out "$2" >/dev/null
  grep -q "\"commit\": \"$(git rev-parse "$1^{commit}")\"" "$2/edgegen.lock.json" \
    || fail "--ref $1: lock names another commit: $(grep commit "$2/edgegen.lock.json")"
}

# Each revision reads what its commit holds, whatever the work tree says:
# edit, delete and add files (one invalid) without committing.
printf 'not: [valid\n' >>edge/projects/team-b.yaml
rm edge/projects/team-c.yaml
printf 'apiVersion: edgegen.dev/v1alpha1\nkind: Project\n' >edge/projects/untracked.yaml
render_ref HEAD "$WORK/head"
render_ref v1 "$WORK/v1"
render_ref main~1 "$WORK/main-1"
render_ref feature "$WORK/feature"
render_ref "${v1:0:7}" "$WORK/short"
render_ref "$v1" "$WORK/full"
grep -q 'team-a-api:8001' "$WORK/head/prod/traefik/dynamic/team-a.yml" || fail "HEAD does not have port 8001"
grep -q 'team-a-api:9000' "$WORK/feature/prod/traefik/dynamic/team-a.yml" || fail "feature does not have port 9000"
for dir in main-1 short full; do
  diff -r "$WORK/v1" "$WORK/$dir" >/dev/null || fail "--ref $dir renders differently from --ref v1"
done

# Done when: --ref HEAD with a dirty work tree equals a render of a clean
# checkout of HEAD. The lock differs only in where it was read from (a
# commit, the work tree), which --check does not compare; the rest, the
# inputs' blob ids included, byte for byte.
git clone -q "$repo" "$WORK/clean"
"$EDGEGEN" render "$WORK/clean/edge" --out "$WORK/clean-out" >/dev/null
diff -r --exclude=edgegen.lock.json --exclude=edgegen.sum "$WORK/head" "$WORK/clean-out" \
  || fail "render --ref HEAD differs from a clean checkout"
diff <(sed '/"source"/,$d' "$WORK/head/edgegen.lock.json") <(sed '/"source"/,$d' "$WORK/clean-out/edgegen.lock.json") \
  || fail "the inputs of the locks differ"
"$EDGEGEN" render "$WORK/clean/edge" --out "$WORK/head" --check >/dev/null || fail "--check of the clean checkout"
same_file '  "source": {
    "commit": "'"$(git rev-parse HEAD)"'",
    "origin": "commit",
    "tree": "'"$(git rev-parse HEAD:edge)"'"
  }
}' <(sed -n '/"source"/,$p' "$WORK/head/edgegen.lock.json")

# A bare clone, with --subdir; and origin/main in a clone of it.
git clone -q --bare "$repo" "$WORK/repo.git"
"$EDGEGEN" render "$WORK/repo.git" --ref main --subdir edge --out "$WORK/bare" >/dev/null
diff -r "$WORK/head" "$WORK/bare" || fail "the bare clone renders main differently"
git clone -q "$WORK/repo.git" "$WORK/clone"
git -C "$WORK/clone" checkout -q -b local v1
(cd "$WORK/clone" && "$EDGEGEN" render edge --ref origin/main --out "$WORK/origin-main" >/dev/null)
diff -r "$WORK/head" "$WORK/origin-main" || fail "origin/main renders differently from main"

# --staged reads the index: a staged edit counts, an unstaged one does not.
git checkout -q -- edge
git clean -qfd edge
sed -i 's/port: 8001/port: 8002/' edge/projects/team-a.yaml
git add edge/projects/team-a.yaml
sed -i 's/port: 8002/port: 8003/' edge/projects/team-a.yaml
printf 'not: [valid\n' >edge/projects/untracked.yaml
"$EDGEGEN" render edge --staged --out "$WORK/staged" >/dev/null
grep -q 'team-a-api:8002' "$WORK/staged/prod/traefik/dynamic/team-a.yml" || fail "--staged did not read the index"
grep -q '"origin": "index"' "$WORK/staged/edgegen.lock.json" || fail "--staged lock: $(cat "$WORK/staged/edgegen.lock.json")"
git checkout-index -a --prefix="$WORK/index/"
"$EDGEGEN" render "$WORK/index/edge" --out "$WORK/index-out" >/dev/null
diff -r --exclude=edgegen.lock.json --exclude=edgegen.sum "$WORK/staged" "$WORK/index-out" \
  || fail "--staged differs from a checkout of the index"
expect 0 "$EDGEGEN" validate --staged --subdir edge
same_file "edgegen: edge (staged) is valid (13 documents in 8 files, 1 environment(s))" "$WORK/stdout"
git reset -q --hard
rm edge/projects/untracked.yaml

# Diagnostics name files below SOURCE as typed, or by repository path with
# --subdir and in a bare repository. The typo renames the route as well, so
# the route test naming team-a-api is the second error.
sed -i 's/service: api$/service: apii/' edge/projects/team-a.yaml
commit_all . "typo"
line="$(grep -n 'service: apii' edge/projects/team-a.yaml | head -1 | cut -d: -f1)"
want="edge/projects/team-a.yaml:$line:16: error[E0401]: unknown service \"apii\" (hint: did you mean \"api\"?)"
# The line a diagnostic shows is the commit's, read again from the
# repository by its blob id: a change in the work tree does not show.
shown="  $line | $(sed -n "${line}p" edge/projects/team-a.yaml)"
sed -i 's/service: apii$/service: changed/' edge/projects/team-a.yaml
expect 1 "$EDGEGEN" validate edge --ref HEAD
[ "$(head -1 "$WORK/stderr")" = "$want" ] || fail "--ref HEAD: $(cat "$WORK/stderr")"
[ "$(sed -n 2p "$WORK/stderr")" = "$shown" ] || fail "--ref HEAD shows another line: $(cat "$WORK/stderr")"
git checkout -q -- edge/projects/team-a.yaml
tail -1 "$WORK/stderr" | grep -qxF "edgegen: 2 error(s) in edge at HEAD" || fail "$(tail -1 "$WORK/stderr")"
git -C "$WORK/repo.git" fetch -q "$repo" main:main
expect 1 "$EDGEGEN" validate "$WORK/repo.git" --ref main --subdir edge
[ "$(head -1 "$WORK/stderr")" = "$want" ] || fail "bare --subdir: $(cat "$WORK/stderr")"
tail -1 "$WORK/stderr" | grep -qxF "edgegen: 2 error(s) in edge in $WORK/repo.git at main" || fail "$(tail -1 "$WORK/stderr")"
expect 1 "$EDGEGEN" validate edge/ --ref HEAD
[ "$(head -1 "$WORK/stderr")" = "$want" ] || fail "edge/: $(cat "$WORK/stderr")"
(cd edge && expect 1 "$EDGEGEN" validate . --ref HEAD)
head -1 "$WORK/stderr" | grep -qF "projects/team-a.yaml:$line:16: error[E0401]" || fail "from edge/: $(cat "$WORK/stderr")"
git reset -q --hard HEAD~1

# libgit2 is opened by a run that reads Git, and by no other: a directory's
# render maps none of it, or of the libraries it brings.
LD_DEBUG=files "$EDGEGEN" validate edge --ref HEAD >/dev/null 2>"$WORK/loaded" || fail "--ref HEAD: $(tail -3 "$WORK/loaded")"
grep -q 'file=libgit2\.so' "$WORK/loaded" || fail "--ref HEAD did not open libgit2"
LD_DEBUG=files "$EDGEGEN" render edge --out "$WORK/plain" >/dev/null 2>"$WORK/loaded" || fail "render: $(tail -3 "$WORK/loaded")"
! grep -E 'file=lib(git2|ssh2|krb5|mbedtls)' "$WORK/loaded" || fail "a directory's render loaded libgit2 or its libraries"
echo "git source: ok"
