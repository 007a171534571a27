import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// A readable overview of an area: its organisations by sector, its relations, its
/// partnerships and the network-level measures of the union of its relations.
public struct AreaSummary: Sendable {
    public let area: Area
    public let path: String
    public let warningCount: Int

    public init(area: Area, path: String, warningCount: Int) {
        self.area = area
        self.path = path
        self.warningCount = warningCount
    }

    /// The overview as plain text.
    ///
    /// - Throws: ``ModelError`` only if the area is inconsistent (a validated area is not).
    public func rendered() throws -> String {
        var lines: [String] = []
        lines.append(area.metadata.name ?? (path as NSString).lastPathComponent)
        lines.append(path)
        lines.append("")

        let n = area.organisations.count
        lines.append("Organisations: \(n)")
        var bySector: [String: Int] = [:]
        for organisation in area.organisations { bySector[organisation.sector, default: 0] += 1 }
        let sectorWidth = area.sectors.map(\.count).max() ?? 0
        for sector in area.sectors {
            let count = bySector[sector]!
            let share = String(format: "%3.0f%%", 100 * Double(count) / Double(max(n, 1)))
            let focal = sector == area.focalSector ? "  (focal sector)" : ""
            lines.append("  \(pad(sector, sectorWidth))  \(pad(String(count), 4, right: true))  \(share)\(focal)")
        }
        lines.append("")

        let relations = area.relationNames
        let unknownPairs = area.unknownPairCounts
        lines.append("Relations: \(relations.count)")
        let relationWidth = (relations + [Area.coMembership] + area.unknownTies.map(\.relation)).map(\.count).max() ?? 0
        for relation in relations {
            let graph = try Graph(area: area, relations: .named([relation]))
            let rows = area.relationships.filter { $0.relation == relation }
            let kind = graph.isDirected ? "directed" : "undirected"
            let unit = graph.isDirected ? "arcs" : "edges"
            let weights = rows.map(\.weight)
            let weightNote =
                Set(weights).count > 1
                ? "  weights \(formatShort(weights.min()!))–\(formatShort(weights.max()!))" : ""
            let unknown = unknownPairs[relation].map { "  unknown pairs \($0) (weight NA, not counted as ties)" } ?? ""
            lines.append(
                "  \(pad(relation, relationWidth))  \(pad(String(graph.edgeCount), 5, right: true)) \(pad(unit, 5))  \(pad(kind, 10))  density \(formatShort(graph.density))\(weightNote)\(unknown)"
            )
        }
        for (relation, pairs) in area.unknownPairsByRelation where !relations.contains(relation) {
            lines.append(
                "  \(pad(relation, relationWidth))  no observed tie  unknown pairs \(pairs) (weight NA, not counted as ties)")
        }
        if !area.memberships.isEmpty {
            let graph = try Graph(area: area, relations: .named([Area.coMembership]))
            lines.append(
                "  \(pad(Area.coMembership, relationWidth))  \(pad(String(graph.edgeCount), 5, right: true)) edges  undirected  from shared partnerships (name it with --relation)"
            )
        }
        lines.append("")

        lines.append("Partnerships: \(area.partnerships.count)")
        lines += partnershipTree()
        if !area.partnerships.isEmpty { lines.append("") }

        let graph = try Graph(area: area)
        let scope =
            relations.isEmpty ? "no relations" : "all relations, \(graph.isDirected ? "directed" : "undirected")"
        lines.append("Network (\(scope))")
        let measures = NetworkMeasure.allCases
        let width = measures.map(\.rawValue.count).max()!
        for measure in measures {
            let value = ResultTable.readable(.number(measure.value(in: graph), isCount: measure.isCount))
            lines.append("  \(pad(measure.rawValue, width))  \(value)")
        }
        lines.append("")
        lines.append(
            warningCount == 0
                ? "No warnings."
                : "\(warningCount) warning\(warningCount == 1 ? "" : "s"): run `partnernet validate \(path)` to list them."
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// Partnerships indented under their parents, with size, chair and quota.
    private func partnershipTree() -> [String] {
        var children: [String?: [Partnership]] = [:]
        for partnership in area.partnerships { children[partnership.parent, default: []].append(partnership) }
        var seats: [String: [Membership]] = [:]
        for seat in area.memberships { seats[seat.partnership, default: []].append(seat) }
        let names = Dictionary(
            area.organisations.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        var lines: [String] = []
        // Depth first with an explicit stack, not recursion: a long chain of parent links
        // must not exhaust the call stack.
        var pending: [(partnership: Partnership, depth: Int)] = (children[nil] ?? []).reversed().map { ($0, 0) }
        while let (partnership, depth) = pending.popLast() {
            let members = seats[partnership.id] ?? []
            let votes = members.reduce(0) { $0 + $1.votes }
            let chairs = members.filter { $0.role == .chair }.map { names[$0.organisation] ?? $0.organisation }
            var text = String(repeating: "  ", count: depth + 1) + partnership.displayName
            text += ": \(members.count) member\(members.count == 1 ? "" : "s")"
            if !chairs.isEmpty { text += ", chair \(chairs.joined(separator: " and "))" }
            text += ", quota \(partnership.effectiveQuota(totalVotes: votes)) of \(votes) votes"
            lines.append(text)
            pending += (children[partnership.id] ?? []).reversed().map { ($0, depth + 1) }
        }
        return lines
    }
}

private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}

private func formatShort(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3g", value)
}
