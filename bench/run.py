#!/usr/bin/env python3
"""Whole-process benchmark of edgegen: validate and render at several sizes,
cold (empty output) and warm (output up to date, nothing rewritten), against
a Python/PyYAML reference renderer of the same Traefik output measured in the
same run. Prints Markdown tables: medians over --runs runs with min-max, and
peak RSS; then every goal of BENCHMARKS.md as a ratio of two figures of this
run (or a peak RSS), met or missed. The two sides of a ratio of two commands
(edgegen and the reference, text and JSON diagnostics, the last two sizes
for the scaling rows) run in turn, one pair after the other, and the ratio
is the median of the pairs' ratios.

usage: bench/run.py [--sizes 100,1000,10000] [--runs 5] [--targets traefik,kubernetes]
                    [--edgegen build/edgegen] [--work DIR] [--no-reference]
                    [--kustomize-size 1000]

The reference renders the Traefik file-provider output only, so it is
compared with edgegen rendering a fixture of the same projects with
targets: [traefik], cold and warm (the reference, too, writes only the files
that differ). With kubectl on the PATH, `kubectl kustomize` builds
every Kustomize directory of one environment of the --kustomize-size render.
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


def fresh(out):
    """Removes the output of the previous run and waits until the disk has
    written the removal, so that a cold run pays for its own files only."""
    shutil.rmtree(out, ignore_errors=True)
    os.sync()


def timed(cmd, prepare=None):
    """-> (seconds, peak RSS in MB) of one run of cmd (a list). The wall time
    is taken around the process, the peak RSS from wait4's rusage of that one
    child (the same kernel figure /usr/bin/time -v prints)."""
    if prepare:
        prepare()
    # Standard error goes to a file: text diagnostics of a large edge
    # outgrow a pipe's buffer, and the child would wait on it forever.
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        stderr.seek(0)
        err = stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark command failed: {' '.join(cmd)}\n{err[-2000:]}")
    return seconds, usage.ru_maxrss * 1024 / 1e6  # KiB -> MB


def figures(samples):
    """Median, min, max of the times and the largest peak RSS of (seconds, MB) samples."""
    times = sorted(s[0] for s in samples)
    return {"median": statistics.median(times), "min": times[0], "max": times[-1],
            "rss": max(s[1] for s in samples)}


def measure(cmd, runs, prepare=None):
    return figures([timed(cmd, prepare) for _ in range(runs)])


def measure_pair(a_cmd, b_cmd, runs, prepare_a=None, prepare_b=None):
    """Runs a and b in turn, a b a b ..., so that a drift of the machine's
    speed during the call moves both alike. -> (a's figures, b's figures);
    a's carry "paired", the median over the pairs of b's time ÷ a's."""
    pairs = [(timed(a_cmd, prepare_a), timed(b_cmd, prepare_b)) for _ in range(runs)]
    a = figures([p[0] for p in pairs])
    a["paired"] = statistics.median(pb[0] / pa[0] for pa, pb in pairs)
    return a, figures([p[1] for p in pairs])


def file_floor(out, runs):
    """The disk's own price for a cold render's files: creating the same
    files (same directories, same sizes) under a temporary name and renaming
    them into place, then one sync, as edgegen does, from Python. Measured in
    the same run, so a cold render can be read against it."""
    files = []
    for root, _, names in os.walk(out):
        for name in names:
            path = os.path.join(root, name)
            files.append((os.path.relpath(path, out), os.path.getsize(path)))
    target = out + "-floor"

    def create():
        start = time.perf_counter()
        made = set()
        for i, (rel, size) in enumerate(files):
            path = os.path.join(target, rel)
            directory = os.path.dirname(path)
            if directory not in made:
                os.makedirs(directory, exist_ok=True)
                made.add(directory)
            temp = os.path.join(directory, f".{os.path.basename(path)}.{i}.tmp")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            os.write(fd, b"x" * size)
            os.close(fd)
            os.rename(temp, path)
        os.sync()
        return time.perf_counter() - start

    samples = []
    for _ in range(runs):
        fresh(target)
        samples.append(create())
    fresh(target)
    samples.sort()
    return {"median": statistics.median(samples), "min": samples[0], "max": samples[-1], "files": len(files)}


