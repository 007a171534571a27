#!/usr/bin/env python3
"""Reading network files: PartnerNet side by side with igraph and networkx in one run.

One random directed network of 1,000,000 weighted arcs over 100,000 vertices (seeded), written
three ways:

  edges.csv   headerless "v12,v345,7" lines     PartnerNet (the CSV layer), networkx read_edgelist
  edges.txt   whitespace "v12 v345 7" lines     PartnerNet, igraph Read_Ncol, networkx read_edgelist
  edges.net   Pajek *Vertices / *Arcs           PartnerNet, igraph Read_Pajek, networkx read_pajek

PartnerNet's time is the whole `partnernet validate FILE` process: reading, every check of the
area (unknown organisations, weights, duplicates), and the report; igraph's and networkx's are
the reading call alone, in a process of its own. Each is run --repeat times; the median and the
process's peak resident memory are reported. Usage, from the repository root:

    python3 Scripts/bench/formats.py [--repeat 3] [--write Benchmarks/RESULTS-formats.md] [--scratch-path .build]

It builds partnernet in release mode (.build/release) and uses .venv-bench (igraph and
networkx from PyPI, as Scripts/bench/foundation.py makes it) when present, else the system
Python.
"""
import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV_PY = os.path.join(ROOT, ".venv-bench", "bin", "python")
PY = VENV_PY if os.path.exists(VENV_PY) else sys.executable
BINARY = os.path.join(ROOT, ".build", "release", "partnernet")

PY_READ = textwrap.dedent("""
    import json, resource, sys, time
    tool, kind, path = sys.argv[1], sys.argv[2], sys.argv[3]
    start = time.perf_counter()
    if tool == "igraph":
        import igraph
        if kind == "pajek":
            g = igraph.Graph.Read_Pajek(path)
        else:
            g = igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=True)
        counts = (g.vcount(), g.ecount())
    else:
        import networkx as nx
        if kind == "pajek":
            g = nx.read_pajek(path)
        elif kind == "csv":
            g = nx.read_edgelist(path, delimiter=",", data=[("weight", float)], create_using=nx.MultiDiGraph)
        else:
            g = nx.read_edgelist(path, data=[("weight", float)], create_using=nx.MultiDiGraph)
        counts = (g.number_of_nodes(), g.number_of_edges())
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": peak, "counts": counts}))
""")


def write_files(folder, n, m):
    rng = random.Random(20251122)
    arcs = [(rng.randrange(n), rng.randrange(n), rng.randrange(1, 10)) for _ in range(m)]
    with open(os.path.join(folder, "edges.csv"), "w") as f:
        f.writelines(f"v{u},v{v},{w}\n" for u, v, w in arcs)
    with open(os.path.join(folder, "edges.txt"), "w") as f:
        f.writelines(f"v{u} v{v} {w}\n" for u, v, w in arcs)
    with open(os.path.join(folder, "edges.net"), "w") as f:
        f.write(f"*Vertices {n}\n")
        f.writelines(f'{i + 1} "v{i}"\n' for i in range(n))
        f.write("*Arcs\n")
        f.writelines(f"{u + 1} {v + 1} {w}\n" for u, v, w in arcs)


def run_partnernet(path, extra):
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", BINARY, "validate", path] + extra,
        capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"partnernet failed on {path}:\n{result.stderr[-2000:]}")
    peak = int(result.stderr.strip().split("\n")[-1]) / 1024
    return {"seconds": elapsed, "peak_mb": peak}


def run_python(tool, kind, path):
    import json
    out = subprocess.run([PY, "-c", PY_READ, tool, kind, path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def median(runs):
    return statistics.median(r["seconds"] for r in runs), max(r["peak_mb"] for r in runs)


def versions():
    out = subprocess.run(
        [PY, "-c", "import igraph, networkx, sys; print(igraph.__version__, networkx.__version__, sys.version.split()[0])"],
        capture_output=True, text=True, check=True).stdout.split()
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", default=None)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--vertices", type=int, default=100_000)
    parser.add_argument("--scratch-path", default=".build", help="swift build's scratch path (default .build)")
    args = parser.parse_args()

    global BINARY
    BINARY = os.path.join(ROOT, args.scratch_path, "release", "partnernet")
    subprocess.run(
        ["swift", "build", "-c", "release", "--product", "partnernet", "--scratch-path", args.scratch_path],
        cwd=ROOT, check=True)
    folder = tempfile.mkdtemp(prefix="partnernet-formats-")
    write_files(folder, args.vertices, args.edges)

    tasks = [
        ("edge list, CSV (`edges.csv`)", "csv", "edges.csv", ["--directed"], [("networkx", "csv")]),
        ("edge list, white space (`edges.txt`)", "txt", "edges.txt", ["--directed"], [("igraph", "ncol"), ("networkx", "txt")]),
        ("Pajek (`edges.net`)", "pajek", "edges.net", [], [("igraph", "pajek"), ("networkx", "pajek")]),
    ]
    rows = []
    for title, kind, name, extra, others in tasks:
        path = os.path.join(folder, name)
        ours = median([run_partnernet(path, extra) for _ in range(args.repeat)])
        theirs = {}
        for tool, how in others:
            theirs[tool] = median([run_python(tool, how if how != "ncol" else "txt", path) for _ in range(args.repeat)])
        rows.append((title, ours, theirs))
        print(title, ours, theirs, flush=True)

    igraph_version, networkx_version, python_version = versions()
    lines = [
        "# Reading network files",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; igraph {igraph_version} "
        f"(python-igraph), networkx {networkx_version}, Python {python_version}.",
        "",
        f"One random directed network, {args.edges:,} weighted arcs over {args.vertices:,} vertices, in three files.",
        "PartnerNet's time is the whole `partnernet validate FILE` process (read, check every",
        "tie, report); igraph's and networkx's the reading call alone.",
        "",
        "| file | PartnerNet | igraph | networkx | igraph ÷ PartnerNet | networkx ÷ PartnerNet | peak memory MB (PartnerNet / igraph / networkx) |",
        "|---|---|---|---|---|---|---|",
    ]
    for title, ours, theirs in rows:
        def cell(tool):
            return f"{theirs[tool][0]:.3f} s" if tool in theirs else "—"

        def ratio(tool):
            return f"{theirs[tool][0] / ours[0]:.1f}×" if tool in theirs else "—"

        def memory(tool):
            return f"{theirs[tool][1]:.0f}" if tool in theirs else "—"

        lines.append(
            f"| {title} | {ours[0]:.3f} s | {cell('igraph')} | {cell('networkx')} | {ratio('igraph')} | "
            f"{ratio('networkx')} | {ours[1]:.0f} / {memory('igraph')} / {memory('networkx')} |")
    lines += [
        "",
        "igraph has no CSV reader (its `Read_Ncol` takes white space); networkx reads the edge lists",
        "into a `MultiDiGraph` so that no arc is merged. Median of repeated runs, each in its own",
        f"process. Command: `python3 Scripts/bench/formats.py --repeat {args.repeat}`.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        with open(os.path.join(ROOT, args.write), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
