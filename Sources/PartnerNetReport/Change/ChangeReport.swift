import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// Which organisations a change between two waves is measured over.
public enum ChangeScope: String, Sendable, Hashable, CaseIterable {
    /// Every organisation present in either wave: an organisation absent from a wave has
    /// no ties in it, so its arrival or departure counts as ties gained or lost; each
    /// wave's headline measures are of the whole wave.
    case all
    /// Only the organisations present in both waves: the others, with their ties and
    /// seats, are left out of both waves before anything is measured, so that what
    /// remains is change among the same organisations.
    case both

    /// The scope in words, for headings.
    public var phrase: String {
        switch self {
        case .all: "all organisations (present in either wave)"
        case .both: "organisations present in both waves"
        }
    }
}

/// Why waves could not be compared.
public enum ChangeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer than two waves.
    case tooFewWaves
    /// A relation directed in one wave and undirected in the other.
    case directionDiffers(relation: String, before: String, after: String)
    /// A wave that cannot be analysed with the settings.
    case analysis(wave: String, AnalysisError)

    public var description: String {
        switch self {
        case .tooFewWaves: "change needs at least two waves"
        case .directionDiffers(let relation, let before, let after):
            "relation '\(relation)' is directed in one wave and undirected in the other (\(before), \(after)): "
                + "declare it the same way in both area.json files"
        case .analysis(let wave, let error): "wave \(wave): \(error.description)"
        }
    }
}

/// What `partnernet change` computes with: the analysis settings of every wave (as
/// `whatif`'s), the relabellings of the QAP correlation and of the change test, their
/// seed, and the organisations compared.
public struct ChangeSettings: Sendable, Hashable {
    public var analysis = AnalysisSettings()
    /// Relabellings of the QAP test and draws of the dyad-swap test (0: no tests).
    public var permutations = 1_000
    public var seed: UInt64 = 1
    public var scope = ChangeScope.all

    public init() {}

    /// The settings of `partnernet change` (and of a report's "Change" section): each wave
    /// analysed over `relations` (all when empty) with its `shuffles` for the E-I p-values and
    /// `randomSets` for the share tests, without the CUG tests, communities or core and
    /// periphery, which the headline measures do not need.
    public init(
        permutations: Int, seed: UInt64, scope: ChangeScope = .all, relations: [String] = [],
        focalSector: String? = nil, shuffles: Int = 0, randomSets: Int = 0
    ) {
        self.permutations = permutations
        self.seed = seed
        self.scope = scope
        analysis.relations = relations
        analysis.focalSector = focalSector
        analysis.permutations = shuffles
        analysis.randomSets = randomSets
        analysis.networkTestDraws = 0
        analysis.seed = seed
        analysis.communityMethod = nil
        analysis.corePeriphery = false
    }
}

/// One relation's change between two waves.
public struct RelationChange: Sendable {
    public let relation: String
    public let isDirected: Bool
    public let transition: TieTransition
    /// Krackhardt's QAP correlation of tie presence between the waves; `nil` when a wave
    /// has no tie or every pair is tied (``correlationNote`` says which) or fewer than
    /// three organisations are compared.
    public let correlation: QAPCorrelation?
    public let correlationNote: String?
}

/// A headline measure in two waves, the change, and the dyad-swap test of the change.
public struct HeadlineChange: Sendable {
    public let metric: String
    public let before: Double?
    public let after: Double?
    /// after − before; `nil` when either is.
    public var difference: Double? { before.flatMap { b in after.map { $0 - b } } }
    /// The share of dyad swaps giving a change at least as large in absolute value,
    /// (k + 1)/(N + 1); `nil` when the measure is not tested (``ChangeReport/isTested(_:)``)
    /// or no swaps were drawn.
    public let pValue: Double?
}

