#!/usr/bin/env python3
"""Reference values for PartnerNet's "silos" measures: E-I index, mixing by group,
assortativity, modularity of the group partition, detected communities against groups,
and the components, cutpoints and bridges that hold a network together.

An independent implementation: reads every area folder in Datasets/, Tests/Fixtures/areas/
and Tests/Fixtures/centrality_areas/ with Python's csv and json modules (the loading code
of basic_measures.py, no PartnerNet code), builds the graphs by the conventions of the
metric catalogue, and writes

  * Tests/Fixtures/reference/silos/<area>.json, one per area, with one case per selection
    of relations (the union, each relation alone when there are several, co-membership
    when there are memberships), groups = the `sector` column;
  * Tests/Fixtures/reference/silos_partition_agreement.json: NMI and ARI of five fixed
    pairs of partitions, by igraph and by scikit-learn;
  * Tests/Fixtures/reference/silos_planted_100k.json: the parameters, checksums and
    igraph Louvain/Leiden modularity of a 100,000-node planted-partition graph generated
    here with SplitMix64 (the graph itself goes to /tmp/partnernet_planted_100k/, an
    area folder, not to the repository: see plant_graph() and README.md).

What is computed, and by what (the fixtures repeat this in "calls" and "definitions"):

  * E-I index (Krackhardt & Stern 1988) by this script's own code from its definition:
    ties are arcs (directed) or edges (undirected), binary (weights ignored); network,
    group and node level; the expected value under random mixing given the group sizes
    (UCINET: the E-I of the complete graph with the same groups); the minimum and maximum
    attainable with the same group sizes and number of ties, and the index rescaled
    linearly from that range to [-1, 1].
  * The null distribution of the E-I index under a uniformly random permutation of the
    group labels over all organisations (isolates included): the exact mean and variance
    of the network E-I in closed form for every area, and, where n <= 12, the exact
    distribution by enumerating every distinct labelling (network and group level), from
    which the exact P(E-I <= observed) and P(E-I >= observed) follow. No random stream is
    matched: a permutation test's estimates must converge to these.
  * Mixing matrix: tie counts and densities from group to group (UCINET density by groups,
    METRICS.md density[A,B]).
  * nx.attribute_assortativity_coefficient(G, "sector") (cross-checked with igraph's
    assortativity_nominal); nx.community.modularity of the sector partition, unweighted
    and weighted (cross-checked with igraph's Graph.modularity).
  * igraph community_multilevel (Louvain) and community_leiden(objective_function=
    "modularity") on the undirected skeleton, unweighted and weighted, over 20 seeds, the
    best modularity each reached, its number of communities and partition, and its NMI and
    ARI against the sector partition (igraph.compare_communities, cross-checked with
    scikit-learn).
  * Weak and strong components, articulation points of G.to_undirected(), bridges of the
    undirected skeleton, and which of them separate organisations of different sectors.

Requires networkx 3.6.1, python-igraph 1.0 (pip install igraph), scikit-learn
(pip install scikit-learn) and numpy. No R package is used: the R E-I implementations
(homophily::ei_index, netseg::ei) are not packaged by Debian, so the E-I values come from
this script's own code and the published Knoke values (asserted below).

Deterministic: rerunning rewrites identical files (the script re-executes itself with
PYTHONHASHSEED=0, so that networkx's set iteration, and with it the order of its
floating-point sums, is the same every run). Run from the repository root:

    python3 Scripts/reference/silos_measures.py
"""

import glob
import hashlib
import itertools
import json
import math
import os
import platform
import random
import sys
from fractions import Fraction

import igraph
import networkx as nx
import numpy as np
import sklearn
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from basic_measures import CO_MEMBERSHIP, build_graph, load_area, read_csv  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = "Scripts/reference/silos_measures.py"
OUT_ROOT = os.path.join(ROOT, "Tests", "Fixtures", "reference")
OUT = os.path.join(OUT_ROOT, "silos")
AREA_ROOTS = [
    os.path.join(ROOT, "Datasets"),
    os.path.join(ROOT, "Tests", "Fixtures", "areas"),
    os.path.join(ROOT, "Tests", "Fixtures", "centrality_areas"),
]
GROUPS_ATTRIBUTE = "sector"
COMMUNITY_SEEDS = list(range(20))
ENUMERATION_MAX_NODES = 12
ENUMERATION_MAX_LABELLINGS = 2_000_000
PLANTED_FOLDER = "/tmp/partnernet_planted_100k"
PLANTED_SEEDS = list(range(5))


def tools():
    return {
        "networkx": nx.__version__,
        "igraph": igraph.__version__,
        "igraph_c_core": igraph.__igraph_version__,
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
    }


