#!/usr/bin/env python3
"""Foundation benchmarks, PartnerNet side by side with igraph and networkx in one run.

1. Build a directed graph from 1,000,000 random arcs over 100,000 nodes (duplicates merged,
   weights summed): PartnerNet's compressed rows (out- and in-adjacency) against
   igraph.Graph(...).simplify(combine_edges="sum") and networkx.DiGraph.
2. Load an area of 10,000 organisations and 100,000 relationships from CSV into a graph:
   PartnerNet reads and checks every file (AreaSource.read) and builds the graph; igraph and
   networkx read the same CSV files with Python's csv module and build theirs.

Each task runs in its own process, repeated; the median time and the process's peak
resident memory are reported. Usage, from the repository root:

    python3 Scripts/bench/foundation.py [--repeat 5] [--write Benchmarks/RESULTS-foundation.md]

It creates .venv-bench (igraph and networkx from PyPI) and builds Benchmarks/ in release
mode on first use.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.path.join(ROOT, ".venv-bench")
PY = os.path.join(VENV, "bin", "python")
BENCH = os.path.join(ROOT, "Benchmarks", ".build", "release", "partnernet-bench")

PY_BUILD = textwrap.dedent("""
    import json, random, resource, sys, time
    tool, n, m, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(1)
    edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]
    weights = [float(rng.randrange(1, 10)) for _ in range(m)]
    times = []
    for _ in range(repeat):
        if tool == "igraph":
            import igraph
            start = time.perf_counter()
            g = igraph.Graph(n=n, edges=edges, directed=True, edge_attrs={"weight": weights})
            g.simplify(multiple=True, loops=True, combine_edges="sum")
            arcs = g.ecount()
        else:
            import networkx as nx
            start = time.perf_counter()
            g = nx.DiGraph()
            g.add_nodes_from(range(n))
            for (u, v), w in zip(edges, weights):
                if u == v:
                    continue
                if g.has_edge(u, v):
                    g[u][v]["weight"] += w
                else:
                    g.add_edge(u, v, weight=w)
            arcs = g.number_of_edges()
        times.append(time.perf_counter() - start)
        del g
    print(json.dumps({"task": "build", "seconds": times, "arcs_stored": arcs,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""")

PY_LOAD = textwrap.dedent("""
    import csv, json, os, resource, sys, time
    tool, folder, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with open(os.path.join(folder, "organisations.csv"), newline="", encoding="utf-8-sig") as f:
            organisations = list(csv.DictReader(f))
        with open(os.path.join(folder, "relationships.csv"), newline="", encoding="utf-8-sig") as f:
            ties = [(r["source"], r["target"], float(r["weight"] or 1)) for r in csv.DictReader(f)]
        ids = [o["id"] for o in organisations]
        if tool == "igraph":
            import igraph
            index = {v: i for i, v in enumerate(ids)}
            g = igraph.Graph(n=len(ids), edges=[(index[s], index[t]) for s, t, _ in ties], directed=True,
                             vertex_attrs={"name": ids, "sector": [o["sector"] for o in organisations]},
                             edge_attrs={"weight": [w for _, _, w in ties]})
            g.simplify(multiple=True, loops=True, combine_edges="sum")
            arcs = g.ecount()
        else:
            import networkx as nx
            g = nx.DiGraph()
            g.add_nodes_from((o["id"], o) for o in organisations)
            for s, t, w in ties:
                if s == t:
                    continue
                if g.has_edge(s, t):
                    g[s][t]["weight"] += w
                else:
                    g.add_edge(s, t, weight=w)
            arcs = g.number_of_edges()
        times.append(time.perf_counter() - start)
        del g
    print(json.dumps({"task": "load", "seconds": times, "arcs": arcs,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""")


def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def ensure_tools():
    if not os.path.exists(PY):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([PY, "-m", "pip", "install", "-q", "igraph", "networkx"], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--package-path", os.path.join(ROOT, "Benchmarks")],
                   check=True, stdout=subprocess.DEVNULL)
    versions = subprocess.run([PY, "-c", "import igraph, networkx; print(igraph.__version__, networkx.__version__)"],
                              check=True, capture_output=True, text=True).stdout.split()
    return {"igraph": versions[0], "networkx": versions[1]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", help="also write the results as Markdown to this file")
    args = parser.parse_args()
    versions = ensure_tools()
    n, m = 100_000, 1_000_000
    rows = []
    results = {
        "PartnerNet": run([BENCH, "build", "--nodes", str(n), "--arcs", str(m), "--repeat", str(args.repeat)]),
        "igraph": run([PY, "-c", PY_BUILD, "igraph", str(n), str(m), str(args.repeat)]),
        "networkx": run([PY, "-c", PY_BUILD, "networkx", str(n), str(m), str(max(1, args.repeat // 2))]),
    }
    rows.append(("build a graph from 1,000,000 arcs (100,000 nodes)", results))
    with tempfile.TemporaryDirectory() as folder:
        area = os.path.join(folder, "area")
        subprocess.run([BENCH, "write-area", area, "--organisations", "10000", "--relationships", "100000"], check=True)
        results = {
            "PartnerNet": run([BENCH, "load", area, "--repeat", str(args.repeat)]),
            "igraph": run([PY, "-c", PY_LOAD, "igraph", area, str(args.repeat)]),
            "networkx": run([PY, "-c", PY_LOAD, "networkx", area, str(args.repeat)]),
        }
        rows.append(("load an area of 100,000 relationships from CSV", results))

    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; "
        f"igraph {versions['igraph']} (python-igraph), networkx {versions['networkx']}, Python {platform.python_version()}.",
        "",
        "| task | PartnerNet | igraph | networkx | igraph ÷ PartnerNet | networkx ÷ PartnerNet | peak memory MB (PartnerNet / igraph / networkx) |",
        "|---|---|---|---|---|---|---|",
    ]
    for task, results in rows:
        median = {tool: statistics.median(r["seconds"]) for tool, r in results.items()}
        memory = " / ".join(f"{results[t]['peak_rss_mb']:.0f}" for t in ("PartnerNet", "igraph", "networkx"))
        lines.append(
            f"| {task} | {median['PartnerNet']:.3f} s | {median['igraph']:.3f} s | {median['networkx']:.3f} s | "
            f"{median['igraph'] / median['PartnerNet']:.1f}× | {median['networkx'] / median['PartnerNet']:.1f}× | {memory} |")
    lines += ["", "Median of repeated runs, each tool in its own process. Command: "
              "`python3 Scripts/bench/foundation.py`."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        with open(args.write, "w") as f:
            f.write("# Foundation benchmarks\n\n" + text)


if __name__ == "__main__":
    main()
