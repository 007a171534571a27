import Foundation
import PartnerNetCore

/// A table of values about areas, one row per area (`compare --areas-table`): the first
/// column names the area (its name or folder), the others are the user's variables
/// (population, deprivation…), read as text and checked where they are used.
public struct AreasTable: Sendable {
    /// The path shown in messages.
    public let file: String
    /// The header: the area column, then the variables.
    public let columns: [String]
    public let rows: [Row]

    public struct Row: Sendable {
        /// The first cell: the area's name or folder.
        public let area: String
        /// Every cell, the area's included, as written (trimmed).
        public let cells: [String]
        /// 1-based line where the row starts.
        public let line: Int
    }

    /// Reads the CSV file at `path` (RFC 4180 quoting, UTF-8, a byte-order mark allowed).
    ///
    /// - Throws: ``AreaIOError`` naming the file and line: the file cannot be read, is
    ///   empty, has one column only, a row's length differs from the header's, a column
    ///   name is repeated or an area is listed twice.
    public static func read(_ path: String) throws(AreaIOError) -> AreasTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .invalidInput([.error(at: SourceLocation(file: path), "cannot read the areas table")])
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var diagnostics: [Diagnostic] = []
        let table: CSVTable
        do {
            table = try CSVTable.parse(text, file: path, into: &diagnostics)
        } catch {
            throw .invalidInput(error.all)
        }
        if let first = diagnostics.first(where: { $0.severity == .error }) { throw .invalidInput([first]) }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.count >= 2 else {
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: path, line: table.headerLine),
                    "an areas table needs the area in its first column and at least one variable after it")
            ])
        }
        var seen: Set<String> = []
        for name in header where !seen.insert(name).inserted {
            throw .invalidInput([
                .error(at: SourceLocation(file: path, line: table.headerLine), "column \(quoted(name)) is repeated")
            ])
        }
        var firstLine: [String: Int] = [:]
        var rows: [Row] = []
        for row in table.rows {
            let cells = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if let earlier = firstLine[cells[0]] {
                throw .invalidInput([
                    .error(
                        at: SourceLocation(file: path, line: row.line),
                        "area \(quoted(cells[0])) is listed twice (first on line \(earlier))")
                ])
            }
            firstLine[cells[0]] = row.line
            rows.append(Row(area: cells[0], cells: cells, line: row.line))
        }
        return AreasTable(file: path, columns: header, rows: rows)
    }
}
