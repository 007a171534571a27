import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A report a partnership board can read: one web page (and Markdown) with the tables behind it.",
        discussion: """
            For an AREA, writes into the output folder:
              index.html   the report: summary of findings, the partnership diagram,
                           who is central (a table sortable by column), silos with the
                           density of ties between sectors as a heat map, network
                           values against random networks of the same size and
                           ties, what predicts working together (an MRQAP of the
                           main relation on the others, shared partnerships and
                           sector), the partnerships' architecture, and the
                           methods (each measure's definition, the parameters, the
                           seed and the PartnerNet version). Self-contained: no
                           fonts, scripts or images are fetched, so it opens
                           anywhere, offline, and prints.
              report.md    the same in Markdown, for pasting into documents
              diagram.svg  the diagram
              tables/      every table behind the report as CSV and JSON

            With --scenario FILE (one area only), the report gains a "Scenario" section: \
            the headline values before and after the edits of a scenario file (as \
            `partnernet whatif AREA --scenario FILE` prints them, with the report's \
            settings and seed), voting power on the boards the edits change, and the \
            tables scenario and scenario_members.

            For a COLLECTION (a folder of area folders), writes the comparison of the areas \
            (table, summary, chart) as index.html, with a report for each area under areas/. \
            An area that cannot be read is named in the comparison and the exit status is 1.

            Examples:
              partnernet report Datasets/northbridge -o northbridge-report
              partnernet report Datasets/synthetic -o synthetic-report --permutations 1000
              partnernet report Datasets/northbridge -o restructure \\
                  --scenario Datasets/northbridge/scenarios/restructure.json
            """)

    @Argument(help: "An area, or a collection of areas.")
    var area: String

    @Option(name: .shortAndLong, help: "The folder to write the report into (created if needed).")
    var output: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A relation to analyse; repeat or separate with commas (default: all).", valueName: "relation"))
    var relation: [String] = []

    @Option(name: .long, help: ArgumentHelp("The organisation column that defines the groups.", valueName: "column"))
    var groups = "sector"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The focal sector for dominance (default: the area's, else local-authority).", valueName: "sector"))
    var focalSector: String?

    @Option(
        name: .long,
        help: "Shuffles of the labels for the E-I p-values, and relabellings for the MRQAP of what predicts ties.")
    var permutations = AnalysisSettings().permutations

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The relation whose ties \"What predicts working together\" explains (default: the one with most ties).",
            valueName: "relation"))
    var predict: String?

    @Option(
        name: .customLong("network-tests"),
        help: ArgumentHelp(
            "Random graphs of the same size and number of ties for the tests of centralisation, transitivity, "
                + "reciprocity and modularity (0: none).", valueName: "draws"))
    var networkTests = AnalysisSettings().networkTestDraws

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Add a \"Scenario\" section: the headline values after this scenario file's edits (Docs/FORMAT.md).",
            valueName: "file"))
    var scenario: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "For a survey area: re-measure with a fifth of the respondents dropped, this many times (0: not).",
            valueName: "resamples"))
    var stability = 0

    @Option(name: .long, help: "Random sets for the share tests of every sector.")
    var randomSets = AnalysisSettings().randomSets

    @Option(name: .long, help: "Seed of the shuffles and of community detection.")
    var seed: UInt64 = 1

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    @OptionGroup(title: "Input format") var format: InputFormatOptions

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
        if randomSets < 0 { throw ValidationError("--random-sets must be 0 or more") }
        if networkTests < 0 { throw ValidationError("--network-tests must be 0 or more") }
        if stability < 0 { throw ValidationError("--stability must be 0 or more") }
    }

    var settings: EvaluationSettings {
        var settings = EvaluationSettings()
        settings.relations = commaSeparated(relation)
        settings.groups = groups
        settings.permutations = permutations
        settings.seed = seed
        settings.focalSector = focalSector
        settings.randomSets = randomSets
        settings.predictedRelation = predict
        settings.networkTestDraws = networkTests
        return settings
    }

    func run() throws {
        let paths = AreaSource.expand(area)
        if paths.count == 1 && paths[0] == area {
            let loaded = try loadArea(area, format.choice)
            if !quiet { Console.report(loaded.warnings) }
            let file = try scenario.map(Self.readScenario)
            var report: EvaluationReport
            do {
                report = try EvaluationReport(area: loaded.area, path: area, settings: settings)
            } catch {
                throw Console.failure(error.description)
            }
            if let scenario, let file { report.scenario = try Self.scenario(file, named: scenario, on: report.analysis) }
            if stability > 0 {
                guard report.survey != nil else {
                    throw Console.failure("--stability needs an area imported from a survey (a responded column)")
                }
                do {
                    report.stability = try SurveyStability(analysis: report.analysis, resamples: stability, seed: seed)
                } catch {
                    throw Console.failure("stability: \(error.description)")
                }
            }
            do {
                try ReportWriter.write(report, to: output)
            } catch {
                throw Console.failure("cannot write the report to \(output): \(error.localizedDescription)")
            }
            Console.printError("wrote \((output as NSString).appendingPathComponent("index.html"))")
            return
        }
        if scenario != nil {
            throw Console.failure("--scenario applies to one area, and \(area) is a collection of \(paths.count)")
        }
        let bar = isatty(STDERR_FILENO) == 1 && paths.count > 1 ? ProgressBar(total: paths.count) : nil
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done) } }
        let collection = CollectionReport(
            paths: paths, settings: settings, read: Compare.reader(format.choice), progress: progress)
        bar?.finish()
        let comparison = collection.comparison
        do {
            try collection.write(to: output)
        } catch {
            throw Console.failure("cannot write the report to \(output): \(error.localizedDescription)")
        }
        for failure in comparison.failures { Console.printError("skipped \(failure.path): \(failure.reason)") }
        Console.printError(
            "wrote \((output as NSString).appendingPathComponent("index.html")) (\(comparison.rows.count) areas)")
        if !comparison.failures.isEmpty { throw ExitCode(1) }
    }

    /// The scenario file at `path`, or its problems printed and exit status 1.
    static func readScenario(_ path: String) throws -> ScenarioFile {
        Inputs.note(path)
        do {
            return try ScenarioFile.read(at: path)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
    }

    /// The report's "Scenario" section: `file`'s edits applied to the analysed area, the
    /// area after analysed with the same settings. An edit that cannot apply (an unknown
    /// name, with the closest) is an error at its place in the file.
    static func scenario(_ file: ScenarioFile, named path: String, on analysis: AreaAnalysis) throws -> ReportScenario {
        let outcome: ScenarioOutcome
        do {
            outcome = try file.scenario.applied(to: analysis.area)
        } catch {
            Console.report([.error(at: file.locations[error.index], "\(error.edit.summary): \(error.reason)")])
            throw ExitCode(1)
        }
        do {
            return ReportScenario(
                file: path, whatIf: try WhatIfReport(before: analysis, scenario: file.scenario, outcome: outcome))
        } catch {
            throw Console.failure("after the edits of \(path): \(error.description)")
        }
    }
}