CALLS = {
    "ei_index": "this script's own code (ei_counts): E = ties whose ends are in different groups, "
                "I = ties whose ends are in the same group, ei = (E - I)/(E + I); null when E + I = 0",
    "ei_index_groups": "this script's own code: for group g, E = ties with exactly one end in g, "
                       "I = ties with both ends in g",
    "ei_index_node": "this script's own code: every tie incident to the node (directed: its in-arcs and "
                     "its out-arcs, so a mutual pair counts twice), E = ties to other groups; null when "
                     "the node has no ties",
    "ei_index_expected": "this script's own code: E-I of the complete graph on the same groups, "
                         "(B - W)/(B + W), W = sum_g n_g(n_g - 1), B = n(n - 1) - W (ordered pairs; "
                         "unordered pairs give the same value); per group: E = 2 n_g (n - n_g), "
                         "I = n_g (n_g - 1) (ordered); null when n < 2",
    "ei_index_range": "this script's own code: max = E-I with E = min(m, B), min = E-I with I = min(m, W); "
                      "rescaled linearly from [min, max] to [-1, 1] (see definitions)",
    "ei_permutation_null": "this script's own code: exact moments in closed form (see definitions), "
                           "exhaustive enumeration of distinct labellings where n <= 12",
    "mixing": "this script's own code from G.edges(): counts[A][B] = arcs from A to B (directed); "
              "edges between A and B, symmetric, and within A once (undirected); density as METRICS.md "
              "density[A,B]",
    "assortativity": 'nx.attribute_assortativity_coefficient(G, "sector"); cross-checked with igraph '
                     "Graph.assortativity_nominal(types, directed=G.is_directed())",
    "modularity_groups": "nx.community.modularity(G, [set of each sector, sectors sorted], weight=None); "
                         "cross-checked with igraph Graph.modularity(membership, directed=True)",
    "modularity_groups_weighted": 'nx.community.modularity(G, partition, weight="weight"); cross-checked '
                                  'with igraph Graph.modularity(membership, weights="weight", directed=True)',
    "skeleton": 'igraph: Graph(n, arcs, directed=True).as_undirected(mode="collapse", '
                'combine_edges={"weight": "sum"}) for directed graphs (an edge where there is an arc '
                "either way, weight = sum of the arcs' weights); the graph itself when undirected",
    "louvain": "for seed in 0..19: random.seed(seed); S.community_multilevel(weights=None | "
               '"weight", return_levels=False, resolution=1); best modularity kept (first seed on ties)',
    "leiden": 'for seed in 0..19: random.seed(seed); S.community_leiden(objective_function="modularity", '
              'weights=None | "weight", resolution=1, beta=0.01, n_iterations=-1); best modularity kept',
    "community_modularity": 'S.modularity(membership, weights=None | "weight") on the skeleton S; '
                            "cross-checked with nx.community.modularity on the same skeleton",
    "community_modularity_directed": "nx.community.modularity(G, partition, weight=None | \"weight\"), "
                                     "the directed formula, of the best skeleton partition (directed "
                                     "graphs only)",
    "nmi_groups": 'igraph.compare_communities(best.membership, sector_membership, method="nmi"); '
                  'cross-checked with sklearn normalized_mutual_info_score(sector, best, '
                  'average_method="arithmetic")',
    "ari_groups": 'igraph.compare_communities(best.membership, sector_membership, method="adjusted_rand"); '
                  "cross-checked with sklearn adjusted_rand_score(sector, best)",
    "weak_components": "nx.weakly_connected_components(G) (directed); nx.connected_components(G) (undirected)",
    "strong_components": "nx.strongly_connected_components(G) (directed); nx.connected_components(G) "
                         "(undirected)",
    "articulation_points": "nx.articulation_points(G.to_undirected())",
    "bridges": "nx.bridges(G.to_undirected())",
}

DEFINITIONS = {
    "ties": "Ties are the arcs of a directed graph and the edges of an undirected one, as built by the "
            "graph conventions; weights are ignored. m = number of ties, n = number of organisations "
            "(isolates included), n_g = organisations in group g.",
    "W_B": "W = within-group pairs, B = between-group pairs: ordered pairs (n(n-1) in all) for directed "
           "graphs, unordered pairs (n(n-1)/2) for undirected ones.",
    "ei_index_expected": "UCINET's expected value under random mixing given the group sizes: the E-I "
                         "index of the complete graph on the same groups, (B - W)/(B + W). It is also "
                         "exactly the mean of the network E-I under a random permutation of the labels "
                         "whenever m > 0 (asserted).",
    "ei_index_range": "max: as many of the m ties as possible between groups: E = min(m, B), I = m - E; "
                      "min: as many as possible within groups: I = min(m, W), E = m - I; each as "
                      "(E - I)/m; null when m = 0. rescaled = -1 + 2 (ei - min)/(max - min), the "
                      "observed index mapped linearly from [min, max] to [-1, 1] (our reading of UCINET's "
                      "'rescaled' E-I); null when max = min or m = 0.",
    "ei_permutation_null": "Null model: the multiset of group labels is permuted uniformly at random over "
                           "all n organisations (isolates included); the graph is fixed. Then E + I = m is "
                           "fixed and ei = 1 - 2I/m. With p1 = sum_g n_g(n_g-1) / (n(n-1)) (two given "
                           "organisations share a group), p2 = sum_g n_g(n_g-1)(n_g-2) / (n(n-1)(n-2)) "
                           "(three given ones do), p3 = [sum_g n_g(n_g-1)(n_g-2)(n_g-3) + sum_{g != h} "
                           "n_g(n_g-1) n_h(n_h-1)] / (n(n-1)(n-2)(n-3)) (two given disjoint pairs are "
                           "each within a group): E[I] = m p1; E[I^2] = S0 p1 + S1 p2 + S2 p3, where over "
                           "ordered pairs of ties (t, s), S0 counts those on the same pair of "
                           "organisations (t = s included; a mutual pair of arcs gives 4), S1 those "
                           "sharing exactly one organisation, S2 = m^2 - S0 - S1 the disjoint ones; "
                           "mean(ei) = 1 - 2 m p1 / m, var(ei) = 4 Var(I) / m^2. Exact fractions are given "
                           "as 'p/q' strings. The closed form is checked against exhaustive enumeration "
                           "wherever the enumeration is done.",
    "ei_permutation_enumeration": "Where n <= 12 and the number of distinct labellings n!/prod(n_g!) is "
                                  "at most 2,000,000, every distinct labelling (each equally likely under "
                                  "the null) is enumerated. network.distribution lists each attained I with "
                                  "its E, ei and the number of labellings giving it; p_low = P(ei <= "
                                  "observed), p_high = P(ei >= observed), exact probabilities (the "
                                  "observed labelling is one of the labellings; no +1 correction: a test's "
                                  "(k + 1)/(N + 1) converges to these). groups[g] likewise lists each "
                                  "attained (E, I) of group g; where E + I = 0 the group's index is "
                                  "undefined: such labellings are counted in 'undefined', in the "
                                  "denominators of p_low and p_high but never in their numerators, and "
                                  "left out of 'mean' and 'variance' (which are conditional on the index "
                                  "being defined).",
    "mixing": "counts[A][B]: directed: arcs from a member of A to a member of B; undirected: edges between "
              "A and B (symmetric), within A each edge once. possible[A][B]: nA nB for A != B; within A: "
              "nA(nA-1) directed, nA(nA-1)/2 undirected. density = counts/possible, null when possible = 0.",
    "assortativity": "null (with assortativity_reason) where networkx gives no finite value: no ties, or "
                     "every tie within one group (0/0).",
    "modularity": "null where the graph has no ties (networkx divides by zero).",
    "communities": "Louvain and Leiden run on the undirected skeleton S (see calls.skeleton); modularity "
                   "is S's undirected modularity of the best partition. Each isolate is a community of "
                   "its own and counts in 'communities' ('communities_excluding_isolates' leaves them "
                   "out). membership: community index per organisation, renumbered 0, 1, ... in order of "
                   "first appearance in organisations.csv. Null modularity where S has no ties (igraph "
                   "gives NaN).",
    "nmi_ari": "NMI is 2 I(X;Y) / (H(X) + H(Y)) (igraph's 'nmi' = sklearn's arithmetic average). igraph "
               "returns NaN for the ARI of two one-block partitions (sklearn gives 1.0): recorded as null, "
               "with sklearn's value beside it.",
    "components": "Components are listed as member lists in organisations.csv order, the lists ordered by "
                  "their first member's position in organisations.csv; node.component and "
                  "node.strong_component give each organisation the index of its list (compare "
                  "partitions, not labels). Strong components of an undirected graph are its connected "
                  "components.",
    "cut_structure": "The skeleton is G.to_undirected() (a mutual pair of arcs is one edge). A cutpoint's "
                     "pieces are the components its removal leaves of its own component; a bridge's sides "
                     "are the two components its removal leaves. separates_sectors: some two "
                     "organisations of different sectors are disconnected by the removal (equivalently: "
                     "the pieces, or sides, taken together hold more than one sector). A bridge's "
                     "ends_in_different_sectors compares its two ends' sectors. Bridge ends and cutpoints "
                     "are in organisations.csv order.",
}