/// The change between two waves: membership, ties per relation, headline measures.
public struct WavePairChange: Sendable {
    public let before: Wave
    public let after: Wave
    public let scope: ChangeScope
    /// The organisations compared, by id: with ``ChangeScope/all`` the earlier wave's in
    /// order, then those only in the later; with ``ChangeScope/both`` those in both.
    public let organisations: [String]
    /// Organisations only in the later wave, and only in the earlier, in their wave's order.
    public let entered: [Organisation]
    public let left: [Organisation]
    /// Partnerships only in the later wave, and only in the earlier.
    public let partnershipsEntered: [Partnership]
    public let partnershipsLeft: [Partnership]
    /// Partnerships of both waves whose chairs differ: the chairs' ids before and after.
    public let chairChanges: [(partnership: Partnership, before: [String], after: [String])]
    public let relations: [RelationChange]
    public let headline: [HeadlineChange]
    /// The analyses of the two waves (over the compared organisations).
    public let beforeAnalysis: AreaAnalysis
    public let afterAnalysis: AreaAnalysis
    /// Swaps drawn for the headline test (0: none).
    public let swaps: Int
    /// Pairs of organisations present in both waves with a tie in either: the units swapped.
    public let swappablePairs: Int

    /// The label of the pair, `BEFORE..AFTER`.
    public var label: String { "\(before.label)..\(after.label)" }
}

/// The change across waves of one area: for each pair of consecutive waves and, with more
/// than two waves, overall (the first against the last).
///
/// Waves are matched by organisation id and partnership id. Ties are compared per relation
/// (the relations of `relationships.csv` in either wave, then `co-membership` when either
/// wave has memberships): the dyad transition table over the compared organisations
/// (``DyadMatrix/transition(to:mode:)``), and Krackhardt's QAP correlation of tie presence
/// between the waves (``DyadMatrix/qapCorrelation(with:permutations:seed:)``, `sna::gcor`
/// and `sna::qaptest`), whose p-value here is the upper tail: the share of relabellings of
/// the earlier wave giving a correlation at least as high, so that a small p says the
/// waves' ties line up more than chance.
///
/// Headline measures (those `whatif` shows, named as the metric catalogue names them) are
/// read from an ``AreaAnalysis`` of each wave with the same settings. Their change is
/// tested by **dyad swapping**, a paired permutation test: under the null hypothesis that
/// the two waves do not differ systematically, which of the two waves a pair's ties were
/// recorded in is arbitrary. Each draw takes every pair of organisations present in both
/// waves that is tied in either, and with probability ½ swaps the pair's ties (both
/// directions, every relation, with their weights) between the waves; organisations,
/// seats and the ties of organisations in one wave only stay as observed. The
/// measure's change is recomputed on the swapped waves; p = (k + 1)/(N + 1), k the draws
/// whose |change| is at least the observed |change| (less a relative tolerance of 10⁻⁹
/// for rounding). The null distribution is symmetric about 0 (swapping every pair negates
/// the change), so the test is two-sided. It keeps each pair's own history (a pair tied in
/// both waves stays tied in both) and the amount of turnover, and asks only whether the
/// turnover's direction favours a change in the measure; measures of the organisations or
/// seats alone (counts of organisations and partnerships, board shares, chair share,
/// nesting, duplicate boards) and p-values are not tested (``isTested(_:)``).
///
/// - Complexity: per pair of waves, O(r n²) for the tie tables and O(N r n²) for the QAP
///   tests (r relations, n organisations compared), and 2N + 2 analyses for the headline
///   measures, the N swapped ones without their own tests (no shuffles, random sets or
///   communities), on all cores.
///
/// ## References
/// Krackhardt, D. (1987) QAP partialling as a test of spuriousness. Social Networks
/// 9(2):171–186 (doi:10.1016/0378-8733(87)90012-8); Good, P. (2005) Permutation, Parametric
/// and Bootstrap Tests of Hypotheses, 3rd ed., Springer, §3.2 (paired comparisons:
/// swapping the members of each pair); Snijders, T.A.B., van de Bunt, G.G. & Steglich,
/// C.E.G. (2010) Social Networks 32(1):44–60 (doi:10.1016/j.socnet.2009.02.004).
public struct ChangeReport: Sendable {
    public let waves: [Wave]
    public let settings: ChangeSettings
    /// Consecutive pairs, then (with more than two waves) the first against the last.
    public let pairs: [WavePairChange]

