#!/usr/bin/env python3
"""PartnerNet at scale, side by side with igraph (and networkx where it finishes), in one run.

Every task is a whole process on a file both tools read: for PartnerNet the `partnernet`
command a user would run (reading, checking, building, computing, writing the output);
for igraph and networkx a Python process that reads the same CSV with pandas (its C
parser), builds the graph and computes. Wall time and the process's peak resident memory
come from the operating system (os.wait4 in a small launcher that forks the command, so
that this script's own size does not count), so start-up and imports count for both sides.

Files (generated once into Benchmarks/.data, seeded):
  e1m.csv     100,000 organisations, 1,000,000 random ties (weights 1–9)
  e10m.csv    1,000,000 organisations, 10,000,000 random ties
  ba10k.csv   Barabási–Albert, 10,000 nodes, 99,900 edges (igraph.Graph.Barabasi, m = 10)
  silos100k/  an area of 100,000 organisations in five sectors, 1,000,000 ties, 80% of
              them inside planted blocks of 100 organisations that mostly share a sector
  report5k/   an area of 5,000 organisations in five sectors, 200,000 ties, 60 partnerships
              (memberships with chairs and votes)

Tasks and the targets they are held to (Benchmarks/RESULTS.md):
  load        `partnernet validate e1m.csv` vs read + build: no slower than igraph, ≤ 64 bytes a tie
  pagerank    `partnernet centrality e1m.csv --metrics pagerank` vs read + build + PageRank
  betweenness `partnernet centrality ba10k.csv --metrics betweenness`, 2 cores and 1 core
              (taskset -c 0), vs igraph's betweenness (one core): ≥ 3× igraph on two cores
  silos       `partnernet silos silos100k` (its defaults: permutation test, Leiden) vs
              igraph Louvain (community_multilevel, best of 4 runs) + modularity on the same
              simple graph (igraph's simplify() merges repeated ties as PartnerNet does):
              under 60 s, modularity ≥ igraph's
  report      `partnernet report report5k`: under 20 s, page under 10 MB
  load10m     `partnernet validate e10m.csv`: under 10 s and 1 GB

Usage, from the repository root (builds PartnerNet in release mode first):

    python3 Benchmarks/scale.py [--repeat 3] [--only load,pagerank,…] [--write Benchmarks/RESULTS.md]

Needs python3 with igraph, networkx, numpy and pandas (pip install igraph networkx numpy pandas).
"""
import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Benchmarks", ".data")
PN = os.path.join(ROOT, ".build", "release", "partnernet")


# ---------------------------------------------------------------- running and measuring

