import Foundation
import PartnerNetCore

/// Plain edge lists: one tie per row, `source,target[,weight][,relation]`.
///
/// Separated by commas (`.csv`, read by the project's CSV layer with RFC 4180 quoting),
/// tabs (`.tsv`, or a first line holding a tab) or white space (anything else: `.txt`,
/// `.edges`, `.edgelist`, networkx's `write_edgelist`, whose `{'weight': 2.0}` data are
/// read too; `#` starts a comment line there).
///
/// A first row naming a source and a target column is a header: `source`/`target`,
/// `from`/`to`, `src`/`dst`, `tail`/`head`, `ego`/`alter`, `sender`/`receiver`,
/// `node1`/`node2`, `v1`/`v2`, any letter case, with `weight` (or `value`), `relation`,
/// `directed` (true/false) or Gephi's `type` (Directed/Undirected), and any other column
/// kept as a column of the relationship. Without a header the columns are source,
/// target, weight, relation.
///
/// Organisations are the ends of the ties in order of first appearance, unless a nodes
/// file (`--nodes`) lists them. Ties are undirected unless a `directed` column or
/// ``FormatReadOptions/directed`` says otherwise.
enum EdgeListFormat {
    static let sourceNames: Set<String> = ["source", "from", "src", "tail", "ego", "sender", "node1", "v1"]
    static let targetNames: Set<String> = ["target", "to", "dst", "head", "alter", "receiver", "node2", "v2"]
    static let weightNames: Set<String> = ["weight", "value"]
    /// The size of the parts a block of a large file is read in, each given back once read.
    static let defaultPartSize = 1 << 21

    /// One row of the file, its fields and where it starts.
    private struct Row {
        var fields: [String]
        let line: Int
        /// networkx's `{'weight': 2.0}` data, already split.
        var data: [(String, String)] = []
    }

