#!/usr/bin/env python3
"""A straightforward Python/PyYAML renderer of the same Traefik file-provider
output edgegen writes (per environment: traefik.yml, one dynamic file per
project, _shared.yml, tls.yml, plus edgegen.sum), used only as the baseline
that bench/run.py measures edgegen against. No validation beyond what the
rendering needs. It knows what the benchmark fixture uses: variables, an
Environment's patches of a Project (merged), routes of some environments
only (`environments`). Like edgegen, it compares each file with the one on
disk and writes only those that differ, so a second run over the same
output is its warm render.

usage: reference_render.py SOURCE OUT
"""
import hashlib
import os
import re
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}")


def substitute(value, env):
    if isinstance(value, str):
        return VAR.sub(lambda m: str(env[m.group(1)]), value)
    if isinstance(value, list):
        return [substitute(v, env) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, env) for k, v in value.items()}
    return value


def merge(base, patch):
    """The patch over the base, maps merged key by key."""
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return patch
    out = dict(base)
    for key, value in patch.items():
        out[key] = merge(base.get(key), value) if key in base else value
    return out


def write_if_changed(path, text):
    try:
        with open(path) as fh:
            if fh.read() == text:
                return
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write(text)


def rule(route):
    if "rule" in route:
        return route["rule"]
    host = route["host"]
    r = (f"HostRegexp(`^[a-z0-9-]+{re.escape(host[1:])}$`)" if host.startswith("*.") else f"Host(`{host}`)")
    if "path" in route:
        r += f" && Path(`{route['path']}`)"
    elif route.get("pathPrefix", "/") != "/":
        r += f" && PathPrefix(`{route['pathPrefix']}`)"
    return r


def main():
    src, out = sys.argv[1], sys.argv[2]
    docs = []
    for root, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.endswith((".yaml", ".yml")):
                with open(os.path.join(root, f)) as fh:
                    docs += [d for d in yaml.load_all(fh, Loader=Loader) if d]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    edge = by_kind["Edge"][0]
    written = {}
    for environment in by_kind.get("Environment", [{"metadata": {"name": "default"}, "spec": {}}]):
        env_name = environment["metadata"]["name"]
        env = dict(edge["spec"].get("vars", {}), **environment["spec"].get("vars", {}))
        issuer = environment["spec"].get("issuer", edge["spec"].get("defaultIssuer"))
        shared = {d["metadata"]["name"]: d["spec"] for d in by_kind.get("Middleware", [])}
        patches = {p["target"]["name"]: p["patch"] for p in environment["spec"].get("patches", [])
                   if p["target"].get("kind") == "Project"}
        base = f"{env_name}/traefik/"
        written[base + "traefik.yml"] = {
            "entryPoints": {"web": {"address": ":80"}, "websecure": {"address": ":443"}},
            "providers": {"file": {"directory": "/etc/traefik/dynamic", "watch": True}},
            "certificatesResolvers": {i["metadata"]["name"]: {"acme": i["spec"]["acme"]}
                                      for i in by_kind.get("Issuer", [])}}
        written[base + "dynamic/_shared.yml"] = {"http": {"middlewares": substitute(shared, env)}}
        written[base + "dynamic/tls.yml"] = {"tls": {"options": {"default": {"minVersion": "VersionTLS12"}}}}
        for p in by_kind.get("Project", []):
            name = p["metadata"]["name"]
            spec = substitute(merge(p["spec"], patches[name]) if name in patches else p["spec"], env)
            http = {"routers": {}, "services": {}, "middlewares": {}}
            for r in spec.get("routes", []):
                if env_name not in r.get("environments", [env_name]):
                    continue
                router = {"entryPoints": ["websecure"], "rule": rule(r), "service": f"{name}-{r['service']}",
                          "tls": {"certResolver": r.get("issuer", issuer)}}
                mws = [f"{name}-{m}" if m in spec.get("middlewares", {}) else m for m in r.get("middlewares", [])]
                if mws:
                    router["middlewares"] = mws
                if "priority" in r:
                    router["priority"] = r["priority"]
                http["routers"][f"{name}-{r.get('name', r['service'])}"] = router
            for s, svc in spec.get("services", {}).items():
                http["services"][f"{name}-{s}"] = {"loadBalancer": {"servers": [
                    {"url": f"http://{name}-{s}:{svc['port']}"}]}}
            for m, mw in spec.get("middlewares", {}).items():
                http["middlewares"][f"{name}-{m}"] = mw
            written[base + f"dynamic/{name}.yml"] = {"http": http}
    sums = []
    for path in sorted(written):
        text = yaml.dump(written[path], Dumper=Dumper, sort_keys=True, default_flow_style=False)
        write_if_changed(os.path.join(out, path), text)
        sums.append(f"{hashlib.sha256(text.encode()).hexdigest()}  {path}\n")
    write_if_changed(os.path.join(out, "edgegen.sum"), "".join(sums))


if __name__ == "__main__":
    main()
