#!/usr/bin/env python3
"""networkx and R sna reference values for PartnerNet's centrality and centralisation.

An independent implementation: reads every area folder in Datasets/, Tests/Fixtures/areas/
and Tests/Fixtures/centrality_areas/ with Python's csv and json modules (the loading code
of basic_measures.py, no PartnerNet code), builds the graphs by the conventions of the
metric catalogue, and writes one JSON fixture per area to
Tests/Fixtures/networkx/centrality/<area>.json.

Each fixture holds one case per selection of relations (the union, each relation alone
when there are several, co-membership when there are memberships), and in each case:

  * "unweighted": node-level betweenness, betweenness_normalized, closeness,
    in_closeness, harmonic, eigenvector, pagerank, clustering; network-level
    transitivity, diameter, average_path_length, degree_centralization (+ in_, out_),
    betweenness_centralization, closeness_centralization;
  * "weighted": the measures that --weighted changes, path lengths 1/weight (computed
    with exact rational lengths, fractions.Fraction, so that tied paths tie exactly; the
    catalogue's 1e-10 relative rule gives the same ties on floating-point lengths) and
    the valued adjacency for eigenvector and pagerank;
  * "katz": nx.katz_centrality_numpy for several α, unweighted and weighted, with λmax;
    null values where α ≥ 1/λmax (the series diverges; networkx does not check);
  * "bonacich_power": R sna::bonpow for several β, negative ones included, unweighted
    and weighted, with λmax; null values where |β| ≥ 1/λmax or the graph has no ties.

A measure that is undefined is null with a "reason" (see CONVENTIONS).

R sna is called once, through Rscript and Scripts/reference/sna_measures.R, for every
graph of every area: it supplies bonacich_power, the degree and betweenness
centralisations, and closeness centralisation where every node reaches every other (this
script checks it against networkx's closeness with sna's maximum, the value recorded).

Requires networkx 3.6.1, numpy, python-igraph (for basic_measures.py) and R with sna 2.7
(Debian: apt-get install r-cran-sna). Run from the repository root:

    python3 Scripts/reference/centrality_measures.py
"""

import csv
import glob
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
from fractions import Fraction

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from basic_measures import CO_MEMBERSHIP, build_graph, load_area  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = "Scripts/reference/centrality_measures.py"
R_SCRIPT = os.path.join(ROOT, "Scripts", "reference", "sna_measures.R")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "networkx", "centrality")
AREA_ROOTS = [
    os.path.join(ROOT, "Datasets"),
    os.path.join(ROOT, "Tests", "Fixtures", "areas"),
    os.path.join(ROOT, "Tests", "Fixtures", "centrality_areas"),
]
ITERATIONS = 10_000
TOLERANCE = 1e-12

CALLS = {
    "betweenness": "nx.betweenness_centrality(G, normalized=False, weight=W)",
    "betweenness_normalized": "nx.betweenness_centrality(G, normalized=True, weight=W)",
    "closeness": "nx.closeness_centrality(G.reverse(), distance=W) (undirected: G)",
    "in_closeness": "nx.closeness_centrality(G, distance=W)",
    "harmonic": "nx.harmonic_centrality(G.reverse(), distance=W) (undirected: G)",
    "eigenvector": f"nx.eigenvector_centrality(G, max_iter={ITERATIONS}, tol={TOLERANCE}, weight=V)",
    "pagerank": f"nx.pagerank(G, alpha=0.85, max_iter={ITERATIONS}, tol={TOLERANCE}, weight=V)",
    "katz": "nx.katz_centrality_numpy(G, alpha=ALPHA, beta=1.0, normalized=True, weight=V)",
    "bonacich_power": 'sna::bonpow(M, gmode="digraph" | "graph", exponent=BETA) on the adjacency matrix M '
                      "(binary, or valued when weighted)",
    "clustering": "nx.clustering(G.to_undirected())",
    "transitivity": "nx.transitivity(G.to_undirected())",
    "diameter": "max over ordered pairs (u, v), u != v, v reachable from u, of "
                "nx.single_source_dijkstra_path_length(G, u, weight=W) (BFS lengths when unweighted)",
    "average_path_length": "mean over the same reachable ordered pairs of the same lengths",
    "degree_centralization": 'sna::centralization(M, degree, mode="digraph" | "graph", cmode="freeman")',
    "in_degree_centralization": 'sna::centralization(M, degree, mode=…, cmode="indegree")',
    "out_degree_centralization": 'sna::centralization(M, degree, mode=…, cmode="outdegree")',
    "betweenness_centralization": 'sna::centralization(M, betweenness, mode="digraph" | "graph") unweighted; '
                                  "weighted: sum(max(b) - b) / sna's maximum ((n-1)^2 (n-2), halved when "
                                  "undirected) over b = nx.betweenness_centrality(G, normalized=False, weight=W)",
    "closeness_centralization": "sum(max(c) - c) / sna's maximum ((n-1)(1-1/n) directed, (n-1)(n-2)/(2n-3) "
                                "undirected) over c = the closeness above; equal to sna::centralization(M, "
                                "closeness, mode=…) wherever every node reaches every other (checked)",
}

