#!/usr/bin/env python3
"""Direct reference values for PartnerNet's survey import (issue 16).

An independent implementation with Python's csv module (no PartnerNet code): reads a roster
and long responses, maps labels with the standard scale, and computes

  * the response figures: organisations, respondents, response_rate, response_rate[S];
  * per question: reported_ties[Q], confirmed_share[Q] (unordered pairs of respondents with
    a tie reported by at least one: the share reported by both), disagreement_rate[Q] (the
    share whose two values differ, no report counting 0);
  * trust and value scores (observed handling): per organisation, sector and the network,
    received_mean[Q], received_count[Q], sent_mean[Q] and received_mean[composite];
  * the area each non-response handling gives, per question: the ties (source, target,
    weight) and the unknown pairs, for observed, reconstruct, and symmetrise max/min/mean
    with each of them.

Cases: the bundled invented Northbridge survey (Datasets/northbridge_survey), and generated
surveys with known missingness (a random network, each organisation responding with a
known probability, reports with known noise), written to Tests/Fixtures/survey/generated-K/.
Writes Tests/Fixtures/reference/survey/survey_reference.json.

    python3 Scripts/reference/survey_reference.py
"""
import csv
import json
import os
import platform
import random
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "survey")
GENERATED = os.path.join(ROOT, "Tests", "Fixtures", "survey")

SCALE = {"yes": 1, "no": 0, "never": 0, "less than monthly": 1, "monthly": 2, "weekly": 3, "daily": 4,
         "strongly disagree": 1, "disagree": 2, "neither agree nor disagree": 3, "agree": 4, "strongly agree": 5,
         "not at all": 1, "a small amount": 2, "a fair amount": 3, "a great deal": 4}


def value(text):
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        return float(SCALE[text.lower()])


def read(folder):
    with open(os.path.join(folder, "roster.csv"), newline="") as f:
        roster = list(csv.DictReader(f))
    ids = [r["id"] for r in roster]
    respondents, questions, answers = set(), [], {}
    with open(os.path.join(folder, "responses.csv"), newline="") as f:
        for row in csv.DictReader(f):
            respondents.add(row["respondent"])
            if not row["partner"] and not row["question"]:
                continue
            if not row["value"].strip():
                continue
            q = row["question"]
            if q not in questions:
                questions.append(q)
            answers[(row["respondent"], row["partner"], q)] = value(row["value"])
    return roster, ids, respondents, questions, answers


def summary(roster, ids, respondents, questions, answers):
    out = {"organisations": len(ids), "respondents": len(respondents),
           "response_rate": len(respondents) / len(ids)}
    sectors = []
    for r in roster:
        if r["sector"] not in sectors:
            sectors.append(r["sector"])
    for s in sectors:
        members = [r["id"] for r in roster if r["sector"] == s]
        out[f"response_rate[{s}]"] = sum(1 for m in members if m in respondents) / len(members)
    for q in questions:
        out[f"reported_ties[{q}]"] = sum(1 for (a, b, qq), v in answers.items() if qq == q and v > 0)
        pairs = confirmed = differ = 0
        resp = sorted(respondents)
        for i, a in enumerate(resp):
            for b in resp[i + 1:]:
                x = answers.get((a, b, q), 0)
                y = answers.get((b, a, q), 0)
                if x > 0 or y > 0:
                    pairs += 1
                    confirmed += x > 0 and y > 0
                    differ += x != y
        out[f"confirmed_share[{q}]"] = confirmed / pairs if pairs else None
        out[f"disagreement_rate[{q}]"] = differ / pairs if pairs else None
    return out


def area(ids, respondents, questions, answers, mode, symmetrise):
    result = {}
    for q in questions:
        ties, unknown = [], []
        if symmetrise:
            for i, s in enumerate(ids):
                for t in ids[i + 1:]:
                    a, b = s in respondents, t in respondents
                    if a and b:
                        x, y = answers.get((s, t, q), 0), answers.get((t, s, q), 0)
                        w = {"max": max(x, y), "min": min(x, y), "mean": (x + y) / 2}[symmetrise]
                        if w > 0:
                            ties.append([s, t, w])
                    elif a or b:
                        if mode == "observed":
                            unknown.append([s, t])
                        else:
                            x = answers.get((s, t, q), 0) if a else answers.get((t, s, q), 0)
                            if x > 0:
                                ties.append([s, t, x])
                    else:
                        unknown.append([s, t])
        else:
            for s in ids:
                for t in ids:
                    if s == t:
                        continue
                    if s in respondents:
                        x = answers.get((s, t, q), 0)
                        if x > 0:
                            ties.append([s, t, x])
                    elif mode == "reconstruct" and t in respondents:
                        x = answers.get((t, s, q), 0)
                        if x > 0:
                            ties.append([s, t, x])
                    else:
                        unknown.append([s, t])
        result[q] = {"ties": ties, "unknown": unknown}
    return result


