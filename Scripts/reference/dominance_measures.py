#!/usr/bin/env python3
"""Reference values for PartnerNet's dominance measures: the focal set's shares, top ranks
and dominance ratios of node measures, group centrality (Everett & Borgatti 1999),
fragmentation and distance-weighted fragmentation (Borgatti 2006) with and without the
focal set, the exact null of the shares under random sets of the same size, and chair_share.

An independent implementation: reads every area folder in Datasets/, Tests/Fixtures/areas/
and Tests/Fixtures/centrality_areas/ with Python's csv and json modules (the loading code of
basic_measures.py and centrality_measures.py, no PartnerNet code), builds the graphs by the
conventions of the metric catalogue and writes Tests/Fixtures/reference/dominance/<area>.json,
with one case per selection of relations (the union, each relation alone when there are
several, co-membership when there are memberships) and, in each, several focal sets: every
sector, the first organisation alone, and every third organisation (ids[0::3]).

What is computed, and by what (the fixtures repeat it in "calls"):

  * Node measures from networkx 3.6 (degree, strength, betweenness, eigenvector, PageRank)
    and R sna 2.7 (bonacich_power, sna::bonpow), as in centrality_measures.py; then
    focal_share, focal_top_rank and focal_dominance_ratio by their formulas (METRICS.md).
    Unweighted, and weighted (betweenness on lengths 1/weight as exact fractions,
    eigenvector, PageRank and Bonacich power on the valued adjacency).
  * Group degree, betweenness and closeness: by definition, from explicit shortest paths
    (nx.all_shortest_paths, exact fractions for weighted lengths) and multi-source
    distances; and, on connected undirected graphs, also networkx's
    group_degree_centrality / group_betweenness_centrality / group_closeness_centrality,
    which must agree (asserted) and are then the recorded values. networkx 3.6.1's group
    betweenness is wrong for groups of three or more nodes even there (networkx issue
    #8827): for those the same function with the one-line fix of networkx PR #8879 is run
    and must agree with the definition, and 3.6.1's own value is recorded beside it. Its
    group betweenness is also wrong on directed graphs (issue #8559), and its group
    closeness adds 0 for unreachable nodes (and measures paths into the group on directed
    graphs), so the definition is the reference there. Group degree is networkx's
    everywhere (it follows successors).
  * Fragmentation from nx weak components; distance fragmentation from all-pairs shortest
    path lengths (exact fractions when weighted); both also without the focal set
    (G.subgraph of the others).
  * The exact null of each share: every subset of |F| organisations, equally likely,
    where there are at most 200,000 of them: P(share >= focal share), counting shares
    within 1e-9 relative as equal, and the mean share.
  * chair_share from memberships.csv: partnerships with a chair (role "chair") in F over
    partnerships with a chair.

Requires networkx 3.6.1, numpy, R with sna 2.7 (apt-get install r-cran-sna). Deterministic
(re-executes itself with PYTHONHASHSEED=0). Run from the repository root:

    python3 Scripts/reference/dominance_measures.py
"""

import glob
import inspect
import itertools
import json
import math
import os
import platform
import sys
from fractions import Fraction

import networkx as nx
import networkx.algorithms.centrality.group as nx_group
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from basic_measures import read_csv  # noqa: E402
from centrality_measures import (  # noqa: E402
    adjacency,
    area_cases,
    eigenvector,
    pagerank,
    run_sna,
    sna_versions,
    spectral_radius,
    with_lengths,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = "Scripts/reference/dominance_measures.py"
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "dominance")
AREA_ROOTS = [
    os.path.join(ROOT, "Datasets"),
    os.path.join(ROOT, "Tests", "Fixtures", "areas"),
    os.path.join(ROOT, "Tests", "Fixtures", "centrality_areas"),
]
MEASURES = ["degree", "strength", "betweenness", "eigenvector", "pagerank", "bonacich_power"]
WEIGHTED_MEASURES = ["betweenness", "eigenvector", "pagerank", "bonacich_power"]
EXACT_NULL_MAX_SUBSETS = 200_000
TIE = 1e-9

