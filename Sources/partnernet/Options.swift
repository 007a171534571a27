import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetIO
import PartnerNetInput
import PartnerNetReport
import Synchronization

extension OutputFormat: ExpressibleByArgument {}

/// How to read an input that is not an area folder: its format and what it leaves unsaid.
struct InputFormatOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The input's format when its extension does not say: folder, json, dot, graphml, gexf, dl, pajek or edgelist.",
            valueName: "format"))
    var from: String?

    @Option(
        name: .customLong("nodes-file"),
        help: ArgumentHelp(
            "An organisations table (id,name,sector,… as organisations.csv) completing an edge list, DL or Pajek input.",
            valueName: "file"))
    var nodesFile: String?

    @Flag(name: .long, help: "Read an edge list without a directed column as arcs (default: undirected ties).")
    var directed = false

    func validate() throws {
        if let from, from.lowercased() != "dot", from.lowercased() != "gv", AreaFormat(name: from) == nil {
            throw ValidationError("unknown format '\(from)' for --from; choose from \(AreaFormat.vocabulary), dot")
        }
    }

    /// The choices as a plain value, to pass around (a parsed option group cannot be made
    /// afresh: its properties are only readable after parsing).
    var choice: InputChoice { InputChoice(from: from, nodesFile: nodesFile, directed: directed) }
}

/// How to read an input: its format when the extension does not say, a nodes file, and
/// the direction of an edge list's ties.
struct InputChoice: Sendable {
    var from: String?
    var nodesFile: String?
    var directed = false

    var readOptions: FormatReadOptions {
        FormatReadOptions(directed: directed ? true : nil, nodesFile: nodesFile)
    }
}

/// Options shared by the commands that analyse one area.
struct AreaOptions: ParsableArguments {
    @Argument(
        help: """
            The area: a folder (organisations.csv, relationships.csv, …), a .json area, or a \
            .graphml, .gexf, .dl, .net, .dot/.gv or edge-list (.csv, .tsv, .txt) file.
            """)
    var area: String

    @OptionGroup var format: InputFormatOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A relation to analyse; repeat or separate with commas for their union (default: all relations).",
            valueName: "relation"))
    var relation: [String] = []

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Cut an area whose rows carry since/until dates at a date (YYYY, YYYY-MM or YYYY-MM-DD).",
            valueName: "date"))
    var at: String?

    /// The named relations, commas split.
    var relations: [String] { commaSeparated(relation) }

    /// The relations analysed, for titles: "all relations" or their names.
    var scope: String { relations.isEmpty ? "all relations" : relations.joined(separator: ", ") }

    /// The area, with its warnings printed to standard error unless `--quiet`.
    /// With `--at`, the area as it stood on that date (``Area/cut(at:)``); an invalid date
    /// in the option or in a since/until value is an error.
    func load() throws -> LoadedArea {
        let loaded = try loadArea(area, format.choice)
        if !quiet { Console.report(loaded.warnings) }
        guard let at else { return loaded }
        guard let date = WaveDate(at) else { throw Console.failure("--at: '\(at)' is not \(WaveDate.expected)") }
        let problems = loaded.area.dateProblems(origins: loaded.origins)
        if !problems.isEmpty {
            Console.report(problems)
            throw ExitCode(1)
        }
        return LoadedArea(area: loaded.area.cut(at: date), warnings: loaded.warnings, path: loaded.path)
    }

    /// The analysis of the loaded area with the selected relations and `settings`; a
    /// relation, column or focal organisation the area lacks is a one-line error.
    func analysis(of loaded: LoadedArea, _ configure: (inout AnalysisSettings) -> Void = { _ in }) throws
        -> AreaAnalysis
    {
        var settings = AnalysisSettings()
        settings.relations = relations
        configure(&settings)
        do {
            return try AreaAnalysis(area: loaded.area, path: area, settings: settings)
        } catch {
            throw Console.failure(error.description)
        }
    }

    /// A title for the analysis: the area's name, the relations and the direction.
    func title(of analysis: AreaAnalysis, weighted: Bool = false) -> String {
        "\(analysis.area.metadata.name ?? area) (\(scope), \(analysis.graph.isDirected ? "directed" : "undirected")"
            + (weighted ? ", weighted)" : ")")
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

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output ('-' for standard output).")
    var output: String?

    @Flag(
        name: .customLong("raw-csv"),
        help: """
            Write CSV text cells exactly as they are; by default a text cell starting with =, +, -, @, a tab or a \
            carriage return gets a leading ' so that a spreadsheet shows it instead of running it as a formula.
            """)
    var rawCSV = false

    /// Writes `text` to the `--output` file, or to standard output without one or with `-`.
    func write(_ text: String) throws {
        try Console.emit(text, to: output)
    }

    /// Writes `table` in the chosen format, its CSV text cells neutralised unless `--raw-csv`.
    func write(_ table: ResultTable) throws {
        try write(table.rendered(as: format, neutralizingFormulas: !rawCSV))
    }

    /// Writes `report` in the chosen format: its text under `title` (a table for people),
    /// its `metric,value` rows (CSV), its JSON, or with `nodes` its rows per organisation
    /// in any format.
    func write(_ report: some AnalysisReport, nodes: Bool, title: @autoclosure () -> String) throws {
        if nodes { return try write(report.nodeRows) }
        switch format {
        case .table: try write(report.text(title: title()))
        case .csv: try write(report.metricRows.rendered(as: .csv, neutralizingFormulas: !rawCSV))
        case .json: try write(report.json())
        }
    }
}

