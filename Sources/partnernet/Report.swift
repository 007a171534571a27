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

            With --waves, the report is over waves of one area (Docs/FORMAT.md, "Waves"): \
            either several areas in time order after --waves (partnernet report --waves \
            2023/ 2026/ -o out), or one AREA with dated rows and --waves DATE,DATE,… (partnernet \
            report area/ --waves 2024,2026 -o out). The flag is what tells waves from a \
            collection: without it a folder of area folders is a collection; with it, the \
            paths after --waves are waves, in order, however they are laid out.

            The report is the report of the LAST wave, plus a "Change" section: what `partnernet \
            change` says of the waves (the reading, ties kept, lost and gained per \
            relation, the headline measures with the dyad-swap test), a diagram of one \
            relation's ties on one layout shared by every wave (kept thin, gained thick, \
            lost dashed, and coloured), small multiples of the headline measures per wave, \
            and the tables change (the rows of `change --format csv`) and change_members; \
            the diagrams are also change-diagram.svg and change-chart.svg. \
            --change-permutations sets the QAP relabellings and dyad swaps (change's \
            --permutations).

            For a COLLECTION (a folder of area folders), writes the comparison of the areas \
            (table, summary, chart) as index.html, with a report for each area under areas/. \
            An area that cannot be read is named in the comparison and the exit status is 1.

            Examples:
              partnernet report Datasets/northbridge -o northbridge-report
              partnernet report Datasets/synthetic -o synthetic-report --permutations 1000
              partnernet report Datasets/northbridge -o restructure \\
                  --scenario Datasets/northbridge/scenarios/restructure.json
              partnernet report -o northbridge-change \\
                  --waves Datasets/northbridge Datasets/northbridge_2026
              partnernet report area/ --waves 2024,2026 -o area-change
            """)

    @Argument(help: "An area, or a collection of areas (with --waves DATE,…: the area with dated rows).")
    var area: String?

    @Option(
        name: .customLong("waves"), parsing: .upToNextOption,
        help: ArgumentHelp(
            "The waves in time order (areas), or after an AREA with dated rows the dates to cut it at.",
            valueName: "wave … | date,date,…"))
    var waves: [String] = []

    @Option(
        name: .customLong("change-permutations"),
        help: "With --waves: relabellings of the QAP test and draws of the dyad-swap test (as change --permutations).")
    var changePermutations = ChangeSettings().permutations

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
        if changePermutations < 0 { throw ValidationError("--change-permutations must be 0 or more") }
        if waves.isEmpty {
            if area == nil { throw ValidationError("give an area or a collection of areas, or --waves") }
        } else if area != nil {
            if waves.count != 1 {
                throw ValidationError(
                    "after an AREA, --waves gives the dates to cut it at, as one DATE,DATE,… (found \(waves.count) values); "
                        + "for one area per wave, give the areas after --waves and no AREA before it")
            }
            _ = try WaveInput.dates(waves[0])
        } else if waves.count < 2 {
            throw ValidationError(
                "--waves needs at least two waves (areas), or an AREA with dated rows before --waves DATE,DATE")
        }
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
        if !waves.isEmpty { return try runOverWaves() }
        guard let area else { throw ExitCode(1) }
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

    /// `report --waves …`: the report of the last wave, with the "Change" section.
    func runOverWaves() throws {
        if stability > 0 { throw Console.failure("--stability applies to one area, not to waves") }
        let paths = area.map { [$0] } ?? waves
        let dates = area == nil ? nil : waves[0]
        let waveList = try WaveInput.load(paths, dates: dates, format.choice, quiet: quiet)
        if let focalSector {
            for wave in waveList {
                if let problem = wave.area.focalSectorProblem(named: focalSector) {
                    throw Console.failure("wave \(wave.label): \(problem.description)")
                }
            }
        }
        let last = waveList[waveList.count - 1]
        let lastPath = area.map { "\($0) at \(last.label)" } ?? paths[paths.count - 1]
        let file = try scenario.map(Self.readScenario)
        var report: EvaluationReport
        do {
            report = try EvaluationReport(area: last.area, path: lastPath, settings: settings)
        } catch {
            throw Console.failure("wave \(last.label): \(error.description)")
        }
        if let scenario, let file { report.scenario = try Self.scenario(file, named: scenario, on: report.analysis) }
        let changeSettings = ChangeSettings(
            permutations: changePermutations, seed: seed, relations: commaSeparated(relation), focalSector: focalSector)
        let change: ChangeReport
        do {
            change = try WorkProgress.stage("change between waves") { () throws(ChangeError) -> ChangeReport in
                try ChangeReport(waves: waveList, settings: changeSettings)
            }
        } catch {
            throw Console.failure(error.description)
        }
        report.change = ReportChange(
            change: change, waveArguments: area.map { [$0, "--waves", waves[0]] } ?? ["--waves"] + waves)
        do {
            try ReportWriter.write(report, to: output)
        } catch {
            throw Console.failure("cannot write the report to \(output): \(error.localizedDescription)")
        }
        Console.printError("wrote \((output as NSString).appendingPathComponent("index.html"))")
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
