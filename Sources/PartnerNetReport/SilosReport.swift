import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// Everything `partnernet silos` reports for one area and grouping: the E-I index with its
/// permutation test at network and group level, density by groups, assortativity, the
/// components and the cutpoints and bridges that hold the partnership together, and a
/// plain-language verdict for each group, every one traceable to a number.
public struct SilosReport: Sendable {
    /// The attribute the groups come from (`sector` by default).
    public let attribute: String
    public let groups: Groups
    public let ei: EIIndex
    public let test: EIPermutationTest?
    public let mixing: MixingMatrix
    public let assortativity: Double?
    /// Modularity of the group partition (`modularity_groups`; directed formula on a
    /// directed graph, ties counted once each).
    public let groupModularity: Double?
    /// Communities detected on the undirected skeleton, or `nil` when not asked for.
    public let communities: Communities?
    /// Agreement of ``communities`` with the groups (`nmi_groups`, `ari_groups`).
    public let agreement: PartitionAgreement?
    public let components: Partition
    public let strongComponents: Partition?
    public let cuts: CutStructure
    public let separating: [Bool]
    public let labels: [String]
    public let names: [String]
    public let isDirected: Bool
    /// The seed of the shuffles and of the community detection.
    public let seed: UInt64
    /// The significance level the verdicts use.
    public static let alpha = 0.05

