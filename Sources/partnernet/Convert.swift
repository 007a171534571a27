import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an area between forms: folder, JSON, GraphML, GEXF, UCINET DL, Pajek, DOT, edge lists.",
        discussion: """
            The forms follow the names (or --from and --to): a folder is an area folder; \
            .json one JSON file; .graphml GraphML; .gexf GEXF 1.3 (for Gephi); .dl UCINET DL; \
            .net or .paj Pajek; .dot or .gv Graphviz DOT; .csv, .tsv, .txt, .edges or \
            .edgelist an edge list. Every form is read wherever an area is accepted.

            What each form keeps:
              folder, JSON, GraphML   everything (GraphML: partnerships as nodes of kind
                                      partnership, memberships as edges of kind membership)
              GEXF                    everything but focal_sector and other area.json keys;
                                      nodes coloured by sector as in PartnerNet's diagrams
              DOT                     organisations, relationships, area.json; no
                                      partnerships
              UCINET DL, Pajek        ids and the ties of each relation (Pajek: direction
                                      too; DL: a symmetric matrix is undirected), or, for
                                      an area with memberships and no relationships, the
                                      two-mode organisation × partnership network
              edge list               relationships and their columns; organisations with
                                      --write-nodes
            Anything a form cannot carry is named in one warning, never dropped silently; \
            unknown ties (weight NA) are kept by the folder and JSON only.

            An output folder must be new or empty unless --force is given; the area is written \
            into a temporary folder beside it first, so a failed write leaves nothing behind. \
            An output that is the input, or one of the input folder's files, is refused.

            An edge list, DL or Pajek file names no sectors: give them in a nodes file \
            (--nodes-file FILE, or --nodes FILE: id,name,sector,… as in organisations.csv), or every sector is \
            "none". An edge list's ties are undirected unless it has a directed column or \
            --directed is given.

            --dynamic writes a dynamic GEXF 1.3 (mode="dynamic", timeformat="date") from an \
            area whose rows carry since/until dates (Docs/FORMAT.md, "Waves"), so that \
            Gephi's timeline plays the waves: every organisation, partnership, relationship \
            and membership with a date gets one <spell>, start its since and end the day \
            before its until (GEXF spells are closed, until is exclusive), dates in full \
            (2024 is 2024-01-01); rows without dates hold throughout. The since and until \
            columns are kept as attributes, and the GEXF reader reads a spell back as \
            since/until, so the file converts back to the same dated area. For waves as \
            separate folders, date their rows into one area first (Docs/FORMAT.md, "Waves").

            --with-metrics adds node measures (names as in `partnernet help centrality`) as \
            organisation columns, typed in GraphML and GEXF, for Gephi or R to draw and model.

            Examples:
              partnernet convert Datasets/knoke_bureaucracies -o knoke.json
              partnernet convert Datasets/northbridge -o northbridge.graphml
              partnernet convert Datasets/northbridge -o northbridge.gexf \\
                  --with-metrics betweenness,degree
              partnernet convert Tests/Fixtures/waves/northbridge_dated \\
                  -o northbridge.gexf --dynamic
              partnernet convert Datasets/padgett_florentine -o padgett.net
              partnernet convert edges.csv --nodes-file organisations.csv --directed \\
                  -o area/
              partnernet convert network.dl -o network.graphml
              partnernet convert data.xml --from graphml -o area/
            """)

    @Argument(help: "The area to read: a folder, or a .json, .graphml, .gexf, .dl, .net, .dot or edge-list file.")
    var input: String

    @Option(
        name: .shortAndLong,
        help: """
            Where to write: a folder, or a .json, .graphml, .gexf, .dl, .net, .dot, .csv or .tsv file; '-' for \
            standard output (with --to).
            """)
    var output: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The output's format when its extension does not say: folder, json, dot, graphml, gexf, dl, pajek or edgelist.",
            valueName: "format"))
    var to: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The input's format when its extension does not say.", valueName: "format"))
    var from: String?

    @Option(
        name: [.customLong("nodes-file"), .customLong("nodes")],
        help: ArgumentHelp("An organisations table completing an edge-list, DL or Pajek input.", valueName: "file"))
    var nodesFile: String?

    @Flag(
        name: .long,
        help: "Write a dynamic GEXF: the since/until dates of an area's rows as spells (a .gexf output only).")
    var dynamic = false

    @Flag(name: .long, help: "Read an edge list without a directed column as arcs (default: undirected ties).")
    var directed = false

    @Option(
        name: .long,
        help: ArgumentHelp("With an edge-list output, write the organisations table here too.", valueName: "file"))
    var writeNodes: String?

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Node measures to add as organisation columns, comma-separated.", valueName: "m1,m2"))
    var withMetrics: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The relations the measures run on; repeat or separate with commas (default: all).", valueName: "relation"))
    var relation: [String] = []

    @OptionGroup var parameters: MeasureOptionGroup

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    @Flag(
        name: .long,
        help: """
            Write into an output folder that is not empty: its area files are replaced and the ones the new area \
            lacks removed; other files stay.
            """)
    var force = false

    func validate() throws {
        if let to, !["dot", "gv"].contains(to.lowercased()), AreaFormat(name: to) == nil {
            throw ValidationError("unknown format '\(to)' for --to; choose from \(AreaFormat.vocabulary), dot")
        }
        _ = try measures()
        var input = InputFormatOptions()
        input.from = from
        try input.validate()
    }

    private func measures() throws -> [NodeMeasure] {
        let names = commaSeparated(withMetrics)
        return try names.map { name in
            guard let measure = NodeMeasure(rawValue: name) else {
                throw ValidationError(
                    "unknown metric '\(name)' for --with-metrics; choose from \(NodeMeasure.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if measure.needsParameter && parameters.beta == nil {
                throw ValidationError(MetricError.betaRequired.description)
            }
            return measure
        }
    }

    func run() throws {
        var inputOptions = InputFormatOptions()
        inputOptions.from = from
        inputOptions.nodesFile = nodesFile
        inputOptions.directed = directed
        let loaded = try loadArea(input, inputOptions.choice)
        for path in [output] + (writeNodes.map { [$0] } ?? []) {
            do {
                try SafeFileWriter.refuseInput(path, protecting: Inputs.all)
            } catch {
                throw Console.failure(error.description)
            }
        }
        if !quiet { Console.report(loaded.warnings) }
        var area = loaded.area
        let measures = try measures()
        if !measures.isEmpty {
            let relations = commaSeparated(relation)
            let graph: Graph
            do {
                graph = try Graph(area: area, relations: RelationSelection(relations))
            } catch let error as ModelError {
                throw Console.failure(error.description)
            }
            do {
                let (withScores, replaced) = try MeasureColumns.attach(
                    measures, to: area, graph: graph, options: parameters.measureOptions)
                area = withScores
                if !replaced.isEmpty {
                    Console.printError(
                        "warning: the column\(replaced.count == 1 ? "" : "s") \(replaced.joined(separator: ", ")) replaced by the measure"
                    )
                }
            } catch {
                throw Console.failure(error.description)
            }
        }
        if dynamic { try Self.checkDated(area, origins: loaded.origins, input: input) }
        let named = to?.lowercased()
        if output == "-" { return try writeToStandardOutput(area, format: named) }
        if named == "dot" || named == "gv" || (named == nil && DOTInput.isDOT(output)) {
            if dynamic { throw Console.failure("--dynamic writes GEXF: give a .gexf output (or --to gexf), not \(output)") }
            try DOTInput.write(area, to: output)
            return
        }
        let format = named.flatMap(AreaFormat.init(name:)) ?? AreaFormat(path: output) ?? .folder
        if dynamic && format != .gexf {
            throw Console.failure("--dynamic writes GEXF: give a .gexf output (or --to gexf), not \(output)")
        }
        if writeNodes != nil && format != .edgelist {
            throw Console.failure("--write-nodes goes with an edge-list output (.csv, .tsv, .txt)")
        }
        let palette = Palette(categories: area.sectors)
        let colours = Dictionary(
            palette.colours.map { ($0.category, $0.colour) }, uniquingKeysWith: { first, _ in first })
        if format == .folder, !force, let existing = try? FileManager.default.contentsOfDirectory(atPath: output),
            !existing.isEmpty
        {
            throw Console.failure("\(output): the folder is not empty; give a new or empty folder, or --force")
        }
        do {
            if format == .folder {
                try AreaFolder.write(area, to: output, replacing: force)
            } else {
                let report = try format.write(
                    area, to: output, sectorColours: colours, nodesFile: writeNodes, dynamic: dynamic)
                if let warning = report.warning { Console.report([warning]) }
            }
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
    }

    /// For `--dynamic`: the area's date problems printed (exit status 1), and an area
    /// without any date refused.
    static func checkDated(_ area: Area, origins: AreaOrigins?, input: String) throws {
        let problems = area.dateProblems(origins: origins)
        if !problems.isEmpty {
            Console.report(problems)
            throw ExitCode(1)
        }
        if !area.isDated {
            throw Console.failure(
                "\(input): no row has a since or until date, so a dynamic GEXF would have no spells "
                    + "(date the rows: Docs/FORMAT.md, \"Waves\")")
        }
    }

    /// `-o -`: the area in the `--to` format on standard output, written through a
    /// temporary file so that every format is written by the same code as a file.
    private func writeToStandardOutput(_ area: Area, format named: String?) throws {
        guard let named else { throw Console.failure("-o - needs --to to say the format") }
        let folder = NSTemporaryDirectory() + "partnernet-convert-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Console.failure("\(folder): \(error.localizedDescription)")
        }
        let file = folder + "/area"
        if named == "dot" || named == "gv" {
            if dynamic { throw Console.failure("--dynamic writes GEXF: give --to gexf") }
            try DOTInput.write(area, to: file)
        } else {
            guard let format = AreaFormat(name: named), format != .folder else {
                throw Console.failure("-o - cannot write a folder; choose a file format with --to")
            }
            if dynamic && format != .gexf { throw Console.failure("--dynamic writes GEXF: give --to gexf") }
            let palette = Palette(categories: area.sectors)
            let colours = Dictionary(
                palette.colours.map { ($0.category, $0.colour) }, uniquingKeysWith: { first, _ in first })
            do {
                let report = try format.write(area, to: file, sectorColours: colours, dynamic: dynamic)
                if let warning = report.warning {
                    Console.printError(warning.description.replacingOccurrences(of: file, with: "-"))
                }
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(1)
            }
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Console.failure("\(file): cannot read")
        }
        try Console.out(data)
    }
}
