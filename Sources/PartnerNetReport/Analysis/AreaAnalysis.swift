import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetMetrics
import Synchronization

/// How an area is analysed: the relations, the groups, the focal set, the tests and the
/// measures' parameters. One value serves every command, the report and `compare`, so
/// that the same area gives the same numbers wherever they are read.
public struct AnalysisSettings: Sendable, Hashable {
    /// Relations to analyse (empty: every relation of the relationships table).
    public var relations: [String] = []
    /// The organisation column the groups come from (`sector`).
    public var groups = "sector"
    /// Shuffles of the group labels for the E-I test (0: no test).
    public var permutations = 5_000
    /// Random sets drawn for the share tests (0: no test).
    public var randomSets = 10_000
    /// The relation the "What predicts working together" section explains
    /// (``TiePredictors``); `nil`: the one with most ties.
    public var predictedRelation: String?
    /// Random graphs drawn for the network values' CUG tests (``AreaAnalysis/networkTests``;
    /// 0: no test). As many as the E-I shuffles, so that a test can hold after Holm's
    /// adjustment over the report's tests (the smallest two-sided p of N draws is 2/(N + 1)).
    public var networkTestDraws = 5_000
    /// Seed of every random step: shuffles, random sets, community detection, core search.
    public var seed: UInt64 = 1
    /// The focal sector; the area's own (`focal_sector`, else `local-authority`) when `nil`.
    public var focalSector: String?
    /// Organisations named as the focal set instead of a sector (`dominance --focal`).
    public var focalOrganisations: [String] = []
    /// Measures in the centrality table, in order.
    public var measures: [NodeMeasure] = [.degree, .strength, .betweenness, .closeness, .eigenvector, .pagerank]
    /// The measure of power the balance analysis spreads over organisations and groups.
    public var balanceMeasure: NodeMeasure = .betweenness
    /// Weights, β and the iterative measures' limits.
    public var options = MeasureOptions()
    /// How communities are found; `nil` skips detection.
    public var communityMethod: CommunityMethod? = .leiden
    /// Independent runs of the community detection, the best kept; `nil` for
    /// ``Communities/defaultRuns(nodes:ties:)``.
    public var communityRuns: Int?
    /// Jaccard overlap from which two partnerships, neither nested in the other, are
    /// likely duplicates.
    public var duplicationThreshold = 0.5
    /// Starts of the core/periphery search.
    public var coreStarts = Graph.corePeripheryStarts
    /// Whether the dominance analysis fits the core/periphery models. A reader that needs
    /// none of their values (`compare`) turns it off, with communities, to save the work;
    /// every value it does read is the same.
    public var corePeriphery = true

    public init() {}
}

/// The analyses a report used to call an evaluation's settings.
public typealias EvaluationSettings = AnalysisSettings