CONVENTIONS = [
    "Graphs as in Scripts/reference/basic_measures.py (its loading code is imported): every organisation "
    "is a node; self-loops dropped; duplicate arcs merged, weights summed within a relation; a union of "
    "relations weighs each arc by its multiplexity unless all declare the same unit; the union is directed if any "
    "selected relation is, an undirected tie then giving an arc each way (so it counts as two ties in "
    "the E-I index and the mixing matrix).",
    "Cases: relations [] is the union of every relation in relationships.csv (co-membership excluded); "
    "a one-name list is that relation alone (only when the area has several); ['co-membership'] is the "
    "projection of memberships.csv.",
    "Groups are the values of the `sector` column; 'groups' maps each sector (sorted) to its members in "
    "organisations.csv order.",
    "Floating-point values are Python floats written with repr (17 significant digits where needed); "
    "exact rationals are also given as 'p/q' strings where noted.",
]


# ---------------------------------------------------------------------------- helpers

def frac_text(x):
    return None if x is None else f"{x.numerator}/{x.denominator}"


def finite_or_none(x):
    x = float(x)
    return x if math.isfinite(x) else None


def ei_value(e, i):
    return None if e + i == 0 else (e - i) / (e + i)


def ei_fraction(e, i):
    return None if e + i == 0 else Fraction(e - i, e + i)


def ties_of(G):
    """The ties as (u, v) pairs: arcs of a DiGraph, edges of a Graph (each once)."""
    return list(G.edges())


def canonical_membership(labels, orgs):
    """Renumber labels 0, 1, ... by first appearance in orgs order."""
    seen = {}
    out = {}
    for v in orgs:
        out[v] = seen.setdefault(labels[v], len(seen))
    return out


# ---------------------------------------------------------------------------- E-I index

def ei_counts(G, group):
    ties = ties_of(G)
    e = sum(1 for u, v in ties if group[u] != group[v])
    return e, len(ties) - e


def ei_groups(G, group, names):
    out = {}
    for g in names:
        e = i = 0
        for u, v in ties_of(G):
            inside = (group[u] == g) + (group[v] == g)
            if inside == 2:
                i += 1
            elif inside == 1:
                e += 1
        out[g] = {"E": e, "I": i, "ei": ei_value(e, i)}
    return out


def ei_nodes(G, group, orgs):
    e = {v: 0 for v in orgs}
    i = {v: 0 for v in orgs}
    for u, v in ties_of(G):
        same = group[u] == group[v]
        for x in (u, v):
            if same:
                i[x] += 1
            else:
                e[x] += 1
    return {v: {"E": e[v], "I": i[v], "ei": ei_value(e[v], i[v])} for v in orgs}


def pair_counts(sizes, directed):
    n = sum(sizes.values())
    within = sum(k * (k - 1) for k in sizes.values())
    total = n * (n - 1)
    if not directed:
        within //= 2
        total //= 2
    return within, total - within


def ei_expected(sizes, directed):
    n = sum(sizes.values())
    w, b = pair_counts(sizes, directed)
    network = None if w + b == 0 else Fraction(b - w, b + w)
    groups = {}
    for g, k in sizes.items():
        # ordered pairs; unordered pairs halve both counts and give the same value
        e, i = 2 * k * (n - k), k * (k - 1)
        groups[g] = ei_fraction(e, i)
    return network, groups, w, b


def ei_range(m, sizes, directed, observed):
    w, b = pair_counts(sizes, directed)
    if m == 0:
        return {"max": None, "min": None, "max_E": None, "min_E": None, "rescaled": None,
                "within_pairs": w, "between_pairs": b}
    max_e = min(m, b)
    max_i = min(m, w)
    hi = Fraction(max_e - (m - max_e), m)
    lo = Fraction((m - max_i) - max_i, m)
    rescaled = None if hi == lo else -1 + 2 * (observed - lo) / (hi - lo)
    return {"max": float(hi), "min": float(lo), "max_exact": frac_text(hi), "min_exact": frac_text(lo),
            "max_E": max_e, "min_E": m - max_i,
            "rescaled": None if rescaled is None else float(rescaled),
            "within_pairs": w, "between_pairs": b}


# ------------------------------------------------------------ permutation null, exact

def falling(k, r):
    out = 1
    for j in range(r):
        out *= k - j
    return out


