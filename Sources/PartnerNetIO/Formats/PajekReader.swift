import Foundation
import PartnerNetCore

/// Reads one Pajek network, a section at a time: each kind of line has its own method,
/// and vertices are stored as their lines come, so a declared count allocates nothing
/// until the area is assembled.
///
/// - Complexity: O(bytes of the file + vertices declared).
struct PajekReader {
    /// A relation as declared by section headers.
    private struct RelationEntry {
        var name: String
        var directed: Bool
    }

    private enum Section {
        case none
        case vertices
        case ties(relation: Int, directed: Bool, list: Bool)
        case matrix(relation: Int, directed: Bool, row: Int)
        case ignored
    }

    private typealias Tie = (source: Int, target: Int, weight: Double, relation: Int, attributes: [String: String])
    private typealias Seat = (organisation: Int, partnership: Int, value: Double, attributes: [String: String])

    private let scanner: ByteScanner
    private let file: String
    private let byteCount: Int
    private let limits: ReadLimits
    private var diagnostics: [Diagnostic] = []

    private var name: String?
    private var vertexCount = -1
    private var firstMode = 0  // n1 of a two-mode network; 0 for one-mode
    // By vertex, grown as vertex lines come (not to the declared count).
    private var labels: [String?] = []
    private var labelOrigins: [RowOrigin?] = []
    private var vertexAttributes: [[String: String]] = []
    private var attributeOrder: [String] = []
    private var section = Section.none
    private var relations: [RelationEntry] = []
    private var relationByNumber: [Int: Int] = [:]
    private var unnamed: [Bool: Int] = [:]  // direction → relation index of unnamed sections
    private var relationByAttribute: [String: Int] = [:]
    // Field positions of a tie line, shared between lines (one dictionary, not one per line).
    private var sharedColumns: [[String: Int]?] = [nil, nil, nil, nil]
    private var relationships: [Tie] = []
    private var tieOrigins: [RowOrigin] = []
    private var seats: [Seat] = []
    private var seatOrigins: [RowOrigin] = []
    private var ignoredSections: [String] = []
    private var tokens: [ByteScanner.Token] = []

    init(text: String, file: String, byteCount: Int, limits: ReadLimits) {
        scanner = ByteScanner(text, file: file)
        self.file = file
        self.byteCount = byteCount
        self.limits = limits
        tokens.reserveCapacity(8)
    }

    private func fail(_ location: SourceLocation, _ message: String) -> AreaIOError {
        .invalidInput(diagnostics + [.error(at: location, message)])
    }

    private func location(_ line: ByteScanner.Line, _ offset: Int) -> SourceLocation {
        scanner.location(line, offset, tokens)
    }

    // MARK: Lines

    /// Reads every line, then builds the area.
    mutating func read() throws(AreaIOError) -> ParsedArea {
        for line in scanner.lines() {
            if line.start == line.end || scanner.bytes[line.start] == UInt8(ascii: "%") { continue }
            if let open = scanner.tokens(of: line, into: &tokens) {
                throw fail(SourceLocation(file: file, line: line.number, column: open), "quoted label is never closed")
            }
            guard let first = tokens.first else { continue }
            if scanner.bytes[first.start] == UInt8(ascii: "*") && !first.quoted {
                try readSectionHeader(line, first)
                continue
            }
            switch section {
            case .none:
                throw fail(
                    location(line, first.start),
                    "expected a *Vertices, *Arcs or *Edges line, got \(quoted(scanner.string(first)))")
            case .ignored: continue
            case .vertices: try readVertex(line)
            case .ties(let relation, let directed, let list):
                try readTies(line, relation: relation, directed: directed, list: list)
            case .matrix(let relation, let directed, let row):
                try readMatrixRow(line, relation: relation, directed: directed, row: row)
                section = .matrix(relation: relation, directed: directed, row: row + 1)
            }
        }
        guard vertexCount >= 0 else {
            throw fail(SourceLocation(file: file, line: 1), "not a Pajek network: no *Vertices line")
        }
        return assemble()
    }

