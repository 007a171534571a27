#!/usr/bin/env python3
"""networkx reference values for PartnerNet's first measures.

An independent implementation: reads every area folder in Datasets/ and
Tests/Fixtures/areas/ with Python's csv and json modules (no PartnerNet code),
builds the graphs by the conventions of the metric catalogue, and writes one JSON
fixture per area to Tests/Fixtures/networkx/basic/<area>.json.

Graph conventions implemented here:
  * a case selects either the union of all relations in relationships.csv
    ("relations": []), one named relation, or `co-membership` (projection of
    memberships.csv: one undirected tie per pair of organisations sharing a
    partnership, weight = number of partnerships shared, observers included);
  * a relation is directed if area.json relations[R].directed says so, else
    area.json directed, else not; co-membership is always undirected; the union
    is directed if any selected relation is, and an undirected tie then gives an
    arc each way;
  * duplicate arcs within one relation are merged with weights summed (within an
    undirected relation "A,B" and "B,A" are the same edge); self-loops are dropped;
    an empty weight is 1; an empty or missing relation is `tie`;
  * weights of different relations are never added (METRICS.md, revised): each
    selected relation is first built as its own networkx graph; a union of several
    relations then weighs each arc by its multiplexity, the number of those graphs
    holding it, unless every selected relation declares the same area.json `unit`,
    when the relations' weights are summed; a single relation keeps its weights;
  * every organisation is a node, isolates included, in organisations.csv order.

Requires networkx 3.6.1 and python-igraph (pip install igraph). igraph supplies the
reciprocity of undirected graphs and the dyad-based reciprocity_dyadic, and cross-checks
the directed reciprocity and the component count.

Run from the repository root:  python3 Scripts/reference/basic_measures.py
"""

import csv
import glob
import json
import math
import os
import platform
import sys

import igraph
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = "Scripts/reference/basic_measures.py"
OUT = os.path.join(ROOT, "Tests", "Fixtures", "networkx", "basic")
AREA_ROOTS = [os.path.join(ROOT, "Datasets"), os.path.join(ROOT, "Tests", "Fixtures", "areas")]
CO_MEMBERSHIP = "co-membership"
DEFAULT_RELATION = "tie"

CALLS = {
    "degree": "G.degree()",
    "in_degree": "G.in_degree() (directed); G.degree() (undirected)",
    "out_degree": "G.out_degree() (directed); G.degree() (undirected)",
    "strength": 'G.degree(weight="weight")',
    "in_strength": 'G.in_degree(weight="weight") (directed); G.degree(weight="weight") (undirected)',
    "out_strength": 'G.out_degree(weight="weight") (directed); G.degree(weight="weight") (undirected)',
    "degree_centrality": "nx.degree_centrality(G)",
    "nodes": "G.number_of_nodes()",
    "edges": "G.number_of_edges()",
    "density": "nx.density(G)",
    "reciprocity": "nx.overall_reciprocity(G) (directed); igraph Graph.reciprocity() (undirected); "
                   "null when G has no edges",
    "reciprocity_dyadic": 'igraph Graph.reciprocity(mode="ratio"): mutual dyads / connected dyads '
                          "(directed); 1.0 for undirected graphs; null when G has no edges",
    "components": "nx.number_weakly_connected_components(G) (directed); "
                  "nx.number_connected_components(G) (undirected)",
    "largest_component_share": "max(len(c) for c in nx.weakly_connected_components(G)) / G.number_of_nodes() "
                               "(directed); nx.connected_components(G) (undirected)",
}

