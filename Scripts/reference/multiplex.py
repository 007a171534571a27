#!/usr/bin/env python3
"""networkx reference values for the weights of a union of relations (multiplexity).

Writes Tests/Fixtures/reference/multiplex/<area>.json for every area in Datasets/ (the
areas of the Datasets/synthetic collection included) and Tests/Fixtures/areas/ whose
union holds at least two relations: the union of every relation in relationships.csv,
and that union with `co-membership` when the area has memberships.

METRICS.md (revised): weights of different relations are never added; a union arc weighs
the number of selected relations holding it (its multiplexity) unless every selected
relation declares the same area.json `unit`. Only multiplexity cases are written here;
strength on such a union is the node's multiplex degree.

Independent of PartnerNet and of basic_measures.build_graph: each relation is built as
its own networkx graph in its own direction (nx.DiGraph for a directed relation, nx.Graph
for an undirected one; co-membership as nx.Graph of pairs sharing a partnership), and
the union is never built. A node's strengths are counted relation by relation:

  directed union:    out_strength(v) = sum over relations r of
                       G_r.out_degree(v) if r is directed, else G_r.degree(v)
                     in_strength(v)  = sum of G_r.in_degree(v) or G_r.degree(v)
                     strength(v)     = out_strength(v) + in_strength(v)
                     (an undirected relation's edge counts once toward each arc)
  undirected union:  strength(v) = sum over r of G_r.degree(v)

Self-loops are dropped (nx.selfloop_edges removed). Loading (CSV and area.json) uses
basic_measures.load_area, which reads the files with Python's csv and json modules.

Requires networkx 3.6.1. Run from the repository root:
    python3 Scripts/reference/multiplex.py
"""

import json
import os
import platform
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from basic_measures import CO_MEMBERSHIP, load_area, relation_directed  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "multiplex")


def unit(meta, relation):
    return meta.get("relations", {}).get(relation, {}).get("unit")


def layer(meta, orgs, ties, memberships, relation):
    G = nx.DiGraph() if relation_directed(meta, relation) else nx.Graph()
    G.add_nodes_from(orgs)
    if relation == CO_MEMBERSHIP:
        members = {}
        for partnership, org in memberships:
            members.setdefault(partnership, set()).add(org)
        for group in members.values():
            group = sorted(group)
            G.add_edges_from((a, b) for i, a in enumerate(group) for b in group[i + 1:])
    else:
        G.add_edges_from((s, t) for s, t, _, r in ties if r == relation)
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    return G


def case(meta, orgs, ties, memberships, relations):
    directed = any(relation_directed(meta, r) for r in relations)
    layers = [layer(meta, orgs, ties, memberships, r) for r in relations]
    out_s, in_s, strength = {}, {}, {}
    for v in orgs:
        if directed:
            out_s[v] = sum(G.out_degree(v) if G.is_directed() else G.degree(v) for G in layers)
            in_s[v] = sum(G.in_degree(v) if G.is_directed() else G.degree(v) for G in layers)
            strength[v] = out_s[v] + in_s[v]
        else:
            strength[v] = out_s[v] = in_s[v] = sum(G.degree(v) for G in layers)
    return {
        "relations": relations,
        "directed": directed,
        "weight_combination": "multiplexity",
        "relation_edges": {r: G.number_of_edges() for r, G in zip(relations, layers)},
        "strength": strength,
        "out_strength": out_s,
        "in_strength": in_s,
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    folders = []
    for base in ("Datasets", os.path.join("Datasets", "synthetic"), os.path.join("Tests", "Fixtures", "areas")):
        for name in sorted(os.listdir(os.path.join(ROOT, base))):
            folder = os.path.join(ROOT, base, name)
            if os.path.isfile(os.path.join(folder, "organisations.csv")):
                folders.append((name, folder))
    for name, folder in folders:
        meta, orgs, ties, memberships = load_area(folder)
        relations = list(dict.fromkeys(t[3] for t in ties))
        selections = [relations]
        if memberships:
            selections.append(relations + [CO_MEMBERSHIP])
        cases = []
        for selection in selections:
            if len(selection) < 2:
                continue
            units = [unit(meta, r) for r in selection]
            if units[0] is not None and all(u == units[0] for u in units):
                continue  # weights add: not a multiplexity case
            cases.append(case(meta, orgs, ties, memberships, selection))
        if not cases:
            continue
        data = {
            "area": os.path.relpath(folder, ROOT),
            "generator": "Scripts/reference/multiplex.py",
            "tools": {"python": platform.python_version(), "networkx": nx.__version__},
            "calls": {
                "layers": "nx.DiGraph() for a directed relation, nx.Graph() otherwise; add_edges_from the "
                          "relation's ties (co-membership: every pair sharing a partnership); "
                          "remove_edges_from(nx.selfloop_edges(G))",
                "out_strength": "directed union: sum over relations of G_r.out_degree(v) (directed r) or "
                                "G_r.degree(v) (undirected r); undirected union: sum of G_r.degree(v)",
                "in_strength": "as out_strength with G_r.in_degree(v)",
                "strength": "directed union: out_strength + in_strength; undirected: sum of G_r.degree(v)",
            },
            "conventions": [
                "METRICS.md revised union: weights of different relations are never added; an arc of the "
                "union weighs the number of selected relations holding it (multiplexity) unless all declare "
                "the same unit (such cases are not written here).",
                "Relations [] in other fixtures means every relation of relationships.csv; here they are listed.",
            ],
            "cases": cases,
        }
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
        print(name + ": " + ", ".join("+".join(c["relations"]) for c in cases))


if __name__ == "__main__":
    main()
