import Foundation
import PartnerNetCore

/// The forms an area can be read from and written to, besides DOT (which needs Graphviz
/// and is handled by `PartnerNetGraphviz`).
///
/// | form | extensions | carries |
/// |---|---|---|
/// | area folder | (a folder) | everything |
/// | JSON | `.json` | everything |
/// | GraphML | `.graphml` | everything but unknown ties (partnerships as nodes of `kind` partnership) |
/// | GEXF 1.3 | `.gexf` | everything but `focal_sector`, relation units and unknown `area.json` keys |
/// | UCINET DL | `.dl` | ids, relations as matrices, or memberships as a two-mode matrix |
/// | Pajek | `.net`, `.paj` | ids, coordinates, relations with direction, or memberships (two-mode) |
/// | edge list | `.csv`, `.tsv`, `.txt`, `.edges`, `.edgelist` | relationships (organisations with `--nodes`) |
///
/// Only the folder and JSON carry unknown ties (`NA` rows); every other form leaves them
/// out, saying how many in its warning.
public enum AreaFormat: String, CaseIterable, Sendable, Hashable {
    case folder
    case json
    case graphml
    case gexf
    case dl
    case pajek
    case edgelist

    /// The format named by a `--from`/`--to` value (any letter case; `ucinet`, `net`,
    /// `csv`, `tsv`, `xml` are accepted too).
    public init?(name: String) {
        switch name.lowercased() {
        case "folder", "area", "dir", "directory": self = .folder
        case "json": self = .json
        case "graphml", "xml": self = .graphml
        case "gexf": self = .gexf
        case "dl", "ucinet": self = .dl
        case "pajek", "net", "paj": self = .pajek
        case "edgelist", "edges", "csv", "tsv", "txt", "edge-list": self = .edgelist
        default: return nil
        }
    }

    /// The format a path's extension names, `nil` for none of them (a folder, DOT, or an
    /// unknown extension).
    public init?(path: String) {
        let lowered = path.lowercased()
        guard let dot = lowered.lastIndex(of: "."), !lowered[dot...].contains("/") else { return nil }
        switch lowered[lowered.index(after: dot)...] {
        case "json": self = .json
        case "graphml": self = .graphml
        case "gexf": self = .gexf
        case "dl": self = .dl
        case "net", "paj": self = .pajek
        case "csv", "tsv", "txt", "edges", "edgelist": self = .edgelist
        default: return nil
        }
    }

    /// The names accepted by `--from` and `--to`, for messages.
    public static let vocabulary = "folder, json, graphml, gexf, dl, pajek, edgelist"

    /// A short name for messages: "UCINET DL", "Pajek .net".
    public var displayName: String {
        switch self {
        case .folder: "an area folder"
        case .json: "JSON"
        case .graphml: "GraphML"
        case .gexf: "GEXF"
        case .dl: "UCINET DL"
        case .pajek: "Pajek .net"
        case .edgelist: "an edge list"
        }
    }
}

/// How to read formats that leave something unsaid.
public struct FormatReadOptions: Sendable, Hashable {
    /// For an edge list without a `directed` column: whether its ties are arcs (default
    /// false). Other formats say so themselves.
    public var directed: Bool?
    /// An organisations table (`organisations.csv` columns: `id`, `name`, `sector`,
    /// `subsector`, any other) whose rows complete or add the organisations read: for
    /// formats without node attributes (edge lists, DL, Pajek), or to add isolates.
    public var nodesFile: String?

    public init(directed: Bool? = nil, nodesFile: String? = nil) {
        self.directed = directed
        self.nodesFile = nodesFile
    }
}

/// What writing an area in a format could not carry: at most one warning, naming every
/// part left out.
public struct WriteReport: Sendable {
    /// The warning, if anything was left out.
    public let warning: Diagnostic?

