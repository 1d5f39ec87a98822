#!/usr/bin/env python3
"""Compares what a Redis holds with a rendered kv.json, reading it back with
redis-cli: the keys under the root, the record of applied keys and the
certificate worker's domain set.

usage: redis_state.py PORT KV_JSON DOMAIN[,DOMAIN...] [EXTRA_KEY=VALUE ...]
DOMAIN is a member the domain set must hold; "+DOMAIN" one that another
writer added (edgegen neither owns nor describes it). EXTRA_KEY=VALUE are
keys under the root that edgegen did not write and that must still be there.
Each of edgegen's domains must have its hash "target_domains:DOMAIN", and
the record of applied keys must list exactly kv.json's keys and those
hashes. Exits 1 with the differences."""
import json, subprocess, sys

ROOT, APPLIED, DOMAINS = "traefik", "edgegen:traefik:keys", "target_domains"
OWNED = "edgegen:traefik:domains"


def cli(port, *args):
    run = subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", port, *args],
                         capture_output=True, text=True, timeout=30)
    if run.returncode != 0:
        sys.exit(f"redis-cli {' '.join(args[:2])} failed: {run.stderr.strip()}")
    return run.stdout


def main():
    port, kv_path, domains = sys.argv[1:4]
    extra = dict(arg.split("=", 1) for arg in sys.argv[4:])
    want = json.load(open(kv_path))
    keys = sorted(k for k in cli(port, "--scan", "--pattern", ROOT + "/*").splitlines() if k)
    values = json.loads(cli(port, "--json", "MGET", *keys)) if keys else []
    have = dict(zip(keys, values))
    problems = []
    for key in sorted(set(want) | set(extra) | set(have)):
        expected = want.get(key, extra.get(key))
        if have.get(key) != expected:
            problems.append(f"{key}: store has {have.get(key)!r}, want {expected!r}")
    listed = domains.split(",")
    mine = sorted(d for d in listed if not d.startswith("+"))
    hashes = [DOMAINS + ":" + d for d in mine]
    applied = sorted(json.loads(cli(port, "--json", "SMEMBERS", APPLIED)))
    if applied != sorted(list(want) + hashes):
        problems.append(f"{APPLIED} lists {len(applied)} keys, want the {len(want)} of kv.json "
                        f"and {len(hashes)} domain hashes")
    got_domains = sorted(json.loads(cli(port, "--json", "SMEMBERS", DOMAINS)))
    if got_domains != sorted(d.lstrip("+") for d in listed):
        problems.append(f"{DOMAINS} is {got_domains}, want {sorted(d.lstrip('+') for d in listed)}")
    owned = sorted(json.loads(cli(port, "--json", "SMEMBERS", OWNED)))
    if owned != mine:
        problems.append(f"{OWNED} is {owned}, want {mine}")
    for key in hashes:
        fields = json.loads(cli(port, "--json", "HGETALL", key))
        if isinstance(fields, list):  # RESP2: field, value, field, value
            fields = dict(zip(fields[::2], fields[1::2]))
        if not fields or fields.get("challenge") not in ("http-01", "dns-01") or not fields.get("server"):
            problems.append(f"{key} is {fields!r}: no issuer and challenge")
    for d in listed:
        if d.startswith("+") and cli(port, "EXISTS", DOMAINS + ":" + d[1:]).strip() != "0":
            problems.append(f"edgegen described {d[1:]}, which another writer added")
    for p in problems:
        print(p)
    print(f"{len(have)} keys under {ROOT}/ read back, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
