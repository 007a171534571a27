#!/usr/bin/env python3
"""Reference values for Burt's structural-hole measures: constraint, effective size,
efficiency and hierarchy, unweighted and weighted.

Reads every area folder in Datasets/, Tests/Fixtures/areas/ and
Tests/Fixtures/centrality_areas/ with the loading code of basic_measures.py (Python's csv and
json modules, no PartnerNet code), builds the graphs by the conventions of the metric
catalogue (one case per selection of relations: the union, each relation alone when there
are several, co-membership when there are memberships), and writes
Tests/Fixtures/reference/structural_holes/<area>.json.

What is computed, and by what:

  * constraint: networkx 3.6 `nx.constraint(G)` and `nx.constraint(G, weight="weight")`
    (its whole-graph sparse-matrix path), cross-checked against igraph's
    `Graph.constraint()` (weights="weight" when weighted) and against this script's own
    exact computation (fractions) of Burt's formula: they must agree to 1e-12.
  * effective_size: `nx.effective_size(G, nodes=list(G))` (weight="weight" when
    weighted): the per-node formula. networkx's `nodes=None` path (a sparse-matrix
    shortcut) gives other values on directed and weighted graphs and is not used. The
    per-node path returns NaN for a node of a directed graph that has in-ties but no
    out-ties (its isolate test reads G[v], the successors only); for those nodes the
    fixture holds this script's direct formula and lists them in `effective_size_sinks`.
    Everywhere else the direct formula must agree with networkx to 1e-12.
  * efficiency = effective size / number of alters (UCINET), by direct formula.
  * hierarchy = sum_j r_j ln r_j / (N ln N), r_j = c_ij / (C / N), N alters, c_ij the local
    constraints and C their sum (Burt 1992, UCINET), by direct formula from the exact local
    constraints; null when N < 2.

Mutual weights (Burt): a_ij + a_ji, each arc 1 when unweighted, the tie strength when
weighted; an undirected edge counts both ways (networkx's convention; the factor of 2
cancels in every measure). Alters: neighbours in either direction. Isolates: null for every
measure.

Deterministic (re-executes itself with PYTHONHASHSEED=0, so that networkx's set iteration,
and with it the order of its floating-point sums, is the same every run). Run from the
repository root:

    python3 Scripts/reference/structural_holes.py

Needs networkx 3.6.1 with scipy (for nx.constraint's matrix path) and python-igraph.
"""

import glob
import json
import math
import os
import platform
import sys
from fractions import Fraction

import igraph
import networkx as nx
import scipy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from basic_measures import CO_MEMBERSHIP, build_graph, load_area  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = "Scripts/reference/structural_holes.py"
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "structural_holes")
AREA_ROOTS = [
    os.path.join(ROOT, "Datasets"),
    os.path.join(ROOT, "Tests", "Fixtures", "areas"),
    os.path.join(ROOT, "Tests", "Fixtures", "centrality_areas"),
]

CALLS = {
    "constraint": "nx.constraint(G)",
    "constraint_weighted": 'nx.constraint(G, weight="weight")',
    "effective_size": "nx.effective_size(G, nodes=list(G)); direct formula for the nodes in effective_size_sinks",
    "effective_size_weighted": 'nx.effective_size(G, nodes=list(G), weight="weight"); direct formula for the '
                               "nodes in effective_size_sinks",
    "efficiency": "effective_size / number of alters (direct formula)",
    "efficiency_weighted": "effective_size_weighted / number of alters (direct formula)",
    "hierarchy": "sum_j r_j ln r_j / (N ln N), r_j = c_ij / (C / N) (direct formula, exact local constraints)",
    "hierarchy_weighted": "the same with weighted local constraints",
    "cross_checks": 'igraph Graph.constraint() (weights="weight"), and exact fractions of Burt\'s formulas, '
                    "agree with networkx to 1e-12",
}

CONVENTIONS = [
    "Graphs as basic_measures.py: every organisation a node, isolates included; the union of the selected "
    "relations, directed if any is (an undirected tie then gives an arc each way); self-loops dropped; "
    "duplicate arcs merged with weights summed within a relation; a union of several relations weighs each "
    "arc by its multiplexity (the number of relations holding it) unless all declare the same unit.",
    "Mutual weight a_ij + a_ji (arcs 1 when unweighted); alters are neighbours in either direction; "
    "p_ij = mutual / sum over alters, m_ij = mutual / max over alters.",
    "null where a measure is undefined: isolates (no alters) for all four; hierarchy with fewer than two alters.",
    "effective_size_sinks: nodes of a directed graph with in-ties but no out-ties, where networkx 3.6's "
    "per-node effective_size returns NaN (its isolate test reads successors only); the fixture holds the "
    "direct formula there.",
]


