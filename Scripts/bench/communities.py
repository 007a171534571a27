#!/usr/bin/env python3
"""Community detection benchmarks: PartnerNet's Louvain and Leiden beside igraph's.

1. The 100,000-node planted-partition graph of Tests/Fixtures/reference/silos_planted_100k.json
   (20 blocks of 5,000 nodes, 500,000 edges, 80 % within blocks), regenerated here from
   SplitMix64 exactly as Scripts/reference/README.md documents and checked against the
   fixture's edge hash. igraph 1.0 runs community_multilevel and
   community_leiden(objective_function="modularity", beta=0.01, n_iterations=-1) for seeds
   0-4, as the fixture does; PartnerNet runs `partnernet-bench communities planted`, which
   regenerates the same graph in Swift, with its default settings (the best of several
   runs, on all cores), on one core, and as a single run. Modularity ratios are PartnerNet
   over igraph's best of the five seeds; times are of the detection only (building the
   graph is not timed), median of repeated runs, each tool in its own process.
2. Every bundled dataset and test area, every relation selection, unweighted and weighted:
   PartnerNet's modularity with default settings over the best igraph reached in 20 seeds,
   as committed in Tests/Fixtures/reference/silos/*.json.

Usage, from the repository root:

    python3 Scripts/bench/communities.py [--repeat 3] [--write Benchmarks/RESULTS-communities.md]

It creates .venv-bench (igraph from PyPI) and builds Benchmarks/ in release mode (scratch
folder Benchmarks/.build-communities) on first use.
"""
import argparse
import array
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
SCRATCH = os.path.join(ROOT, "Benchmarks", ".build-communities")
BENCH = os.path.join(SCRATCH, "release", "partnernet-bench")
FIXTURE = os.path.join(ROOT, "Tests", "Fixtures", "reference", "silos_planted_100k.json")
MASK64 = (1 << 64) - 1

PY_IGRAPH = textwrap.dedent("""
    import array, json, random, sys, time
    import igraph
    path, n, seeds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, "rb") as f:
        flat = array.array("i")
        flat.frombytes(f.read())
    g = igraph.Graph(n=n, edges=list(zip(flat[0::2], flat[1::2])), directed=False)
    out = {}
    for method in ("louvain", "leiden"):
        runs = []
        for seed in range(seeds):
            random.seed(seed)
            start = time.perf_counter()
            if method == "louvain":
                c = g.community_multilevel(weights=None, return_levels=False, resolution=1)
            else:
                c = g.community_leiden(objective_function="modularity", weights=None, resolution=1,
                                       beta=0.01, n_iterations=-1)
            seconds = time.perf_counter() - start
            runs.append({"seed": seed, "seconds": seconds, "modularity": g.modularity(c.membership),
                         "communities": len(set(c.membership))})
        out[method] = runs
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    out["peak_rss_mb"] = peak
    print(json.dumps(out))
""")


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def bounded(self, k):
        return (self.next() * k) >> 64


def planted_edges(p):
    """The planted-partition graph, as Scripts/reference/README.md specifies it."""
    rng = SplitMix64(p["seed"])
    size = p["block_size"]
    edges, seen, attempts = [], set(), 0
    while len(edges) < p["edges"]:
        attempts += 1
        u = rng.bounded(p["nodes"])
        c = rng.bounded(p["within_denominator"])
        v = (u // size) * size + rng.bounded(size) if c < p["within_numerator"] else rng.bounded(p["nodes"])
        if u == v:
            continue
        key = (u, v) if u < v else (v, u)
        if key in seen:
            continue
        seen.add(key)
        edges.append((u, v))
    return edges, attempts


def fnv1a(edges):
    h = 0xCBF29CE484222325
    for u, v in edges:
        for x in (u, v):
            h ^= x
            h = (h * 0x100000001B3) & MASK64
    return f"{h:016x}"


def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.strip().splitlines() if line.startswith("{")]


def ensure_tools():
    if not os.path.exists(PY):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([PY, "-c", "import igraph"], capture_output=True).returncode != 0:
        subprocess.run([PY, "-m", "pip", "install", "-q", "igraph"], check=True)
    # A path dependency's list of files is cached with the build manifest: rebuild it.
    subprocess.run(["swift", "build", "-c", "release", "--package-path", os.path.join(ROOT, "Benchmarks"),
                    "--scratch-path", SCRATCH, "--disable-build-manifest-caching"],
                   check=True, stdout=subprocess.DEVNULL)
    return subprocess.run([PY, "-c", "import igraph; print(igraph.__version__)"],
                          check=True, capture_output=True, text=True).stdout.strip()


def planted(args, fixture):
    p = fixture["parameters"]
    edges, attempts = planted_edges(p)
    checks = fixture["checks"]
    assert attempts == checks["attempts"] and fnv1a(edges) == checks["fnv1a64_edges"], "planted graph differs"
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "planted.bin")
        with open(path, "wb") as f:
            array.array("i", [x for edge in edges for x in edge]).tofile(f)
        theirs = json.loads(subprocess.run([PY, "-c", PY_IGRAPH, path, str(p["nodes"]), "5"], check=True,
                                           capture_output=True, text=True).stdout)
    repeat = str(args.repeat)
    ours = {
        "default": run([BENCH, "communities", "planted", "--repeat", repeat]),
        "one core": run(["taskset", "-c", "0", BENCH, "communities", "planted", "--repeat", repeat]),
        "one run": run([BENCH, "communities", "planted", "--runs", "1", "--repeat", repeat]),
    }
    for setting, lines in ours.items():
        for line in lines:
            assert line["fnv1a64_edges"] == checks["fnv1a64_edges"], "the Swift regeneration differs"
    return theirs, ours


