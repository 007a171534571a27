#!/usr/bin/env python3
"""Comparing many areas: `partnernet compare` over 350 generated areas beside the same
computation written in Python with igraph.

1. `partnernet generate --areas 350 --seed 7` writes the collection (release build).
2. PartnerNet: `partnernet compare DIR -f csv` from a cold start (a new process each run:
   reading every area with all its checks, every measure, E-I with 1,000 label shuffles per
   area), on both cores and pinned to one with `taskset -c 0`.
3. igraph: one Python process reads each area's CSV files, builds the directed graph of all
   relations (duplicate ties merged, as PartnerNet's union), and computes the same columns:
   density, reciprocity, Freeman degree and betweenness centralisation (sna's
   denominators), the E-I index by sector with 1,000 numpy label shuffles, the modularity
   of the sectors (igraph), the local authority's share of degree and betweenness, the
   fragmentation of the network with and without it (igraph's components), the Gini of both, duplicated pairs of partnerships (Jaccard >= 0.5, Python sets), nesting
   depth, the local authority's share of chairs, and its seat share and Banzhaf and
   Shapley-Shubik power on the main board (PyPI powerindex). Reading is included, as it is
   for PartnerNet.

The two tools' values are checked against each other on every area (p-values only to
sampling error: the random streams differ). Times are whole runs, median of repeats.

Usage, from the repository root:

    python3 Scripts/bench/compare.py [--repeat 3] [--write Benchmarks/RESULTS-compare.md]

It creates .venv-bench (igraph, numpy, powerindex from PyPI) on first use.
"""
import argparse
import csv
import io
import json
import os
import platform
import statistics
import subprocess
import tempfile
import textwrap
import time

from benchlib import PY, ROOT, ensure_python, publish, version

BINARY = os.path.join(ROOT, ".build", "release", "partnernet")

