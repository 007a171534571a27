#!/usr/bin/env python3
"""Reference values for PartnerNet's core/periphery measures (Borgatti & Everett 2000):
the categorical partition's fit against PyPI cpnet's BE and, on small graphs, the exact
optimum by enumeration; continuous coreness by least squares, against cpnet's MINRES.

Reads every area folder in Datasets/, Tests/Fixtures/areas/ and
Tests/Fixtures/centrality_areas/ with the loading code of basic_measures.py (no PartnerNet
code) and writes Tests/Fixtures/reference/core_periphery/<area>.json, one case per
selection of relations (the union, each relation alone when there are several,
co-membership when there are memberships). Every case runs on the undirected skeleton of
the graph, binary: i and j are tied when there is an arc either way.

Categorical model. The fit of a partition into core and periphery is the Pearson
correlation, over the n(n - 1)/2 unordered pairs, between the adjacency a_ij and the ideal
pattern d_ij = 1 when i or j is in the core, 0 when both are in the periphery: the
objective of cpnet's BE (cpnet/BE.py, _score_), which this script recomputes from the
partition cpnet returns (and asserts equal to cpnet's own score).

  * cpnet.BE(num_runs=10).detect(G), numba's random generator seeded with 0: its fit and
    core. It is a heuristic: PartnerNet's search must never fit worse.
  * Where n <= 16, every one of the 2^n partitions is scored (numpy): the best fit, the
    number of partitions reaching it (within 1e-12), and up to 8 optimal cores.

Continuous model. Coreness c in [0, 1] minimises the residual sum of squares
sum_{i != j} (a_ij - c_i c_j)^2 (Boyd et al. 2010's MINRES; UCINET's "C C' as close as
possible to the data"), and the fit is the Pearson correlation over unordered pairs
between a_ij and c_i c_j. (Without the bound c <= 1 the residual can have no minimum: on a
star it falls towards its infimum as the hub's coreness grows without bound and the
leaves' shrinks, which is what the unbounded iteration does on this repository's
random_directed_weighted 'tie' relation.)

  * This script's own Gauss-Seidel iteration of Comrey's update c_i <- min(1, sum_j a_ij
    c_j / sum_{j != i} c_j^2) from c = degree / max degree until no coordinate moves by
    1e-15 of the largest; cross-checked by scipy.optimize.minimize(method="L-BFGS-B",
    bounds [0, 1]) on the residual with its exact gradient, from the same start and four
    seeded random ones: scipy's best residual must not be lower (asserted), and where it
    is equal (within 1e-9 relative) the coreness must agree within 1e-5 (asserted).
  * cpnet.MINRES(num_runs=10).detect(G) (numba seeded with 0): the residual and fit of its
    coreness (it stops at 1% relative change, so it is looser; PartnerNet's residual must
    not exceed it).

Requires networkx 3.6.1, numpy, scipy, cpnet 0.0.21 (pip install cpnet, which brings
numba). Deterministic. Run from the repository root:

    python3 Scripts/reference/core_periphery.py
"""

import glob
import importlib.metadata
import json
import math
import os
import platform
import sys

import cpnet
import networkx as nx
import numba
import numpy as np
import scipy
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from centrality_measures import area_cases  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = "Scripts/reference/core_periphery.py"
OUT = os.path.join(ROOT, "Tests", "Fixtures", "reference", "core_periphery")
AREA_ROOTS = [
    os.path.join(ROOT, "Datasets"),
    os.path.join(ROOT, "Tests", "Fixtures", "areas"),
    os.path.join(ROOT, "Tests", "Fixtures", "centrality_areas"),
]
ENUMERATION_MAX_NODES = 16
CPNET_RUNS = 10
CPNET_SEED = 0