def null_moments(G, group_sizes):
    """Exact mean and variance of I and of the network E-I under label permutation."""
    ties = ties_of(G)
    m = len(ties)
    n = sum(group_sizes.values())
    if m == 0:
        return None
    ks = list(group_sizes.values())
    p1 = Fraction(sum(falling(k, 2) for k in ks), falling(n, 2))
    p2 = Fraction(sum(falling(k, 3) for k in ks), falling(n, 3)) if n >= 3 else Fraction(0)
    if n >= 4:
        pairs = sum(falling(k, 2) for k in ks)
        p3 = Fraction(sum(falling(k, 4) for k in ks) + pairs * pairs - sum(falling(k, 2) ** 2 for k in ks),
                      falling(n, 4))
    else:
        p3 = Fraction(0)
    mult = {}
    for u, v in ties:
        key = frozenset((u, v))
        mult[key] = mult.get(key, 0) + 1
    s0 = sum(k * k for k in mult.values())
    around = {}
    around_sq = {}
    for key, k in mult.items():
        for x in key:
            around[x] = around.get(x, 0) + k
            around_sq[x] = around_sq.get(x, 0) + k * k
    s1 = sum(around[x] ** 2 - around_sq[x] for x in around)
    s2 = m * m - s0 - s1
    assert s2 >= 0 and (n >= 3 or s1 == 0) and (n >= 4 or s2 == 0)
    mean_i = m * p1
    var_i = s0 * p1 + s1 * p2 + s2 * p3 - mean_i * mean_i
    assert var_i >= 0
    mean_ei = 1 - 2 * mean_i / m
    var_ei = 4 * var_i / (m * m)
    return {"mean_I": mean_i, "var_I": var_i, "mean": mean_ei, "variance": var_ei,
            "S0": s0, "S1": s1, "S2": s2}


def multinomial(sizes):
    out = math.factorial(sum(sizes))
    for k in sizes:
        out //= math.factorial(k)
    return out


def labellings(n, sizes):
    """Every distinct assignment of group indices 0..len(sizes)-1 with these sizes, as rows of an
    int8 array (lexicographic by positions chosen for group 0, then group 1, ...)."""
    rows = []

    def place(free, g, current):
        if g == len(sizes) - 1:
            row = list(current)
            for p in free:
                row[p] = g
            rows.append(row)
            return
        for chosen in itertools.combinations(free, sizes[g]):
            row = list(current)
            for p in chosen:
                row[p] = g
            rest = [p for p in free if p not in chosen]
            place(rest, g + 1, row)

    place(list(range(n)), 0, [0] * n)
    return np.array(rows, dtype=np.int8)


def null_enumeration(G, orgs, group, names):
    n = len(orgs)
    sizes = [sum(1 for v in orgs if group[v] == g) for g in names]
    count = multinomial(sizes)
    if n > ENUMERATION_MAX_NODES or count > ENUMERATION_MAX_LABELLINGS:
        return None, count
    index = {v: k for k, v in enumerate(orgs)}
    ties = ties_of(G)
    m = len(ties)
    L = labellings(n, sizes)
    assert L.shape[0] == count
    if m == 0:
        U = V = np.zeros(0, dtype=np.int64)
    else:
        U = np.array([index[u] for u, _ in ties])
        V = np.array([index[v] for _, v in ties])
    lu, lv = L[:, U], L[:, V]
    same = (lu == lv).sum(axis=1)
    obs_group = np.array([names.index(group[v]) for v in orgs], dtype=np.int8)
    assert any((L == obs_group).all(axis=1))  # the observed labelling is one of them

    network = None
    if m > 0:
        obs_i = sum(1 for u, v in ties if group[u] == group[v])
        values, counts = np.unique(same, return_counts=True)
        dist = []
        for i, c in zip(values.tolist(), counts.tolist()):
            dist.append({"I": i, "E": m - i, "ei": (m - 2 * i) / m, "labellings": c})
        low = sum(d["labellings"] for d in dist if d["I"] >= obs_i)    # ei <= observed
        high = sum(d["labellings"] for d in dist if d["I"] <= obs_i)   # ei >= observed
        mean = sum(Fraction(m - 2 * d["I"], m) * d["labellings"] for d in dist) / count
        second = sum(Fraction(m - 2 * d["I"], m) ** 2 * d["labellings"] for d in dist) / count
        network = {
            "distribution": dist,
            "p_low": {"numerator": low, "denominator": count, "value": low / count},
            "p_high": {"numerator": high, "denominator": count, "value": high / count},
            "mean": float(mean), "mean_exact": frac_text(mean),
            "variance": float(second - mean * mean), "variance_exact": frac_text(second - mean * mean),
        }

    groups = {}
    for gi, g in enumerate(names):
        in_u, in_v = lu == gi, lv == gi
        gi_count = (in_u & in_v).sum(axis=1)
        ge_count = (in_u ^ in_v).sum(axis=1)
        pairs, counts = np.unique(np.stack([ge_count, gi_count], axis=1), axis=0, return_counts=True)
        dist = [{"E": int(e), "I": int(i), "ei": ei_value(int(e), int(i)), "labellings": int(c)}
                for (e, i), c in zip(pairs.tolist(), counts.tolist())]
        obs_e = sum(1 for u, v in ties if (group[u] == g) != (group[v] == g))
        obs_i = sum(1 for u, v in ties if group[u] == g and group[v] == g)
        obs = ei_fraction(obs_e, obs_i)
        undefined = sum(d["labellings"] for d in dist if d["E"] + d["I"] == 0)
        defined = [d for d in dist if d["E"] + d["I"] > 0]
        entry = {"distribution": dist, "labellings": count, "undefined": undefined}
        if defined:
            total = count - undefined
            mean = sum(ei_fraction(d["E"], d["I"]) * d["labellings"] for d in defined) / total
            second = sum(ei_fraction(d["E"], d["I"]) ** 2 * d["labellings"] for d in defined) / total
            entry.update({"mean": float(mean), "mean_exact": frac_text(mean),
                          "variance": float(second - mean * mean),
                          "variance_exact": frac_text(second - mean * mean)})
        else:
            entry.update({"mean": None, "mean_exact": None, "variance": None, "variance_exact": None})
        if obs is None:
            entry["p_low"] = entry["p_high"] = None
        else:
            low = sum(d["labellings"] for d in defined if ei_fraction(d["E"], d["I"]) <= obs)
            high = sum(d["labellings"] for d in defined if ei_fraction(d["E"], d["I"]) >= obs)
            entry["p_low"] = {"numerator": low, "denominator": count, "value": low / count}
            entry["p_high"] = {"numerator": high, "denominator": count, "value": high / count}
        groups[g] = entry
    return {"labellings": count, "network": network, "groups": groups}, count


