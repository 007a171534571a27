#!/usr/bin/env python3
"""Writes the invented Northbridge partner survey (Datasets/northbridge_survey/).

INVENTED, for demonstration: what a roster survey of the Northbridge partners (itself an
invented area) might have returned. The "true" network is Northbridge's information
relation (Datasets/northbridge/relationships.csv, both directions counted as working
together). Each partner is asked about every other on the roster:

  contact  how often do you share information with them?  (never … daily; the standard
           frequency scale of `partnernet survey scale`)
  trust    how far do you trust them?                        (not at all … a great deal)

Non-response is realistic and uneven: the councils all answer, the public agencies most,
business, the voluntary and community sector and faith groups least (response
probabilities below). A respondent reports a true tie with probability 0.85, at a
frequency near its weight (so two ends often disagree by one step), and names a partner
it does not work with with probability 0.01. Trust is asked only about partners named on
contact. Seeded: the same files every time.

    python3 Scripts/make_northbridge_survey.py
"""
import csv
import os
import random

ROOT = os.path.join(os.path.dirname(__file__), "..")
AREA = os.path.join(ROOT, "Datasets", "northbridge")
OUT = os.path.join(ROOT, "Datasets", "northbridge_survey")

RESPONSE = {"local-authority": 1.0, "public": 0.75, "business": 0.4, "voluntary-community": 0.55, "faith": 0.35}
FREQUENCY = ["never", "less than monthly", "monthly", "weekly", "daily"]
TRUST = ["not at all", "a small amount", "a fair amount", "a great deal"]


def main():
    rng = random.Random(20261207)
    with open(os.path.join(AREA, "organisations.csv"), newline="") as f:
        roster = list(csv.DictReader(f))
    ids = [row["id"] for row in roster]
    sector = {row["id"]: row["sector"] for row in roster}
    weight = {}
    with open(os.path.join(AREA, "relationships.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["relation"] != "information":
                continue
            pair = frozenset((row["source"], row["target"]))
            weight[pair] = max(weight.get(pair, 0), float(row["weight"] or 1))
    respondents = [i for i in ids if rng.random() < RESPONSE[sector[i]]]
    rows = []
    for r in respondents:
        named = 0
        for p in ids:
            if p == r:
                continue
            w = weight.get(frozenset((r, p)))
            if w is not None and rng.random() < 0.85:
                level = min(4, max(1, round(w) + rng.choice([-1, 0, 0, 1])))
            elif w is None and rng.random() < 0.01:
                level = 1
            else:
                continue
            named += 1
            rows.append([r, p, "contact", FREQUENCY[level]])
            trust = min(3, max(0, level - 1 + rng.choice([0, 1, 1, 2])))
            rows.append([r, p, "trust", TRUST[trust]])
        if named == 0:
            rows.append([r, "", "", ""])
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "roster.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "name", "sector", "subsector"])
        for row in roster:
            writer.writerow([row["id"], row["name"], row["sector"], row["subsector"]])
    with open(os.path.join(OUT, "responses.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["respondent", "partner", "question", "value"])
        writer.writerows(rows)
    print(f"{len(respondents)} of {len(ids)} respond; {len(rows)} rows")


if __name__ == "__main__":
    main()
