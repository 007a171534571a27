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
    static func read(at path: String) throws -> LoadedArea {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AreaIOError.invalidInput([.error(at: SourceLocation(file: path), "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AreaIOError.invalidInput([.error(at: SourceLocation(file: path), "not valid UTF-8")])
        }
        let graph: DOTGraph
        do {
            graph = try Graphviz.parse(dot: text)
        } catch {
            throw AreaIOError.invalidInput([.error(at: SourceLocation(file: path), error.description)])
        }
        let (area, problems) = AreaDOT.area(from: graph, file: path)
        let all = problems + area.diagnostics(origins: AreaOrigins(describing: area, file: path))
        if all.hasErrors { throw AreaIOError.invalidInput(all) }
        return LoadedArea(area: area, warnings: all.warnings, path: path)
    }

    /// Writes `area` as a plain DOT graph, printing what DOT could not carry.
    static func write(_ area: Area, to path: String) throws {
        let (graph, notes) = AreaDOT.dotGraph(of: area)
        for note in notes { Console.printError("\(path): warning: \(note)") }
        do {
            try Data(try DOTWriter.text(of: graph).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch let error as GraphvizError {
            throw Console.failure("\(path): \(error.description)")
        } catch {
            throw Console.failure("\(path): cannot write: \(error.localizedDescription)")
        }
    }
}
