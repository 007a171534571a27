import Foundation
import PartnerNetCore

/// One result of an area's analysis stated as a claim, with the numbers behind it: what
/// it is about, what was measured, what chance would give, how sure it is, and where in
/// the report's tables each number stands.
///
/// The page, the Markdown and `findings.json` render the same values; the summary is
/// chosen by rules on them (``FindingRules``), never by the wording of the sentence.
public struct Finding: Sendable, Hashable, Identifiable {
    /// The question the finding answers.
    public enum Topic: String, Sendable, CaseIterable, Hashable {
        case centrality
        case silos
        case dominance
        case balance
        case voting
        case chairs
        case brokerage
        case architecture
        case cohesion
        /// What predicts a tie of one relation: the other relations, shared partnerships,
        /// the same group (``TiePredictors``).
        case predictors
    }

    /// What the finding claims against its null model, after Holm's adjustment.
    public enum Claim: String, Sendable, Hashable {
        /// More than chance gives (the upper tail is small).
        case more
        /// Less than chance gives (the lower tail is small).
        case less
        /// Tested, and within what chance gives.
        case none
        /// A description, with no test behind it.
        case descriptive
    }

    /// A number the finding states, and where it stands: a table of the report, the row's
    /// key (its first cell) and the column.
    public struct Evidence: Sendable, Hashable {
        public let table: String
        public let row: String
        public let column: String
        public let value: Double

        public init(table: String, row: String, column: String = "value", value: Double) {
            self.table = table
            self.row = row
            self.column = column
            self.value = value
        }
    }

    /// A stable key: the same finding of another area or wave has the same id.
    public let id: String
    public let topic: Topic
    /// Who or what it is about: a sector, an organisation, a partnership, or "network".
    public let subject: String
    /// The catalogue name of the value tested or described (`focal_share[betweenness]`).
    public let statistic: String
    public let value: Double
    /// What the value is compared with, in words ("random sets of 4 organisations").
    public let nullModel: String?
    /// What the null model gives on average.
    public let expected: Double?
    /// The direction the observed value departs from the null model's (`.more`, `.less`);
    /// `.descriptive` without a test.
    public let direction: Claim
    /// The two-sided p-value, before adjustment.
    public let pValue: Double?
    /// The p-value after Holm's adjustment over every test in the report.
    public internal(set) var adjustedPValue: Double?
    /// The effect: its name (`representation_ratio`, `observed − expected`) and size.
    public let effectName: String?
    public let effectSize: Double?
    /// The number of organisations the value rests on.
    public let n: Int
    /// What a reader should keep in mind.
    public internal(set) var caveats: [String]
    /// The numbers the sentence states, with where each stands.
    public let evidence: [Evidence]
    /// What was observed, in words, without a verdict: "local-authority holds 46% of
    /// betweenness with 13% of the organisations".
    public let statement: String
    /// Whether the summary keeps it.
    public internal(set) var inSummary = false
    /// How the verdict words a departure each way: "more" and "less" by default; "more
    /// outward" and "more inward" for an E-I index.
    public let directionWords: [String]

    public init(
        id: String, topic: Topic, subject: String, statistic: String, value: Double, statement: String,
        evidence: [Evidence], n: Int, test: (direction: Claim, p: Double, nullModel: String, expected: Double?)? = nil,
        effect: (name: String, size: Double)? = nil, directionWords: (more: String, less: String) = ("more", "less")
    ) {
        self.directionWords = [directionWords.more, directionWords.less]
        self.id = id
        self.topic = topic
        self.subject = subject
        self.statistic = statistic
        self.value = value
        self.statement = statement
        self.evidence = evidence
        self.n = n
        self.direction = test?.direction ?? .descriptive
        self.pValue = test?.p
        self.nullModel = test?.nullModel
        self.expected = test?.expected
        self.effectName = effect?.name
        self.effectSize = effect?.size
        self.caveats = []
    }

    /// The claim: more or less than the null model gives when the test holds after Holm's
    /// adjustment, none when it does not, descriptive without a test.
    public var claim: Claim {
        guard pValue != nil else { return .descriptive }
        guard let adjustedPValue, adjustedPValue <= AreaAnalysis.alpha else { return .none }
        return direction
    }

