#!/usr/bin/env python3
"""Reference values for PartnerNet's two-mode (partnership architecture) measures.

An independent implementation: reads area folders with Python's csv and json modules (no
PartnerNet code) and writes Tests/Fixtures/reference/two_mode/<area>.json for every area
with memberships among Datasets/ and Tests/Fixtures/twomode_areas/. It first (re)writes the
seeded test area Tests/Fixtures/twomode_areas/random_affiliation/ (organisations without
seats, two separate groups of boards, nested partnerships, chairs), so that unreachable
nodes and isolates are covered.

The bipartite graph B has a node ("o", id) for every organisation and ("p", id) for every
partnership of the area, seats or not, and an edge for each distinct (organisation,
partnership) seat. With top = the organisations:

  * bipartite_degree      networkx.algorithms.bipartite.degree_centrality(B, top)
  * bipartite_betweenness networkx.algorithms.bipartite.betweenness_centrality(B, top)
                          (null where networkx divides by zero: a side facing an empty one)
  * bipartite_closeness   networkx.algorithms.bipartite.closeness_centrality(B, top, normalized=True)
  * partnership projection networkx.algorithms.bipartite.weighted_projected_graph(B, partnerships):
                          edges with weight = shared members
  * organisation projection weighted_projected_graph(B, top): weight = shared partnerships
  * overlap of each pair of partnerships sharing a member: Jaccard |A∩B|/|A∪B| and the
    overlap coefficient |A∩B|/min(|A|,|B|), from Python sets
  * nesting: depth of each partnership (0 at the top) by following parent links; roots;
    orphans (top-level partnerships with nothing nested in them, when anything is nested)
  * chairs: partnerships each organisation chairs (role "chair")

Usage, from the repository root: python3 Scripts/reference/two_mode.py
Needs networkx 3.6.1. Deterministic: rerunning rewrites identical files.
"""
import csv
import json
import os
import platform
import random

import networkx as nx
from networkx.algorithms import bipartite

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "two_mode")
RANDOM_AREA = os.path.join(ROOT, "Tests", "Fixtures", "twomode_areas", "random_affiliation")


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh, strict=True)
        header = [h.strip().lower() for h in next(reader)]
        return [dict(zip(header, row)) for row in reader]


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def make_random_area():
    """30 organisations, 10 partnerships in two unconnected families, 4 organisations without seats."""
    rng = random.Random(20261122)
    os.makedirs(RANDOM_AREA, exist_ok=True)
    sectors = ["local-authority", "public", "business", "voluntary-community", "faith"]
    orgs = [(f"o{i:02d}", f"Organisation {i}", sectors[i % 5]) for i in range(30)]
    parts = [("board", "Main board", ""), ("health", "Health board", "board"), ("safety", "Safety board", "board"),
             ("abuse", "Domestic abuse forum", "safety"), ("youth", "Youth forum", "health"),
             ("economy", "Economic board", "board"), ("skills", "Skills group", "economy"),
             ("faith", "Faith forum", ""), ("interfaith", "Interfaith group", ""), ("arts", "Arts network", "")]
    seats = []
    # Organisations 0-21 sit on the first family, 22-25 on the separate faith/arts boards, 26-29 nowhere.
    first = [p[0] for p in parts[:7]]
    for partnership in first:
        members = rng.sample(range(22), rng.randint(4, 9))
        for k, o in enumerate(sorted(members)):
            seats.append((partnership, orgs[o][0], "chair" if k == 0 else "member"))
    for partnership, members in [("faith", [22, 23, 24]), ("interfaith", [22, 23, 24]), ("arts", [24, 25])]:
        for k, o in enumerate(members):
            seats.append((partnership, orgs[o][0], "chair" if k == 0 and partnership != "arts" else "member"))
    # The skills group copies the economic board: likely duplication.
    economy = [s[1] for s in seats if s[0] == "economy"]
    seats = [s for s in seats if s[0] != "skills"] + [("skills", o, "member") for o in economy]
    write_csv(os.path.join(RANDOM_AREA, "organisations.csv"), ["id", "name", "sector"], orgs)
    write_csv(os.path.join(RANDOM_AREA, "partnerships.csv"), ["id", "name", "parent"], parts)
    write_csv(os.path.join(RANDOM_AREA, "memberships.csv"), ["partnership", "organisation", "role"], seats)
    write_csv(os.path.join(RANDOM_AREA, "relationships.csv"), ["source", "target", "weight", "relation"], [])
    with open(os.path.join(RANDOM_AREA, "area.json"), "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"name": "Random affiliation test area (generated by Scripts/reference/two_mode.py)",
                             "directed": False}, indent=2) + "\n")


def number(x):
    return None if x is None else float(x)