def mutual_weights(G, weighted):
    """{i: {j: Fraction}} over the skeleton: a_ij + a_ji, exact."""
    mutual = {v: {} for v in G}
    for u, v, data in G.edges(data=True):
        w = Fraction(data["weight"]) if weighted else Fraction(1)
        if G.is_directed():
            mutual[u][v] = mutual[u].get(v, 0) + w
            mutual[v][u] = mutual[v].get(u, 0) + w
        else:
            mutual[u][v] = mutual[u].get(v, 0) + 2 * w
            mutual[v][u] = mutual[v].get(u, 0) + 2 * w
    return mutual


def direct(G, weighted):
    """Burt's measures from their definitions, in exact arithmetic where possible."""
    mutual = mutual_weights(G, weighted)
    total = {i: sum(row.values()) for i, row in mutual.items()}
    top = {i: max(row.values()) if row else 0 for i, row in mutual.items()}

    def p(i, j):
        return mutual[i].get(j, 0) / total[i]

    out = {"constraint": {}, "effective_size": {}, "efficiency": {}, "hierarchy": {}}
    for i in G:
        alters = sorted(mutual[i], key=str)
        if not alters:
            for measure in out:
                out[measure][i] = None
            continue
        local = {j: (p(i, j) + sum(p(i, q) * p(q, j) for q in alters)) ** 2 for j in alters}
        C = sum(local.values())
        redundancy = sum(p(i, q) * mutual[j].get(q, 0) / top[j] for j in alters for q in alters)
        size = len(alters) - redundancy
        out["constraint"][i] = C
        out["effective_size"][i] = size
        out["efficiency"][i] = size / len(alters)
        if len(alters) < 2:
            out["hierarchy"][i] = None
        else:
            N = len(alters)
            ratios = [float(local[j] / (C / N)) for j in alters]
            out["hierarchy"][i] = sum(r * math.log(r) for r in ratios) / (N * math.log(N))
    return out


def close(a, b, tol=1e-12):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def value(x):
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def measures(G, directed, orgs):
    node = {}
    sinks = []
    index = {v: i for i, v in enumerate(orgs)}
    ig = igraph.Graph(n=len(orgs), edges=[(index[u], index[v]) for u, v in G.edges()], directed=directed)
    ig.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    for weighted in (False, True):
        suffix = "_weighted" if weighted else ""
        weight = "weight" if weighted else None
        exact = direct(G, weighted)
        constraint = nx.constraint(G, weight=weight)
        effective = nx.effective_size(G, nodes=list(G), weight=weight)
        theirs_ig = ig.constraint(weights="weight" if weighted else None)
        for v in orgs:
            ours = exact["constraint"][v]
            if ours is None:
                assert math.isnan(constraint[v]) and math.isnan(effective[v]), v
                continue
            assert close(float(ours), constraint[v]), (v, "constraint", ours, constraint[v])
            assert close(float(ours), theirs_ig[index[v]]), (v, "igraph constraint", ours, theirs_ig[index[v]])
            if math.isnan(effective[v]):
                assert directed and G.out_degree(v) == 0 and G.in_degree(v) > 0, v
                if not weighted:
                    sinks.append(v)
            else:
                assert close(float(exact["effective_size"][v]), effective[v]), (v, "effective size")
        node["constraint" + suffix] = {v: value(constraint[v]) for v in orgs}
        node["effective_size" + suffix] = {
            v: value(exact["effective_size"][v]) if math.isnan(effective[v]) else value(effective[v]) for v in orgs}
        node["efficiency" + suffix] = {v: value(exact["efficiency"][v]) for v in orgs}
        node["hierarchy" + suffix] = {v: value(exact["hierarchy"][v]) for v in orgs}
    return node, sinks


def fixture(name, folder):
    meta, orgs, ties, memberships = load_area(folder)
    relation_names = list(dict.fromkeys(relation for _, _, _, relation in ties))
    cases = [[]]
    if len(relation_names) > 1:
        cases += [[r] for r in relation_names]
    if memberships:
        cases.append([CO_MEMBERSHIP])
    out = []
    for case in cases:
        G, directed = build_graph(meta, orgs, ties, memberships, case or relation_names)
        node, sinks = measures(G, directed, orgs)
        out.append({"relations": case, "directed": directed, "node": node, "effective_size_sinks": sinks})
    return {
        "dataset": name,
        "generator": GENERATOR,
        "tools": {"networkx": nx.__version__, "scipy": scipy.__version__, "igraph": igraph.__version__,
                  "python": platform.python_version()},
        "calls": CALLS,
        "conventions": CONVENTIONS,
        "cases": out,
    }


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:],
                  dict(os.environ, PYTHONHASHSEED="0"))
    os.makedirs(OUT, exist_ok=True)
    names = set()
    for root in AREA_ROOTS:
        for path in sorted(glob.glob(os.path.join(root, "*", "organisations.csv"))):
            folder = os.path.dirname(path)
            name = os.path.basename(folder)
            assert name not in names, f"two areas named {name}"
            names.add(name)
            data = fixture(name, folder)
            text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
            with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text + "\n")
            sinks = sum(len(c["effective_size_sinks"]) for c in data["cases"])
            print(f"{name}: {len(data['cases'])} cases, {sinks} sink nodes", file=sys.stderr)


if __name__ == "__main__":
    main()