def self_test_moments():
    """The closed-form moments against enumeration on small seeded random graphs (not written out)."""
    rng = random.Random(5)
    for trial in range(40):
        n = rng.randint(2, 9)
        directed = trial % 2 == 0
        G = nx.DiGraph() if directed else nx.Graph()
        orgs = [f"v{k}" for k in range(n)]
        G.add_nodes_from(orgs)
        for u in orgs:
            for v in orgs:
                if u != v and rng.random() < 0.35:
                    G.add_edge(u, v)
        names = ["A", "B", "C"][: rng.randint(1, 3)]
        group = {v: names[rng.randrange(len(names))] for v in orgs}
        names = sorted(set(group.values()))
        sizes = {g: sum(1 for v in orgs if group[v] == g) for g in names}
        moments = null_moments(G, sizes)
        enum, _ = null_enumeration(G, orgs, group, names)
        if moments is None:
            assert G.number_of_edges() == 0
            continue
        assert frac_text(moments["mean"]) == enum["network"]["mean_exact"], trial
        assert frac_text(moments["variance"]) == enum["network"]["variance_exact"], trial


# ---------------------------------------------------------------------------- mixing

def mixing(G, group, names, sizes, directed):
    counts = {a: {b: 0 for b in names} for a in names}
    for u, v in G.edges():
        a, b = group[u], group[v]
        counts[a][b] += 1
        if not directed and a != b:
            counts[b][a] += 1
    possible = {}
    density = {}
    for a in names:
        possible[a] = {}
        density[a] = {}
        for b in names:
            if a == b:
                p = sizes[a] * (sizes[a] - 1) // (1 if directed else 2)
            else:
                p = sizes[a] * sizes[b]
            possible[a][b] = p
            density[a][b] = None if p == 0 else counts[a][b] / p
    return {"counts": counts, "possible": possible, "density": density}


# ------------------------------------------------------ assortativity and modularity

def igraph_of(G, orgs, directed):
    index = {v: k for k, v in enumerate(orgs)}
    edges = [(index[u], index[v]) for u, v in G.edges()]
    ig = igraph.Graph(n=len(orgs), edges=edges, directed=directed)
    ig.es["weight"] = [float(G[u][v]["weight"]) for u, v in G.edges()]
    return ig


def assortativity(G, ig, group, names, orgs):
    if G.number_of_edges() == 0:
        return None, "no ties"
    nx.set_node_attributes(G, group, "sector")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            r = nx.attribute_assortativity_coefficient(G, "sector")
        except ZeroDivisionError:
            r = float("nan")
    types = [names.index(group[v]) for v in orgs]
    check = ig.assortativity_nominal(types, directed=G.is_directed())
    if not math.isfinite(r):
        assert not math.isfinite(check)
        return None, "undefined (0/0): every tie joins two members of one group"
    assert abs(r - check) < 1e-12, (r, check)
    return float(r), None


def modularity_groups(G, ig, group, names, orgs):
    if G.number_of_edges() == 0:
        return None, None
    partition = [{v for v in orgs if group[v] == g} for g in names]
    membership = [names.index(group[v]) for v in orgs]
    q = nx.community.modularity(G, partition, weight=None)
    qw = nx.community.modularity(G, partition, weight="weight")
    assert abs(q - ig.modularity(membership, directed=True)) < 1e-12
    assert abs(qw - ig.modularity(membership, weights="weight", directed=True)) < 1e-12
    return float(q), float(qw)


# ---------------------------------------------------------------------------- communities

def skeleton(G, ig, orgs, directed):
    if not directed:
        S = ig.copy()
    else:
        S = ig.as_undirected(mode="collapse", combine_edges={"weight": "sum"})
    SN = nx.Graph()
    SN.add_nodes_from(range(len(orgs)))
    for e in S.es:
        SN.add_edge(e.source, e.target, weight=e["weight"])
    return S, SN


def agreement(a, b):
    """igraph's NMI and ARI of two membership lists, with scikit-learn's beside them."""
    if len(a) < 2:
        # igraph refuses Rand indices on fewer than two elements
        return {"nmi": None, "ari": None, "sklearn_nmi": None, "sklearn_ari": None,
                "reason": "fewer than two organisations"}
    nmi = igraph.compare_communities(a, b, method="nmi")
    ari = igraph.compare_communities(a, b, method="adjusted_rand")
    sk_nmi = normalized_mutual_info_score(b, a, average_method="arithmetic")
    sk_ari = adjusted_rand_score(b, a)
    if math.isfinite(nmi):
        assert abs(nmi - sk_nmi) < 1e-12, (nmi, sk_nmi)
    if math.isfinite(ari):
        assert abs(ari - sk_ari) < 1e-12, (ari, sk_ari)
    return {"nmi": finite_or_none(nmi), "ari": finite_or_none(ari),
            "sklearn_nmi": float(sk_nmi), "sklearn_ari": float(sk_ari)}


def best_run(S, method, weighted, seeds, per_seed=None):
    weights = "weight" if weighted else None
    best = None
    for seed in seeds:
        random.seed(seed)
        if method == "louvain":
            c = S.community_multilevel(weights=weights, return_levels=False, resolution=1)
        else:
            c = S.community_leiden(objective_function="modularity", weights=weights, resolution=1,
                                   beta=0.01, n_iterations=-1)
        q = S.modularity(c.membership, weights=weights)
        if per_seed is not None:
            per_seed.append({"seed": seed, "modularity": float(q), "communities": len(set(c.membership))})
        if best is None or q > best[0]:
            best = (q, seed, list(c.membership))
    return best