    /// `*Network`, `*Vertices`, a tie section, or a section of a project file to skip.
    private mutating func readSectionHeader(_ line: ByteScanner.Line, _ first: ByteScanner.Token) throws(AreaIOError) {
        let keyword = scanner.string(first).lowercased()
        switch keyword {
        case "*network":
            var title = scanner.string(from: first.end, to: line.end).trimmingWhitespace()
            if title.count >= 2 && title.hasPrefix("\"") && title.hasSuffix("\"") {
                title = String(title.dropFirst().dropLast())
            }
            if name == nil && !title.isEmpty { name = title }
            section = .none
        case "*vertices":
            try readVerticesHeader(line, first)
            section = .vertices
        case "*arcs", "*edges", "*arcslist", "*edgeslist", "*matrix":
            let directed = keyword.hasPrefix("*arcs") || keyword == "*matrix"
            let relation = try relationOfHeader(line, directed: directed)
            if keyword == "*matrix" {
                section = .matrix(relation: relation, directed: directed, row: 0)
            } else {
                section = .ties(relation: relation, directed: directed, list: keyword.hasSuffix("list"))
            }
        default:
            // *Partition, *Vector, *Permutation… of a project file: not part of the network.
            ignoredSections.append(scanner.string(first))
            section = .ignored
        }
    }

    /// `*Vertices n [n1]`: the count, checked against the file's size before anything is
    /// stored (see ``ReadLimits/freeDeclaredCount``).
    private mutating func readVerticesHeader(_ line: ByteScanner.Line, _ first: ByteScanner.Token) throws(AreaIOError) {
        guard vertexCount < 0 else {
            throw fail(location(line, first.start), "a second *Vertices line: one network per file")
        }
        guard tokens.count >= 2, let count = scanner.integer(tokens[1]) else {
            throw fail(location(line, first.start), "*Vertices needs the number of vertices")
        }
        if let problem = limits.declaredCountProblem(count, what: "*Vertices ", byteCount: byteCount) {
            throw fail(location(line, tokens[1].start), problem)
        }
        vertexCount = count
        if tokens.count >= 3 {
            guard let n1 = scanner.integer(tokens[2]), n1 >= 1, n1 < count else {
                throw fail(
                    location(line, tokens[2].start),
                    "the size of the first mode must be a number from 1 to \(count - 1)")
            }
            firstMode = n1
        }
    }

    /// The relation a tie section header names: `*Arcs :2 "funding"`, `*Edges`, `*Arcs 3`.
    private mutating func relationOfHeader(_ line: ByteScanner.Line, directed: Bool) throws(AreaIOError) -> Int {
        var number: Int?
        var label: String?
        var rest = tokens.dropFirst()
        if let mark = rest.first, scanner.bytes[mark.start] == UInt8(ascii: ":"), !mark.quoted {
            if mark.end - mark.start > 1 {
                number = scanner.integer(ByteScanner.Token(start: mark.start + 1, end: mark.end, quoted: false))
                rest = rest.dropFirst()
            } else if rest.count > 1 {
                number = scanner.integer(rest[rest.startIndex + 1])
                rest = rest.dropFirst(2)
            }
            if number == nil {
                throw fail(location(line, mark.start), "expected a relation number after ':'")
            }
        }
        if let token = rest.first {
            label = scanner.string(from: token.start, to: rest.last!.end)
            if token.quoted { label = scanner.string(token) }
        }
        return relationIndex(number: number, label: label, directed: directed)
    }

    private mutating func relationIndex(number: Int?, label: String?, directed: Bool) -> Int {
        if let number, let known = relationByNumber[number] {
            if let label { relations[known].name = label }
            return known
        }
        if number == nil && label == nil, let known = unnamed[directed] { return known }
        relations.append(RelationEntry(name: label ?? number.map(String.init) ?? "", directed: directed))
        let index = relations.count - 1
        if let number { relationByNumber[number] = index } else if label == nil { unnamed[directed] = index }
        return index
    }

    // MARK: Sections