    /// Reads an edge list from `file`'s text (``FileText``), whose pages it gives back as it
    /// reads them, parts of `partSize` bytes at a time.
    static func parse(
        _ source: FileText, file: String, options: FormatReadOptions, partSize: Int = defaultPartSize
    ) throws(AreaIOError) -> ParsedArea {
        var diagnostics: [Diagnostic] = []
        let lowered = file.lowercased()
        let text = source.bytes
        // The first line up to any networkx data dict, whose commas separate nothing.
        let firstLine = text.prefix { $0 != 0x0A && $0 != 0x0D && $0 != UInt8(ascii: "{") }
        let separator: UInt8? =
            lowered.hasSuffix(".tsv") || firstLine.contains(0x09)
            ? 0x09 : (lowered.hasSuffix(".csv") || firstLine.contains(0x2C) ? 0x2C : nil)

        // The rows, read in one of three ways. A separated text without a double quote is
        // cut record by record from its bytes as it is read, its rows never held together
        // and no string made of the whole: the way of large files. Quoted CSV goes through
        // the CSV layer; white space through its scanner.
        let rows: RowSource
        let hasQuote = source.contains(UInt8(ascii: "\""))
        source.release()
        if let separator, !hasQuote {
            rows = .unquoted(source, separator)
        } else if let separator {
            let text = String(decoding: text, as: UTF8.self)
            do {
                let table = try CSVTable.parse(
                    text, file: file, delimiter: Unicode.Scalar(separator), into: &diagnostics)
                rows = .rows(
                    [Row(fields: table.header, line: table.headerLine)]
                        + table.rows.map {
                            Row(fields: $0.fields, line: $0.line)
                        })
            } catch {
                throw .invalidInput(diagnostics + [error.diagnostic])
            }
        } else {
            rows = .rows(try whitespaceRows(String(decoding: text, as: UTF8.self), file: file))
        }
        guard let first = rows.first else {
            if separator != nil {
                throw .invalidInput([
                    .error(at: SourceLocation(file: file, line: 1), "file is empty: expected a header row")
                ])
            }
            return ParsedArea(assembly: Self.emptyAssembly(file: file, directed: options.directed ?? false))
        }

        // The header, if the first row names a source and a target.
        var sourceColumn = 0
        var targetColumn = 1
        var weightColumn: Int? = 2
        var relationColumn: Int? = 3
        var directedColumn: Int?
        var typeColumn: Int?
        var extras: [(name: String, index: Int)] = []
        var hasHeader = false
        let names = first.fields.map { $0.trimmingWhitespace().lowercased() }
        if let source = names.firstIndex(where: sourceNames.contains),
            let target = names.firstIndex(where: targetNames.contains)
        {
            hasHeader = true
            sourceColumn = source
            targetColumn = target
            weightColumn = names.firstIndex(where: weightNames.contains)
            relationColumn = names.firstIndex(of: "relation")
            directedColumn = names.firstIndex(of: "directed")
            typeColumn = names.firstIndex(of: "type")
            let known = Set([source, target, weightColumn, relationColumn, directedColumn].compactMap { $0 })
            for (index, name) in first.fields.enumerated() where !known.contains(index) && !name.isEmpty {
                extras.append((name, index))
            }
        } else {
            var wide = 0
            rows.forEach { row in wide = max(wide, row.fields.count) }
            if wide > 4 { extras = (4..<wide).map { ("column\($0 + 1)", $0) } }
        }

        // Gephi's `type` column gives directions; any other `type` column is an extra.
        if let typeColumn {
            var values = Set<String>()
            var skip = hasHeader
            rows.forEach { row in
                if skip {
                    skip = false
                } else if row.fields.indices.contains(typeColumn) {
                    values.insert(row.fields[typeColumn].lowercased())
                }
            }
            if values.isSubset(of: ["directed", "undirected", ""]) {
                directedColumn = typeColumn
                extras.removeAll { $0.index == typeColumn }
            }
        }

        var columns = ["source": sourceColumn + 1, "target": targetColumn + 1]
        if let weightColumn { columns["weight"] = weightColumn + 1 }
        if let relationColumn { columns["relation"] = relationColumn + 1 }
        let layout = RowLayout(
            file: file, source: sourceColumn, target: targetColumn, weight: weightColumn, relation: relationColumn,
            directed: directedColumn, extras: extras, columns: columns, defaultDirected: options.directed ?? false)
        var reader: RowReader
        var assembly = AreaAssembly()
        switch rows {
        case .rows(let list):
            nonisolated(unsafe) let list = list.dropFirst(hasHeader ? 1 : 0)
            let read = Relationships.read(blocks: [list.count]) { _, ties in
                var reader = RowReader(layout)
                for row in list { reader.read(row, into: &ties) }
                return reader
            }
            assembly.area.relationships = read.ties
            reader = read.results[0]
        case .unquoted(let source, let separator):
            (assembly.area.relationships, reader) = RowReader.read(
                source, separator: separator, layout: layout, skipFirst: hasHeader, partSize: partSize)
        }
        assembly.origins.relationships = reader.origins
        diagnostics += reader.diagnostics
        let dataKeys = reader.dataKeys
        let defaultDirected = layout.defaultDirected

        // Organisations: the ends of the ties in order of first appearance, each located
        // where it first appears.
        let ties = assembly.area.relationships
        let ids = ties.endpointIDs
        assembly.area.organisations.reserveCapacity(ids.count)
        assembly.origins.organisations.reserveCapacity(ids.count)
        for (id, first) in zip(ids, ties.firstAppearances()) {
            guard let first else { continue }
            assembly.area.organisations.append(Organisation(id: id, sector: ParsedArea.unknownSector))
            assembly.origins.organisations.append(
                RowOrigin(
                    file: file, line: assembly.origins.relationships[first.tie].line,
                    columns: ["id": (first.asSource ? sourceColumn : targetColumn) + 1]))
        }
        assembly.area.extraColumns.relationships = extras.map(\.name) + dataKeys
        assembly.area.metadata = AreaMetadata.directions(
            reader.relationOrder.map { ($0, reader.direction[$0]!.directed) }, otherwise: defaultDirected)
        assembly.origins.hasPartnershipsTable = false
        assembly.origins.membershipsFile = file
        assembly.diagnostics = diagnostics
        return ParsedArea(assembly: assembly, missingSector: .everyOrganisation)
    }

    /// The assembly of a file without a row.
    private static func emptyAssembly(file: String, directed: Bool) -> AreaAssembly {
        var assembly = AreaAssembly()
        assembly.area.metadata = AreaMetadata(directed: directed)
        assembly.origins.hasPartnershipsTable = false
        assembly.origins.membershipsFile = file
        return assembly
    }