def communities(G, ig, SN, S, group, names, orgs, directed):
    out = {"skeleton": {"edges": S.ecount(), "total_weight": float(sum(S.es["weight"])) if S.ecount() else 0.0}}
    sector_membership = [names.index(group[v]) for v in orgs]
    isolates = sum(1 for d in S.degree() if d == 0)
    for method in ("louvain", "leiden"):
        out[method] = {}
        for weighted in (False, True):
            key = "weighted" if weighted else "unweighted"
            q, seed, membership = best_run(S, method, weighted, COMMUNITY_SEEDS)
            entry = {"best_seed": seed, "seeds": f"{COMMUNITY_SEEDS[0]}..{COMMUNITY_SEEDS[-1]}"}
            if S.ecount() == 0:
                entry["modularity"] = None
            else:
                parts = {}
                for k, c in enumerate(membership):
                    parts.setdefault(c, set()).add(k)
                check = nx.community.modularity(SN, list(parts.values()), weight="weight" if weighted else None)
                assert abs(check - q) < 1e-12, (check, q)
                entry["modularity"] = float(q)
                if directed:
                    named = [{orgs[k] for k in p} for p in parts.values()]
                    entry["modularity_directed"] = float(
                        nx.community.modularity(G, named, weight="weight" if weighted else None))
            count = len(set(membership))
            entry["communities"] = count
            entry["communities_excluding_isolates"] = count - isolates
            if method == "leiden":
                entry["communities_connected"] = all(
                    S.induced_subgraph([k for k, c in enumerate(membership) if c == label]).is_connected()
                    for label in set(membership))
                assert entry["communities_connected"]
            entry["membership"] = canonical_membership(dict(zip(orgs, membership)), orgs)
            entry["agreement_with_groups"] = agreement(membership, sector_membership)
            out[method][key] = entry
    return out


# ------------------------------------------------------------------ components and cuts

def ordered_components(components, position):
    lists = [sorted(c, key=position.get) for c in components]
    return sorted(lists, key=lambda c: position[c[0]])


def sector_counts(nodes, group):
    counts = {}
    for v in nodes:
        counts[group[v]] = counts.get(group[v], 0) + 1
    return dict(sorted(counts.items()))


def piece_record(nodes, group, position):
    return {"size": len(nodes), "sectors": sector_counts(nodes, group),
            "first": min(nodes, key=position.get)}


def structure(G, group, orgs, directed):
    position = {v: k for k, v in enumerate(orgs)}
    if directed:
        weak = ordered_components(nx.weakly_connected_components(G), position)
        strong = ordered_components(nx.strongly_connected_components(G), position)
    else:
        weak = ordered_components(nx.connected_components(G), position)
        strong = weak
    U = G.to_undirected()
    cut = sorted(nx.articulation_points(U), key=position.get)
    cutpoints = []
    for a in cut:
        H = U.subgraph(nx.node_connected_component(U, a) - {a})
        pieces = ordered_components(nx.connected_components(H), position)
        together = {group[v] for p in pieces for v in p}
        cutpoints.append({"node": a, "sector": group[a],
                          "pieces": [piece_record(p, group, position) for p in pieces],
                          "separates_sectors": len(together) > 1})
    bridges = []
    for u, v in nx.bridges(U):
        if position[u] > position[v]:
            u, v = v, u
        H = U.copy()
        H.remove_edge(u, v)
        side_u = nx.node_connected_component(H, u)
        side_v = nx.node_connected_component(H, v)
        together = {group[x] for x in side_u | side_v}
        bridges.append({"ends": [u, v], "sectors": [group[u], group[v]],
                        "ends_in_different_sectors": group[u] != group[v],
                        "sides": [piece_record(side_u, group, position), piece_record(side_v, group, position)],
                        "separates_sectors": len(together) > 1})
    bridges.sort(key=lambda b: (position[b["ends"][0]], position[b["ends"][1]]))
    cut_set = set(cut)
    weak_id = {v: k for k, c in enumerate(weak) for v in c}
    strong_id = {v: k for k, c in enumerate(strong) for v in c}
    network = {
        "weak_components": weak, "weak_component_count": len(weak),
        "strong_components": strong, "strong_component_count": len(strong),
        "articulation_points": cut, "cutpoints": cutpoints,
        "bridges": bridges,
        "bridges_between_sectors": sum(1 for b in bridges if b["ends_in_different_sectors"]),
        "cutpoints_separating_sectors": sum(1 for c in cutpoints if c["separates_sectors"]),
    }
    node = {
        "component": {v: weak_id[v] for v in orgs},
        "strong_component": {v: strong_id[v] for v in orgs},
        "is_cutpoint": {v: v in cut_set for v in orgs},
    }
    return network, node


# ---------------------------------------------------------------------------- one area

def case(meta, orgs, ties, memberships, selection, relation_names, group):
    G, directed = build_graph(meta, orgs, ties, memberships, selection or relation_names)
    names = sorted(set(group.values()))
    sizes = {g: sum(1 for v in orgs if group[v] == g) for g in names}
    ig = igraph_of(G, orgs, directed)
    m = G.number_of_edges()

    e, i = ei_counts(G, group)
    expected, expected_groups, w, b = ei_expected(sizes, directed)
    observed = ei_fraction(e, i)
    moments = null_moments(G, sizes)
    if moments is not None:
        assert moments["mean"] == expected  # the permutation mean is UCINET's expected value
    enum, count = null_enumeration(G, orgs, group, names)
    if enum is not None and moments is not None:
        assert enum["network"]["mean_exact"] == frac_text(moments["mean"])
        assert enum["network"]["variance_exact"] == frac_text(moments["variance"])

    null = {
        "labellings": count,
        "network_moments": None if moments is None else {
            "mean": float(moments["mean"]), "mean_exact": frac_text(moments["mean"]),
            "variance": float(moments["variance"]), "variance_exact": frac_text(moments["variance"]),
            "sd": math.sqrt(moments["variance"]),
            "mean_I": float(moments["mean_I"]), "variance_I": float(moments["var_I"]),
            "S0": moments["S0"], "S1": moments["S1"], "S2": moments["S2"],
        },
        "enumeration": enum,
        "enumeration_reason": None if enum is not None else
        f"not enumerated: n = {len(orgs)} > {ENUMERATION_MAX_NODES} or {count} labellings > "
        f"{ENUMERATION_MAX_LABELLINGS}",
    }
    if moments is None:
        null["network_moments_reason"] = "no ties: the E-I index is undefined under every labelling"

    assort, assort_reason = assortativity(G, ig, group, names, orgs)
    q, qw = modularity_groups(G, ig, group, names, orgs)
    S, SN = skeleton(G, ig, orgs, directed)
    network_struct, node_struct = structure(G, group, orgs, directed)

    return {
        "relations": selection,
        "directed": directed,
        "nodes": len(orgs),
        "ties": m,
        "groups": {g: [v for v in orgs if group[v] == g] for g in names},
        "group_sizes": sizes,
        "ei_index": {
            "network": {"E": e, "I": i, "ei": ei_value(e, i)},
            "groups": ei_groups(G, group, names),
            "node": ei_nodes(G, group, orgs),
            "expected": {
                "network": None if expected is None else float(expected),
                "network_exact": frac_text(expected),
                "groups": {g: None if x is None else float(x) for g, x in expected_groups.items()},
                "within_pairs": w, "between_pairs": b,
            },
            "range": ei_range(m, sizes, directed, observed),
        },
        "ei_permutation_null": null,
        "mixing": mixing(G, group, names, sizes, directed),
        "assortativity": assort,
        "assortativity_reason": assort_reason,
        "modularity_groups": {"unweighted": q, "weighted": qw},
        "communities": communities(G, ig, SN, S, group, names, orgs, directed),
        "components": network_struct,
        "node": dict(node_struct, group={v: group[v] for v in orgs}),
    }


