#!/usr/bin/env python3
"""Checks the EndpointSlices of a rendered tree, which the conformance kit
has no schema for, against the discovery.k8s.io/v1 API reference: the
fields and their types, addressType IPv4 or IPv6 with addresses of that
family (1 to 100 per endpoint), ports with a name, a port 1-65535 and a
protocol, and the label kubernetes.io/service-name naming a selector-less
Service of the same namespace in the same file whose ports the slice's port
names match. Prints "ok FILE#N" per slice; exits 1 with the problems.

usage: endpoint_slices.py OUT_DIR"""
import ipaddress, os, re, sys
import yaml

DNS1123 = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
problems, count = [], 0


def check(path, index, slice_, documents):
    where = f"{path}#{index}"
    allowed = {"apiVersion", "kind", "metadata", "addressType", "endpoints", "ports"}
    if set(slice_) - allowed:
        problems.append(f"{where}: unknown fields {sorted(set(slice_) - allowed)}")
    meta = slice_.get("metadata", {})
    if not DNS1123.match(meta.get("name", "")) or len(meta["name"]) > 253:
        problems.append(f"{where}: metadata.name {meta.get('name')!r} is not a DNS-1123 subdomain")
    family = {"IPv4": ipaddress.IPv4Address, "IPv6": ipaddress.IPv6Address}.get(slice_.get("addressType"))
    if not family:
        problems.append(f"{where}: addressType {slice_.get('addressType')!r} is not IPv4 or IPv6")
        return
    for endpoint in slice_.get("endpoints") or []:
        addresses = endpoint.get("addresses") or []
        if not 1 <= len(addresses) <= 100:
            problems.append(f"{where}: an endpoint has {len(addresses)} addresses (1 to 100)")
        for address in addresses:
            try:
                if not isinstance(ipaddress.ip_address(address), family):
                    problems.append(f"{where}: {address} is not an {slice_['addressType']} address")
            except ValueError:
                problems.append(f"{where}: {address!r} is not an IP address")
        if set(endpoint) - {"addresses", "conditions", "hostname", "nodeName", "zone", "hints", "targetRef"}:
            problems.append(f"{where}: unknown endpoint fields {sorted(endpoint)}")
    names = []
    for port in slice_.get("ports") or []:
        if set(port) - {"name", "port", "protocol", "appProtocol"}:
            problems.append(f"{where}: unknown port fields {sorted(port)}")
        if not isinstance(port.get("port"), int) or not 1 <= port["port"] <= 65535:
            problems.append(f"{where}: port {port.get('port')!r} is not 1-65535")
        if port.get("protocol", "TCP") not in ("TCP", "UDP", "SCTP"):
            problems.append(f"{where}: protocol {port.get('protocol')!r}")
        names.append(port.get("name", ""))
    service_name = (meta.get("labels") or {}).get("kubernetes.io/service-name")
    services = [d for d in documents if d.get("kind") == "Service" and d["metadata"]["name"] == service_name
                and d["metadata"].get("namespace") == meta.get("namespace")]
    if len(services) != 1:
        problems.append(f"{where}: no Service {service_name!r} in its namespace beside it")
        return
    spec = services[0].get("spec", {})
    if spec.get("selector") or spec.get("type", "ClusterIP") == "ExternalName":
        problems.append(f"{where}: Service {service_name!r} has a selector or is ExternalName: Kubernetes manages its slices")
    if sorted(names) != sorted(p.get("name", "") for p in spec.get("ports", [])):
        problems.append(f"{where}: port names {names} are not those of Service {service_name!r}")


for root, _, files in os.walk(sys.argv[1]):
    for f in sorted(files):
        if not f.endswith((".yaml", ".yml")):
            continue
        path = os.path.join(root, f)
        documents = [d for d in yaml.safe_load_all(open(path)) if isinstance(d, dict)]
        for i, d in enumerate(documents):
            if d.get("kind") == "EndpointSlice":
                if d.get("apiVersion") != "discovery.k8s.io/v1":
                    problems.append(f"{path}#{i}: apiVersion {d.get('apiVersion')}")
                check(os.path.relpath(path, sys.argv[1]), i, d, documents)
                count += 1
if problems:
    sys.exit("\n".join(problems))
print(f"EndpointSlices: {count} checked")