CALLS = {
    "degree": "G.degree()",
    "strength": 'G.degree(weight="weight")',
    "betweenness": "nx.betweenness_centrality(G, normalized=False, weight=W)",
    "eigenvector": "nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight=V); null with a reason "
                   "where the graph has no cycle or networkx does not converge",
    "pagerank": "nx.pagerank(G, alpha=0.85, max_iter=10000, tol=1e-12, weight=V)",
    "bonacich_power": 'sna::bonpow(M, gmode="digraph" | "graph", exponent=beta), beta = 0.5 / lambda_max '
                      "(0.5 when lambda_max = 0), M binary or valued; null without ties",
    "focal_share": "this script: sum over F / sum over all; null when the sum over all is 0",
    "focal_top_rank": "this script: 1 + number of nodes whose score exceeds max over F by more than 1e-9 "
                      "relative (competition ranking)",
    "focal_dominance_ratio": "this script: max over F / max outside F; null when F is every node or the "
                             "maximum outside is 0",
    "group_degree": "nx.group_degree_centrality(G, F); null when F is every node",
    "group_betweenness": "connected undirected graphs: nx.group_betweenness_centrality(G, F, normalized=True, "
                         "weight=W, endpoints=False), asserted equal to the definition, except where networkx "
                         "3.6.1 is wrong for groups of 3 or more nodes (networkx issue #8827): there the same "
                         "function with the fix of networkx PR #8879 applied (asserted equal to the "
                         "definition) and 3.6.1's value kept as group_betweenness_networkx_3_6_1; elsewhere the "
                         "definition: sum over ordered pairs s != t outside F, t reachable from s, of the share "
                         "of nx.all_shortest_paths(G, s, t, weight=W) with an inner node in F, divided by "
                         "(n - |F|)(n - |F| - 1); null when fewer than 2 nodes lie outside F",
    "group_closeness": "connected undirected graphs: nx.group_closeness_centrality(G, F, weight=W), asserted "
                       "equal to the definition; elsewhere the definition: d(F, v) = "
                       "nx.multi_source_dijkstra_path_length(G, F, weight=W) (paths out of F), R = reached "
                       "non-members, |R| / sum d * |R| / (n - |F|), 0 when R is empty; null when F is every "
                       "node",
    "fragmentation": "1 - sum_k s_k (s_k - 1) / (n (n - 1)) over nx weakly/connected components; null when "
                     "n < 2",
    "distance_fragmentation": "1 - sum over ordered pairs i != j of 1/d(i, j) / (n (n - 1)), d from "
                              "nx.all_pairs_shortest_path_length(G) or nx.all_pairs_dijkstra_path_length(G, "
                              "weight=W) (paths along arcs), 1/d = 0 when unreachable; null when n < 2",
    "_without_focal": "the same on G.subgraph(nodes not in F)",
    "share_null": "every subset S of |F| organisations, equally likely: p_exact = P(share(S) >= focal share, "
                  "or within 1e-9 relative), p_exact_low = P(share(S) <= focal share, or within 1e-9 "
                  "relative), mean = E[share(S)]; only where C(n, |F|) <= 200000",
    "chair_share": "memberships.csv: partnerships with a member of role 'chair' in F / partnerships with a "
                   "member of role 'chair'; null when none has a chair",
}

CONVENTIONS = [
    "Graphs and cases as in Scripts/reference/basic_measures.py and centrality_measures.py (their loading "
    "code is imported).",
    "W = None unweighted; weighted, W = 'length', an edge attribute Fraction(1) / Fraction(weight), so that "
    "equal path lengths tie exactly. V = None unweighted, 'weight' weighted.",
    "Focal sets: each sector (organisations.csv 'sector', in order of first appearance), the first "
    "organisation alone ('first'), and every third organisation from the first ('every_third').",
    "Weighted cases hold only what --weighted changes: betweenness, eigenvector, pagerank and bonacich_power "
    "shares, group betweenness and closeness, distance fragmentation.",
]


def patched_group_betweenness():
    """networkx 3.6.1's group_betweenness_centrality with the fix of networkx PR #8879.

    networkx 3.6.1 reads sigma where its group update needs sigma_m in one term, so groups of
    three or more nodes get wrong values even on connected undirected graphs (networkx issue
    #8827). The fix replaces `sigma[x][y] / sigma[v][y]` by `sigma_m[x][y] / sigma_m[v][y]`;
    here it is applied to the installed source, which is otherwise run unchanged.
    """
    source = inspect.getsource(nx_group.group_betweenness_centrality)
    wrong = "dvxy = sigma_m[v][x] * sigma[x][y] / sigma[v][y]"
    assert source.count(wrong) == 1, "networkx's group betweenness changed: review the patch"
    source = source.replace(wrong, "dvxy = sigma_m[v][x] * sigma_m[x][y] / sigma_m[v][y]")
    source = source[source.index("def "):]  # without the dispatch decorator
    namespace = dict(vars(nx_group))
    exec(source, namespace)
    return namespace["group_betweenness_centrality"]


