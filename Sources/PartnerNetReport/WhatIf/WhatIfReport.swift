import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// A what-if: an area's headline measures before and after a ``Scenario``, with the
/// differences, and voting power on every board the scenario changes.
///
/// Both areas are analysed with the same settings (relations, focal sector, seed, random
/// sets and shuffles), so that a difference comes from the edits alone. The headline
/// measures are ``AreaAnalysis/headlineValues``, named as the metric catalogue names them
/// (the columns of `compare`); the boards' are `votes[P]`, `quota[P]` and, for each group S
/// on the board, `seats[P,S]`, `votes[P,S]`, `vote_share[P,S]`, `banzhaf[P,S]` and
/// `shapley_shubik[P,S]`, as in the balance report. A group without a seat on a board
/// that exists holds 0 of each; a board that does not exist (the second of a merge,
/// afterwards) has no values.
public struct WhatIfReport: Sendable {
    public let before: AreaAnalysis
    public let after: AreaAnalysis
    public let scenario: Scenario
    public let notes: [EditNote]
    /// The partnerships whose seats, roles, votes or quota the scenario changed, by id: those
    /// of the area before, in its order, then any only in the area after.
    public let affectedBoards: [String]

    /// The report on the analysis `before` and the outcome of `scenario` on its area.
    ///
    /// - Complexity: one more analysis, of the area after, with `before`'s settings: its
    ///   values are computed when first read, as ``AreaAnalysis``'s are; each affected
    ///   board's voting game is solved once per side and reading.
    /// - Throws: ``AnalysisError`` when the area after cannot be analysed with the same
    ///   settings (a relation the analysis names was dropped).
    public init(before: AreaAnalysis, scenario: Scenario, outcome: ScenarioOutcome) throws(AnalysisError) {
        self.before = before
        self.scenario = scenario
        self.notes = outcome.notes
        self.after = try AreaAnalysis(area: outcome.area, path: before.path, settings: before.settings)
        let old = Self.boardSignatures(before.area)
        let new = Self.boardSignatures(outcome.area)
        let ids =
            before.area.partnerships.map(\.id)
            + outcome.area.partnerships.map(\.id).filter { id in !before.area.partnerships.contains { $0.id == id } }
        affectedBoards = ids.filter { old[$0] != new[$0] }
    }

    /// What decides a board's power: its seats in order (organisation, role, votes) and its quota.
    private struct BoardSignature: Hashable {
        var seats: [String]
        var quota: Int
    }

    private static func boardSignatures(_ area: Area) -> [String: BoardSignature] {
        var out: [String: BoardSignature] = [:]
        for partnership in area.partnerships {
            let seats = area.memberships.filter { $0.partnership == partnership.id }
            out[partnership.id] = BoardSignature(
                seats: seats.map { "\($0.organisation)|\($0.role.rawValue)|\($0.votes)" },
                quota: partnership.effectiveQuota(totalVotes: seats.map(\.votes).reduce(0, +)))
        }
        return out
    }

    // MARK: Values

    /// The headline values' names in order: `compare`'s columns, then the other headline
    /// values either analysis has, sorted.
    public var headlineNames: [String] { Self.headlineNames(before, after) }

    /// The headline values' names of two analyses in order: `compare`'s columns, then the
    /// other headline values either has, sorted; those neither has left out. What `whatif`
    /// and `change` show before and after.
    public static func headlineNames(_ before: AreaAnalysis, _ after: AreaAnalysis) -> [String] {
        let first = ComparisonRow.columns.map(\.name)
        let others = Set(before.headlineValues.keys).union(after.headlineValues.keys).subtracting(first).sorted()
        return (first + others).filter { before.headlineValues[$0] != nil || after.headlineValues[$0] != nil }
    }

