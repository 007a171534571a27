import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// What `partnernet compare` computes for each area, and how.
public struct ComparisonSettings: Sendable {
    /// Relations to analyse (empty: every relation).
    public var relations: [String] = []
    /// Groups for the E-I index.
    public var groups = "sector"
    /// The focal sector; each area's own `focal_sector`, else `local-authority`, when `nil`.
    public var focalSector: String?
    /// Shuffles of the labels for the E-I p-values (fewer than `silos`' 5,000 by default:
    /// a comparison runs over hundreds of areas).
    public var permutations = 1_000
    public var seed: UInt64 = 1
    /// Jaccard index from which two partnerships count as duplicates.
    public var duplicationThreshold = ArchitectureReport.defaultThreshold

    public init() {}
}

/// One area's headline measures, by column name (METRICS.md names where there is one).
public struct ComparisonRow: Sendable {
    public let path: String
    public let name: String
    public let values: [String: Double]

    /// The columns, in order, and whether each is a count. `focal_*` columns are of the focal
    /// sector; `board_*` of the main board (the top-level partnership with most members).
    public static let columns: [(name: String, isCount: Bool)] = [
        ("organisations", true), ("ties", true), ("density", false), ("reciprocity", false),
        ("degree_centralization", false), ("betweenness_centralization", false), ("ei_index", false),
        ("ei_index_expected", false), ("ei_index_p_low", false), ("ei_index_p_high", false),
        ("modularity_groups", false), ("focal_organisations", true), ("focal_share[degree]", false),
        ("focal_share[betweenness]", false), ("group_betweenness", false), ("fragmentation", false),
        ("fragmentation_without_focal", false), ("gini[degree]", false), ("gini[betweenness]", false),
        ("partnerships", true), ("duplicate_pairs", true), ("nesting_depth", true), ("chair_share", false),
        ("board_seat_share", false), ("board_banzhaf", false), ("board_shapley_shubik", false),
    ]

    /// The headline measures of `area`.
    ///
    /// - Throws: ``ModelError`` when a named relation is not in the area.
    public init(path: String, area: Area, settings: ComparisonSettings) throws {
        self.path = path
        name = area.metadata.name ?? path
        let graph = try Graph(area: area, relations: RelationSelection(settings.relations))
        var values: [String: Double] = [:]
        func set(_ key: String, _ value: Double?) { if let value, value.isFinite { values[key] = value } }
        set("organisations", Double(graph.nodeCount))
        set("ties", Double(graph.edgeCount))
        set("density", graph.density)
        set("reciprocity", graph.reciprocity)
        set("degree_centralization", graph.degreeCentralization(.all))
        let betweenness = graph.betweennessCentrality()
        set("betweenness_centralization", graph.betweennessCentralization(of: betweenness))

        let organisations = Dictionary(area.organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let labels = graph.labels.map { id in organisations[id].map { ResultTable.field(settings.groups, of: $0) } ?? ""
        }
        let groups = Groups(labels: labels.map { $0.isEmpty ? "(none)" : $0 })
        let ei = graph.eiIndex(groups: groups)
        set("ei_index", ei.network.index)
        set("ei_index_expected", ei.expected)
        if settings.permutations > 0,
            let test = graph.eiPermutationTest(groups: groups, permutations: settings.permutations, seed: settings.seed)
        {
            set("ei_index_p_low", test.pLow)
            set("ei_index_p_high", test.pHigh)
        }
        set("modularity_groups", graph.modularity(of: groups.membership))

        // The focal sector's shares and the spread of power.
        let focalSector = settings.focalSector ?? area.metadata.focalSector ?? AreaMetadata.defaultFocalSector
        let focal = Set(area.organisations.filter { $0.sector == focalSector }.map(\.id))
        let isFocal = graph.labels.map { focal.contains($0) }
        set("focal_organisations", Double(isFocal.filter { $0 }.count))
        for measure in [NodeMeasure.degree, .betweenness] {
            let scores = measure == .betweenness ? betweenness : measure.scores(in: graph)
            let total = scores.reduce(0, +)
            let held = zip(scores, isFocal).filter(\.1).map(\.0).reduce(0, +)
            set("focal_share[\(measure.rawValue)]", total > 0 ? held / total : nil)
            set("gini[\(measure.rawValue)]", Inequality.gini(scores))
        }

        // How much the partnership depends on the focal sector (Everett & Borgatti; Borgatti).
        let focalHandles = isFocal.indices.filter { isFocal[$0] }
        if !focalHandles.isEmpty {
            set("group_betweenness", graph.groupBetweennessCentrality(of: focalHandles))
            set("fragmentation", graph.fragmentation)
            set("fragmentation_without_focal", graph.removing(focalHandles).fragmentation)
        }

        // Partnerships: duplication, nesting, chairs and voting power on the main board.
        let structure = PartnershipStructure(area: area)
        let twoMode = TwoModeNetwork(area: area)
        set("partnerships", Double(area.partnerships.count))
        if !area.partnerships.isEmpty {
            set(
                "duplicate_pairs",
                Double(twoMode.overlapSummary(threshold: settings.duplicationThreshold, limit: 0).atOrAbove))
            set("nesting_depth", Double(structure.maximumDepth))
            let chairs = structure.chairs.flatMap { $0 }
            if !chairs.isEmpty {
                set("chair_share", Double(chairs.filter(focal.contains).count) / Double(chairs.count))
            }
        }
        if let board = structure.roots.max(by: { twoMode.members[$0].count < twoMode.members[$1].count }) {
            let seats = area.memberships.filter { $0.partnership == area.partnerships[board].id }
            if !seats.isEmpty {
                set(
                    "board_seat_share",
                    Double(seats.filter { focal.contains($0.organisation) }.count) / Double(seats.count))
                let game = WeightedVotingGame(
                    votes: seats.map(\.votes),
                    quota: area.partnerships[board].effectiveQuota(totalVotes: seats.map(\.votes).reduce(0, +)))
                let focalSeats = seats.map { focal.contains($0.organisation) }
                if let banzhaf = game.banzhaf() {
                    set("board_banzhaf", zip(banzhaf, focalSeats).filter(\.1).map(\.0).reduce(0, +))
                }
                if let shapley = game.shapleyShubik() {
                    set("board_shapley_shubik", zip(shapley, focalSeats).filter(\.1).map(\.0).reduce(0, +))
                }
            }
        }
        self.values = values
    }
}

/// Headline measures of many areas side by side, with summary statistics across them.
public struct Comparison: Sendable {
    public let rows: [ComparisonRow]
    /// Areas that could not be compared: path and the reason (first error line).
    public let failures: [(path: String, reason: String)]