    /// Compares the waves in order.
    ///
    /// - Throws: ``ChangeError``.
    public init(waves: [Wave], settings: ChangeSettings = ChangeSettings()) throws(ChangeError) {
        guard waves.count >= 2 else { throw .tooFewWaves }
        self.waves = waves
        self.settings = settings
        var indices = (1..<waves.count).map { ($0 - 1, $0) }
        if waves.count > 2 { indices.append((0, waves.count - 1)) }
        var pairs: [WavePairChange] = []
        for (a, b) in indices {
            pairs.append(try Self.compare(waves[a], waves[b], settings: settings))
        }
        self.pairs = pairs
    }

    /// Whether the change of a headline measure is tested: not a p-value or expected value,
    /// and not a measure of organisations or seats alone, which dyad swapping leaves as
    /// they are.
    public static func isTested(_ metric: String) -> Bool {
        let untested: Set<String> = [
            "organisations", "focal_organisations", "partnerships", "duplicate_pairs", "nesting_depth", "chair_share",
            "board_seat_share", "board_vote_share", "board_banzhaf", "board_shapley_shubik", "ei_index_expected",
        ]
        return !untested.contains(metric) && !metric.contains("_p_value") && !metric.contains("_p_low")
            && !metric.contains("_p_high")
    }

    // MARK: One pair

    static func compare(_ first: Wave, _ second: Wave, settings: ChangeSettings) throws(ChangeError) -> WavePairChange {
        let firstIDs = Set(first.area.organisations.map(\.id))
        let secondIDs = Set(second.area.organisations.map(\.id))
        let entered = second.area.organisations.filter { !firstIDs.contains($0.id) }
        let left = first.area.organisations.filter { !secondIDs.contains($0.id) }
        let firstBoards = Set(first.area.partnerships.map(\.id))
        let secondBoards = Set(second.area.partnerships.map(\.id))
        var chairChanges: [(Partnership, [String], [String])] = []
        for partnership in second.area.partnerships where firstBoards.contains(partnership.id) {
            let chairs = [first.area, second.area].map { area in
                area.memberships.filter { $0.partnership == partnership.id && $0.role == .chair }.map(\.organisation)
            }
            if Set(chairs[0]) != Set(chairs[1]) { chairChanges.append((partnership, chairs[0], chairs[1])) }
        }

        // The waves over the organisations compared.
        var (before, after) = (first.area, second.area)
        if settings.scope == .both {
            before = Self.keeping(secondIDs, of: before)
            after = Self.keeping(firstIDs, of: after)
        }
        let ids =
            before.organisations.map(\.id)
            + after.organisations.map(\.id).filter { !Set(before.organisations.map(\.id)).contains($0) }

        // Ties per relation.
        var relationNames = before.relationNames
        for name in after.relationNames where !relationNames.contains(name) { relationNames.append(name) }
        if !before.memberships.isEmpty || !after.memberships.isEmpty { relationNames.append(Area.coMembership) }
        var relations: [RelationChange] = []
        for relation in relationNames {
            let inBefore = before.relationNames.contains(relation) || relation == Area.coMembership
            let inAfter = after.relationNames.contains(relation) || relation == Area.coMembership
            let directedBefore = before.metadata.isDirected(relation: relation)
            let directedAfter = after.metadata.isDirected(relation: relation)
            if inBefore && inAfter && directedBefore != directedAfter {
                throw .directionDiffers(
                    relation: relation, before: directedBefore ? "directed" : "undirected",
                    after: directedAfter ? "directed" : "undirected")
            }
            let directed = inBefore ? directedBefore : directedAfter
            let a = Self.presence(of: relation, in: before, ids: ids, directed: directed)
            let b = Self.presence(of: relation, in: after, ids: ids, directed: directed)
            let mode: DyadMode = directed ? .directed : .undirected
            var correlation: QAPCorrelation?
            var note: String?
            do {
                correlation = try a.qapCorrelation(with: b, permutations: settings.permutations, seed: settings.seed)
            } catch {
                switch error {
                case .constant(let which):
                    note =
                        "not defined: \(which == "the first variable" ? "the earlier" : "the later") wave's ties are the same on every pair"
                case .tooFewPairs: note = "not defined: fewer than 3 organisations"
                default: note = "not defined"
                }
            }
            relations.append(
                RelationChange(
                    relation: relation, isDirected: directed, transition: a.transition(to: b, mode: mode),
                    correlation: correlation, correlationNote: note))
        }

        // Headline measures, and the dyad-swap test of their change.
        func analyse(
            _ area: Area, _ label: String, _ analysisSettings: AnalysisSettings
        ) throws(ChangeError)
            -> AreaAnalysis
        {
            do {
                return try AreaAnalysis(area: area, path: label, settings: analysisSettings)
            } catch {
                throw .analysis(wave: label, error)
            }
        }
        let beforeAnalysis = try analyse(before, first.label, settings.analysis)
        let afterAnalysis = try analyse(after, second.label, settings.analysis)
        let names = WhatIfReport.headlineNames(beforeAnalysis, afterAnalysis)
        let tested = names.filter(Self.isTested)
        let observed = Dictionary(
            uniqueKeysWithValues: tested.map { name in
                (
                    name,
                    beforeAnalysis.headlineValues[name].flatMap { b in afterAnalysis.headlineValues[name].map { $0 - b }
                    }
                )
            })
        let swap = DyadSwap(before: before, after: after, common: firstIDs.intersection(secondIDs))
        var lighter = settings.analysis
        lighter.permutations = 0
        lighter.randomSets = 0
        lighter.networkTestDraws = 0
        lighter.communityMethod = nil
        lighter.corePeriphery = false
        let pValues = swap.pValues(
            metrics: tested.filter { observed[$0] != nil }, observed: observed.compactMapValues { $0 },
            settings: lighter, draws: settings.permutations, seed: settings.seed)
        let headline = names.map { name in
            HeadlineChange(
                metric: name, before: beforeAnalysis.headlineValues[name], after: afterAnalysis.headlineValues[name],
                pValue: pValues[name])
        }
        return WavePairChange(
            before: first, after: second, scope: settings.scope, organisations: ids, entered: entered, left: left,
            partnershipsEntered: second.area.partnerships.filter { !firstBoards.contains($0.id) },
            partnershipsLeft: first.area.partnerships.filter { !secondBoards.contains($0.id) },
            chairChanges: chairChanges, relations: relations, headline: headline, beforeAnalysis: beforeAnalysis,
            afterAnalysis: afterAnalysis, swaps: pValues.isEmpty ? 0 : settings.permutations,
            swappablePairs: swap.pairs.count)
    }

