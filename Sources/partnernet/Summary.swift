import ArgumentParser
import PartnerNetReport

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A readable overview of an area: sectors, relations, partnerships, network measures.")

    @Argument(help: "The area: a folder, a .json area, or a .graphml, .gexf, .dl, .net, .dot or edge-list file.")
    var area: String

    @OptionGroup var format: InputFormatOptions

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    func run() throws {
        let loaded = try loadArea(area, format.choice)
        if !quiet { Console.report(loaded.warnings) }
        try Console.out(try AreaSummary(area: loaded.area, path: area, warningCount: loaded.warnings.count).rendered())
    }
}