    /// Where the rows come from: held (quoted CSV, white space), or cut from an unquoted
    /// separated text as they are read.
    private enum RowSource {
        case rows([Row])
        case unquoted(FileText, UInt8)

        var first: Row? {
            switch self {
            case .rows(let rows): return rows.first
            case .unquoted(let source, let separator):
                var first: Row?
                source.bytes.withUnsafeBytes { bytes in
                    CSVTable.forEachUnquotedRecord(
                        in: bytes.assumingMemoryBound(to: UInt8.self), firstLine: 1, delimiter: separator
                    ) { fields, line in
                        first = Row(fields: fields, line: line)
                        return false
                    }
                }
                return first
            }
        }

        /// Calls `body` with every row in order, for a look over the whole file before it
        /// is read (its width, its `type` values). An unquoted text's rows of a different
        /// length from its first row are skipped, as ``CSVTable`` does.
        func forEach(_ body: (Row) -> Void) {
            switch self {
            case .rows(let rows):
                for row in rows { body(row) }
            case .unquoted(let source, let separator):
                defer { source.release() }
                var width: Int?
                source.bytes.withUnsafeBytes { bytes in
                    CSVTable.forEachUnquotedRecord(
                        in: bytes.assumingMemoryBound(to: UInt8.self), firstLine: 1, delimiter: separator
                    ) { fields, line in
                        if width == nil { width = fields.count }
                        if fields.count == width { body(Row(fields: fields, line: line)) }
                        return true
                    }
                }
            }
        }
    }

    /// Where an edge list's fields are, and what its rows default to.
    private struct RowLayout: Sendable {
        let file: String
        let source: Int
        let target: Int
        let weight: Int?
        let relation: Int?
        let directed: Int?
        let extras: [(name: String, index: Int)]
        /// The 1-based columns of the known fields, for the locations of messages.
        let columns: [String: Int]
        let defaultDirected: Bool
    }

    /// Turns rows into relationships (written into a block of them), their origins and the
    /// problems found, in order.
    private struct RowReader: @unchecked Sendable {
        let layout: RowLayout
        var origins = RowOrigins()
        var diagnostics: [Diagnostic] = []
        /// Each relation's direction and the line that first gave it.
        var direction: [String: (directed: Bool, line: Int)] = [:]
        var relationOrder: [String] = []
        var lastRelation: (name: String, directed: Bool)?
        /// Keys of networkx data dicts other than weight and relation, in order.
        var dataKeys: [String] = []
        /// Whether a row contradicted the direction its relation was first given.
        var directionConflict = false

        init(_ layout: RowLayout) { self.layout = layout }

