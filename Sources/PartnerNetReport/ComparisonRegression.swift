import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics

/// `y ~ x1 + x2`: the outcome and predictors of `compare --regress`, each a column of the
/// comparison or of the areas table.
public struct RegressionFormula: Sendable, Hashable {
    public let outcome: String
    public let predictors: [String]

    /// Parses `y ~ x1 + x2 + …`: one `~`, names around it separated by `+`, spaces ignored;
    /// an intercept is always fitted.
    ///
    /// - Throws: ``ComparisonRegressionError/formula(_:)`` saying what is wrong.
    public init(parsing text: String) throws(ComparisonRegressionError) {
        let sides = text.split(separator: "~", omittingEmptySubsequences: false)
        guard sides.count == 2 else {
            throw .formula("write the formula as \"y ~ x1 + x2\" with one '~', not \(quoted(text))")
        }
        let outcome = sides[0].trimmingCharacters(in: .whitespaces)
        let predictors = sides[1].split(separator: "+", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !outcome.isEmpty else { throw .formula("no outcome before '~' in \(quoted(text))") }
        guard !predictors.contains(where: \.isEmpty) else {
            throw .formula("an empty term after '~' in \(quoted(text)); name a column between each '+'")
        }
        var seen: Set<String> = [outcome]
        for name in predictors where !seen.insert(name).inserted {
            throw .formula("\(quoted(name)) appears twice in \(quoted(text))")
        }
        self.outcome = outcome
        self.predictors = predictors
    }
}

/// Why `compare --regress` cannot fit its model.
public enum ComparisonRegressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The formula is malformed.
    case formula(String)
    /// A problem at a place in the areas table (file:line[:column]).
    case table(Diagnostic)
    /// A name is neither a column of the comparison nor of the areas table.
    case unknownColumn(String, available: [String], closest: String?)
    /// The fit itself failed.
    case fit(RegressionError)
    /// Fewer usable areas than the model needs, or another whole-model problem.
    case other(String)

    public var description: String {
        switch self {
        case .formula(let message): return "--regress: \(message)"
        case .table(let diagnostic): return diagnostic.description
        case .unknownColumn(let name, let available, let closest):
            return "--regress: unknown column \(quoted(name))"
                + (closest.map { " (did you mean \(quoted($0))?)" } ?? "")
                + "; choose from " + available.joined(separator: ", ")
        case .fit(let error): return "--regress: \(error.description)"
        case .other(let message): return "--regress: \(message)"
        }
    }
}

/// An ordinary least-squares regression over the compared areas (``RobustLinearRegression``):
/// one observation per area, its variables from the comparison's columns and the areas
/// table's.
public struct ComparisonRegression: Sendable {
    public let formula: RegressionFormula
    public let regression: RobustLinearRegression
    /// Areas left out because a comparison column of the model is undefined for them, with
    /// the column.
    public let leftOut: [(area: String, column: String)]

