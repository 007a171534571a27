import Foundation
import PartnerNetCore

/// UCINET's DL ("data language") files (Borgatti, Everett & Freeman, *UCINET for Windows*,
/// help topic "DL"; Analytic Technologies 2002).
///
/// Read: the keywords `DL`, `N=`, `NR=`, `NC=`, `NM=`, `FORMAT=` (`FULLMATRIX`,
/// `UPPERHALF`, `LOWERHALF`, `EDGELIST1`, `EDGELIST2`, `NODELIST1`, `NODELIST1B`,
/// `NODELIST2`, and their short forms `FM`, `UH`, `LH`, `EL1`…), `DIAGONAL = PRESENT |
/// ABSENT`, `LABELS:`, `ROW LABELS:`, `COL LABELS:`/`COLUMN LABELS:`, `MATRIX LABELS:`
/// (or `LEVEL LABELS:`), `LABELS EMBEDDED` (and `ROW`/`COL LABELS EMBEDDED`), `DATA:`, in
/// any letter case, separated by spaces, line breaks, commas or `=`; labels quoted with
/// `"` or `'`. Several matrices (`NM=`) are relations named by their matrix labels, read
/// one after another (a `!` between them, as R's `sna::write.dl` writes, is allowed). A
/// two-mode file (`NR=`/`NC=`, rows ≠ columns or `EDGELIST2`/`NODELIST2`) is organisations
/// × partnerships: its non-zero cells are memberships whose value is the votes.
///
/// A relation whose matrix is symmetric is undirected (DL has no other way to say so);
/// a non-zero cell is a tie whose weight is the value. Labels are kept as written
/// (UCINET itself upper-cases them); without labels, vertices are named 1, 2, ….
///
/// Written: `FORMAT = FULLMATRIX` with `LABELS:` and `MATRIX LABELS:`, one matrix per
/// relation (undirected relations symmetric); `EDGELIST1` above 2,000 organisations. An
/// area with memberships and no relationships is written two-mode.
enum DLFormat {
    private enum Layout: String {
        case fullMatrix, upperHalf, lowerHalf, edgeList1, edgeList2, nodeList1, nodeList1B, nodeList2

        init?(_ word: String) {
            switch word {
            case "fullmatrix", "fm", "full": self = .fullMatrix
            case "upperhalf", "uh": self = .upperHalf
            case "lowerhalf", "lh": self = .lowerHalf
            case "edgelist1", "el1", "edgelist": self = .edgeList1
            case "edgelist2", "el2": self = .edgeList2
            case "nodelist1", "nl1", "nodelist": self = .nodeList1
            case "nodelist1b", "nl1b": self = .nodeList1B
            case "nodelist2", "nl2": self = .nodeList2
            default: return nil
            }
        }

        var isList: Bool { ![.fullMatrix, .upperHalf, .lowerHalf].contains(self) }
        var isTwoMode: Bool { self == .edgeList2 || self == .nodeList2 }
    }

    /// A token of the file with its line and field position.
    private struct Token {
        let text: String
        let quoted: Bool
        let line: Int
        let field: Int
        var lower: String { quoted ? "" : text.lowercased() }
        var location: (String) -> SourceLocation { { SourceLocation(file: $0, line: line, column: field) } }
    }

    /// One non-zero cell: row, column, value and where it was read.
    private struct Cell {
        let row: Int
        let column: Int
        var value: Double
        let line: Int
        let field: Int
    }

    /// Reads the DL file `text`: the header, then the data in its layout.
    ///
    /// - Parameter limits: the declared-size rule (a parameter for the tests).
    static func parse(_ text: String, file: String, limits: ReadLimits = .standard) throws(AreaIOError) -> ParsedArea {
        let scanner = ByteScanner(text, file: file)
        var tokens: [Token] = []
        var lineTokens: [ByteScanner.Token] = []
        for line in scanner.lines() {
            if let open = scanner.tokens(of: line, into: &lineTokens, commas: true, singleQuotes: true) {
                throw .invalidInput([
                    .error(
                        at: SourceLocation(file: file, line: line.number, column: open), "quoted label is never closed")
                ])
            }
            for (index, token) in lineTokens.enumerated() {
                tokens.append(
                    Token(text: scanner.string(token), quoted: token.quoted, line: line.number, field: index + 1))
            }
        }
        var reader = Reader(tokens: tokens, file: file, byteCount: scanner.bytes.count, limits: limits)
        return try reader.read()
    }

