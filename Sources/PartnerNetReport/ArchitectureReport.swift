import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// Everything `partnernet architecture` reports on how an area's partnerships are arranged:
/// who sits where (two-mode centralities), which boards duplicate each other, how the
/// boards nest, and who chairs them, each finding traceable to a number.
public struct ArchitectureReport: Sendable {
    public let network: TwoModeNetwork
    public let structure: PartnershipStructure
    /// Pairs of partnerships sharing members, most alike first: at most ``overlapLimit``
    /// of them (``overlapSummary`` counts them all).
    public let overlaps: [PartnershipOverlap]
    /// How many pairs share members and how many look like duplicates, over all pairs.
    public let overlapSummary: PartnershipOverlapSummary
    /// The same pairs placed in the `parent` tree (nested, siblings, unrelated).
    public let arranged: [ArrangedOverlap]
    /// Jaccard index at or above which a pair is flagged as likely duplication.
    public let threshold: Double
    public let degree: [Double]
    public let betweenness: [Double?]
    public let closeness: [Double]
    /// Sector (or other grouping attribute) of each organisation, by handle.
    public let groups: [String]
    public let attribute: String
    let names: [String]
    let partnershipNames: [String]

    /// The default duplication threshold: two boards with at least half their combined
    /// membership in common.
    public static let defaultThreshold = PartnershipStructure.defaultDuplicationThreshold

    /// Most pairs listed in ``overlaps``: one organisation on 10,000 partnerships makes
    /// 49,995,000 pairs, which are counted but not all listed.
    public static let overlapLimit = 1_000

    public init(area: Area, attribute: String = "sector", threshold: Double = defaultThreshold) {
        network = TwoModeNetwork(area: area)
        structure = PartnershipStructure(area: area)
        overlapSummary = network.overlapSummary(threshold: threshold, limit: Self.overlapLimit)
        overlaps = overlapSummary.pairs
        arranged = structure.arrangedOverlaps(overlaps, threshold: threshold)
        self.threshold = threshold
        degree = network.degreeCentrality()
        betweenness = network.betweennessCentrality()
        closeness = network.closenessCentrality()
        self.attribute = attribute
        groups = area.organisations.map { ResultTable.field(attribute, of: $0) }.map { $0.isEmpty ? "(none)" : $0 }
        names = area.organisations.map(\.displayName)
        partnershipNames = area.partnerships.map(\.displayName)
    }

    /// Pairs at or above the threshold, neither nested in the other: likely duplication.
    public var duplicates: [PartnershipOverlap] { arranged.filter(\.likelyDuplicate).map(\.overlap) }

    /// Pairs at or above the threshold of which one sits under the other: nesting.
    public var nestedAboveThreshold: [ArrangedOverlap] {
        arranged.filter { $0.nesting != nil && $0.overlap.jaccard >= threshold }
    }

