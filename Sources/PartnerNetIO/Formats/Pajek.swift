import Foundation
import PartnerNetCore

/// Pajek's `.net` network files (Batagelj & Mrvar, *Pajek: Program for Analysis and
/// Visualization of Large Networks*, reference manual, chapter "Input file formats").
///
/// Read: `*Network name`; `*Vertices n` with lines `i "label" [x y [z]] [shape] [key
/// value]…` (coordinates become the columns `x`, `y`, `z`; the shape `shape`; other pairs
/// columns by their key); `*Arcs`, `*Edges`, `*Arcslist`, `*Edgeslist` and `*Matrix`
/// sections, each optionally a relation of a multi-relational network (`*Arcs :2
/// "funding"`, or lines prefixed `2:`), lines `i j [weight] [key value]…`; two-mode
/// networks (`*Vertices n n1`: the first n1 vertices organisations, the rest partnerships,
/// ties between them memberships whose value is the votes). `%` starts a comment line.
///
/// Written: the area's name, vertices labelled by id (with `x y [z]` when every
/// organisation has them), one section per relation — `*Arcs` or `*Edges` by its
/// direction, `:k "relation"` — in the order the relations first appear; an area with
/// memberships and no relationships as a two-mode network.
///
/// Unnamed sections are the relation `tie`; when a file has both unnamed `*Arcs` and
/// unnamed `*Edges`, they are the relations `arc` and `edge` (a relation has one direction).
enum PajekFormat {
    // MARK: Reading

    private enum Section {
        case none
        case vertices
        case ties(relation: Int, directed: Bool, list: Bool)
        case matrix(relation: Int, directed: Bool, row: Int)
        case ignored
    }

    /// A relation as declared by section headers.
    private struct RelationEntry {
        var name: String
        var directed: Bool
    }

