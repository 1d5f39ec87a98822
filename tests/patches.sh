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
      patch: {rateLimit: {average: 500}}
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
echo "patches: ok"
