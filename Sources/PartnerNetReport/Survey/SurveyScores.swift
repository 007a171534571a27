import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// Trust and value scores from rated survey questions: the mean rating each organisation
/// receives and gives on each item, and a composite, by organisation, by sector and for the
/// whole network.
///
/// PartnerNet's own definitions (the PARTNER tool's formulas are not published). For a
/// rated relation Q (a survey question whose answers are ratings, such as trust on a scale
/// of 1 to 4), each tie u → v of weight w is u's rating of v:
///
/// - `received_mean[Q](v)` = mean of w over the ties u → v of Q (the ratings v receives);
///   empty when v receives none. `received_count[Q](v)` is their number.
/// - `sent_mean[Q](v)` = mean of w over the ties v → u of Q (the ratings v gives).
/// - `received_mean[composite](v)` = mean of `received_mean[Q](v)` over the items Q on
///   which v received a rating: each item counts once, whatever its number of ratings.
/// - By sector S: the same over the ratings received (given) by S's organisations, pooled:
///   `received_mean[Q](S)` = mean of w over ties u → v of Q with v in S. For the network,
///   pooled over every tie.
///
/// An answer of 0 ("never", "no") is no tie, so no rating; an unknown tie (a
/// non-respondent's) is no rating either: the scores describe what respondents said.
/// Ratings are taken as given, on each question's own scale; compare items on one scale.
///
/// - Complexity: O(n + m) for n organisations and m ties of the rated relations.
public struct SurveyScores: Sendable {
    public let area: Area
    /// The rated questions, in the order given.
    public let questions: [String]

    /// The scores of `questions` (every relation but `co-membership` when `nil`).
    public init(area: Area, questions: [String]? = nil) {
        self.area = area
        self.questions = questions ?? area.relationNames.filter { $0 != Area.coMembership }
    }

    /// How scores are grouped: one row per organisation, per value of a column, or one for
    /// the network.
    public enum Level: Sendable, Hashable {
        case organisation
        case group(String)
        case network
    }

    /// The columns after the row's name: `received_mean[Q]`, `received_count[Q]`,
    /// `sent_mean[Q]` for each question, then `received_mean[composite]` when there are
    /// two or more.
    public var valueColumns: [String] {
        questions.flatMap { ["received_mean[\($0)]", "received_count[\($0)]", "sent_mean[\($0)]"] }
            + (questions.count > 1 ? ["received_mean[composite]"] : [])
    }

    /// The table at `level`: first column `id` (organisations, with `name` and `sector`),
    /// the group's name, or `network`.
    public func table(at level: Level = .organisation) -> ResultTable {
        let ids = area.organisations.map(\.id)
        let keyOf: [String: String]
        let keys: [String]
        let leading: [String]
        switch level {
        case .organisation:
            keyOf = Dictionary(ids.map { ($0, $0) }, uniquingKeysWith: { a, _ in a })
            keys = ids
            leading = ["id", "name", "sector"]
        case .group(let column):
            var map: [String: String] = [:]
            var order: [String] = []
            for organisation in area.organisations {
                let value = column == "sector" ? organisation.sector : organisation.attributes[column] ?? Groups.noValue
                map[organisation.id] = value
                if !order.contains(value) { order.append(value) }
            }
            keyOf = map
            keys = order
            leading = [column]
        case .network:
            keyOf = Dictionary(ids.map { ($0, "network") }, uniquingKeysWith: { a, _ in a })
            keys = ["network"]
            leading = ["level"]
        }
        // Sums and counts of ratings received and sent, by key and question.
        var received: [String: [String: (sum: Double, count: Int)]] = [:]
        var sent: [String: [String: (sum: Double, count: Int)]] = [:]
        let chosen = Set(questions)
        for tie in area.relationships where chosen.contains(tie.relation) && !tie.isSelfLoop {
            if let key = keyOf[tie.target] {
                received[key, default: [:]][tie.relation, default: (0, 0)].sum += tie.weight
                received[key, default: [:]][tie.relation, default: (0, 0)].count += 1
            }
            if let key = keyOf[tie.source] {
                sent[key, default: [:]][tie.relation, default: (0, 0)].sum += tie.weight
                sent[key, default: [:]][tie.relation, default: (0, 0)].count += 1
            }
        }
        let byID = Dictionary(area.organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [[Cell]] = keys.map { key in
            var row: [Cell]
            switch level {
            case .organisation: row = [.text(key), .text(byID[key]?.name ?? ""), .text(byID[key]?.sector ?? "")]
            case .group, .network: row = [.text(key)]
            }
            var means: [Double] = []
            for question in questions {
                let got = received[key]?[question]
                let gave = sent[key]?[question]
                let mean = got.map { $0.sum / Double($0.count) }
                if let mean { means.append(mean) }
                row += [
                    .number(mean, isCount: false), .number(Double(got?.count ?? 0), isCount: true),
                    .number(gave.map { $0.sum / Double($0.count) }, isCount: false),
                ]
            }
            if questions.count > 1 {
                row.append(.number(means.isEmpty ? nil : means.reduce(0, +) / Double(means.count), isCount: false))
            }
            return row
        }
        return ResultTable(columns: leading + valueColumns, rows: rows)
    }
}