    /// `i "label" [x y [z]] [shape] [key value]…`
    private mutating func readVertex(_ line: ByteScanner.Line) throws(AreaIOError) {
        let index = try vertex(tokens[0], line)
        if index >= labels.count {
            let added = index + 1 - labels.count
            labels += repeatElement(nil, count: added)
            labelOrigins += repeatElement(nil, count: added)
            vertexAttributes += repeatElement([:], count: added)
        }
        var columns = ["id": tokens.count > 1 ? 2 : 1]
        var next = 1
        if tokens.count > 1 {
            labels[index] = scanner.string(tokens[1])
            next = 2
        }
        // Coordinates, then a shape word, then key–value pairs.
        var attributes: [String: String] = [:]
        var coordinate = 0
        while next < tokens.count, coordinate < 3, scanner.number(tokens[next]) != nil, !tokens[next].quoted {
            let key = ["x", "y", "z"][coordinate]
            attributes[key] = scanner.string(tokens[next])
            columns[key] = next + 1
            coordinate += 1
            next += 1
        }
        if next < tokens.count, (tokens.count - next) % 2 == 1 {
            attributes["shape"] = scanner.string(tokens[next])
            next += 1
        }
        while next + 1 < tokens.count {
            attributes[scanner.string(tokens[next])] = scanner.string(tokens[next + 1])
            next += 2
        }
        for key in attributes.keys.sorted() where !attributeOrder.contains(key) { attributeOrder.append(key) }
        vertexAttributes[index] = attributes
        labelOrigins[index] = RowOrigin(file: file, line: line.number, columns: columns)
    }

    /// A line of `*Arcs`/`*Edges` (`i j [weight] [key value]…`) or of `*Arcslist`/
    /// `*Edgeslist` (`i j k …`), optionally prefixed by a relation number (`2:`).
    private mutating func readTies(
        _ line: ByteScanner.Line, relation: Int, directed: Bool, list: Bool
    ) throws(AreaIOError) {
        var relation = relation
        let first = tokens[0]
        var start = 0
        if !first.quoted, scanner.bytes[first.end - 1] == UInt8(ascii: ":"), first.end - first.start > 1 {
            guard let number = scanner.integer(ByteScanner.Token(start: first.start, end: first.end - 1, quoted: false))
            else {
                throw fail(location(line, first.start), "expected a relation number before ':'")
            }
            relation = relationIndex(number: number, label: nil, directed: directed)
            start = 1
        }
        guard tokens.count - start >= 2 else {
            throw fail(location(line, tokens[min(start, tokens.count - 1)].start), "expected two vertices on the line")
        }
        if list {
            try readTieList(line, from: start, relation: relation)
        } else {
            try readTie(line, from: start, relation: relation, directed: directed)
        }
    }

    /// `i j k …`: a tie from `i` to each of the others. Each token's column is its
    /// position, so a line of a million vertices is read in linear time.
    private mutating func readTieList(_ line: ByteScanner.Line, from start: Int, relation: Int) throws(AreaIOError) {
        let sourceToken = tokens[start]
        let source = try vertex(sourceToken, line)
        let sourceField = start + 1
        for position in (start + 1)..<tokens.count {
            let token = tokens[position]
            let target = try vertex(token, line)
            let origin = RowOrigin(
                file: file, line: line.number, columns: ["source": sourceField, "target": position + 1])
            try addTie(
                source, target, weight: 1, relation: relation, attributes: [:], origin: origin, line: line,
                at: token.start)
        }
    }

    /// `i j [weight] [key value]…`
    private mutating func readTie(
        _ line: ByteScanner.Line, from start: Int, relation: Int, directed: Bool
    ) throws(AreaIOError) {
        var relation = relation
        let sourceToken = tokens[start]
        let source = try vertex(sourceToken, line)
        let target = try vertex(tokens[start + 1], line)
        var weight = 1.0
        var weighted = false
        var next = start + 2
        if next < tokens.count, (tokens.count - next) % 2 == 1 {
            let token = tokens[next]
            weighted = true
            guard let value = scanner.number(token) else {
                throw fail(
                    location(line, token.start), "weight must be a number, got \(quoted(scanner.string(token)))")
            }
            weight = value
            next += 1
        }
        var attributes: [String: String] = [:]
        while next + 1 < tokens.count {
            attributes[scanner.string(tokens[next])] = scanner.string(tokens[next + 1])
            next += 2
        }
        // networkx writes edge attributes as pairs: `relation marriage`.
        if let named = attributes.removeValue(forKey: "relation") {
            let key = named + (directed ? "\u{1}a" : "\u{1}e")
            if let known = relationByAttribute[key] {
                relation = known
            } else {
                relations.append(RelationEntry(name: named, directed: directed))
                relation = relations.count - 1
                relationByAttribute[key] = relation
            }
        }
        try addTie(
            source, target, weight: weight, relation: relation, attributes: attributes,
            origin: RowOrigin(file: file, line: line.number, columns: tieColumns(start + 1, weighted)), line: line,
            at: sourceToken.start)
    }