CONVENTIONS = [
    "Graphs: every organisation is a node (isolates included); self-loops dropped; duplicate arcs merged "
    "with weights summed (an undirected relation's 'A,B' and 'B,A' are one edge); empty weight = 1; "
    "empty or missing relation = 'tie'.",
    "Cases: relations [] is the union of every relation in relationships.csv (co-membership excluded); "
    "a one-name list is that relation alone; ['co-membership'] is the projection of memberships.csv "
    "(weight = partnerships shared, observers included). The union is directed if any selected relation "
    "is; an undirected tie then gives an arc each way, each carrying the tie's weight.",
    "Weights of a union of several relations (METRICS.md, revised): each relation is built as its own "
    "networkx graph (duplicates summed within it); an arc of the union weighs the number of those graphs "
    "holding it (multiplexity; an undirected relation's edge counts once toward each arc of a directed "
    "union), unless every selected relation declares the same area.json unit, when their weights add.",
    "Undirected graphs: in_degree and out_degree are recorded equal to degree, in_strength and "
    "out_strength equal to strength.",
    "Strengths are floats (weights are read as floating-point numbers); degrees and counts are integers.",
    "Reciprocity is null when the graph has no edges (networkx raises there); for undirected graphs it is "
    "igraph's Graph.reciprocity(), 1.0 whenever there is an edge.",
    "networkx edge cases kept as networkx returns them: nx.density is 0 for a graph of at most one node, "
    "and nx.degree_centrality gives 1 to the single node of a one-node graph.",
    "reciprocity is arc-based (share of arcs that are reciprocated, networkx); reciprocity_dyadic is "
    "dyad-based (mutual dyads / dyads with at least one arc: igraph mode='ratio', R sna "
    "grecip(measure='dyadic.nonnull'), the 'reciprocity' CASOS ORA reports, 0.531 on Knoke information).",
    "Components are weak components for directed graphs; isolates count as components.",
]