    private struct Reader {
        let tokens: [Token]
        let file: String
        let byteCount: Int
        let limits: ReadLimits
        var position = 0
        var diagnostics: [Diagnostic] = []

        init(tokens: [Token], file: String, byteCount: Int, limits: ReadLimits) {
            self.tokens = tokens
            self.file = file
            self.byteCount = byteCount
            self.limits = limits
        }

        func fail(_ token: Token?, _ message: String) -> AreaIOError {
            let location = token.map { $0.location(file) } ?? SourceLocation(file: file, line: tokens.last?.line)
            return .invalidInput(diagnostics + [.error(at: location, message)])
        }

        var current: Token? { position < tokens.count ? tokens[position] : nil }

        func peek(_ offset: Int) -> Token? {
            position + offset < tokens.count ? tokens[position + offset] : nil
        }

        /// Reads `word` with an optional `:` after it (`labels:`, `labels :`, `labels`).
        mutating func colon(after word: String) -> Bool {
            guard let token = current else { return false }
            if token.lower == word + ":" {
                position += 1
                return true
            }
            if token.lower == word {
                position += 1
                if current?.lower == ":" { position += 1 }
                return true
            }
            return false
        }

        mutating func integer(after keyword: Token) throws(AreaIOError) -> Int {
            guard let token = current, let value = Int(token.text), value >= 0 else {
                throw fail(current ?? keyword, "\(keyword.text.uppercased()) must be followed by a whole number")
            }
            position += 1
            return value
        }

        /// Up to `count` labels (all of them until a keyword when `count` is nil).
        mutating func labels(count: Int?) -> [Token] {
            var labels: [Token] = []
            while let token = current, count.map({ labels.count < $0 }) ?? true {
                if !token.quoted {
                    let lower = token.lower
                    if lower.hasSuffix(":") && lower != ":" { break }
                    if ["row", "col", "column", "matrix", "level", "labels"].contains(lower),
                        let next = peek(1), next.lower.hasPrefix("labels") || next.lower.hasPrefix("embedded")
                    {
                        break
                    }
                    if count == nil && ["format", "diagonal", "n", "nr", "nc", "nm"].contains(lower) { break }
                }
                labels.append(token)
                position += 1
            }
            return labels
        }

        /// What the keywords before `DATA:` say.
        struct Header {
            var n: Int?
            var rowCount: Int?
            var columnCount: Int?
            var matrixCount = 1
            var layout = Layout.fullMatrix
            var diagonal = true
            var rowLabels: [Token]?
            var columnLabels: [Token]?
            var matrixLabels: [Token]?
            var sharedLabels: [Token]?
            var rowsEmbedded = false
            var columnsEmbedded = false
        }

        /// The vertices' names as far as they are known, growing when labels are embedded
        /// in a list or numbers name vertices without `N=`.
        struct Names {
            var rows: [String]
            var columns: [String]
            var rowIndex: [String: Int] = [:]
            var columnIndex: [String: Int] = [:]

            init(rows: [String], columns: [String]) {
                self.rows = rows
                self.columns = columns
                for (index, name) in rows.enumerated() where rowIndex[name] == nil { rowIndex[name] = index }
                for (index, name) in columns.enumerated() where columnIndex[name] == nil { columnIndex[name] = index }
            }
        }