PATCHED_GROUP_BETWEENNESS = patched_group_betweenness()


def finite(value):
    value = float(value)
    assert math.isfinite(value), value
    return value


def sectors_of(folder):
    _, rows = read_csv(os.path.join(folder, "organisations.csv"))
    return {r["id"]: r["sector"] for r in rows}


def chairs_of(folder):
    """{partnership: set of chair ids} and the partnership ids."""
    path = os.path.join(folder, "memberships.csv")
    if not os.path.exists(path):
        return {}, []
    _, parts = read_csv(os.path.join(folder, "partnerships.csv"))
    _, rows = read_csv(path)
    chairs = {}
    for r in rows:
        if (r.get("role") or "member").strip() == "chair":
            chairs.setdefault(r["partnership"], set()).add(r["organisation"])
    return chairs, [p["id"] for p in parts]


def focal_sets(orgs, sectors):
    sets = []
    for sector in dict.fromkeys(sectors[v] for v in orgs):
        sets.append({"kind": "sector", "sector": sector, "ids": [v for v in orgs if sectors[v] == sector]})
    sets.append({"kind": "first", "ids": orgs[:1]})
    if len(orgs) >= 3:
        sets.append({"kind": "every_third", "ids": orgs[0::3]})
    return sets


def ties(a, b):
    return a == b or abs(a - b) <= TIE * max(abs(a), abs(b))


def share_values(scores, members, orgs):
    if scores is None:
        return None
    values = [scores[v] for v in orgs]
    total = sum(values)
    inside = [scores[v] for v in members]
    outside = [scores[v] for v in orgs if v not in members]
    best = max(inside)
    rank = 1 + sum(1 for x in values if x > best and not ties(x, best))
    ratio = None
    if outside and max(outside) != 0:
        ratio = best / max(outside)
    return {
        "share": None if total == 0 else sum(inside) / total,
        "top_rank": rank,
        "dominance_ratio": ratio,
    }


def share_null(scores, members, orgs):
    n, k = len(orgs), len(members)
    if math.comb(n, k) > EXACT_NULL_MAX_SUBSETS:
        return None
    values = np.array([scores[v] for v in orgs], dtype=float)
    total = values.sum()
    if total == 0:
        return None
    focal = sum(scores[v] for v in members) / total
    count = 0
    low = 0
    mean = 0.0
    subsets = 0
    for subset in itertools.combinations(range(n), k):
        share = values[list(subset)].sum() / total
        if share >= focal or ties(share, focal):
            count += 1
        if share <= focal or ties(share, focal):
            low += 1
        mean += share
        subsets += 1
    return {"p_exact": count / subsets, "p_exact_low": low / subsets, "mean": mean / subsets, "subsets": subsets}


def bonacich_beta(G, orgs, weight):
    radius = spectral_radius(adjacency(G, orgs, weight))
    return 0.5 / radius if radius > 0 else 0.5


def node_scores(G, orgs, weighted, bonacich):
    """Measure -> {id: score} or None, and the reasons for None."""
    scores, reasons = {}, {}
    if weighted:
        H = with_lengths(G)
        b = nx.betweenness_centrality(H, normalized=False, weight="length")
        scores["betweenness"] = {v: finite(b[v]) for v in orgs}
        scores["eigenvector"], reason = eigenvector(G, "weight", orgs)
        scores["pagerank"] = pagerank(G, "weight", orgs)
    else:
        scores["degree"] = {v: float(d) for v, d in G.degree()}
        scores["strength"] = {v: float(s) for v, s in G.degree(weight="weight")}
        b = nx.betweenness_centrality(G, normalized=False)
        scores["betweenness"] = {v: finite(b[v]) for v in orgs}
        scores["eigenvector"], reason = eigenvector(G, None, orgs)
        scores["pagerank"] = pagerank(G, None, orgs)
    if reason:
        reasons["eigenvector"] = reason
    scores["bonacich_power"] = bonacich
    if bonacich is None:
        reasons["bonacich_power"] = "no ties"
    return scores, reasons