def areas():
    lines = run([BENCH, "communities", "fixtures", ROOT])
    by_area = {}
    for line in lines:
        if line["igraph_modularity"] is None:
            assert line["modularity"] is None, line
            continue
        theirs, ours = line["igraph_modularity"], line["modularity"]
        # A single community scores 0 for both tools: count it as equal.
        ratio = ours / theirs if theirs > 0 else (1.0 if ours >= theirs - 1e-12 else 0.0)
        entry = by_area.setdefault(line["dataset"], {"louvain": [], "leiden": [], "cases": set(), "nodes": line["nodes"]})
        entry[line["method"]].append(ratio)
        entry["cases"].add((tuple(line["relations"]), line["weighted"]))
    return by_area


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", help="also write the results as Markdown to this file")
    args = parser.parse_args()
    igraph_version = ensure_tools()
    with open(FIXTURE) as f:
        fixture = json.load(f)
    theirs, ours = planted(args, fixture)
    by_area = areas()

    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; igraph {igraph_version} "
        f"(python-igraph), Python {platform.python_version()}.",
        "",
        "## 100,000-node planted-partition graph",
        "",
        f"20 blocks of 5,000 nodes, 500,000 edges (Tests/Fixtures/reference/silos_planted_100k.json); "
        f"the planted blocks score {fixture['modularity_blocks']:.5f}.",
        "",
        "| method | igraph best of seeds 0–4 | PartnerNet default | ratio | PartnerNet one run | ratio | "
        "communities (igraph / PartnerNet) |",
        "|---|---|---|---|---|---|---|",
    ]
    for method in ("louvain", "leiden"):
        best = max(theirs[method], key=lambda r: r["modularity"])
        default = next(r for r in ours["default"] if r["method"] == method)
        single = next(r for r in ours["one run"] if r["method"] == method)
        lines.append(
            f"| {method.capitalize()} | {best['modularity']:.5f} | {default['modularity']:.5f} | "
            f"{default['modularity'] / best['modularity']:.4f} | {single['modularity']:.5f} | "
            f"{single['modularity'] / best['modularity']:.4f} | {best['communities']} / {default['communities']} |")
    lines += [
        "",
        "| method | igraph one run (median of 5 seeds) | igraph 5 seeds | PartnerNet default, all cores | "
        "PartnerNet default, one core | PartnerNet one run | peak memory MB (igraph / PartnerNet) |",
        "|---|---|---|---|---|---|---|",
    ]
    for method in ("louvain", "leiden"):
        times = [r["seconds"] for r in theirs[method]]
        default = next(r for r in ours["default"] if r["method"] == method)
        pinned = next(r for r in ours["one core"] if r["method"] == method)
        single = next(r for r in ours["one run"] if r["method"] == method)
        runs = default["runs"]
        lines.append(
            f"| {method.capitalize()} | {statistics.median(times):.2f} s | {sum(times):.2f} s | "
            f"{statistics.median(default['seconds']):.2f} s ({runs} runs) | "
            f"{statistics.median(pinned['seconds']):.2f} s | {statistics.median(single['seconds']):.2f} s | "
            f"{theirs['peak_rss_mb']:.0f} / {default['peak_rss_mb']:.0f} |")
    lines += [
        "",
        "## Every dataset and test area",
        "",
        "PartnerNet's modularity (default settings, seed 0) over the best igraph reached in seeds 0–19, "
        "on the undirected skeleton, for every relation selection, unweighted and weighted "
        "(Tests/Fixtures/reference/silos/*.json); lowest and highest ratio over the area's cases. "
        "Areas without ties are left out.",
        "",
        "| area | nodes | cases | Louvain: lowest ratio | highest | Leiden: lowest ratio | highest |",
        "|---|---|---|---|---|---|---|",
    ]
    lowest = 1e9
    for name in sorted(by_area):
        entry = by_area[name]
        lowest = min(lowest, min(entry["louvain"]), min(entry["leiden"]))
        lines.append(
            f"| {name} | {entry['nodes']} | {len(entry['cases'])} | {min(entry['louvain']):.4f} | "
            f"{max(entry['louvain']):.4f} | {min(entry['leiden']):.4f} | {max(entry['leiden']):.4f} |")
    lines += [
        "",
        f"Lowest ratio anywhere: {lowest:.6f} (target: at least 0.99; below 1 only by rounding).",
        "",
        "PartnerNet's default is the best of several independent runs (4 on the large graph, up to 300 on "
        "small ones; `Communities.defaultRuns`), run on all cores; igraph's figures are its best over "
        "several seeds, each seed a separate single-threaded run. PartnerNet's Louvain, like both tools' "
        "Leiden, repeats whole iterations from its last partition until one changes nothing; on the planted "
        "graph its first iteration stops near 0.575, as igraph's single pass does, and the later ones reach "
        "0.71–0.76. Command: `python3 Scripts/bench/communities.py`.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        with open(args.write, "w") as f:
            f.write("# Community detection benchmarks\n\n" + text)


if __name__ == "__main__":
    main()
