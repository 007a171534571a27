#!/usr/bin/env python3
"""Reference values for the balance-of-power formulas (METRICS.md gini, hhi, hhi_normalized,
sector_share, representation_ratio, sector_evenness), on the degree and strength of every
organisation in every bundled area (union of relations, networkx 3.6.1 degrees).

Independent formulas: Gini as the mean absolute difference, sum_i sum_j |x_i - x_j| /
(2 n^2 mean) (equal to the sorted-rank formula of METRICS.md); HHI with numpy; evenness with
scipy.stats.entropy. Writes Tests/Fixtures/reference/balance/inequality.json.

Run from the repository root: python3 Scripts/reference/inequality_measures.py
"""
import json
import os
import sys

import networkx as nx
import numpy as np
import scipy
from scipy.stats import entropy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import basic_measures as basic  # noqa: E402  (the independent area loader)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "balance", "inequality.json")


def measures(values, groups):
    x = np.asarray(values, dtype=float)
    n, total = len(x), x.sum()
    out = {}
    if n and total > 0:
        out["gini"] = float(np.abs(x[:, None] - x[None, :]).sum() / (2 * n * n * x.mean()))
        s = x / total
        out["hhi"] = float(np.sum(s * s))
        out["hhi_normalized"] = float((out["hhi"] - 1 / n) / (1 - 1 / n)) if n > 1 else None
    else:
        out["gini"] = out["hhi"] = out["hhi_normalized"] = None
    order = list(dict.fromkeys(groups))
    sums = {g: float(x[[i for i, h in enumerate(groups) if h == g]].sum()) for g in order}
    sizes = {g: groups.count(g) for g in order}
    out["sector_share"] = {g: (sums[g] / total if total > 0 else None) for g in order}
    out["representation_ratio"] = {
        g: (sums[g] / total / (sizes[g] / n) if total > 0 else None) for g in order}
    p = np.array([sums[g] for g in order])
    out["sector_evenness"] = (
        float(entropy(p / p.sum()) / np.log(len(order))) if len(order) > 1 and total > 0 else None)
    return out


def main():
    cases = []
    for base in ("Datasets", os.path.join("Tests", "Fixtures", "areas")):
        for name in sorted(os.listdir(os.path.join(ROOT, base))):
            folder = os.path.join(ROOT, base, name)
            if not os.path.isfile(os.path.join(folder, "organisations.csv")):
                continue  # not an area (Datasets/synthetic is a collection of areas)
            meta, ids, ties, memberships = basic.load_area(folder)
            relations = list(dict.fromkeys(t[3] for t in ties))
            graph, _ = basic.build_graph(meta, ids, ties, memberships, relations)
            _, rows = basic.read_csv(os.path.join(folder, "organisations.csv"))
            sectors = [r["sector"] for r in rows]
            for measure, view in (("degree", graph.degree()), ("strength", graph.degree(weight="weight"))):
                values = [float(dict(view)[i]) for i in ids]
                cases.append({"area": name, "measure": measure, "ids": ids, "sectors": sectors,
                              "values": values, **measures(values, sectors)})
    fixture = {
        "generator": "Scripts/reference/inequality_measures.py",
        "tools": {"networkx": nx.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
                  "python": sys.version.split()[0]},
        "calls": {
            "values": "G.degree() / G.degree(weight='weight') on the union of relations",
            "gini": "numpy: sum |x_i - x_j| / (2 n^2 mean(x))",
            "hhi": "numpy: sum (x / sum x)^2",
            "hhi_normalized": "(hhi - 1/n) / (1 - 1/n)",
            "sector_share": "sum of x over the sector / sum x",
            "representation_ratio": "sector_share / (sector size / n)",
            "sector_evenness": "scipy.stats.entropy(sector shares) / ln(number of sectors)",
        },
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(cases)} cases written to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
