import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// What `partnernet compare` computes for each area: the analysis settings every area
/// is analysed with, the same as the report's.
public typealias ComparisonSettings = AnalysisSettings

/// One area's headline measures, by their catalogue names: read from the area's analysis,
/// so that each means in the comparison what it means in the area's report.
public struct ComparisonRow: Sendable {
    public let path: String
    public let name: String
    public let values: [String: Double]

    /// The columns, in order, and whether each is a count. `focal_*` columns are of the focal
    /// sector; `board_*` of the main board (the top-level partnership with most members).
    public static let columns: [(name: String, isCount: Bool)] = [
        "organisations", "ties", "density", "reciprocity", "degree_centralization", "betweenness_centralization",
        "ei_index", "ei_index_expected", "ei_index_p_low", "ei_index_p_high", "modularity_groups",
        "focal_organisations", "focal_share[degree]", "focal_share[betweenness]",
        "focal_share_p_value[betweenness]", "focal_share_p_low[betweenness]", "group_betweenness", "fragmentation",
        "fragmentation_without_focal", "gini[degree]", "gini[betweenness]", "partnerships", "duplicate_pairs",
        "nesting_depth", "chair_share", "board_seat_share", "board_vote_share", "board_banzhaf",
        "board_shapley_shubik",
    ].map { name in (name, ValueCatalogue.definition(of: name)?.isCount ?? false) }

    /// Whether a column is a p-value (its catalogue unit is a probability).
    public static func isProbability(_ column: String) -> Bool {
        ValueCatalogue.definition(of: column)?.unit.hasPrefix("probability") == true
    }

    /// The headline measures of `area`, from its analysis.
    ///
    /// - Throws: ``AnalysisError`` when a named relation or column is not in the area.
    public init(path: String, area: Area, settings: AnalysisSettings) throws(AnalysisError) {
        self.init(analysis: try AreaAnalysis(area: area, path: path, settings: settings))
    }

    /// `significant_findings`, the column ``init(analysis:findings:)`` adds: it makes every
    /// test of the area's report.
    public static let findingsColumn = (name: "significant_findings", isCount: true)

    /// The headline measures of an analysis; with `findings`, also the number of its
    /// findings significant after adjustment (which runs every test of the report).
    ///
    /// With `uncertainty`, also the values standardised against their nulls (`z[V]`,
    /// `percentile[V]`, ``AreaAnalysis/standardizedValues``) and the node-bootstrap
    /// intervals (`lo[V]`, `hi[V]`, ``AreaAnalysis/bootstrapIntervals(resamples:confidence:seed:)``,
    /// seeded with the analysis's seed).
    public init(analysis: AreaAnalysis, findings: Bool = false, uncertainty: ComparisonUncertainty = .init()) {
        path = analysis.path
        name = analysis.area.metadata.name ?? analysis.path
        var values = analysis.headlineValues.filter { key, _ in Self.columns.contains { $0.name == key } }
        if findings { values[Self.findingsColumn.name] = Double(analysis.significantFindings) }
        if uncertainty.standardize {
            for (name, value) in analysis.standardizedValues {
                values["z[\(name)]"] = value.z
                values["percentile[\(name)]"] = value.percentile
            }
        }
        if uncertainty.intervals {
            let intervals = analysis.bootstrapIntervals(
                resamples: uncertainty.resamples, confidence: uncertainty.confidence, seed: analysis.settings.seed)
            for (name, interval) in intervals {
                values["lo[\(name)]"] = interval.low
                values["hi[\(name)]"] = interval.high
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
    /// The columns of the rows: ``ComparisonRow/columns``, and with findings
    /// ``ComparisonRow/findingsColumn``.
    public let columns: [(name: String, isCount: Bool)]

    /// Compares the areas at `paths`, reading and measuring them on all cores. An area that
    /// cannot be read or measured is listed in ``failures`` and left out; the rest go on.
    ///
    /// - Parameters:
    ///   - read: reads one area (the CLI passes its reader, which also takes DOT).
    ///   - findings: also count each area's significant findings, which runs every test of
    ///     its report.
    ///   - uncertainty: the standardised values and intervals to add (``ComparisonUncertainty``).
    ///   - progress: called after each area (from any thread) with the number done so far.
    public init(
        paths: [String], settings: ComparisonSettings, read: @Sendable (String) throws -> Area,
        findings: Bool = false, uncertainty: ComparisonUncertainty = .init(),
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        // No column reads communities or the core/periphery fit: skip them unless every
        // finding is wanted (the values read are the same either way).
        var lighter = settings
        if !findings {
            lighter.communityMethod = nil
            lighter.corePeriphery = false
            lighter.networkTestDraws = 0
        }
        // With every finding, the report's own draws serve both, so that significant_findings
        // stays the report's count.
        if uncertainty.standardize && !findings { lighter.networkTestDraws = uncertainty.nullDraws }
        let settings = lighter
        let done = Counter()
        let results = parallelMap(paths.count) { index -> Result<ComparisonRow, ComparisonFailure> in
            defer { progress?(done.increment()) }
            do {
                let analysis = try AreaAnalysis(area: try read(paths[index]), path: paths[index], settings: settings)
                return .success(ComparisonRow(analysis: analysis, findings: findings, uncertainty: uncertainty))
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
        self.columns =
            ComparisonRow.columns + (findings ? [ComparisonRow.findingsColumn] : [])
            + uncertainty.columns.map { ($0, false) }
    }

    /// Rows already computed, and the areas that failed.
    public init(rows: [ComparisonRow], failures: [(path: String, reason: String)], findings: Bool = false) {
        self.rows = rows
        self.failures = failures
        self.columns = ComparisonRow.columns + (findings ? [ComparisonRow.findingsColumn] : [])
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
            columns: ["area", "path"] + columns.map(\.name),
            rows: ordered.map { row in
                [.text(row.name), .text(row.path)]
                    + columns.map { .number(row.values[$0.name], isCount: $0.isCount) }
            })
    }

    /// Count, mean, standard deviation (n − 1), minimum, median and maximum of every column
    /// over the areas where it is defined. A p-value column is not averaged: its row gives
    /// the share of areas whose p-value is significant at α after Holm's adjustment over
    /// the areas (`significant_share`), and its range.
    public var summary: ResultTable {
        ResultTable(
            columns: ["measure", "areas", "mean", "sd", "min", "median", "max", "significant_share"],
            rows: columns.map { column in
                let values = rows.compactMap { $0.values[column.name] }.sorted()
                let n = Double(values.count)
                if ComparisonRow.isProbability(column.name) {
                    let adjusted = Holm.adjusted(values)
                    let significant = adjusted.filter { $0 <= AreaAnalysis.alpha }.count
                    return [
                        .text(column.name), .number(n, isCount: true), .number(nil, isCount: false),
                        .number(nil, isCount: false), .number(values.first, isCount: false),
                        .number(nil, isCount: false), .number(values.last, isCount: false),
                        .number(values.isEmpty ? nil : Double(significant) / n, isCount: false),
                    ]
                }
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
                    .number(values.last, isCount: false), .number(nil, isCount: false),
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