def kustomize(out):
    """-> (seconds, directories): `kubectl kustomize` over every Kustomize
    directory of the first environment, one after the other (as Flux and
    ArgoCD apply them: each layer on its own). `cluster/` holds the objects
    of the whole cluster, not an environment."""
    env = sorted(d for d in os.listdir(out)
                 if d != "cluster" and os.path.isdir(os.path.join(out, d, "kubernetes")))[0]
    base = os.path.join(out, env, "kubernetes")
    dirs = sorted(d for d in os.listdir(base) if os.path.isfile(os.path.join(base, d, "kustomization.yaml")))
    start = time.perf_counter()
    for d in dirs:
        subprocess.run(["kubectl", "kustomize", os.path.join(base, d)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, len(dirs)


def fmt(m):
    t = m["median"]
    unit, scale = ("ms", 1000) if t < 1 else ("s", 1)
    return f"{t * scale:.{0 if unit == 'ms' else 2}f} {unit} ({m['min'] * scale:.{0 if unit == 'ms' else 2}f}–{m['max'] * scale:.{0 if unit == 'ms' else 2}f})"


def goal_rows(rows, scaling, args):
    """(goal, measured, met) for every goal of BENCHMARKS.md that this run
    measured: each a ratio of two figures of the same run, or a peak RSS."""
    out = []
    by_n = {r["n"]: r for r in rows}
    ratio = lambda a, b: a["median"] / b["median"]
    if not args.no_reference:
        for n in (1000, 10000):
            if n in by_n:
                x = by_n[n]["traefik_warm"]["paired"]
                out.append((f"warm render N={n:,}: ≥ 7× faster than the Python reference", f"{x:.1f}×", x >= 7))
    goal_sizes = [r for r in rows if r["n"] in (1000, 10000)]
    for r in goal_sizes:
        x = ratio(r["cold"], r["floor"])
        out.append((f"cold render N={r['n']:,}: ≤ 1.2× the disk's price for its files", f"{x:.2f}×", x <= 1.2))
    for r in goal_sizes:
        x = r["validate_json"]["paired"]
        out.append((f"validate N={r['n']:,}: text diagnostics ≤ 1.2× JSON", f"{x:.2f}×", x <= 1.2))
    if scaling and (scaling["from"], scaling["to"]) == (1000, 10000):
        for key, what in (("validate", "validate"), ("warm", "warm render")):
            x = scaling[key]
            out.append((f"{what} N=1,000 → 10,000: ×10 in N, ≤ ×11 in time", f"×{x:.1f}", x <= 11))
    for n, limit in ((1000, 30), (10000, 100)):
        if n in by_n:
            r = by_n[n]
            for key, what in (("validate", "validate"), ("cold", "render")):
                rss = max(r[key]["rss"], r["warm"]["rss"]) if key == "cold" else r[key]["rss"]
                out.append((f"peak RSS of {what} N={n:,}: ≤ {limit} MB", f"{rss:.0f} MB", rss <= limit))
    return out


def print_goals(rows, scaling, args):
    print("\nGoals (ratios of figures of this run; peak RSS in MB of 10^6 bytes):\n")
    print("| goal | measured | |")
    print("|---|---|---|")
    for goal, measured, met in goal_rows(rows, scaling, args):
        print(f"| {goal} | {measured} | {'met' if met else 'missed'} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--targets", default="traefik,kubernetes")
    ap.add_argument("--kustomize-size", type=int, default=1000)
    ap.add_argument("--edgegen", default=os.path.join(ROOT, "build", "edgegen"))
    ap.add_argument("--work", default=None)
    ap.add_argument("--no-reference", action="store_true")
    args = ap.parse_args()
    edgegen = os.path.abspath(args.edgegen)
    work = args.work or tempfile.mkdtemp(prefix="edgegen-bench-")
    rows = []
    sizes = [int(s) for s in args.sizes.split(",")]
    for n in sizes:
        fixture = os.path.join(work, f"fixture-{n}")
        out = os.path.join(work, f"out-{n}")
        ref_out = os.path.join(work, f"ref-{n}")
        if not os.path.isdir(fixture):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_fixture.py"), str(n), fixture,
                            "--targets", args.targets], check=True)
        clear = lambda: fresh(out)
        validate_json, validate = measure_pair([edgegen, "validate", fixture, "--format", "json"],
                                               [edgegen, "validate", fixture], args.runs)
        cold = measure([edgegen, "render", fixture, "--out", out], args.runs, prepare=clear)
        # The last cold render's files may still be on their way to the disk:
        # a warm render writes nothing and must not wait behind them.
        os.sync()
        warm = measure([edgegen, "render", fixture, "--out", out], args.runs)
        row = {"n": n, "validate": validate, "validate_json": validate_json, "cold": cold, "warm": warm, "floor": file_floor(out, args.runs)}
        if not args.no_reference:
            # Like with like: edgegen rendering only what the reference
            # renders, the same realistic projects with targets: [traefik].
            traefik_fixture = os.path.join(work, f"fixture-{n}-traefik")
            traefik_out = os.path.join(work, f"out-{n}-traefik")
            if not os.path.isdir(traefik_fixture):
                subprocess.run([sys.executable, os.path.join(HERE, "generate_fixture.py"), str(n), traefik_fixture,
                                "--targets", "traefik"], check=True)
            render = [edgegen, "render", traefik_fixture, "--out", traefik_out]
            reference = [sys.executable, os.path.join(HERE, "reference_render.py"), traefik_fixture, ref_out]
            row["traefik"], row["reference"] = measure_pair(render, reference, args.runs,
                                                            lambda: fresh(traefik_out), lambda: fresh(ref_out))
            os.sync()
            row["traefik_warm"], row["reference_warm"] = measure_pair(render, reference, args.runs)
        if n == args.kustomize_size and "kubernetes" in args.targets and shutil.which("kubectl"):
            row["kustomize"] = kustomize(out)
        rows.append(row)
        print(f"N={n}: done", file=sys.stderr)

    # The scaling goals divide a time at 10,000 by one at 1,000. Taken
    # minutes apart, a drift of a shared machine's speed would be in the
    # ratio; so, as for the other ratios, the two sizes run in turn.
    scaling = {}
    if len(sizes) >= 2:
        small, large = sizes[-2], sizes[-1]
        scaling = {"from": small, "to": large}
        validate = lambda n: [edgegen, "validate", os.path.join(work, f"fixture-{n}")]
        render = lambda n: [edgegen, "render", os.path.join(work, f"fixture-{n}"), "--out", os.path.join(work, f"out-{n}")]
        for key, command in (("validate", validate), ("warm", render)):
            scaling[key] = measure_pair(command(small), command(large), args.runs)[0]["paired"]
        print("scaling: done", file=sys.stderr)

    print(f"targets: {args.targets}; {args.runs} runs each; median (min–max); peak RSS over the runs\n")
    head = "| N | validate | render cold | render warm | peak RSS validate / render | files | creating them alone |"
    sep = "|---|---|---|---|---|---|---|"
    print(head)
    print(sep)
    for r in rows:
        print(f"| {r['n']:,} | {fmt(r['validate'])} | {fmt(r['cold'])} | {fmt(r['warm'])} | "
              f"{r['validate']['rss']:.0f} / {max(r['cold']['rss'], r['warm']['rss']):.0f} MB | "
              f"{r['floor']['files']:,} | {fmt(r['floor'])} |")
    print("\nDiagnostics (about one warning per six projects): text on standard error against JSON on standard output:\n")
    print("| N | validate, text | validate --format json | text ÷ JSON |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['n']:,} | {fmt(r['validate'])} | {fmt(r['validate_json'])} | "
              f"{r['validate_json']['paired']:.2f} |")
    if not args.no_reference:
        print("\nTraefik output only (targets: [traefik]), against the Python/PyYAML reference renderer "
              "(which, like edgegen, writes only the files that differ):\n")
        print("| N | edgegen cold | reference cold | reference ÷ edgegen | edgegen warm | reference warm | "
              "reference ÷ edgegen |")
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['n']:,} | {fmt(r['traefik'])} | {fmt(r['reference'])} | "
                  f"{r['traefik']['paired']:.1f}× | {fmt(r['traefik_warm'])} | "
                  f"{fmt(r['reference_warm'])} | {r['traefik_warm']['paired']:.1f}× |")
    if "kubernetes" in args.targets and not shutil.which("kubectl"):
        print("\n`kubectl kustomize`: not measured, kubectl is not on the PATH (install kubectl >= 1.22)")
    for r in rows:
        if "kustomize" in r:
            seconds, dirs = r["kustomize"]
            print(f"\n`kubectl kustomize` over the {dirs} directories of one environment at N={r['n']:,}: "
                  f"{seconds:.1f} s (one run)")
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        k = b["n"] / a["n"]
        print(f"\nscaling N={a['n']:,} → {b['n']:,} (×{k:g}), the medians above: validate ×{b['validate']['median'] / a['validate']['median']:.1f}, "
              f"warm render ×{b['warm']['median'] / a['warm']['median']:.1f}, cold render ×{b['cold']['median'] / a['cold']['median']:.1f}")
    if scaling:
        print(f"scaling N={scaling['from']:,} → {scaling['to']:,}, the two sizes in turn ({args.runs} pair{'s' if args.runs != 1 else ''}, "
              f"median of the pairs' ratios): validate ×{scaling['validate']:.1f}, warm render ×{scaling['warm']:.1f}")
    print_goals(rows, scaling, args)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
