#!/usr/bin/env python3
"""Checks the Traefik Helm values of a rendered tree
(cluster/kubernetes/traefik-values.yaml), which the conformance kit has no
schema for: a helm.cattle.io/v1 HelmChartConfig as K3s's helm-controller
defines it (spec.valuesContent a string, spec.failurePolicy abort or
reinstall, spec.valuesSecrets a list), or a v1 ConfigMap whose data holds
values.yaml. The values are a YAML map whose additionalArguments are
Traefik v3 static options, each `--name=value`, of the names and values
Traefik's reference admits; a redirection names an exposed port of the
chart (:80 or :443), as the chart's own redirections do. Prints "ok FILE" or
"none FILE"; exits 1 with the problems.

usage: traefik_values.py OUT_DIR"""
import os, re, sys
import yaml

DNS1123 = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
BOOLEAN = {"true", "false"}
OPTIONS = [
    (re.compile(r"^entryPoints\.[A-Za-z0-9_-]+\.http\.redirections\.entryPoint\.to$"), re.compile(r"^:(80|443)$")),
    (re.compile(r"^entryPoints\.[A-Za-z0-9_-]+\.http\.redirections\.entryPoint\.scheme$"), re.compile(r"^https?$")),
    (re.compile(r"^entryPoints\.[A-Za-z0-9_-]+\.http\.redirections\.entryPoint\.permanent$"), BOOLEAN),
    (re.compile(r"^log\.level$"), {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "PANIC"}),
    (re.compile(r"^log\.format$"), {"common", "json"}),
    (re.compile(r"^accesslog$"), BOOLEAN),
    (re.compile(r"^accesslog\.format$"), {"common", "json", "genericCLF"}),
    (re.compile(r"^api\.insecure$"), BOOLEAN),
    (re.compile(r"^providers\.kubernetes(crd|ingress)\.allowExternalNameServices$"), BOOLEAN),
]
problems = []


def check_values(where, text):
    if not isinstance(text, str):
        problems.append(f"{where}: the values are not a string")
        return
    values = yaml.safe_load(text)
    if not isinstance(values, dict) or set(values) != {"additionalArguments"}:
        problems.append(f"{where}: the values are not a map of additionalArguments alone")
        return
    arguments = values["additionalArguments"]
    if not isinstance(arguments, list) or not arguments:
        problems.append(f"{where}: additionalArguments is not a non-empty list")
        return
    for argument in arguments:
        match = re.match(r"^--([^=]+)=(.*)$", argument) if isinstance(argument, str) else None
        if not match:
            problems.append(f"{where}: {argument!r} is not --name=value")
            continue
        name, value = match.groups()
        admitted = [allowed for pattern, allowed in OPTIONS if pattern.match(name)]
        if not admitted:
            problems.append(f"{where}: {name} is not a Traefik option edgegen writes")
        elif not (admitted[0].match(value) if hasattr(admitted[0], "match") else value in admitted[0]):
            problems.append(f"{where}: {name}={value!r} is not a value Traefik admits there")
    if len(set(arguments)) != len(arguments):
        problems.append(f"{where}: an argument is repeated")


def check(path, document):
    meta = document.get("metadata") or {}
    for key in ("name", "namespace"):
        if not DNS1123.match(str(meta.get(key, ""))):
            problems.append(f"{path}: metadata.{key} {meta.get(key)!r} is not a DNS-1123 name")
    if (document.get("apiVersion"), document.get("kind")) == ("helm.cattle.io/v1", "HelmChartConfig"):
        spec = document.get("spec") or {}
        if set(spec) - {"valuesContent", "valuesSecrets", "failurePolicy"}:
            problems.append(f"{path}: unknown spec fields {sorted(set(spec) - {'valuesContent', 'valuesSecrets', 'failurePolicy'})}")
        if spec.get("failurePolicy", "reinstall") not in ("abort", "reinstall"):
            problems.append(f"{path}: failurePolicy is neither abort nor reinstall")
        check_values(f"{path} spec.valuesContent", spec.get("valuesContent"))
    elif (document.get("apiVersion"), document.get("kind")) == ("v1", "ConfigMap"):
        data = document.get("data") or {}
        if set(data) != {"values.yaml"}:
            problems.append(f"{path}: data holds {sorted(data)}, not values.yaml alone")
        check_values(f"{path} data[values.yaml]", data.get("values.yaml"))
    else:
        problems.append(f"{path}: neither a helm.cattle.io/v1 HelmChartConfig nor a v1 ConfigMap")


def main():
    path = os.path.join(sys.argv[1], "cluster", "kubernetes", "traefik-values.yaml")
    if not os.path.exists(path):
        print(f"none {path}")
        return 0
    with open(path) as f:
        documents = [d for d in yaml.safe_load_all(f) if d is not None]
    if len(documents) != 1:
        problems.append(f"{path}: {len(documents)} documents, not one")
    for document in documents:
        check(path, document)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"ok {path}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
