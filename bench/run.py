#!/usr/bin/env python3
"""Whole-process benchmark of edgegen: validate and render at several sizes,
cold (empty output) and warm (output up to date, nothing rewritten), against
a Python/PyYAML reference renderer of the same Traefik output measured in the
same run. Prints a Markdown table: medians over --runs runs with min-max, and
peak RSS.

usage: bench/run.py [--sizes 100,1000,10000] [--runs 5] [--targets traefik,kubernetes]
                    [--edgegen build/edgegen] [--work DIR] [--no-reference]
"""
import argparse
import os
import time
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, prepare=None):
    """-> (seconds, peak RSS in MB) of one run of cmd (a list). The wall time
    is taken around the process, the peak RSS from wait4's rusage of that one
    child (the same kernel figure /usr/bin/time -v prints)."""
    if prepare:
        prepare()
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    err = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark command failed: {' '.join(cmd)}\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def measure(cmd, runs, prepare=None):
    samples = [timed(cmd, prepare) for _ in range(runs)]
    times = sorted(s[0] for s in samples)
    return {"median": statistics.median(times), "min": times[0], "max": times[-1],
            "rss": max(s[1] for s in samples)}


def fmt(m):
    t = m["median"]
    unit, scale = ("ms", 1000) if t < 1 else ("s", 1)
    return f"{t * scale:.{0 if unit == 'ms' else 2}f} {unit} ({m['min'] * scale:.{0 if unit == 'ms' else 2}f}–{m['max'] * scale:.{0 if unit == 'ms' else 2}f})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--targets", default="traefik")
    ap.add_argument("--edgegen", default=os.path.join(ROOT, "build", "edgegen"))
    ap.add_argument("--work", default=None)
    ap.add_argument("--no-reference", action="store_true")
    args = ap.parse_args()
    edgegen = os.path.abspath(args.edgegen)
    work = args.work or tempfile.mkdtemp(prefix="edgegen-bench-")
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        fixture = os.path.join(work, f"fixture-{n}")
        out = os.path.join(work, f"out-{n}")
        ref_out = os.path.join(work, f"ref-{n}")
        if not os.path.isdir(fixture):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_fixture.py"), str(n), fixture,
                            "--targets", args.targets], check=True)
        clear = lambda: shutil.rmtree(out, ignore_errors=True)
        validate = measure([edgegen, "validate", fixture], args.runs)
        cold = measure([edgegen, "render", fixture, "--out", out], args.runs, prepare=clear)
        warm = measure([edgegen, "render", fixture, "--out", out], args.runs)
        row = {"n": n, "validate": validate, "cold": cold, "warm": warm}
        if not args.no_reference:
            ref_clear = lambda: shutil.rmtree(ref_out, ignore_errors=True)
            row["reference"] = measure([sys.executable, os.path.join(HERE, "reference_render.py"), fixture, ref_out],
                                       args.runs, prepare=ref_clear)
        rows.append(row)
        print(f"N={n}: done", file=sys.stderr)

    print(f"targets: {args.targets}; {args.runs} runs each; median (min–max); peak RSS over the runs\n")
    head = "| N | validate | render cold | render warm | peak RSS (render) |"
    sep = "|---|---|---|---|---|"
    if not args.no_reference:
        head += " Python/PyYAML reference render | reference ÷ edgegen cold |"
        sep += "---|---|"
    print(head)
    print(sep)
    for r in rows:
        line = (f"| {r['n']:,} | {fmt(r['validate'])} | {fmt(r['cold'])} | {fmt(r['warm'])} | "
                f"{max(r['cold']['rss'], r['warm']['rss']):.0f} MB |")
        if "reference" in r:
            line += f" {fmt(r['reference'])} | {r['reference']['median'] / r['cold']['median']:.1f}× |"
        print(line)
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        k = b["n"] / a["n"]
        print(f"\nscaling N={a['n']:,} → {b['n']:,} (×{k:g}): validate ×{b['validate']['median'] / a['validate']['median']:.1f}, "
              f"warm render ×{b['warm']['median'] / a['warm']['median']:.1f}, cold render ×{b['cold']['median'] / a['cold']['median']:.1f}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