    /// The area without the organisations not in `ids`, with their ties and seats (the
    /// `whatif` removal, ``AreaEdit/removeOrganisations(_:)``).
    static func keeping(_ ids: Set<String>, of area: Area) -> Area {
        let gone = area.organisations.map(\.id).filter { !ids.contains($0) }
        guard !gone.isEmpty, let edited = try? area.applying(.removeOrganisations(gone)) else { return area }
        return edited.area
    }

    /// Tie presence of a relation over the organisations `ids` (an organisation absent from
    /// the area has no ties): 1 for a pair with a row of the relation (both directions in
    /// an undirected relation), self-loops left out. `co-membership`: 1 for two
    /// organisations sharing a partnership.
    static func presence(of relation: String, in area: Area, ids: [String], directed: Bool) -> DyadMatrix {
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let n = ids.count
        var values = [Double](repeating: 0, count: n * n)
        func set(_ a: String, _ b: String, symmetric: Bool) {
            guard let i = index[a], let j = index[b], i != j else { return }
            values[i * n + j] = 1
            if symmetric { values[j * n + i] = 1 }
        }
        if relation == Area.coMembership {
            var boards: [String: [String]] = [:]
            for seat in area.memberships { boards[seat.partnership, default: []].append(seat.organisation) }
            for members in boards.values {
                for a in members { for b in members { set(a, b, symmetric: true) } }
            }
        } else {
            for tie in area.relationships where tie.relation == relation {
                set(tie.source, tie.target, symmetric: !directed)
            }
        }
        return DyadMatrix(order: n, values: values)
    }
}

/// The dyad-swap test of ``ChangeReport``: the pairs of organisations present in both waves
/// that are tied in either, and each wave's relationship rows by pair.
struct DyadSwap: Sendable {
    let before: Area
    let after: Area
    /// The swappable pairs, each as `a\u{1F}b` with a < b, sorted.
    let pairs: [String]
    /// Rows of each wave not on a swappable pair.
    let fixedBefore: [Relationship]
    let fixedAfter: [Relationship]
    /// Rows of each wave on each swappable pair, by pair index.
    let beforeRows: [[Relationship]]
    let afterRows: [[Relationship]]