    /// Chairs held by each group, with the group's share of chairs and of organisations:
    /// (group, chairs, share of all chairs, share of organisations), groups in order of
    /// first appearance.
    public var chairsByGroup: [(group: String, chairs: Int, chairShare: Double?, organisationShare: Double)] {
        let handle = Dictionary(network.organisations.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var order: [String] = []
        var organisations: [String: Int] = [:]
        for group in groups {
            if organisations[group] == nil { order.append(group) }
            organisations[group, default: 0] += 1
        }
        var chairs: [String: Int] = [:]
        for list in structure.chairs {
            for id in list { if let node = handle[id] { chairs[groups[node], default: 0] += 1 } }
        }
        let total = chairs.values.reduce(0, +)
        return order.map { group in
            (
                group, chairs[group, default: 0], total > 0 ? Double(chairs[group, default: 0]) / Double(total) : nil,
                Double(organisations[group]!) / Double(max(1, groups.count))
            )
        }
    }

    // MARK: Findings

    /// Plain-language findings, each naming the numbers behind it.
    public var findings: [String] {
        var lines: [String] = []
        let p = network.partnershipCount
        guard p > 0 else { return ["No partnerships: the area has no two-mode structure to describe."] }
        let seats = network.members.map(\.count)
        let seated = network.seatsByOrganisation().filter { !$0.isEmpty }.count
        lines.append(
            "\(p) partnership\(p == 1 ? "" : "s"), \(seats.reduce(0, +)) seats held by \(seated) of "
                + "\(network.organisationCount) organisations; boards have \(String(format: "%.1f", Double(seats.reduce(0, +)) / Double(p))) members on average."
        )
        let flagged = duplicates
        let nested = nestedAboveThreshold
        if flagged.isEmpty {
            if let top = arranged.first(where: { $0.nesting == nil })?.overlap {
                lines.append(
                    "No two partnerships share \(Self.percent(threshold)) or more of their combined membership "
                        + (nested.isEmpty ? "" : "unless one sits under the other ")
                        + "(most alike: \(partnershipNames[top.first]) and \(partnershipNames[top.second]), Jaccard "
                        + "\(String(format: "%.2f", top.jaccard))).")
            } else if nested.isEmpty {
                lines.append("No two partnerships share a member.")
            } else {
                lines.append("No two partnerships share a member unless one sits under the other.")
            }
        } else {
            let count = flagged.count
            lines.append(
                "Likely duplication: \(count) pair\(count == 1 ? "" : "s") of partnerships, neither nested in the "
                    + "other, share \(Self.percent(threshold)) or more of their combined membership.")
            for overlap in flagged.prefix(5) {
                lines.append(
                    "  \(partnershipNames[overlap.first]) and \(partnershipNames[overlap.second]): "
                        + "\(overlap.shared) shared members, Jaccard \(String(format: "%.2f", overlap.jaccard))")
            }
        }
        if overlapSummary.isTruncated {
            lines.append(
                "\(overlapSummary.total) pairs of partnerships share members; the overlap table lists the "
                    + "\(overlaps.count) most alike.")
        }
        for pair in nested.prefix(5) {
            let (inner, outer) = pair.nesting!
            lines.append(
                "Nested: \(partnershipNames[inner]) sits under \(partnershipNames[outer]) (overlap: "
                    + "\(pair.overlap.shared) shared members, Jaccard \(String(format: "%.2f", pair.overlap.jaccard)))")
        }
        let depth = structure.maximumDepth
        if depth == 0 {
            lines.append("No partnership is nested in another.")
        } else {
            let orphans = structure.orphans
            lines.append(
                "Nesting: \(depth) level\(depth == 1 ? "" : "s") below the top; "
                    + (orphans.isEmpty
                        ? "every partnership belongs to the hierarchy."
                        : "\(orphans.count) stand\(orphans.count == 1 ? "s" : "") outside it: "
                            + orphans.map { partnershipNames[$0] }.joined(separator: ", ") + "."))
        }
        let unchaired = structure.unchaired.count
        let chaired = p - unchaired
        if chaired > 0 {
            for entry in chairsByGroup where entry.chairs > 0 {
                lines.append(
                    "\(entry.group) chairs \(entry.chairs) of \(chaired) chaired partnerships "
                        + "(\(Self.percent(entry.chairShare ?? 0))) with \(Self.percent(entry.organisationShare)) of the organisations."
                )
            }
        }
        if unchaired > 0 { lines.append("\(unchaired) of \(p) partnerships have no chair recorded.") }
        let organisations = 0..<network.organisationCount
        if let broker = organisations.max(by: { (betweenness[$0] ?? 0, $1) < (betweenness[$1] ?? 0, $0) }),
            let value = betweenness[broker], value > 0
        {
            lines.append(
                "Most between boards: \(names[broker]) (\(groups[broker])), on \(network.degrees[broker]) of \(p) "
                    + "partnerships, bipartite betweenness \(String(format: "%.2f", value)).")
        }
        return lines
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", 100 * share) }

    // MARK: Tables

    /// One row per organisation: group, seats, two-mode centralities, chairs held.
    public var organisationRows: ResultTable {
        let chairs = Dictionary(structure.chairsByOrganisation.map { ($0.organisation, $0.partnerships.count) }) {
            a, _ in a
        }
        return ResultTable(
            columns: [
                "id", attribute, "seats", "bipartite_degree", "bipartite_betweenness", "bipartite_closeness", "chairs",
            ],
            rows: (0..<network.organisationCount).map { node in
                [
                    .text(network.organisations[node]), .text(groups[node]),
                    .number(Double(network.degrees[node]), isCount: true), .number(degree[node], isCount: false),
                    .number(betweenness[node], isCount: false), .number(closeness[node], isCount: false),
                    .number(Double(chairs[network.organisations[node]] ?? 0), isCount: true),
                ]
            })
    }

    /// One row per partnership: parent, depth, members, chair, two-mode centralities.
    public var partnershipRows: ResultTable {
        ResultTable(
            columns: [
                "id", "name", "parent", "depth", "members", "chair", "bipartite_degree", "bipartite_betweenness",
                "bipartite_closeness",
            ],
            rows: (0..<network.partnershipCount).map { index in
                let node = network.organisationCount + index
                return [
                    .text(network.partnerships[index]), .text(partnershipNames[index]),
                    .text(structure.parent[index].map { network.partnerships[$0] } ?? ""),
                    .number(Double(structure.depth[index]), isCount: true),
                    .number(Double(network.members[index].count), isCount: true),
                    .text(structure.chairs[index].joined(separator: ";")), .number(degree[node], isCount: false),
                    .number(betweenness[node], isCount: false), .number(closeness[node], isCount: false),
                ]
            })
    }

    /// Every pair of partnerships sharing a member.
    public var overlapRows: ResultTable {
        ResultTable(
            columns: ["first", "second", "shared", "jaccard", "overlap_coefficient", "relation", "likely_duplicate"],
            rows: arranged.map { pair in
                let overlap = pair.overlap
                return [
                    .text(network.partnerships[overlap.first]), .text(network.partnerships[overlap.second]),
                    .number(Double(overlap.shared), isCount: true), .number(overlap.jaccard, isCount: false),
                    .number(overlap.overlapCoefficient, isCount: false), .text(pair.relation.name),
                    .text(pair.likelyDuplicate ? "yes" : "no"),
                ]
            })
    }

    /// Network-level values as `metric,value` rows.
    public var metricRows: ResultTable {
        var rows: [[Cell]] = []
        func add(_ name: String, _ value: Double?, count: Bool = false) {
            rows.append([.text(name), .number(value, isCount: count)])
        }
        let seats = network.members.map(\.count).reduce(0, +)
        add("partnerships", Double(network.partnershipCount), count: true)
        add("seats", Double(seats), count: true)
        add("organisations_with_seats", Double(network.seatsByOrganisation().filter { !$0.isEmpty }.count), count: true)
        add("nesting_depth", Double(structure.maximumDepth), count: true)
        add("orphan_partnerships", Double(structure.orphans.count), count: true)
        add("unchaired_partnerships", Double(structure.unchaired.count), count: true)
        add("overlapping_pairs", Double(overlapSummary.total), count: true)
        // Nesting-aware: pairs of which one sits under the other are not duplication. When the
        // overlap list is cut, pairs beyond it are below every listed Jaccard index.
        add("duplicate_pairs", Double(duplicates.count), count: true)
        add("nested_pairs", Double(nestedAboveThreshold.count), count: true)
        add("duplication_threshold", threshold)
        add("max_jaccard", overlapSummary.maximumJaccard)
        for entry in chairsByGroup {
            add("chairs[\(entry.group)]", Double(entry.chairs), count: true)
            add("chair_share[\(entry.group)]", entry.chairShare)
        }
        return ResultTable(columns: ["metric", "value"], rows: rows)
    }

    /// The report for people.
    public func text(title: String) -> String {
        var out = ["Partnership architecture: \(title)", "", "Findings:"]
        out += findings.map { "  " + $0 }
        out.append("")
        out.append("Partnerships")
        out.append(partnershipRows.rendered(as: .table))
        if !overlaps.isEmpty {
            out.append(
                "Pairs of partnerships sharing members (Jaccard ≥ \(String(format: "%.2f", threshold)) flagged)"
                    + (overlapSummary.isTruncated
                        ? ": the \(overlaps.count) most alike of \(overlapSummary.total)" : ""))
            out.append(overlapRows.rendered(as: .table))
        }
        let chairs = chairsByGroup
        out.append("Chairs by \(attribute)")
        out.append(
            ResultTable(
                columns: [attribute, "chairs", "share_of_chairs", "share_of_organisations"],
                rows: chairs.map {
                    [
                        .text($0.group), .number(Double($0.chairs), isCount: true),
                        .number($0.chairShare, isCount: false),
                        .number($0.organisationShare, isCount: false),
                    ]
                }
            ).rendered(as: .table))
        out.append("Organisations on most boards (--organisations lists all)")
        var top = organisationRows
        top.rows = top.rows.enumerated().sorted { a, b in
            (network.degrees[a.offset], betweenness[a.offset] ?? 0, b.offset)
                > (network.degrees[b.offset], betweenness[b.offset] ?? 0, a.offset)
        }.prefix(10).map(\.element)
        out.append(top.rendered(as: .table))
        return out.joined(separator: "\n")
    }

    /// The report as JSON: findings, values, partnerships, overlaps, organisations.
    public func json() -> String {
        func rows(_ table: ResultTable) -> JSONValue {
            .array(
                table.rows.map { row in
                    .object(
                        Dictionary(
                            zip(table.columns, row).map { column, cell in
                                switch cell {
                                case .text(let text): (column, JSONValue.string(text))
                                case .number(let value, _):
                                    (column, value.map { $0.isFinite ? .number($0) : .null } ?? .null)
                                }
                            }, uniquingKeysWith: { a, _ in a }))
                })
        }
        var metrics: [String: JSONValue] = [:]
        for row in metricRows.rows {
            if case .text(let name) = row[0], case .number(let value, _) = row[1] {
                metrics[name] = value.map { .number($0) } ?? .null
            }
        }
        let object: JSONValue = .object([
            "groups_attribute": .string(attribute), "network": .object(metrics),
            "findings": .array(findings.map { .string($0.trimmingCharacters(in: .whitespaces)) }),
            "partnerships": rows(partnershipRows), "overlaps": rows(overlapRows),
            "organisations": rows(organisationRows),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(object), as: UTF8.self) + "\n"
    }
}