def fixture(name, folder):
    meta, orgs, ties, memberships = load_area(folder)
    _, org_rows = read_csv(os.path.join(folder, "organisations.csv"))
    group = {r["id"]: r[GROUPS_ATTRIBUTE] for r in org_rows}
    relation_names = list(dict.fromkeys(relation for _, _, _, relation in ties))
    selections = [[]]
    if len(relation_names) > 1:
        selections += [[r] for r in relation_names]
    if memberships:
        selections.append([CO_MEMBERSHIP])
    cases = [case(meta, orgs, ties, memberships, s, relation_names, group) for s in selections]
    return {
        "dataset": name,
        "generator": GENERATOR,
        "groups_attribute": GROUPS_ATTRIBUTE,
        "tools": tools(),
        "calls": CALLS,
        "definitions": DEFINITIONS,
        "conventions": CONVENTIONS,
        "cases": cases,
    }


def check_knoke(data):
    """Published values: Knoke information by sector (UCINET E-I index)."""
    info = next(c for c in data["cases"] if c["relations"] == ["information"])
    net = info["ei_index"]["network"]
    assert (net["E"], net["I"]) == (37, 12), net
    assert round(net["ei"], 4) == 0.5102, net
    groups = info["ei_index"]["groups"]
    for g, value in {"GOV": 0.611, "PVT": 0.789, "VOL": 0.806}.items():
        assert round(groups[g]["ei"], 3) == value, (g, groups[g])


# ------------------------------------------------------------- partition agreement pairs

PARTITION_PAIRS = [
    ("same partition, labels renamed",
     [0, 0, 0, 1, 1, 1, 2, 2, 2], [7, 7, 7, 3, 3, 3, 5, 5, 5]),
    ("overlapping three and four blocks",
     [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], [0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3, 0]),
    ("one block against two",
     [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1, 1, 1]),
    ("singletons against two blocks",
     [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]),
    ("uneven blocks, 20 elements",
     [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3],
     [1, 1, 1, 1, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 1, 1, 3, 3, 3]),
]


def partition_agreement():
    pairs = []
    for label, a, b in PARTITION_PAIRS:
        nmi = igraph.compare_communities(a, b, method="nmi")
        ari = igraph.compare_communities(a, b, method="adjusted_rand")
        sk_nmi = normalized_mutual_info_score(a, b, average_method="arithmetic")
        sk_ari = adjusted_rand_score(a, b)
        assert abs(nmi - sk_nmi) < 1e-12 and abs(ari - sk_ari) < 1e-12, label
        pairs.append({"label": label, "a": a, "b": b,
                      "nmi_igraph": float(nmi), "ari_igraph": float(ari),
                      "nmi_sklearn": float(sk_nmi), "ari_sklearn": float(sk_ari)})
    return {
        "generator": GENERATOR,
        "tools": tools(),
        "calls": {
            "nmi_igraph": 'igraph.compare_communities(a, b, method="nmi")',
            "ari_igraph": 'igraph.compare_communities(a, b, method="adjusted_rand")',
            "nmi_sklearn": 'sklearn.metrics.normalized_mutual_info_score(a, b, average_method="arithmetic")',
            "ari_sklearn": "sklearn.metrics.adjusted_rand_score(a, b)",
        },
        "definitions": {
            "nmi": "2 I(A;B) / (H(A) + H(B)), natural logarithms (the base cancels); 0 when exactly one "
                   "partition is a single block",
            "ari": "Hubert & Arabie's adjusted Rand index",
        },
        "pairs": pairs,
    }


# ------------------------------------------------------------- 100,000-node planted graph

MASK64 = (1 << 64) - 1
PLANTED = {
    "nodes": 100_000,
    "blocks": 20,
    "block_size": 5_000,
    "edges": 500_000,
    "within_numerator": 8,
    "within_denominator": 10,
    "seed": 20_250_605,
}
PLANTED_ALGORITHM = [
    "SplitMix64 (Steele, Lea & Flood 2014), 64-bit unsigned arithmetic mod 2^64: state starts at seed; "
    "next(): state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; "
    "z = (z ^ (z >> 27)) * 0x94D049BB133111EB; return z ^ (z >> 31) (the same as PartnerNetCore's "
    "SplitMix64).",
    "bounded(k) = the high 64 bits of the 128-bit product next() * k, i.e. floor(next() * k / 2^64), "
    "a number in 0..<k (no rejection step; in Swift: next().multipliedFullWidth(by: k).high).",
    "Nodes 0..<nodes; the block of node x is x / block_size (integer division).",
    "Repeat until the edge list holds `edges` edges: u = bounded(nodes); c = bounded(within_denominator); "
    "if c < within_numerator then v = (u / block_size) * block_size + bounded(block_size) else "
    "v = bounded(nodes); (exactly three draws per attempt, in this order); skip the attempt if u == v "
    "or the unordered pair {u, v} is already in the list; otherwise append the edge (u, v).",
    "The area folder has organisations.csv with columns id,sector (id 'v<x>', sector 'b<block>' with "
    "the block zero-padded to two digits, rows in node order), relationships.csv with columns "
    "source,target (rows in the order the edges were appended, source = 'v<u>', target = 'v<v>'), and "
    "area.json {\"directed\": false, \"name\": ...}. It is undirected and unweighted.",
]


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


