#!/usr/bin/env python3
"""Reference values for `partnernet change`: the dyad transition table, Hamming distance
and Jaccard stability of each relation between waves, and who joined and left.

For every series in Tests/Fixtures/waves/MANIFEST.json (the bundled Northbridge waves and
the generated ones), for each pair of consecutive waves and, with more than two waves, the
first against the last, over all organisations (present in either wave) and over those
present in both, writes Tests/Fixtures/reference/change/<series>.json.

Reads the area folders with csv and json only. Each relation is a networkx graph
(nx.DiGraph for a directed relation, nx.Graph for an undirected one; co-membership an
nx.Graph joining every two organisations sharing a partnership) over the organisations
compared, in PartnerNet's order (the earlier wave's, then those only in the later); its
adjacency is nx.to_numpy_array(G, nodelist), binarised, and the table is counted with
numpy over the ordered pairs i != j (directed) or the unordered pairs i < j (undirected):
kept = sum(A & B), lost = sum(A & ~B), gained = sum(~A & B), absent = sum(~A & ~B),
hamming = lost + gained, jaccard = kept / (kept + lost + gained).

Run from the repository root:  python3 Scripts/reference/change_measures.py
"""

import csv
import json
import os

import networkx as nx
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "change")
CO = "co-membership"


def rows(folder, name):
    path = os.path.join(ROOT, folder, f"{name}.csv")
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        return [{k.lower(): v for k, v in row.items()} for row in reader]


def read_area(folder):
    meta_path = os.path.join(ROOT, folder, "area.json")
    meta = json.load(open(meta_path, encoding="utf-8")) if os.path.exists(meta_path) else {}
    return {
        "organisations": rows(folder, "organisations"),
        "relationships": rows(folder, "relationships"),
        "partnerships": rows(folder, "partnerships"),
        "memberships": rows(folder, "memberships"),
        "meta": meta,
    }


def relation_names(area):
    out = []
    for r in area["relationships"]:
        name = r.get("relation") or "tie"
        if name not in out:
            out.append(name)
    return out


def directed(area, relation):
    if relation == CO:
        return False
    meta = area["meta"]
    return meta.get("relations", {}).get(relation, {}).get("directed", meta.get("directed", False))


def keep_only(area, ids):
    return {
        "organisations": [o for o in area["organisations"] if o["id"] in ids],
        "relationships": [r for r in area["relationships"] if r["source"] in ids and r["target"] in ids],
        "partnerships": area["partnerships"],
        "memberships": [m for m in area["memberships"] if m["organisation"] in ids],
        "meta": area["meta"],
    }


def graph(area, relation, nodes, is_directed):
    g = nx.DiGraph() if is_directed else nx.Graph()
    g.add_nodes_from(nodes)
    present = set(nodes)
    if relation == CO:
        boards = {}
        for m in area["memberships"]:
            boards.setdefault(m["partnership"], []).append(m["organisation"])
        for members in boards.values():
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if a != b and a in present and b in present:
                        g.add_edge(a, b)
    else:
        for r in area["relationships"]:
            if (r.get("relation") or "tie") == relation and r["source"] != r["target"]:
                g.add_edge(r["source"], r["target"])
    return g


def transition(a, b, is_directed):
    n = a.shape[0]
    mask = ~np.eye(n, dtype=bool) if is_directed else np.triu(np.ones((n, n), dtype=bool), k=1)
    a, b = a[mask] > 0, b[mask] > 0
    kept, lost = int(np.sum(a & b)), int(np.sum(a & ~b))
    gained, absent = int(np.sum(~a & b)), int(np.sum(~a & ~b))
    union = kept + lost + gained
    return {
        "directed": bool(is_directed), "kept": kept, "lost": lost, "gained": gained, "absent": absent,
        "pairs": kept + lost + gained + absent, "hamming": lost + gained,
        "jaccard": kept / union if union else None,
    }


def chairs(area, pid):
    return sorted(m["organisation"] for m in area["memberships"] if m["partnership"] == pid and m.get("role") == "chair")


def compare(first, second, scope):
    ids1 = [o["id"] for o in first["organisations"]]
    ids2 = [o["id"] for o in second["organisations"]]
    before, after = first, second
    if scope == "both":
        common = set(ids1) & set(ids2)
        before, after = keep_only(first, common), keep_only(second, common)
    b_ids = [o["id"] for o in before["organisations"]]
    nodes = b_ids + [o["id"] for o in after["organisations"] if o["id"] not in set(b_ids)]
    names = relation_names(before) + [r for r in relation_names(after) if r not in relation_names(before)]
    if before["memberships"] or after["memberships"]:
        names.append(CO)
    relations = {}
    for rel in names:
        d = directed(before if rel in relation_names(before) or rel == CO else after, rel)
        a = nx.to_numpy_array(graph(before, rel, nodes, d), nodelist=nodes)
        b = nx.to_numpy_array(graph(after, rel, nodes, d), nodelist=nodes)
        relations[rel] = transition(a, b, d)
    p1 = [p["id"] for p in first["partnerships"]]
    p2 = [p["id"] for p in second["partnerships"]]
    changed = [
        {"partnership": p, "before": chairs(first, p), "after": chairs(second, p)}
        for p in p2 if p in p1 and chairs(first, p) != chairs(second, p)
    ]
    return {
        "scope": scope, "organisations": nodes,
        "entered": [i for i in ids2 if i not in set(ids1)], "left": [i for i in ids1 if i not in set(ids2)],
        "partnerships_entered": [p for p in p2 if p not in p1], "partnerships_left": [p for p in p1 if p not in p2],
        "chairs_changed": changed, "relations": relations,
    }


def main():
    manifest = json.load(open(os.path.join(ROOT, "Tests", "Fixtures", "waves", "MANIFEST.json")))
    os.makedirs(OUT, exist_ok=True)
    for series in manifest["series"]:
        waves = [read_area(folder) for folder in series["waves"]]
        pairs = [(i - 1, i) for i in range(1, len(waves))]
        if len(waves) > 2:
            pairs.append((0, len(waves) - 1))
        out = {
            "tool": f"networkx {nx.__version__}, numpy {np.__version__}",
            "call": "nx.to_numpy_array(G, nodelist) of each wave's nx.DiGraph/nx.Graph per relation; "
                    "numpy sums of A & B, A & ~B, ~A & B, ~A & ~B over i != j (directed) or i < j (undirected)",
            "series": series["name"], "waves": series["waves"], "pairs": [],
        }
        for a, b in pairs:
            for scope in ("all", "both"):
                result = compare(waves[a], waves[b], scope)
                result.update({"before": a, "after": b})
                out["pairs"].append(result)
        with open(os.path.join(OUT, f"{series['name']}.json"), "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1, ensure_ascii=False)
            fh.write("\n")


if __name__ == "__main__":
    main()