    init(before: Area, after: Area, common: Set<String>) {
        self.before = before
        self.after = after
        func key(_ tie: Relationship) -> String? {
            guard tie.source != tie.target, common.contains(tie.source), common.contains(tie.target) else { return nil }
            return tie.source < tie.target ? "\(tie.source)\u{1F}\(tie.target)" : "\(tie.target)\u{1F}\(tie.source)"
        }
        let keys = Set(before.relationships.compactMap(key)).union(after.relationships.compactMap(key))
        pairs = keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($1, $0) })
        var (fixedBefore, fixedAfter) = ([Relationship](), [Relationship]())
        var (beforeRows, afterRows) = (
            [[Relationship]](repeating: [], count: pairs.count), [[Relationship]](repeating: [], count: pairs.count)
        )
        for tie in before.relationships {
            if let k = key(tie), let p = position[k] { beforeRows[p].append(tie) } else { fixedBefore.append(tie) }
        }
        for tie in after.relationships {
            if let k = key(tie), let p = position[k] { afterRows[p].append(tie) } else { fixedAfter.append(tie) }
        }
        self.fixedBefore = fixedBefore
        self.fixedAfter = fixedAfter
        self.beforeRows = beforeRows
        self.afterRows = afterRows
    }

    /// The two waves with the pairs where `swapped` is true exchanged.
    func swapped(_ swapped: [Bool]) -> (Area, Area) {
        var (a, b) = (before, after)
        var (rowsA, rowsB) = (fixedBefore, fixedAfter)
        for index in pairs.indices {
            if swapped[index] {
                rowsA += afterRows[index]
                rowsB += beforeRows[index]
            } else {
                rowsA += beforeRows[index]
                rowsB += afterRows[index]
            }
        }
        a.relationships = Relationships(rowsA)
        b.relationships = Relationships(rowsB)
        return (a, b)
    }

    static let blockCount = 64

    /// The two-sided p-value of each metric's observed change over `draws` swaps, drawn in
    /// 64 seeded blocks (SplitMix64; each pair swapped when a draw's low bit is 1), so the
    /// result depends on the seed only, not on the number of cores. Empty without draws or
    /// metrics; with no swappable pair every draw is the observed waves, and every p is 1.
    /// A draw in which a metric is not defined in either wave counts as not as large.
    func pValues(
        metrics: [String], observed: [String: Double], settings: AnalysisSettings, draws: Int, seed: UInt64
    )
        -> [String: Double]
    {
        guard draws > 0, !metrics.isEmpty else { return [:] }
        var streams = SplitMix64(seed: seed)
        let seeds = (0..<Self.blockCount).map { _ in streams.next() }
        let counts = parallelMap(Self.blockCount) { block -> [Int] in
            var random = SplitMix64(seed: seeds[block])
            var counts = [Int](repeating: 0, count: metrics.count)
            let range = (block * draws / Self.blockCount)..<((block + 1) * draws / Self.blockCount)
            for _ in range {
                let flips = pairs.indices.map { _ in random.next() & 1 == 1 }
                let (a, b) = swapped(flips)
                let (x, y) = (
                    try? AreaAnalysis(area: a, path: "", settings: settings),
                    try? AreaAnalysis(area: b, path: "", settings: settings)
                )
                for (index, metric) in metrics.enumerated() {
                    guard let observed = observed[metric] else { continue }
                    guard let before = x?.headlineValues[metric], let after = y?.headlineValues[metric] else {
                        continue
                    }
                    let change = after - before
                    if abs(change) >= abs(observed) - 1e-9 * max(1, abs(observed)) { counts[index] += 1 }
                }
            }
            return counts
        }
        var out: [String: Double] = [:]
        for (index, metric) in metrics.enumerated() {
            let k = counts.map { $0[index] }.reduce(0, +)
            out[metric] = Double(k + 1) / Double(draws + 1)
        }
        return out
    }
}
