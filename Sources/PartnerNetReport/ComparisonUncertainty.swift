import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// What `compare` adds to each area's headline values to compare areas fairly: each value
/// standardised against its own null (`--standardize`), and an interval from resampling
/// the area's organisations (`--intervals`). Docs/UNCERTAINTY.md sets out the methods.
public struct ComparisonUncertainty: Sendable, Hashable {
    /// Add `z[V]` and `percentile[V]` for ``AreaAnalysis/standardizedColumns``.
    public var standardize = false
    /// Random graphs per area for the CUG nulls (``AnalysisSettings/networkTestDraws``);
    /// with findings, the report's own draws serve instead.
    public var nullDraws = 1_000
    /// Add `lo[V]` and `hi[V]` for ``AreaAnalysis/intervalColumns``.
    public var intervals = false
    /// Node-bootstrap resamples per area.
    public var resamples = 1_000
    /// Coverage of the percentile intervals.
    public var confidence = 0.95

    public init() {}

    /// The columns added, in order: every `z[V]`, `percentile[V]` pair, then every `lo[V]`,
    /// `hi[V]` pair.
    public var columns: [String] {
        (standardize ? AreaAnalysis.standardizedColumns.flatMap { ["z[\($0)]", "percentile[\($0)]"] } : [])
            + (intervals ? AreaAnalysis.intervalColumns.flatMap { ["lo[\($0)]", "hi[\($0)]"] } : [])
    }

    /// Every column either option can add, for checking the names a user gives.
    public static var allColumns: [String] {
        var all = ComparisonUncertainty()
        all.standardize = true
        all.intervals = true
        return all.columns
    }

    /// Whether a column needs --standardize (`z[…]`, `percentile[…]`).
    public static func isStandardized(_ column: String) -> Bool {
        AreaAnalysis.standardizedColumns.contains { column == "z[\($0)]" || column == "percentile[\($0)]" }
    }

    /// Whether a column needs --intervals (`lo[…]`, `hi[…]`).
    public static func isInterval(_ column: String) -> Bool {
        AreaAnalysis.intervalColumns.contains { column == "lo[\($0)]" || column == "hi[\($0)]" }
    }
}

/// A value placed in its null distribution.
public struct StandardizedValue: Sendable, Hashable {
    /// (observed − null mean) / null standard deviation; `nil` when the null does not vary.
    public let z: Double?
    /// The mid-rank percentile of the observed value among the null draws, 0–100:
    /// 100 (k< + ½ k=) / N, N the draws where the value was defined.
    public let percentile: Double?
}

extension AreaAnalysis {
    /// The headline values `compare --standardize` places in a null distribution, each
    /// against the null its report already tests it with: the CUG nulls of
    /// ``networkTests`` (random graphs with the same organisations and number of ties) for
    /// reciprocity, the centralisations and the groups' modularity; the label shuffles of
    /// the E-I test for `ei_index`; the random sets of the focal share tests for the focal
    /// shares.
    public static let standardizedColumns = [
        "reciprocity", "degree_centralization", "betweenness_centralization", "modularity_groups", "ei_index",
        "focal_share[degree]", "focal_share[betweenness]",
    ]

    /// The mid-rank percentile (0–100) of an observed value among N null draws, from the
    /// Phipson–Smyth tails pLow = (k≤ + 1)/(N + 1) and pHigh = (k≥ + 1)/(N + 1) the tests
    /// report: k< + ½ k= = (N + k≤ − k≥) / 2.
    public static func percentile(pLow: Double, pHigh: Double, draws: Int) -> Double? {
        guard draws > 0 else { return nil }
        let n = Double(draws)
        let atMost = (pLow * (n + 1)).rounded() - 1
        let atLeast = (pHigh * (n + 1)).rounded() - 1
        return 100 * (n + atMost - atLeast) / (2 * n)
    }