PY_IGRAPH = textwrap.dedent(r'''
    import csv, json, os, sys, time
    import igraph, numpy as np, powerindex

    def rows(path):
        if not os.path.exists(path):
            return []
        with open(path, newline="", encoding="utf-8-sig") as f:
            return [{k.lower(): v for k, v in r.items()} for r in csv.DictReader(f)]

    def gini(x):
        x = np.sort(np.asarray(x, dtype=float))
        n, total = len(x), x.sum()
        return float(((2 * np.arange(1, n + 1) - n - 1) * x).sum() / (n * total)) if total > 0 else None

    def area(folder, rng):
        meta = json.load(open(os.path.join(folder, "area.json")))
        orgs = rows(os.path.join(folder, "organisations.csv"))
        index = {o["id"]: i for i, o in enumerate(orgs)}
        n = len(orgs)
        ties = [(index[r["source"]], index[r["target"]]) for r in rows(os.path.join(folder, "relationships.csv"))]
        g = igraph.Graph(n=n, edges=ties, directed=True)
        g.es["weight"] = 1.0
        g.simplify(multiple=True, loops=True, combine_edges="sum")
        m = g.ecount()
        out = {"organisations": n, "ties": m, "density": m / (n * (n - 1)), "reciprocity": g.reciprocity()}
        degree = np.array(g.degree(mode="all"), dtype=float)
        out["degree_centralization"] = float((degree.max() - degree).sum() / (2 * (n - 1) * (n - 2)))
        betweenness = np.array(g.betweenness(directed=True), dtype=float)
        out["betweenness_centralization"] = float((betweenness.max() - betweenness).sum() / ((n - 1) ** 2 * (n - 2)))
        sectors = sorted({o["sector"] for o in orgs})
        labels = np.array([sectors.index(o["sector"]) for o in orgs])
        edges = np.array(g.get_edgelist())
        s, t = edges[:, 0], edges[:, 1]
        def ei(lab):
            e = int(np.count_nonzero(lab[s] != lab[t]))
            return (2 * e - m) / m
        observed = ei(labels)
        low = high = 0
        for _ in range(1000):
            value = ei(rng.permutation(labels))
            low += value <= observed + 1e-12
            high += value >= observed - 1e-12
        out["ei_index"] = observed
        out["ei_index_p_low"] = (low + 1) / 1001
        out["modularity_groups"] = g.modularity(list(labels), directed=True)
        focal_sector = meta.get("focal_sector", "local-authority")
        focal = np.array([o["sector"] == focal_sector for o in orgs])
        out["focal_share[degree]"] = float(degree[focal].sum() / degree.sum())
        out["focal_share[betweenness]"] = float(betweenness[focal].sum() / betweenness.sum()) if betweenness.sum() > 0 else None
        def fragmentation(graph):
            k = graph.vcount()
            sizes = graph.connected_components(mode="weak").sizes()
            return 1 - sum(x * (x - 1) for x in sizes) / (k * (k - 1)) if k > 1 else None
        out["fragmentation"] = fragmentation(g)
        rest = g.copy()
        rest.delete_vertices([i for i in range(n) if focal[i]])
        out["fragmentation_without_focal"] = fragmentation(rest)
        out["gini[degree]"] = gini(degree)
        out["gini[betweenness]"] = gini(betweenness)
        parts = rows(os.path.join(folder, "partnerships.csv"))
        seats = rows(os.path.join(folder, "memberships.csv"))
        members = {p["id"]: set() for p in parts}
        for seat in seats:
            members[seat["partnership"]].add(seat["organisation"])
        ids = [p["id"] for p in parts]
        out["duplicate_pairs"] = sum(1 for i, a in enumerate(ids) for b in ids[i + 1:]
                                     if members[a] & members[b] and len(members[a] & members[b]) / len(members[a] | members[b]) >= 0.5)
        parent = {p["id"]: p.get("parent") or None for p in parts}
        def depth(p):
            d = 0
            while parent[p]:
                p, d = parent[p], d + 1
            return d
        out["nesting_depth"] = max(depth(p) for p in ids)
        focal_ids = {o["id"] for o in orgs if o["sector"] == focal_sector}
        chairs = [s_["organisation"] for s_ in seats if s_.get("role") == "chair"]
        out["chair_share"] = sum(c in focal_ids for c in chairs) / len(chairs)
        roots = [p for p in ids if not parent[p]]
        board = max(roots, key=lambda p: (len(members[p]), -ids.index(p)))
        board_seats = [s_ for s_ in seats if s_["partnership"] == board]
        votes = [int(s_["votes"]) if s_.get("votes") else (0 if s_.get("role") == "observer" else 1) for s_ in board_seats]
        out["board_seat_share"] = sum(s_["organisation"] in focal_ids for s_ in board_seats) / len(board_seats)
        playing = [i for i, v in enumerate(votes) if v > 0]
        game = powerindex.Game(quota=sum(votes) // 2 + 1, weights=[votes[i] for i in playing])
        game.calc_banzhaf()
        game.calc_shapley_shubik()
        out["board_banzhaf"] = sum(b for i, b in zip(playing, game.banzhaf) if board_seats[i]["organisation"] in focal_ids)
        out["board_shapley_shubik"] = sum(b for i, b in zip(playing, game.shapley_shubik) if board_seats[i]["organisation"] in focal_ids)
        return out

    collection = sys.argv[1]
    rng = np.random.default_rng(1)
    start = time.perf_counter()
    results = {}
    for name in sorted(os.listdir(collection)):
        folder = os.path.join(collection, name)
        if os.path.isdir(folder):
            results[folder] = area(folder, rng)
    print(json.dumps({"seconds": time.perf_counter() - start, "areas": results}))
''')


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - start, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--areas", type=int, default=350)
    parser.add_argument("--write", help="write the Markdown table to this file")
    args = parser.parse_args()
    ensure_python(["igraph", "numpy", "powerindex"], ["igraph", "numpy", "powerindex"])
    igraph_version, numpy_version = version("igraph"), version("numpy")
    subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT, "--product", "partnernet"],
                   check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        collection = os.path.join(tmp, "areas")
        subprocess.run([BINARY, "generate", "--areas", str(args.areas), "--seed", "7", "-o", collection],
                       check=True, capture_output=True)
        command = [BINARY, "compare", collection, "-f", "csv"]
        both, one, ours = [], [], None
        for _ in range(args.repeat):
            seconds, result = timed(command)
            assert result.returncode == 0, result.stderr
            both.append(seconds)
            ours = result.stdout
            seconds, result = timed(["taskset", "-c", "0"] + command)
            one.append(seconds)
        theirs_runs = []
        for _ in range(args.repeat):
            seconds, result = timed([PY, "-c", PY_IGRAPH, collection])
            assert result.returncode == 0, result.stderr
            theirs_runs.append(seconds)
            theirs = json.loads(result.stdout)
    # Check the two agree.
    table = list(csv.DictReader(io.StringIO(ours)))
    assert len(table) == args.areas == len(theirs["areas"])
    worst = {}
    for row in table:
        other = theirs["areas"][row["path"]]
        for column, value in other.items():
            if value is None or row[column] == "":
                assert value is None and row[column] == "", (row["path"], column, row[column], value)
                continue
            tolerance = 0.1 if column.endswith("p_low") else 1e-9
            difference = abs(float(row[column]) - value)
            assert difference <= tolerance * max(1, abs(value)), (row["path"], column, row[column], value)
            worst[column] = max(worst.get(column, 0), difference)
    a, b, c = statistics.median(both), statistics.median(one), statistics.median(theirs_runs)
    lines = [
        "# Comparing areas benchmark",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; python-igraph {igraph_version}, "
        f"numpy {numpy_version}, powerindex, Python {platform.python_version()}.",
        "",
        f"{args.areas} areas from `partnernet generate --areas {args.areas} --seed 7` (25 to 60 organisations, "
        "3 to 6 partnerships each); every headline column of `partnernet compare`, E-I with 1,000 label shuffles per area.",
        "",
        "| tool | whole run, seconds (median) | igraph ÷ tool |",
        "|---|---|---|",
        f"| `partnernet compare`, 2 cores, cold start | {a:.2f} | {c / a:.1f}× |",
        f"| `partnernet compare`, 1 core | {b:.2f} | {c / b:.1f}× |",
        f"| Python with igraph, numpy and powerindex | {c:.2f} | 1.0× |",
        "",
        f"Median of {args.repeat} runs, each a new process (reading the CSV files included for both). Every value "
        "agreed between the two on every area (to 1e-9; the E-I p-values, from different random streams of 1,000 shuffles, to 0.1). "
        "Command: `python3 Scripts/bench/compare.py`.",
    ]
    publish(lines, args.write)


if __name__ == "__main__":
    main()
