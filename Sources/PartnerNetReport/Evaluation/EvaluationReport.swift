import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetMetrics

/// The version written into every report, so that a report can be reproduced.
public enum PartnerNetVersion {
    public static let string = "0.1.0"
}

/// How an evaluation report is computed.
public struct EvaluationSettings: Sendable {
    /// Relations to analyse (empty: every relation).
    public var relations: [String] = []
    /// Groups for silos and brokerage (`sector`).
    public var groups = "sector"
    /// Shuffles of the labels for the E-I p-values.
    public var permutations = 5_000
    /// Seed of every random step (shuffles, community detection).
    public var seed: UInt64 = 1
    /// The focal sector; the area's own (`focal_sector`, else `local-authority`) when `nil`.
    public var focalSector: String?
    /// Measures in the centrality table, in order.
    public var measures: [NodeMeasure] = [.degree, .strength, .betweenness, .closeness, .eigenvector, .pagerank]

    public init() {}
}

/// One finding for the summary: which section it comes from and the sentence.
public struct Finding: Sendable, Hashable {
    public let section: String
    public let text: String
}

/// Everything a report on one area shows, computed once: the overview, the diagram, who is
/// central, silos, and how the partnerships are arranged, with the findings in plain
/// sentences and the tables behind every figure.
public struct EvaluationReport: Sendable {
    public let area: Area
    public let path: String
    public let settings: EvaluationSettings
    public let graph: Graph
    /// Network-level measures (`metric,value`).
    public let network: ResultTable
    /// One row per organisation: id, name, sector, then the measures.
    public let centrality: ResultTable
    public let silos: SilosReport
    public let architecture: ArchitectureReport?
    /// The focal sector's dominance (shares against random sets, group centrality,
    /// fragmentation without it, chairs, core and periphery); `nil`, with a note in
    /// ``skipped``, when the area has no organisation of its focal sector.
    public let dominance: DominanceReport?
    /// Gould–Fernandez roles and Burt's measures by the groups.
    public let brokerage: BrokerageReport
    /// How betweenness and voting power are spread; `nil` (with a note in ``skipped``) when
    /// betweenness cannot be used.
    public let balance: BalanceReport?
    /// The partnership diagram as an SVG element (`<svg …>…</svg>`), or `nil` with the reason
    /// in ``diagramNote``.
    public let diagramSVG: String?
    public let diagramNote: String?
    /// Raw betweenness of every organisation, by node handle.
    public let betweenness: [Double]
    /// The findings, section by section, each traceable to a number in its section.
    public private(set) var findings: [Finding]
    /// Measures that could not be computed, with the reason.
    public let skipped: [String]

