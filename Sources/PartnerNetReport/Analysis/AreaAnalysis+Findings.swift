import Foundation
import PartnerNetCore
import PartnerNetMetrics

extension AreaAnalysis {
    /// Every finding, in report order, with p-values adjusted over all of the report's
    /// tests and the summary chosen (``FindingRules``).
    public var findings: [Finding] { memo.value("findings") { FindingRules.findings(of: self) } }

    /// The findings the summary keeps.
    public var summary: [Finding] { findings.filter(\.inSummary) }

    /// What the analysis does not read as findings, and why (small areas and groups), and
    /// the pairs whose tie is unknown.
    public var notReadAsFindings: [String] {
        var out: [String] = []
        if !isLargeEnoughForTests {
            out.append(
                "With \(graph.nodeCount) organisations (fewer than \(Self.minimumOrganisations)), no permutation or "
                    + "random-set p-value and no community structure is read as a finding: too few arrangements "
                    + "exist for a test to show anything, and one tie moves every share by several points. The "
                    + "tables still give the values.")
        }
        let small = groups.names.indices.filter { groups.sizes[$0] < Self.minimumGroupSize }.map { groups.names[$0] }
        if isLargeEnoughForTests && !small.isEmpty {
            out.append(
                "Groups of fewer than \(Self.minimumGroupSize) organisations (\(ReportText.list(small))) get no "
                    + "test of their own: their shares and E-I index are one or two organisations' own scores.")
        }
        if let note = area.unknownTiesNote { out.append(note) }
        let tests = findings.filter { $0.pValue != nil }.count
        if tests > 1 {
            out.append(
                "The report makes \(tests) tests; each p-value in the summary is adjusted for all of them "
                    + "(Holm 1979), and a result is called significant only when its adjusted p-value is at most "
                    + "\(Self.alpha).")
        }
        return out
    }