def connected_undirected(G):
    return not G.is_directed() and len(G) > 0 and nx.is_connected(G)


class Paths:
    """Every shortest path between every ordered pair, and distances, computed once per graph."""

    def __init__(self, G, weight):
        self.G = G
        self.weight = weight
        self.paths = {}
        for s in G:
            lengths = (nx.single_source_dijkstra_path_length(G, s, weight=weight) if weight
                       else nx.single_source_shortest_path_length(G, s))
            for t in lengths:
                if t != s:
                    self.paths[(s, t)] = list(nx.all_shortest_paths(G, s, t, weight=weight))

    def group_betweenness(self, members, orgs):
        outside = [v for v in orgs if v not in members]
        if len(outside) < 2:
            return None
        total = Fraction(0)
        for s in outside:
            for t in outside:
                if s == t or (s, t) not in self.paths:
                    continue
                paths = self.paths[(s, t)]
                through = sum(1 for p in paths if any(v in members for v in p[1:-1]))
                total += Fraction(through, len(paths))
        return float(total / (len(outside) * (len(outside) - 1)))


def group_closeness_definition(G, members, orgs, weight):
    outside = [v for v in orgs if v not in members]
    if not outside:
        return None
    d = nx.multi_source_dijkstra_path_length(G, set(members), weight=weight)
    reached = [d[v] for v in outside if v in d]
    if not reached:
        return 0.0
    r = len(reached)
    return float(Fraction(r) / Fraction(sum(reached)) * Fraction(r, len(outside)))


def fragmentation(G):
    n = len(G)
    if n < 2:
        return None
    comps = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    return 1 - sum(len(c) * (len(c) - 1) for c in comps) / (n * (n - 1))


def distance_fragmentation(G, weight):
    n = len(G)
    if n < 2:
        return None
    total = Fraction(0)
    pairs = nx.all_pairs_dijkstra_path_length(G, weight=weight) if weight else nx.all_pairs_shortest_path_length(G)
    for s, lengths in pairs:
        for t, d in lengths.items():
            if t != s:
                total += 1 / Fraction(d)
    return float(1 - total / (n * (n - 1)))


