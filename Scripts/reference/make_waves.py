#!/usr/bin/env python3
"""Write the test waves into Tests/Fixtures/waves/.

1. Generated series of waves, one area folder per wave (`random_a/w1`, `w2`, `w3`;
   `random_b/w1`, `w2`), seeded: organisations joining and leaving, a directed and an
   undirected relation, partnerships with chairs that change. `random_a` changes a little
   between waves; `random_b`'s second wave is drawn independently of its first, so that
   the QAP test between them is not decided in advance.
2. The same series as one area with dated rows (`since`/`until`, Docs/FORMAT.md "Waves"),
   for the bundled Northbridge waves (Datasets/northbridge, Datasets/northbridge_2026) and
   for `random_a`: `northbridge_dated`, `random_a_dated`. Cutting a dated area at the
   series' dates must give the folders' waves.
3. `MANIFEST.json`: each series, its wave folders, its dated form and the dates to cut at.

Deterministic: rerunning the script rewrites identical files.
Run from the repository root:  python3 Scripts/reference/make_waves.py
"""

import csv
import json
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "waves")


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def read_csv(path):
    if not os.path.exists(path):
        return None, []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


# --- generated waves ---------------------------------------------------------------

SECTORS = ["local-authority", "public", "business", "voluntary-community", "faith"]


def random_wave(rng, ids, sectors, density, relations):
    ties = []
    for rel, directed, p in relations:
        for i, a in enumerate(ids):
            for j, b in enumerate(ids):
                if a == b or (not directed and j <= i):
                    continue
                if rng.random() < p * density:
                    ties.append((a, b, rng.randint(1, 4), rel))
    return ties


def board(rng, ids, pid):
    members = rng.sample(ids, min(len(ids), rng.randint(5, 8)))
    return [(pid, members[0], "chair", 1)] + [(pid, m, "member", rng.choice([1, 1, 2])) for m in members[1:]]


def write_wave(folder, orgs, ties, partnerships, seats, area_json):
    write_csv(os.path.join(folder, "organisations.csv"), ["id", "name", "sector"], orgs)
    write_csv(os.path.join(folder, "relationships.csv"), ["source", "target", "weight", "relation"], ties)
    if partnerships:
        write_csv(os.path.join(folder, "partnerships.csv"), ["id", "name", "parent", "quota"], partnerships)
        write_csv(os.path.join(folder, "memberships.csv"), ["partnership", "organisation", "role", "votes"], seats)
    with open(os.path.join(folder, "area.json"), "w", encoding="utf-8") as fh:
        json.dump(area_json, fh, indent=2)
        fh.write("\n")


def make_random_a():
    rng = random.Random(2601)
    area_json = {"name": "Random waves A", "directed": True, "relations": {"joint": {"directed": False}}}
    relations = [("advice", True, 1.0), ("joint", False, 0.5)]
    pool = [f"o{i:02d}" for i in range(1, 27)]
    sector = {o: SECTORS[i % 5] for i, o in enumerate(pool)}
    present = pool[:22]
    ever = set()
    ties = random_wave(rng, present, sector, 0.16, relations)
    parts = [("p1", "Board", "", ""), ("p2", "Health", "p1", ""), ("p3", "Safety", "p1", "")]
    seats = [s for p in ("p1", "p2", "p3") for s in board(rng, present, p)]
    waves = []
    for w in range(3):
        orgs = [(o, f"Organisation {o[1:]}", sector[o]) for o in present]
        waves.append((orgs, list(ties), list(parts), list(seats)))
        # next wave: two leave, two join; a fifth of the ties turn over; a chair passes
        leaving = rng.sample(present[1:], 2)
        ever.update(present)
        present = [o for o in present if o not in leaving] + [o for o in pool if o not in ever][:2]
        ties = [t for t in ties if t[0] in present and t[1] in present and rng.random() > 0.2]
        keys = {(t[0], t[1], t[3]) for t in ties}
        for t in random_wave(rng, present, sector, 0.04, relations):
            k = (t[0], t[1], t[3])
            if k not in keys and (t[1], t[0], t[3]) not in keys:
                ties.append(t)
                keys.add(k)
        seats = [s for s in seats if s[1] in present]
        pid = rng.choice(["p1", "p2", "p3"])
        members = [s for s in seats if s[0] == pid]
        new_chair = rng.choice([s[1] for s in members if s[2] != "chair"])
        seats = [
            (s[0], s[1], "member" if s[0] == pid and s[2] == "chair" else ("chair" if s[0] == pid and s[1] == new_chair else s[2]), s[3])
            for s in seats
        ]
        for p in ("p1", "p2", "p3"):
            if not any(s[0] == p and s[2] == "chair" for s in seats):
                first = next(i for i, s in enumerate(seats) if s[0] == p)
                s = seats[first]
                seats[first] = (s[0], s[1], "chair", s[3])
        if w == 0:
            parts = parts + [("p4", "Climate", "p1", "")]
            seats = seats + board(rng, present, "p4")
    for w, (orgs, ties, parts, seats) in enumerate(waves):
        write_wave(os.path.join(OUT, "random_a", f"w{w + 1}"), orgs, ties, parts, seats, area_json)


