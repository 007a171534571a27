import Foundation

/// A partner survey: a roster of organisations, the respondents among them, and each
/// respondent's answers about each partner on each question (a roster survey, as the
/// PARTNER tool and most evaluations of local partnerships run them).
///
/// An answer's value is a number ≥ 0 (a Likert label already mapped through a
/// ``SurveyScale``); 0 means "no tie". A respondent who does not answer about a partner
/// reports no tie with it. A non-respondent reports nothing: whether its ties exist is
/// unknown, and ``area(nonResponse:symmetrise:)`` says explicitly what becomes of them.
public struct Survey: Sendable, Hashable {
    /// One answer: `respondent` about `partner` on `question`.
    public struct Answer: Sendable, Hashable {
        public var respondent: String
        public var partner: String
        public var question: String
        /// The value, ≥ 0 (0: no tie).
        public var value: Double
        /// The answer as given (a label such as `weekly`, or the number as written).
        public var given: String
        /// Other columns of the answer's row, kept on its tie.
        public var attributes: [String: String] = [:]

        public init(respondent: String, partner: String, question: String, value: Double, given: String) {
            self.respondent = respondent
            self.partner = partner
            self.question = question
            self.value = value
            self.given = given
        }
    }

    /// The roster, as `organisations.csv` holds it.
    public var roster: [Organisation]
    /// Ids of the organisations that answered, in roster order.
    public var respondents: [String]
    /// The questions, in the order they first appear.
    public var questions: [String]
    public var answers: [Answer]

    public init(roster: [Organisation], respondents: [String], questions: [String], answers: [Answer]) {
        self.roster = roster
        self.respondents = respondents
        self.questions = questions
        self.answers = answers
    }

    /// What becomes of the ties a non-respondent would have reported.
    public enum NonResponse: String, Sendable, CaseIterable, Hashable {
        /// Only respondents' reports: a non-respondent's ties to every other organisation are
        /// unknown (`NA` rows), not absent.
        case observed
        /// A non-respondent's tie to a respondent is the one the respondent reported with it,
        /// reversed, with the value it reported (Stork & Richards 1992; Huisman 2009): for
        /// questions symmetric in meaning ("work with"). Ties between two non-respondents
        /// stay unknown.
        case reconstruct
    }

    /// How two answers about one pair become one undirected tie.
    public enum Symmetrisation: String, Sendable, CaseIterable, Hashable {
        case max, min, mean

        /// The one value of a pair answered both ways (0 where a side reports no tie).
        public func combine(_ a: Double, _ b: Double) -> Double {
            switch self {
            case .max: Swift.max(a, b)
            case .min: Swift.min(a, b)
            case .mean: (a + b) / 2
            }
        }
    }

    /// The column `organisations.csv` gains: `yes` for a respondent, `no` otherwise.
    public static let respondedColumn = "responded"
    /// Whether `organisation` answered, from its ``respondedColumn`` cell: `yes`, `y`, `true`
    /// or `1` (any letter case) is yes, any other value no; `nil` when it has no such cell.
    /// ``area(nonResponse:symmetrise:name:)`` writes `yes` and `no`.
    public static func responded(_ organisation: Organisation) -> Bool? {
        organisation.attributes[respondedColumn].map { ["yes", "y", "true", "1"].contains($0.lowercased()) }
    }

    /// The column of `relationships.csv` that keeps each answer as given.
    public static let answerColumn = "answer"

