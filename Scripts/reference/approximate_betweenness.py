#!/usr/bin/env python3
"""Exact betweenness of the 10,000-node Barabási–Albert graph, for the test of PartnerNet's
approximate betweenness (Riondato–Kornaropoulos sampling) against its guarantee.

Generates the graph with networkx (barabasi_albert_graph(10000, 10, seed=2016): 99,900
undirected edges, the size of the centrality benchmark), writes it as an edge list, and
computes every node's exact betweenness with igraph (Graph.betweenness(directed=False),
raw: unordered pairs counted once, as PartnerNet's betweenness). The test reads both files,
estimates betweenness with PartnerNet at a given ε and δ, and checks every node's error
against the stated bound.

Writes Tests/Fixtures/reference/approximate_betweenness/ba10k.edges ("u v" per line, nodes
0 … 9999) and ba10k.json (tool versions, the call, and the exact values by node).

    python3 Scripts/reference/approximate_betweenness.py
"""
import json
import os

import igraph
import networkx as nx

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "approximate_betweenness")

def main():
    os.makedirs(OUT, exist_ok=True)
    g = nx.barabasi_albert_graph(10000, 10, seed=2016)
    edges = sorted((min(u, v), max(u, v)) for u, v in g.edges())
    with open(os.path.join(OUT, "ba10k.edges"), "w") as f:
        for u, v in edges:
            f.write(f"{u} {v}\n")
    h = igraph.Graph(n=10000, edges=edges, directed=False)
    exact = h.betweenness(directed=False)
    fixture = {
        "tool": f"igraph {igraph.__version__} (python-igraph), networkx {nx.__version__}",
        "graph": "networkx.barabasi_albert_graph(10000, 10, seed=2016), edges in ba10k.edges",
        "call": "igraph.Graph(n=10000, edges=edges, directed=False).betweenness(directed=False)",
        "nodes": 10000,
        "edges": len(edges),
        "betweenness": exact,
    }
    with open(os.path.join(OUT, "ba10k.json"), "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"wrote {len(edges)} edges and {len(exact)} exact values to {OUT}")

if __name__ == "__main__":
    main()