def read_csv(path):
    """Rows of a CSV file as dicts keyed by lower-cased header (names match case-insensitively)."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh, strict=True)
        header = [h.lower() for h in next(reader)]
        rows = []
        for row in reader:
            if len(row) != len(header):
                raise ValueError(f"{path}: line {reader.line_num}: {len(row)} fields, header has {len(header)}")
            rows.append(dict(zip(header, row)))
        return header, rows


def load_area(folder):
    meta = {}
    if os.path.exists(os.path.join(folder, "area.json")):
        with open(os.path.join(folder, "area.json"), encoding="utf-8") as fh:
            meta = json.load(fh)
    _, org_rows = read_csv(os.path.join(folder, "organisations.csv"))
    orgs = [r["id"] for r in org_rows]
    assert all(orgs) and len(set(orgs)) == len(orgs), f"{folder}: bad or duplicate organisation id"
    known = set(orgs)

    header, rel_rows = read_csv(os.path.join(folder, "relationships.csv"))
    ties = []
    for r in rel_rows:
        source, target = r["source"], r["target"]
        assert source in known and target in known, f"{folder}: unknown organisation in {r}"
        text = r.get("weight", "")
        weight = 1.0 if text == "" else float(text)
        assert math.isfinite(weight) and weight > 0, f"{folder}: bad weight {text!r}"
        relation = r.get("relation", "") or DEFAULT_RELATION
        ties.append((source, target, weight, relation))

    memberships = []
    if os.path.exists(os.path.join(folder, "memberships.csv")):
        _, part_rows = read_csv(os.path.join(folder, "partnerships.csv"))
        parts = {r["id"] for r in part_rows}
        _, mem_rows = read_csv(os.path.join(folder, "memberships.csv"))
        for r in mem_rows:
            assert r["partnership"] in parts and r["organisation"] in known, f"{folder}: bad membership {r}"
            memberships.append((r["partnership"], r["organisation"]))
    return meta, orgs, ties, memberships


def relation_directed(meta, relation):
    if relation == CO_MEMBERSHIP:
        return False
    options = meta.get("relations", {}).get(relation, {})
    if "directed" in options:
        return bool(options["directed"])
    return bool(meta.get("directed", False))


def add_weight(G, u, v, w):
    if G.has_edge(u, v):
        G[u][v]["weight"] += w
    else:
        G.add_edge(u, v, weight=w)


def relation_unit(meta, relation):
    unit = meta.get("relations", {}).get(relation, {}).get("unit")
    assert unit is None or isinstance(unit, str), f"unit of {relation} is not text"
    return unit


def weight_combination(meta, relations):
    """'single', 'same_unit' or 'multiplexity' (METRICS.md, revised union convention)."""
    if len(relations) == 1:
        return "single"
    units = [relation_unit(meta, r) for r in relations]
    if units and units[0] is not None and all(u == units[0] for u in units):
        return "same_unit"
    return "multiplexity"


def build_graph(meta, orgs, ties, memberships, relations):
    """relations: the selected relation names (the union case passes them all)."""
    directed = any(relation_directed(meta, r) for r in relations)
    combination = weight_combination(meta, relations)

    def empty():
        G = nx.DiGraph() if directed else nx.Graph()
        G.add_nodes_from(orgs)
        return G

    def fill(G, relation_of_tie, comembership):
        """Adds the selected ties to G, or to the graph relation_of_tie returns."""
        for source, target, weight, relation in ties:
            if relation not in relations or source == target:
                continue
            layer = relation_of_tie(G, relation)
            add_weight(layer, source, target, weight)
            if directed and not relation_directed(meta, relation):
                add_weight(layer, target, source, weight)
        if comembership is not None:
            members = {}
            for partnership, org in memberships:
                group = members.setdefault(partnership, [])
                if org not in group:
                    group.append(org)
            for partnership in sorted(members):
                group = members[partnership]
                for i in range(len(group)):
                    for j in range(i + 1, len(group)):
                        add_weight(comembership, group[i], group[j], 1.0)
                        if directed:
                            add_weight(comembership, group[j], group[i], 1.0)

    if combination != "multiplexity":
        # One relation, or relations in one unit: weights add, as within a relation.
        G = empty()
        fill(G, lambda graph, _: graph, G if CO_MEMBERSHIP in relations else None)
        return G, directed

    # One graph per relation, with its own weights; each arc of the union then weighs the
    # number of relation graphs holding it.
    layers = {r: empty() for r in relations}
    fill(None, lambda _, relation: layers[relation], layers.get(CO_MEMBERSHIP))
    G = empty()
    for relation in relations:
        for u, v in layers[relation].edges():
            add_weight(G, u, v, 1.0)
    return G, directed


def measures(G, directed, orgs):
    n = G.number_of_nodes()
    degree = dict(G.degree())
    strength = {v: float(s) for v, s in G.degree(weight="weight")}
    if directed:
        in_degree, out_degree = dict(G.in_degree()), dict(G.out_degree())
        in_strength = {v: float(s) for v, s in G.in_degree(weight="weight")}
        out_strength = {v: float(s) for v, s in G.out_degree(weight="weight")}
    else:
        in_degree = out_degree = degree
        in_strength = out_strength = strength
    node = {
        "degree": degree,
        "in_degree": in_degree,
        "out_degree": out_degree,
        "strength": strength,
        "in_strength": in_strength,
        "out_strength": out_strength,
        "degree_centrality": {v: float(c) for v, c in nx.degree_centrality(G).items()},
    }
    for values in node.values():
        assert list(values) == orgs or set(values) == set(orgs)

    m = G.number_of_edges()
    index = {v: i for i, v in enumerate(orgs)}
    ig = igraph.Graph(n=n, edges=[(index[u], index[v]) for u, v in G.edges()], directed=directed)
    if m == 0:
        reciprocity = reciprocity_dyadic = None
    elif directed:
        reciprocity = nx.overall_reciprocity(G)
        assert abs(reciprocity - ig.reciprocity()) < 1e-12  # cross-check
        reciprocity_dyadic = ig.reciprocity(mode="ratio")
        mutual = m - G.to_undirected().number_of_edges()
        assert abs(reciprocity_dyadic - mutual / (m - mutual)) < 1e-12  # cross-check
    else:
        reciprocity = ig.reciprocity()
        reciprocity_dyadic = ig.reciprocity(mode="ratio")
    components = list(nx.weakly_connected_components(G) if directed else nx.connected_components(G))
    assert len(components) == len(ig.connected_components(mode="weak"))  # cross-check
    network = {
        "nodes": n,
        "edges": m,
        "density": float(nx.density(G)),
        "reciprocity": reciprocity,
        "reciprocity_dyadic": reciprocity_dyadic,
        "components": len(components),
        "largest_component_share": max(len(c) for c in components) / n,
    }
    return node, network


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
        node, network = measures(G, directed, orgs)
        out.append({"relations": case, "directed": directed, "node": node, "network": network})
    return {
        "dataset": name,
        "generator": GENERATOR,
        "tools": {"networkx": nx.__version__, "igraph": igraph.__version__,
                  "python": platform.python_version()},
        "calls": CALLS,
        "conventions": CONVENTIONS,
        "cases": out,
    }


def main():
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
            summary = ", ".join(
                f"{'+'.join(c['relations']) or 'union'}: {c['network']['edges']}" for c in data["cases"])
            print(f"{name}: {summary}", file=sys.stderr)


if __name__ == "__main__":
    main()
