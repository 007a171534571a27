#!/usr/bin/env python3
"""E-I permutation test benchmark: PartnerNet beside the same test written with igraph.

A 400-organisation area (5 sectors, 2,000 directed relationships in two relations, written
by `partnernet-bench write-area`) is tested by sector with 10,000 shuffles of the labels.

- PartnerNet: `partnernet-bench ei-permutation` (Graph.eiPermutationTest: 64 fixed blocks
  of shuffles on all cores; also run under `taskset -c 0` for one core).
- igraph: the graph read into python-igraph from the same CSV files, duplicate ties of the
  two relations merged (`simplify(combine_edges="sum")`, as PartnerNet's union of
  relations does); E and I counted over its edge list with numpy, labels shuffled with
  `numpy.random.Generator.permutation` for each of the 10,000 permutations; p-values
  (k + 1)/(N + 1). This is the fastest natural way to write the test with igraph (a Python
  loop over `g.es` is about 100 times slower still).

The observed E-I must agree exactly and the p-values to within sampling error (different
random streams). Times are the test only (reading and building the graph not timed),
median of repeated runs, each tool in its own process.

Usage, from the repository root:

    python3 Scripts/bench/silos.py [--repeat 5] [--write Benchmarks/RESULTS-silos.md]

It creates .venv-bench (igraph and numpy from PyPI) and builds Benchmarks/ in release mode
(scratch folder Benchmarks/.build-silos) on first use.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import tempfile
import textwrap

from benchlib import PY, ROOT, build_benchmarks, ensure_python, json_lines, publish, version

SCRATCH = os.path.join(ROOT, "Benchmarks", ".build-silos")

PY_IGRAPH = textwrap.dedent("""
    import csv, json, os, sys, time
    import igraph, numpy as np
    folder, permutations, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(os.path.join(folder, "organisations.csv"), newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    index = {row["id"]: i for i, row in enumerate(rows)}
    sectors = sorted({row["sector"] for row in rows})
    labels = np.array([sectors.index(row["sector"]) for row in rows])
    with open(os.path.join(folder, "relationships.csv"), newline="", encoding="utf-8-sig") as f:
        ties = [(index[r["source"]], index[r["target"]]) for r in csv.DictReader(f)]
    g = igraph.Graph(n=len(rows), edges=ties, directed=True)
    g.es["weight"] = 1
    g.simplify(multiple=True, loops=True, combine_edges="sum")
    edges = np.array(g.get_edgelist())
    s, t = edges[:, 0], edges[:, 1]
    def ei(m):
        e = int(np.count_nonzero(m[s] != m[t]))
        return (2 * e - len(s)) / len(s)
    observed = ei(labels)
    times = []
    for _ in range(repeats):
        rng = np.random.default_rng(1)
        start = time.perf_counter()
        low = high = 0
        for _ in range(permutations):
            value = ei(rng.permutation(labels))
            low += value <= observed + 1e-12
            high += value >= observed - 1e-12
        times.append(time.perf_counter() - start)
    print(json.dumps({"seconds": times, "arcs": g.ecount(), "ei_index": observed,
                      "p_low": (low + 1) / (permutations + 1), "p_high": (high + 1) / (permutations + 1)}))
""")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--permutations", type=int, default=10_000)
    parser.add_argument("--write", help="write the Markdown table to this file")
    args = parser.parse_args()
    ensure_python(["igraph", "numpy"], ["igraph", "numpy"])
    igraph_version, numpy_version = version("igraph"), version("numpy")
    BENCH = build_benchmarks(SCRATCH)
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "area")
        subprocess.run([BENCH, "write-area", folder, "--organisations", "400", "--relationships", "2000",
                        "--seed", "5"], check=True)
        task = [BENCH, "ei-permutation", folder, "--permutations", str(args.permutations),
                "--repeat", str(args.repeat)]
        ours = json_lines(task)[0]
        ours_one = json_lines(["taskset", "-c", "0"] + task)[0]
        theirs = json.loads(subprocess.run([PY, "-c", PY_IGRAPH, folder, str(args.permutations), str(args.repeat)],
                                           check=True, capture_output=True, text=True).stdout)
    assert ours["arcs"] == theirs["arcs"], (ours["arcs"], theirs["arcs"])
    assert abs(ours["ei_index"] - theirs["ei_index"]) < 1e-12, (ours["ei_index"], theirs["ei_index"])
    a, b, c = (statistics.median(x["seconds"]) for x in (ours, ours_one, theirs))
    lines = [
        "# E-I permutation test benchmark",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; python-igraph {igraph_version}, "
        f"numpy {numpy_version}, Python {platform.python_version()}.",
        "",
        f"Area: 400 organisations in 5 sectors, {ours['arcs']} distinct directed ties; E-I by sector "
        f"{ours['ei_index']:.4f} (both tools); {args.permutations:,} shuffles of the sector labels.",
        "",
        "| tool | seconds (median) | P(E-I ≤ observed) | P(E-I ≥ observed) | igraph ÷ tool |",
        "|---|---|---|---|---|",
        f"| PartnerNet, 2 cores | {a:.4f} | {ours['p_low']:.4f} | {ours['p_high']:.4f} | {c / a:.1f}× |",
        f"| PartnerNet, 1 core | {b:.4f} | {ours_one['p_low']:.4f} | {ours_one['p_high']:.4f} | {c / b:.1f}× |",
        f"| igraph + numpy | {c:.4f} | {theirs['p_low']:.4f} | {theirs['p_high']:.4f} | 1.0× |",
        "",
        f"Median of {args.repeat} runs, each tool in its own process; the p-values differ only by sampling "
        "(different random streams). Command: `python3 Scripts/bench/silos.py`.",
    ]
    publish(lines, args.write)


if __name__ == "__main__":
    main()
