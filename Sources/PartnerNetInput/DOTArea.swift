import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetIO

/// DOT files as areas, parsed by Graphviz's own parser after their text has been checked
/// against the limits below (see `Docs/LIMITS.md`).
public enum DOTArea {
    /// The most ties a DOT file may make, its edge statements between `{…}` groups
    /// expanded: 1,000,000. Graphviz holds nine million edges in 3.7 GB, and a product of
    /// two groups of a few thousand names is enough to make them.
    public static let maximumTies = 1_000_000

    /// The deepest nesting of subgraphs (`{…}` inside the graph) read: 1,000.
    public static let maximumDepth = 1_000

    /// Whether `path` names a DOT file (`.dot` or `.gv`).
    public static func isDOT(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".dot") || lowered.hasSuffix(".gv")
    }

    /// The area in the DOT file at `path`, checked like any other.
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)`` with Graphviz's message for bad DOT, an
    ///   error for a file holding several graphs, nesting subgraphs too deep or making more
    ///   ties than ``maximumTies``, or every problem of the area it describes.
    public static func read(at path: String) throws(AreaIOError) -> LoadedArea {
        try read(at: path, maximumTies: maximumTies, maximumDepth: maximumDepth)
    }

    /// ``read(at:)`` with the limits as parameters, for the tests.
    static func read(at path: String, maximumTies: Int, maximumDepth: Int) throws(AreaIOError) -> LoadedArea {
        guard let data = FileManager.default.contents(atPath: path) else {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: path), missing ? AreaSource.missingReason(path) : "cannot read the file")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidInput([.error(at: SourceLocation(file: path), "not valid UTF-8")])
        }
        let shape = DOTShape(text, maximumDepth: maximumDepth, maximumTies: maximumTies)
        if let line = shape.secondGraphLine {
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: path, line: line),
                    "the file holds \(shape.graphs) graphs; PartnerNet reads one (split the file, one graph each)")
            ])
        }
        if let line = shape.deepestLine {
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: path, line: line),
                    "subgraphs are nested more than \(maximumDepth) levels deep; PartnerNet reads at most "
                        + "\(maximumDepth)")
            ])
        }
        if let line = shape.tooManyTiesLine {
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: path, line: line),
                    "the edge statements up to this line make up to \(shape.ties == Int.max ? "more than 10¹⁸" : String(shape.ties)) "
                        + "ties, more than the \(maximumTies) PartnerNet reads from a DOT file (an edge between two "
                        + "{…} groups makes a tie for every pair)")
            ])
        }
        let graph: DOTGraph
        do {
            graph = try Graphviz.parse(dot: text)
        } catch {
            // Graphviz says "syntax error in line 2 near ';'": keep the line as the location.
            let line = error.description.range(of: #"in line \d+"#, options: .regularExpression)
                .flatMap { Int(error.description[$0].dropFirst("in line ".count)) }
            throw .invalidInput([.error(at: SourceLocation(file: path, line: line), error.description)])
        }
        let (area, problems) = AreaDOT.area(from: graph, file: path)
        let origins = AreaOrigins(describing: area, file: path)
        let all = problems + area.diagnostics(origins: origins)
        if all.hasErrors { throw .invalidInput(all) }
        return LoadedArea(area: area, warnings: all.warnings, path: path)
    }
}