        /// The rows of an unquoted separated text, read in one block per core when it is
        /// large, each block straight into its part of the relationships
        /// (``Relationships/read(blocks:_:)``), the rest of the blocks then joined in order.
        /// The result is the one a single pass gives; when a relation's direction is
        /// contradicted anywhere, the single pass is taken, so that each message names the
        /// line that first gave the direction.
        static func read(
            _ source: FileText, separator: UInt8, layout: RowLayout, skipFirst: Bool, partSize: Int
        ) -> (Relationships, RowReader) {
            let lineFeedsOnly = !source.contains(0x0D)
            return source.bytes.withUnsafeBytes { raw in
                let bytes = raw.assumingMemoryBound(to: UInt8.self)
                let starts = blockStarts(
                    bytes,
                    blocks: bytes.count < 1 << 20 || !lineFeedsOnly ? 1 : ProcessInfo.processInfo.activeProcessorCount)
                let header = CSVTable.firstRecordLength(bytes, delimiter: separator)
                nonisolated(unsafe) let all = bytes
                func read(_ starts: [(offset: Int, line: Int)]) -> (Relationships, [RowReader]) {
                    // Each block's lines (it holds at most a tie a line; a line ends at a line
                    // feed or a carriage return, so counting both bounds them), and its parts
                    // of a few megabytes cut after a line feed when the text has no carriage
                    // return, each read and given back in turn.
                    let blocks = parallelMap(starts.count) { index -> (lines: Int, parts: [Part]) in
                        let block =
                            starts[index].offset..<(index + 1 < starts.count ? starts[index + 1].offset : all.count)
                        var parts: [Part] = []
                        var part = (start: block.lowerBound, line: starts[index].line)
                        var lineEnds = 0
                        for offset in block where all[offset] == 0x0A || all[offset] == 0x0D {
                            lineEnds += 1
                            if lineFeedsOnly && offset + 1 - part.start >= partSize && offset + 1 < block.upperBound {
                                parts.append(Part(bytes: part.start..<offset + 1, line: part.line))
                                part = (offset + 1, starts[index].line + lineEnds)
                            }
                        }
                        parts.append(Part(bytes: part.start..<block.upperBound, line: part.line))
                        source.release(block)
                        return (lineEnds + 1, parts)
                    }
                    return Relationships.read(blocks: blocks.map(\.lines)) { index, ties in
                        var reader = RowReader(layout)
                        var skip = skipFirst && index == 0
                        for part in blocks[index].parts {
                            CSVTable.forEachUnquotedRecord(
                                in: UnsafeBufferPointer(rebasing: all[part.bytes]), firstLine: part.line,
                                delimiter: separator
                            ) { fields, line in
                                if skip {
                                    skip = false
                                } else if let header, fields.count != header.count {
                                    reader.diagnostics.append(
                                        CSVTable.fieldCountError(
                                            file: layout.file, line: line, count: fields.count, header: header))
                                } else {
                                    reader.read(Row(fields: fields, line: line), into: &ties)
                                }
                                return true
                            }
                            source.release(part.bytes)
                        }
                        return reader
                    }
                }
                var (ties, blocks) = read(starts)
                guard !blocks.isEmpty else { return (ties, RowReader(layout)) }
                var joined = blocks.removeFirst()
                for next in blocks {
                    guard joined.join(next) else {
                        (ties, blocks) = ([], [])
                        let single = read([(0, 1)])
                        return (single.0, single.1[0])
                    }
                }
                return (ties, joined)
            }
        }

        /// A part of a block: its bytes and the line it starts on.
        private struct Part {
            let bytes: Range<Int>
            let line: Int
        }

        /// Where to cut `bytes` into about `blocks` pieces: after a line feed, with the line
        /// each piece starts on. (A text holding a carriage return, which also ends a line,
        /// must be read in one piece.)
        private static func blockStarts(_ bytes: UnsafeBufferPointer<UInt8>, blocks: Int) -> [(offset: Int, line: Int)]
        {
            var starts: [(offset: Int, line: Int)] = [(0, 1)]
            guard blocks > 1 else { return starts }
            let share = bytes.count / blocks
            var line = 1
            var offset = 0
            while offset < bytes.count && starts.count < blocks {
                if bytes[offset] == 0x0A {
                    line += 1
                    if offset + 1 >= starts.count * share && offset + 1 < bytes.count {
                        starts.append((offset + 1, line))
                    }
                }
                offset += 1
            }
            return starts
        }

        /// Adds the rows `next` read after these; false when the two disagree on a
        /// relation's direction (then the text must be read in one pass).
        mutating func join(_ next: RowReader) -> Bool {
            guard !directionConflict, !next.directionConflict else { return false }
            for relation in next.relationOrder {
                let theirs = next.direction[relation]!
                if let mine = direction[relation] {
                    if mine.directed != theirs.directed { return false }
                } else {
                    direction[relation] = theirs
                    relationOrder.append(relation)
                }
            }
            origins.append(contentsOf: next.origins)
            diagnostics += next.diagnostics
            for key in next.dataKeys where !dataKeys.contains(key) { dataKeys.append(key) }
            return true
        }