    /// The area the survey describes: the roster with a `responded` column; one relation
    /// per question, a tie from respondent to partner weighted by a value above 0; and the
    /// ties the survey cannot tell, as unknown ties (`NA`):
    ///
    /// - `observed`: every tie from a non-respondent to another organisation is unknown.
    /// - `reconstruct`: a non-respondent s's tie to a respondent t is t's answer about s,
    ///   reversed (`answer` keeps it, and the column `reconstructed` says `yes`); s's tie
    ///   to another non-respondent is unknown.
    ///
    /// With `symmetrise`, each question becomes an undirected relation (`area.json`
    /// `directed: false`): a pair both of whose organisations answered gets
    /// `symmetrise.combine(a, b)` of their two values (0, no tie, where one reported none);
    /// a pair with one respondent its answer (with `reconstruct`) or unknown (with
    /// `observed`); a pair of non-respondents is unknown. The kept `answer` is
    /// `a|b`, source's then target's.
    ///
    /// Rows are ordered by question, then source, then target, in roster order.
    ///
    /// - Complexity: O(Q · n²) time and space for the unknown pairs of Q questions, n
    ///   organisations, plus O(A) for A answers.
    public func area(nonResponse: NonResponse, symmetrise: Symmetrisation? = nil, name: String? = nil) -> Area {
        let ids = roster.map(\.id)
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let responded = Set(respondents)
        var organisations = roster
        for position in organisations.indices {
            organisations[position].attributes[Self.respondedColumn] = responded.contains(ids[position]) ? "yes" : "no"
        }
        var relationships: [Relationship] = []
        var unknown: [UnknownTie] = []
        var metadata = AreaMetadata(name: name, directed: true)
        for question in questions {
            // value[s][t]: s's answer about t (respondents only).
            var value: [Int: [Int: (Double, String)]] = [:]
            var extra: [Int: [Int: [String: String]]] = [:]
            for answer in answers where answer.question == question {
                guard let s = index[answer.respondent], let t = index[answer.partner] else { continue }
                value[s, default: [:]][t] = (answer.value, answer.given)
                if !answer.attributes.isEmpty { extra[s, default: [:]][t] = answer.attributes }
            }
            func answered(_ s: Int) -> Bool { responded.contains(ids[s]) }
            func report(_ s: Int, _ t: Int) -> (Double, String)? { value[s]?[t] }
            func add(_ s: Int, _ t: Int, _ weight: Double, _ given: String, reconstructed: Bool) {
                guard weight > 0 else { return }
                var attributes = (extra[s]?[t] ?? extra[t]?[s] ?? [:]).merging([Self.answerColumn: given]) { _, new in new }
                if reconstructed { attributes["reconstructed"] = "yes" }
                relationships.append(
                    Relationship(
                        source: ids[s], target: ids[t], weight: weight, relation: question, attributes: attributes))
            }
            func missing(_ s: Int, _ t: Int) {
                unknown.append(UnknownTie(source: ids[s], target: ids[t], relation: question))
            }
            if let symmetrise {
                metadata.relations[question] = RelationOptions(directed: false)
                for s in ids.indices {
                    for t in (s + 1)..<max(s + 1, ids.count) {
                        switch (answered(s), answered(t)) {
                        case (true, true):
                            let (a, b) = (report(s, t), report(t, s))
                            let combined = symmetrise.combine(a?.0 ?? 0, b?.0 ?? 0)
                            add(s, t, combined, "\(a?.1 ?? "")|\(b?.1 ?? "")", reconstructed: false)
                        case (true, false), (false, true):
                            guard nonResponse == .reconstruct else {
                                missing(s, t)
                                continue
                            }
                            let (from, to) = answered(s) ? (s, t) : (t, s)
                            if let (number, given) = report(from, to) {
                                add(s, t, number, from == s ? "\(given)|" : "|\(given)", reconstructed: true)
                            }
                        case (false, false):
                            missing(s, t)
                        }
                    }
                }
                continue
            }
            for s in ids.indices {
                for t in ids.indices where t != s {
                    if answered(s) {
                        if let (number, given) = report(s, t) { add(s, t, number, given, reconstructed: false) }
                    } else if nonResponse == .reconstruct && answered(t) {
                        if let (number, given) = report(t, s) { add(s, t, number, given, reconstructed: true) }
                    } else {
                        missing(s, t)
                    }
                }
            }
        }
        var area = Area(
            metadata: metadata, organisations: organisations, relationships: Relationships(relationships), unknownTies: unknown)
        area.metadata.extra["survey"] = .object([
            "non_response": .string(nonResponse.rawValue),
            "symmetrise": symmetrise.map { .string($0.rawValue) } ?? .null,
            "respondents": .number(Double(respondents.count)),
            "organisations": .number(Double(roster.count)),
        ])
        return area
    }

    // MARK: Response and agreement

    /// Response and agreement figures, by name:
    /// - `organisations`, `respondents`;
    /// - `response_rate`: respondents ÷ organisations on the roster;
    /// - `response_rate[S]` for each sector S of the roster, in roster order;
    /// - `reported_ties[Q]`: answers with a value above 0 on question Q;
    /// - `confirmed_share[Q]`: over unordered pairs of respondents at least one of which
    ///   reports a tie on Q, the share in which both do (empty when there is no such pair);
    /// - `disagreement_rate[Q]`: over the same pairs, the share whose two values differ (a
    ///   side reporting no tie counts 0). At least 1 − `confirmed_share[Q]`.
    ///
    /// - Complexity: O(A + n) for A answers and n organisations.
    public var summary: [(name: String, value: Double?)] {
        let responded = Set(respondents)
        var out: [(String, Double?)] = [
            ("organisations", Double(roster.count)), ("respondents", Double(respondents.count)),
            ("response_rate", roster.isEmpty ? nil : Double(respondents.count) / Double(roster.count)),
        ]
        var sectors: [String] = []
        var members: [String: (all: Int, responded: Int)] = [:]
        for organisation in roster {
            if members[organisation.sector] == nil { sectors.append(organisation.sector) }
            members[organisation.sector, default: (0, 0)].all += 1
            if responded.contains(organisation.id) { members[organisation.sector, default: (0, 0)].responded += 1 }
        }
        for sector in sectors {
            let count = members[sector]!
            out.append(("response_rate[\(sector)]", Double(count.responded) / Double(count.all)))
        }
        for question in questions {
            var value: [Pair: Double] = [:]
            var reported = 0
            for answer in answers where answer.question == question {
                value[Pair(answer.respondent, answer.partner)] = answer.value
                if answer.value > 0 { reported += 1 }
            }
            var pairs = 0
            var confirmed = 0
            var differing = 0
            var seen = Set<Pair>()
            for (pair, forward) in value where forward > 0 && responded.contains(pair.target) {
                guard seen.insert(pair.unordered).inserted else { continue }
                let backward = value[Pair(pair.target, pair.source)] ?? 0
                pairs += 1
                if backward > 0 { confirmed += 1 }
                if backward != forward { differing += 1 }
            }
            out.append(("reported_ties[\(question)]", Double(reported)))
            out.append(("confirmed_share[\(question)]", pairs == 0 ? nil : Double(confirmed) / Double(pairs)))
            out.append(("disagreement_rate[\(question)]", pairs == 0 ? nil : Double(differing) / Double(pairs)))
        }
        return out
    }

    private struct Pair: Hashable {
        let source: String
        let target: String
        init(_ source: String, _ target: String) {
            self.source = source
            self.target = target
        }
        var unordered: Pair { source < target ? self : Pair(target, source) }
    }
}
