import PartnerNetCore

/// The columns a table of the area format knows, and how a file's header maps onto them.
struct TableSchema {
    /// Canonical (lower-case) names of the columns the format defines, in writing order.
    let known: [String]
    /// The known columns a file must have.
    let required: Set<String>

    static let organisations = TableSchema(known: ["id", "name", "sector", "subsector"], required: ["id", "sector"])
    static let relationships = TableSchema(
        known: ["source", "target", "weight", "relation"], required: ["source", "target"])
    static let partnerships = TableSchema(known: ["id", "name", "parent", "quota"], required: ["id"])
    /// A survey's long responses (`SurveyFile`).
    static let surveyLong = TableSchema(
        known: ["respondent", "partner", "question", "value"], required: ["respondent", "partner", "question", "value"])
    /// A survey scale file (`SurveyScale`).
    static let scale = TableSchema(known: ["question", "label", "value"], required: ["question", "label", "value"])
    static let memberships = TableSchema(
        known: ["partnership", "organisation", "role", "votes"], required: ["partnership", "organisation"])

    /// A header matched against the schema.
    struct Mapping {
        /// Field index of each known column present.
        let index: [String: Int]
        /// Extra columns in header order, with their field index.
        let extras: [(name: String, index: Int)]

        /// The 1-based column of each known field, for locations.
        var columns: [String: Int] { index.mapValues { $0 + 1 } }

        /// The cell of a known column, or "" when the column is absent.
        func value(_ column: String, in row: CSVTable.Row) -> String {
            index[column].map { row.fields[$0] } ?? ""
        }

        /// The non-empty extra cells of a row, by column name.
        func attributes(of row: CSVTable.Row) -> [String: String] {
            var attributes: [String: String] = [:]
            for extra in extras where !row.fields[extra.index].isEmpty {
                attributes[extra.name] = row.fields[extra.index]
            }
            return attributes
        }
    }

    /// Matches `table`'s header, case-insensitively and ignoring surrounding spaces, and
    /// reports missing required columns, repeated columns and unnamed columns that hold data.
    ///
    /// - Returns: `nil` when a required column is missing (the table cannot be used).
    func mapping(of table: CSVTable, into diagnostics: inout [Diagnostic]) -> Mapping? {
        var index: [String: Int] = [:]
        var extras: [(name: String, index: Int)] = []
        var seen: [String: Int] = [:]
        let headerLine = table.headerLine
        for (position, cell) in table.header.enumerated() {
            let name = cell.trimmingWhitespace()
            let key = name.lowercased()
            let location = SourceLocation(file: table.file, line: headerLine, column: position + 1)
            if name.isEmpty {
                if table.rows.contains(where: { !$0.fields[position].isEmpty }) {
                    diagnostics.append(
                        .error(at: location, "column \(position + 1) has data but no name in the header"))
                }
                continue
            }
            if let first = seen[key] {
                diagnostics.append(
                    .error(
                        at: location, "column \"\(name)\" appears twice in the header (first as column \(first + 1))"))
                continue
            }
            seen[key] = position
            if known.contains(key) {
                index[key] = position
            } else {
                extras.append((cell, position))
            }
        }
        let missing = known.filter { required.contains($0) && index[$0] == nil }
        for column in missing {
            diagnostics.append(
                .error(
                    at: SourceLocation(file: table.file, line: headerLine),
                    "missing required column \"\(column)\" (the header has: \(table.header.joined(separator: ", ")))"))
        }
        return missing.isEmpty ? Mapping(index: index, extras: extras) : nil
    }
}