        mutating func read() throws(AreaIOError) -> ParsedArea {
            guard let first = current, first.lower == "dl" else {
                throw fail(current, "not a UCINET DL file: it must begin with DL")
            }
            position += 1
            var header = try readHeader()
            let (twoMode, rows, columns) = try shape(of: &header)

            let listEmbedded = header.layout.isList && (header.rowsEmbedded || header.columnsEmbedded)
            func numbered(_ count: Int?) -> [String] { count.map { (0..<$0).map { String($0 + 1) } } ?? [] }
            let rowNames = header.rowLabels?.map(\.text) ?? (listEmbedded ? [] : numbered(rows))
            var names = Names(
                rows: rowNames,
                columns: twoMode
                    ? (header.columnLabels?.map(\.text) ?? (listEmbedded ? [] : numbered(columns))) : rowNames)

            var matrices: [[Cell]] = []
            for matrix in 0..<header.matrixCount {
                if matrix > 0 && current?.text == "!" && !(current?.quoted ?? true) { position += 1 }
                if header.layout.isList {
                    matrices.append(
                        try readList(header, twoMode: twoMode, rows: rows, columns: columns, names: &names))
                } else {
                    matrices.append(
                        try readMatrix(
                            layout: header.layout, diagonal: header.diagonal, rows: rows!, columns: columns!,
                            twoMode: twoMode, rowsEmbedded: header.rowsEmbedded,
                            columnsEmbedded: header.columnsEmbedded, rowNames: &names.rows,
                            columnNames: &names.columns, first: matrix == 0))
                }
            }
            // Labels embedded in a list may leave vertices unnamed: they keep their numbers.
            if let rows, names.rows.count < rows {
                names.rows += (names.rows.count..<rows).map { String($0 + 1) }
                if !twoMode { names.columns = names.rows }
            }
            if twoMode, let columns, names.columns.count < columns {
                names.columns += (names.columns.count..<columns).map { String($0 + 1) }
            }
            if let extra = current {
                let count = header.matrixCount
                throw fail(extra, "more data than the header announces (\(count) matrix\(count == 1 ? "" : "es"))")
            }

            return build(
                matrices: matrices, twoMode: twoMode, layout: header.layout, rowNames: names.rows,
                columnNames: twoMode ? names.columns : names.rows, rowLabels: header.rowLabels,
                columnLabels: header.columnLabels, matrixLabels: header.matrixLabels?.map(\.text))
        }

        /// The keywords up to `DATA:`: sizes, layout, diagonal and labels. Each declared size
        /// is checked against the file's size before anything is made of it.
        mutating func readHeader() throws(AreaIOError) -> Header {
            var header = Header()
            header: while let token = current {
                let word = token.lower
                switch word {
                case "n", "nr", "nc", "nm":
                    position += 1
                    let value = try integer(after: token)
                    if word != "nm",
                        let problem = limits.declaredCountProblem(
                            value, what: word.uppercased() + "=", byteCount: byteCount)
                    {
                        throw fail(tokens[position - 1], problem)
                    }
                    switch word {
                    case "n": header.n = value
                    case "nr": header.rowCount = value
                    case "nc": header.columnCount = value
                    default:
                        guard value >= 1 else { throw fail(token, "NM must be at least 1") }
                        // Every matrix needs at least a token of data, or a `!`.
                        guard value <= tokens.count else {
                            throw fail(
                                tokens[position - 1],
                                "NM=\(value) matrices cannot fit in a file of \(tokens.count) items")
                        }
                        header.matrixCount = value
                    }
                case "format":
                    position += 1
                    guard let value = current, let chosen = Layout(value.lower) else {
                        throw fail(
                            current ?? token,
                            "unknown FORMAT \(quoted(current?.text ?? "")): use FULLMATRIX, UPPERHALF, LOWERHALF, "
                                + "EDGELIST1, EDGELIST2, NODELIST1, NODELIST1B or NODELIST2")
                    }
                    header.layout = chosen
                    position += 1
                case "diagonal":
                    position += 1
                    guard let value = current, ["present", "absent"].contains(value.lower) else {
                        throw fail(current ?? token, "DIAGONAL must be PRESENT or ABSENT")
                    }
                    header.diagonal = value.lower == "present"
                    position += 1
                case "data:", "data":
                    _ = colon(after: "data")
                    break header
                case "labels:", "labels", "row", "col", "column", "matrix", "level":
                    try readLabels(token, into: &header)
                default:
                    throw fail(token, "unknown DL keyword \(quoted(token.text)) before DATA:")
                }
            }
            guard position <= tokens.count, tokens.indices.contains(position - 1),
                tokens[position - 1].lower.hasPrefix("data") || tokens[position - 1].lower == ":"
            else {
                throw fail(nil, "no DATA: line")
            }
            return header
        }

        /// `[ROW | COL | COLUMN | MATRIX | LEVEL] LABELS [EMBEDDED] [:]` and the labels.
        mutating func readLabels(_ token: Token, into header: inout Header) throws(AreaIOError) {
            let word = token.lower
            var qualifier: String?
            if word != "labels" && word != "labels:" {
                qualifier = word
                position += 1
            }
            guard let labelsToken = current, labelsToken.lower == "labels" || labelsToken.lower == "labels:" else {
                throw fail(
                    token, "unknown DL keyword \(quoted(token.text)): expected \(token.text.uppercased()) LABELS")
            }
            position += 1
            var hadColon = labelsToken.lower.hasSuffix(":")
            if current?.lower == ":" {
                position += 1
                hadColon = true
            }
            if !hadColon, let next = current, next.lower == "embedded" || next.lower == "embedded:" {
                position += 1
                if current?.lower == ":" { position += 1 }
                switch qualifier {
                case "row": header.rowsEmbedded = true
                case "col", "column": header.columnsEmbedded = true
                default: (header.rowsEmbedded, header.columnsEmbedded) = (true, true)
                }
                return
            }
            switch qualifier {
            case "row": header.rowLabels = labels(count: header.rowCount ?? header.n)
            case "col", "column": header.columnLabels = labels(count: header.columnCount ?? header.n)
            case "matrix", "level": header.matrixLabels = labels(count: header.matrixCount)
            default:
                header.sharedLabels = labels(count: header.n ?? header.rowCount.map { $0 + (header.columnCount ?? 0) })
            }
        }