def fixture(name, folder):
    orgs = [r["id"] for r in read_csv(os.path.join(folder, "organisations.csv"))]
    part_rows = read_csv(os.path.join(folder, "partnerships.csv"))
    parts = [r["id"] for r in part_rows]
    parent = {r["id"]: (r.get("parent") or None) for r in part_rows}
    seats = read_csv(os.path.join(folder, "memberships.csv"))
    B = nx.Graph()
    top = [("o", o) for o in orgs]
    bottom = [("p", p) for p in parts]
    B.add_nodes_from(top, bipartite=0)
    B.add_nodes_from(bottom, bipartite=1)
    members = {p: set() for p in parts}
    chairs = {}
    for s in seats:
        B.add_edge(("o", s["organisation"]), ("p", s["partnership"]))
        members[s["partnership"]].add(s["organisation"])
        if (s.get("role") or "member").strip().lower() == "chair":
            chairs.setdefault(s["partnership"], []).append(s["organisation"])
    degree = bipartite.degree_centrality(B, top)
    try:
        betweenness = bipartite.betweenness_centrality(B, top)
    except ZeroDivisionError:
        betweenness = {}
    closeness = bipartite.closeness_centrality(B, top, normalized=True)

    def by_node(values):
        return {"organisations": {o: number(values.get(("o", o))) for o in orgs},
                "partnerships": {p: number(values.get(("p", p))) for p in parts}}

    P = bipartite.weighted_projected_graph(B, bottom)
    O = bipartite.weighted_projected_graph(B, top)
    overlaps = []
    for i, a in enumerate(parts):
        for b in parts[i + 1:]:
            shared = len(members[a] & members[b])
            if shared:
                overlaps.append({"pair": [a, b], "shared": shared,
                                 "jaccard": shared / len(members[a] | members[b]),
                                 "overlap_coefficient": shared / min(len(members[a]), len(members[b]))})

    def depth(p):
        d = 0
        while parent.get(p):
            p = parent[p]
            d += 1
        return d

    depths = {p: depth(p) for p in parts}
    children = {p: [q for q in parts if parent.get(q) == p] for p in parts}
    roots = [p for p in parts if not parent.get(p)]
    orphans = [p for p in roots if not children[p]] if max(depths.values(), default=0) > 0 else []
    held = {}
    for p, list_ in chairs.items():
        for o in list_:
            held.setdefault(o, []).append(p)
    return {
        "dataset": name,
        "generator": "Scripts/reference/two_mode.py",
        "tools": {"networkx": nx.__version__, "python": platform.python_version()},
        "calls": {
            "bipartite_degree": "networkx.algorithms.bipartite.degree_centrality(B, organisations)",
            "bipartite_betweenness": "networkx.algorithms.bipartite.betweenness_centrality(B, organisations); "
                                     "null where it raises ZeroDivisionError",
            "bipartite_closeness": "networkx.algorithms.bipartite.closeness_centrality(B, organisations, normalized=True)",
            "partnership_projection": "networkx.algorithms.bipartite.weighted_projected_graph(B, partnerships)",
            "organisation_projection": "networkx.algorithms.bipartite.weighted_projected_graph(B, organisations)",
            "overlaps": "Python sets: |A&B|/|A|B|, |A&B|/min(|A|,|B|)",
            "nesting": "parent links followed to the top",
        },
        "organisations": orgs,
        "partnerships": parts,
        "bipartite_degree": by_node(degree),
        "bipartite_betweenness": by_node(betweenness),
        "bipartite_closeness": by_node(closeness),
        "partnership_projection": sorted([[u[1], v[1], d["weight"]] if parts.index(u[1]) < parts.index(v[1])
                                          else [v[1], u[1], d["weight"]] for u, v, d in P.edges(data=True)],
                                         key=lambda e: (parts.index(e[0]), parts.index(e[1]))),
        "organisation_projection_edges": O.number_of_edges(),
        "organisation_projection_weight": sum(d["weight"] for _, _, d in O.edges(data=True)),
        "overlaps": overlaps,
        "depth": depths,
        "roots": roots,
        "orphans": orphans,
        "chairs": {o: sorted(ps, key=parts.index) for o, ps in sorted(held.items())},
    }


def main():
    make_random_area()
    os.makedirs(OUT, exist_ok=True)
    folders = [os.path.join(ROOT, "Datasets", d) for d in sorted(os.listdir(os.path.join(ROOT, "Datasets")))]
    folders.append(RANDOM_AREA)
    for folder in folders:
        if not os.path.exists(os.path.join(folder, "memberships.csv")):
            continue
        name = os.path.basename(folder)
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump(fixture(name, folder), fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        print("wrote", name)


if __name__ == "__main__":
    main()