/// Why an area cannot be analysed as asked.
public enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--groups` (or another column option) names a column no organisation has.
    case unknownColumn(String, option: String, available: [String])
    /// The focal sector matches no organisation.
    case unknownFocalSector(String, found: [String], closest: String?)
    /// A CUG test of a value that is not a network value of the catalogue.
    case unknownStatistic(String, available: [String], closest: String?)
    /// A named focal organisation is not in the area.
    case unknownOrganisation(String, closest: String?)
    /// A named relation is not in the area.
    case model(ModelError)
    /// A measure asked for by a parameter cannot be computed (Bonacich power with β out of range).
    case metric(MetricError)

    public var description: String {
        switch self {
        case .unknownColumn(let name, let option, let available):
            return "\(option) \(quoted(name)) names no organisation column; the columns are "
                + available.map(quoted).joined(separator: ", ")
        case .unknownFocalSector(let sector, let found, let closest):
            return "no organisation has the focal sector \(quoted(sector))"
                + (closest.map { " (did you mean \(quoted($0))?)" } ?? "") + "; the sectors are "
                + found.map(quoted).joined(separator: ", ")
        case .unknownOrganisation(let id, let closest):
            return "unknown focal organisation \(quoted(id))" + (closest.map { " (did you mean \(quoted($0))?)" } ?? "")
        case .unknownStatistic(let name, let available, let closest):
            return "unknown statistic \(quoted(name))" + (closest.map { " (did you mean \(quoted($0))?)" } ?? "")
                + "; choose from " + available.joined(separator: ", ")
        case .model(let error): return error.description
        case .metric(let error): return error.description
        }
    }
}

/// One analysis of one area: every measure PartnerNet reports on it, each computed once,
/// when first asked for, and shared by every reader — the analysis commands, the report
/// and `compare`.
///
/// A value: copies share their computed results, and an analysis may be read from several
/// threads at once (a result asked for by two threads at the same time is computed by the
/// first, and the second waits for it).
public struct AreaAnalysis: Sendable {
    public let area: Area
    /// Where the area was read from, for titles and methods.
    public let path: String
    public let settings: AnalysisSettings
    /// The graph of the selected relations (``Graph/init(area:relations:)``).
    public let graph: Graph
    /// The relations analysed, by name, checked against the area.
    public let relations: [String]
    /// The focal sector asked for or the area's own.
    public let focalSector: String
    let memo = Memo()

    /// Organisations below which no permutation or random-set p-value, and no community
    /// structure, is read as a finding: with fewer than 10 organisations a permutation
    /// test has too few distinct arrangements to reach conventional significance for most
    /// statistics, and one tie moves every share by several points.
    public static let minimumOrganisations = 10
    /// Groups smaller than this get no test of their own: the shares and E-I index of one
    /// or two organisations are the organisations' own scores, not a property of a group.
    public static let minimumGroupSize = 3
    /// The significance level of the findings, after Holm's adjustment.
    public static let alpha = 0.05

    /// Prepares the analysis; nothing is measured until asked for.
    ///
    /// - Throws: ``AnalysisError`` for a relation the area lacks, a groups column no
    ///   organisation has, or (when organisations are named) an unknown focal organisation.
    public init(area: Area, path: String, settings: AnalysisSettings = AnalysisSettings()) throws(AnalysisError) {
        var settings = settings
        // An area whose only ties are shared memberships (Davis's women and events) is
        // analysed through them: its other relations would give no ties at all.
        if settings.relations.isEmpty && area.relationships.isEmpty && !area.memberships.isEmpty {
            settings.relations = [Area.coMembership]
        }
        self.area = area
        self.path = path
        self.settings = settings
        do {
            graph = try Graph(area: area, relations: RelationSelection(settings.relations))
            relations = try area.relations(in: RelationSelection(settings.relations))
        } catch let error as ModelError {
            throw .model(error)
        } catch {
            preconditionFailure("Graph(area:) throws ModelError only")
        }
        let columns = area.organisationColumns
        if !columns.contains(where: { $0.lowercased() == settings.groups.lowercased() }) {
            throw .unknownColumn(settings.groups, option: "--groups", available: columns)
        }
        if let predicted = settings.predictedRelation, predicted == Area.coMembership || !area.relationNames.contains(predicted) {
            throw .model(.unknownRelation(predicted, available: area.relationNames))
        }
        for id in settings.focalOrganisations where graph.handles[id] == nil {
            throw .unknownOrganisation(id, closest: closestMatch(to: id, in: graph.labels))
        }
        focalSector = settings.focalSector ?? area.focalSector
    }

    /// The area's name, or its folder's.
    public var title: String { area.metadata.name ?? (path as NSString).lastPathComponent }

    /// Organisation display names by node handle.
    public var names: [String] {
        memo.value("names") {
            let byID = area.organisationsByID
            return graph.labels.map { byID[$0]?.displayName ?? $0 }
        }
    }

    /// Each organisation's group (its value in the groups column), by node handle.
    public var groups: Groups { memo.value("groups") { Groups(attribute: settings.groups, area: area, graph: graph) } }

    // MARK: Centrality

    /// The scores of a node measure with the analysis's options, computed once; NaN where
    /// undefined for a node.
    ///
    /// - Throws: ``MetricError`` when the measure is undefined on the graph.
    public func scores(_ measure: NodeMeasure) throws(MetricError) -> [Double] {
        let result: Result<[Double], MetricError> = memo.value("scores:\(measure.rawValue)") {
            var options = settings.options
            if measure.brokerageRole != nil, options.groups == nil { options.groups = groups }
            return Result { () throws(MetricError) in try measure.scores(in: graph, options: options) }
        }
        return try result.get()
    }

    /// Raw betweenness by node handle, counted over ties (the report's convention).
    public var betweenness: [Double] {
        memo.value("betweenness") { graph.betweennessCentrality(weighted: settings.options.weighted) }
    }

    /// Network-level measures as `metric,value` rows.
    public var network: ResultTable {
        memo.value("network") {
            var rows: [[Cell]] = []
            for measure in NetworkMeasure.allCases {
                let value: Double? =
                    measure == .betweennessCentralization
                    ? graph.betweennessCentralization(of: betweenness)
                    : ((try? measure.value(in: graph, options: settings.options)) ?? nil)
                rows.append([.text(measure.rawValue), .number(value, isCount: measure.isCount)])
            }
            return ResultTable(columns: ["metric", "value"], rows: rows)
        }
    }

    /// One row per organisation: id, name, the groups column, then the settings' measures
    /// and each organisation's share of betweenness.
    public var centrality: ResultTable {
        memo.value("centrality") {
            var columns: [(measure: NodeMeasure, scores: [Double]?)] = []
            for measure in settings.measures {
                columns.append((measure, measure == .betweenness ? betweenness : try? scores(measure)))
            }
            var table = ResultTable.nodeScores(
                columns, in: graph, area: area, attributes: ["name", settings.groups])
            let total = betweenness.reduce(0, +)
            table.columns.append("betweenness_share")
            for node in table.rows.indices {
                table.rows[node].append(.number(total > 0 ? betweenness[node] / total : nil, isCount: false))
            }
            return table
        }
    }

    /// Measures the centrality table could not give, with the reason.
    public var skippedMeasures: [String] {
        settings.measures.compactMap { measure in
            if measure == .betweenness { return nil }
            do {
                _ = try scores(measure)
                return nil
            } catch {
                return "\(measure.rawValue): \(error)"
            }
        }
    }

    // MARK: Silos

    /// Whether the area is large enough for its tests and communities to be read as
    /// findings (``minimumOrganisations``).
    public var isLargeEnoughForTests: Bool { graph.nodeCount >= Self.minimumOrganisations }

    /// The E-I index and its test, mixing, assortativity, modularity, communities and cut
    /// structure. (Below ``minimumOrganisations`` organisations the communities are shown
    /// but not read as a finding.)
    public var silos: SilosReport {
        memo.value("silos") {
            SilosReport(
                area: area, graph: graph, attribute: settings.groups, permutations: settings.permutations,
                seed: settings.seed, communityMethod: settings.communityMethod, communityRuns: settings.communityRuns,
                weighted: settings.options.weighted)
        }
    }

    /// What each cutpoint strands: the organisations outside the largest part left when it
    /// goes (among the parts it joined), and the ties they hold among themselves and to the
    /// cutpoint, on the undirected skeleton.
    ///
    /// - Complexity: O(c (n + m)) for c cutpoints: one search of the skeleton without each.
    public var cutpointTable: ResultTable {
        memo.value("cutpoints") {
            let cuts = silos.cuts
            let skeleton = graph.undirectedNeighbourSets
            var rows: [[Cell]] = []
            for node in cuts.cutpoints {
                let stranded = Self.stranded(removing: node, neighbours: skeleton)
                let set = Set(stranded)
                var ties = 0
                for member in stranded {
                    for other in skeleton[member] where other == node || (set.contains(other) && other > member) {
                        ties += 1
                    }
                }
                rows.append([
                    .text(graph.labels[node]), .text(names[node]),
                    .text(silos.separating[node] ? "yes" : "no"),
                    .number(Double(stranded.count), isCount: true), .number(Double(ties), isCount: true),
                    .text(stranded.map { names[$0] }.joined(separator: "; ")),
                ])
            }
            return ResultTable(
                columns: [
                    "id", "name", "separates_groups", "stranded_organisations", "stranded_ties", "stranded",
                ], rows: rows)
        }
    }

    /// The organisations cut off from the largest remaining part when `removed` goes.
    static func stranded(removing removed: Int, neighbours: [[Int]]) -> [Int] {
        var component = [Int](repeating: -1, count: neighbours.count)
        var parts: [[Int]] = []
        for start in neighbours.indices where start != removed && component[start] < 0 {
            var stack = [start]
            component[start] = parts.count
            var members: [Int] = []
            while let node = stack.popLast() {
                members.append(node)
                for next in neighbours[node] where next != removed && component[next] < 0 {
                    component[next] = parts.count
                    stack.append(next)
                }
            }
            parts.append(members)
        }
        // Only the parts that held a neighbour of the cutpoint were joined through it.
        let touched = Set(neighbours[removed].map { component[$0] })
        let joined = parts.indices.filter { touched.contains($0) }
        guard let largest = joined.max(by: { parts[$0].count < parts[$1].count }) else { return [] }
        return joined.filter { $0 != largest }.flatMap { parts[$0] }.sorted()
    }

    // MARK: Dominance

    /// The focal set: the named organisations, else every organisation of the focal sector.
    ///
    /// - Throws: ``AnalysisError/unknownFocalSector(_:found:closest:)`` when no
    ///   organisation has the focal sector.
    public func focalSet() throws(AnalysisError) -> FocalSet {
        if !settings.focalOrganisations.isEmpty {
            return FocalSet(
                members: settings.focalOrganisations.compactMap { graph.handles[$0] }, nodeCount: graph.nodeCount)
        }
        guard let set = try? FocalSet(sector: focalSector, in: area, graph: graph), set.count > 0 else {
            throw focalSectorError
        }
        return set
    }

    /// The error for a focal sector no organisation has.
    public var focalSectorError: AnalysisError {
        let found = area.sectors
        return .unknownFocalSector(focalSector, found: found, closest: closestMatch(to: focalSector, in: found))
    }

    /// The focal set's dominance, or why it cannot be given.
    public var dominanceResult: Result<DominanceReport, AnalysisError> {
        memo.value("dominance") {
            Result { () throws(AnalysisError) -> DominanceReport in
                let focal = try focalSet()
                do throws(MetricError) {
                    return try DominanceReport(
                        area: area, graph: graph, focal: focal, options: settings.options,
                        samples: settings.randomSets, seed: settings.seed, starts: settings.coreStarts,
                        betweenness: betweenness, corePeriphery: settings.corePeriphery)
                } catch {
                    throw .metric(error)
                }
            }
        }
    }

    /// The focal set's dominance; `nil` when the area has no organisation of the focal sector.
    public var dominance: DominanceReport? { try? dominanceResult.get() }

    // MARK: Balance, brokerage, architecture

    /// How the balance measure and voting power are spread, or why it cannot be given.
    public var balanceResult: Result<BalanceReport, BalanceError> {
        memo.value("balance") {
            Result { () throws(BalanceError) in
                try BalanceReport(
                    area: area, graph: graph, measure: settings.balanceMeasure, options: settings.options,
                    attribute: settings.groups,
                    values: settings.balanceMeasure == .betweenness ? betweenness : nil)
            }
        }
    }

    public var balance: BalanceReport? { try? balanceResult.get() }

    /// Gould–Fernandez roles and Burt's measures by the groups.
    public var brokerage: BrokerageReport {
        memo.value("brokerage") { BrokerageReport(
                area: area, graph: graph, attribute: settings.groups, weighted: settings.options.weighted) }
    }

    /// The two-mode architecture; `nil` for an area without partnerships.
    public var architecture: ArchitectureReport? {
        memo.value("architecture") {
            area.partnerships.isEmpty
                ? nil
                : ArchitectureReport(area: area, attribute: settings.groups, threshold: settings.duplicationThreshold)
        }
    }

    // MARK: Relations one by one

    /// The analysis of each selected relation on its own, when more than one is selected,
    /// so that a reader can see which relation a result of the union comes from.
    public var relationAnalyses: [(relation: String, analysis: AreaAnalysis)] {
        memo.value("relations") {
            guard relations.count > 1 else { return [] }
            return relations.compactMap { relation in
                var single = settings
                single.relations = [relation]
                single.communityMethod = nil
                guard let analysis = try? AreaAnalysis(area: area, path: path, settings: single) else { return nil }
                return (relation, analysis)
            }
        }
    }

    // MARK: Memo

    /// Results computed once, by key; each is a stage of the progress a terminal shows.
    struct Memo: Sendable {
        private let values = PartnerNetCore.Memo()

        func value<T: Sendable>(_ key: String, _ make: () -> T) -> T {
            values.value(key) { WorkProgress.stage(key, make) }
        }
    }
}

extension Area {
    /// Why the focal sector would silently drop the dominance analysis: it is named (in
    /// `area.json` or by `focalSector`) and no organisation has it, or it is the default
    /// and a sector is spelled close to it ("Local Authority" for `local-authority`).
    /// `nil` when an organisation has it, or when the area has no sector like it (a
    /// network that is not a partnership).
    public func focalSectorProblem(named focalSector: String? = nil) -> AnalysisError? {
        let sector = focalSector ?? self.focalSector
        let found = sectors
        guard !found.contains(sector) else { return nil }
        let closest = closestMatch(to: sector, in: found)
        guard focalSector != nil || metadata.focalSector != nil || closest != nil else { return nil }
        return .unknownFocalSector(sector, found: found, closest: closest)
    }

    /// The organisation columns a groups option can name: the standard ones and every
    /// extra column.
    public var organisationColumns: [String] {
        ["id", "name", "sector", "subsector"] + extraColumns.organisations
    }

    /// Organisations by id (the first, for a duplicated id).
    var organisationsByID: [String: Organisation] {
        Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
