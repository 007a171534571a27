import ArgumentParser
import PartnerNetIO

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an area between an area folder and a single JSON file.",
        discussion: """
            The output's form follows its name: a path ending in .json is written as one JSON
            file, anything else as an area folder (created if needed). Nothing is lost either
            way: extra columns, area.json keys and the order of columns are kept.

            Examples:
              partnernet convert Datasets/knoke_bureaucracies -o knoke.json
              partnernet convert knoke.json -o knoke/
            """)

    @Argument(help: "The area to read: a folder or a .json area file.")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write: a .json file or a folder.")
    var output: String

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    func run() throws {
        let loaded = try loadArea(input)
        if !quiet { Console.report(loaded.warnings) }
        do {
            if AreaJSON.isArea(output) {
                try AreaJSON.write(loaded.area, to: output)
            } else {
                try AreaFolder.write(loaded.area, to: output)
            }
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