CALLS = {
    "skeleton": "nx.Graph(G.to_undirected()) without weights: an edge where there is an arc either way",
    "fit": "Pearson correlation over unordered pairs i < j of a_ij and d_ij = 1 if i or j is in the core, "
           "else 0: (P X - m D) / sqrt(m (P - m) D (P - D)), P pairs, m ties, D ideal ties, X ties on ideal "
           "pairs",
    "cpnet_be": f"np.random.seed({CPNET_SEED}) inside numba; be = cpnet.BE(num_runs={CPNET_RUNS}); "
                "be.detect(S); core = nodes with be.get_coreness() == 1; fit recomputed here (asserted equal to "
                "be.Q_ within 1e-9)",
    "exact": f"every partition of the n <= {ENUMERATION_MAX_NODES} nodes (core = bit mask), fit as above "
             "(undefined, skipped, for an empty core or a periphery of fewer than 2 nodes); best fit, number "
             "of partitions within 1e-12 of it, up to 8 of their cores",
    "coreness": "Gauss-Seidel c_i <- min(1, sum_j a_ij c_j / (sum_k c_k^2 - c_i^2)), nodes in order, from "
                "c = degree / max degree, until max |change| <= 1e-15 max c; cross-checked by "
                "scipy.optimize.minimize(f, c0, jac=True, method='L-BFGS-B', bounds=[(0, 1)] * n, "
                "options={'maxiter': 100000, 'ftol': 1e-16, 'gtol': 1e-14}), f = sum_{i != j} "
                "(a_ij - c_i c_j)^2, from c0 = the same start and np.random.default_rng(s).random(n), "
                "s = 1..4: coreness_scipy_residual is the best, coreness_scipy_agrees whether it equals "
                "coreness_residual within 1e-9 relative",
    "coreness_fit": "Pearson correlation over unordered pairs i < j of a_ij and c_i c_j",
    "coreness_residual": "sum over ordered pairs i != j of (a_ij - c_i c_j)^2",
    "cpnet_minres": f"np.random.seed({CPNET_SEED}) inside numba and numpy; alg = cpnet.MINRES(num_runs="
                    f"{CPNET_RUNS}); alg.detect(S); c = alg.get_coreness(); its residual and fit computed "
                    "here",
}


@numba.njit(cache=False)
def _seed_numba(seed):
    np.random.seed(seed)


def skeleton(G, orgs):
    S = nx.Graph()
    S.add_nodes_from(orgs)
    S.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return S


def correlation(A, core):
    """Fit of a core (boolean vector) on adjacency A, or None where undefined."""
    n = len(A)
    P = n * (n - 1) / 2
    m = A.sum() / 2
    periphery = ~core
    p = int(periphery.sum())
    if p < 2 or p == n:
        return None
    e = A[np.ix_(periphery, periphery)].sum() / 2
    D = P - p * (p - 1) / 2
    X = m - e
    spread = m * (P - m) * D * (P - D)
    if spread <= 0:
        return None
    return float((P * X - m * D) / math.sqrt(spread))


def pearson_pairs(A, values):
    n = len(A)
    iu = np.triu_indices(n, 1)
    a = A[iu]
    d = values[iu]
    if d.std() == 0 or a.std() == 0:
        return None
    return float(np.corrcoef(a, d)[0, 1])


def enumerate_partitions(A, orgs):
    n = len(A)
    P = n * (n - 1) / 2
    m = A.sum() / 2
    masks = np.arange(1 << n, dtype=np.int64)
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(bool)  # core membership
    periphery = ~bits
    # Ties inside the periphery: for each node in the periphery, its periphery neighbours.
    inner = (periphery.astype(np.int64) @ A.astype(np.int64)) * periphery
    e = inner.sum(axis=1) / 2
    p = periphery.sum(axis=1)
    D = P - p * (p - 1) / 2
    X = m - e
    spread = m * (P - m) * D * (P - D)
    valid = (p >= 2) & (p < n) & (spread > 0)
    fits = np.full(len(masks), -np.inf)
    fits[valid] = (P * X[valid] - m * D[valid]) / np.sqrt(spread[valid])
    best = fits.max()
    optimal = np.nonzero(fits >= best - 1e-12)[0]
    cores = [[orgs[i] for i in range(n) if bits[k, i]] for k in optimal[:8]]
    return {"best_fit": float(best), "optimal_partitions": int(len(optimal)), "optimal_cores": cores}


def residual(A, c):
    R = A - np.outer(c, c)
    np.fill_diagonal(R, 0)
    return float((R * R).sum())


def minres(A):
    """Gauss-Seidel sweeps of Comrey's update, each coordinate clamped to [0, 1]."""
    n = len(A)
    neighbours = [np.nonzero(A[i])[0] for i in range(n)]
    c = A.sum(axis=1) / A.sum(axis=1).max()
    squares = float((c * c).sum())
    for sweep in range(1, 100_001):
        change = 0.0
        for i in range(n):
            others = squares - c[i] * c[i]
            if others <= 0:
                continue
            value = min(1.0, float(c[neighbours[i]].sum()) / others)
            change = max(change, abs(value - c[i]))
            squares = others + value * value
            c[i] = value
        squares = float((c * c).sum())
        if change <= 1e-15 * c.max():
            return c, sweep
    raise RuntimeError("MINRES did not converge")


