import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetIO
import PartnerNetReport

extension OutputFormat: ExpressibleByArgument {}

/// Options shared by the commands that analyse one area.
struct AreaOptions: ParsableArguments {
    @Argument(help: "The area: a folder (organisations.csv, relationships.csv, …), a .json area or a .dot/.gv graph.")
    var area: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A relation to analyse; repeat or separate with commas for their union (default: all relations).",
            valueName: "relation"))
    var relation: [String] = []

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    /// The named relations, commas split.
    var relations: [String] {
        relation.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }

    /// The area, with its warnings printed to standard error unless `--quiet`.
    func load() throws -> LoadedArea {
        let loaded = try loadArea(area)
        if !quiet { Console.report(loaded.warnings) }
        return loaded
    }

    /// The graph of the selected relations.
    func graph(of area: Area) throws -> Graph {
        do {
            return try Graph(area: area, relations: RelationSelection(relations))
        } catch let error as ModelError {
            throw Console.failure(error.description)
        }
    }
}

/// Options for commands that write a result table.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func write(_ text: String) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw Console.failure("\(output): cannot write: \(error.localizedDescription)")
        }
    }
}

/// Reads an area: a folder, a `.json` area or a `.dot`/`.gv` graph.
///
/// - Throws: ``AreaIOError`` with every problem found.
func readArea(_ path: String) throws(AreaIOError) -> LoadedArea {
    if DOTInput.isDOT(path) { return try DOTInput.read(at: path) }
    return try AreaSource.read(at: path)
}

/// Reads an area, turning its problems into one line each on standard error and exit status 1.
func loadArea(_ path: String) throws -> LoadedArea {
    do {
        return try readArea(path)
    } catch {
        Console.report(error.diagnostics)
        throw ExitCode(1)
    }
}

/// Messages to standard error.
enum Console {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints `message` as an error and returns the exit to throw.
    static func failure(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(1)
    }
}
