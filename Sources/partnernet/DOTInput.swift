import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetIO
import PartnerNetInput

/// DOT for the CLI: writing an area as DOT. Reading is `PartnerNetInput`'s `DOTArea`, which
/// `readArea` calls.
enum DOTInput {
    static func isDOT(_ path: String) -> Bool { DOTArea.isDOT(path) }

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