    /// Fits `formula` over `comparison`'s areas.
    ///
    /// A name is looked up among the comparison's columns, then the table's (after its
    /// first column); a name in both is an error. An area's table row is the one whose
    /// first cell is the area's name, its folder's name or its path. Every table row must
    /// name a compared area (or one that could not be read) and every compared area must
    /// have a row; a table cell the model
    /// uses must be a number (empty, `NA` and text are errors naming the file, line and
    /// column). An area where a comparison column of the model is undefined (a focal share
    /// without a focal sector) is left out and listed in ``leftOut``.
    ///
    /// - Throws: ``ComparisonRegressionError``.
    public init(
        formula: RegressionFormula, comparison: Comparison, table: AreasTable?, permutations: Int, seed: UInt64
    ) throws(ComparisonRegressionError) {
        let compareColumns = comparison.columns.map(\.name)
        let tableColumns = Array(table?.columns.dropFirst() ?? [])
        for name in [formula.outcome] + formula.predictors {
            let inCompare = compareColumns.contains(name)
            let inTable = tableColumns.contains(name)
            if inCompare && inTable, let table {
                throw .other(
                    "\(quoted(name)) is both a column of compare and of \(table.file); rename the table's column")
            }
            if !inCompare && !inTable {
                let available = compareColumns + tableColumns
                throw .unknownColumn(name, available: available, closest: closestMatch(to: name, in: available))
            }
        }
        // Match table rows to areas.
        var tableRow: [Int: AreasTable.Row] = [:]
        if let table {
            var keys: [String: Int] = [:]
            for (index, row) in comparison.rows.enumerated() {
                for key in [row.name, (row.path as NSString).lastPathComponent, row.path] where keys[key] == nil {
                    keys[key] = index
                }
            }
            // Rows of areas that could not be read are passed over: the failure is reported.
            let failed = Set(comparison.failures.flatMap { [$0.path, ($0.path as NSString).lastPathComponent] })
            for row in table.rows where !failed.contains(row.area) {
                guard let index = keys[row.area] else {
                    let names = comparison.rows.map(\.name)
                    let closest = closestMatch(to: row.area, in: names)
                    throw .table(
                        .error(
                            at: SourceLocation(file: table.file, line: row.line, column: 1),
                            "unknown area \(quoted(row.area))"
                                + (closest.map { " (did you mean \(quoted($0))?)" } ?? "")
                                + "; the first column names a compared area by its name or folder"))
                }
                if let earlier = tableRow[index] {
                    throw .table(
                        .error(
                            at: SourceLocation(file: table.file, line: row.line, column: 1),
                            "area \(quoted(row.area)) is the same area as \(quoted(earlier.area)) on line \(earlier.line)"
                        ))
                }
                tableRow[index] = row
            }
            if let missing = comparison.rows.indices.first(where: { tableRow[$0] == nil }) {
                let row = comparison.rows[missing]
                throw .table(
                    .error(
                        at: SourceLocation(file: table.file),
                        "no row for the area \(quoted(row.name)) (\(row.path)); add one, or leave the area out of compare"
                    ))
            }
        }
        // Read the values.
        var values: [String: [Double]] = [:]
        var usable = [Bool](repeating: true, count: comparison.rows.count)
        var leftOut: [(String, String)] = []
        for name in [formula.outcome] + formula.predictors {
            if let column = tableColumns.firstIndex(of: name), let table {
                values[name] = try comparison.rows.indices.map {
                    (index: Int) throws(ComparisonRegressionError) -> Double in
                    let row = tableRow[index]!
                    let cell = row.cells[column + 1]
                    guard let value = Double(cell), value.isFinite else {
                        let what =
                            cell.isEmpty || cell.uppercased() == "NA"
                            ? "a missing value" : "\(quoted(cell)), not a number,"
                        throw .table(
                            .error(
                                at: SourceLocation(file: table.file, line: row.line, column: column + 2),
                                "\(what) in \(quoted(name)) for \(quoted(row.area)); the model needs a number for every area"
                            ))
                    }
                    return value
                }
            } else {
                values[name] = comparison.rows.enumerated().map { index, row in
                    if let value = row.values[name] { return value }
                    if usable[index] {
                        usable[index] = false
                        leftOut.append((row.name, name))
                    }
                    return .nan
                }
            }
        }
        let kept = usable.indices.filter { usable[$0] }
        let pick = { (name: String) in kept.map { values[name]![$0] } }
        do throws(RegressionError) {
            regression = try RobustLinearRegression(
                outcome: pick(formula.outcome), predictors: formula.predictors.map { ($0, pick($0)) },
                permutations: permutations, seed: seed)
        } catch {
            throw .fit(error)
        }
        self.formula = formula
        self.leftOut = leftOut
    }

    /// The coefficient table, as `qap`'s: `term`, `estimate`, `std_error` (HC3), `statistic`
    /// (t), `p_le`, `p_ge`, `p_abs` (Freedman–Lane); JSON adds the model and the fit
    /// (`observations` in the header; `r_squared`, `adj_r_squared`).
    public var report: QAPReport {
        let r = regression
        let table = ResultTable(
            columns: ["term", "estimate", "std_error", "statistic", "p_le", "p_ge", "p_abs"],
            rows: r.coefficients.map { c in
                [
                    .text(c.term), .number(c.estimate, isCount: false), .number(c.standardError, isCount: false),
                    .number(c.statistic, isCount: false),
                ] + QAPReport.pCells(c.pValues)
            })
        var fit: [(name: String, value: Double)] = []
        if let r2 = r.rSquared { fit.append(("r_squared", r2)) }
        if let adjusted = r.adjustedRSquared { fit.append(("adj_r_squared", adjusted)) }
        var notes = [
            "std_error: heteroskedasticity-robust (HC3); statistic: t = estimate / std_error",
            r.permutations > 0
                ? "p-values: Freedman–Lane, \(r.permutations) permutations of the reduced model's residuals, seed \(r.seed), each (k + 1)/(N + 1); the intercept is not tested"
                : "no permutation test (--regress-permutations 0)",
        ]
        if !leftOut.isEmpty {
            notes.append(
                "left out \(leftOut.count) area\(leftOut.count == 1 ? "" : "s") where a column is undefined: "
                    + leftOut.map { "\($0.area) (\($0.column))" }.joined(separator: ", "))
        }
        return QAPReport(
            table: table, fit: fit,
            header: [
                ("model", .text("ols")),
                ("formula", .text("\(formula.outcome) ~ \(formula.predictors.joined(separator: " + "))")),
                ("standard_errors", .text("HC3")), ("null", .text("freedman-lane")),
                ("permutations", .number(Double(r.permutations), isCount: true)), ("seed", .text(String(r.seed))),
                ("observations", .number(Double(r.observations), isCount: true)),
            ],
            notes: notes, flat: false)
    }
}