CONVENTIONS = [
    "Graphs as in Scripts/reference/basic_measures.py (its loading code is imported).",
    "W = None unweighted; weighted, W = 'length', an edge attribute Fraction(1) / Fraction(weight): exact "
    "rational path lengths, so equal paths tie exactly (networkx compares floating-point sums exactly; "
    "METRICS.md counts lengths within 1e-10 relative as equal, which gives the same ties here). Values are "
    "converted to floats at the end.",
    "V = None unweighted, 'weight' weighted (the valued adjacency).",
    "Direction words follow sna: closeness and harmonic are out-measures, hence G.reverse() for networkx, "
    "which measures incoming distance.",
    "lambda_max is max |eigenvalue| of the adjacency matrix (numpy.linalg.eigvals), binary or valued.",
    "Katz alphas: 0.1 (the default) and 0.5 / lambda_max (0.5 when lambda_max = 0). Bonacich betas: -0.2, "
    "0.1, 0.3, 0.5 / lambda_max and -0.9 / lambda_max (the last two when lambda_max > 0).",
    "Null values carry a reason: 'alpha out of range' (alpha >= 1/lambda_max), 'beta out of range' "
    "(|beta| >= 1/lambda_max), 'no ties' (Bonacich power on a graph without ties: sna returns NaN), "
    "'no cycle' (eigenvector on a graph without a cycle: lambda_max = 0; networkx fails to converge there, "
    "or returns the uniform vector when there are no edges), 'did not converge'.",
    "katz on a graph of one node is 1.0 (networkx's katz_centrality_numpy fails there).",
    "Network-level values are null where undefined: diameter and average_path_length when no node "
    "reaches another; centralisations when sna's maximum is 0 (sna returns NaN).",
]

KATZ_ALPHA = 0.1
BONACICH_BETAS = [-0.2, 0.1, 0.3]


def finite(value):
    value = float(value)
    assert math.isfinite(value), value
    return value


def with_lengths(G):
    """A copy of G whose edges carry length = 1/weight as an exact fraction."""
    H = G.copy()
    for u, v, data in H.edges(data=True):
        data["length"] = Fraction(1) / Fraction(data["weight"])
    return H


def outward(G):
    return G.reverse(copy=True) if G.is_directed() else G


def distances(G, weight):
    """Lengths of shortest paths over reachable ordered pairs, u != v."""
    out = []
    for u in G:
        if weight is None:
            lengths = nx.single_source_shortest_path_length(G, u)
        else:
            lengths = nx.single_source_dijkstra_path_length(G, u, weight=weight)
        out += [d for v, d in lengths.items() if v != u]
    return out


def path_measures(G, weight, orgs):
    """Betweenness, closeness, harmonic, diameter, average path length."""
    n = G.number_of_nodes()
    directed = G.is_directed()
    node = {
        "betweenness": nx.betweenness_centrality(G, normalized=False, weight=weight),
        "betweenness_normalized": nx.betweenness_centrality(G, normalized=True, weight=weight),
        "closeness": nx.closeness_centrality(outward(G), distance=weight),
        "in_closeness": nx.closeness_centrality(G, distance=weight),
        "harmonic": nx.harmonic_centrality(outward(G), distance=weight),
    }
    node = {name: {v: finite(values[v]) for v in orgs} for name, values in node.items()}
    lengths = distances(G, weight)
    network = {
        "diameter": finite(max(lengths)) if lengths else None,
        "average_path_length": finite(Fraction(sum(lengths)) / len(lengths)) if lengths else None,
    }
    bet = list(node["betweenness"].values())
    maximum = (n - 1) ** 2 * (n - 2) / (1 if directed else 2)
    network["betweenness_centralization"] = sum(max(bet) - b for b in bet) / maximum if n > 2 else None
    clo = list(node["closeness"].values())
    maximum = (n - 1) * (1 - 1 / n) if directed else (n - 1) * (n - 2) / (2 * n - 3)
    network["closeness_centralization"] = sum(max(clo) - c for c in clo) / maximum if maximum > 0 else None
    return node, network