    init(path: String, format: AreaFormat, lost: [String]) {
        warning =
            lost.isEmpty
            ? nil
            : .warning(
                at: SourceLocation(file: path),
                "\(format.displayName) cannot carry \(lost.joined(separator: "; ")): not written")
    }
}

extension AreaFormat {
    /// Reads the area at `path` in this format.
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)`` with every problem found: a malformed
    ///   file as `FILE:LINE[:COLUMN]: error: REASON`, then the checks every area gets.
    public func read(
        at path: String, options: FormatReadOptions = FormatReadOptions()
    ) throws(AreaIOError)
        -> LoadedArea
    {
        var parsed: ParsedArea
        switch self {
        case .folder, .json:
            var loaded = try (self == .json ? AreaJSON.read(at: path) : AreaFolder.read(at: path))
            if let nodes = options.nodesFile {
                var parsed = ParsedArea(assembly: AreaAssembly())
                parsed.assembly.area = loaded.area
                parsed.assembly.origins = AreaOrigins(describing: loaded.area, file: path)
                NodesTable.merge(nodes, into: &parsed)
                loaded = try parsed.assembly.finish(path: path)
            }
            return loaded
        case .graphml: parsed = try GraphMLFormat.parse(try Self.data(path), file: path)
        case .gexf: parsed = try GEXFFormat.parse(try Self.data(path), file: path)
        case .dl: parsed = try DLFormat.parse(try Self.text(path), file: path)
        case .pajek: parsed = try PajekFormat.parse(try Self.data(path), file: path)
        case .edgelist: parsed = try EdgeListFormat.parse(try FileText(path: path), file: path, options: options)
        }
        if let nodes = options.nodesFile { NodesTable.merge(nodes, into: &parsed) }
        NodesTable.warnMissingSectors(in: &parsed, file: path, format: self)
        return try parsed.assembly.finish(path: path)
    }

    /// The area as this format's text, and what it could not carry.
    public func encode(_ area: Area) -> (text: String, lost: [String]) {
        switch self {
        case .folder: return ("", [])
        case .json: return (AreaJSON.encode(area), [])
        case .graphml: return Self.withUnknownTies(GraphMLFormat.encode(area), area)
        case .gexf: return Self.withUnknownTies(GEXFFormat.encode(area, colours: [:]), area)
        case .dl: return Self.withUnknownTies(DLFormat.encode(area), area)
        case .pajek: return Self.withUnknownTies(PajekFormat.encode(area), area)
        case .edgelist: return Self.withUnknownTies(EdgeListFormat.encode(area, separator: ","), area)
        }
    }

    /// What a format other than the folder and JSON loses of the unknown ties: all of them
    /// (it has no way to say "unknown" that readers would not take for a tie or for none).
    static func withUnknownTies(
        _ encoded: (text: String, lost: [String]), _ area: Area
    ) -> (
        text: String, lost: [String]
    ) {
        (encoded.text, encoded.lost + (Self.lostUnknownTies(area).map { [$0] } ?? []))
    }

    /// "N unknown ties (weight NA)" when the area has any, for the warning of a format that
    /// cannot carry them; `nil` otherwise.
    public static func lostUnknownTies(_ area: Area) -> String? {
        let count = area.unknownTies.count
        return count == 0 ? nil : "\(count) unknown tie\(count == 1 ? "" : "s") (weight NA)"
    }

    /// Writes `area` to `path` in this format.
    ///
    /// - Parameters:
    ///   - sectorColours: for GEXF, the `#RRGGBB` colour of each sector (`viz:color`).
    ///   - nodesFile: for an edge list, where to write the organisations table as well.
    ///   - dynamic: for GEXF, a dynamic graph: each dated row's `since`/`until` as a spell.
    /// - Returns: what the format could not carry, as one warning.
    /// - Throws: ``AreaIOError/cannotWrite(path:reason:)``.
    @discardableResult
    public func write(
        _ area: Area, to path: String, sectorColours: [String: String] = [:], nodesFile: String? = nil,
        dynamic: Bool = false
    ) throws(AreaIOError) -> WriteReport {
        switch self {
        case .folder:
            try AreaFolder.write(area, to: path)
            return WriteReport(path: path, format: self, lost: [])
        case .json:
            try AreaJSON.write(area, to: path)
            return WriteReport(path: path, format: self, lost: [])
        default: break
        }
        var (text, lost): (String, [String])
        switch self {
        case .gexf: (text, lost) = GEXFFormat.encode(area, colours: sectorColours, dynamic: dynamic)
        case .edgelist:
            let separator = path.lowercased().hasSuffix(".tsv") ? "\t" : ","
            (text, lost) = EdgeListFormat.encode(area, separator: separator, withNodes: nodesFile != nil)
            if let nodesFile {
                try Self.save(NodesTable.encode(area), to: nodesFile)
            }
        default: (text, lost) = encode(area)
        }
        if self == .gexf || self == .edgelist, let unknown = Self.lostUnknownTies(area) { lost.append(unknown) }
        try Self.save(text, to: path)
        return WriteReport(path: path, format: self, lost: lost)
    }

    static func save(_ text: String, to path: String) throws(AreaIOError) {
        do {
            try SafeFileWriter.write(text, to: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }

    static func data(_ path: String) throws(AreaIOError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: path), missing ? AreaSource.missingReason(path) : "cannot read the file")
            ])
        }
        return data
    }

    static func text(_ path: String) throws(AreaIOError) -> String {
        let bytes = try data(path)
        do {
            return try UTF8Text.decode(bytes, file: path)
        } catch {
            throw .invalidInput([error.diagnostic])
        }
    }
}

