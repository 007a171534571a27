import Foundation
import PartnerNetCore

/// A report's "Scenario" section (`partnernet report AREA --scenario FILE`): the what-if of
/// a scenario file on the report's own analysis, so that the headline values before are
/// the report's and the values after are computed with the same settings and seed.
public struct ReportScenario: Sendable {
    /// The scenario file as the user named it.
    public let file: String
    public let whatIf: WhatIfReport

    public init(file: String, whatIf: WhatIfReport) {
        self.file = file
        self.whatIf = whatIf
    }

    /// `scenario` (`metric,before,after,difference`, every headline value and the changed
    /// boards' values) and, when the scenario changes a board, `scenario_members` (each
    /// member's role, votes and power before and after), as `whatif` writes them.
    public var tables: [(name: String, table: ResultTable)] {
        var out = [(name: "scenario", table: whatIf.table())]
        if !whatIf.affectedBoards.isEmpty { out.append((name: "scenario_members", table: whatIf.memberTable)) }
        return out
    }

    /// The edits in order, each with what else it changed (``EditNote``), for people.
    public var edits: [(edit: String, notes: [String])] {
        whatIf.scenario.edits.enumerated().map { index, edit in
            (edit.summary, whatIf.notes.filter { $0.edit == index }.map(\.text))
        }
    }

    /// Sentences for people, in order:
    /// - one per headline value the scenario changes, p-values left to the table:
    ///   "chair_share would go from 33% to 20%." (with four decimals where the rounded
    ///   values would read the same);
    /// - one per board the scenario changes: the focal sector's share of the votes, of
    ///   Banzhaf power and of Shapley–Shubik power before and after, or that the board
    ///   would no longer exist, or would be new.
    ///
    /// Shares are written as percentages, counts whole, other values with three decimals.
    /// Empty when nothing changes.
    public var readings: [String] {
        let headline = Set(whatIf.headlineNames)
        var out = whatIf.values(changedOnly: true).filter { metric, _, _ in
            headline.contains(metric) && !ComparisonRow.isProbability(metric)
        }.map { metric, before, after in
            let definition = ValueCatalogue.definition(of: metric)
            var texts = (Self.text(before, definition), Self.text(after, definition))
            if texts.0 == texts.1 { texts = (Self.text(before, nil, places: 4), Self.text(after, nil, places: 4)) }
            return "\(metric) would go from \(texts.0) to \(texts.1)."
        }
        let focal = whatIf.before.focalSector
        for id in whatIf.affectedBoards {
            let old = Dictionary(whatIf.boardValues(id, in: whatIf.before).map { ($0.name, $0.value) }) { a, _ in a }
            let new = Dictionary(whatIf.boardValues(id, in: whatIf.after).map { ($0.name, $0.value) }) { a, _ in a }
            let name =
                (whatIf.before.area.partnerships + whatIf.after.area.partnerships).first { $0.id == id }?.name ?? id
            if new.isEmpty {
                out.append("\(name) would no longer exist.")
                continue
            }
            let labels: [(String, BoardValue)] = [
                ("the votes", .voteShare), ("Banzhaf power", .banzhaf), ("Shapley–Shubik power", .shapleyShubik),
            ]
            func share(_ values: [String: Double?], _ measure: BoardValue) -> String {
                ReportText.percent(values[measure.name(board: id, group: focal)].flatMap { $0 } ?? 0)
            }
            if old.isEmpty {
                let held = labels.map { "\(share(new, $0.1)) of \($0.0)" }
                out.append("\(name) would be a new board, on which \(focal) would hold \(ReportText.list(held)).")
                continue
            }
            let (seats, votes) = (BoardValue.seats.name(board: id, group: focal), BoardValue.votes.name(board: id))
            let moves = labels.enumerated().map { index, label in
                (index == 0 ? "" : "of \(label.0) ") + "from \(share(old, label.1)) to \(share(new, label.1))"
            }
            out.append(
                "On \(name), \(focal)'s share of the votes would go \(ReportText.list(moves)) "
                    + "(its seats \(Self.count(old[seats])) → \(Self.count(new[seats])); "
                    + "votes on the board \(Self.count(old[votes])) → \(Self.count(new[votes])))."
            )
        }
        return out
    }

    /// A count whole, a share as a percentage, another value with `places` decimals.
    private static func text(_ value: Double?, _ definition: ValueDefinition?, places: Int = 3) -> String {
        guard let value, value.isFinite else { return "undefined" }
        if definition?.isCount == true { return ReportText.short(value, 0) }
        if definition?.unit.hasPrefix("share") == true { return ReportText.percent(value) }
        return ReportText.decimal(value, places)
    }

    private static func count(_ value: Double??) -> String {
        (value ?? nil).map { ReportText.short($0, 0) } ?? "0"
    }

    /// The command that prints the same values: `partnernet whatif PATH --scenario FILE`
    /// with the report's relations, focal sector, seed, shuffles and random sets.
    public func command(path: String, settings: AnalysisSettings) -> String {
        var parts = ["partnernet", "whatif", Self.word(path), "--scenario", Self.word(file)]
        if !settings.relations.isEmpty {
            parts += ["--relation", Self.word(settings.relations.joined(separator: ","))]
        }
        if let focal = settings.focalSector { parts += ["--focal-sector", Self.word(focal)] }
        parts += ["--seed", String(settings.seed), "--permutations", String(settings.permutations)]
        parts += ["--random-sets", String(settings.randomSets)]
        return parts.joined(separator: " ")
    }

    /// `text` as one shell word: as it is when it holds only letters, digits and `_ . / - , :`,
    /// else in single quotes (a quote inside written `'\''`).
    static func word(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "_./-,:".unicodeScalars.contains($0)
            }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