    /// Every value before and after, in order: the headline values, then each affected
    /// board's.
    public var values: [(metric: String, before: Double?, after: Double?)] {
        var rows = headlineNames.map { ($0, before.headlineValues[$0], after.headlineValues[$0]) }
        for id in affectedBoards {
            let old = boardValues(id, in: before)
            let new = boardValues(id, in: after)
            var names = old.map(\.name)
            for entry in new where !names.contains(entry.name) { names.append(entry.name) }
            let oldByName = Dictionary(old.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let newByName = Dictionary(new.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            // A group that has left a board, or joined it, holds none of it on the other side.
            let oldExists = before.area.partnerships.contains { $0.id == id }
            let newExists = after.area.partnerships.contains { $0.id == id }
            for name in names {
                rows.append(
                    (
                        name, oldByName[name] ?? (oldExists ? Self.absent(name) : nil),
                        newByName[name] ?? (newExists ? Self.absent(name) : nil)
                    ))
            }
        }
        return rows
    }

    /// The value of a board measure for a group with no seat on the board.
    private static func absent(_ name: String) -> Double? {
        name.hasPrefix("votes[") || name.hasPrefix("quota[") ? nil : 0
    }

    /// A board's values in an analysis, by name, in the balance report's order (none when the
    /// analysis has no such partnership). Exact Banzhaf and Shapley–Shubik power (``BoardPower``).
    ///
    /// - Complexity: that of solving the board's weighted voting game once.
    public func boardValues(_ id: String, in analysis: AreaAnalysis) -> [(name: String, value: Double?)] {
        guard let partnership = analysis.area.partnerships.first(where: { $0.id == id }) else { return [] }
        let board = BoardPower(partnership: partnership, area: analysis.area)
        return board.valueRows { group(of: $0, in: analysis) }.map { ($0.name, $0.value) }
    }

    private func group(of id: String, in analysis: AreaAnalysis) -> String {
        guard let node = analysis.graph.handles[id] else { return Groups.noValue }
        return analysis.groups.names[analysis.groups.membership[node]]
    }

    // MARK: Renderings

    /// The values, or with `changedOnly` those whose value after differs from before.
    public func values(changedOnly: Bool) -> [(metric: String, before: Double?, after: Double?)] {
        changedOnly ? values.filter { $0.before != $0.after } : values
    }

    /// `metric,before,after,difference`: difference = after − before, empty when either is;
    /// with `changedOnly`, the rows whose value changed.
    public func table(changedOnly: Bool = false) -> ResultTable {
        ResultTable(
            columns: ["metric", "before", "after", "difference"],
            rows: values(changedOnly: changedOnly).map { metric, before, after in
                let isCount = ValueCatalogue.definition(of: metric)?.isCount ?? false
                let difference = before.flatMap { b in after.map { $0 - b } }
                return [
                    .text(metric), .number(before, isCount: isCount), .number(after, isCount: isCount),
                    .number(difference, isCount: isCount),
                ]
            })
    }

    /// One row per member of each affected board, before and after: its group, role, votes,
    /// and Banzhaf and Shapley–Shubik power (empty where it holds no seat, or where no
    /// coalition can carry a decision).
    public var memberTable: ResultTable {
        var rows: [[Cell]] = []
        for id in affectedBoards {
            let boards = [before, after].map { analysis in
                analysis.area.partnerships.first { $0.id == id }.map {
                    BoardPower(partnership: $0, area: analysis.area)
                }
            }
            var members = boards[0]?.members ?? []
            for member in boards[1]?.members ?? [] where !members.contains(member) { members.append(member) }
            for member in members {
                let group = group(of: member, in: after.graph.handles[member] != nil ? after : before)
                var row: [Cell] = [.text(id), .text(member), .text(group)]
                let seats = boards.map { board in
                    board.flatMap { b in b.members.firstIndex(of: member).map { (b, $0) } }
                }
                row += seats.map { $0.map { .text($0.0.memberRoles[$0.1].rawValue) } ?? .text("") }
                row += seats.map { .number($0.map { Double($0.0.votes[$0.1]) }, isCount: true) }
                row += seats.map { seat in .number(seat.flatMap { $0.0.banzhaf?[$0.1] }, isCount: false) }
                row += seats.map { seat in .number(seat.flatMap { $0.0.shapleyShubik?[$0.1] }, isCount: false) }
                rows.append(row)
            }
        }
        return ResultTable(
            columns: [
                "partnership", "id", before.settings.groups, "role_before", "role_after", "votes_before",
                "votes_after", "banzhaf_before", "banzhaf_after", "shapley_shubik_before", "shapley_shubik_after",
            ], rows: rows)
    }

    /// ``memberTable`` for people: one column per quantity, `before → after` where it changed.
    var compactMemberTable: ResultTable {
        let table = memberTable
        func text(_ cell: Cell) -> String {
            switch cell {
            case .text(let text): text.isEmpty ? "–" : text
            case .number(nil, _): "–"
            case .number(let value?, let isCount): isCount ? String(Int(value)) : String(format: "%.4f", value)
            }
        }
        return ResultTable(
            columns: Array(table.columns.prefix(3)) + ["role", "votes", "banzhaf", "shapley_shubik"],
            rows: table.rows.map { row in
                Array(row.prefix(3))
                    + stride(from: 3, to: 11, by: 2).map { column in
                        let (old, new) = (text(row[column]), text(row[column + 1]))
                        return .text(old == new ? old : "\(old) → \(new)")
                    }
            })
    }

    /// The edits, their notes, the values (with `changedOnly`, those that changed) and the
    /// affected boards' members, for people.
    public func text(title: String, changedOnly: Bool = false) -> String {
        var lines = ["What if: \(title)", "", "Edits, in order:"]
        for (index, edit) in scenario.edits.enumerated() {
            lines.append("  \(index + 1). \(edit.summary)")
            for note in notes where note.edit == index { lines.append("     - \(note.text)") }
        }
        lines += ["", table(changedOnly: changedOnly).rendered(as: .table)]
        if !affectedBoards.isEmpty {
            lines += [
                "Voting power on the boards the edits change (Banzhaf and Shapley–Shubik shares, "
                    + "each member's seats voting together; before → after where they differ):", "",
                compactMemberTable.rendered(as: .table),
            ]
        }
        return lines.joined(separator: "\n")
    }

    /// The edits, notes, values (with `changedOnly`, those that changed) and members as one
    /// JSON object.
    public func json(changedOnly: Bool = false) -> String {
        let json = ReportText.json
        let edits: [JSONValue] = scenario.edits.enumerated().map { index, edit in
            .object([
                "edit": .string(edit.summary),
                "notes": .array(notes.filter { $0.edit == index }.map { .string($0.text) }),
            ])
        }
        let metrics: [JSONValue] = values(changedOnly: changedOnly).map { metric, before, after in
            .object([
                "metric": .string(metric), "before": json(before), "after": json(after),
                "difference": json(before.flatMap { b in after.map { $0 - b } }),
            ])
        }
        let memberTable = memberTable
        let members: [JSONValue] = memberTable.rows.map { row in
            .object(
                Dictionary(
                    zip(memberTable.columns, row).map { column, cell in
                        switch cell {
                        case .text(let text): (column, text.isEmpty ? JSONValue.null : .string(text))
                        case .number(let value, _): (column, json(value))
                        }
                    }, uniquingKeysWith: { a, _ in a }))
        }
        return ReportText.encoded(
            .object([
                "area": .string(before.title), "edits": .array(edits), "metrics": .array(metrics),
                "boards": .array(affectedBoards.map { .string($0) }), "members": .array(members),
            ]))
    }
}