    /// Computes the report.
    ///
    /// - Throws: ``ModelError`` when a named relation is not in the area.
    public init(area: Area, path: String, settings: EvaluationSettings = EvaluationSettings()) throws {
        self.area = area
        self.path = path
        // An area whose only ties are shared memberships (Davis's women and events) is
        // analysed through them: its other relations would give no ties at all.
        var settings = settings
        if settings.relations.isEmpty && area.relationships.isEmpty && !area.memberships.isEmpty {
            settings.relations = [Area.coMembership]
        }
        self.settings = settings
        graph = try Graph(area: area, relations: RelationSelection(settings.relations))
        var rows: [[Cell]] = []
        for measure in NetworkMeasure.allCases {
            rows.append([.text(measure.rawValue), .number(measure.value(in: graph), isCount: measure.isCount)])
        }
        network = ResultTable(columns: ["metric", "value"], rows: rows)
        var skipped: [String] = []
        // Betweenness serves the table and the findings: computed once.
        let betweenness = graph.betweennessCentrality()
        self.betweenness = betweenness
        var columns: [(measure: NodeMeasure, scores: [Double]?)] = []
        for measure in settings.measures {
            if measure == .betweenness {
                columns.append((measure, betweenness))
                continue
            }
            do {
                columns.append((measure, try measure.scores(in: graph, options: MeasureOptions())))
            } catch {
                skipped.append("\(measure.rawValue): \(error)")
                columns.append((measure, nil))
            }
        }
        centrality = ResultTable.nodeScores(columns, in: graph, area: area, attributes: ["name", settings.groups])
        silos = SilosReport(
            area: area, graph: graph, attribute: settings.groups, permutations: settings.permutations,
            seed: settings.seed)
        architecture = area.partnerships.isEmpty ? nil : ArchitectureReport(area: area, attribute: settings.groups)
        brokerage = BrokerageReport(area: area, graph: graph, attribute: settings.groups)
        do {
            let focal: FocalSet
            if let sector = settings.focalSector {
                focal = try FocalSet(sector: sector, in: area, graph: graph)
            } else {
                focal = try FocalSet(defaultIn: area, graph: graph)
            }
            dominance = try DominanceReport(area: area, graph: graph, focal: focal, samples: 1_000, seed: settings.seed)
        } catch {
            dominance = nil
            skipped.append("dominance: \(error)")
        }
        do {
            balance = try BalanceReport(area: area, graph: graph, measure: .betweenness, attribute: settings.groups)
        } catch {
            balance = nil
            skipped.append("balance of power: \(error)")
        }
        do {
            var options = DiagramOptions()
            options.sizeBy = .betweenness
            options.clusters = area.partnerships.isEmpty ? nil : .partnership
            let diagram = try PartnershipDiagram(area: area, graph: graph, options: options)
            let svg = String(decoding: try diagram.rendered(as: .svg), as: UTF8.self)
            diagramSVG = Self.svgElement(svg)
            diagramNote = diagram.layoutNote
        } catch {
            diagramSVG = nil
            diagramNote = "the diagram could not be drawn: \(error)"
        }
        self.skipped = skipped
        findings = []
        findings = makeFindings()
    }

    /// The area's name, or its folder's.
    public var title: String { area.metadata.name ?? (path as NSString).lastPathComponent }

    /// Graphviz's SVG without the XML declaration, DOCTYPE and comments before `<svg`, so
    /// that it can stand inside an HTML page.
    static func svgElement(_ svg: String) -> String? {
        guard let start = svg.range(of: "<svg") else { return nil }
        return String(svg[start.lowerBound...]).replacingOccurrences(
            of: "<!--.*?-->", with: "", options: .regularExpression)
    }

    // MARK: Findings

