#!/usr/bin/env python3
"""Balance-of-power and brokerage benchmarks, PartnerNet side by side with PyPI powerindex,
igraph, networkx and R sna in one run.

Voting power (exact Banzhaf and Shapley-Shubik indices of a weighted voting game):

  * board-200: 200 seats, 1-10 votes each (seeded), quota more than half: the target is
    under 100 ms for both indices together;
  * board-150: the same with 150 seats (powerindex computes Shapley-Shubik for at most 170
    players: it converts N! to a float);
  * board-200-equal: 200 seats of one vote each;
  * board-200-wide: 200 seats of 1-100 votes (about 10,000 votes in all).

PartnerNet (`partnernet-bench voting`) and powerindex 0.3.5 (`Game.calc_banzhaf()`,
`Game.calc_shapley_shubik()`, timed separately) solve the same game, and their indices
must agree to 1e-9 (sums of squares).

Structural holes and brokerage on 10,000 nodes:

  * ba-10k: a Barabasi-Albert graph of 10,000 nodes and 99,900 edges (undirected, 10 edges
    per new node; the centrality benchmarks' graph);
  * ba-10k-directed: a Barabasi-Albert graph of 10,000 nodes and 49,975 edges (5 per new
    node), each edge given a random direction.

Burt's constraint: PartnerNet (all four of Burt's measures in one pass) against igraph
`Graph.constraint()` and networkx `nx.constraint(G)`; the sums of the scores must agree to
1e-9. Gould-Fernandez brokerage with five groups (node index mod 5): PartnerNet against R
`sna::brokerage(edgelist, cl)` (the roles and sna's moments); the total role counts must be
equal. networkx and igraph have no brokerage roles.

Each tool runs in its own process once the cores are idle and times the computation only
(reading and building the graph are not timed); the best of repeated runs is reported.
PartnerNet runs on all cores and pinned to one core (`taskset -c 0`).

Usage, from the repository root:

    python3 Scripts/bench/balance.py [--write Benchmarks/RESULTS-balance.md]

It uses this Python if it has igraph, networkx, scipy and powerindex, else creates
.venv-bench with them; it needs Rscript with sna for the brokerage column; and it builds
Benchmarks/ in release mode (scratch folder Benchmarks/.build-balance) on first use.
"""
import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from centrality import ROOT, agree, barabasi_albert, partnership, run, write_edges  # noqa: E402

VENV = os.path.join(ROOT, ".venv-bench")
SCRATCH = os.path.join(ROOT, "Benchmarks", ".build-balance")
BENCH = os.path.join(SCRATCH, "release", "partnernet-bench")
MODULES = ("igraph", "networkx", "numpy", "scipy", "powerindex")

PY_TASK = textwrap.dedent("""
    import array, json, struct, sys, time
    tool, path, task, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    def peak():
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    def best(run):
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            value = run()
            times.append(time.perf_counter() - start)
        return times, value
    if tool == "powerindex":
        import powerindex
        game = json.load(open(path))
        g = powerindex.Game(quota=game["quota"], weights=game["votes"])
        banzhaf_times, _ = best(g.calc_banzhaf)
        out = {"task": task, "banzhaf_seconds": banzhaf_times,
               "banzhaf_sum_squares": sum(x * x for x in g.banzhaf)}
        try:
            shapley_times, _ = best(g.calc_shapley_shubik)
            out["shapley_shubik_seconds"] = shapley_times
            out["shapley_shubik_sum_squares"] = sum(x * x for x in g.shapley_shubik)
            out["seconds"] = [a + b for a, b in zip(banzhaf_times, shapley_times)]
        except OverflowError as error:
            out["shapley_shubik_error"] = "OverflowError: " + str(error)
        out["own_peak_mb"] = peak()
        print(json.dumps(out))
        sys.exit(0)
    with open(path, "rb") as f:
        n, m, directed = struct.unpack("<qqq", f.read(24))
        sources, targets, weights = array.array("i"), array.array("i"), array.array("d")
        sources.fromfile(f, m); targets.fromfile(f, m); weights.fromfile(f, m)
    directed = bool(directed)
    if tool == "igraph":
        import igraph
        g = igraph.Graph(n=n, edges=list(zip(sources, targets)), directed=directed)
        g.simplify(multiple=True, loops=True)
        times, scores = best(lambda: g.constraint())
    else:
        import networkx as nx
        G = nx.DiGraph() if directed else nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from((s, t) for s, t in zip(sources, targets) if s != t)
        times, scores = best(lambda: nx.constraint(G))
        scores = list(scores.values())
    finite = [x for x in scores if x == x]
    print(json.dumps({"task": task, "seconds": times, "sum": sum(finite), "own_peak_mb": peak()}))
""")