/// Reads an area in any form: a folder, a `.json` area, a `.dot`/`.gv` graph, GraphML,
/// GEXF, UCINET DL, Pajek or an edge list, by `--from` or else by the path's extension.
///
/// - Throws: ``AreaIOError`` with every problem found.
func readArea(_ path: String, _ input: InputChoice = InputChoice()) throws(AreaIOError) -> LoadedArea {
    Inputs.note(path)
    if let nodesFile = input.nodesFile { Inputs.note(nodesFile) }
    return try AreaInput.read(path, format: input.from, options: input.readOptions)
}

/// Reads an area, turning its problems into one line each on standard error and exit status 1.
func loadArea(_ path: String, _ input: InputChoice = InputChoice()) throws -> LoadedArea {
    do {
        return try readArea(path, input)
    } catch {
        Console.report(error.diagnostics)
        throw ExitCode(1)
    }
}

/// The items of options that take comma-separated lists (and may be repeated), trimmed,
/// empty items left out: `--relation a,b --relation c` gives a, b and c.
func commaSeparated(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// `commaSeparated([value])`, or nothing when the option was not given.
func commaSeparated(_ value: String?) -> [String] { commaSeparated(value.map { [$0] } ?? []) }

/// The files and folders this run reads, which no output may overwrite.
enum Inputs {
    private static let paths = Mutex<[String]>([])

    /// Records `path` as an input.
    static func note(_ path: String) { paths.withLock { $0.append(path) } }

    /// Every input recorded so far.
    static var all: [String] { paths.withLock { $0 } }
}

/// Messages to standard error, results to standard output or a file.
enum Console {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    /// Writes `line` to standard error; if even that fails (`2>/dev/full`) there is nowhere
    /// left to say so, and the exit status tells (FileHandle's write would trap instead).
    static func printError(_ line: String) {
        ProgressLine.shared.clear()
        try? SafeFileWriter.writeAll(Data((line + "\n").utf8), to: STDERR_FILENO, reportAs: "standard error")
    }

    /// Prints `message` as an error and returns the exit to throw.
    static func failure(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(1)
    }

    /// Whether `output` (an `-o` value) means standard output: none given, or `-`.
    static func isStandardOutput(_ output: String?) -> Bool { output == nil || output == "-" }

    /// Writes `text` to standard output, every byte or an error.
    ///
    /// - Throws: exit status 1 after `error: standard output: REASON` (a full disk, a
    ///   closed pipe), never a crash and never a silent loss.
    static func out(_ text: String) throws { try out(Data(text.utf8)) }

    /// Writes `data` to standard output; see ``out(_:)-(String)``.
    static func out(_ data: Data) throws {
        ProgressLine.shared.clear()
        do {
            try SafeFileWriter.writeAll(data, to: STDOUT_FILENO, reportAs: "standard output")
        } catch {
            throw failure(error.description)
        }
    }

    /// Writes `data` to the file `output` by ``SafeFileWriter``'s rules, never over an
    /// input, or to standard output when `output` is `nil` or `-`.
    static func emit(_ data: Data, to output: String?) throws {
        guard let output, output != "-" else { return try out(data) }
        do {
            try SafeFileWriter.write(data, to: output, protecting: Inputs.all)
        } catch {
            throw failure(error.description)
        }
    }

    /// Writes `text` as UTF-8; see ``emit(_:to:)-(Data,_)``.
    static func emit(_ text: String, to output: String?) throws { try emit(Data(text.utf8), to: output) }
}

/// Rows of `name  description` for a help text, indented by 2, names padded to
/// `nameWidth`, descriptions wrapped with a hanging indent so that no line reaches 80
/// columns (ArgumentParser would wrap a longer line again, mid-sentence).
func helpTable(_ rows: [(name: String, description: String)], nameWidth: Int) -> String {
    let indent = String(repeating: " ", count: 3 + nameWidth)
    return rows.map { name, description in
        var lines: [String] = []
        var line = "  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        var empty = true
        for word in description.split(separator: " ") {
            if !empty && line.count + 1 + word.count > 79 {
                lines.append(line)
                line = indent + word
            } else {
                line += " " + word
            }
            empty = false
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }.joined(separator: "\n")
}
