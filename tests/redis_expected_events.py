#!/usr/bin/env python3
"""The keyspace events an apply of NEW over OLD must fire, and no others, as
sorted "KEY<TAB>EVENT" lines: a set per Traefik key added or changed, a del
per key removed, del and hset per domain hash changed (hset alone when new,
del alone when gone), sadd/srem on the sets whose members changed, and a set
of the digest of the applied state.
The domain hashes are given as the lines "DOMAIN FIELDS" read from the store
before and after; FOREIGN is a domain another writer added.

usage: redis_expected_events.py OLD_KV_JSON NEW_KV_JSON OLD_HASHES NEW_HASHES FOREIGN"""
import json, sys


def hashes(path):
    out = {}
    for line in open(path):
        domain, _, fields = line.rstrip("\n").partition(" ")
        out[domain] = fields.strip()
    return out


def main():
    old, new = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
    h1, h2, foreign = hashes(sys.argv[3]), hashes(sys.argv[4]), sys.argv[5]
    h1.pop(foreign, None), h2.pop(foreign, None)
    lines = set()
    for key in set(old) | set(new):
        if key not in new:
            lines.add(f"{key}\tdel")
        elif old.get(key) != new[key]:
            lines.add(f"{key}\tset")
    for domain in set(h1) | set(h2):
        if h1.get(domain) == h2.get(domain):
            continue
        key = "target_domains:" + domain
        if h1.get(domain):
            lines.add(f"{key}\tdel")
        if h2.get(domain):
            lines.add(f"{key}\thset")
    if set(h1) != set(h2):
        for key in ("target_domains", "edgegen:traefik:domains"):
            if set(h2) - set(h1):
                lines.add(f"{key}\tsadd")
            if set(h1) - set(h2):
                lines.add(f"{key}\tsrem")
    added = set(new) - set(old) or set(h2) - set(h1)
    removed = set(old) - set(new) or set(h1) - set(h2)
    if added:
        lines.add("edgegen:traefik:keys\tsadd")
    if removed:
        lines.add("edgegen:traefik:keys\tsrem")
    if old != new or h1 != h2:
        lines.add("edgegen:traefik:digest\tset")
    print("\n".join(sorted(lines)))


if __name__ == "__main__":
    sys.exit(main())
