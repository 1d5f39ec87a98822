#!/usr/bin/env python3
"""Writes a benchmark fixture: N projects in edgegen's input format.

usage: generate_fixture.py N OUT_DIR [--seed S] [--git] [--targets LIST]

Deterministic per seed: the same N and seed always give the same bytes.
Two environments (staging, prod), two issuers (HTTP-01 and DNS-01), shared
middlewares, and per project 2-3 services and 3-5 routes mixing host,
host+path, raw rules and wildcard hosts. With --git the fixture is committed
to a new Git repository in OUT_DIR (for --ref benchmarks).
"""
import argparse
import os
import random
import subprocess

EDGE = """apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: bench
spec:
  targets: [{targets}]
{kubernetes}  defaultIssuer: letsencrypt
  certificates:
    - name: preview-wildcard
      issuer: letsencrypt-dns
      domains: ["preview.${{domain}}", "*.preview.${{domain}}"]
  dashboard:
    host: traefik.${{domain}}
    middlewares: [sso]
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: staging
spec:
  vars:
    domain: staging.example.com
  issuer: letsencrypt
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata:
  name: prod
spec:
  vars:
    domain: example.com
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: letsencrypt
spec:
  acme:
    email: ops@example.com
    solver:
      http01: {{}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: letsencrypt-dns
spec:
  acme:
    email: ops@example.com
    solver:
      dns01:
        provider: cloudflare
        apiTokenSecretRef: {{name: cloudflare, key: token}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: secure-headers
spec:
  preset: secure-headers
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: compress
spec:
  preset: compress
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: sso
spec:
  forwardAuth:
    address: http://authelia:9091/api/authz/forward-auth
    trustForwardHeader: true
    authResponseHeaders: [Remote-User, Remote-Groups]
"""

SERVICE_NAMES = ["api", "web", "worker", "admin"]


def project(i, rng):
    name = f"team-{i:05d}"
    services = SERVICE_NAMES[: rng.randint(2, 3)]
    lines = [
        "apiVersion: edgegen.dev/v1alpha1",
        "kind: Project",
        "metadata:",
        f"  name: {name}",
        "spec:",
        "  services:",
    ]
    for s in services:
        lines += [f"    {s}:", f"      port: {rng.choice([80, 3000, 8000, 8080, 9000])}"]
        if rng.random() < 0.3:
            lines += ["      healthCheck:", "        path: /healthz", "        interval: 10s"]
    lines.append("  routes:")
    host = f"{name}.${{domain}}"
    routes = [
        [f"    - name: web", f"      host: {host}", f"      service: {services[1]}",
         "      middlewares: [secure-headers, compress]"],
        [f"    - name: api", f"      host: {host}", "      pathPrefix: /api", f"      service: {services[0]}",
         "      middlewares: [secure-headers, rate-limit]"],
        [f"    - name: tenants", f"      host: \"*.{name}.${{domain}}\"", f"      service: {services[-1]}",
         "      issuer: letsencrypt-dns"],
        [f"    - name: preview", f"      host: \"{name}.preview.${{domain}}\"", f"      service: {services[1]}",
         "      issuer: letsencrypt-dns"],
        [f"    - name: beta", f"      rule: Host(`beta-{name}.${{domain}}`) && Header(`X-Beta`, `1`)",
         f"      service: {services[0]}", "      priority: 100"],
    ]
    for route in routes[: rng.randint(3, 5)]:
        lines += route
    lines += ["  middlewares:", "    rate-limit:", "      rateLimit:",
              f"        average: {rng.choice([50, 100, 200])}", f"        burst: {rng.choice([25, 50, 100])}"]
    return name, "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--git", action="store_true")
    ap.add_argument("--targets", default="traefik")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "projects"), exist_ok=True)
    with open(os.path.join(args.out, "edge.yaml"), "w") as f:
        # Kustomize's build time grows with the square of the objects in one
        # build: one shard per ~60 projects, as the README advises.
        shards = -(-args.n // 60)
        kubernetes = f"  kubernetes:\n    shards: {shards}\n" if shards > 1 and "kubernetes" in args.targets else ""
        f.write(EDGE.format(targets=", ".join(args.targets.split(",")), kubernetes=kubernetes))
    for i in range(args.n):
        name, text = project(i, rng)
        with open(os.path.join(args.out, "projects", f"{name}.yaml"), "w") as f:
            f.write(text)
    if args.git:
        run = lambda *a: subprocess.run(["git", "-C", args.out, *a], check=True, capture_output=True)
        run("init", "-q", "-b", "main")
        run("add", "-A")
        run("-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "fixture")


if __name__ == "__main__":
    main()
