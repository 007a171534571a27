import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// A QAP regression or correlation ready to print: a coefficient table (CSV), a JSON
/// object, or text for people.
public struct QAPReport: Sendable {
    /// Coefficient rows (or the one correlation row).
    public let table: ResultTable
    /// The fit's values by catalogue name, in order.
    public let fit: [(name: String, value: Double)]
    /// What was done, as JSON members before the rows: model, outcome, null, permutations…
    let header: [(name: String, value: Cell)]
    /// Lines under the table in the text form.
    let notes: [String]
    /// Whether the JSON is one flat object (a correlation) rather than rows and a fit.
    let flat: Bool

    /// The report in a format: the table as CSV, the whole as JSON, or text.
    public func rendered(as format: OutputFormat, title: String, neutralizingFormulas: Bool = true) -> String {
        switch format {
        case .csv:
            return table.rendered(as: .csv, neutralizingFormulas: neutralizingFormulas)
        case .json:
            var members = header.map { "  \(quoted($0.name)): \(ResultTable.jsonValue($0.value))" }
            if flat {
                for (column, cell) in zip(table.columns, table.rows.first ?? []) {
                    members.append("  \(quoted(column)): \(ResultTable.jsonValue(cell))")
                }
            } else {
                let rows = table.rows.map { row in
                    "    {" + zip(table.columns, row).map { "\(quoted($0)): \(ResultTable.jsonValue($1))" }
                        .joined(separator: ", ") + "}"
                }
                members.append("  \"coefficients\": [\n" + rows.joined(separator: ",\n") + "\n  ]")
                let fitMembers = fit.map { "\(quoted($0.name)): \(ResultTable.jsonValue(.number($0.value, isCount: false)))" }
                members.append("  \"fit\": {" + fitMembers.joined(separator: ", ") + "}")
            }
            return "{\n" + members.joined(separator: ",\n") + "\n}\n"
        case .table:
            var lines = [title, ""]
            lines.append(table.rendered(as: .table))
            if !fit.isEmpty {
                lines.append(fit.map { "\($0.name) \(String(format: "%.4f", $0.value))" }.joined(separator: "   "))
            }
            lines += notes
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

extension QAPReport {
    static func pCells(_ p: PermutationPValues?) -> [Cell] {
        [.number(p?.pLow, isCount: false), .number(p?.pHigh, isCount: false), .number(p?.pAbsolute, isCount: false)]
    }

    static func testNote(null: QAPNull, permutations: Int, seed: UInt64, pairs: Int, mode: DyadMode, unknown: Int)
        -> String
    {
        let pairsText =
            "\(pairs) \(mode == .directed ? "ordered" : "unordered") pairs, the diagonal left out"
            + (unknown > 0 ? " and \(unknown) unknown pair\(unknown == 1 ? "" : "s") (weight NA) left out, not counted as 0" : "")
        if null == .classical { return "p-values: classical t test (pairs taken as independent); \(pairsText)" }
        if permutations == 0 { return "no permutation test (--permutations 0); \(pairsText)" }
        return "p-values: \(permutations) relabellings under the \(null.rawValue) null, seed \(seed), each (k + 1)/(N + 1); \(pairsText)"
    }

    /// A linear QAP regression of `outcome`.
    public init(_ regression: LinearQAPRegression, outcome: String) {
        table = ResultTable(
            columns: ["term", "estimate", "std_error", "statistic", "p_le", "p_ge", "p_abs"],
            rows: regression.coefficients.map { c in
                [
                    .text(c.term), .number(c.estimate, isCount: false), .number(c.standardError, isCount: false),
                    .number(c.statistic, isCount: false),
                ] + Self.pCells(c.pValues)
            })
        fit = [("r_squared", regression.rSquared), ("adj_r_squared", regression.adjustedRSquared)]
        header = [
            ("model", .text("linear")), ("outcome", .text(outcome)), ("null", .text(regression.null.rawValue)),
            ("permutations", .number(Double(regression.permutations), isCount: true)),
            ("seed", .text(String(regression.seed))), ("mode", .text(regression.mode.rawValue)),
            ("pairs", .number(Double(regression.pairs), isCount: true)),
            ("unknown_pairs", .number(Double(regression.unknownPairs), isCount: true)),
        ]
        notes = [
            "statistic: t = estimate / std_error; "
                + Self.testNote(
                    null: regression.null, permutations: regression.permutations, seed: regression.seed,
                    pairs: regression.pairs, mode: regression.mode, unknown: regression.unknownPairs)
        ]
        flat = false
    }

    /// A logistic QAP regression of the presence of `outcome` ties.
    public init(_ regression: LogisticQAPRegression, outcome: String) {
        table = ResultTable(
            columns: ["term", "estimate", "exp_estimate", "std_error", "statistic", "p_le", "p_ge", "p_abs"],
            rows: regression.coefficients.map { c in
                [
                    .text(c.term), .number(c.estimate, isCount: false), .number(exp(c.estimate), isCount: false),
                    .number(c.standardError, isCount: false), .number(c.statistic, isCount: false),
                ] + Self.pCells(c.pValues)
            })
        fit = [
            ("deviance", regression.deviance), ("null_deviance", regression.nullDeviance), ("aic", regression.aic),
            ("bic", regression.bic),
        ]
        header = [
            ("model", .text("logistic")), ("outcome", .text(outcome)), ("null", .text(regression.null.rawValue)),
            ("permutations", .number(Double(regression.permutations), isCount: true)),
            ("seed", .text(String(regression.seed))), ("mode", .text(regression.mode.rawValue)),
            ("pairs", .number(Double(regression.pairs), isCount: true)),
            ("tied_pairs", .number(Double(regression.ties), isCount: true)),
            ("unknown_pairs", .number(Double(regression.unknownPairs), isCount: true)),
        ]
        notes = [
            "outcome: a tie of \(outcome) (weight > 0) on \(regression.ties) of \(regression.pairs) pairs; "
                + "exp_estimate is the odds ratio; statistic: z = estimate / std_error",
            "null_deviance is sna's: every probability ½ (2N ln 2), not the intercept-only model",
            Self.testNote(
                null: regression.null, permutations: regression.permutations, seed: regression.seed,
                pairs: regression.pairs, mode: regression.mode, unknown: regression.unknownPairs),
        ]
        flat = false
    }

    /// A QAP correlation of `a` with `b`.
    public init(_ correlation: QAPCorrelation, a: String, b: String) {
        table = ResultTable(
            columns: ["correlation", "p_le", "p_ge", "p_abs"],
            rows: [[.number(correlation.correlation, isCount: false)] + Self.pCells(correlation.pValues)])
        fit = []
        header = [
            ("a", .text(a)), ("b", .text(b)),
            ("permutations", .number(Double(correlation.permutations), isCount: true)),
            ("seed", .text(String(correlation.seed))), ("mode", .text(correlation.mode.rawValue)),
            ("pairs", .number(Double(correlation.pairs), isCount: true)),
            ("unknown_pairs", .number(Double(correlation.unknownPairs), isCount: true)),
        ]
        notes = [
            Self.testNote(
                null: .qapy, permutations: correlation.permutations, seed: correlation.seed, pairs: correlation.pairs,
                mode: correlation.mode, unknown: correlation.unknownPairs).replacingOccurrences(of: "under the qapy null", with: "of \(a)")
        ]
        flat = true
    }
}
