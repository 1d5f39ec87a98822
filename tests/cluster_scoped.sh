#!/usr/bin/env bash
# Renders examples/NAME (or the directory given as third argument) and checks
# that every cluster-scoped object is owned once: none in an environment's
# Kustomize tree (<env>/kubernetes/), each in cluster/kubernetes/ at most once,
# and that directory applied by exactly one Flux Kustomization and one Argo CD
# Application. Two environments' trees holding one ClusterIssuer would make
# two GitOps objects own it, and pruning one environment delete the other's.
source "$(dirname "$0")/lib.sh"
name="$2"
source_dir="${3:-$ROOT/examples/$name}"
need python3 python3

"$EDGEGEN" render "$source_dir" --out "$WORK/out" >/dev/null
python3 - "$WORK/out" <<'PY' || fail "cluster-scoped objects of $source_dir are owned more than once"
import os, sys, yaml
out = sys.argv[1]
# Kinds of the Kubernetes API and the CRDs edgegen writes that have no namespace.
CLUSTER = {"Namespace", "ClusterIssuer", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
           "IngressClass", "PriorityClass", "StorageClass", "ValidatingWebhookConfiguration",
           "MutatingWebhookConfiguration", "PersistentVolume", "APIService"}
seen, bad = {}, []
for root, _, files in os.walk(out):
    rel = os.path.relpath(root, out)
    if "/kubernetes" not in "/" + rel:
        continue
    for f in sorted(files):
        if not f.endswith(".yaml") or f == "kustomization.yaml":
            continue
        for doc in yaml.safe_load_all(open(os.path.join(root, f))):
            if not doc or doc.get("kind") not in CLUSTER:
                continue
            key = (doc["kind"], doc["metadata"]["name"])
            where = os.path.join(rel, f)
            if not rel.startswith("cluster/kubernetes"):
                bad.append(f"{key[0]} {key[1]} in an environment's tree: {where}")
            if key in seen:
                bad.append(f"{key[0]} {key[1]} in {seen[key]} and {where}")
            seen[key] = where
if seen:
    for tool, kind in (("flux", "Kustomization"), ("argocd", "Application")):
        d = os.path.join(out, tool)
        if not os.path.isdir(d):
            continue
        owners = []
        for f in sorted(os.listdir(d)):
            for doc in yaml.safe_load_all(open(os.path.join(d, f))):
                if not doc or doc.get("kind") != kind:
                    continue
                spec = doc["spec"]
                paths = [spec["path"]] if "path" in spec else [s["path"] for s in spec.get("sources", [])]
                if any(p.rstrip("/").endswith("cluster/kubernetes") for p in paths):
                    owners.append(f"{tool}/{f}: {doc['metadata']['name']}")
        if len(owners) != 1:
            bad.append(f"cluster/kubernetes is applied by {len(owners)} {tool} objects: {owners}")
for line in bad:
    print("  " + line, file=sys.stderr)
print(f"{len(seen)} cluster-scoped objects, each owned once")
sys.exit(1 if bad else 0)
PY