def group_values(G, members, orgs, weighted, paths, close=1e-12):
    """Group betweenness and closeness (and degree, unweighted) for one focal set."""
    weight = "length" if weighted else None
    H = with_lengths(G) if weighted else G
    out = {}
    sources = {}
    if not weighted:
        out["group_degree"] = (None if len(members) == len(orgs)
                               else finite(nx.group_degree_centrality(G, members)))
    betweenness = paths.group_betweenness(set(members), orgs)
    closeness = group_closeness_definition(H, members, orgs, weight)
    sources["group_betweenness"] = sources["group_closeness"] = "definition"
    if connected_undirected(G) and len(orgs) - len(members) >= 2:
        released = float(nx.group_betweenness_centrality(H, members, normalized=True, weight=weight))
        fixed = float(PATCHED_GROUP_BETWEENNESS(H, members, normalized=True, weight=weight))
        assert abs(fixed - betweenness) <= close * max(1, abs(betweenness)), ("group betweenness", fixed,
                                                                               betweenness)
        if abs(released - betweenness) <= close * max(1, abs(betweenness)):
            betweenness = released
            sources["group_betweenness"] = "networkx"
        else:
            # networkx issue #8827: record what 3.6.1 says, and keep the definition.
            assert len(members) >= 3, ("networkx 3.6.1 differs for a group of fewer than 3", released)
            out["group_betweenness_networkx_3_6_1"] = released
            betweenness = fixed
            sources["group_betweenness"] = "networkx with the fix of PR #8879 (= definition)"
        theirs = float(nx.group_closeness_centrality(H, members, weight=weight))
        assert abs(theirs - closeness) <= close * max(1, abs(closeness)), ("group closeness", theirs, closeness)
        closeness = theirs
        sources["group_closeness"] = "networkx"
    out["group_betweenness"] = betweenness
    out["group_closeness"] = closeness
    rest = G.subgraph([v for v in orgs if v not in members]).copy()
    if not weighted:
        out["fragmentation_without_focal"] = fragmentation(rest)
    out["distance_fragmentation_without_focal"] = distance_fragmentation(
        with_lengths(rest) if weighted else rest, weight)
    return out, sources


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    os.makedirs(OUT, exist_ok=True)
    areas = []
    names = set()
    for root in AREA_ROOTS:
        for path in sorted(glob.glob(os.path.join(root, "*", "organisations.csv"))):
            folder = os.path.dirname(path)
            name = os.path.basename(folder)
            assert name not in names, f"two areas named {name}"
            names.add(name)
            areas.append((name, folder, area_cases(name, folder)))

    # Bonacich power from sna, for every case, binary and valued.
    jobs = {}
    betas = {}
    for name, folder, cases in areas:
        for index, (selection, G, directed, orgs) in enumerate(cases):
            mode = "digraph" if directed else "graph"
            for weighted in (False, True):
                weight = "weight" if weighted else None
                beta = bonacich_beta(G, orgs, weight)
                betas[(name, index, weighted)] = beta
                if G.number_of_edges() > 0:
                    jobs[f"{name}-{index}-{int(weighted)}"] = (adjacency(G, orgs, weight), mode, [beta])
    sna = run_sna(jobs)
    r_version, sna_version = sna_versions()

    for name, folder, cases in areas:
        sectors = sectors_of(folder)
        chairs, partnership_ids = chairs_of(folder)
        out_cases = []
        for index, (selection, G, directed, orgs) in enumerate(cases):
            case = {
                "relations": selection,
                "directed": directed,
                "nodes": len(orgs),
                "fragmentation": fragmentation(G),
                "distance_fragmentation": distance_fragmentation(G, None),
                "distance_fragmentation_weighted": distance_fragmentation(with_lengths(G), "length"),
                "focal_sets": [],
            }
            per_weight = {}
            for weighted in (False, True):
                beta = betas[(name, index, weighted)]
                key = f"{name}-{index}-{int(weighted)}"
                bonacich = None
                if key in sna:
                    values = [sna[key][f"bonpow[{beta!r}][{i + 1}]"] for i in range(len(orgs))]
                    bonacich = {v: finite(values[i]) for i, v in enumerate(orgs)}
                scores, reasons = node_scores(G, orgs, weighted, bonacich)
                paths = Paths(with_lengths(G) if weighted else G, "length" if weighted else None)
                per_weight[weighted] = (scores, reasons, paths, beta)
                case["weighted_beta" if weighted else "beta"] = beta
                case["weighted_reasons" if weighted else "reasons"] = reasons
            for focal in focal_sets(orgs, sectors):
                members = focal["ids"]
                entry = dict(focal)
                for weighted in (False, True):
                    scores, reasons, paths, beta = per_weight[weighted]
                    measures = WEIGHTED_MEASURES if weighted else MEASURES
                    shares = {m: share_values(scores[m], set(members), orgs) for m in measures}
                    nulls = {m: share_null(scores[m], set(members), orgs) for m in measures if scores[m] is not None}
                    group, sources = group_values(G, members, orgs, weighted, paths)
                    entry["weighted" if weighted else "unweighted"] = {
                        "shares": shares,
                        "share_null": {m: v for m, v in nulls.items() if v is not None},
                        **group,
                        "sources": sources,
                    }
                case["focal_sets"].append(entry)
            out_cases.append(case)

        chair_entries = []
        if partnership_ids:
            for focal in focal_sets(list(sectors), sectors):
                members = set(focal["ids"])
                chaired = [p for p in partnership_ids if p in chairs]
                by_focal = [p for p in chaired if chairs[p] & members]
                chair_entries.append({
                    "kind": focal["kind"], "sector": focal.get("sector"), "ids": focal["ids"],
                    "chaired_by_focal": len(by_focal), "chaired": len(chaired),
                    "partnerships": len(partnership_ids),
                    "chair_share": None if not chaired else len(by_focal) / len(chaired),
                })

        data = {
            "dataset": name,
            "generator": GENERATOR,
            "tools": {
                "networkx": nx.__version__,
                "numpy": np.__version__,
                "python": platform.python_version(),
                "R": r_version,
                "sna": sna_version,
            },
            "calls": CALLS,
            "conventions": CONVENTIONS,
            "cases": out_cases,
            "chairs": chair_entries,
        }
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False, allow_nan=False)
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text + "\n")
        print(f"{name}: {len(out_cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