    /// The findings, section by section, each traceable to a number in its section.
    private func makeFindings() -> [Finding] {
        var out: [Finding] = []
        let names = Dictionary(area.organisations.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let total = betweenness.reduce(0, +)
        if total > 0, let top = betweenness.indices.max(by: { (betweenness[$0], $1) < (betweenness[$1], $0) }) {
            out.append(
                Finding(
                    section: "Who is central",
                    text:
                        "\(names[graph.labels[top]] ?? graph.labels[top]) lies on the most shortest paths between others: "
                        + "\(Self.percent(betweenness[top] / total)) of all betweenness."))
        }
        let centralization = network.rows.first { $0[0] == .text(NetworkMeasure.betweennessCentralization.rawValue) }
        if case .number(let centralization?, _)? = centralization?[1] {
            out.append(
                Finding(
                    section: "Who is central",
                    text: "Betweenness centralisation \(String(format: "%.2f", centralization)) "
                        + "(0: brokerage shared evenly; 1: one organisation brokers everything)."))
        }
        for verdict in silos.verdicts where verdict.hasPrefix("Overall") || verdict.hasPrefix("Communities") {
            out.append(Finding(section: "Silos", text: verdict))
        }
        let separating = silos.cuts.cutpoints.filter { silos.separating[$0] }
        if !separating.isEmpty {
            out.append(
                Finding(
                    section: "Silos",
                    text: "Without "
                        + separating.map { names[graph.labels[$0]] ?? graph.labels[$0] }.joined(separator: " or ")
                        + ", some groups would lose touch with the rest of the partnership (cutpoints)."))
        }
        if let dominance {
            // The share of betweenness (brokerage), what its removal does, and the core.
            for line in dominance.readings
            where line.contains("of betweenness") || line.hasPrefix("Without it") || line.hasPrefix("Core/periphery") {
                out.append(Finding(section: "Dominance", text: line))
            }
        }
        if let balance {
            let focal = area.focalSector
            for (index, line) in balance.verdicts.enumerated() where index == 0 || line.hasPrefix("\(focal):") {
                out.append(Finding(section: "Balance of power", text: line))
            }
            if let board = balance.verdicts.first(where: { $0.contains("Banzhaf") && !$0.hasPrefix("  ") }) {
                out.append(Finding(section: "Balance of power", text: board))
            }
        }
        for line in brokerage.verdicts where line.contains("between other sectors") && !line.hasPrefix("  ") {
            out.append(Finding(section: "Brokerage", text: line))
            break
        }
        if let architecture {
            for line in architecture.findings
            where line.hasPrefix("Likely duplication") || line.hasPrefix("No two")
                || line.hasPrefix("\(area.focalSector) chairs")
            {
                out.append(Finding(section: "Partnership architecture", text: line))
            }
        }
        return out
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", 100 * share) }

    // MARK: Tables

    /// Every table behind the report, by file name (without extension): written as CSV and
    /// JSON beside the page.
    public var tables: [(name: String, table: ResultTable)] {
        var out: [(String, ResultTable)] = [
            ("network", network), ("centrality", centrality), ("silos", silos.metricRows),
            ("silos_groups", silos.groupTable), ("silos_organisations", silos.nodeRows), ("mixing", mixingTable),
        ]
        if silos.communities != nil { out.append(("communities", silos.communityTable)) }
        if let dominance {
            out += [("dominance", dominance.metricRows), ("dominance_organisations", dominance.nodeRows)]
        }
        out += [
            ("brokerage_roles", brokerage.roleTable), ("brokerage_groups", brokerage.groupTable),
            ("brokerage_organisations", brokerage.organisationTable),
        ]
        if let balance {
            out += [
                ("balance", balance.metricRows), ("balance_groups", balance.groupTable),
                ("balance_organisations", balance.nodeRows),
            ]
        }
        if let architecture {
            out += [
                ("partnerships", architecture.partnershipRows), ("partnership_overlaps", architecture.overlapRows),
                ("architecture_organisations", architecture.organisationRows),
                ("architecture", architecture.metricRows),
            ]
        }
        return out
    }

    /// Density of ties from each group to each group (rows → columns).
    public var mixingTable: ResultTable {
        let names = silos.groups.names
        let densities = silos.mixing.densities
        return ResultTable(
            columns: ["from \\ to"] + names,
            rows: names.indices.map { a in
                [.text(names[a])] + names.indices.map { .number(densities[a][$0], isCount: false) }
            })
    }

    /// Definitions of what the report shows, for its methods section: (name, definition).
    public var definitions: [(name: String, definition: String)] {
        var out = settings.measures.map { ($0.rawValue, $0.summary) }
        out += [
            (
                "ei_index",
                "(E − I) / (E + I): E ties between groups, I within; −1 closed silos, +1 every tie crosses groups (Krackhardt & Stern 1988)"
            ),
            (
                "ei_index_p_low / p_high",
                "share of \(settings.permutations) shuffles of the group labels giving an E-I at most / at least the observed, (k + 1)/(N + 1) (Phipson & Smyth 2010)"
            ),
            ("density[A,B]", "ties from group A to group B ÷ the pairs that could be tied (UCINET density by groups)"),
            ("modularity_groups", "Newman's modularity of the groups as a partition (directed formula when directed)"),
            (
                "communities",
                "Leiden communities on the undirected skeleton (Traag, Waltman & van Eck 2019), seeded; NMI and ARI against the groups"
            ),
            ("cutpoint / bridge", "an organisation / a tie whose loss splits the undirected network"),
        ]
        out += [
            (
                "focal_share[M]",
                "the focal sector's share of measure M; p: the share of 1,000 random sets of as many organisations that reach it"
            ),
            (
                "group_degree / betweenness / closeness",
                "centrality of the focal sector taken as one actor (Everett & Borgatti 1999)"
            ),
            (
                "fragmentation",
                "share of pairs of organisations that cannot reach each other, before and after the focal sector is removed (Borgatti 2006)"
            ),
            (
                "coreness / in_core",
                "Borgatti & Everett (2000) core/periphery: continuous coreness and the categorical core"
            ),
            (
                "gini[betweenness]",
                "Gini coefficient of betweenness over organisations: 0 all equal, near 1 one holds it all"
            ),
            ("representation_ratio", "a sector's share of betweenness ÷ its share of organisations"),
            (
                "banzhaf / shapley_shubik",
                "exact voting power on each board from members' votes and its quota (Banzhaf 1965; Shapley & Shubik 1954)"
            ),
            (
                "coordinator … liaison",
                "Gould & Fernandez (1989) brokerage roles by sector, with R sna's expected counts and z-scores"
            ),
            (
                "constraint / effective_size",
                "Burt's structural holes (1992): how far an organisation's contacts are tied to each other"
            ),
        ]
        if architecture != nil {
            out += [
                (
                    "bipartite_degree / betweenness / closeness",
                    "two-mode centralities of organisations × partnerships (Borgatti & Everett 1997)"
                ),
                (
                    "jaccard",
                    "shared members ÷ members of either partnership; 0.5 or more flagged as likely duplication, "
                        + "unless one partnership sits under the other (nesting)"
                ),
            ]
        }
        return out
    }

    /// The works the measures come from, for the methods section.
    public static let references = [
        "Freeman, L.C. (1979) Centrality in social networks: conceptual clarification. Social Networks 1:215–239. doi:10.1016/0378-8733(78)90021-7",
        "Brandes, U. (2001) A faster algorithm for betweenness centrality. J. Math. Sociology 25:163–177. doi:10.1080/0022250X.2001.9990249",
        "Bonacich, P. (1987) Power and centrality: a family of measures. Am. J. Sociology 92:1170–1182. doi:10.1086/228631",
        "Brin, S. & Page, L. (1998) The anatomy of a large-scale hypertextual web search engine. Computer Networks 30:107–117",
        "Krackhardt, D. & Stern, R.N. (1988) Informal networks and organizational crises. Social Psychology Quarterly 51:123–140. doi:10.2307/2786835",
        "Phipson, B. & Smyth, G.K. (2010) Permutation p-values should never be zero. Stat. Appl. Genet. Mol. Biol. 9(1):39. doi:10.2202/1544-6115.1585",
        "Newman, M.E.J. (2003) Mixing patterns in networks. Phys. Rev. E 67:026126. doi:10.1103/PhysRevE.67.026126",
        "Traag, V.A., Waltman, L. & van Eck, N.J. (2019) From Louvain to Leiden. Sci. Rep. 9:5233. doi:10.1038/s41598-019-41695-z",
        "Everett, M.G. & Borgatti, S.P. (1999) The centrality of groups and classes. J. Math. Sociology 23:181–201. doi:10.1080/0022250X.1999.9990219",
        "Borgatti, S.P. (2006) Identifying sets of key players in a social network. Comput. Math. Organ. Theory 12:21–34. doi:10.1007/s10588-006-7084-x",
        "Borgatti, S.P. & Everett, M.G. (2000) Models of core/periphery structures. Social Networks 21:375–395. doi:10.1016/S0378-8733(99)00019-2",
        "Borgatti, S.P. & Everett, M.G. (1997) Network analysis of 2-mode data. Social Networks 19:243–269. doi:10.1016/S0378-8733(96)00301-2",
        "Gould, R.V. & Fernandez, R.M. (1989) Structures of mediation. Sociological Methodology 19:89–126. doi:10.2307/270949",
        "Burt, R.S. (1992) Structural Holes. Harvard University Press",
        "Banzhaf, J.F. (1965) Weighted voting doesn't work. Rutgers Law Review 19:317–343; Shapley, L.S. & Shubik, M. (1954) Am. Pol. Sci. Rev. 48:787–792. doi:10.2307/1951053",
    ]

    /// The parameters, for the methods section: (name, value).
    public var parameters: [(name: String, value: String)] {
        [
            ("PartnerNet version", PartnerNetVersion.string), ("input", path),
            ("relations", settings.relations.isEmpty ? "all (union)" : settings.relations.joined(separator: ", ")),
            ("direction", graph.isDirected ? "directed" : "undirected"), ("groups", settings.groups),
            ("permutations", String(settings.permutations)), ("seed", String(settings.seed)),
            (
                "community detection",
                "Leiden, best of \(Communities.defaultRuns(nodes: graph.nodeCount, ties: graph.edgeCount)) runs at most"
            ),
        ]
    }
}