    /// Compares the areas at `paths`, reading and measuring them on all cores. An area that
    /// cannot be read or measured is listed in ``failures`` and left out; the rest go on.
    ///
    /// - Parameters:
    ///   - read: reads one area (the CLI passes its reader, which also takes DOT).
    ///   - progress: called after each area (from any thread) with the number done so far.
    public init(
        paths: [String], settings: ComparisonSettings, read: @Sendable (String) throws -> Area,
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        let done = Counter()
        let results = parallelMap(paths.count) { index -> Result<ComparisonRow, ComparisonFailure> in
            defer { progress?(done.increment()) }
            do {
                return .success(try ComparisonRow(path: paths[index], area: try read(paths[index]), settings: settings))
            } catch let error as ComparisonFailure {
                return .failure(error)
            } catch {
                return .failure(ComparisonFailure(reason: "\(error)"))
            }
        }
        var rows: [ComparisonRow] = []
        var failures: [(String, String)] = []
        for (path, result) in zip(paths, results) {
            switch result {
            case .success(let row): rows.append(row)
            case .failure(let failure): failures.append((path, failure.reason))
            }
        }
        self.rows = rows
        self.failures = failures
    }

    /// The rows as a table: `area`, `path`, then every column; sorted by `column` (highest
    /// first, or lowest with `ascending`), undefined values last.
    public func table(sortedBy column: String? = nil, ascending: Bool = false) -> ResultTable {
        var ordered = rows
        if let column {
            ordered = rows.enumerated().sorted { a, b in
                switch (a.element.values[column], b.element.values[column]) {
                case let (x?, y?) where x != y: return ascending ? x < y : x > y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return a.offset < b.offset
                }
            }.map(\.element)
        }
        return ResultTable(
            columns: ["area", "path"] + ComparisonRow.columns.map(\.name),
            rows: ordered.map { row in
                [.text(row.name), .text(row.path)]
                    + ComparisonRow.columns.map { .number(row.values[$0.name], isCount: $0.isCount) }
            })
    }

    /// Count, mean, standard deviation (n − 1), minimum, median and maximum of every column
    /// over the areas where it is defined.
    public var summary: ResultTable {
        ResultTable(
            columns: ["measure", "areas", "mean", "sd", "min", "median", "max"],
            rows: ComparisonRow.columns.map { column in
                let values = rows.compactMap { $0.values[column.name] }.sorted()
                let n = Double(values.count)
                let mean = values.isEmpty ? nil : values.reduce(0, +) / n
                let sd =
                    values.count < 2
                    ? nil : (values.map { ($0 - mean!) * ($0 - mean!) }.reduce(0, +) / (n - 1)).squareRoot()
                let median =
                    values.isEmpty
                    ? nil
                    : values.count % 2 == 1
                        ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
                return [
                    .text(column.name), .number(n, isCount: true), .number(mean, isCount: false),
                    .number(sd, isCount: false), .number(values.first, isCount: false), .number(median, isCount: false),
                    .number(values.last, isCount: false),
                ]
            })
    }
}

/// Why an area could not be compared (its first error line).
public struct ComparisonFailure: Error, Sendable {
    public let reason: String
    public init(reason: String) { self.reason = reason }
}

/// A thread-safe counter for progress.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