def scores(roster, ids, questions, answers):
    """Mean ratings received and given per organisation, sector and network (answers above
    0 only), and the composite: the mean over items of the received means."""
    sector = {r["id"]: r["sector"] for r in roster}
    levels = {"organisation": {i: i for i in ids}, "sector": sector, "network": {i: "network" for i in ids}}
    out = {}
    for level, key_of in levels.items():
        table = {}
        for key in dict.fromkeys(key_of[i] for i in ids):
            row = {}
            means = []
            for q in questions:
                got = [v for (a, b, qq), v in answers.items() if qq == q and v > 0 and key_of[b] == key]
                gave = [v for (a, b, qq), v in answers.items() if qq == q and v > 0 and key_of[a] == key]
                row[f"received_mean[{q}]"] = sum(got) / len(got) if got else None
                row[f"received_count[{q}]"] = len(got)
                row[f"sent_mean[{q}]"] = sum(gave) / len(gave) if gave else None
                if got:
                    means.append(sum(got) / len(got))
            if len(questions) > 1:
                row["received_mean[composite]"] = sum(means) / len(means) if means else None
            table[key] = row
        out[level] = table
    return out


def generate(k, n, p_tie, p_respond, seed):
    """A survey with known missingness: each organisation responds with p_respond; a
    respondent reports each true tie with probability 0.9 at a frequency 1–4."""
    rng = random.Random(seed)
    folder = os.path.join(GENERATED, f"generated-{k}")
    os.makedirs(folder, exist_ok=True)
    sectors = ["local-authority", "public", "business", "voluntary-community", "faith"]
    ids = [f"o{i}" for i in range(n)]
    with open(os.path.join(folder, "roster.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "sector"])
        for i, o in enumerate(ids):
            w.writerow([o, f"Organisation {i}", sectors[i % len(sectors)]])
    true = {frozenset((a, b)) for i, a in enumerate(ids) for b in ids[i + 1:] if rng.random() < p_tie}
    rows = []
    for r in ids:
        if rng.random() >= p_respond:
            continue
        named = 0
        for p in ids:
            if p != r and frozenset((r, p)) in true and rng.random() < 0.9:
                rows.append([r, p, "contact", rng.choice(["less than monthly", "monthly", "weekly", "daily"])])
                if rng.random() < 0.5:
                    rows.append([r, p, "trust", str(rng.randint(1, 4))])
                named += 1
        if named == 0:
            rows.append([r, "", "", ""])
    with open(os.path.join(folder, "responses.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["respondent", "partner", "question", "value"])
        w.writerows(rows)
    return folder


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = {"northbridge_survey": os.path.join(ROOT, "Datasets", "northbridge_survey")}
    for k, (n, p_tie, p_respond, seed) in enumerate([(30, 0.15, 0.9, 1), (40, 0.1, 0.6, 2), (25, 0.3, 0.4, 3)]):
        cases[f"generated-{k}"] = generate(k, n, p_tie, p_respond, seed)
    fixture = {"tool": f"Python {platform.python_version()} (csv module), direct computation",
               "call": "python3 Scripts/reference/survey_reference.py", "cases": {}}
    for name, folder in cases.items():
        roster, ids, respondents, questions, answers = read(folder)
        case = {"folder": os.path.relpath(folder, ROOT), "summary": summary(roster, ids, respondents, questions, answers),
                "scores": scores(roster, ids, questions, answers), "areas": {}}
        for mode in ["observed", "reconstruct"]:
            for sym in [None, "max", "min", "mean"]:
                case["areas"][f"{mode}/{sym or 'none'}"] = area(ids, respondents, questions, answers, mode, sym)
        fixture["cases"][name] = case
    with open(os.path.join(OUT, "survey_reference.json"), "w") as f:
        json.dump(fixture, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    print("wrote", len(cases), "cases")


if __name__ == "__main__":
    main()
