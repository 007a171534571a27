import ArgumentParser
import PartnerNetCore
import PartnerNetMetrics
import PartnerNetReport

extension NodeMeasure: ExpressibleByArgument {}

/// Parameters of the measures, shared by `centrality` and `network`.
struct MeasureOptionGroup: ParsableArguments {
    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Use tie weights: path lengths become 1/weight (betweenness, closeness, harmonic, diameter, "
                + "path length, centralisations); eigenvector, pagerank, katz and bonacich_power use the weights."))
    var weighted = false

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Katz attenuation, above 0 and below 1/λmax.", valueName: "alpha"))
    var alpha: Double = 0.1

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Bonacich power exponent, |beta| below 1/λmax; negative allowed (--beta -0.2 or --beta=-0.2).",
            valueName: "beta"))
    var beta: Double?

    @Option(name: .long, help: ArgumentHelp("PageRank damping, at least 0 and below 1.", valueName: "d"))
    var damping: Double = 0.85

    @Option(name: .long, help: ArgumentHelp("Iteration cap of the iterative measures.", valueName: "N"))
    var maxIterations: Int = 10_000

    func validate() throws {
        if maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1") }
        if !(damping >= 0 && damping < 1) { throw ValidationError("--damping must be at least 0 and below 1") }
        if !(alpha > 0 && alpha.isFinite) { throw ValidationError("--alpha must be above 0") }
        if let beta, !beta.isFinite { throw ValidationError("--beta must be a finite number") }
    }

    var measureOptions: MeasureOptions {
        MeasureOptions(weighted: weighted, alpha: alpha, beta: beta, damping: damping, maxIterations: maxIterations)
    }
}

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Node-level measures: one row per organisation, first column id.",
        discussion: "Measures (names as in Docs/METRICS.md):\n"
            + helpTable(NodeMeasure.allCases.map { ($0.rawValue, $0.summary) }, nameWidth: 22)
            + "\n\nBrokerage roles (coordinator … brokerage_total) count open two-step paths by the groups of "
            + "their three organisations, so they need --groups (e.g. --groups sector); `partnernet brokerage` "
            + "adds their expected values and z-scores. Burt's measures are empty for an isolate, hierarchy "
            + "also for an organisation with one contact."
            + "\n\nWithout --metrics, every measure is computed (bonacich_power only with --beta, the brokerage "
            + "roles only with --groups); one that is "
            + "undefined on the graph (eigenvector without a cycle, katz with alpha too large) is left empty with "
            + "a warning. A measure named in --metrics that cannot be computed is an error."
            + "\n\nOn a graph too large for exact betweenness (O(nm) time), --approximate EPSILON[,DELTA] "
            + "estimates it from sampled shortest paths (Riondato–Kornaropoulos): with probability at least "
            + "1 − DELTA every score is within EPSILON·n(n−1) of the exact one (EPSILON·n(n−1)/2 undirected; "
            + "EPSILON·n/(n−2) for betweenness_normalized), and the output states the bound. Seeded by --seed.")

    @OptionGroup var input: AreaOptions
    @OptionGroup var parameters: MeasureOptionGroup
    @OptionGroup var output: OutputOptions

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Measures to compute, comma-separated (default: all).", valueName: "m1,m2"))
    var metrics: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Organisation fields to show after id, comma-separated: name, sector, subsector or any extra column.",
            valueName: "f1,f2"))
    var attributes: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The organisation column whose groups the brokerage roles are counted by (e.g. sector).",
            valueName: "column"))
    var groups: String?

    @Option(name: .long, help: ArgumentHelp("Sort organisations by this measure, highest first.", valueName: "metric"))
    var sort: NodeMeasure?

    @Option(name: .long, help: ArgumentHelp("Keep only the first N rows (after sorting).", valueName: "N"))
    var top: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Estimate betweenness (and betweenness_normalized) from sampled shortest paths, every score within "
                + "EPSILON·n(n−1) of the exact (halved when undirected) with probability 1 − DELTA (default 0.1).",
            valueName: "epsilon[,delta]"))
    var approximate: String?

    @Option(name: .long, help: "Seed of the sampled paths of --approximate.")
    var seed: UInt64 = 1

    /// ε and δ of --approximate.
    func approximation() throws -> (epsilon: Double, delta: Double)? {
        guard let approximate else { return nil }
        let parts = approximate.split(separator: ",", omittingEmptySubsequences: false).map {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard (1...2).contains(parts.count), let epsilon = parts[0], let delta = parts.count == 2 ? parts[1] : 0.1,
            epsilon > 0, epsilon < 1, delta > 0, delta < 1
        else {
            throw ValidationError(
                "--approximate expects EPSILON or EPSILON,DELTA, each above 0 and below 1 (e.g. 0.01 or 0.01,0.05), "
                    + "found \(quoted(approximate))")
        }
        return (epsilon, delta)
    }

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        let needsBeta = try selectedMeasures().contains(.bonacichPower) || sort == .bonacichPower
        if needsBeta && parameters.beta == nil {
            throw ValidationError(MetricError.betaRequired.description)
        }
        let needsGroups = try selectedMeasures().contains { $0.brokerageRole != nil } || sort?.brokerageRole != nil
        if needsGroups && groups == nil {
            throw ValidationError(MetricError.groupsRequired.description)
        }
        _ = try approximation()
    }

    func run() throws {
        var measures = try selectedMeasures()
        if let sort, !measures.contains(sort) { measures.append(sort) }
        let loaded = try input.load()
        let graph = try input.graph(of: loaded.area)
        var options = parameters.measureOptions
        if let groups {
            guard loaded.area.hasOrganisationValues(in: groups) else {
                throw Console.failure("no organisation has a value in column '\(groups)' for --groups")
            }
            options.groups = Groups(attribute: groups, area: loaded.area, graph: graph)
        }
        var columns: [(measure: NodeMeasure, scores: [Double]?)] = []
        var statement: String?
        let approximation = try approximation()
        for measure in measures {
            do {
                if let (epsilon, delta) = approximation, measure == .betweenness || measure == .betweennessNormalized {
                    let estimate = try WorkProgress.stage(measure.rawValue) { () throws(MetricError) in
                        try graph.approximateBetweenness(
                        epsilon: epsilon, delta: delta, normalized: measure == .betweennessNormalized,
                            weighted: options.weighted, seed: seed)
                    }
                    statement = (statement.map { $0 + "; " } ?? "") + estimate.statement(of: measure.rawValue)
                    columns.append((measure, estimate.scores))
                    continue
                }
                columns.append((measure, try WorkProgress.stage(measure.rawValue) { () throws(MetricError) in
                    try measure.scores(in: graph, options: options)
                }))
            } catch {
                // A measure asked for by name must be computed; the default listing leaves
                // out what the graph does not define, and says so.
                guard metrics.isEmpty && sort != measure else {
                    throw Console.failure("\(measure.rawValue): \(error.description)")
                }
                Console.printError("warning: \(measure.rawValue) left empty: \(error.description)")
                columns.append((measure, nil))
            }
        }
        let fields = commaSeparated(attributes)
        var table = ResultTable.nodeScores(columns, in: graph, area: loaded.area, attributes: fields)
        if let sort { table = table.sorted(byColumn: sort.rawValue) }
        if let top { table.rows = Array(table.rows.prefix(top)) }
        // The guarantee goes with the table for people, and to standard error beside CSV and
        // JSON, which stay plain data.
        guard let statement else { return try output.write(table) }
        if output.format == .table {
            try output.write(table.rendered(as: .table) + "\nNote: \(statement).\n")
        } else {
            Console.printError("note: \(statement)")
            try output.write(table)
        }
    }

    /// The measures named with --metrics, or by default every one that needs no parameter
    /// without a default (bonacich_power joins when --beta is given, the brokerage roles
    /// with --groups).
    private func selectedMeasures() throws -> [NodeMeasure] {
        let names = commaSeparated(metrics)
        if names.isEmpty {
            return NodeMeasure.allCases.filter { measure in
                !measure.needsParameter || (measure == .bonacichPower ? parameters.beta != nil : groups != nil)
            }
        }
        return try names.map { name in
            guard let measure = NodeMeasure(rawValue: name) else {
                throw ValidationError(
                    "unknown metric '\(name)'; choose from \(NodeMeasure.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return measure
        }
    }
}