        mutating func read(_ row: Row, into ties: inout Relationships.Block) {
            let fields = row.fields
            guard fields.count > max(layout.source, layout.target) else {
                diagnostics.append(
                    .error(
                        at: SourceLocation(file: layout.file, line: row.line),
                        "expected a source and a target, got \(fields.count) field\(fields.count == 1 ? "" : "s")"))
                return
            }
            // Every row of the file has the same origin but for its line: spelled out only
            // for a message.
            var origin: RowOrigin { RowOrigin(file: layout.file, line: row.line, columns: layout.columns) }
            var weight = 1.0
            var attributes: [String: String] = [:]
            var relation = Relationship.defaultRelation
            func cell(_ column: Int?) -> String {
                guard let column, column < fields.count else { return "" }
                return fields[column]
            }
            let weightCell = cell(layout.weight).trimmingWhitespace()
            if !weightCell.isEmpty {
                if let value = DecimalText.number(weightCell) {
                    weight = value
                } else {
                    diagnostics.append(
                        .error(
                            at: origin.location("weight"),
                            "weight must be a positive finite number, got \(quoted(weightCell))"))
                }
            }
            let relationCell = cell(layout.relation)
            if !relationCell.isEmpty { relation = relationCell }
            for (key, value) in row.data {
                switch key {
                case "weight":
                    if let number = DecimalText.number(value.trimmingWhitespace()) {
                        weight = number
                    } else {
                        diagnostics.append(
                            .error(
                                at: SourceLocation(file: layout.file, line: row.line),
                                "weight must be a positive finite number, got \(quoted(value))"))
                    }
                case "relation": relation = value
                default:
                    attributes[key] = value
                    if !dataKeys.contains(key) { dataKeys.append(key) }
                }
            }
            for extra in layout.extras where extra.index < fields.count && !fields[extra.index].isEmpty {
                attributes[extra.name] = fields[extra.index]
            }
            var directed = layout.defaultDirected
            if let directedColumn = layout.directed {
                let text = cell(directedColumn).trimmingWhitespace().lowercased()
                switch text {
                case "": break
                case "true", "yes", "1", "directed": directed = true
                case "false", "no", "0", "undirected": directed = false
                default:
                    diagnostics.append(
                        .error(
                            at: SourceLocation(file: layout.file, line: row.line, column: directedColumn + 1),
                            "directed must be true or false, got \(quoted(text))"))
                }
            }
            if let last = lastRelation, last.directed == directed, last.name == relation {
                // The same relation and direction as the row before: nothing to check.
            } else if let first = direction[relation] {
                lastRelation = (relation, first.directed)
                if first.directed != directed {
                    directionConflict = true
                    diagnostics.append(
                        .error(
                            at: SourceLocation(
                                file: layout.file, line: row.line, column: layout.directed.map { $0 + 1 }),
                            "relation \(quoted(relation)) is \(first.directed ? "directed" : "undirected") on line "
                                + "\(first.line) but \(directed ? "directed" : "undirected") here: a relation has one direction"
                        ))
                }
            } else {
                direction[relation] = (directed, row.line)
                relationOrder.append(relation)
                lastRelation = (relation, directed)
            }
            ties.append(
                Relationship(
                    source: fields[layout.source], target: fields[layout.target], weight: weight, relation: relation,
                    attributes: attributes))
            if origins.isEmpty { origins.append(origin) } else { origins.append(line: row.line) }
        }
    }

    /// Rows of a white-space-separated file; `#` lines and blank lines skipped.
    private static func whitespaceRows(_ text: String, file: String) throws(AreaIOError) -> [Row] {
        let scanner = ByteScanner(text, file: file)
        var rows: [Row] = []
        var tokens: [ByteScanner.Token] = []
        for line in scanner.lines() {
            guard line.start < line.end, scanner.bytes[line.start] != UInt8(ascii: "#") else { continue }
            // networkx writes the data of a tie as a Python dict: `a b {'weight': 2.0}`.
            var end = line.end
            var data: [(String, String)] = []
            if let brace = scanner.bytes[line.start..<line.end].firstIndex(of: UInt8(ascii: "{")) {
                end = brace
                let literal = scanner.string(from: brace, to: line.end)
                guard let parsed = pythonDict(literal) else {
                    throw .invalidInput([
                        .error(
                            at: scanner.characterLocation(line, brace),
                            "cannot read the tie's data \(quoted(literal)): expected {'key': value, …}")
                    ])
                }
                data = parsed
            }
            if let open = scanner.tokens(
                of: ByteScanner.Line(number: line.number, start: line.start, end: end), into: &tokens)
            {
                throw .invalidInput([
                    .error(
                        at: SourceLocation(file: file, line: line.number, column: open), "quoted name is never closed")
                ])
            }
            if tokens.isEmpty { continue }
            rows.append(Row(fields: tokens.map(scanner.string), line: line.number, data: data))
        }
        return rows
    }

