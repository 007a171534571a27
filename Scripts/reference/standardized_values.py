"""Reference null distributions for `compare --standardize` (issue 14).

Usage: python3 Scripts/reference/standardized_values.py [DRAWS]

Writes Tests/Fixtures/reference/compare/standardized_values.json. For each area, by
Monte Carlo with numpy (default_rng(14), DRAWS draws, default 200,000):

  ei_index                  the network E-I index by sector, (E - I)/(E + I) over the
                            ties; its null: the sector labels shuffled among the
                            organisations (group sizes kept)
  focal_share[degree]       the focal sector's share of degree (in + out), and of
  focal_share[betweenness]  betweenness (networkx, unnormalised); their null: random
                            sets of as many organisations, drawn without replacement

and for each, the null's mean and standard deviation (ddof = 1), the z-score
(observed - mean) / sd and the mid-rank percentile 100 (k< + k=/2) / N of the
observed value among the draws (values within 1e-9 counting as equal). The exact
mean k/n and sd sqrt(k (n - k)/(n - 1) var) / total of a random set's share (sampling
without replacement) is also given, computed here from numpy's population variance.
Ties are taken without weights; the graph is the area's only relation.
"""

import csv
import json
import os
import sys

import networkx as nx
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "compare", "standardized_values.json")
AREAS = [f"Datasets/synthetic/{name}" for name in ["01-ashby-vale", "05-eastholme", "12-marrowdale", "18-saltcote"]]
DRAWS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def summary(observed, null):
    mean, sd = float(null.mean()), float(null.std(ddof=1))
    tol = 1e-9 * max(1.0, abs(observed))
    below = np.count_nonzero(null < observed - tol)
    equal = np.count_nonzero(np.abs(null - observed) <= tol)
    return {"observed": observed, "mean": mean, "sd": sd, "z": (observed - mean) / sd if sd > 0 else None,
            "percentile": 100 * (below + equal / 2) / len(null)}


def main():
    rng = np.random.default_rng(14)
    cases = []
    for folder in AREAS:
        meta = json.load(open(os.path.join(ROOT, folder, "area.json")))
        orgs = rows(os.path.join(ROOT, folder, "organisations.csv"))
        index = {o["id"]: i for i, o in enumerate(orgs)}
        n = len(orgs)
        g = nx.DiGraph() if meta.get("directed") else nx.Graph()
        g.add_nodes_from(range(n))
        for r in rows(os.path.join(ROOT, folder, "relationships.csv")):
            if r["source"] != r["target"]:
                g.add_edge(index[r["source"]], index[r["target"]])
        sectors = sorted({o["sector"] for o in orgs})
        labels = np.array([sectors.index(o["sector"]) for o in orgs])
        edges = np.array(list(g.edges()))
        s, t = edges[:, 0], edges[:, 1]
        m = len(edges)

        def ei(lab):
            return (2 * np.count_nonzero(lab[..., s] != lab[..., t], axis=-1) - m) / m

        out = {"area": folder}
        null = np.concatenate([ei(rng.permuted(np.tile(labels, (chunk, 1)), axis=1))
                               for chunk in [DRAWS // 4] * 4])
        out["ei_index"] = summary(float(ei(labels)), null)
        focal = np.array([o["sector"] == meta.get("focal_sector", "local-authority") for o in orgs])
        k = int(focal.sum())
        degree = np.array([g.degree(v) for v in range(n)], dtype=float)
        between = nx.betweenness_centrality(g, normalized=False)
        betweenness = np.array([between[v] for v in range(n)], dtype=float)
        for name, scores in [("focal_share[degree]", degree), ("focal_share[betweenness]", betweenness)]:
            total = scores.sum()
            shares = []
            for _ in range(4):
                keys = rng.random((DRAWS // 4, n))
                chosen = np.argpartition(keys, k - 1, axis=1)[:, :k]
                shares.append(scores[chosen].sum(axis=1) / total)
            entry = summary(float(scores[focal].sum() / total), np.concatenate(shares))
            entry["exact_mean"] = k / n
            entry["exact_sd"] = float(np.sqrt(k * (n - k) / (n - 1) * scores.var()) / total)
            out[name] = entry
        cases.append(out)
    fixture = {
        "tool": f"Python {sys.version.split()[0]}, networkx {nx.__version__}, numpy {np.__version__}",
        "call": f"numpy default_rng(14): {DRAWS} label shuffles (Generator.permuted) and {DRAWS} random sets "
                "(argpartition of uniform keys); networkx betweenness_centrality(normalized=False)",
        "script": "Scripts/reference/standardized_values.py",
        "draws": DRAWS,
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}: {len(cases)} areas, {DRAWS} draws")


if __name__ == "__main__":
    main()
