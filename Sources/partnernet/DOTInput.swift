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
        if let unknown = AreaFormat.lostUnknownTies(area) {
            Console.printError("\(path): warning: DOT cannot carry \(unknown): not written")
        }
        let text: String
        do {
            text = try DOTWriter.text(of: graph)
        } catch {
            throw Console.failure("\(path): \(error.description)")
        }
        try Console.emit(text, to: path)
    }
}