def plant_graph(p):
    rng = SplitMix64(p["seed"])
    size = p["block_size"]
    assert size * p["blocks"] == p["nodes"]
    edges = []
    seen = set()
    attempts = 0
    while len(edges) < p["edges"]:
        attempts += 1
        u = rng.bounded(p["nodes"])
        c = rng.bounded(p["within_denominator"])
        if c < p["within_numerator"]:
            v = (u // size) * size + rng.bounded(size)
        else:
            v = rng.bounded(p["nodes"])
        if u == v:
            continue
        key = (u, v) if u < v else (v, u)
        if key in seen:
            continue
        seen.add(key)
        edges.append((u, v))
    return edges, attempts


def fnv1a_edges(edges):
    """FNV-1a 64 over the edge list: for each edge, for x in (u, v): h ^= x; h *= 0x100000001B3 (mod 2^64)."""
    h = 0xCBF29CE484222325
    for u, v in edges:
        for x in (u, v):
            h ^= x
            h = (h * 0x100000001B3) & MASK64
    return h


def write_planted_area(p, edges):
    os.makedirs(PLANTED_FOLDER, exist_ok=True)
    with open(os.path.join(PLANTED_FOLDER, "organisations.csv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("id,sector\n")
        for x in range(p["nodes"]):
            fh.write(f"v{x},b{x // p['block_size']:02d}\n")
    text = "source,target\n" + "".join(f"v{u},v{v}\n" for u, v in edges)
    with open(os.path.join(PLANTED_FOLDER, "relationships.csv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    with open(os.path.join(PLANTED_FOLDER, "area.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps({"directed": False, "name": "Planted partition, 100,000 nodes (SplitMix64)"},
                            indent=2, sort_keys=True) + "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def planted():
    p = PLANTED
    edges, attempts = plant_graph(p)
    sha = write_planted_area(p, edges)
    g = igraph.Graph(n=p["nodes"], edges=edges, directed=False)
    blocks = [x // p["block_size"] for x in range(p["nodes"])]
    within = sum(1 for u, v in edges if blocks[u] == blocks[v])
    results = {}
    for method in ("louvain", "leiden"):
        runs = []
        q, seed, membership = best_run(g, method, False, PLANTED_SEEDS, runs)
        results[method] = {
            "modularity": float(q), "best_seed": seed, "runs": runs,
            "seeds": f"{PLANTED_SEEDS[0]}..{PLANTED_SEEDS[-1]}",
            "communities": len(set(membership)),
            "agreement_with_blocks": agreement(membership, blocks),
        }
    degrees = g.degree()
    return {
        "generator": GENERATOR,
        "tools": tools(),
        "parameters": p,
        "algorithm": PLANTED_ALGORITHM,
        "area_folder": PLANTED_FOLDER,
        "checks": {
            "attempts": attempts,
            "draws": 3 * attempts,
            "edges": len(edges),
            "within_block_edges": within,
            "first_edges": [list(e) for e in edges[:5]],
            "last_edges": [list(e) for e in edges[-5:]],
            "fnv1a64_edges": f"{fnv1a_edges(edges):016x}",
            "fnv1a64_definition": "h = 0xCBF29CE484222325; for each edge (u, v) in order, for x in (u, v): "
                                  "h ^= x; h = h * 0x100000001B3 mod 2^64; written as 16 hex digits",
            "sha256_relationships_csv": sha,
            "max_degree": max(degrees), "isolates": sum(1 for d in degrees if d == 0),
            "components": len(g.connected_components()),
        },
        "modularity_blocks": float(g.modularity(blocks)),
        "calls": {
            "modularity_blocks": "g.modularity(blocks) (igraph, undirected, unweighted)",
            "louvain": "for seed in 0..4: random.seed(seed); g.community_multilevel(weights=None, "
                       "return_levels=False, resolution=1); best g.modularity(membership) kept",
            "leiden": 'for seed in 0..4: random.seed(seed); g.community_leiden(objective_function='
                      '"modularity", weights=None, resolution=1, beta=0.01, n_iterations=-1); best kept',
            "agreement_with_blocks": 'igraph.compare_communities(best, blocks, method="nmi" / '
                                     '"adjusted_rand"), with sklearn beside',
        },
        "results": results,
    }


# ---------------------------------------------------------------------------- main

def write_json(path, data):
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text + "\n")


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        # networkx iterates sets of strings (attribute values, nodes), whose order follows the
        # string hash: fix it so that sums come out in the same order, to the last bit, every run
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:],
                  dict(os.environ, PYTHONHASHSEED="0"))
    skip_large = "--skip-large" in sys.argv[1:]
    self_test_moments()
    os.makedirs(OUT, exist_ok=True)
    names = set()
    for root in AREA_ROOTS:
        if not os.path.isdir(root):
            continue
        for path in sorted(glob.glob(os.path.join(root, "*", "organisations.csv"))):
            folder = os.path.dirname(path)
            name = os.path.basename(folder)
            assert name not in names, f"two areas named {name}"
            names.add(name)
            data = fixture(name, folder)
            if name == "knoke_bureaucracies":
                check_knoke(data)
            write_json(os.path.join(OUT, name + ".json"), data)
            summary = ", ".join(
                f"{'+'.join(c['relations']) or 'union'}: E-I {c['ei_index']['network']['ei']}"
                for c in data["cases"])
            print(f"{name}: {summary}", file=sys.stderr)
    write_json(os.path.join(OUT_ROOT, "silos_partition_agreement.json"), partition_agreement())
    if not skip_large:
        data = planted()
        write_json(os.path.join(OUT_ROOT, "silos_planted_100k.json"), data)
        print("planted 100k: " + ", ".join(f"{k} {v['modularity']:.6f}" for k, v in data["results"].items()),
              file=sys.stderr)


if __name__ == "__main__":
    main()
