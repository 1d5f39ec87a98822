#!/usr/bin/env python3
"""Writes a copy of an example with the same meaning in another shape: every
edgegen document in its own file under a new name and directory, documents in
reverse order, and every mapping's keys in reverse order.

usage: shuffle_example.py SRC DST
"""
import os
import re
import sys

import yaml


def reverse_keys(value):
    if isinstance(value, dict):
        return {k: reverse_keys(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [reverse_keys(v) for v in value]
    return value


class Loader(yaml.SafeLoader):
    """Resolves plain scalars by the YAML 1.2 core schema, as edgegen does
    (PyYAML's YAML 1.1 rules would turn `no` into false, `0777` into 511)."""


Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
]:
    Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def main():
    src, dst = sys.argv[1], sys.argv[2]
    documents = []
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            if f.endswith((".yaml", ".yml")):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    # Only edgegen's documents: an example may keep other YAML
                    # (a team's compose file) in a directory its Edge excludes.
                    documents += [d for d in yaml.load_all(fh, Loader=Loader) if isinstance(d, dict) and "apiVersion" in d]
    documents.reverse()
    for i, doc in enumerate(documents):
        path = os.path.join(dst, f"z{len(documents) - i:03d}", f"doc-{i:03d}.yml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            text = yaml.dump(reverse_keys(doc), sort_keys=False, default_flow_style=False, allow_unicode=True)
            fh.write(text)


if __name__ == "__main__":
    main()
