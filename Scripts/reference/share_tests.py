#!/usr/bin/env python3
"""Exact reference values for the random-set tests of chairs, seats and voting power.

Writes Tests/Fixtures/reference/share_tests/<area>.json for Datasets/northbridge and
Tests/Fixtures/twomode_areas/random_affiliation. Independent of PartnerNet: the area is
read with Python's csv module, the power indices are computed by brute force over every
coalition, and each test enumerates every subset (itertools.combinations) where there are
at most MAX_SUBSETS of them (elsewhere only the observed amounts are written).

Conventions (Docs/CONVENTIONS.md):
  * groups are the values of `sector`, in order of first appearance in organisations.csv;
  * chairs: eligible = organisations with any membership row (observers included), in
    organisations.csv order; a partnership with at least one `chair` row is one credit
    held by a set containing any of its chairs; the group's set is its eligible members;
  * seats on P: eligible = every organisation; a set holds its members' rows on P;
  * power on P: the seats of P in memberships.csv order are the players (votes, default
    1 and 0 for observers); quota = partnerships.csv quota or total // 2 + 1; players with
    0 votes are out of the game with power 0; normalised Banzhaf = swings / all swings;
    Shapley-Shubik = sum over swing coalitions S of |S|! (n - |S| - 1)! / n!; eligible =
    organisations with a seat on P; an organisation holds the power of its seats;
  * p_low = #subsets with value <= observed / #subsets, p_high with >=, ties within 1e-9
    relative; mean = mean share over the subsets.

Requires Python 3 only. Run from the repository root:
    python3 Scripts/reference/share_tests.py
"""

import csv
import itertools
import json
import math
import os
import platform

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "share_tests")
AREAS = [os.path.join("Datasets", "northbridge"), os.path.join("Tests", "Fixtures", "twomode_areas", "random_affiliation")]
MAX_SUBSETS = 40_000
TIE = 1e-9


def rows(folder, name):
    with open(os.path.join(ROOT, folder, name), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def ties(a, b):
    return a == b or abs(a - b) <= TIE * max(abs(a), abs(b))


def power(votes, quota):
    """Normalised Banzhaf and Shapley-Shubik of each player, by brute force."""
    players = [i for i, v in enumerate(votes) if v > 0]
    n = len(players)
    swings = [0] * len(votes)
    shapley = [0.0] * len(votes)
    for i in players:
        others = [j for j in players if j != i]
        for size in range(len(others) + 1):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for coalition in itertools.combinations(others, size):
                total = sum(votes[j] for j in coalition)
                if total < quota <= total + votes[i]:
                    swings[i] += 1
                    shapley[i] += weight
    all_swings = sum(swings)
    if all_swings == 0:
        return [0.0] * len(votes), [0.0] * len(votes)
    return [s / all_swings for s in swings], shapley


def test(group_name, eligible, members, credits):
    """credits: list of (weight, set of holders); a set holds a credit if it holds any holder."""
    def value(chosen):
        chosen = set(chosen)
        return sum(w for w, holders in credits if holders & chosen)

    total = sum(w for w, _ in credits)
    group = [v for v in eligible if v in members]
    amount = value(group)
    entry = {"group": group_name, "amount": amount, "total": total, "set_size": len(group),
             "eligible": len(eligible)}
    subsets = math.comb(len(eligible), len(group))
    if total > 0 and subsets <= MAX_SUBSETS:
        observed = amount / total
        low = high = 0
        mean = 0.0
        for chosen in itertools.combinations(eligible, len(group)):
            share = value(chosen) / total
            low += share <= observed or ties(share, observed)
            high += share >= observed or ties(share, observed)
            mean += share
        entry.update({"subsets": subsets, "p_low": low / subsets, "p_high": high / subsets, "mean": mean / subsets})
    return entry


def area_tests(folder):
    orgs = rows(folder, "organisations.csv")
    ids = [o["id"] for o in orgs]
    sectors = list(dict.fromkeys(o["sector"] for o in orgs))
    members_of = {s: {o["id"] for o in orgs if o["sector"] == s} for s in sectors}
    parts = rows(folder, "partnerships.csv")
    seats = rows(folder, "memberships.csv")
    for seat in seats:
        role = (seat.get("role") or "member").strip().lower()
        seat["role"] = role
        seat["votes"] = int(seat["votes"]) if seat.get("votes") else (0 if role == "observer" else 1)

    seated = {s["organisation"] for s in seats}
    eligible = [v for v in ids if v in seated]
    chairs = {}
    for s in seats:
        if s["role"] == "chair":
            chairs.setdefault(s["partnership"], set()).add(s["organisation"])
    credits = [(1, holders) for holders in chairs.values()]
    result = {"chairs": [test(s, eligible, members_of[s], credits) for s in sectors], "boards": []}

    for p in parts:
        on = [s for s in seats if s["partnership"] == p["id"]]
        seat_credits = [(1, {s["organisation"]}) for s in on]
        votes = [s["votes"] for s in on]
        quota = int(p["quota"]) if p.get("quota") else sum(votes) // 2 + 1
        banzhaf, shapley = power(votes, quota)
        board = {o for o in ids if any(s["organisation"] == o for s in on)}
        board_eligible = [v for v in ids if v in board]
        result["boards"].append({
            "partnership": p["id"],
            "quota": quota,
            "seats": [test(s, ids, members_of[s], seat_credits) for s in sectors],
            "banzhaf": [test(s, board_eligible, members_of[s],
                             [(b, {seat["organisation"]}) for b, seat in zip(banzhaf, on)]) for s in sectors],
            "shapley_shubik": [test(s, board_eligible, members_of[s],
                                    [(x, {seat["organisation"]}) for x, seat in zip(shapley, on)]) for s in sectors],
        })
    return result


def main():
    os.makedirs(OUT, exist_ok=True)
    for folder in AREAS:
        data = {
            "area": folder,
            "generator": "Scripts/reference/share_tests.py",
            "tools": {"python": platform.python_version()},
            "calls": {
                "subsets": f"itertools.combinations(eligible, set_size), where C(eligible, set_size) <= {MAX_SUBSETS}",
                "banzhaf": "swings of each player over every coalition of the others, divided by all swings",
                "shapley_shubik": "sum over swing coalitions S of |S|! (n - |S| - 1)! / n!",
            },
            **area_tests(folder),
        }
        name = os.path.basename(folder)
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
        exact = sum("p_low" in e for e in data["chairs"]) + sum(
            "p_low" in e for b in data["boards"] for key in ("seats", "banzhaf", "shapley_shubik") for e in b[key])
        print(f"{name}: {len(data['boards'])} boards, {exact} exact tests")


if __name__ == "__main__":
    main()
