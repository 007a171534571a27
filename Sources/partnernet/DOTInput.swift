import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetIO

/// DOT files as areas, parsed by Graphviz's own parser.
enum DOTInput {
    static func isDOT(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".dot") || lowered.hasSuffix(".gv")
    }

    /// The area in a DOT file, checked like any other.
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)`` with Graphviz's message for bad DOT, or
    ///   every problem of the area it describes.
    static func read(at path: String) throws(AreaIOError) -> LoadedArea {
        guard let data = FileManager.default.contents(atPath: path) else {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw .invalidInput([
                .error(at: SourceLocation(file: path), missing ? "no such file or folder" : "cannot read the file")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidInput([.error(at: SourceLocation(file: path), "not valid UTF-8")])
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
        let all = problems + area.diagnostics(origins: AreaOrigins(describing: area, file: path))
        if all.hasErrors { throw .invalidInput(all) }
        return LoadedArea(area: area, warnings: all.warnings, path: path)
    }

    /// Writes `area` as a plain DOT graph, printing what DOT could not carry.
    static func write(_ area: Area, to path: String) throws {
        let (graph, notes) = AreaDOT.dotGraph(of: area)
        for note in notes { Console.printError("\(path): warning: \(note)") }
        let text: String
        do {
            text = try DOTWriter.text(of: graph)
        } catch {
            throw Console.failure("\(path): \(error.description)")
        }
        try Console.emit(text, to: path)
    }
}