    /// One row of `*Matrix`: `n` values, the row's ties.
    private mutating func readMatrixRow(
        _ line: ByteScanner.Line, relation: Int, directed: Bool, row: Int
    ) throws(AreaIOError) {
        guard row < vertexCount else {
            throw fail(location(line, tokens[0].start), "*Matrix has more than \(vertexCount) rows")
        }
        guard tokens.count == vertexCount else {
            throw fail(
                location(line, tokens[0].start),
                "*Matrix row has \(tokens.count) value\(tokens.count == 1 ? "" : "s"), expected \(vertexCount)")
        }
        for column in tokens.indices {
            let token = tokens[column]
            guard let value = scanner.number(token) else {
                throw fail(
                    location(line, token.start), "matrix value must be a number, got \(quoted(scanner.string(token)))")
            }
            if value == 0 || (!directed && column < row) { continue }
            let origin = RowOrigin(file: file, line: line.number, columns: ["weight": column + 1])
            try addTie(
                row, column, weight: value, relation: relation, attributes: [:], origin: origin, line: line,
                at: token.start)
        }
    }

    // MARK: Helpers

    private mutating func tieColumns(_ sourceField: Int, _ weighted: Bool) -> [String: Int] {
        let key = (sourceField - 1) * 2 + (weighted ? 1 : 0)
        if key < 4, let known = sharedColumns[key] { return known }
        var columns = ["source": sourceField, "target": sourceField + 1]
        if weighted { (columns["weight"], columns["votes"]) = (sourceField + 2, sourceField + 2) }
        if key < 4 { sharedColumns[key] = columns }
        return columns
    }

    private func vertex(_ token: ByteScanner.Token, _ line: ByteScanner.Line) throws(AreaIOError) -> Int {
        guard vertexCount >= 0 else {
            throw fail(location(line, token.start), "a tie before the *Vertices line")
        }
        guard let number = scanner.integer(token), number >= 1, number <= vertexCount else {
            throw fail(
                location(line, token.start),
                "vertex must be a number from 1 to \(vertexCount), got \(quoted(scanner.string(token)))")
        }
        return number - 1
    }

    private mutating func addTie(
        _ source: Int, _ target: Int, weight: Double, relation: Int, attributes: [String: String],
        origin: RowOrigin, line: ByteScanner.Line, at offset: Int
    ) throws(AreaIOError) {
        if firstMode > 0 {
            let (a, b) = (source < firstMode, target < firstMode)
            guard a != b else {
                throw fail(
                    location(line, offset),
                    "a two-mode network (*Vertices \(vertexCount) \(firstMode)) has ties only between vertices "
                        + "1–\(firstMode) and \(firstMode + 1)–\(vertexCount)")
            }
            seats.append((a ? source : target, (a ? target : source) - firstMode, weight, attributes))
            seatOrigins.append(origin)
        } else {
            relationships.append((source, target, weight, relation, attributes))
            tieOrigins.append(origin)
        }
    }

    // MARK: The area