R_TASK = textwrap.dedent("""
    suppressPackageStartupMessages(library(sna))
    args <- commandArgs(trailingOnly = TRUE)
    path <- args[1]; repeats <- as.integer(args[2])
    con <- file(path, "rb")
    header <- readBin(con, "integer", n = 3, size = 8)
    n <- header[1]; m <- header[2]; directed <- header[3] != 0
    sources <- readBin(con, "integer", n = m, size = 4)
    targets <- readBin(con, "integer", n = m, size = 4)
    close(con)
    keep <- sources != targets
    s <- sources[keep] + 1; t <- targets[keep] + 1
    if (!directed) { both <- c(s, t); t <- c(t, s); s <- both }
    el <- unique(cbind(s, t))
    el <- cbind(el, 1)
    attr(el, "n") <- n
    cl <- (seq_len(n) - 1) %% 5
    times <- numeric(0)
    for (i in seq_len(repeats)) {
      start <- proc.time()[["elapsed"]]
      b <- brokerage(el, cl)
      times <- c(times, proc.time()[["elapsed"]] - start)
    }
    peak <- as.numeric(gsub("[^0-9]", "", grep("VmHWM", readLines("/proc/self/status"), value = TRUE))) / 1024
    cat(sprintf('{"task": "brokerage", "seconds": [%s], "sum": %.17g, "own_peak_mb": %.1f}\\n',
                paste(sprintf("%.6f", times), collapse = ", "), b$raw.gli[["t"]], peak))
""")


def python_with_modules():
    check = "import " + ", ".join(MODULES)
    if subprocess.run([sys.executable, "-c", check], capture_output=True).returncode == 0:
        return sys.executable
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([py, "-c", check], capture_output=True).returncode != 0:
        subprocess.run([py, "-m", "pip", "install", "-q", "igraph", "networkx", "numpy", "scipy", "powerindex"],
                       check=True)
    return py