# A command started straight from this process would report, as its peak, at least this
# process's own size when it started it: Linux carries the high-water mark of resident
# memory across the exec of a forked or vforked child. So each command is run in a fork of
# a small launcher, which times it from fork to exit and reports its own peak (os.wait4).
LAUNCHER = """
import os, sys, time
report = int(sys.argv[1])
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(report)
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
os.write(report, f"{time.perf_counter() - started} {usage.ru_maxrss}".encode())
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""


def measure(command, env=None):
    """Runs `command` as its own process; returns (seconds, peak MB, standard output)."""
    with tempfile.TemporaryFile() as out:
        read, write = os.pipe()
        process = subprocess.Popen([sys.executable, "-c", LAUNCHER, str(write), *command], stdout=out,
                                   stderr=subprocess.PIPE, env=env, pass_fds=(write,))
        os.close(write)
        err = process.stderr.read()
        process.wait()
        with os.fdopen(read) as report:
            seconds, peak = report.read().split()
        out.seek(0)
        text = out.read().decode()
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{err.decode()[-2000:]}")
    return float(seconds), int(peak) / 1024, text


def best(command, repeat, env=None):
    """The fastest of `repeat` runs (the least disturbed by other work), its memory and output."""
    runs = [measure(command, env) for _ in range(repeat)]
    return min(runs, key=lambda run: run[0])


def inside(run):
    """The seconds a Python program spent after its imports (its last line, `seconds S`)."""
    return float(run[2].split()[-1])


def python(code, *args):
    return [sys.executable, "-c", textwrap.dedent(code), *map(str, args)]


# ---------------------------------------------------------------- the other tools' programs

LOAD = """
    import sys, time, numpy as np, pandas as pd, igraph, networkx as nx
    started = time.perf_counter()
    frame = pd.read_csv(sys.argv[2])
    codes, ids = pd.factorize(pd.concat([frame["source"], frame["target"]], ignore_index=True))
    m = len(frame)
    edges = np.column_stack([codes[:m], codes[m:]])
    if sys.argv[1] == "igraph":
        g = igraph.Graph(n=len(ids), edges=edges, directed=False)
        if "weight" in frame: g.es["weight"] = frame["weight"].to_numpy()
        task = sys.argv[3]
        if task == "pagerank":
            r = g.pagerank()
            print(sum(r), max(r))
        elif task == "betweenness":
            b = g.betweenness()
            print(sum(b), max(b))
        elif task == "louvain":
            # The graph PartnerNet analyses: repeated ties merged into one, unweighted (silos'
            # default), and the best of as many runs as PartnerNet's default makes on it (4).
            import random
            g.simplify()
            best = None
            for run in range(4):
                random.seed(run)
                c = g.community_multilevel()
                q = g.modularity(c.membership)
                if best is None or q > best[0]: best = (q, len(c))
            print(*best)
        else:
            print(g.vcount(), g.ecount())
    else:
        g = nx.Graph()
        g.add_nodes_from(range(len(ids)))
        g.add_edges_from(edges.tolist())
        if sys.argv[3] == "pagerank":
            r = nx.pagerank(g)
            print(sum(r.values()), max(r.values()))
        else:
            print(g.number_of_nodes(), g.number_of_edges())
    print("seconds", time.perf_counter() - started)