        /// One mode or two, the numbers of rows and columns, and the labels of each
        /// (shared labels split between them), checked against each other.
        mutating func shape(of header: inout Header) throws(AreaIOError) -> (twoMode: Bool, rows: Int?, columns: Int?) {
            let (n, rowCount, columnCount, layout) = (header.n, header.rowCount, header.columnCount, header.layout)
            let twoMode =
                layout.isTwoMode || (rowCount != nil && columnCount != nil && n == nil && rowCount != columnCount)
                || (rowCount != nil && columnCount != nil && n == nil && layout == .fullMatrix
                    && (header.rowLabels != nil || header.columnLabels != nil)
                    && header.rowLabels?.map(\.text) != header.columnLabels?.map(\.text))
            let rows = n ?? rowCount
            let columns = twoMode ? columnCount : (n ?? columnCount ?? rowCount)
            if let shared = header.sharedLabels {
                if twoMode, let rows {
                    header.rowLabels = Array(shared.prefix(rows))
                    header.columnLabels = Array(shared.dropFirst(rows))
                } else {
                    header.rowLabels = shared
                    header.columnLabels = shared
                }
            }
            if !twoMode {
                if header.rowLabels == nil { header.rowLabels = header.columnLabels }
                if header.columnLabels == nil { header.columnLabels = header.rowLabels }
            }
            if twoMode && header.matrixCount > 1 {
                throw fail(
                    tokens[0], "several two-mode matrices (NM=\(header.matrixCount)) cannot be memberships of one area")
            }
            if [.upperHalf, .lowerHalf].contains(layout) && twoMode {
                throw fail(
                    tokens[0], "\(layout == .upperHalf ? "UPPERHALF" : "LOWERHALF") needs a one-mode matrix (N=)")
            }
            guard rows != nil || layout.isList else {
                throw fail(tokens[0], "the number of rows is missing: give N= (or NR= and NC=)")
            }
            if let count = rows, let given = header.rowLabels, given.count != count, !header.rowsEmbedded {
                throw fail(given.last ?? tokens[0], "\(given.count) labels for \(count) rows")
            }
            if twoMode, let count = columns, let given = header.columnLabels, given.count != count,
                !header.columnsEmbedded
            {
                throw fail(given.last ?? tokens[0], "\(given.count) column labels for \(count) columns")
            }
            return (twoMode, rows, columns)
        }

        /// One matrix as a list (`EDGELIST1`, `NODELIST1`…): lines until a `!` or the end;
        /// with several matrices and no `!`, the rest of the file is the last one.
        mutating func readList(
            _ header: Header, twoMode: Bool, rows: Int?, columns: Int?, names: inout Names
        ) throws(AreaIOError) -> [Cell] {
            var cells: [Cell] = []
            var line: [Token] = []
            while let token = current {
                if token.text == "!" && !token.quoted { break }
                if let last = line.last, last.line != token.line {
                    try readListLine(
                        line, header, twoMode: twoMode, rows: rows, columns: columns, names: &names, &cells)
                    line.removeAll(keepingCapacity: true)
                }
                line.append(token)
                position += 1
            }
            if !line.isEmpty {
                try readListLine(line, header, twoMode: twoMode, rows: rows, columns: columns, names: &names, &cells)
            }
            return cells
        }