    /// Three to five sentences an evaluator can quote, each the sentence of a finding
    /// (its id given), chosen by rules on the findings: the focal sector's power, silos,
    /// the most marked significant result about any sector, duplication, and fragility.
    public var headline: [(finding: String, sentence: String)] {
        let byID = Dictionary(findings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen: [Finding] = []
        if let focal = byID["dominance.focal_share.betweenness"] { chosen.append(focal) }
        if let silos = byID["silos.ei_index"] { chosen.append(silos) }
        // The sector result with the smallest adjusted p, preferring a sector held below
        // its numbers (the question of marginalisation), then one above.
        let sectorResults = findings.filter {
            $0.isSignificant && [.balance, .voting, .chairs].contains($0.topic)
        }.sorted { ($0.claim == .less ? 0 : 1, $0.adjustedPValue ?? 1) < ($1.claim == .less ? 0 : 1, $1.adjustedPValue ?? 1) }
        if let first = sectorResults.first { chosen.append(first) }
        if let none = findings.first(where: { $0.id.hasPrefix("chairs.none.") }) { chosen.append(none) }
        if let duplication = byID["architecture.duplication"] { chosen.append(duplication) }
        if chosen.count < 5,
            let cut = findings.filter({ $0.id.hasPrefix("cohesion.cutpoint.") }).max(by: { $0.value < $1.value })
        {
            chosen.append(cut)
        }
        if chosen.count < 3, let top = byID["centrality.top_betweenness"] { chosen.insert(top, at: 0) }
        return chosen.prefix(5).map { ($0.id, $0.headlineSentence) }
    }

    // MARK: Tables

    /// Every table behind the report, by file name (without extension).
    public var tables: [(name: String, table: ResultTable)] {
        var out: [(String, ResultTable)] = [
            ("network", network), ("centrality", centrality), ("cutpoints", cutpointTable),
            ("silos", silos.metricRows), ("silos_groups", silos.groupTable), ("silos_organisations", silos.nodeRows),
            ("mixing", mixingTable),
        ]
        if silos.communities != nil { out.append(("communities", silos.communityTable)) }
        if let dominance {
            out += [("dominance", dominance.metricRows), ("dominance_organisations", dominance.nodeRows)]
        }
        out.append(("sector_shares", sectorShareTable))
        if !relationAnalyses.isEmpty { out.append(("by_relation", byRelationTable)) }
        if !networkTests.isEmpty { out.append(("network_tests", networkTestTable)) }
        if let tiePredictors {
            out += [("predictors", tiePredictors.coefficientTable), ("predictors_fit", tiePredictors.fitTable)]
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
        out.append(("findings", findings.table))
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

    /// The headline dominance and silo values of each relation on its own, beside the
    /// union's, so that a reader sees where a result of the union comes from.
    public var byRelationTable: ResultTable {
        let columns = Self.byRelationColumns
        var rows: [[Cell]] = []
        for (name, analysis) in [("union of \(relations.joined(separator: ", "))", self)] + relationAnalyses.map({ ($0.relation, $0.analysis) }) {
            let values = analysis.headlineValues
            rows.append(
                [.text(name), .text(analysis.graph.isDirected ? "directed" : "undirected"),
                 .text(analysis.weightNote)]
                    + columns.map { .number(values[$0.name], isCount: $0.isCount) })
        }
        return ResultTable(columns: ["relation", "direction", "weights"] + columns.map(\.name), rows: rows)
    }

    static let byRelationColumns: [(name: String, isCount: Bool)] = [
        ("ties", true), ("density", false), ("ei_index", false), ("ei_index_p_low", false), ("ei_index_p_high", false),
        ("focal_share[degree]", false), ("focal_share[betweenness]", false), ("focal_share_p_value[betweenness]", false),
        ("focal_share_p_low[betweenness]", false), ("focal_share[eigenvector]", false),
        ("focal_share_p_value[eigenvector]", false), ("focal_share_p_low[eigenvector]", false),
    ]

    /// How the weights of the analysed relations combine, in words (``WeightCombination``).
    public var weightNote: String { graph.weightCombination?.description ?? "as recorded" }

    /// The headline values of the analysis by catalogue name: the columns of `compare`
    /// and of the by-relation table. Each is read from the analysis's own tables, so a
    /// value means the same wherever it is shown. (`significant_findings`, which needs
    /// every test of the report, is ``significantFindings``.)
    public var headlineValues: [String: Double] {
        memo.value("headline-values") {
            var values: [String: Double] = [:]
            func set(_ key: String, _ value: Double?) { if let value, value.isFinite { values[key] = value } }
            set("organisations", Double(graph.nodeCount))
            set("ties", Double(graph.edgeCount))
            for name in ["density", "reciprocity", "degree_centralization", "betweenness_centralization"] {
                set(name, network.value(of: name))
            }
            let silos = silos.metricRows
            for name in ["ei_index", "ei_index_expected", "ei_index_p_low", "ei_index_p_high", "modularity_groups"] {
                set(name, silos.value(of: name))
            }
            if let dominance {
                set("focal_organisations", Double(dominance.focal.count))
                let table = dominance.metricRows
                for measure in AreaAnalysis.sectorShareMeasures {
                    for prefix in ["focal_share", "focal_share_p_value", "focal_share_p_low"] {
                        let name = "\(prefix)[\(measure.rawValue)]"
                        set(name, table.value(of: name))
                    }
                }
                for name in ["group_betweenness", "fragmentation", "fragmentation_without_focal", "chair_share"] {
                    set(name, table.value(of: name))
                }
            } else {
                set("focal_organisations", 0)
            }
            if let balance {
                let table = balance.metricRows
                set("gini[\(settings.balanceMeasure.rawValue)]", table.value(of: "gini[\(settings.balanceMeasure.rawValue)]"))
            }
            if let degree = try? scores(.degree) { set("gini[degree]", Inequality.gini(degree)) }
            set("partnerships", Double(area.partnerships.count))
            if let architecture {
                let table = architecture.metricRows
                for name in ["duplicate_pairs", "nesting_depth"] { set(name, table.value(of: name)) }
            }
            for (name, value) in mainBoardValues { set(name, value) }
            return values
        }
    }

    /// `significant_findings`: the findings significant after Holm's adjustment over the
    /// report's tests.
    public var significantFindings: Int { findings.filter(\.isSignificant).count }

    /// The focal sector's seats, votes and power on the main board (the top-level
    /// partnership with most members), from the balance analysis: an organisation's
    /// seats on a board vote together, as ``BoardPower`` defines.
    var mainBoardValues: [String: Double] {
        guard let architecture, let balance,
            let board = architecture.structure.roots.max(by: {
                architecture.network.members[$0].count < architecture.network.members[$1].count
            }),
            let power = balance.boards.first(where: { $0.id == area.partnerships[board].id })
        else { return [:] }
        let focal = Set((try? focalSet())?.members.map { graph.labels[$0] } ?? [])
        let isFocal = power.members.map { focal.contains($0) }
        let seats = area.memberships.filter { $0.partnership == power.id }
        var values: [String: Double] = [:]
        if !seats.isEmpty {
            values["board_seat_share"] =
                Double(seats.filter { focal.contains($0.organisation) }.count) / Double(seats.count)
        }
        if power.totalVotes > 0 {
            values["board_vote_share"] =
                Double(zip(power.votes, isFocal).filter(\.1).map(\.0).reduce(0, +)) / Double(power.totalVotes)
        }
        if let banzhaf = power.banzhaf { values["board_banzhaf"] = zip(banzhaf, isFocal).filter(\.1).map(\.0).reduce(0, +) }
        if let shapley = power.shapleyShubik {
            values["board_shapley_shubik"] = zip(shapley, isFocal).filter(\.1).map(\.0).reduce(0, +)
        }
        return values
    }
}

extension Finding {
    /// The sentence for the headline: the qualified sentence of a tested finding, the
    /// plain sentence of a description.
    public var headlineSentence: String { pValue == nil ? sentence : qualifiedSentence }
}