    /// The finding in a plain sentence, its verdict from the adjusted test.
    public var sentence: String {
        guard let pValue, let nullModel else { return statement + "." }
        let raw = "two-sided p = \(ReportText.p(pValue))"
        let adjusted =
            adjustedPValue.map { "; \(ReportText.p($0)) after Holm's adjustment for the report's tests" } ?? ""
        switch claim {
        case .more, .less:
            // "than what N shuffles give": "more than N shuffles" would read as a count.
            return statement
                + "; \(directionWords[claim == .more ? 0 : 1]) than what \(nullModel) give (\(raw)\(adjusted))."
        default:
            return statement + "; within what \(nullModel) give (\(raw)\(adjusted))."
        }
    }

    /// Whether a test backs the finding and it holds after adjustment.
    public var isSignificant: Bool {
        guard let adjustedPValue, claim == .more || claim == .less else { return false }
        return adjustedPValue <= AreaAnalysis.alpha
    }

    /// The table the finding comes from (its first evidence's).
    public var table: String { evidence.first?.table ?? "" }
    /// The row of that table.
    public var row: String { evidence.first?.row ?? "" }

    /// The sentence with its caveats.
    public var qualifiedSentence: String { ([sentence] + caveats).joined(separator: " ") }
}

/// Holm's step-down adjustment of p-values for multiple tests.
public enum Holm {
    /// The adjusted p-values, in the order given: with the m p-values sorted ascending,
    /// `p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) p₍ⱼ₎)`. It controls the family-wise error
    /// rate at α under any dependence between the tests.
    ///
    /// - Complexity: O(m log m).
    ///
    /// ## References
    /// Holm, S. (1979) A simple sequentially rejective multiple test procedure. Scand. J.
    /// Statistics 6:65–70.
    public static func adjusted(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var out = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            out[index] = running
        }
        return out
    }
}

extension [Finding] {
    /// The findings as a table: one row per finding, for `findings.csv` and `findings.json`.
    public var table: ResultTable {
        ResultTable(
            columns: [
                "id", "topic", "subject", "claim", "statistic", "value", "expected", "null_model", "p_value",
                "p_adjusted", "effect", "effect_size", "n", "in_summary", "table", "row", "caveats", "sentence",
            ],
            rows: map { finding in
                [
                    .text(finding.id), .text(finding.topic.rawValue), .text(finding.subject),
                    .text(finding.claim.rawValue), .text(finding.statistic), .number(finding.value, isCount: false),
                    .number(finding.expected, isCount: false), .text(finding.nullModel ?? ""),
                    .number(finding.pValue, isCount: false), .number(finding.adjustedPValue, isCount: false),
                    .text(finding.effectName ?? ""), .number(finding.effectSize, isCount: false),
                    .number(Double(finding.n), isCount: true), .text(finding.inSummary ? "yes" : "no"),
                    .text(finding.table), .text(finding.row), .text(finding.caveats.joined(separator: " ")),
                    .text(finding.sentence),
                ]
            })
    }

    /// The findings as JSON: each finding's fields and its evidence.
    public var json: String {
        let number = ReportText.json
        let array: [JSONValue] = map { finding in
            .object([
                "id": .string(finding.id), "topic": .string(finding.topic.rawValue),
                "subject": .string(finding.subject), "claim": .string(finding.claim.rawValue),
                "statistic": .string(finding.statistic), "value": number(finding.value),
                "expected": number(finding.expected), "null_model": finding.nullModel.map(JSONValue.string) ?? .null,
                "p_value": number(finding.pValue), "p_adjusted": number(finding.adjustedPValue),
                "effect": finding.effectName.map(JSONValue.string) ?? .null, "effect_size": number(finding.effectSize),
                "n": .number(Double(finding.n)), "in_summary": .bool(finding.inSummary),
                "caveats": .array(finding.caveats.map(JSONValue.string)), "sentence": .string(finding.sentence),
                "evidence": .array(
                    finding.evidence.map {
                        .object([
                            "table": .string($0.table), "row": .string($0.row), "column": .string($0.column),
                            "value": number($0.value),
                        ])
                    }),
            ])
        }
        return ReportText.encoded(.array(array))
    }
}