    /// Each of ``standardizedColumns`` that the area's tests define, standardised:
    ///
    /// - CUG (``networkTests``, given the number of ties, ``AnalysisSettings/networkTestDraws``
    ///   random graphs): z = (observed − mean) / sd over the random graphs; percentile
    ///   from the test's tails. Reciprocity only when the graph is directed, modularity with
    ///   two groups or more; none above ``maximumOrganisationsForNetworkTests``.
    /// - E-I (``SilosReport/test``, ``AnalysisSettings/permutations`` shuffles of the group
    ///   labels): z from the shuffled labellings' mean and standard deviation; percentile
    ///   from the test's tails.
    /// - Focal shares (the random sets of ``DominanceReport``): z from the exact mean k/n and
    ///   standard deviation of a random k-set's share, √(k(n − k)/(n − 1) · σ²) / T for
    ///   scores of population variance σ² (1/n) and total T (sampling without replacement;
    ///   Cochran 1977, Thm 2.2); percentile from the drawn sets' tails
    ///   (``AnalysisSettings/randomSets``).
    ///
    /// - Complexity: that of the tests, computed once and shared with the report.
    public var standardizedValues: [String: StandardizedValue] {
        memo.value("standardized-values") {
            var out: [String: StandardizedValue] = [:]
            for (name, test) in networkTests where Self.standardizedColumns.contains(name) {
                out[name] = StandardizedValue(
                    z: test.standardDeviation > 0 ? (test.observed - test.mean) / test.standardDeviation : nil,
                    percentile: Self.percentile(pLow: test.pLow, pHigh: test.pHigh, draws: test.definedDraws))
            }
            if let test = silos.test {
                let sd = test.standardDeviationUnderShuffling
                out["ei_index"] = StandardizedValue(
                    z: sd > 0 ? (test.observed - test.meanUnderShuffling) / sd : nil,
                    percentile: Self.percentile(pLow: test.pLow, pHigh: test.pHigh, draws: test.permutations))
            }
            if dominance != nil, let focal = try? focalSet(), settings.randomSets > 0 {
                let values = headlineValues
                for measure in [NodeMeasure.degree, .betweenness] {
                    let name = "focal_share[\(measure.rawValue)]"
                    let scores = measure == .betweenness ? betweenness : ((try? scores(measure)) ?? [])
                    guard let share = values[name], scores.count == graph.nodeCount else { continue }
                    var z: Double?
                    if let sd = Self.randomSetShareDeviation(scores: scores, setSize: focal.count), sd > 0 {
                        z = (share - Double(focal.count) / Double(graph.nodeCount)) / sd
                    }
                    var percentile: Double?
                    if let pHigh = values["focal_share_p_value[\(measure.rawValue)]"],
                        let pLow = values["focal_share_p_low[\(measure.rawValue)]"]
                    {
                        percentile = Self.percentile(pLow: pLow, pHigh: pHigh, draws: settings.randomSets)
                    }
                    out[name] = StandardizedValue(z: z, percentile: percentile)
                }
            }
            return out
        }
    }

    /// The standard deviation of the share of `scores` held by a uniformly random set of
    /// `setSize` of the n organisations: √(k(n − k)/(n − 1) · σ²) / T, σ² the population
    /// variance of the scores and T their total; `nil` when T is 0 or n < 2.
    public static func randomSetShareDeviation(scores: [Double], setSize k: Int) -> Double? {
        let n = scores.count
        let total = scores.reduce(0, +)
        guard n > 1, total > 0 else { return nil }
        let mean = total / Double(n)
        let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        return (Double(k) * Double(n - k) / Double(n - 1) * variance).squareRoot() / total
    }
}

extension AreaAnalysis {
    /// The headline values `compare --intervals` gives an interval for: those computed
    /// from the network, its groups and its focal set alone.
    public static let intervalColumns = [
        "density", "reciprocity", "degree_centralization", "betweenness_centralization", "ei_index",
        "modularity_groups", "focal_share[degree]", "focal_share[betweenness]", "gini[degree]", "gini[betweenness]",
    ]

    /// The group (the groups column's value) of each organisation, by node handle.
    public var groupLabels: [String] { groups.membership.map { groups.names[$0] } }

    /// Whether each organisation is in the focal set; `nil` without one.
    public var focalMembership: [Bool]? { (try? focalSet())?.isMember }

