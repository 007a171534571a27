import ArgumentParser
import PartnerNetReport

struct Catalogue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every value PartnerNet reports: its name, level, unit, definition and references.",
        discussion: "The Markdown form is Docs/METRICS.md: partnernet catalogue > Docs/METRICS.md")

    @Option(name: .shortAndLong, help: "Output format: markdown, table, csv or json.")
    var format = "markdown"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (- for standard output).")
    var output: String?

    func validate() throws {
        if !["markdown", "table", "csv", "json"].contains(format) {
            throw ValidationError("--format must be markdown, table, csv or json, not '\(format)'")
        }
    }

    func run() throws {
        let text =
            format == "markdown"
            ? ValueCatalogue.markdown : ValueCatalogue.table.rendered(as: OutputFormat(rawValue: format)!)
        try Console.emit(text, to: output)
    }
}