    static func parse(_ data: Data, file: String) throws(AreaIOError) -> ParsedArea {
        let text: String
        do {
            text = try UTF8Text.decode(data, file: file)
        } catch {
            throw .invalidInput([error.diagnostic])
        }
        let scanner = ByteScanner(text, file: file)
        var assembly = AreaAssembly()
        var diagnostics: [Diagnostic] = []
        func fail(_ location: SourceLocation, _ message: String) throws(AreaIOError) -> Never {
            throw .invalidInput(diagnostics + [.error(at: location, message)])
        }

        var name: String?
        var vertexCount = -1
        var firstMode = 0  // n1 of a two-mode network; 0 for one-mode
        var labels: [String?] = []
        var labelOrigins: [RowOrigin?] = []
        var vertexAttributes: [[String: String]] = []
        var attributeOrder: [String] = []
        var section = Section.none
        var relations: [RelationEntry] = []
        var relationByNumber: [Int: Int] = [:]
        var unnamed: [Bool: Int] = [:]  // direction → relation index of unnamed sections
        var relationByAttribute: [String: Int] = [:]
        // Field positions of a tie line, shared between lines (one dictionary, not one per line).
        var sharedColumns: [[String: Int]?] = [nil, nil, nil, nil]
        func tieColumns(_ sourceField: Int, _ weighted: Bool) -> [String: Int] {
            let key = (sourceField - 1) * 2 + (weighted ? 1 : 0)
            if key < 4, let known = sharedColumns[key] { return known }
            var columns = ["source": sourceField, "target": sourceField + 1]
            if weighted { (columns["weight"], columns["votes"]) = (sourceField + 2, sourceField + 2) }
            if key < 4 { sharedColumns[key] = columns }
            return columns
        }
        var relationships: [(source: Int, target: Int, weight: Double, relation: Int, attributes: [String: String])] =
            []
        var tieOrigins: [RowOrigin] = []
        var seats: [(organisation: Int, partnership: Int, value: Double, attributes: [String: String])] = []
        var seatOrigins: [RowOrigin] = []
        var ignoredSections: [String] = []
        var tokens: [ByteScanner.Token] = []
        tokens.reserveCapacity(8)

        func relationIndex(number: Int?, label: String?, directed: Bool) -> Int {
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

        func vertex(_ token: ByteScanner.Token, _ line: ByteScanner.Line) throws(AreaIOError) -> Int {
            guard vertexCount >= 0 else {
                try fail(scanner.location(line, token.start, tokens), "a tie before the *Vertices line")
            }
            guard let number = scanner.integer(token), number >= 1, number <= vertexCount else {
                try fail(
                    scanner.location(line, token.start, tokens),
                    "vertex must be a number from 1 to \(vertexCount), got \(quoted(scanner.string(token)))")
            }
            return number - 1
        }

        func addTie(
            _ source: Int, _ target: Int, weight: Double, relation: Int, attributes: [String: String],
            origin: RowOrigin, line: ByteScanner.Line, at offset: Int
        ) throws(AreaIOError) {
            if firstMode > 0 {
                let (a, b) = (source < firstMode, target < firstMode)
                guard a != b else {
                    try fail(
                        scanner.location(line, offset, tokens),
                        "a two-mode network (*Vertices \(vertexCount) \(firstMode)) has ties only between vertices "
                            + "1–\(firstMode) and \(firstMode + 1)–\(vertexCount)")
                }
                seats.append(
                    (a ? source : target, (a ? target : source) - firstMode, weight, attributes))
                seatOrigins.append(origin)
            } else {
                relationships.append((source, target, weight, relation, attributes))
                tieOrigins.append(origin)
            }
        }

        for line in scanner.lines() {
            if line.start == line.end { continue }
            let firstByte = scanner.bytes[line.start]
            if firstByte == UInt8(ascii: "%") { continue }
            if let open = scanner.tokens(of: line, into: &tokens) {
                try fail(SourceLocation(file: file, line: line.number, column: open), "quoted label is never closed")
            }
            guard let first = tokens.first else { continue }

            if scanner.bytes[first.start] == UInt8(ascii: "*") && !first.quoted {
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
                    guard vertexCount < 0 else {
                        try fail(
                            scanner.location(line, first.start, tokens), "a second *Vertices line: one network per file"
                        )
                    }
                    guard tokens.count >= 2, let count = scanner.integer(tokens[1]) else {
                        try fail(scanner.location(line, first.start, tokens), "*Vertices needs the number of vertices")
                    }
                    vertexCount = count
                    if tokens.count >= 3 {
                        guard let n1 = scanner.integer(tokens[2]), n1 >= 1, n1 < count else {
                            try fail(
                                scanner.location(line, tokens[2].start, tokens),
                                "the size of the first mode must be a number from 1 to \(count - 1)")
                        }
                        firstMode = n1
                    }
                    labels = Array(repeating: nil, count: count)
                    labelOrigins = Array(repeating: nil, count: count)
                    vertexAttributes = Array(repeating: [:], count: count)
                    section = .vertices
                case "*arcs", "*edges", "*arcslist", "*edgeslist", "*matrix":
                    let directed = keyword.hasPrefix("*arcs") || keyword == "*matrix"
                    var number: Int?
                    var label: String?
                    var rest = tokens.dropFirst()
                    if let mark = rest.first, scanner.bytes[mark.start] == UInt8(ascii: ":"), !mark.quoted {
                        if mark.end - mark.start > 1 {
                            number = scanner.integer(
                                ByteScanner.Token(start: mark.start + 1, end: mark.end, quoted: false))
                            rest = rest.dropFirst()
                        } else if rest.count > 1 {
                            number = scanner.integer(rest[rest.startIndex + 1])
                            rest = rest.dropFirst(2)
                        }
                        if number == nil {
                            try fail(scanner.location(line, mark.start, tokens), "expected a relation number after ':'")
                        }
                    }
                    if let token = rest.first {
                        label = scanner.string(from: token.start, to: rest.last!.end)
                        if token.quoted { label = scanner.string(token) }
                    }
                    let relation = relationIndex(number: number, label: label, directed: directed)
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
                continue
            }

            switch section {
            case .none:
                try fail(
                    scanner.location(line, first.start, tokens),
                    "expected a *Vertices, *Arcs or *Edges line, got \(quoted(scanner.string(first)))")
            case .ignored:
                continue
            case .vertices:
                let index = try vertex(first, line)
                var columns = ["id": tokens.count > 1 ? scanner.field(of: tokens[1].start, tokens) : 1]
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
                    columns[key] = scanner.field(of: tokens[next].start, tokens)
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
            case .ties(var relation, let directed, let list):
                var rest = tokens[...]
                if !first.quoted, scanner.bytes[first.end - 1] == UInt8(ascii: ":"), first.end - first.start > 1 {
                    let number = scanner.integer(
                        ByteScanner.Token(start: first.start, end: first.end - 1, quoted: false))
                    guard let number else {
                        try fail(scanner.location(line, first.start, tokens), "expected a relation number before ':'")
                    }
                    relation = relationIndex(number: number, label: nil, directed: directed)
                    rest = rest.dropFirst()
                }
                guard rest.count >= 2 else {
                    try fail(
                        scanner.location(line, rest.first?.start ?? first.start, tokens),
                        "expected two vertices on the line")
                }
                let sourceToken = rest[rest.startIndex]
                let source = try vertex(sourceToken, line)
                if list {
                    for token in rest.dropFirst() {
                        let target = try vertex(token, line)
                        let origin = RowOrigin(
                            file: file, line: line.number,
                            columns: [
                                "source": scanner.field(of: sourceToken.start, tokens),
                                "target": scanner.field(of: token.start, tokens),
                            ])
                        try addTie(
                            source, target, weight: 1, relation: relation, attributes: [:], origin: origin, line: line,
                            at: token.start)
                    }
                    continue
                }
                let targetToken = rest[rest.startIndex + 1]
                let target = try vertex(targetToken, line)
                let sourceField = rest.startIndex + 1
                var weight = 1.0
                var weighted = false
                var next = rest.startIndex + 2
                if next < rest.endIndex, (rest.endIndex - next) % 2 == 1 {
                    let token = rest[next]
                    weighted = true
                    guard let value = scanner.number(token) else {
                        try fail(
                            scanner.location(line, token.start, tokens),
                            "weight must be a number, got \(quoted(scanner.string(token)))")
                    }
                    weight = value
                    next += 1
                }
                var attributes: [String: String] = [:]
                while next + 1 < rest.endIndex {
                    attributes[scanner.string(rest[next])] = scanner.string(rest[next + 1])
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
                    origin: RowOrigin(file: file, line: line.number, columns: tieColumns(sourceField, weighted)),
                    line: line,
                    at: sourceToken.start)
            case .matrix(let relation, let directed, let row):
                guard row < vertexCount else {
                    try fail(scanner.location(line, first.start, tokens), "*Matrix has more than \(vertexCount) rows")
                }
                guard tokens.count == vertexCount else {
                    try fail(
                        scanner.location(line, first.start, tokens),
                        "*Matrix row has \(tokens.count) value\(tokens.count == 1 ? "" : "s"), expected \(vertexCount)")
                }
                for (column, token) in tokens.enumerated() {
                    guard let value = scanner.number(token) else {
                        try fail(
                            scanner.location(line, token.start, tokens),
                            "matrix value must be a number, got \(quoted(scanner.string(token)))")
                    }
                    if value == 0 || (!directed && column < row) { continue }
                    let origin = RowOrigin(
                        file: file, line: line.number, columns: ["weight": scanner.field(of: token.start, tokens)])
                    try addTie(
                        row, column, weight: value, relation: relation, attributes: [:], origin: origin, line: line,
                        at: token.start)
                }
                section = .matrix(relation: relation, directed: directed, row: row + 1)
            }
        }
        guard vertexCount >= 0 else {
            try fail(SourceLocation(file: file, line: 1), "not a Pajek network: no *Vertices line")
        }

        // Relation names: unnamed sections are `tie`, or `arc` and `edge` side by side.
        let bothUnnamed = unnamed.count == 2
        for (direction, index) in unnamed {
            relations[index].name = bothUnnamed ? (direction ? "arc" : "edge") : Relationship.defaultRelation
        }

        let organisationCount = firstMode > 0 ? firstMode : vertexCount
        var missing = Set<String>()
        // networkx writes node attributes as `key value` pairs: `sector family`.
        for index in 0..<organisationCount {
            let id = labels[index] ?? String(index + 1)
            var attributes = vertexAttributes[index]
            let sector = attributes.removeValue(forKey: "sector")
            if sector == nil { missing.insert(id) }
            assembly.area.organisations.append(
                Organisation(
                    id: id, name: attributes.removeValue(forKey: "name"), sector: sector ?? ParsedArea.unknownSector,
                    subsector: attributes.removeValue(forKey: "subsector"), attributes: attributes))
            assembly.origins.organisations.append(labelOrigins[index] ?? RowOrigin(file: file))
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
        assembly.origins.relationships = tieOrigins
        var tieColumnNames = Set<String>()
        for tie in relationships where !tie.attributes.isEmpty { tieColumnNames.formUnion(tie.attributes.keys) }
        assembly.area.extraColumns.relationships = tieColumnNames.sorted()
        if firstMode > 0 {
            for index in firstMode..<vertexCount {
                let id = labels[index] ?? String(index + 1)
                assembly.area.partnerships.append(Partnership(id: id, attributes: vertexAttributes[index]))
                assembly.origins.partnerships.append(labelOrigins[index] ?? RowOrigin(file: file))
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
        assembly.origins.hasPartnershipsTable = true
        assembly.origins.membershipsFile = file

        var metadata = AreaMetadata.directions(
            relationsInOrder(assembly.area.relationships).map { name in
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
        return ParsedArea(assembly: assembly, missingSector: missing)
    }

    private static func relationsInOrder(_ relationships: [Relationship]) -> [String] {
        var seen = Set<String>()
        return relationships.compactMap { seen.insert($0.relation).inserted ? $0.relation : nil }
    }

    // MARK: Writing

    /// The area as a Pajek network, and what Pajek could not carry.
    static func encode(_ area: Area) -> (text: String, lost: [String]) {
        var lost: [String] = []
        let twoMode = area.relationships.isEmpty && !area.memberships.isEmpty
        var out = ""
        out.reserveCapacity(64 + area.relationships.count * 16)
        if let name = area.metadata.name { out += "*Network \(label(name))\n" }

        // Coordinates travel when every organisation has them.
        let organisations = area.organisations
        let hasXY =
            !organisations.isEmpty
            && organisations.allSatisfy { o in
                ["x", "y"].allSatisfy { o.attributes[$0].flatMap(Double.init) != nil }
            }
        let hasZ = hasXY && organisations.allSatisfy { $0.attributes["z"].flatMap(Double.init) != nil }
        let carriedColumns: Set<String> = hasXY ? (hasZ ? ["x", "y", "z"] : ["x", "y"]) : []

        var number: [String: Int] = [:]
        let vertexTotal = organisations.count + (twoMode ? area.partnerships.count : 0)
        out += twoMode ? "*Vertices \(vertexTotal) \(organisations.count)\n" : "*Vertices \(vertexTotal)\n"
        var unwritable: [String] = []
        for (index, organisation) in organisations.enumerated() {
            if number[organisation.id] == nil { number[organisation.id] = index + 1 }
            if !canLabel(organisation.id) { unwritable.append(organisation.id) }
            out += "\(index + 1) \(label(organisation.id))"
            if hasXY {
                out += " \(organisation.attributes["x"]!) \(organisation.attributes["y"]!)"
                if hasZ { out += " \(organisation.attributes["z"]!)" }
            }
            out += "\n"
        }
        var partnershipNumber: [String: Int] = [:]
        if twoMode {
            for (index, partnership) in area.partnerships.enumerated() {
                let vertex = organisations.count + index + 1
                if partnershipNumber[partnership.id] == nil { partnershipNumber[partnership.id] = vertex }
                if !canLabel(partnership.id) { unwritable.append(partnership.id) }
                out += "\(vertex) \(label(partnership.id))\n"
            }
        }

        if let fields = lostOrganisationFields(organisations, carried: carriedColumns) {
            lost.append("organisation \(fields)")
        }

        if twoMode {
            out += "*Edges\n"
            for seat in area.memberships {
                guard let a = number[seat.organisation], let b = partnershipNumber[seat.partnership] else { continue }
                out += "\(a) \(b) \(seat.votes)\n"
            }
            var partnershipLost: [String] = []
            if area.partnerships.contains(where: {
                $0.name != nil || $0.parent != nil || $0.quota != nil || !$0.attributes.isEmpty
            }) {
                partnershipLost.append("partnership names, parents, quotas and columns")
            }
            if area.memberships.contains(where: { $0.role != .member || !$0.attributes.isEmpty }) {
                partnershipLost.append("membership roles and columns (votes are the tie values)")
            }
            lost += partnershipLost
        } else {
            let relations = area.relationNames
            var byRelation: [String: [Relationship]] = [:]
            for tie in area.relationships { byRelation[tie.relation, default: []].append(tie) }
            // One relation gets a plain header, which igraph and networkx read; several need
            // Pajek's multi-relational headers, which they do not.
            if relations.count == 1 && relations[0] != Relationship.defaultRelation {
                lost.append("the relation's name \(quoted(relations[0])) (a one-relation network has none)")
            }
            for (index, relation) in relations.enumerated() {
                let directed = area.metadata.isDirected(relation: relation)
                out += directed ? "*Arcs" : "*Edges"
                if relations.count > 1 {
                    if !canLabel(relation) { unwritable.append(relation) }
                    out += " :\(index + 1) \(label(relation))"
                }
                out += "\n"
                for tie in byRelation[relation]! {
                    guard let a = number[tie.source], let b = number[tie.target] else { continue }
                    out += "\(a) \(b) \(formatNumber(tie.weight))\n"
                }
            }
            if area.relationships.contains(where: { !$0.attributes.isEmpty }) {
                lost.append(
                    "relationship columns (\(Set(area.relationships.flatMap(\.attributes.keys)).sorted().joined(separator: ", ")))"
                )
            }
            if !area.partnerships.isEmpty || !area.memberships.isEmpty {
                lost.append(
                    "\(area.partnerships.count) partnerships and \(area.memberships.count) memberships (a Pajek network "
                        + "is one-mode or two-mode; write an area without relationships for a two-mode network)")
            }
        }
        if area.metadata.focalSector != nil || !area.metadata.extra.isEmpty {
            lost.append("area.json keys other than name and directions")
        }
        if let units = area.metadata.lostUnits { lost.append(units) }
        if !unwritable.isEmpty {
            lost.append(
                "double quotes and line breaks in labels (\(unwritable.prefix(3).map(quoted).joined(separator: ", "))), "
                    + "written as single quotes and spaces")
        }
        return (out, lost)
    }

    /// What a format that labels vertices by id alone leaves out of the organisations, or
    /// `nil` when nothing: names, sectors other than "none", subsectors, columns.
    static func lostOrganisationFields(_ organisations: [Organisation], carried: Set<String> = []) -> String? {
        var fields: [String] = []
        if organisations.contains(where: { $0.name != nil }) { fields.append("names") }
        if organisations.contains(where: { $0.sector != ParsedArea.unknownSector }) { fields.append("sectors") }
        if organisations.contains(where: { $0.subsector != nil }) { fields.append("subsectors") }
        let columns = Set(organisations.flatMap(\.attributes.keys)).subtracting(carried).sorted()
        if !columns.isEmpty { fields.append("columns (\(columns.joined(separator: ", ")))") }
        return fields.isEmpty ? nil : fields.joined(separator: ", ")
    }

    /// Whether `text` can be a quoted Pajek label as it is.
    private static func canLabel(_ text: String) -> Bool {
        !text.contains { $0 == "\"" || $0.isNewline }
    }

    /// A quoted label; quotes and line breaks, which Pajek cannot quote, replaced.
    private static func label(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\"" {
                out += "'"
            } else if character.isNewline {
                out += " "
            } else {
                out.append(character)
            }
        }
        return out + "\""
    }
}