    /// Organisations (vertices 1…n, or 1…n1 of a two-mode network), relationships, and the
    /// partnerships and memberships of a two-mode network.
    private mutating func assemble() -> ParsedArea {
        var assembly = AreaAssembly()
        // Relation names: unnamed sections are `tie`, or `arc` and `edge` side by side.
        let bothUnnamed = unnamed.count == 2
        for (direction, index) in unnamed {
            relations[index].name = bothUnnamed ? (direction ? "arc" : "edge") : Relationship.defaultRelation
        }

        let organisationCount = firstMode > 0 ? firstMode : vertexCount
        var missing = Set<String>()
        // networkx writes node attributes as `key value` pairs: `sector family`.
        assembly.area.organisations.reserveCapacity(organisationCount)
        for index in 0..<organisationCount {
            let id = label(index)
            var attributes = index < vertexAttributes.count ? vertexAttributes[index] : [:]
            let sector = attributes.removeValue(forKey: "sector")
            if sector == nil { missing.insert(id) }
            assembly.area.organisations.append(
                Organisation(
                    id: id, name: attributes.removeValue(forKey: "name"), sector: sector ?? ParsedArea.unknownSector,
                    subsector: attributes.removeValue(forKey: "subsector"), attributes: attributes))
            assembly.origins.organisations.append(origin(index))
        }
        assembly.area.extraColumns.organisations = attributeOrder.filter {
            !["sector", "name", "subsector"].contains($0)
        }
        let ids = assembly.area.organisations.map(\.id)
        assembly.area.relationships.reserveCapacity(relationships.count)
        for tie in relationships {
            assembly.area.relationships.append(
                Relationship(
                    source: ids[tie.source], target: ids[tie.target], weight: tie.weight,
                    relation: relations[tie.relation].name, attributes: tie.attributes))
        }
        assembly.origins.relationships = RowOrigins(tieOrigins)
        var tieColumnNames = Set<String>()
        for tie in relationships where !tie.attributes.isEmpty { tieColumnNames.formUnion(tie.attributes.keys) }
        assembly.area.extraColumns.relationships = tieColumnNames.sorted()
        if firstMode > 0 { assembleTwoMode(into: &assembly, ids: ids) }
        assembly.origins.hasPartnershipsTable = true
        assembly.origins.membershipsFile = file

        var metadata = AreaMetadata.directions(
            assembly.area.relationNames.map { name in
                (name, relations.first { $0.name == name }!.directed)
            })
        metadata.name = name
        assembly.area.metadata = metadata
        if !ignoredSections.isEmpty {
            diagnostics.append(
                .warning(
                    at: SourceLocation(file: file),
                    "sections that are not part of the network were skipped: "
                        + Array(Set(ignoredSections)).sorted().joined(separator: ", ")))
        }
        assembly.diagnostics = diagnostics
        return ParsedArea(assembly: assembly, missingSector: MissingSectors(missing))
    }

    /// Vertices n1+1…n as partnerships, and the ties as memberships whose value is the votes.
    private func assembleTwoMode(into assembly: inout AreaAssembly, ids: [String]) {
        for index in firstMode..<vertexCount {
            let attributes = index < vertexAttributes.count ? vertexAttributes[index] : [:]
            assembly.area.partnerships.append(Partnership(id: label(index), attributes: attributes))
            assembly.origins.partnerships.append(origin(index))
        }
        let partnershipIDs = assembly.area.partnerships.map(\.id)
        for (seat, origin) in zip(seats, seatOrigins) {
            var attributes = seat.attributes
            var votes: Int?
            if seat.value >= 0 && seat.value == seat.value.rounded() && seat.value < 1e9 {
                votes = Int(seat.value)
            } else {
                attributes["weight"] = formatNumber(seat.value)
            }
            assembly.area.memberships.append(
                Membership(
                    partnership: partnershipIDs[seat.partnership], organisation: ids[seat.organisation],
                    votes: votes, attributes: attributes))
            assembly.origins.memberships.append(origin)
        }
        assembly.area.extraColumns.partnerships = attributeOrder
        assembly.area.extraColumns.memberships = Array(Set(seats.flatMap(\.attributes.keys))).sorted()
    }

    /// Vertex `index`'s label, or its number when it has none.
    private func label(_ index: Int) -> String {
        (index < labels.count ? labels[index] : nil) ?? String(index + 1)
    }

    private func origin(_ index: Int) -> RowOrigin {
        (index < labelOrigins.count ? labelOrigins[index] : nil) ?? RowOrigin(file: file)
    }
}