def minres_scipy(A):
    """The best of L-BFGS-B from the degree start and from four seeded random starts."""
    n = len(A)
    off = 1 - np.eye(n)

    def f(c):
        R = (A - np.outer(c, c)) * off
        return float((R * R).sum()), -4 * (R @ c)

    best = None
    for start in range(5):
        x0 = A.sum(axis=1) / A.sum(axis=1).max() if start == 0 else np.random.default_rng(start).random(n)
        result = minimize(f, x0, jac=True, method="L-BFGS-B", bounds=[(0, 1)] * n,
                          options={"maxiter": 100_000, "ftol": 1e-16, "gtol": 1e-14})
        if best is None or result.fun < best.fun - 1e-12:
            best = result
    return best.x


def core_periphery_case(G, orgs):
    S = skeleton(G, orgs)
    A = nx.to_numpy_array(S, nodelist=orgs, weight=None)
    n = len(orgs)
    m = int(A.sum() / 2)
    P = n * (n - 1) // 2
    case = {"nodes": n, "ties": m}
    if m == 0:
        case["reason"] = "no ties"
        return case
    if m == P:
        case["reason"] = "complete graph"
        return case

    _seed_numba(CPNET_SEED)
    np.random.seed(CPNET_SEED)
    be = cpnet.BE(num_runs=CPNET_RUNS)
    be.detect(S)
    x = be.get_coreness()
    core = np.array([x[v] == 1 for v in orgs])
    fit = correlation(A, core)
    assert fit is not None and abs(fit - be.Q_) <= 1e-9, (fit, be.Q_)
    assert abs(pearson_pairs(A, (core[:, None] | core[None, :]).astype(float)) - fit) <= 1e-12
    case["cpnet_be"] = {"fit": fit, "core": [v for v, c in zip(orgs, core) if c]}
    if n <= ENUMERATION_MAX_NODES:
        case["exact"] = enumerate_partitions(A, orgs)
        assert case["exact"]["best_fit"] >= fit - 1e-12

    c, sweeps = minres(A)
    check = minres_scipy(A)
    # scipy may stop in another local minimum; it must never find a lower residual.
    assert residual(A, check) >= residual(A, c) * (1 - 1e-9), (residual(A, check), residual(A, c))
    agrees = abs(residual(A, check) - residual(A, c)) <= 1e-9 * residual(A, c)
    if agrees:
        assert np.abs(check - c).max() <= 1e-5, np.abs(check - c).max()
    case["coreness"] = {v: float(c[i]) for i, v in enumerate(orgs)}
    case["coreness_residual"] = residual(A, c)
    case["coreness_scipy_residual"] = residual(A, check)
    case["coreness_scipy_agrees"] = agrees
    case["coreness_fit"] = pearson_pairs(A, np.outer(c, c))
    case["coreness_sweeps"] = sweeps

    _seed_numba(CPNET_SEED)
    np.random.seed(CPNET_SEED)
    alg = cpnet.MINRES(num_runs=CPNET_RUNS)
    alg.detect(S)
    w = np.array([alg.get_coreness()[v] for v in orgs], dtype=float)
    case["cpnet_minres"] = {"residual": residual(A, w), "fit": pearson_pairs(A, np.outer(w, w))}
    return case


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    os.makedirs(OUT, exist_ok=True)
    for root in AREA_ROOTS:
        for path in sorted(glob.glob(os.path.join(root, "*", "organisations.csv"))):
            folder = os.path.dirname(path)
            name = os.path.basename(folder)
            cases = []
            for selection, G, directed, orgs in area_cases(name, folder):
                case = core_periphery_case(G, orgs)
                case["relations"] = selection
                case["directed"] = directed
                cases.append(case)
            data = {
                "dataset": name,
                "generator": GENERATOR,
                "tools": {
                    "cpnet": importlib.metadata.version("cpnet"),
                    "numba": numba.__version__,
                    "networkx": nx.__version__,
                    "numpy": np.__version__,
                    "scipy": scipy.__version__,
                    "python": platform.python_version(),
                },
                "calls": CALLS,
                "cases": cases,
            }
            text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False, allow_nan=False)
            with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text + "\n")
            summary = ", ".join(
                f"{c['relations'] or 'union'}: " + (c.get("reason") or
                                                    f"cpnet {c['cpnet_be']['fit']:.4f}"
                                                    + (f", exact {c['exact']['best_fit']:.4f}" if "exact" in c else ""))
                for c in cases)
            print(f"{name}: {summary}", file=sys.stderr)


if __name__ == "__main__":
    main()