    /// - Parameters:
    ///   - permutations: shuffles of the labels for the E-I p-values; 0 skips the test.
    ///   - seed: seeds both the shuffles and the community detection.
    ///   - communityMethod: Leiden (the default) or Louvain; `nil` skips detection.
    ///   - communityRuns: independent runs of the detection whose best partition is kept;
    ///     `nil` for ``Communities/defaultRuns(nodes:ties:)``.
    ///   - weighted: modularity and community detection on the valued adjacency (Docs/METRICS.md:
    ///     the E-I index, mixing and cut structure count ties whatever this says).
    public init(
        area: Area, graph: Graph, attribute: String = "sector", permutations: Int = 5_000, seed: UInt64 = 1,
        communityMethod: CommunityMethod? = .leiden, communityRuns: Int? = nil, weighted: Bool = false
    ) {
        let organisations = Dictionary(area.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let values = graph.labels.map { id in organisations[id].map { ResultTable.field(attribute, of: $0) } ?? "" }
        self.attribute = attribute
        self.groups = Groups(labels: values.map { $0.isEmpty ? "(none)" : $0 })
        self.ei = graph.eiIndex(groups: groups)
        self.test =
            permutations > 0 ? graph.eiPermutationTest(groups: groups, permutations: permutations, seed: seed) : nil
        self.mixing = graph.mixingMatrix(groups: groups)
        self.assortativity = graph.assortativity(groups: groups)
        self.groupModularity = graph.modularity(of: groups.membership, weighted: weighted)
        let communities = communityMethod.map {
            graph.communities($0, weighted: weighted, runs: communityRuns, seed: seed)
        }
        self.communities = communities
        let membership = groups.membership
        self.agreement = communities.map { PartitionAgreement($0.membership, membership) }
        self.components = graph.weakComponents()
        self.strongComponents = graph.isDirected ? graph.strongComponents() : nil
        self.cuts = graph.cutStructure()
        self.separating = cuts.cutpointsSeparatingGroups(groups: groups, components: components)
        self.labels = graph.labels
        self.names = graph.labels.map { organisations[$0]?.displayName ?? $0 }
        self.isDirected = graph.isDirected
        self.seed = seed
    }

    // MARK: Verdicts

    /// One sentence per group and one overall, each naming the E-I, what chance gives and
    /// the two-sided permutation p-value.
    public var verdicts: [String] {
        var lines: [String] = []
        if let observed = ei.network.index {
            lines.append(
                "Overall: E-I \(Self.signed(observed)) (\(ei.network.between) ties between groups, "
                    + "\(ei.network.within) within); random mixing gives \(ei.expected.map(Self.signed) ?? "–"); "
                    + Self.judgement(observed: observed, expected: ei.expected, tail: test.map { ($0.pLow, $0.pHigh) }))
        } else {
            lines.append("Overall: no ties, so no E-I index.")
        }
        for (index, name) in groups.names.enumerated() {
            guard let observed = ei.byGroup[index].index else {
                lines.append("\(name): no ties.")
                continue
            }
            let tail = test?.byGroup[index].map { ($0.pLow, $0.pHigh) }
            lines.append(
                "\(name): E-I \(Self.signed(observed)), "
                    + Self.judgement(observed: observed, expected: ei.expectedByGroup[index], tail: tail))
        }
        if let q = groupModularity {
            lines.append(
                "Modularity of the \(attribute) partition: \(Self.signed(q)) ("
                    + (q > 0
                        ? "more ties inside groups than the organisations' numbers of ties alone would give)"
                        : "no more ties inside groups than the organisations' numbers of ties alone would give)"))
        }
        if let communities, let agreement, let nmi = agreement.normalizedMutualInformation {
            let q = communities.modularity.map { ", modularity " + Self.signed($0) } ?? ""
            lines.append(
                "Communities (\(communities.method.rawValue)): \(communities.count)\(q); "
                    + "\(Self.following(nmi, ari: agreement.adjustedRandIndex)) (NMI \(String(format: "%.2f", nmi)), "
                    + "ARI \(agreement.adjustedRandIndex.map { Self.signed($0) } ?? "–"))")
        }
        return lines
    }

    static func following(_ nmi: Double, ari: Double?) -> String {
        FindingRules.agreementWords(nmi: nmi, ari: ari)
    }

    /// The verdict of a test from its tails: the direction observed against chance, and
    /// the two-sided p-value `min(1, 2 min(p_low, p_high))`, not adjusted for the other
    /// tests (the report's findings are).
    static func judgement(observed: Double, expected: Double?, tail: (low: Double, high: Double)?) -> String {
        guard let tail else { return "not tested" }
        let inward = expected.map { observed < $0 } ?? (tail.low < tail.high)
        let p = min(1, 2 * min(tail.low, tail.high))
        let pText = "two-sided p = " + Self.pValue(p)
        if p <= alpha { return inward ? "more inward than chance, \(pText)" : "more outward than chance, \(pText)" }
        return "no different from chance (\(inward ? "inward" : "outward"), \(pText))"
    }

    static func signed(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return value < 0 ? "−" + text.dropFirst() : text
    }

    static func pValue(_ p: Double) -> String { ReportText.p(p) }

    /// Each detected community: its size, and the groups of its members, largest first.
    public var communityTable: ResultTable {
        guard let communities else { return ResultTable(columns: [], rows: []) }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: groups.names.count), count: communities.count)
        for node in labels.indices { counts[communities.membership[node]][groups.membership[node]] += 1 }
        return ResultTable(
            columns: ["community", "size", "members by \(attribute)"],
            rows: counts.enumerated().map { community, row in
                let parts = row.indices.filter { row[$0] > 0 }.sorted { (row[$0], $1) > (row[$1], $0) }
                return [
                    .number(Double(community), isCount: true), .number(Double(row.reduce(0, +)), isCount: true),
                    .text(parts.map { "\(groups.names[$0]) \(row[$0])" }.joined(separator: ", ")),
                ]
            })
    }

    // MARK: Renderings

    /// Network-level and group-level values as `metric,value` rows, named as in Docs/METRICS.md
    /// (`ei_index`, `ei_index[GROUP]`, `density[A,B]`…).
    public var metricRows: ResultTable {
        var rows: [[Cell]] = []
        func add(_ name: String, _ value: Double?, count: Bool = false) {
            rows.append([.text(name), .number(value, isCount: count)])
        }
        add("ei_index", ei.network.index)
        add("ei_external", Double(ei.network.between), count: true)
        add("ei_internal", Double(ei.network.within), count: true)
        add("ei_index_expected", ei.expected)
        add("ei_index_min", ei.range?.minimum)
        add("ei_index_max", ei.range?.maximum)
        add("ei_index_rescaled", ei.rescaled)
        if let test {
            add("ei_index_p_low", test.pLow)
            add("ei_index_p_high", test.pHigh)
            add("ei_index_p_value", test.pValue)
            add("ei_index_permutations", Double(test.permutations), count: true)
        }
        for (index, name) in groups.names.enumerated() {
            add("ei_index[\(name)]", ei.byGroup[index].index)
            add("ei_index_expected[\(name)]", ei.expectedByGroup[index])
            if let tail = test?.byGroup[index] {
                add("ei_index_p_low[\(name)]", tail.pLow)
                add("ei_index_p_high[\(name)]", tail.pHigh)
            }
        }
        let densities = mixing.densities
        for (a, from) in groups.names.enumerated() {
            for (b, to) in groups.names.enumerated() {
                add("ties[\(from),\(to)]", Double(mixing.counts[a][b]), count: true)
                add("density[\(from),\(to)]", densities[a][b])
            }
        }
        add("assortativity", assortativity)
        add("modularity_groups", groupModularity)
        if let communities {
            add("communities", Double(communities.count), count: true)
            add("modularity", communities.modularity)
            add("nmi_groups", agreement?.normalizedMutualInformation)
            add("ari_groups", agreement?.adjustedRandIndex)
        }
        add("components", Double(components.count), count: true)
        if let strongComponents { add("strong_components", Double(strongComponents.count), count: true) }
        add("cutpoints", Double(cuts.cutpoints.count), count: true)
        add("cutpoints_separating_groups", Double(separating.filter { $0 }.count), count: true)
        add("bridges", Double(cuts.bridges.count), count: true)
        add(
            "bridges_between_groups", Double(cuts.bridges.filter { cuts.joinsGroups($0, groups: groups) }.count),
            count: true)
        return ResultTable(columns: ["metric", "value"], rows: rows)
    }

    /// One row per group: size, E, I, E-I, its expected value and the one-sided p-values.
    public var groupTable: ResultTable {
        ResultTable(
            columns: ["group", "size", "E", "I", "E-I", "expected", "p_low", "p_high"],
            rows: groups.names.enumerated().map { index, name in
                let tail = test?.byGroup[index]
                return [
                    .text(name), .number(Double(groups.sizes[index]), isCount: true),
                    .number(Double(ei.byGroup[index].between), isCount: true),
                    .number(Double(ei.byGroup[index].within), isCount: true),
                    .number(ei.byGroup[index].index, isCount: false),
                    .number(ei.expectedByGroup[index], isCount: false), .number(tail?.pLow, isCount: false),
                    .number(tail?.pHigh, isCount: false),
                ]
            })
    }

    /// ``metricRows`` without the rows for one group or pair of groups (those are in
    /// ``groupTable`` and the mixing matrix).
    public var networkRows: ResultTable {
        var table = metricRows
        table.rows = table.rows.filter { row in
            if case .text(let name) = row[0] { return !name.contains("[") }
            return true
        }
        return table
    }

    /// One row per organisation: its group, node E-I, whether it is a cutpoint, its component.
    public var nodeRows: ResultTable {
        ResultTable(
            columns: ["id", attribute, "ei_index", "ei_external", "ei_internal", "is_cutpoint", "component"]
                + (communities == nil ? [] : ["community"]),
            rows: labels.indices.map { node in
                [
                    .text(labels[node]), .text(groups.names[groups.membership[node]]),
                    .number(ei.byNode[node].index, isCount: false),
                    .number(Double(ei.byNode[node].between), isCount: true),
                    .number(Double(ei.byNode[node].within), isCount: true), .text(cuts.isCutpoint[node] ? "yes" : "no"),
                    .number(Double(components.blocks[node]), isCount: true),
                ] + (communities.map { [.number(Double($0.membership[node]), isCount: true)] } ?? [])
            })
    }

    /// The report for people.
    public func text(title: String) -> String {
        var out: [String] = []
        out.append("Silos by \(attribute): \(title)")
        out.append("")
        out.append("Verdicts (two-sided permutation p-values, α = \(Self.alpha), not adjusted for multiple tests):")
        out += verdicts.map { "  " + $0 }
        out.append("")
        out.append("E-I index by group (E: ties leaving the group, I: ties inside it)")
        out.append(groupTable.rendered(as: .table))
        var summary = "Network: E-I \(ei.network.index.map { String(format: "%.4f", $0) } ?? "–")"
        summary +=
            " (E \(ei.network.between), I \(ei.network.within)); expected \(ei.expected.map { String(format: "%.4f", $0) } ?? "–")"
        if let range = ei.range {
            summary +=
                "; attainable \(String(format: "%.4f", range.minimum)) to \(String(format: "%.4f", range.maximum))"
        }
        if let rescaled = ei.rescaled { summary += "; rescaled \(String(format: "%.4f", rescaled))" }
        out.append(summary)
        if let test {
            out.append(
                "Permutation test: \(test.permutations) shuffles of the labels (seed \(test.seed)): "
                    + "P(≤) \(Self.pValue(test.pLow)), P(≥) \(Self.pValue(test.pHigh)), two-sided \(Self.pValue(test.pValue))"
            )
        }
        out.append("Assortativity: \(assortativity.map { String(format: "%.4f", $0) } ?? "–")")
        out.append(
            "Modularity of the \(attribute) partition: \(groupModularity.map { String(format: "%.4f", $0) } ?? "–")")
        if let communities {
            out.append("")
            out.append(
                "Communities (\(communities.method.rawValue), seed \(seed)): \(communities.count), modularity "
                    + "\(communities.modularity.map { String(format: "%.4f", $0) } ?? "–"); against the groups: NMI "
                    + "\(agreement?.normalizedMutualInformation.map { String(format: "%.4f", $0) } ?? "–"), ARI "
                    + "\(agreement?.adjustedRandIndex.map { String(format: "%.4f", $0) } ?? "–")")
            out.append(communityTable.rendered(as: .table))
        }
        out.append("")
        out.append("Density by groups (row → column\(isDirected ? "" : ", undirected: symmetric"))")
        let densities = mixing.densities
        out.append(
            ResultTable(
                columns: ["from \\ to"] + groups.names,
                rows: groups.names.indices.map { a in
                    [.text(groups.names[a])] + groups.names.indices.map { .number(densities[a][$0], isCount: false) }
                }
            ).rendered(as: .table))
        out.append("What holds it together")
        out.append(
            "  \(components.count) component\(components.count == 1 ? "" : "s")"
                + (strongComponents.map { ", \($0.count) strong component\($0.count == 1 ? "" : "s")" } ?? ""))
        let cutpoints = cuts.cutpoints
        if cutpoints.isEmpty {
            out.append("  no cutpoints: no single organisation's departure would split the network")
        }
        for node in cutpoints {
            out.append(
                "  cutpoint \(names[node]) (\(groups.names[groups.membership[node]]))"
                    + (separating[node] ? ": its departure would separate groups" : ""))
        }
        for bridge in cuts.bridges {
            let between = cuts.joinsGroups(bridge, groups: groups)
            out.append(
                "  bridge \(names[bridge.first]) – \(names[bridge.second])" + (between ? " (between groups)" : ""))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The report as JSON: network values, groups, mixing, cut structure, verdicts.
    public func json() -> String {
        func number(_ value: Double?) -> JSONValue { value.map { $0.isFinite ? .number($0) : .null } ?? .null }
        var groupEntries: [JSONValue] = []
        for (index, name) in groups.names.enumerated() {
            var entry: [String: JSONValue] = [
                "group": .string(name), "size": .number(Double(groups.sizes[index])),
                "E": .number(Double(ei.byGroup[index].between)), "I": .number(Double(ei.byGroup[index].within)),
                "ei_index": number(ei.byGroup[index].index), "ei_index_expected": number(ei.expectedByGroup[index]),
            ]
            if let tail = test?.byGroup[index] {
                entry["p_low"] = .number(tail.pLow)
                entry["p_high"] = .number(tail.pHigh)
            }
            groupEntries.append(.object(entry))
        }
        let densities = mixing.densities
        var mixingObject: [String: JSONValue] = [:]
        for (a, from) in groups.names.enumerated() {
            var row: [String: JSONValue] = [:]
            for (b, to) in groups.names.enumerated() {
                row[to] = .object(["ties": .number(Double(mixing.counts[a][b])), "density": number(densities[a][b])])
            }
            mixingObject[from] = .object(row)
        }
        var network: [String: JSONValue] = [
            "ei_index": number(ei.network.index), "E": .number(Double(ei.network.between)),
            "I": .number(Double(ei.network.within)), "ei_index_expected": number(ei.expected),
            "ei_index_min": number(ei.range?.minimum), "ei_index_max": number(ei.range?.maximum),
            "ei_index_rescaled": number(ei.rescaled), "assortativity": number(assortativity),
            "modularity_groups": number(groupModularity),
        ]
        if let test {
            network["ei_index_p_low"] = .number(test.pLow)
            network["ei_index_p_high"] = .number(test.pHigh)
            network["ei_index_p_value"] = .number(test.pValue)
            network["permutations"] = .number(Double(test.permutations))
            network["seed"] = .number(Double(test.seed))
        }
        var object: [String: JSONValue] = [
            "groups_attribute": .string(attribute), "directed": .bool(isDirected), "network": .object(network),
            "groups": .array(groupEntries), "mixing": .object(mixingObject),
            "cutpoints": .array(
                cuts.cutpoints.map { node in
                    .object(["id": .string(labels[node]), "separates_groups": .bool(separating[node])])
                }),
            "bridges": .array(
                cuts.bridges.map { bridge in
                    .object([
                        "ends": .array([.string(labels[bridge.first]), .string(labels[bridge.second])]),
                        "between_groups": .bool(cuts.joinsGroups(bridge, groups: groups)),
                    ])
                }),
            "components": .number(Double(components.count)),
            "verdicts": .array(verdicts.map(JSONValue.string)),
        ]
        if let communities {
            object["communities"] = .object([
                "method": .string(communities.method.rawValue), "seed": .number(Double(seed)),
                "count": .number(Double(communities.count)), "modularity": number(communities.modularity),
                "nmi_groups": number(agreement?.normalizedMutualInformation),
                "ari_groups": number(agreement?.adjustedRandIndex),
                "membership": .object(
                    Dictionary(
                        labels.indices.map { (labels[$0], JSONValue.number(Double(communities.membership[$0]))) },
                        uniquingKeysWith: { first, _ in first })),
            ])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(JSONValue.object(object)), as: UTF8.self) + "\n"
    }
}
