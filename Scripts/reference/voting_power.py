#!/usr/bin/env python3
"""Reference Banzhaf and Shapley-Shubik indices from PyPI `powerindex`.

Writes Tests/Fixtures/reference/voting/games.json: every partnership of every bundled area
and test area that has memberships (members' votes and the partnership's quota, default
floor(total / 2) + 1), seeded random games of 2 to 60 players, and boards of 150 and 200
members (for 200, powerindex gives Banzhaf only: `shapley_shubik` is null and
`shapley_shubik_error` says why). Players with 0 votes are
left out of the game given to powerindex (it miscounts them) and score 0.

Run from the repository root: python3 Scripts/reference/voting_power.py
Needs: pip install powerindex
"""
import csv
import json
import os
import random
import sys

import powerindex

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "voting", "games.json")


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{k.strip().lower(): v for k, v in row.items()} for row in csv.DictReader(f)]


def area_games(folder, name):
    partnerships = os.path.join(folder, "partnerships.csv")
    memberships = os.path.join(folder, "memberships.csv")
    if not (os.path.exists(partnerships) and os.path.exists(memberships)):
        return []
    seats = rows(memberships)
    games = []
    for partnership in rows(partnerships):
        members = [s for s in seats if s["partnership"] == partnership["id"]]
        votes = []
        for s in members:
            role = (s.get("role") or "member").strip().lower() or "member"
            cell = (s.get("votes") or "").strip()
            votes.append(int(cell) if cell else (0 if role == "observer" else 1))
        total = sum(votes)
        quota_cell = (partnership.get("quota") or "").strip()
        quota = int(quota_cell) if quota_cell else total // 2 + 1
        games.append({"source": f"{name}/{partnership['id']}", "votes": votes, "quota": quota})
    return games


def random_games():
    rng = random.Random(20261122)
    games = []
    for index, players in enumerate([2, 3, 5, 8, 12, 20, 30, 45, 60]):
        votes = [rng.choice([0, 1, 1, 1, 2, 3, 5, 10]) for _ in range(players)]
        if sum(votes) == 0:
            votes[0] = 1
        total = sum(votes)
        quota = rng.randint(max(1, total // 3), total)
        games.append({"source": f"random/{index}", "votes": votes, "quota": quota})
    # Large boards, drawn after the others so that those stay as they were: 150 members
    # (powerindex's limit for Shapley-Shubik is 170: it converts N! to a float) and 200
    # members, where only Banzhaf can be had from powerindex.
    for index, players in enumerate([150, 200]):
        votes = [rng.randint(1, 10) for _ in range(players)]
        games.append({"source": f"random/large-{index}", "votes": votes, "quota": sum(votes) // 2 + 1})
    # Textbook cases: the UN Security Council (5 permanent members with 7 votes, quota 39)
    # and the EEC Council of 1958 (France, Germany, Italy 4; Belgium, Netherlands 2;
    # Luxembourg 1; quota 12), whose Luxembourg has no power.
    games.append({"source": "textbook/un-security-council", "votes": [7] * 5 + [1] * 10, "quota": 39})
    games.append({"source": "textbook/eec-1958", "votes": [4, 4, 4, 2, 2, 1], "quota": 12})
    return games


def solve(game):
    playing = [i for i, v in enumerate(game["votes"]) if v > 0]
    banzhaf = [0.0] * len(game["votes"])
    shapley = [0.0] * len(game["votes"])
    total = sum(game["votes"])
    if not playing or game["quota"] < 1 or game["quota"] > total:
        return None, None
    g = powerindex.Game(quota=game["quota"], weights=[game["votes"][i] for i in playing])
    try:
        g.calc()
    except OverflowError as error:
        # More than 170 players: powerindex's Shapley-Shubik overflows; Banzhaf still works.
        game["shapley_shubik_error"] = f"powerindex: OverflowError: {error}"
        g.calc_banzhaf()
        g.shapley_shubik = None
    for position, i in enumerate(playing):
        banzhaf[i] = g.banzhaf[position]
        if g.shapley_shubik is not None:
            shapley[i] = g.shapley_shubik[position]
    return banzhaf, (shapley if g.shapley_shubik is not None else None)


def main():
    games = []
    for base in ("Datasets", os.path.join("Tests", "Fixtures", "areas")):
        for name in sorted(os.listdir(os.path.join(ROOT, base))):
            folder = os.path.join(ROOT, base, name)
            if os.path.isdir(folder):
                games += area_games(folder, name)
    games += random_games()
    for game in games:
        game["banzhaf"], game["shapley_shubik"] = solve(game)
    fixture = {
        "generator": "Scripts/reference/voting_power.py",
        "tools": {"powerindex": getattr(powerindex, "__version__", "0.3.5"), "python": sys.version.split()[0]},
        "calls": {
            "banzhaf": "powerindex.Game(quota, weights).calc(); game.banzhaf (players with votes only)",
            "shapley_shubik": "powerindex.Game(quota, weights).calc(); game.shapley_shubik (players with votes only)",
        },
        "games": games,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(games)} games written to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
