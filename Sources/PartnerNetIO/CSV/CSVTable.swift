import CSV
import Foundation
import PartnerNetCore

/// A CSV file read into a header and rows, each row knowing the line it starts on.
///
/// Fields are split by CSV.swift (RFC 4180: quoted fields may hold commas, doubled quotes
/// and line breaks; CRLF or LF). Two checks are added because that reader passes the
/// problems over silently: a quoted field left open to the end of the file, and text
/// after a closing quote (`"ab"c`), both of which would lose data.
struct CSVTable {
    /// The path shown in messages.
    let file: String
    /// Header cells as written.
    let header: [String]
    /// 1-based line of the header.
    let headerLine: Int
    /// Data rows; blank lines are skipped.
    let rows: [Row]

    struct Row {
        let fields: [String]
        /// 1-based line where the row starts.
        let line: Int
    }

    /// Reads `text` as CSV, reporting malformed quoting and rows whose length differs from
    /// the header's.
    ///
    /// - Throws: the first quoting error, or an empty file; these end the reading.
    static func parse(_ text: String, file: String, into diagnostics: inout [Diagnostic]) throws(DiagnosticError)
        -> CSVTable
    {
        try checkQuoting(text, file: file)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw DiagnosticError(.error(at: SourceLocation(file: file), "cannot read as CSV: \(error)"))
        }
        var header: [String]?
        var headerLine = 1
        var rows: [Row] = []
        var line = 1
        while let fields = reader.next() {
            defer { line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) } }
            if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
            guard let columns = header else {
                header = fields
                headerLine = line
                continue
            }
            if fields.count != columns.count {
                diagnostics.append(
                    .error(
                        at: SourceLocation(file: file, line: line),
                        "row has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header (line \(headerLine)) has \(columns.count)"
                            + (fields.count > columns.count ? ": quote any field that contains a comma" : "")))
                continue
            }
            rows.append(Row(fields: fields, line: line))
        }
        guard let header else {
            throw DiagnosticError(.error(at: SourceLocation(file: file, line: 1), "file is empty: expected a header row"))
        }
        return CSVTable(file: file, header: header, headerLine: headerLine, rows: rows)
    }

    /// Line breaks inside a field: CRLF, CR or LF each count once.
    private static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for unit in field.utf8 {
            if unit == UInt8(ascii: "\n") {
                if !previousCR { count += 1 }
                previousCR = false
            } else if unit == UInt8(ascii: "\r") {
                count += 1
                previousCR = true
            } else {
                previousCR = false
            }
        }
        return count
    }

    /// Finds a quoted field that never closes, or text after a field's closing quote.
    private static func checkQuoting(_ text: String, file: String) throws(DiagnosticError) {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var line = 1
        var column = 1
        var openLine = 1
        var openColumn = 1
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch state {
            case .fieldStart, .unquoted:
                if scalar == "\"" && state == .fieldStart {
                    state = .quoted
                    (openLine, openColumn) = (line, column)
                } else if scalar == "," || scalar == "\n" || scalar == "\r" {
                    state = .fieldStart
                } else {
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" { state = .afterQuote }
            case .afterQuote:
                if scalar == "\"" {
                    state = .quoted  // a doubled quote inside the field
                } else if scalar == "," || scalar == "\n" || scalar == "\r" {
                    state = .fieldStart
                } else {
                    throw DiagnosticError(
                        .error(
                            at: SourceLocation(file: file, line: line, column: column),
                            "text after the closing quote of a field; write a quote inside a quoted field as \"\""))
                }
            }
            if scalar == "\n" {
                if !previousCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousCR = scalar == "\r"
        }
        if state == .quoted {
            throw DiagnosticError(
                .error(
                    at: SourceLocation(file: file, line: openLine, column: openColumn),
                    "quoted field is never closed: a \" opens here and the file ends inside it"))
        }
    }
}
