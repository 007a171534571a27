"""Reference values for `compare --intervals` (the node bootstrap, issue 14).

Usage: python3 Scripts/reference/node_bootstrap.py

Writes Tests/Fixtures/reference/compare/node_bootstrap.json. For each area, explicit
node-bootstrap resamples drawn here with numpy (so the Swift test replays the very same
resamples): the organisation each copy stands for (`nodes`) and, for every pair of
copies of one organisation, the observed pair whose tie it takes (`duplicate_draws`,
Snijders & Borgatti 1999). For each resample, the interval statistics of
AreaAnalysis.intervalStatistics recomputed independently with networkx on the network
among the copies:

  density                     nx.density
  reciprocity                 nx.overall_reciprocity (1 when undirected, as the catalogue)
  degree_centralization       sum(max - d) / max, d = in + out degree (sna's Freeman
                              centralisation: max 2(n-1)(n-2) directed, (n-1)(n-2) undirected)
  betweenness_centralization  nx.betweenness_centralization(normalized=False), max
                              (n-1)^2(n-2), halved when undirected (sna)
  ei_index                    (E - I)/(E + I) over ties by the sector column
  modularity_groups           nx.community.modularity with the sectors as communities
  focal_share[degree]         the focal sector's copies' share of degree
  focal_share[betweenness]    ... of betweenness
  gini[degree], gini[betweenness]

Ties are taken without their weights (the analysis's default). The resample's graph:
copies a, b of organisations i = nodes[a], j = nodes[b]; i != j: tied as i and j are;
i == j: tied as the ordered pair r = duplicate_draws[k] is, r -> (r // (n-1), the
(r % (n-1))-th organisation other than r // (n-1)); pairs of copies in row order (a
ascending, then b ascending; b > a when undirected).

Also numpy's percentile interval (np.quantile, linear interpolation) of each value over
the resamples, at 0.9, to check PercentileInterval.
"""

import csv
import json
import os
import sys

import networkx as nx
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "compare", "node_bootstrap.json")
AREAS = ["Datasets/synthetic/01-ashby-vale", "Datasets/synthetic/12-marrowdale", "Datasets/zachary_karate"]
RESAMPLES = 12
SEED = 1999
CONFIDENCE = 0.9


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def load(folder):
    meta = json.load(open(os.path.join(ROOT, folder, "area.json")))
    orgs = rows(os.path.join(ROOT, folder, "organisations.csv"))
    index = {o["id"]: i for i, o in enumerate(orgs)}
    directed = bool(meta.get("directed", False))
    ties = set()
    for r in rows(os.path.join(ROOT, folder, "relationships.csv")):
        s, t = index[r["source"]], index[r["target"]]
        if s == t:
            continue
        ties.add((s, t) if directed else (min(s, t), max(s, t)))
    sectors = [o["sector"] for o in orgs]
    focal_sector = meta.get("focal_sector", "local-authority")
    return directed, len(orgs), ties, sectors, focal_sector


def tied(ties, directed, i, j):
    return (i, j) in ties if directed else (min(i, j), max(i, j)) in ties


def duplicate_pairs(nodes, directed):
    n = len(nodes)
    return [(a, b) for a in range(n) for b in range(n) if b != a and (directed or b > a) and nodes[a] == nodes[b]]


def resample_graph(n, ties, directed, nodes, draws):
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(len(nodes)))
    k = 0
    for a in range(len(nodes)):
        for b in range(len(nodes)):
            if b == a or (not directed and b < a):
                continue
            i, j = nodes[a], nodes[b]
            if i == j:
                r = draws[k]
                k += 1
                i, rest = divmod(r, n - 1)
                j = rest if rest < i else rest + 1
            if tied(ties, directed, i, j):
                g.add_edge(a, b)
    assert k == len(draws)
    return g


def gini(x):
    x = np.sort(np.asarray(x, dtype=float))
    n, total = len(x), x.sum()
    return float(((2 * np.arange(1, n + 1) - n - 1) * x).sum() / (n * total)) if total > 0 else None


def statistics(g, directed, labels, focal):
    n = g.number_of_nodes()
    m = g.number_of_edges()
    out = {"density": nx.density(g)}
    # The catalogue's reciprocity is 1 for an undirected graph with ties.
    out["reciprocity"] = (nx.overall_reciprocity(g) if directed else 1.0) if m > 0 else None
    degree = np.array([g.degree(v) for v in range(n)], dtype=float)
    out["degree_centralization"] = float((degree.max() - degree).sum() / ((2 if directed else 1) * (n - 1) * (n - 2)))
    between = nx.betweenness_centrality(g, normalized=False)
    b = np.array([between[v] for v in range(n)], dtype=float)
    out["betweenness_centralization"] = float((b.max() - b).sum() / ((n - 1) ** 2 * (n - 2) / (1 if directed else 2)))
    external = sum(1 for s, t in g.edges() if labels[s] != labels[t])
    out["ei_index"] = (2 * external - m) / m if m > 0 else None
    communities = [{v for v in range(n) if labels[v] == name} for name in sorted(set(labels))]
    out["modularity_groups"] = nx.community.modularity(g, communities) if m > 0 else None
    if focal is not None:
        isfocal = np.array(focal)
        out["focal_share[degree]"] = float(degree[isfocal].sum() / degree.sum()) if degree.sum() > 0 else None
        out["focal_share[betweenness]"] = float(b[isfocal].sum() / b.sum()) if b.sum() > 0 else None
    out["gini[degree]"] = gini(degree)
    out["gini[betweenness]"] = gini(b)
    return out


def main():
    rng = np.random.default_rng(SEED)
    cases = []
    for folder in AREAS:
        directed, n, ties, sectors, focal_sector = load(folder)
        focal = [s == focal_sector for s in sectors] if focal_sector in sectors else None
        samples = [{"nodes": list(range(n)), "duplicate_draws": []}]
        for _ in range(RESAMPLES):
            nodes = [int(v) for v in rng.integers(0, n, size=n)]
            count = len(duplicate_pairs(nodes, directed))
            draws = [int(v) for v in rng.integers(0, n * (n - 1), size=count)]
            samples.append({"nodes": nodes, "duplicate_draws": draws})
        for sample in samples:
            g = resample_graph(n, ties, directed, sample["nodes"], sample["duplicate_draws"])
            labels = [sectors[i] for i in sample["nodes"]]
            copy_focal = [focal[i] for i in sample["nodes"]] if focal is not None else None
            sample["values"] = statistics(g, directed, labels, copy_focal)
            if len(set(sectors)) < 2:
                sample["values"].pop("modularity_groups", None)
        names = sorted({k for s in samples[1:] for k, v in s["values"].items() if v is not None})
        intervals = {}
        for name in names:
            values = [s["values"][name] for s in samples[1:] if s["values"].get(name) is not None]
            low, high = np.quantile(values, [(1 - CONFIDENCE) / 2, (1 + CONFIDENCE) / 2])
            intervals[name] = {"low": float(low), "high": float(high), "resamples": len(values)}
        cases.append({"area": folder, "directed": directed, "samples": samples, "confidence": CONFIDENCE,
                      "intervals": intervals})
    fixture = {
        "tool": f"Python {sys.version.split()[0]}, networkx {nx.__version__}, numpy {np.__version__}",
        "call": "networkx density, overall_reciprocity, betweenness_centrality(normalized=False), "
                "community.modularity; numpy quantile (linear); resamples drawn by "
                f"numpy default_rng({SEED}).integers",
        "script": "Scripts/reference/node_bootstrap.py",
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}: {len(cases)} areas, {RESAMPLES} resamples each")


if __name__ == "__main__":
    main()
