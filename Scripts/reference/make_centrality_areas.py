#!/usr/bin/env python3
"""Write the seeded test areas for centrality into Tests/Fixtures/centrality_areas/.

They complete the areas in Tests/Fixtures/areas/ with the cases centrality needs:

  * random_strongly_connected: a directed, weighted graph in which every organisation
    reaches every other (a ring plus random arcs), so that eigenvector, Katz and PageRank
    converge on one strong component and closeness centralisation equals sna's;
  * random_dag: a directed acyclic graph with isolates: λmax = 0, so eigenvector
    centrality is undefined and any Katz α or Bonacich β converges;
  * near_tie_paths: a small undirected weighted graph whose shortest paths tie only
    when path lengths 1/weight are compared with a tolerance (0.1 + 0.2 against
    0.25 + 0.05, 1/3 + 1/3 + 1/3 against 1): floating-point sums differ in the last bit.

Deterministic (each area from its own random.Random(seed)); rerunning rewrites identical
files. Run from the repository root:  python3 Scripts/reference/make_centrality_areas.py
"""

import csv
import json
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "centrality_areas")


def fresh(name):
    folder = os.path.join(OUT, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    return folder


def write_csv(folder, name, header, rows):
    with open(os.path.join(folder, name), "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_json(folder, obj):
    with open(os.path.join(folder, "area.json"), "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


def organisations(folder, rng, count, sectors):
    ids = [f"org{i:02d}" for i in range(1, count + 1)]
    rows = [[i, f"Organisation {i[3:]}", rng.choice(sectors)] for i in ids]
    write_csv(folder, "organisations.csv", ["id", "name", "sector"], rows)
    return ids


def random_strongly_connected():
    """40 organisations; a directed ring through all of them in random order, plus 110
    random arcs; weights 1–5 in steps of 0.5; two relations."""
    rng = random.Random(401)
    folder = fresh("random_strongly_connected")
    ids = organisations(folder, rng, 40, ["local-authority", "public", "voluntary-community", "business"])
    ring = ids[:]
    rng.shuffle(ring)
    arcs = {(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring))}
    while len(arcs) < 150:
        s, t = rng.sample(ids, 2)
        arcs.add((s, t))
    rows = [[s, t, repr(rng.randint(2, 10) / 2), rng.choice(["information", "funding"])] for s, t in sorted(arcs)]
    rng.shuffle(rows)
    write_csv(folder, "relationships.csv", ["source", "target", "weight", "relation"], rows)
    write_json(folder, {"name": "Random strongly connected (seed 401)", "directed": True})


def random_dag():
    """30 organisations, 3 of them isolates; 70 arcs, each from an earlier to a later
    organisation of a hidden random order (so no cycle); non-integer weights."""
    rng = random.Random(402)
    folder = fresh("random_dag")
    ids = organisations(folder, rng, 30, ["public", "business", "faith"])
    order = ids[:]
    rng.shuffle(order)
    active = order[3:]
    arcs = set()
    while len(arcs) < 70:
        i, j = sorted(rng.sample(range(len(active)), 2))
        arcs.add((active[i], active[j]))
    rows = [[s, t, repr(round(rng.uniform(0.5, 6), 2))] for s, t in sorted(arcs)]
    rng.shuffle(rows)
    write_csv(folder, "relationships.csv", ["source", "target", "weight"], rows)
    write_json(folder, {"name": "Random directed acyclic (seed 402)", "directed": True})


def near_tie_paths():
    """Eight organisations. Between s and t: s–a–t with lengths 1/10 + 1/5 and s–b–t with
    1/4 + 1/20 (0.30000000000000004 and 0.3 in floating point, equal in fact). Between s
    and d: s–d direct (1/1), s–c–d (1/2 + 1/2) and s–e–g–d (1/3 + 1/3 + 1/3)."""
    folder = fresh("near_tie_paths")
    ids = ["s", "a", "b", "t", "c", "d", "e", "g"]
    write_csv(folder, "organisations.csv", ["id", "name", "sector"], [[i, i.upper(), "public"] for i in ids])
    rows = [
        ["s", "a", "10"], ["a", "t", "5"], ["s", "b", "4"], ["b", "t", "20"],
        ["s", "d", "1"], ["s", "c", "2"], ["c", "d", "2"],
        ["s", "e", "3"], ["e", "g", "3"], ["g", "d", "3"],
        ["t", "d", "0.5"],
    ]
    write_csv(folder, "relationships.csv", ["source", "target", "weight"], rows)
    write_json(folder, {"name": "Near-tie path lengths", "directed": False})


def main():
    os.makedirs(OUT, exist_ok=True)
    random_strongly_connected()
    random_dag()
    near_tie_paths()


if __name__ == "__main__":
    main()