        /// One line of a list: `row column [value]` for an edge list, `row column…` for a
        /// node list (`row count column…` for `NODELIST1B`).
        func readListLine(
            _ line: [Token], _ header: Header, twoMode: Bool, rows: Int?, columns: Int?, names: inout Names,
            _ cells: inout [Cell]
        ) throws(AreaIOError) {
            let first = line[0]
            let row = try index(
                first, row: true, header, twoMode: twoMode, rows: rows, columns: columns, names: &names)
            switch header.layout {
            case .edgeList1, .edgeList2:
                guard line.count >= 2, line.count <= 3 else {
                    throw fail(
                        first, "an edge list line holds a row, a column and an optional value, got \(line.count) items")
                }
                let column = try index(
                    line[1], row: false, header, twoMode: twoMode, rows: rows, columns: columns, names: &names)
                var value = 1.0
                var field = line[1].field
                if line.count == 3 {
                    guard let number = DecimalText.number(line[2].text) else {
                        throw fail(line[2], "expected a number, got \(quoted(line[2].text))")
                    }
                    value = number
                    field = line[2].field
                }
                cells.append(Cell(row: row, column: column, value: value, line: first.line, field: field))
            case .nodeList1, .nodeList2, .nodeList1B:
                var rest = line.dropFirst()
                if header.layout == .nodeList1B {
                    guard let countToken = rest.first, let count = Int(countToken.text), count == rest.count - 1 else {
                        throw fail(
                            rest.first ?? first, "NODELIST1B: the second number must count the columns that follow")
                    }
                    rest = rest.dropFirst()
                }
                for token in rest {
                    let column = try index(
                        token, row: false, header, twoMode: twoMode, rows: rows, columns: columns, names: &names)
                    cells.append(Cell(row: row, column: column, value: 1, line: token.line, field: token.field))
                }
            default: break
            }
        }

        /// The row or column a list names: a label when labels are embedded (a new one
        /// adds a vertex while there is room), else a number from 1 to N.
        func index(
            _ token: Token, row: Bool, _ header: Header, twoMode: Bool, rows: Int?, columns: Int?,
            names: inout Names
        ) throws(AreaIOError) -> Int {
            let isRow = row || !twoMode
            if header.rowsEmbedded || header.columnsEmbedded {
                if isRow {
                    if let known = names.rowIndex[token.text] { return known }
                    if let rows, names.rows.count >= rows {
                        throw fail(token, "label \(quoted(token.text)) is not one of the \(rows) labels")
                    }
                    names.rowIndex[token.text] = names.rows.count
                    names.rows.append(token.text)
                    if !twoMode {
                        names.columnIndex[token.text] = names.columns.count
                        names.columns.append(token.text)
                    }
                    return names.rows.count - 1
                }
                if let known = names.columnIndex[token.text] { return known }
                if let columns, names.columns.count >= columns {
                    throw fail(token, "label \(quoted(token.text)) is not one of the \(columns) column labels")
                }
                names.columnIndex[token.text] = names.columns.count
                names.columns.append(token.text)
                return names.columns.count - 1
            }
            let limit = isRow ? (rows ?? Int.max) : (columns ?? Int.max)
            guard let number = Int(token.text), number >= 1, number <= limit else {
                // A label from the header names its vertex; in a two-mode file only on its own
                // side (a column's label is no row: its index is a column's).
                let known =
                    twoMode
                    ? (isRow ? names.rowIndex[token.text] : names.columnIndex[token.text])
                    : names.rowIndex[token.text] ?? names.columnIndex[token.text]
                if let known { return known }
                throw fail(
                    token,
                    "expected a \(isRow ? "row" : "column") number from 1 to \(limit == Int.max ? "N" : String(limit)), got \(quoted(token.text)) (labels in the data need LABELS EMBEDDED)"
                )
            }
            if rows == nil || (twoMode && !isRow && columns == nil) {
                // Without N, numbers name vertices as they come; each needs a byte of the file.
                if let problem = limits.declaredCountProblem(number, what: "vertex ", byteCount: byteCount) {
                    throw fail(token, problem)
                }
                while (isRow ? names.rows.count : names.columns.count) < number {
                    let name = String((isRow ? names.rows.count : names.columns.count) + 1)
                    if isRow { names.rows.append(name) }
                    // One-mode: the columns are the rows, appended alongside (not copied).
                    if !isRow || !twoMode { names.columns.append(name) }
                }
            }
            return number - 1
        }

