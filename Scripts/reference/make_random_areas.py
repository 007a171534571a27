#!/usr/bin/env python3
"""Write the seeded random test areas into Tests/Fixtures/areas/.

Deterministic: every area comes from its own random.Random(seed), and rerunning the
script rewrites byte-identical files. The areas are deliberately imperfect where the
area format allows it (duplicate rows, self-loops, empty weight and relation cells,
header case) so that loading warnings and graph conventions are exercised.

Run from the repository root:  python3 Scripts/reference/make_random_areas.py
"""

import csv
import json
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "areas")


def write_csv(folder, name, header, rows):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)  # RFC 4180: CRLF line ends, quotes only where needed
        writer.writerow(header)
        writer.writerows(rows)


def write_json(folder, obj):
    with open(os.path.join(folder, "area.json"), "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


def fresh(name):
    folder = os.path.join(OUT, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    return folder


def weight_text(rng, low, high):
    """A non-integer weight as a short decimal string (parsed identically everywhere)."""
    return repr(round(rng.uniform(low, high), 4))


def random_directed_weighted():
    """60 organisations in 4 sectors, ~300 arcs with non-integer weights over three
    relations (information, funding, and rows with an empty relation cell = `tie`),
    duplicate rows, 3 self-loops (one on an isolate), 5 isolates, some empty weights."""
    rng = random.Random(101)
    folder = fresh("random_directed_weighted")
    sectors = ["local-authority", "public", "business", "voluntary-community"]
    ids = [f"org{i:02d}" for i in range(1, 61)]
    orgs = [[i, f"Organisation {i[3:]}", rng.choice(sectors), str(rng.randint(5, 5000))] for i in ids]
    write_csv(folder, "organisations.csv", ["id", "name", "sector", "staff"], orgs)

    isolates = sorted(rng.sample(ids, 5))
    active = [i for i in ids if i not in isolates]
    rows, seen = [], set()
    while len(rows) < 285:
        s, t = rng.sample(active, 2)
        relation = rng.choices(["information", "funding", ""], weights=[80, 15, 5])[0]
        if (s, t, relation) in seen:
            continue
        seen.add((s, t, relation))
        weight = "" if rng.random() < 0.03 else weight_text(rng, 0.05, 9.95)
        rows.append([s, t, weight, relation])
    for row in rng.sample(rows, 10):  # duplicate rows: same arc and relation, new weight
        rows.append([row[0], row[1], weight_text(rng, 0.05, 9.95), row[3]])
    loops = rng.sample(active, 2) + [isolates[0]]
    for node in loops:
        rows.append([node, node, weight_text(rng, 0.05, 9.95), "information"])
    rng.shuffle(rows)
    write_csv(folder, "relationships.csv", ["source", "target", "weight", "relation"], rows)
    write_json(folder, {"name": "Random directed weighted (seed 101)", "directed": True})


def random_undirected():
    """40 organisations; a main component of 34, a separate component of 5 and one
    isolate; ~120 rows including duplicates given in both orders and 2 self-loops.
    Headers in mixed case and no relation column (every row is relation `tie`);
    no `directed` key in area.json (undirected by default)."""
    rng = random.Random(202)
    folder = fresh("random_undirected")
    sectors = ["public", "business", "voluntary-community"]
    ids = [f"u{i}" for i in range(1, 41)]
    orgs = [[i, f"Unit {i[1:]}", rng.choice(sectors)] for i in ids]
    write_csv(folder, "organisations.csv", ["ID", "Name", "Sector"], orgs)

    main, small = ids[:34], ids[34:39]
    edges, seen = [], set()
    for k in range(1, len(main)):  # a random tree keeps the main part connected
        a, b = main[k], main[rng.randrange(k)]
        seen.add(frozenset((a, b)))
        edges.append([a, b])
    while len(edges) < 100:
        a, b = rng.sample(main, 2)
        if frozenset((a, b)) in seen:
            continue
        seen.add(frozenset((a, b)))
        edges.append([a, b])
    for k in range(len(small)):  # a 5-cycle, disconnected from the rest
        edges.append([small[k], small[(k + 1) % len(small)]])
    rows = [[a, b, "" if rng.random() < 0.05 else str(rng.randint(1, 5))] for a, b in edges]
    for a, b in rng.sample(edges, 12):  # duplicates, most in the reverse order
        if rng.random() < 0.75:
            a, b = b, a
        rows.append([a, b, str(rng.randint(1, 5))])
    for node in rng.sample(main, 2):
        rows.append([node, node, "2"])
    rng.shuffle(rows)
    write_csv(folder, "relationships.csv", ["Source", "Target", "Weight"], rows)
    write_json(folder, {"name": "Random undirected (seed 202)"})


def random_mixed():
    """30 organisations; `advice` directed (area default undirected, overridden per
    relation) and `collaboration` undirected over overlapping pairs; partnerships with
    nesting and memberships (observers included) so that co-membership exists.
    An extra `note` column with commas and quotes exercises CSV quoting."""
    rng = random.Random(303)
    folder = fresh("random_mixed")
    sectors = ["local-authority", "public", "business", "voluntary-community", "faith"]
    ids = [f"m{i:02d}" for i in range(1, 31)]
    orgs = []
    for i in ids:
        sector = sectors[int(i[1:]) % 5]
        orgs.append([i, f"Member {i[1:]}", sector, "" if rng.random() < 0.5 else f"{sector}-sub"])
    write_csv(folder, "organisations.csv", ["id", "name", "sector", "subsector"], orgs)

    notes = ["", "", "", 'met "weekly"', "joint bid, 2021", 'see "Annex A", p. 4']
    advice, seen = [], set()
    while len(advice) < 55:
        s, t = rng.sample(ids, 2)
        if (s, t) in seen:
            continue
        seen.add((s, t))
        advice.append([s, t, str(rng.randint(1, 3)), "advice", rng.choice(notes)])
    for s, t, *_ in rng.sample(advice[:], 8):  # mutual advice
        if (t, s) not in seen:
            seen.add((t, s))
            advice.append([t, s, str(rng.randint(1, 3)), "advice", rng.choice(notes)])
    collab, cseen = [], set()
    for s, t, *_ in rng.sample(advice, 18):  # overlap with advice, either orientation
        if frozenset((s, t)) in cseen:
            continue
        cseen.add(frozenset((s, t)))
        a, b = (s, t) if rng.random() < 0.5 else (t, s)
        collab.append([a, b, weight_text(rng, 0.5, 4.5), "collaboration", rng.choice(notes)])
    while len(collab) < 40:
        a, b = rng.sample(ids, 2)
        if frozenset((a, b)) in cseen:
            continue
        cseen.add(frozenset((a, b)))
        collab.append([a, b, weight_text(rng, 0.5, 4.5), "collaboration", rng.choice(notes)])
    a, b = collab[3][0], collab[3][1]
    collab.append([b, a, weight_text(rng, 0.5, 4.5), "collaboration", "listed twice, reversed"])
    rows = advice + collab
    rng.shuffle(rows)
    write_csv(folder, "relationships.csv", ["source", "target", "weight", "relation", "note"], rows)

    partnerships = [["board", "Partnership Board", "", ""],
                    ["health", "Health Forum", "board", "4"],
                    ["safety", "Safety Group", "board", ""],
                    ["youth", "Youth Panel", "safety", ""],
                    ["faith", "Faith Network", "", "3"]]
    write_csv(folder, "partnerships.csv", ["id", "name", "parent", "quota"], partnerships)
    sizes = {"board": 10, "health": 7, "safety": 6, "youth": 5, "faith": 4}
    members = []
    for pid, size in sizes.items():
        chosen = rng.sample(ids[:26], size)  # m27..m30 sit on no partnership
        for k, org in enumerate(chosen):
            if k == 0:
                role, votes = "chair", str(rng.choice([1, 2]))
            elif k == size - 1:
                role, votes = "observer", "0"
            elif k == 1:
                role, votes = "vice-chair", "1"
            else:
                role, votes = rng.choice([("member", "1"), ("member", ""), ("", ""), ("member", "2")])
            members.append([pid, org, role, votes])
    write_csv(folder, "memberships.csv", ["partnership", "organisation", "role", "votes"], members)
    write_json(folder, {"name": "Random mixed (seed 303)", "directed": False,
                        "relations": {"advice": {"directed": True}}})


def tiny_single():
    """One organisation, a relationships file with the two required columns only, no area.json."""
    folder = fresh("tiny_single")
    write_csv(folder, "organisations.csv", ["id", "name", "sector"], [["solo", "Solo Organisation", "public"]])
    write_csv(folder, "relationships.csv", ["source", "target"], [])


def tiny_pair():
    """Two organisations and one tie with neither weight nor relation column, no area.json."""
    folder = fresh("tiny_pair")
    write_csv(folder, "organisations.csv", ["id", "sector"], [["a", "public"], ["b", "business"]])
    write_csv(folder, "relationships.csv", ["source", "target"], [["a", "b"]])


def main():
    random_directed_weighted()
    random_undirected()
    random_mixed()
    tiny_single()
    tiny_pair()


if __name__ == "__main__":
    main()