def acyclic(G):
    return nx.is_directed_acyclic_graph(G) if G.is_directed() else G.number_of_edges() == 0


def eigenvector(G, weight, orgs):
    if acyclic(G):
        return None, "no cycle"
    try:
        values = nx.eigenvector_centrality(G, max_iter=ITERATIONS, tol=TOLERANCE, weight=weight)
    except nx.PowerIterationFailedConvergence:
        return None, "did not converge"
    return {v: finite(values[v]) for v in orgs}, None


def pagerank(G, weight, orgs):
    values = nx.pagerank(G, alpha=0.85, max_iter=ITERATIONS, tol=TOLERANCE, weight=weight)
    return {v: finite(values[v]) for v in orgs}


def adjacency(G, orgs, weight):
    return nx.to_numpy_array(G, nodelist=orgs, weight=weight, nonedge=0.0)


def spectral_radius(matrix):
    if matrix.size == 0:
        return 0.0
    radius = float(max(abs(np.linalg.eigvals(matrix))))
    return 0.0 if radius < 1e-9 else radius


def katz_runs(G, orgs):
    runs = []
    for weighted in (False, True):
        weight = "weight" if weighted else None
        radius = spectral_radius(adjacency(G, orgs, weight))
        alphas = [KATZ_ALPHA, 0.5 / radius if radius > 0 else 0.5]
        for alpha in alphas:
            run = {"alpha": alpha, "weighted": weighted, "lambda_max": radius}
            if alpha * radius >= 1:
                run.update(values=None, reason="alpha out of range")
            else:
                assert alpha * radius < 0.999, "alpha too close to 1/lambda_max to be a fair test"
                if len(G) == 1:
                    # networkx squeezes the one-element solution to a scalar and fails; the
                    # solution of (1 - 0) x = 1, normalised, is 1.
                    values = {orgs[0]: 1.0}
                else:
                    values = nx.katz_centrality_numpy(G, alpha=alpha, beta=1.0, normalized=True, weight=weight)
                run["values"] = {v: finite(values[v]) for v in orgs}
            runs.append(run)
    return runs


def bonacich_jobs(G, orgs):
    """Bonacich runs to ask sna for, without their values yet."""
    runs = []
    for weighted in (False, True):
        weight = "weight" if weighted else None
        radius = spectral_radius(adjacency(G, orgs, weight))
        betas = BONACICH_BETAS + ([0.5 / radius, -0.9 / radius] if radius > 0 else [])
        for beta in betas:
            run = {"beta": beta, "weighted": weighted, "lambda_max": radius}
            if G.number_of_edges() == 0:
                run.update(values=None, reason="no ties")
            elif abs(beta) * radius >= 1:
                run.update(values=None, reason="beta out of range")
            else:
                assert abs(beta) * radius < 0.999, "beta too close to 1/lambda_max to be a fair test"
            runs.append(run)
    return runs


def unweighted_measures(G, orgs):
    node, network = path_measures(G, None, orgs)
    node["eigenvector"], reason = eigenvector(G, None, orgs)
    reasons = {"eigenvector": reason} if reason else {}
    node["pagerank"] = pagerank(G, None, orgs)
    skeleton = G.to_undirected()
    clustering = nx.clustering(skeleton)
    node["clustering"] = {v: finite(clustering[v]) for v in orgs}
    network["transitivity"] = finite(nx.transitivity(skeleton))
    return node, network, reasons


def weighted_measures(G, orgs):
    H = with_lengths(G)
    node, network = path_measures(H, "length", orgs)
    node["eigenvector"], reason = eigenvector(G, "weight", orgs)
    reasons = {"eigenvector": reason} if reason else {}
    node["pagerank"] = pagerank(G, "weight", orgs)
    return node, network, reasons


def strongly_connected(G):
    if G.number_of_nodes() == 0:
        return False
    return nx.is_strongly_connected(G) if G.is_directed() else nx.is_connected(G)


def run_sna(jobs):
    """Runs sna_measures.R once over every job; returns {job id: {key: value or None}}."""
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "jobs.csv"), "w", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["id", "mode", "betas"])
            for job_id, (matrix, mode, betas) in jobs.items():
                writer.writerow([job_id, mode, ";".join(repr(b) for b in betas)])
                np.savetxt(os.path.join(folder, f"{job_id}.csv"), matrix, delimiter=",", fmt="%.17g")
        subprocess.run(["Rscript", R_SCRIPT, folder], check=True)
        results = {}
        with open(os.path.join(folder, "results.csv"), newline="") as fh:
            for row in csv.DictReader(fh):
                value = None if row["value"] in ("NA", "NaN", "Inf", "-Inf") else float(row["value"])
                results.setdefault(row["id"], {})[row["key"]] = value
        return results