        /// The cells of one matrix written as numbers, rows after rows.
        mutating func readMatrix(
            layout: Layout, diagonal: Bool, rows: Int, columns: Int, twoMode: Bool, rowsEmbedded: Bool,
            columnsEmbedded: Bool, rowNames: inout [String], columnNames: inout [String], first: Bool
        ) throws(AreaIOError) -> [Cell] {
            var cells: [Cell] = []
            // Embedded row labels replace any the header gave, however many it gave (their
            // count is not checked against the rows when they are embedded).
            if first && rowsEmbedded && rowNames.count != rows {
                rowNames = (0..<rows).map { String($0 + 1) }
            }
            // Embedded column labels head each matrix (optional after the first).
            if columnsEmbedded, let token = current, first || DecimalText.number(token.text) == nil {
                let count = layout == .fullMatrix ? columns : rows
                var labels: [String] = []
                for _ in 0..<count {
                    guard let label = current else { throw fail(nil, "the file ends among the column labels") }
                    labels.append(label.text)
                    position += 1
                }
                if first {
                    if twoMode { columnNames = labels } else { columnNames = labels }
                    if !twoMode && !rowsEmbedded { rowNames = labels }
                }
            }
            for row in 0..<rows {
                if rowsEmbedded {
                    guard let label = current else { throw fail(nil, "the file ends before row \(row + 1)") }
                    if first { rowNames[row] = label.text }
                    if first && !twoMode && !columnsEmbedded { columnNames = rowNames }
                    position += 1
                }
                let range: Range<Int>
                switch layout {
                case .upperHalf: range = (diagonal ? row : row + 1)..<columns
                case .lowerHalf: range = 0..<(diagonal ? row + 1 : row)
                default: range = 0..<columns
                }
                for column in range {
                    if layout == .fullMatrix && !diagonal && column == row && !twoMode { continue }
                    guard let token = current else {
                        throw fail(
                            nil,
                            "the file ends in row \(row + 1) of the matrix: expected \(rows) rows of \(layout == .fullMatrix ? columns - (diagonal || twoMode ? 0 : 1) : columns) values"
                        )
                    }
                    guard let value = DecimalText.number(token.text), !token.quoted else {
                        throw fail(token, "expected a number, got \(quoted(token.text))")
                    }
                    position += 1
                    if value != 0 {
                        cells.append(Cell(row: row, column: column, value: value, line: token.line, field: token.field))
                        if layout != .fullMatrix && column != row {
                            // A half matrix stands for a symmetric one.
                            cells.append(
                                Cell(row: column, column: row, value: value, line: token.line, field: token.field))
                        }
                    }
                }
            }
            return cells
        }

        func build(
            matrices: [[Cell]], twoMode: Bool, layout: Layout, rowNames: [String], columnNames: [String],
            rowLabels: [Token]?, columnLabels: [Token]?, matrixLabels: [String]?
        ) -> ParsedArea {
            var assembly = AreaAssembly()
            var missing = Set<String>()
            for (index, name) in rowNames.enumerated() {
                assembly.area.organisations.append(Organisation(id: name, sector: ParsedArea.unknownSector))
                let label = rowLabels.flatMap { $0.indices.contains(index) ? $0[index] : nil }
                assembly.origins.organisations.append(
                    RowOrigin(file: file, line: label?.line, columns: label.map { ["id": $0.field] } ?? [:]))
                missing.insert(name)
            }
            var diagnostics = self.diagnostics
            if twoMode {
                for (index, name) in columnNames.enumerated() {
                    assembly.area.partnerships.append(Partnership(id: name))
                    let label = columnLabels.flatMap { $0.indices.contains(index) ? $0[index] : nil }
                    assembly.origins.partnerships.append(
                        RowOrigin(file: file, line: label?.line, columns: label.map { ["id": $0.field] } ?? [:]))
                }
                for cell in merged(matrices.first ?? [], &diagnostics) {
                    var attributes: [String: String] = [:]
                    var votes: Int?
                    if cell.value > 0 && cell.value == cell.value.rounded() && cell.value < 1e9 {
                        votes = Int(cell.value)
                    } else {
                        attributes["weight"] = formatNumber(cell.value)
                    }
                    assembly.area.memberships.append(
                        Membership(
                            partnership: columnNames[cell.column], organisation: rowNames[cell.row], votes: votes,
                            attributes: attributes))
                    assembly.origins.memberships.append(
                        RowOrigin(file: file, line: cell.line, columns: ["votes": cell.field]))
                }
                if assembly.area.memberships.contains(where: { !$0.attributes.isEmpty }) {
                    assembly.area.extraColumns.memberships = ["weight"]
                }
                assembly.area.metadata = AreaMetadata(directed: false)
            } else {
                var directions: [(String, Bool)] = []
                for (index, cells) in matrices.enumerated() {
                    let relation =
                        matrixLabels.flatMap { $0.indices.contains(index) ? $0[index] : nil }
                        ?? (matrices.count == 1 ? Relationship.defaultRelation : String(index + 1))
                    let ties = merged(cells, &diagnostics)
                    var value: [Int: Double] = [:]
                    let n = rowNames.count
                    for cell in ties { value[cell.row * n + cell.column] = cell.value }
                    let symmetric = ties.allSatisfy { value[$0.column * n + $0.row] == $0.value }
                    if !ties.isEmpty { directions.append((relation, !symmetric)) }
                    for cell in ties where !symmetric || cell.row <= cell.column {
                        assembly.area.relationships.append(
                            Relationship(
                                source: rowNames[cell.row], target: rowNames[cell.column], weight: cell.value,
                                relation: relation))
                        assembly.origins.relationships.append(
                            RowOrigin(file: file, line: cell.line, columns: ["weight": cell.field]))
                    }
                }
                assembly.area.metadata = AreaMetadata.directions(directions)
            }
            assembly.origins.hasPartnershipsTable = true
            assembly.origins.membershipsFile = file
            assembly.diagnostics = diagnostics
            return ParsedArea(assembly: assembly, missingSector: MissingSectors(missing))
        }

