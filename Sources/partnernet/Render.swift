import ArgumentParser
import Foundation
import PartnerNetGraphviz
import PartnerNetMetrics
import PartnerNetReport

extension GraphvizLayout: ExpressibleByArgument {}
extension GraphvizFormat: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw an area's network with Graphviz: SVG, PNG, PDF or DOT.",
        discussion: """
            Organisations are coloured by sector (a colour-blind-safe palette, with a legend), \
            their text sized by a measure (degree by default), ties drawn as wide as their \
            weight and with arrowheads only when they have a direction; organisations of the \
            focal sector (local-authority unless area.json says otherwise) have a double \
            border, and ★ marks those that chair a partnership.

            --cluster-by partnership draws each partnership as a box, nested as the \
            partnerships are; an organisation on several is drawn in the one where its role \
            is highest (a chair in the box it chairs), then the most deeply nested. \
            --cluster-by sector boxes each sector.

            Layout: neato by default, dot (or fdp when large) with clusters. Above \
            \(PartnershipDiagram.hierarchicalLimit.nodes) organisations or \
            \(PartnershipDiagram.hierarchicalLimit.ties) ties, dot and circo switch to sfdp; \
            above \(PartnershipDiagram.springLimit.nodes) or \(PartnershipDiagram.springLimit.ties) \
            ties, neato, fdp and twopi do too (they would run for minutes); a line on standard \
            error says so, and --force-layout keeps the layout asked for.

            Examples:
              partnernet render Datasets/northbridge -o northbridge.svg
              partnernet render Datasets/northbridge -o boards.png \\
                  --cluster-by partnership --relation information
              partnernet render Datasets/padgett_florentine -o medici.pdf \\
                  --relation marriage --size-by degree --focal Medici
            """)

    @OptionGroup var input: AreaOptions

    @Option(name: .shortAndLong, help: "The file to write; '-' for standard output.")
    var output: String

    @Option(
        name: .shortAndLong,
        help: """
            svg, png, pdf, jpg, dot, plain or json (default: from the output's extension, else svg); it must agree \
            with the extension.
            """)
    var format: GraphvizFormat?

    @Option(name: .long, help: "dot, neato, fdp, sfdp, circo or twopi (default: chosen by size and clusters).")
    var layout: GraphvizLayout?

    @Flag(name: .long, help: "Keep the layout asked for even on a large graph.")
    var forceLayout = false

    @Option(name: .long, help: ArgumentHelp("Colour by sector or another organisation column.", valueName: "field"))
    var colorBy = "sector"

    @Option(name: .long, help: ArgumentHelp("Size organisations by this measure, or 'none'.", valueName: "metric"))
    var sizeBy = "degree"

    @OptionGroup(title: "Parameters of the --size-by measure") var parameters: MeasureOptionGroup

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Box organisations by sector, partnership or another column.", valueName: "sector|partnership|field"))
    var clusterBy: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The focal sector (default: the area's, else local-authority).", valueName: "sector"))
    var focalSector: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Focal organisations by id, comma-separated (instead of a sector).", valueName: "id,…"))
    var focal: String?

    @Option(name: .long, help: "The title (default: the area's name).")
    var title: String?

    func validate() throws {
        if sizeBy != "none" && NodeMeasure(rawValue: sizeBy) == nil {
            throw ValidationError(
                "unknown metric '\(sizeBy)' for --size-by; choose from none, \(NodeMeasure.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if NodeMeasure(rawValue: sizeBy)?.needsParameter == true && parameters.beta == nil {
            throw ValidationError("--size-by \(sizeBy) needs --beta (\(MetricError.betaRequired.description))")
        }
    }

    func run() throws {
        let loaded = try input.load()
        let graph = try input.graph(of: loaded.area)
        // A column no organisation has would colour or box everything alike, silently.
        let columns = loaded.area.organisationColumns
        for (option, column) in [("--color-by", colorBy), ("--cluster-by", clusterBy)] {
            guard let column else { continue }
            let isPartnership = ["partnership", "partnerships"].contains(column.lowercased())
            if option == "--cluster-by" && isPartnership { continue }
            if columns.contains(where: { $0.lowercased() == column.lowercased() }) { continue }
            throw Console.failure(
                AnalysisError.unknownColumn(column, option: option, available: columns).description
                    + (option == "--cluster-by" ? ", or partnership" : ""))
        }
        var options = DiagramOptions()
        options.colorBy = colorBy
        options.sizeBy = NodeMeasure(rawValue: sizeBy)
        options.measureOptions = parameters.measureOptions
        options.clusters = clusterBy.map { name in
            switch name.lowercased() {
            case "sector": .sector
            case "partnership", "partnerships": .partnership
            default: .attribute(name)
            }
        }
        options.focalSector = focalSector
        options.focalIDs = commaSeparated(focal)
        options.title = title
        options.layout = layout
        let diagram: PartnershipDiagram
        do {
            diagram = try PartnershipDiagram(
                area: loaded.area, graph: graph, options: options, forceLayout: forceLayout)
        } catch {
            throw Console.failure("\(error)")
        }
        if let note = diagram.layoutNote { Console.printError("note: \(note)") }
        let chosen = try Self.format(of: output, explicit: format)
        let bytes: Data
        do {
            bytes = try diagram.rendered(as: chosen)
        } catch {
            throw Console.failure("\(error)")
        }
        try Console.emit(bytes, to: output)
    }

    /// The format to draw `output` in: `explicit` (`--format`), else the one its extension
    /// names, else SVG for standard output (`-`) or a name without an extension.
    ///
    /// - Throws: exit status 1 for an extension that names no format PartnerNet draws, or
    ///   one that disagrees with `--format` (`x.jpg` drawn as SVG would mislead).
    static func format(of output: String, explicit: GraphvizFormat?) throws -> GraphvizFormat {
        let suffix = output == "-" ? "" : (output as NSString).pathExtension
        let named = GraphvizFormat(extension: suffix)
        if let explicit {
            if let named, named != explicit {
                throw Console.failure(
                    "\(output): the extension says \(named.rawValue) but --format is \(explicit.rawValue)")
            }
            return explicit
        }
        if suffix.isEmpty { return .svg }
        guard let named else {
            throw Console.failure(
                "\(output): cannot draw a .\(suffix) file; use .svg, .png, .pdf, .jpg, .dot, .txt or .json, "
                    + "or --format")
        }
        return named
    }
}