    /// The pairs of a Python dict literal of text, numbers and booleans; `nil` when it is
    /// not one.
    static func pythonDict(_ literal: String) -> [(String, String)]? {
        var characters = Array(literal.trimmingWhitespace().unicodeScalars)[...]
        guard characters.first == "{", characters.last == "}" else { return nil }
        characters = characters.dropFirst().dropLast()
        var pairs: [(String, String)] = []
        func skipSpace() { while let c = characters.first, c == " " || c == "\t" { characters.removeFirst() } }
        func value() -> String? {
            skipSpace()
            guard let first = characters.first else { return nil }
            if first == "'" || first == "\"" {
                characters.removeFirst()
                var out = String.UnicodeScalarView()
                while let c = characters.first, c != first {
                    characters.removeFirst()
                    if c == "\\", let escaped = characters.first {
                        characters.removeFirst()
                        out.append(escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped)
                    } else {
                        out.append(c)
                    }
                }
                guard characters.first == first else { return nil }
                characters.removeFirst()
                return String(out)
            }
            var out = String.UnicodeScalarView()
            while let c = characters.first, c != ",", c != ":" {
                out.append(c)
                characters.removeFirst()
            }
            let text = String(out).trimmingWhitespace()
            switch text {
            case "True": return "true"
            case "False": return "false"
            default: return text.isEmpty ? nil : text
            }
        }
        while true {
            skipSpace()
            if characters.isEmpty { return pairs }
            guard let key = value() else { return nil }
            skipSpace()
            guard characters.first == ":" else { return nil }
            characters.removeFirst()
            guard let item = value() else { return nil }
            pairs.append((key, item))
            skipSpace()
            if characters.first == "," { characters.removeFirst() }
        }
    }

    // MARK: Writing

    /// The relationships as an edge list with a header: `source,target,weight,relation`,
    /// `directed` when any relation is directed, then the extra columns.
    static func encode(_ area: Area, separator: String, withNodes: Bool = false) -> (text: String, lost: [String]) {
        var lost: [String] = []
        let relations = area.relationNames
        let anyDirected = relations.contains { area.metadata.isDirected(relation: $0) }
        let listed = area.extraColumns.relationships
        let extras = listed + Set(area.relationships.flatMap(\.attributes.keys)).subtracting(listed).sorted()
        let header = ["source", "target", "weight", "relation"] + (anyDirected ? ["directed"] : []) + extras
        let rows = area.relationships.map { tie in
            [tie.source, tie.target, formatNumber(tie.weight), tie.relation]
                + (anyDirected ? [area.metadata.isDirected(relation: tie.relation) ? "true" : "false"] : [])
                + extras.map { tie.attributes[$0] ?? "" }
        }
        var text = CSVText.encode(header: header, rows: rows)
        if separator == "\t" { text = tabSeparated(header: header, rows: rows) }
        if !withNodes {
            var ends = Set<String>()
            for tie in area.relationships {
                ends.insert(tie.source)
                ends.insert(tie.target)
            }
            let isolates = area.organisations.filter { !ends.contains($0.id) }.count
            var parts: [String] = []
            if let fields = PajekFormat.lostOrganisationFields(area.organisations) { parts.append(fields) }
            if isolates > 0 { parts.append("\(isolates) organisation\(isolates == 1 ? "" : "s") without ties") }
            if !parts.isEmpty {
                lost.append("organisation \(parts.joined(separator: ", ")) (write them with --write-nodes FILE)")
            }
        }
        if !area.partnerships.isEmpty || !area.memberships.isEmpty {
            lost.append("\(area.partnerships.count) partnerships and \(area.memberships.count) memberships")
        }
        if area.metadata.name != nil || area.metadata.focalSector != nil || !area.metadata.extra.isEmpty {
            lost.append("area.json keys other than directions")
        }
        if let units = area.metadata.lostUnits { lost.append(units) }
        return (text, lost)
    }

    /// Tab-separated text; a tab, line break or quote in a field is quoted as in CSV.
    private static func tabSeparated(header: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "\t" || $0 == "\"" || $0.isNewline }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = header.map(field).joined(separator: "\t") + "\n"
        for row in rows { out += row.map(field).joined(separator: "\t") + "\n" }
        return out
    }
}
