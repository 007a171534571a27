import ArgumentParser
import PartnerNetIO

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an area between an area folder, a JSON file and DOT.",
        discussion: """
            The output's form follows its name: a path ending in .json is written as one JSON
            file, .dot or .gv as a DOT graph, anything else as an area folder (created if
            needed). Between folders and JSON nothing is lost: extra columns, area.json keys
            and the order of columns are kept. DOT keeps organisations (node attributes:
            name, sector, subsector and every other column), relationships (edge weight,
            relation and other columns) and the area's metadata, but has no place for
            partnerships and memberships; a warning says so.

            A DOT file is read by Graphviz's own parser: node attributes become organisation
            columns (sector included), edge weight and relation are kept.

            Examples:
              partnernet convert Datasets/knoke_bureaucracies -o knoke.json
              partnernet convert knoke.json -o knoke/
              partnernet convert network.dot -o area/
            """)

    @Argument(help: "The area to read: a folder, a .json area or a .dot/.gv graph.")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write: a .json file, a .dot file or a folder.")
    var output: String

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    func run() throws {
        let loaded = try loadArea(input)
        if !quiet { Console.report(loaded.warnings) }
        do {
            if DOTInput.isDOT(output) {
                try DOTInput.write(loaded.area, to: output)
            } else if AreaJSON.isArea(output) {
                try AreaJSON.write(loaded.area, to: output)
            } else {
                try AreaFolder.write(loaded.area, to: output)
            }
        } catch let error as AreaIOError {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