def versions(py):
    code = ("import igraph, networkx, scipy, importlib.metadata as m; "
            "print(igraph.__version__, networkx.__version__, scipy.__version__, m.version('powerindex'))")
    igraph, networkx, scipy, powerindex = subprocess.run(
        [py, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    sna = subprocess.run(["Rscript", "-e", 'cat(as.character(packageVersion("sna")), R.version$major, '
                          'R.version$minor)'], capture_output=True, text=True).stdout.split()
    return {"igraph": igraph, "networkx": networkx, "scipy": scipy, "powerindex": powerindex,
            "sna": sna[0] if sna else None, "R": ".".join(sna[1:]) if sna else None}


def games(folder):
    rng = random.Random(2026)
    out = {}
    for name, seats, low, high in (("board-200", 200, 1, 10), ("board-150", 150, 1, 10),
                                   ("board-200-equal", 200, 1, 1), ("board-200-wide", 200, 1, 100)):
        votes = [rng.randint(low, high) for _ in range(seats)]
        path = os.path.join(folder, name + ".json")
        with open(path, "w") as f:
            json.dump({"votes": votes, "quota": sum(votes) // 2 + 1}, f)
        out[name] = (path, sum(votes))
    return out


def graphs(folder):
    # The centrality benchmarks' ba-10k: the same seed, after the same draws (its
    # 150-organisation partnership network and that network's weights).
    rng = random.Random(2024)
    out = {}
    write_edges(os.path.join(folder, "unused.bin"), 150, partnership(150, rng), True, rng)
    edges = barabasi_albert(10_000, 10, rng)
    path = os.path.join(folder, "ba-10k.bin")
    write_edges(path, 10_000, edges, False, rng)
    out["ba-10k"] = (path, len(edges))
    rng = random.Random(2027)
    edges = [(s, t) if rng.random() < 0.5 else (t, s) for s, t in barabasi_albert(10_000, 5, rng)]
    path = os.path.join(folder, "ba-10k-directed.bin")
    write_edges(path, 10_000, edges, True, rng)
    out["ba-10k-directed"] = (path, len(edges))
    return out


def times(slower, faster):
    """How many times `faster` beats `slower`: one decimal below 10, whole numbers above."""
    if not slower or not faster:
        return "—"
    ratio = slower / faster
    return f"{ratio:.1f}×" if ratio < 10 else f"{ratio:.0f}×"


def fmt(seconds):
    if seconds is None:
        return "—"
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.3g} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", help="also write the results as Markdown to this file")
    args = parser.parse_args()
    py = python_with_modules()
    subprocess.run(["swift", "build", "-c", "release", "--package-path", os.path.join(ROOT, "Benchmarks"),
                    "--scratch-path", SCRATCH], check=True, stdout=subprocess.DEVNULL)
    tools = versions(py)
    have_r = shutil.which("Rscript") and tools["sna"]
    pin = shutil.which("taskset")
    load_before = os.getloadavg()[0]
    voting_rows, holes_rows = [], []
    with tempfile.TemporaryDirectory() as folder:
        for name, (path, total) in games(folder).items():
            ours = run([BENCH, "voting", path, "--repeat", "7"])
            theirs = run([py, "-c", PY_TASK, "powerindex", path, name, "3" if name != "board-200-wide" else "1"])
            assert agree(ours["banzhaf_sum_squares"], theirs["banzhaf_sum_squares"], 1e-9), (name, ours, theirs)
            if "shapley_shubik_sum_squares" in theirs:
                assert agree(ours["shapley_shubik_sum_squares"], theirs["shapley_shubik_sum_squares"], 1e-9), name
            voting_rows.append((name, total, ours, theirs))
            print(name, min(ours["seconds"]), theirs.get("seconds") and min(theirs["seconds"]), file=sys.stderr)
        R_file = os.path.join(folder, "brokerage.R")
        with open(R_file, "w") as f:
            f.write(R_TASK)
        for name, (path, edges) in graphs(folder).items():
            for measure in ("constraint", "brokerage"):
                ours_command = [BENCH, "holes", path, "--measure", measure, "--repeat", "5"]
                results = {"PartnerNet": run(ours_command)}
                results["PartnerNet, 1 core"] = run(["taskset", "-c", "0"] + ours_command) if pin else None
                if measure == "constraint":
                    results["igraph"] = run([py, "-c", PY_TASK, "igraph", path, measure, "3"])
                    results["networkx"] = run([py, "-c", PY_TASK, "networkx", path, measure, "1"])
                    for tool in ("igraph", "networkx"):
                        assert agree(results[tool]["sum"], results["PartnerNet"]["sum"], 1e-9), (name, tool)
                elif have_r:
                    results["sna"] = run(["Rscript", R_file, path, "1"])
                    assert results["sna"]["sum"] == results["PartnerNet"]["sum"], (name, results["sna"])
                holes_rows.append((name, edges, measure, results))
                print(name, measure, {t: r and min(r["seconds"]) for t, r in results.items()}, file=sys.stderr)
    load_after = os.getloadavg()[0]

    def best(result, key="seconds"):
        return min(result[key]) if result and key in result else None

    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; powerindex "
        f"{tools['powerindex']}, igraph {tools['igraph']} (python-igraph), networkx {tools['networkx']} "
        f"(scipy {tools['scipy']}), R {tools['R']} with sna {tools['sna']}, Python {platform.python_version()}. "
        f"Load average (1 minute) {load_before:.2f} before the run, {load_after:.2f} after.",
        "",
        "## Voting power (exact Banzhaf and Shapley–Shubik)",
        "",
        "| game | PartnerNet: Banzhaf | PartnerNet: Shapley–Shubik | PartnerNet: both | powerindex: Banzhaf | "
        "powerindex: Shapley–Shubik | powerindex ÷ PartnerNet (Banzhaf / both) |",
        "|---|---|---|---|---|---|---|",
    ]
    labels = {"board-200": "200 seats, 1–10 votes each", "board-150": "150 seats, 1–10 votes each",
              "board-200-equal": "200 seats, 1 vote each", "board-200-wide": "200 seats, 1–100 votes each"}
    for name, total, ours, theirs in voting_rows:
        ss = fmt(best(theirs, "shapley_shubik_seconds")) if "shapley_shubik_seconds" in theirs else \
            "fails (OverflowError: N! as a float, over 170 players)"
        ratio = times(best(theirs, "banzhaf_seconds"), best(ours, "banzhaf_seconds")) + " / " + (
            times(best(theirs), best(ours)) if best(theirs) else "—")
        lines.append(
            f"| {labels[name]} ({total:,} votes, quota {total // 2 + 1:,}) | {fmt(best(ours, 'banzhaf_seconds'))} | "
            f"{fmt(best(ours, 'shapley_shubik_seconds'))} | {fmt(best(ours))} | "
            f"{fmt(best(theirs, 'banzhaf_seconds'))} | {ss} | {ratio} |")
    lines += [
        "",
        "## Burt's constraint and Gould–Fernandez brokerage on 10,000 nodes",
        "",
        "| task | PartnerNet (all cores) | PartnerNet (1 core) | igraph | networkx | R sna | "
        "other ÷ PartnerNet (all cores / 1 core) | peak memory MB (PartnerNet / other) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    graph_labels = {"ba-10k": "10,000 nodes / {edges:,} edges, undirected",
                    "ba-10k-directed": "10,000 nodes / {edges:,} arcs, directed"}
    for name, edges, measure, results in holes_rows:
        what = ("constraint (PartnerNet: all four of Burt's measures)" if measure == "constraint"
                else "brokerage roles, 5 groups")
        others = [t for t in ("igraph", "networkx", "sna") if results.get(t)]
        ratios = "; ".join(
            f"{t} {times(best(results[t]), best(results['PartnerNet']))} / "
            f"{times(best(results[t]), best(results['PartnerNet, 1 core']))}" for t in others)
        memory = f"{results['PartnerNet']['own_peak_mb']:.0f} / " + " / ".join(
            f"{results[t]['own_peak_mb']:.0f}" for t in others)
        lines.append(
            f"| {what}, {graph_labels[name].format(edges=edges)} | {fmt(best(results['PartnerNet']))} | "
            f"{fmt(best(results.get('PartnerNet, 1 core')))} | {fmt(best(results.get('igraph')))} | "
            f"{fmt(best(results.get('networkx')))} | {fmt(best(results.get('sna')))} | {ratios} | {memory} |")
    lines += [
        "",
        "Best of repeated runs of the computation alone (game or graph already built), each tool in its own "
        "process started when the cores were idle; peak memory is the process's own high-water mark (VmHWM). "
        "Voting power: both tools' indices agree to 1e-9 (sums of squares), Shapley–Shubik wherever powerindex "
        "can compute it; PartnerNet's Shapley–Shubik on 200 players is checked in the test suite (it sums to 1, "
        "equal votes get equal power, and 150 players agree with powerindex). Constraint: igraph's and networkx's "
        "sums over nodes agree with PartnerNet's to 1e-9. Brokerage: sna's total role count equals PartnerNet's; "
        "sna's time includes its expected values and z-scores, which PartnerNet computes too. "
        "Command: `python3 Scripts/bench/balance.py --write Benchmarks/RESULTS-balance.md`.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        with open(args.write, "w") as f:
            f.write("# Balance of power and brokerage benchmarks\n\n" + text)


if __name__ == "__main__":
    main()