def make_random_b():
    rng = random.Random(2602)
    area_json = {"name": "Random waves B", "directed": True, "relations": {"partner": {"directed": False}}}
    relations = [("tell", True, 1.0), ("partner", False, 0.8)]
    pool = [f"b{i:02d}" for i in range(1, 17)]
    sector = {o: SECTORS[(i * 3) % 5] for i, o in enumerate(pool)}
    for w, present in enumerate([pool[:15], pool[1:]]):
        orgs = [(o, o.upper(), sector[o]) for o in present]
        write_wave(os.path.join(OUT, "random_b", f"w{w + 1}"), orgs, random_wave(rng, present, sector, 0.2, relations), [], [], area_json)


# --- dated form ------------------------------------------------------------------------

def dated(series_folders, change_dates, out):
    """One area with since/until from consecutive waves; wave k holds on [dates[k], dates[k+1])."""
    waves = []
    for folder in series_folders:
        tables = {}
        for name in ("organisations", "relationships", "partnerships", "memberships"):
            tables[name] = read_csv(os.path.join(folder, f"{name}.csv"))
        waves.append(tables)
    k = len(waves)

    def merge(name, key_of):
        header = None
        for w in waves:
            if w[name][0] is not None:
                h = [c for c in w[name][0] if c.lower() not in ("since", "until")]
                header = h if header is None else header + [c for c in h if c not in header]
        if header is None:
            return None, []
        own_since = "since"
        histories = []  # (key, full row dict, [wave indices])
        index = {}
        for wi, w in enumerate(waves):
            h, rows = w[name]
            if h is None:
                continue
            for row in rows:
                d = dict(zip(h, row))
                key = key_of(d)
                if key in index and index[key][2][-1] == wi - 1:
                    index[key][2].append(wi)
                else:
                    entry = [key, d, [wi]]
                    histories.append(entry)
                    index[key] = entry
        out_rows = []
        for key, d, ws in histories:
            start, end = ws[0], ws[-1]
            since = d.get(own_since, "")
            if start > 0 and not (since and since >= change_dates[start - 1]):
                # a row new in a wave holds from the change date, unless its own since is later
                since = change_dates[start - 1]
            until = change_dates[end] if end < k - 1 else ""
            out_rows.append([d.get(c, "") for c in header] + [since, until])
        return header + ["since", "until"], out_rows

    def full(d):
        return tuple(sorted((c, v) for c, v in d.items() if c.lower() not in ("since", "until")))

    os.makedirs(out, exist_ok=True)
    for name in ("organisations", "relationships", "partnerships", "memberships"):
        # organisations and partnerships: one row per id (attributes are not dated)
        key_of = (lambda d: d["id"]) if name in ("organisations", "partnerships") else full
        header, rows = merge(name, key_of)
        if header is not None:
            write_csv(os.path.join(out, f"{name}.csv"), header, rows)
    shutil.copy(os.path.join(series_folders[-1], "area.json"), os.path.join(out, "area.json"))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    make_random_a()
    make_random_b()
    nb = [os.path.join(ROOT, "Datasets", "northbridge"), os.path.join(ROOT, "Datasets", "northbridge_2026")]
    dated(nb, ["2024-09"], os.path.join(OUT, "northbridge_dated"))
    ra = [os.path.join(OUT, "random_a", f"w{i}") for i in (1, 2, 3)]
    dated(ra, ["2021", "2023-07-01"], os.path.join(OUT, "random_a_dated"))
    manifest = {
        "tool": "Scripts/reference/make_waves.py",
        "series": [
            {"name": "northbridge", "waves": ["Datasets/northbridge", "Datasets/northbridge_2026"],
             "dated": "Tests/Fixtures/waves/northbridge_dated", "dates": ["2024", "2026"]},
            {"name": "random_a", "waves": [f"Tests/Fixtures/waves/random_a/w{i}" for i in (1, 2, 3)],
             "dated": "Tests/Fixtures/waves/random_a_dated", "dates": ["2020", "2022-06", "2024-01-01"]},
            {"name": "random_b", "waves": [f"Tests/Fixtures/waves/random_b/w{i}" for i in (1, 2)]},
        ],
    }
    with open(os.path.join(OUT, "MANIFEST.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    main()
