#!/usr/bin/env bash
# Environment.spec.patches end to end: each patched value reaches the output
# of its environment only, and the output does not depend on file names or
# on the order of documents and keys (tests/shuffle_example.py).
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/in/projects"
cat >"$WORK/in/edge.yaml" <<'YAML'
apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: edge}
spec:
  defaultIssuer: le
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
spec:
  acme: {email: ops@example.com, solver: {http01: {}}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: limit}
spec:
  rateLimit: {average: 50, burst: 100}
YAML
cat >"$WORK/in/environments.yaml" <<'YAML'
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata: {name: dev}
spec:
  vars: {domain: dev.example.com}
  patches:
    - target: {kind: Project, name: shop}
      patch: {services: {web: {port: 3001}}}
    - target: {kind: Middleware, name: limit}
      patch: {rateLimit: {average: 500, burst: null}}
    - target: {kind: Issuer, name: le}
      patch: {acme: {server: staging}}
    - target: {kind: Project, name: shop}
      patch: {services: {web: {port: 3002}}}   # the last patch wins
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata: {name: prod}
spec:
  vars: {domain: example.com}
YAML
cat >"$WORK/in/projects/shop.yaml" <<'YAML'
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: shop}
spec:
  services: {web: {port: 3000}}
  routes:
    - host: shop.${domain}
      service: web
      middlewares: [limit]
YAML
"$EDGEGEN" render "$WORK/in" --out "$WORK/a" >/dev/null
grep -rq "shop-web:3002" "$WORK/a/dev" || fail "dev lacks its patched port"
grep -rq "shop-web:3000" "$WORK/a/prod" || fail "prod lacks its own port"
! grep -rq "shop-web:300[12]" "$WORK/a/prod" || fail "dev's port reached prod"
grep -rq "average: 500" "$WORK/a/dev" || fail "dev lacks its patched rate"
grep -rq "average: 50$" "$WORK/a/prod" || fail "prod lacks its own rate"
grep -rq "acme-staging" "$WORK/a/dev" || fail "dev lacks the patched issuer"
! grep -rq "acme-staging" "$WORK/a/prod" || fail "dev's issuer reached prod"

python3 "$ROOT/tests/shuffle_example.py" "$WORK/in" "$WORK/shuffled"
"$EDGEGEN" render "$WORK/shuffled" --out "$WORK/b" >/dev/null
diff -ru --exclude=edgegen.lock.json --exclude=edgegen.sum "$WORK/a" "$WORK/b" \
  || fail "reordered input with patches renders differently"
# `edgegen explain KIND/NAME`: each value's chain, base first, and removals.
(cd "$WORK" && "$EDGEGEN" explain Middleware/limit in --env dev) >"$WORK/explain.txt" \
  || fail "explain Middleware/limit failed"
cat >"$WORK/explain.expected" <<'TEXT'
# Middleware "limit" in environment "dev", as its patches leave it.
# After each value: where it was written; after a value a patch replaced, first where
# the values before it were: the object's own, then each patch's, in the order applied.
spec:                 # in/edge.yaml:17:3
  rateLimit:          # in/edge.yaml:17:14
    average: 500      # in/edge.yaml:17:24 -> in/environments.yaml:10:36
    # burst: removed  # in/edge.yaml:17:35 -> in/environments.yaml:10:48
TEXT
diff -u "$WORK/explain.expected" "$WORK/explain.txt" || fail "explain Middleware/limit printed otherwise"
(cd "$WORK" && "$EDGEGEN" explain Project/shop in --env dev) | grep -qxF \
  "      port: 3002            # in/projects/shop.yaml:5:26 -> in/environments.yaml:8:38 -> in/environments.yaml:14:38" \
  || fail "explain Project/shop lacks the chain of both patches"
set +e
"$EDGEGEN" explain Project/shop "$WORK/in" 2>"$WORK/err"; code=$?
set -e
[ "$code" = 2 ] || fail "explain without --env among two environments exited $code"
grep -qF "there are 2 environments: choose one with --env (dev, prod)" "$WORK/err" || fail "$(cat "$WORK/err")"

# Moving an Environment and its patches to another file changes no output:
# `edgegen diff` prints nothing.
command -v git >/dev/null || fail "git is missing (apt-get install git)"
cp -r "$WORK/in" "$WORK/repo"
git -C "$WORK/repo" init -q
git -C "$WORK/repo" add -A
git -C "$WORK/repo" -c user.name=t -c user.email=t@example.com commit -qm base
git -C "$WORK/repo" mv environments.yaml projects/environments-moved.yaml
"$EDGEGEN" diff "$WORK/repo" --base HEAD >"$WORK/moved.diff" || fail "diff of a moved patch file exited non-zero"
[ ! -s "$WORK/moved.diff" ] || fail "moving the patches printed: $(cat "$WORK/moved.diff")"
echo "patches: ok"
