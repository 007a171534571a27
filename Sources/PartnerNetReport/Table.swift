import Foundation
import PartnerNetCore
import PartnerNetIO

/// How a table is written: aligned text for people, CSV and JSON for programs.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table
    case csv
    case json
}

/// A cell of a result table.
public enum Cell: Sendable, Hashable {
    case text(String)
    /// A number; `nil` where the measure is undefined (empty in CSV, `null` in JSON).
    /// `isCount` values print without decimals.
    case number(Double?, isCount: Bool)
}

/// A result table: named columns, rows of cells, rendered in any ``OutputFormat``.
public struct ResultTable: Sendable {
    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "row length differs from the columns")
        self.columns = columns
        self.rows = rows
    }

    /// The table as text ending in a line break.
    ///
    /// - `table`: columns aligned, numbers right-aligned with 4 decimals (whole numbers
    ///   for counts), `–` for undefined values.
    /// - `csv`: RFC 4180, numbers in full (the shortest text that reads back exactly).
    ///   These tables are meant for spreadsheets, so with `neutralizingFormulas` (the
    ///   default) a text cell or column name a spreadsheet would run as a formula gets a
    ///   leading `'` (see ``formulaNeutralized(_:)``); number cells are never changed.
    /// - `json`: an array of objects whose keys keep the column order; undefined is `null`.
    public func rendered(as format: OutputFormat, neutralizingFormulas: Bool = true) -> String {
        switch format {
        case .table: aligned()
        case .csv:
            if neutralizingFormulas {
                CSVText.encode(
                    header: columns.map(Self.formulaNeutralized),
                    rows: rows.map { row in
                        row.map { cell in
                            if case .text(let text) = cell { return Self.formulaNeutralized(text) }
                            return Self.exact(cell)
                        }
                    })
            } else {
                CSVText.encode(header: columns, rows: rows.map { $0.map(Self.exact) })
            }
        case .json: json()
        }
    }

    /// `text` made safe to open in a spreadsheet (OWASP, "CSV Injection"): text starting
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that
    /// `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` shows as text instead of running. Text that
    /// is a plain decimal number (`-0.5`, `+3`, `-1e-4`) is left alone: a spreadsheet
    /// reads it as the number, and nothing runs.
    public static func formulaNeutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        if text.wholeMatch(of: /[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/) != nil { return text }
        return "'" + text
    }

    /// Full-precision text of a cell.
    static func exact(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(nil, _): ""
        case .number(let value?, _): value.isFinite ? formatNumber(value) : "\(value)"
        }
    }

    /// Text of a cell for people: 4 decimals for measures, whole numbers for counts.
    static func readable(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(nil, _): "–"
        case .number(let value?, let isCount):
            isCount || !value.isFinite ? formatNumber(value) : String(format: "%.4f", value)
        }
    }

    private func aligned() -> String {
        // A column whose values are all whole numbers prints them without decimals.
        let whole = columns.indices.map { column in
            rows.allSatisfy { row in
                if case .number(let value?, _) = row[column] { return value == value.rounded() }
                return true
            }
        }
        let body = rows.map { row in
            row.enumerated().map { column, cell in
                if whole[column], case .number(let value, _) = cell {
                    return Self.readable(.number(value, isCount: true))
                }
                return Self.readable(cell)
            }
        }
        let widths = columns.indices.map { column in
            ([columns[column]] + body.map { $0[column] }).map(\.count).max() ?? 0
        }
        // Numbers, and text columns that hold only numbers (a `staff` attribute), align right.
        let numeric = columns.indices.map { column in
            !rows.isEmpty
                && rows.allSatisfy { row in
                    if case .text(let text) = row[column] { return text.isEmpty || Double(text) != nil }
                    return true
                }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return numeric[column] ? padding + text : text + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(columns), rule] + body.map(line)).joined(separator: "\n") + "\n"
    }

    /// The table in Markdown (GitHub's pipe tables): numbers as in ``rendered(as:)``'s
    /// `table` form and right-aligned, `|` and line breaks in text escaped.
    public func markdown() -> String {
        let escaped = Self.markdownEscaped
        let numeric = columns.indices.map { column in
            !rows.isEmpty && rows.allSatisfy { if case .number = $0[column] { return true } else { return false } }
        }
        var lines = ["| " + columns.map(escaped).joined(separator: " | ") + " |"]
        lines.append("|" + numeric.map { $0 ? "---:|" : "---|" }.joined())
        for row in rows { lines.append("| " + row.map { escaped(Self.readable($0)) }.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text with Markdown's active characters (`\\ ` * _ [ ] < > | #`) escaped by a backslash
    /// and line breaks as spaces, so that a name shows as written and never as markup.
    public static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character == "\n" || character == "\r\n" || character == "\r" ? " " : character)
        }
        return out
    }

    private func json() -> String {
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { "\(quoted($0)): \(Self.jsonValue($1))" }.joined(separator: ", ")
                + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A cell as a JSON value: a string, a number, or null (undefined or non-finite).
    public static func jsonValue(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): quoted(text)
        case .number(let value?, _) where value.isFinite: formatNumber(value)
        case .number: "null"
        }
    }
}
