#!/usr/bin/env python3
"""Writes a benchmark fixture: N projects in edgegen's input format.

usage: generate_fixture.py N OUT_DIR [--seed S] [--git] [--targets LIST] [--plain]

Deterministic per seed: the same N and seed always give the same bytes.
Two environments (staging, prod), two issuers (HTTP-01 and DNS-01), shared
middlewares, and per project 2-3 services and 3-5 routes mixing host,
host+path, raw rules and wildcard hosts. With --git the fixture is committed
to a new Git repository in OUT_DIR (for --ref benchmarks).

By default the fixture looks like a real platform's repository, which the
plain one (--plain) does not: about one project in six carries a warning
(a middleware or a service nothing uses, W0601/W0602; with the kubernetes
target, a project whose services have a healthCheck keeps it for the
traefik target and silences W0621 with edgegen.dev/ignore), one in four routes
through forward-auth (sso), one in five has a raw rule with a regexp
(PathRegexp, HeaderRegexp), one in eight has a route in prod only, and the
staging Environment patches one project in twenty.
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


def realistic(i, name, services, rng):
    """What a project of a real repository adds: returns (routes, middlewares, services)."""
    routes, middlewares, extra_services = [], [], []
    if i % 4 == 1:
        routes.append([f"    - name: internal", f"      host: internal-{name}.${{domain}}",
                       f"      service: {services[0]}", "      middlewares: [sso, secure-headers]"])
    if i % 5 == 2:
        routes.append([f"    - name: versioned",
                       f"      rule: Host(`{name}.${{domain}}`) && PathRegexp(`^/v[0-9]+/`)",
                       f"      service: {services[0]}", "      priority: 30000"])
    if i % 5 == 4:
        routes.append([f"    - name: shards",
                       f"      rule: Host(`shards.{name}.${{domain}}`) && HeaderRegexp(`User-Agent`, `^curl/`)",
                       f"      service: {services[-1]}", "      priority: 30000"])
    if i % 8 == 5:
        routes.append([f"    - name: canary", f"      host: canary-{name}.${{domain}}",
                       f"      service: {services[1]}", "      environments: [prod]"])
    # About one project in six has something nothing uses.
    if i % 12 == 3:
        middlewares += ["    retry:", "      retry:", "        attempts: 3"]
    if i % 12 == 9:
        extra_services += ["    legacy:", f"      port: {rng.choice([8081, 9090])}"]
    return routes, middlewares, extra_services


def project(i, rng, plain, kubernetes):
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
    health_checks = False
    for s in services:
        lines += [f"    {s}:", f"      port: {rng.choice([80, 3000, 8000, 8080, 9000])}"]
        if rng.random() < 0.3:
            lines += ["      healthCheck:", "        path: /healthz", "        interval: 10s"]
            health_checks = True
    if health_checks and kubernetes:
        # The kubernetes target cannot write a healthCheck (W0621); the team
        # keeps it for the traefik target, and says so once.
        lines[4:4] = ["  annotations:", "    edgegen.dev/ignore: \"W0621\""]
    more_routes, more_middlewares, more_services = ([], [], []) if plain else realistic(i, name, services, rng)
    lines += more_services
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
    for route in routes[: rng.randint(3, 5)] + more_routes:
        lines += route
    lines += ["  middlewares:", "    rate-limit:", "      rateLimit:",
              f"        average: {rng.choice([50, 100, 200])}", f"        burst: {rng.choice([25, 50, 100])}"]
    lines += more_middlewares
    return name, "\n".join(lines) + "\n"


def staging_patches(n):
    """The staging Environment's patches: one project in twenty on another port."""
    lines = ["  patches:"]
    for i in range(7, n, 20):
        lines += [f"    - target: {{kind: Project, name: team-{i:05d}}}",
                  "      patch:", "        services: {api: {port: 18000}}"]
    return "\n".join(lines) + "\n" if len(lines) > 1 else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--git", action="store_true")
    ap.add_argument("--targets", default="traefik")
    ap.add_argument("--plain", action="store_true", help="no warnings, regexps, forward-auth or patches")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "projects"), exist_ok=True)
    with open(os.path.join(args.out, "edge.yaml"), "w") as f:
        # Kustomize's build time grows with the square of the objects in one
        # build: one shard per ~60 projects, as the README advises.
        shards = -(-args.n // 60)
        kubernetes = f"  kubernetes:\n    shards: {shards}\n" if shards > 1 and "kubernetes" in args.targets else ""
        edge = EDGE.format(targets=", ".join(args.targets.split(",")), kubernetes=kubernetes)
        if not args.plain:
            edge = edge.replace("  issuer: letsencrypt\n", "  issuer: letsencrypt\n" + staging_patches(args.n), 1)
        f.write(edge)
    for i in range(args.n):
        name, text = project(i, rng, args.plain, "kubernetes" in args.targets.split(","))
        with open(os.path.join(args.out, "projects", f"{name}.yaml"), "w") as f:
            f.write(text)
    if args.git:
        run = lambda *a: subprocess.run(["git", "-C", args.out, *a], check=True, capture_output=True)
        run("init", "-q", "-b", "main")
        run("add", "-A")
        run("-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "fixture")


if __name__ == "__main__":
    main()