/// The organisations of an area read from a format whose sector the file did not say, as
/// a nodes file leaves them.
struct MissingSectors {
    /// Every organisation read, for a format that gives no sector at all (an edge list):
    /// no set of a million ids.
    private var everyRead = false
    /// The organisations read without a sector, for a format that gives some.
    private var ids: Set<String> = []
    /// Ids whose sector a nodes file gave since.
    private var given: Set<String> = []

    init() {}

    init(_ ids: Set<String>) { self.ids = ids }

    /// Every organisation read lacks a sector.
    static var everyOrganisation: MissingSectors {
        var missing = MissingSectors()
        missing.everyRead = true
        return missing
    }

    func contains(_ id: String) -> Bool { !given.contains(id) && (everyRead || ids.contains(id)) }

    /// Records that a nodes file gives `id` a sector (whether or not it was read).
    mutating func remove(_ id: String) {
        if everyRead { given.insert(id) } else { ids.remove(id) }
    }
}

/// An area read from a format, before the nodes file and the checks.
struct ParsedArea {
    var assembly: AreaAssembly
    /// Organisations whose sector the file did not say (their sector is "none").
    var missingSector = MissingSectors()

    /// Sector given to organisations the file says nothing of.
    static let unknownSector = "none"
}

extension AreaMetadata {
    /// "the units of relations …" when any relation declares a `unit`, for the warning of
    /// a format that has no place for one; `nil` otherwise.
    var lostUnits: String? {
        let named = relations.filter { $0.value.unit != nil }.keys.sorted()
        return named.isEmpty ? nil : "the units of relations \(named.joined(separator: ", "))"
    }

    /// Directions as a format without `area.json` can say them: the default is directed
    /// when any relation is, and each relation going the other way is listed.
    static func directions(_ directed: [(relation: String, directed: Bool)], otherwise: Bool = false) -> AreaMetadata {
        guard !directed.isEmpty else { return AreaMetadata(directed: otherwise) }
        let anyDirected = directed.contains { $0.directed }
        var relations: [String: RelationOptions] = [:]
        for (relation, isDirected) in directed where isDirected != anyDirected {
            relations[relation] = RelationOptions(directed: isDirected)
        }
        return AreaMetadata(directed: anyDirected, relations: relations)
    }
}
