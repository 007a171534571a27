import ArgumentParser
import PartnerNetCore
import PartnerNetIO

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check areas and list every problem found.",
        discussion: """
            Reads each AREA (an area folder, a .json area, a GraphML, GEXF, DL, Pajek, DOT or edge-list file, or a collection of areas) and prints \
            every error and warning, one per line, as FILE:LINE:COLUMN: error|warning: REASON, \
            then one line per area saying whether it is clean. COLUMN is the field's position \
            in the row, or the character in the line for encoding and quoting errors. A \
            since or until value that is not a date (YYYY, YYYY-MM or YYYY-MM-DD), or an \
            until not after its row's since, is an error (Docs/FORMAT.md, "Waves").

            With --quiet, warnings are not printed (they are still counted, and --strict still \
            fails on them): only errors and the line per area.

            Exit status 0 only when every area has no errors (and, with --strict, no warnings).
            """)

    @Argument(help: "Areas or collections to check (folders, .json, .graphml, .gexf, .dl, .net, .dot or edge lists).")
    var areas: [String]

    @OptionGroup var format: InputFormatOptions

    @Flag(help: "Treat warnings (self-loops dropped, duplicate ties merged) as failures.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Do not print warnings; print only errors and the line per area.")
    var quiet = false

    func run() throws {
        var failed = 0
        let paths = areas.flatMap(AreaSource.expand)
        for path in paths {
            let line: String
            do {
                let loaded = try readArea(path, format.choice)
                if !quiet { Console.report(loaded.warnings) }
                let area = loaded.area
                // since/until values that are not dates (Docs/FORMAT.md, "Waves"): errors.
                let dates = area.dateProblems(origins: loaded.origins)
                if !dates.isEmpty {
                    failed += 1
                    Console.report(dates)
                    line =
                        "FAIL  \(path): \(dates.count) error\(dates.count == 1 ? "" : "s"), \(loaded.warnings.count) warnings\n"
                } else {
                    // Problems that would change an analysis without a word: warnings.
                    let focal = area.focalSectorProblem().map { "\(path): warning: \($0.description)" }
                    if let focal { Console.printError(focal) }
                    if let note = area.sectorVocabularyNote { Console.printError("\(path): note: \(note)") }
                    let warnings = loaded.warnings.count + (focal == nil ? 0 : 1)
                    if strict && warnings > 0 { failed += 1 }
                    line =
                        "\(warnings > 0 && strict ? "FAIL" : "ok")  \(path): \(area.organisations.count) organisations, "
                        + "\(area.relationships.count) relationships (\(area.relationNames.count) relations), "
                        + Self.unknownText(area)
                        + "\(area.partnerships.count) partnerships, \(area.memberships.count) memberships, "
                        + "\(warnings) warning\(warnings == 1 ? "" : "s")\n"
                }
            } catch {
                failed += 1
                Console.report(quiet ? error.diagnostics.errors : error.diagnostics)
                let errors = error.diagnostics.errors.count
                line =
                    "FAIL  \(path): \(errors) error\(errors == 1 ? "" : "s"), \(error.diagnostics.warnings.count) warnings\n"
            }
            try Console.out(line)
        }
        if paths.count > 1 { try Console.out("\(paths.count - failed) of \(paths.count) areas are clean\n") }
        if failed > 0 { throw ExitCode(1) }
    }

    /// "N unknown pairs (R n, …), " when the area records unknown ties (weight NA), by
    /// relation in the area's order; empty otherwise.
    static func unknownText(_ area: Area) -> String {
        let counts = area.unknownPairsByRelation
        guard !counts.isEmpty else { return "" }
        let total = counts.reduce(0) { $0 + $1.pairs }
        let parts = counts.map { "\($0.relation) \($0.pairs)" }
        return "\(total) unknown pair\(total == 1 ? "" : "s") (\(parts.joined(separator: ", "))), "
    }
}