"""


# ---------------------------------------------------------------- generated files

def ids(values):
    return [f"n{v}" for v in values]


def write_ties(path, sources, targets, weights):
    with open(path, "w") as f:
        f.write("source,target,weight\n")
        f.writelines(f"n{s},n{t},{w}\n" for s, t, w in zip(sources, targets, weights))


def random_ties(n, m, seed):
    import numpy as np
    rng = np.random.default_rng(seed)
    sources = rng.integers(0, n, m)
    targets = rng.integers(0, n - 1, m)
    targets += targets >= sources  # no self-loops
    return sources.tolist(), targets.tolist(), rng.integers(1, 10, m).tolist()


def generate():
    import numpy as np
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, "e1m.csv")
    if not os.path.exists(path):
        write_ties(path, *random_ties(100_000, 1_000_000, 1))
    path = os.path.join(DATA, "e10m.csv")
    if not os.path.exists(path):
        write_ties(path, *random_ties(1_000_000, 10_000_000, 2))
    path = os.path.join(DATA, "ba10k.csv")
    if not os.path.exists(path):
        import igraph
        random.seed(3)
        g = igraph.Graph.Barabasi(10_000, 10)
        with open(path, "w") as f:
            f.write("source,target\n")
            f.writelines(f"n{s},n{t}\n" for s, t in g.get_edgelist())
    sectors = ["local-authority", "public", "business", "voluntary-community", "faith"]
    folder = os.path.join(DATA, "silos100k")
    if not os.path.exists(folder):
        rng = np.random.default_rng(4)
        n, m, block = 100_000, 1_000_000, 100
        home = (np.arange(n) // block) % 5
        sector = np.where(rng.random(n) < 0.8, home, rng.integers(0, 5, n))
        sources = rng.integers(0, n, m)
        inside = rng.random(m) < 0.8
        targets = np.where(inside, (sources // block) * block + rng.integers(0, block, m), rng.integers(0, n, m))
        keep = sources != targets
        os.makedirs(folder)
        with open(os.path.join(folder, "organisations.csv"), "w") as f:
            f.write("id,sector\n")
            f.writelines(f"n{i},{sectors[s]}\n" for i, s in enumerate(sector.tolist()))
        write_ties(os.path.join(folder, "relationships.csv"), sources[keep].tolist(), targets[keep].tolist(),
                   rng.integers(1, 10, int(keep.sum())).tolist())
    folder = os.path.join(DATA, "report5k")
    if not os.path.exists(folder):
        rng = np.random.default_rng(5)
        n, m = 5_000, 200_000
        sector = rng.integers(0, 5, n)
        os.makedirs(folder)
        with open(os.path.join(folder, "organisations.csv"), "w") as f:
            f.write("id,name,sector\n")
            f.writelines(f"n{i},Organisation {i},{sectors[s]}\n" for i, s in enumerate(sector.tolist()))
        write_ties(os.path.join(folder, "relationships.csv"), *random_ties(n, m, 6))
        with open(os.path.join(folder, "partnerships.csv"), "w") as f:
            f.write("id,name,parent\n")
            for p in range(60):
                f.write(f"p{p},Partnership {p},{'' if p < 6 else 'p' + str(p % 6)}\n")
        with open(os.path.join(folder, "memberships.csv"), "w") as f:
            f.write("partnership,organisation,role,votes\n")
            for p in range(60):
                members = rng.choice(n, size=int(rng.integers(8, 30)), replace=False)
                for k, o in enumerate(members.tolist()):
                    f.write(f"p{p},n{o},{'chair' if k == 0 else 'member'},{int(rng.integers(1, 4))}\n")


# ---------------------------------------------------------------- the tasks

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="load,pagerank,betweenness,silos,report,load10m")
    parser.add_argument("--write", metavar="FILE")
    options = parser.parse_args()
    tasks = options.only.split(",")

    subprocess.run(["swift", "build", "-c", "release", "--product", "partnernet"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    generate()
    import igraph, networkx, numpy, pandas
    quiet = dict(os.environ, PARTNERNET_PROGRESS="0")
    data = lambda name: os.path.join(DATA, name)
    rows = []
    notes = []
    checks = []

    def row(task, ours, igraph_run, networkx_run=None, target=""):
        ratio = igraph_run[0] / ours[0] if igraph_run else None
        rows.append((task, ours, igraph_run, networkx_run, ratio, target))
        print(f"{task}: PartnerNet {ours[0]:.2f} s {ours[1]:.0f} MB"
              + (f"; igraph {igraph_run[0]:.2f} s {igraph_run[1]:.0f} MB" if igraph_run else "")
              + (f"; networkx {networkx_run[0]:.2f} s" if networkx_run else ""), flush=True)

    if "load" in tasks:
        ours = best([PN, "validate", "-q", data("e1m.csv")], options.repeat, quiet)
        theirs = best(python(LOAD, "igraph", data("e1m.csv"), "load"), options.repeat)
        nx_run = best(python(LOAD, "networkx", data("e1m.csv"), "load"), 1)
        row("load and validate a 1M-tie list (100k organisations)", ours, theirs, nx_run,
            f"no slower than igraph, ≤ 64 bytes a tie: {ours[1] * 1048576 / 1e6:.0f}")
    if "pagerank" in tasks:
        ours = best([PN, "centrality", "-q", data("e1m.csv"), "--metrics", "pagerank", "--format", "csv",
                     "-o", os.devnull], options.repeat, quiet)
        theirs = best(python(LOAD, "igraph", data("e1m.csv"), "pagerank"), options.repeat)
        nx_run = best(python(LOAD, "networkx", data("e1m.csv"), "pagerank"), 1)
        row("PageRank, 100k / 1M, end to end", ours, theirs, nx_run, "no slower than igraph")
    if "betweenness" in tasks:
        command = [PN, "centrality", "-q", data("ba10k.csv"), "--metrics", "betweenness", "--format", "csv",
                   "-o", os.devnull]
        ours = best(command, options.repeat, quiet)
        one = best(["taskset", "-c", "0", *command], options.repeat, quiet)
        theirs = best(python(LOAD, "igraph", data("ba10k.csv"), "betweenness"), options.repeat)
        row("exact betweenness, 10k / 99.9k, 2 cores", ours, theirs, None, "≥ 3× igraph")
        row("exact betweenness, 10k / 99.9k, 1 core", one, theirs, None, "faster than igraph")
        notes.append("networkx's exact betweenness on ba10k takes many minutes and is left out.")
    if "silos" in tasks:
        ours = best([PN, "silos", "-q", data("silos100k"), "--format", "json"], 1, quiet)
        theirs = best(python(LOAD, "igraph", data("silos100k/relationships.csv"), "louvain"), 1)
        values = json.loads(ours[2])
        mine = values["communities"]["modularity"]
        igraph_modularity = float(theirs[2].split()[0])
        row("`silos` defaults on 100k / 1M (igraph: Louvain only, best of 4 runs)", ours, theirs, None, "under 60 s")
        checks.append(f"silos: modularity of PartnerNet's communities ({values['communities']['method']}, best of its "
                      f"default runs) {mine:.6f} against igraph Louvain's best of 4 runs {igraph_modularity:.6f}, both on "
                      "the simple graph PartnerNet analyses (repeated ties merged, unweighted) "
                      f"(target: at least igraph's: {'met' if mine >= igraph_modularity else 'NOT met'})")
    if "report" in tasks:
        out = tempfile.mkdtemp()
        ours = best([PN, "report", "-q", data("report5k"), "-o", out], 1, quiet)
        page = os.path.getsize(os.path.join(out, "index.html")) / 1e6
        total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs) / 1e6
        row("`report` on 5,000 organisations / 200k ties", ours, None, None, "under 20 s; page under 10 MB")
        checks.append(f"report: index.html {page:.2f} MB, all files {total:.1f} MB")
        shutil.rmtree(out)
    if "load10m" in tasks:
        ours = best([PN, "validate", "-q", data("e10m.csv")], options.repeat, quiet)
        theirs = best(python(LOAD, "igraph", data("e10m.csv"), "load"), 1)
        row("load and validate 10M ties (1M organisations)", ours, theirs, None, "under 10 s and 1 GB")

    lines = [
        "# PartnerNet at scale",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; python-igraph "
        f"{igraph.__version__}, networkx {networkx.__version__}, pandas {pandas.__version__}, numpy "
        f"{numpy.__version__}, Python {platform.python_version()}. Generated {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "Whole processes on the same files: wall seconds (best of the runs) and peak resident memory. "
        "igraph and networkx read the CSV with pandas and build their graph; PartnerNet runs the command. "
        "The Python programs also report their time after the imports (about 0.7 s of interpreter start-up "
        "and imports left out), and the ratio is given against that stricter figure too. "
        f"Command: `python3 Benchmarks/scale.py --repeat {options.repeat}`.",
        "",
        "| task | PartnerNet | igraph | networkx | igraph ÷ PartnerNet | target |",
        "|---|---|---|---|---|---|",
    ]
    for task, ours, theirs, nx_run, ratio, target in rows:
        cell = lambda r: f"{r[0]:.2f} s, {r[1]:.0f} MB" if r else "—"
        other = lambda r: f"{r[0]:.2f} s ({inside(r):.2f} s after imports), {r[1]:.0f} MB" if r else "—"
        strict = f" ({inside(theirs) / ours[0]:.2f}× after imports)" if theirs else ""
        lines.append(f"| {task} | {cell(ours)} | {other(theirs)} | {other(nx_run)} | "
                     f"{f'{ratio:.2f}×' if ratio else '—'}{strict} | {target} |")
    lines += [""] + [f"- {c}" for c in checks] + [f"- {n}" for n in notes]
    text = "\n".join(lines) + "\n"
    print(text)
    if options.write:
        with open(options.write, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
