import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// A report's "Survey" section, for an area imported from a partner survey (one whose
/// organisations have a `responded` column): who answered, by sector, with a warning where
/// too few did for the sector's results to be trusted; how the missing answers were
/// handled; and the trust and value scores.
public struct SurveySection: Sendable {
    /// A sector's response rate below this, or fewer than ``minimumRespondents`` of its
    /// organisations answering, draws a warning.
    ///
    /// PartnerNet's rule. Studies of missing network data (Kossinets 2006; Borgatti, Carley
    /// & Krackhardt 2006; Huisman 2009) find that the error of centrality and of measures
    /// that count ties grows steadily with the share of actors missing, and is largest for
    /// the actors whose reports are missing: their ties are seen only through their
    /// partners'. A sector with under 70% answering (over 30% missing) is under-observed
    /// enough for its share of ties and centrality to be understated.
    public static let lowResponse = 0.7
    public static let minimumRespondents = 3

    public let area: Area
    public let scores: SurveyScores

    /// The section of `area`, or `nil` when the area has no `responded` column.
    public init?(area: Area) {
        guard area.organisations.contains(where: { Survey.responded($0) != nil }) else { return nil }
        self.area = area
        scores = SurveyScores(area: area)
    }

    /// Whether `organisation` answered (``Survey/responded(_:)``; no cell is no).
    static func responded(_ organisation: Organisation) -> Bool { Survey.responded(organisation) == true }

    /// `sector,organisations,respondents,response_rate`, one row per sector in the order
    /// of the organisations, then `all`.
    public var responseTable: ResultTable {
        var order: [String] = []
        var counts: [String: (all: Int, answered: Int)] = [:]
        for organisation in area.organisations {
            if counts[organisation.sector] == nil { order.append(organisation.sector) }
            counts[organisation.sector, default: (0, 0)].all += 1
            if Self.responded(organisation) { counts[organisation.sector, default: (0, 0)].answered += 1 }
        }
        let answered = area.organisations.filter(Self.responded).count
        var named: [(String, Int, Int)] = order.map { ($0, counts[$0]!.all, counts[$0]!.answered) }
        named.append(("all", area.organisations.count, answered))
        let rows: [[Cell]] = named.map { name, all, answered in
            let rate: Double? = all == 0 ? nil : Double(answered) / Double(all)
            return [
                .text(name), .number(Double(all), isCount: true), .number(Double(answered), isCount: true),
                .number(rate, isCount: false),
            ]
        }
        return ResultTable(columns: ["sector", "organisations", "respondents", "response_rate"], rows: rows)
    }

    /// One warning per sector below the rule: "voluntary-community: 4 of 10 organisations
    /// answered (40%), below 70%: …".
    public var warnings: [String] {
        responseTable.rows.dropLast().compactMap { row in
            guard case .text(let sector) = row[0], case .number(let all?, _) = row[1],
                case .number(let answered?, _) = row[2]
            else { return nil }
            let rate = answered / all
            guard rate < Self.lowResponse || Int(answered) < Self.minimumRespondents else { return nil }
            return "\(sector): \(Int(answered)) of \(Int(all)) organisations answered (\(ReportText.percent(rate))), "
                + "below PartnerNet's threshold (\(ReportText.percent(Self.lowResponse)) of a sector, and at least "
                + "\(Self.minimumRespondents)): its ties are seen mostly through its partners' answers, so its share of "
                + "ties and its centrality are likely understated."
        }
    }

    /// How non-response was handled, from `area.json`'s `survey` key when import wrote it.
    public var handling: String {
        guard case .object(let survey)? = area.metadata.extra["survey"] else {
            return "the area records who answered; how missing answers were handled is not recorded"
        }
        var text: String
        switch survey["non_response"] {
        case .string("reconstruct")?:
            text = "a non-respondent's ties to respondents were reconstructed from the respondents' answers, reversed; "
                + "ties between two non-respondents are unknown"
        default:
            text = "only respondents' answers are used: a non-respondent's ties are unknown, not absent"
        }
        if case .string(let rule)? = survey["symmetrise"] {
            text += "; each question was made undirected, two answers combined by their \(rule)"
        }
        return text
    }
}