def sna_versions():
    out = subprocess.run(
        ["Rscript", "-e", 'cat(R.version$major, ".", R.version$minor, " ", '
                          'as.character(packageVersion("sna")), sep="")'],
        check=True, capture_output=True, text=True).stdout.split()
    return out[0], out[1]


def area_cases(name, folder):
    meta, orgs, ties, memberships = load_area(folder)
    relation_names = list(dict.fromkeys(relation for _, _, _, relation in ties))
    selections = [[]]
    if len(relation_names) > 1:
        selections += [[r] for r in relation_names]
    if memberships:
        selections.append([CO_MEMBERSHIP])
    cases = []
    for selection in selections:
        G, directed = build_graph(meta, orgs, ties, memberships, selection or relation_names)
        cases.append((selection, G, directed, orgs))
    return cases


def main():
    # networkx iterates over sets of nodes in places (harmonic centrality), so the order of
    # floating-point sums follows string hashing: fix it, so that reruns write identical files.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    os.makedirs(OUT, exist_ok=True)
    areas = []
    names = set()
    for root in AREA_ROOTS:
        for path in sorted(glob.glob(os.path.join(root, "*", "organisations.csv"))):
            folder = os.path.dirname(path)
            name = os.path.basename(folder)
            assert name not in names, f"two areas named {name}"
            names.add(name)
            areas.append((name, area_cases(name, folder)))

    # Everything networkx computes, and the jobs for sna.
    fixtures = {}
    jobs = {}
    for name, cases in areas:
        out = []
        for index, (selection, G, directed, orgs) in enumerate(cases):
            node, network, reasons = unweighted_measures(G, orgs)
            w_node, w_network, w_reasons = weighted_measures(G, orgs)
            bonacich = bonacich_jobs(G, orgs)
            mode = "digraph" if directed else "graph"
            binary = adjacency(G, orgs, None)
            valued = adjacency(G, orgs, "weight")
            jobs[f"{name}-{index}-binary"] = (binary, mode, [r["beta"] for r in bonacich if not r["weighted"]])
            jobs[f"{name}-{index}-valued"] = (valued, mode, [r["beta"] for r in bonacich if r["weighted"]])
            out.append({
                "relations": selection,
                "directed": directed,
                "unweighted": {"node": node, "network": network, "reasons": reasons},
                "weighted": {"node": w_node, "network": w_network, "reasons": w_reasons},
                "katz": katz_runs(G, orgs),
                "bonacich_power": bonacich,
                "_graph": G,
            })
        fixtures[name] = out

    sna = run_sna(jobs)
    r_version, sna_version = sna_versions()
    for name, cases in fixtures.items():
        for index, case in enumerate(cases):
            G = case.pop("_graph")
            results = sna[f"{name}-{index}-binary"]
            network = case["unweighted"]["network"]
            for key in ("degree_centralization", "in_degree_centralization", "out_degree_centralization"):
                network[key] = results[key]
            # Unweighted betweenness centralisation from sna itself; it must agree with networkx's.
            mine = network["betweenness_centralization"]
            theirs = results["betweenness_centralization"]
            assert (mine is None) == (theirs is None), (name, index, mine, theirs)
            assert mine is None or abs(mine - theirs) <= 1e-12 * max(1, abs(theirs)), (name, index, mine, theirs)
            network["betweenness_centralization"] = theirs
            if strongly_connected(G):
                mine, theirs = network["closeness_centralization"], results["closeness_centralization"]
                assert (mine is None) == (theirs is None), (name, index, mine, theirs)
                assert mine is None or abs(mine - theirs) <= 1e-12 * max(1, abs(theirs)), (name, index, mine, theirs)
            for run in case["bonacich_power"]:
                if "reason" in run:
                    continue
                source = sna[f"{name}-{index}-{'valued' if run['weighted'] else 'binary'}"]
                values = [source[f"bonpow[{run['beta']!r}][{i + 1}]"] for i in range(len(G))]
                assert all(v is not None for v in values), (name, index, run)
                run["values"] = {v: finite(values[i]) for i, v in enumerate(G.nodes)}

        data = {
            "dataset": name,
            "generator": GENERATOR,
            "tools": {
                "networkx": nx.__version__,
                "numpy": np.__version__,
                "python": platform.python_version(),
                "R": r_version,
                "sna": sna_version,
            },
            "calls": CALLS,
            "conventions": CONVENTIONS,
            "cases": cases,
        }
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False, allow_nan=False)
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text + "\n")
        print(f"{name}: {len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
