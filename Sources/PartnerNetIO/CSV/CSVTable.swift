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
    /// A large file is cut at record boundaries (found by the quoting check) into one piece
    /// per core, and the pieces are parsed at the same time; rows keep their file order.
    ///
    /// - Throws: the first quoting error, or an empty file; these end the reading.
    /// - Complexity: O(length of the text).
    static func parse(
        _ text: String, file: String, delimiter: Unicode.Scalar = ",", into diagnostics: inout [Diagnostic]
    ) throws(DiagnosticError)
        -> CSVTable
    {
        let pieces = text.utf8.count < 1 << 20 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let starts = try recordStarts(text, file: file, pieces: pieces, delimiter: UInt8(delimiter.value))
        let parsed = parallelMap(starts.count) { piece in
            let start = text.utf8.index(text.startIndex, offsetBy: starts[piece].offset)
            let end =
                piece + 1 < starts.count
                ? text.utf8.index(text.startIndex, offsetBy: starts[piece + 1].offset) : text.endIndex
            return records(in: String(text[start..<end]), firstLine: starts[piece].line, delimiter: delimiter)
        }
        var header: [String]?
        var headerLine = 1
        var rows: [Row] = []
        rows.reserveCapacity(parsed.reduce(0) { $0 + $1.count })
        for row in parsed.joined() {
            guard let columns = header else {
                header = row.fields
                headerLine = row.line
                continue
            }
            if row.fields.count != columns.count {
                diagnostics.append(
                    fieldCountError(
                        file: file, line: row.line, count: row.fields.count, header: (columns.count, headerLine)))
                continue
            }
            rows.append(row)
        }
        guard let header else {
            throw DiagnosticError(
                .error(at: SourceLocation(file: file, line: 1), "file is empty: expected a header row"))
        }
        return CSVTable(file: file, header: header, headerLine: headerLine, rows: rows)
    }

    /// The records of `text` through CSV.swift, blank lines skipped, each with its line.
    private static func records(in text: String, firstLine: Int, delimiter: Unicode.Scalar) -> [Row] {
        if let rows = unquotedRecords(in: text, firstLine: firstLine, delimiter: UInt8(delimiter.value)) { return rows }
        // CSVReader(string:) reads from an in-memory string and cannot fail.
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter) else { return [] }
        var rows: [Row] = []
        var line = firstLine
        while let fields = reader.next() {
            defer { line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) } }
            if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
            rows.append(Row(fields: fields, line: line))
        }
        return rows
    }

    /// The error for a row of `count` fields under a header of `header.count`.
    static func fieldCountError(file: String, line: Int, count: Int, header: (count: Int, line: Int)) -> Diagnostic {
        .error(
            at: SourceLocation(file: file, line: line),
            "row has \(count) field\(count == 1 ? "" : "s"), the header (line \(header.line)) has \(header.count)"
                + (count > header.count ? ": quote any field that contains a comma" : ""))
    }

    /// The records of a text without a single double quote, where RFC 4180 comes down to
    /// cutting lines at the delimiter: the same rows CSV.swift gives, several times faster.
    /// `nil` when the text has a quote (then CSV.swift reads it).
    private static func unquotedRecords(in text: String, firstLine: Int, delimiter: UInt8) -> [Row]? {
        var rows: [Row] = []
        let unquoted = forEachUnquotedRecord(in: text, firstLine: firstLine, delimiter: delimiter) { fields, line in
            rows.append(Row(fields: fields, line: line))
            return true
        }
        return unquoted ? rows : nil
    }

    /// Calls `body` with the fields and line of each record of a text without a double
    /// quote, in order, blank lines skipped, until it returns false; nothing is held but
    /// the current record, so a large file is read in little memory. False, without a call,
    /// when the text has a quote.
    ///
    /// - Complexity: O(length of the text).
    @discardableResult
    static func forEachUnquotedRecord(
        in text: String, firstLine: Int, delimiter: UInt8, _ body: ([String], Int) -> Bool
    ) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            if bytes.contains(UInt8(ascii: "\"")) { return false }
            forEachUnquotedRecord(in: bytes, firstLine: firstLine, delimiter: delimiter, body)
            return true
        }
    }

    /// The number of fields of the first record of unquoted `bytes`, and its line; `nil`
    /// when there is none.
    static func firstRecordLength(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> (count: Int, line: Int)? {
        var first: (count: Int, line: Int)?
        forEachUnquotedRecord(in: bytes, firstLine: 1, delimiter: delimiter) { fields, line in
            first = (fields.count, line)
            return false
        }
        return first
    }

    /// ``forEachUnquotedRecord(in:firstLine:delimiter:_:)`` over UTF-8 bytes known to hold
    /// no double quote, e.g. one block of a larger text cut at a line feed.
    static func forEachUnquotedRecord(
        in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, delimiter: UInt8, _ body: ([String], Int) -> Bool
    ) {
        do {
            let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
            var fields: [String] = []
            var line = firstLine
            var fieldStart = 0
            var index = 0
            let count = bytes.count
            func field(_ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), as: UTF8.self)
            }
            while index <= count {
                let byte: UInt8 = index < count ? bytes[index] : lf
                if byte == delimiter {
                    fields.append(field(index))
                    fieldStart = index + 1
                } else if byte == lf || byte == cr {
                    let atEnd = index == count
                    if !(atEnd && fieldStart == count && fields.isEmpty) {
                        fields.append(field(index))
                        if !(fields.count == 1 && fields[0].isEmpty) && !body(fields, line) { return }
                    }
                    fields.removeAll(keepingCapacity: true)
                    line += 1
                    if byte == cr && index + 1 < count && bytes[index + 1] == lf { index += 1 }
                    fieldStart = index + 1
                }
                index += 1
            }
        }
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

    /// Checks the quoting of `text` and returns where to cut it into about `pieces` parts:
    /// the UTF-8 offset and line of records that start after each share of the bytes.
    ///
    /// - Throws: a quoted field that never closes, or text after a field's closing quote.
    private static func recordStarts(
        _ text: String, file: String, pieces: Int, delimiter comma: UInt8
    ) throws(DiagnosticError)
        -> [(offset: Int, line: Int)]
    {
        // Scanning the bytes in place is several times faster than through String.UTF8View.
        var text = text
        let result = text.withUTF8 { bytes -> Result<[(offset: Int, line: Int)], DiagnosticError> in
            Result { () throws(DiagnosticError) in try recordStarts(bytes, file: file, pieces: pieces, delimiter: comma)
            }
        }
        return try result.get()
    }

    private static func recordStarts(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, pieces: Int, delimiter comma: UInt8
    ) throws(DiagnosticError)
        -> [(offset: Int, line: Int)]
    {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        // Without quotes or carriage returns every line break ends a record and nothing can be
        // malformed: count line feeds only.
        if !bytes.contains(quote) && !bytes.contains(cr) {
            let share = max(1, bytes.count / max(pieces, 1))
            var starts: [(offset: Int, line: Int)] = [(0, 1)]
            var line = 1
            var offset = 0
            while offset < bytes.count {
                if bytes[offset] == lf {
                    line += 1
                    if offset + 1 < bytes.count && offset + 1 >= starts.count * share && starts.count < pieces
                        && bytes[offset + 1] != lf
                    {
                        starts.append((offset + 1, line))
                    }
                }
                offset += 1
            }
            return starts
        }
        let share = max(1, bytes.count / max(pieces, 1))
        var starts: [(offset: Int, line: Int)] = [(0, 1)]
        var state = State.fieldStart
        var line = 1
        var column = 1
        var (openLine, openColumn) = (1, 1)
        var previousCR = false
        var offset = 0
        for byte in bytes {
            // A record starts here: at a field start just after a line break.
            if state == .fieldStart && (previousCR || (offset > 0 && column == 1)) && byte != lf
                && offset >= starts.count * share && starts.count < pieces
            {
                starts.append((offset, line))
            }
            switch state {
            case .fieldStart, .unquoted:
                if byte == quote && state == .fieldStart {
                    state = .quoted
                    (openLine, openColumn) = (line, column)
                } else if byte == comma || byte == lf || byte == cr {
                    state = .fieldStart
                } else {
                    state = .unquoted
                }
            case .quoted:
                if byte == quote { state = .afterQuote }
            case .afterQuote:
                if byte == quote {
                    state = .quoted  // a doubled quote inside the field
                } else if byte == comma || byte == lf || byte == cr {
                    state = .fieldStart
                } else {
                    throw DiagnosticError(
                        .error(
                            at: SourceLocation(file: file, line: line, column: column),
                            "text after the closing quote of a field; write a quote inside a quoted field as \"\""))
                }
            }
            if byte == lf {
                if !previousCR { line += 1 }
                column = 1
            } else if byte == cr {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count characters, not the continuation bytes of one
            }
            previousCR = byte == cr
            offset += 1
        }
        if state == .quoted {
            throw DiagnosticError(
                .error(
                    at: SourceLocation(file: file, line: openLine, column: openColumn),
                    "quoted field is never closed: a \" opens here and the file ends inside it"))
        }
        return starts
    }
}