    /// ``intervalColumns`` on a graph whose organisations have the groups `groups` and
    /// focal membership `focal` (by node handle), each computed as the analysis computes
    /// it (so on the analysed graph they equal ``headlineValues``): density; reciprocity
    /// (1 when undirected); the Freeman centralisations of degree and of betweenness
    /// (counted over ties, or weighted with the analysis's option); the network E-I index
    /// and the modularity of the groups; the focal set's share of degree and of
    /// betweenness; the Gini coefficients of degree and betweenness. A value undefined on
    /// the graph is left out.
    ///
    /// - Complexity: O(n m), for betweenness.
    public func intervalStatistics(of graph: Graph, groups labels: [String], focal: [Bool]?) -> [String: Double] {
        precondition(labels.count == graph.nodeCount, "one group per node")
        var out: [String: Double] = [:]
        func set(_ name: String, _ value: Double?) { if let value, value.isFinite { out[name] = value } }
        let options = settings.options
        set("density", graph.density)
        set("reciprocity", graph.reciprocity)
        set(
            "degree_centralization",
            (try? NetworkMeasure.degreeCentralization.value(in: graph, options: options)) ?? nil)
        let betweenness = graph.betweennessCentrality(weighted: options.weighted)
        set("betweenness_centralization", graph.betweennessCentralization(of: betweenness))
        let groups = Groups(labels: labels)
        set("ei_index", graph.eiIndex(groups: groups).network.index)
        set("modularity_groups", graph.modularity(of: groups.membership, weighted: options.weighted))
        let degree = try? NodeMeasure.degree.scores(in: graph, options: options)
        if let focal {
            let set = FocalSet(members: focal.indices.filter { focal[$0] }, nodeCount: graph.nodeCount)
            if let degree { out["focal_share[degree]"] = set.share(of: degree).share }
            out["focal_share[betweenness]"] = set.share(of: betweenness).share
            out = out.filter { $0.value.isFinite }
        }
        if let degree { set("gini[degree]", Inequality.gini(degree)) }
        set("gini[betweenness]", Inequality.gini(betweenness))
        return out
    }

    /// ``intervalStatistics(of:groups:focal:)`` on the graph of each resample: copy a of a
    /// resample has the group and focal membership of the organisation it copies.
    public func resampledStatistics(_ samples: [NodeBootstrapSample]) -> [[String: Double]] {
        let labels = groupLabels
        let focal = focalMembership
        let graph = graph
        return parallelMap(samples.count) { index in
            let sample = samples[index]
            return intervalStatistics(
                of: graph.resampled(sample), groups: sample.nodes.map { labels[$0] },
                focal: focal.map { focal in sample.nodes.map { focal[$0] } })
        }
    }

    /// Percentile intervals of ``intervalColumns`` by the node bootstrap (Snijders & Borgatti
    /// 1999; ``PartnerNetMetrics/Graph/nodeBootstrapSamples(count:seed:)``): `resamples`
    /// resamples of the organisations with replacement, seeded, each value recomputed on
    /// the network among the copies (``resampledStatistics(_:)``), and the (1 − C)/2 and
    /// (1 + C)/2 quantiles of its values taken (``PartnerNetMetrics/PercentileInterval``).
    /// Only for the values the area defines; an area of fewer than 3 organisations has none.
    ///
    /// The interval describes how much the value depends on which organisations happen to
    /// be in the area, treating them as a sample from a larger population of possible
    /// members; a value that is bounded or driven by one organisation (a centralisation,
    /// a share held by one dominant organisation) has a biased bootstrap distribution, so
    /// its interval need not be centred on the value (Docs/UNCERTAINTY.md).
    ///
    /// - Complexity: O(B n m) over all cores for B resamples (betweenness on each).
    public func bootstrapIntervals(resamples: Int, confidence: Double, seed: UInt64) -> [String: PercentileInterval] {
        guard resamples > 0, graph.nodeCount >= 3 else { return [:] }
        let defined = Set(headlineValues.keys)
        let values = resampledStatistics(graph.nodeBootstrapSamples(count: resamples, seed: seed))
        var out: [String: PercentileInterval] = [:]
        for name in Self.intervalColumns where defined.contains(name) {
            if let interval = PercentileInterval(values: values.compactMap { $0[name] }, confidence: confidence) {
                out[name] = interval
            }
        }
        return out
    }
}