        /// Cells with repeated (row, column) pairs summed, each at its first place, with a
        /// warning for every repeat.
        func merged(_ cells: [Cell], _ diagnostics: inout [Diagnostic]) -> [Cell] {
            var first: [Int64: Int] = [:]
            var out: [Cell] = []
            out.reserveCapacity(cells.count)
            for cell in cells {
                let key = Int64(cell.row) << 32 | Int64(cell.column)
                if let earlier = first[key] {
                    out[earlier].value += cell.value
                    diagnostics.append(
                        .warning(
                            at: SourceLocation(file: file, line: cell.line, column: cell.field),
                            "cell (\(cell.row + 1), \(cell.column + 1)) given again (first on line \(out[earlier].line)): values summed"
                        ))
                } else {
                    first[key] = out.count
                    out.append(cell)
                }
            }
            return out
        }
    }

    // MARK: Writing

    /// Organisations above which a one-mode area is written as an edge list, not a matrix.
    static let matrixLimit = 2000

    /// The area as DL text, and what DL could not carry.
    static func encode(_ area: Area) -> (text: String, lost: [String]) {
        var lost: [String] = []
        var unwritable: [String] = []
        func label(_ text: String) -> String {
            if text.contains(where: { $0 == "\"" || $0.isNewline }) { unwritable.append(text) }
            return "\"" + String(text.map { $0 == "\"" ? "'" : $0.isNewline ? " " : $0 }) + "\""
        }
        func labelLines(_ texts: [String]) -> String {
            var out = ""
            var width = 0
            for (index, text) in texts.enumerated() {
                let item = label(text) + (index + 1 < texts.count ? "," : "")
                if width > 0 && width + item.count > 100 {
                    out += "\n"
                    width = 0
                }
                out += item
                width += item.count
            }
            return out + "\n"
        }
        let organisations = area.organisations
        var number: [String: Int] = [:]
        for (index, organisation) in organisations.enumerated() where number[organisation.id] == nil {
            number[organisation.id] = index
        }
        if let fields = PajekFormat.lostOrganisationFields(organisations) { lost.append("organisation \(fields)") }
        var out = ""
        let twoMode = area.relationships.isEmpty && !area.memberships.isEmpty
        if twoMode {
            var column: [String: Int] = [:]
            for (index, partnership) in area.partnerships.enumerated() where column[partnership.id] == nil {
                column[partnership.id] = index
            }
            let (rows, columns) = (organisations.count, area.partnerships.count)
            let asList = rows * columns > matrixLimit * matrixLimit
            out += "DL NR=\(rows) NC=\(columns)\nFORMAT = \(asList ? "EDGELIST2" : "FULLMATRIX")\n"
            out += "ROW LABELS:\n" + labelLines(organisations.map(\.id))
            out += "COLUMN LABELS:\n" + labelLines(area.partnerships.map(\.id))
            out += "DATA:\n"
            if asList {
                for seat in area.memberships where seat.votes != 0 {
                    guard let i = number[seat.organisation], let j = column[seat.partnership] else { continue }
                    out += "\(i + 1) \(j + 1) \(seat.votes)\n"
                }
            } else {
                var matrix = [Int](repeating: 0, count: rows * columns)
                for seat in area.memberships {
                    guard let i = number[seat.organisation], let j = column[seat.partnership] else { continue }
                    matrix[i * columns + j] += seat.votes
                }
                for i in 0..<rows {
                    out += (0..<columns).map { String(matrix[i * columns + $0]) }.joined(separator: " ") + "\n"
                }
            }
            if area.partnerships.contains(where: {
                $0.name != nil || $0.parent != nil || $0.quota != nil || !$0.attributes.isEmpty
            }) {
                lost.append("partnership names, parents, quotas and columns")
            }
            if area.memberships.contains(where: { $0.role != .member || !$0.attributes.isEmpty }) {
                lost.append("membership roles and columns (votes are the cell values)")
            }
            let silent = area.memberships.filter { $0.votes == 0 }.count
            if silent > 0 {
                lost.append("\(silent) membership\(silent == 1 ? "" : "s") with 0 votes (a 0 cell is no membership)")
            }
        } else {
            let relations = area.relationNames
            let n = organisations.count
            let asList = n > matrixLimit
            out += "DL N=\(n)\(relations.count > 1 ? " NM=\(relations.count)" : "")\n"
            out += "FORMAT = \(asList ? "EDGELIST1" : "FULLMATRIX") DIAGONAL PRESENT\n"
            out += "LABELS:\n" + labelLines(organisations.map(\.id))
            if relations.count > 1 || (relations.first.map { $0 != Relationship.defaultRelation } ?? false) {
                out += "MATRIX LABELS:\n" + labelLines(relations)
            }
            out += "DATA:\n"
            if relations.isEmpty && !asList {
                // No ties: one empty matrix, so the file still has the rows it announces.
                for _ in 0..<n { out += Array(repeating: "0", count: n).joined(separator: " ") + "\n" }
            }
            var duplicates = 0
            var symmetricDirected: [String] = []
            for (index, relation) in relations.enumerated() {
                if index > 0 && asList { out += "!\n" }
                let directed = area.metadata.isDirected(relation: relation)
                var cells: [Int: Double] = [:]
                var order: [Int] = []
                for tie in area.relationships where tie.relation == relation {
                    guard let i = number[tie.source], let j = number[tie.target] else { continue }
                    let pairs = directed || i == j ? [(i, j)] : [(i, j), (j, i)]
                    for (a, b) in pairs {
                        let key = a * n + b
                        if let known = cells[key] {
                            cells[key] = known + tie.weight
                            if (a, b) == pairs[0] { duplicates += 1 }
                        } else {
                            cells[key] = tie.weight
                            order.append(key)
                        }
                    }
                }
                if directed && !cells.isEmpty && cells.allSatisfy({ cells[($0.key % n) * n + $0.key / n] == $0.value })
                {
                    symmetricDirected.append(relation)
                }
                if asList {
                    for key in order.sorted() {
                        out += "\(key / n + 1) \(key % n + 1) \(formatNumber(cells[key]!))\n"
                    }
                } else {
                    for i in 0..<n {
                        var line = ""
                        for j in 0..<n {
                            if j > 0 { line += " " }
                            line += cells[i * n + j].map(formatNumber) ?? "0"
                        }
                        out += line + "\n"
                    }
                }
            }
            if duplicates > 0 { lost.append("\(duplicates) repeated ties (a cell holds their summed weight)") }
            if !symmetricDirected.isEmpty {
                lost.append(
                    "the direction of \(symmetricDirected.map(quoted).joined(separator: ", ")), whose ties all go both ways "
                        + "with equal weights (a symmetric matrix reads back as undirected)")
            }
            if area.relationships.contains(where: { !$0.attributes.isEmpty }) {
                lost.append(
                    "relationship columns (\(Set(area.relationships.flatMap(\.attributes.keys)).sorted().joined(separator: ", ")))"
                )
            }
            if !area.partnerships.isEmpty || !area.memberships.isEmpty {
                lost.append(
                    "\(area.partnerships.count) partnerships and \(area.memberships.count) memberships (a DL file is "
                        + "one-mode or two-mode; write an area without relationships for a two-mode matrix)")
            }
        }
        if area.metadata.name != nil || area.metadata.focalSector != nil || !area.metadata.extra.isEmpty {
            lost.append("area.json keys other than directions")
        }
        if let units = area.metadata.lostUnits { lost.append(units) }
        if !unwritable.isEmpty {
            lost.append(
                "double quotes and line breaks in labels (\(unwritable.prefix(3).map(quoted).joined(separator: ", "))), "
                    + "written as single quotes and spaces")
        }
        return (out, lost)
    }
}
