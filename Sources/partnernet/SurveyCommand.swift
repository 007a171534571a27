import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetReport

extension SurveyLayout: ExpressibleByArgument {}
extension Survey.NonResponse: ExpressibleByArgument {}
extension Survey.Symmetrisation: ExpressibleByArgument {}

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Partner surveys: import a roster and its responses as an area, with non-response made explicit.",
        subcommands: [SurveyImport.self, SurveyScores.self, SurveyScaleCommand.self, SurveyExport.self])
}

struct SurveyImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Writes the area a partner survey describes, and prints its response and agreement figures.",
        discussion: """
            ROSTER is an organisations table (id,name,sector,…, as organisations.csv). \
            RESPONSES is either layout survey tools export:
              long   respondent,partner,question,value (one answer a row; a row with
                     an empty partner and question: a respondent who named nobody)
              wide   respondent,QUESTION[PARTNER],… (one row a respondent)

            The area written has one relation per question, a tie from respondent to \
            partner weighted by the answer (above 0; 0 or no answer is no tie), the answer as \
            given in the column answer, and a responded column (yes/no) in \
            organisations.csv. Labels become numbers through a scale (partnernet survey \
            scale prints the standard one; --scale FILE gives your own).

            A non-respondent's ties are unknown, never absent (--non-response):
              observed      its ties are written as unknown (weight NA)
              reconstruct   its tie to a respondent is the one the respondent reported,
                            reversed, with its value; ties between two non-respondents
                            stay unknown (for questions symmetric in meaning)
            --symmetrise max|min|mean makes each question undirected: a pair both of whose \
            organisations answered gets the max, min or mean of their two values (0 where \
            one named nobody).

            Printed (--format json for scripts): organisations, respondents, \
            response_rate, response_rate[SECTOR], and per question reported_ties[Q], \
            confirmed_share[Q] (pairs of respondents with a tie reported by both, of those \
            with a tie reported by either) and disagreement_rate[Q] (their values differ). \
            Every problem is FILE:LINE:COLUMN: error: REASON, and then no area is written.

            Examples:
              partnernet survey import roster.csv responses.csv -o northbridge-survey
              partnernet survey import roster.csv answers.csv --layout wide \\
                  --non-response reconstruct -o area --format json
            """)

    @Argument(help: "The roster: an organisations table (id,name,sector,…).")
    var roster: String

    @Argument(help: "The responses (long or wide, --layout).")
    var responses: String

    @Option(name: .shortAndLong, help: "The area folder to write (new or empty, unless --force).")
    var output: String

    @Option(name: .long, help: "The responses' layout: long or wide.")
    var layout: SurveyLayout = .long

    @Option(name: .long, help: ArgumentHelp("Map answer labels to numbers with this file (question,label,value).", valueName: "file"))
    var scale: String?

    @Option(name: .customLong("non-response"), help: "What a non-respondent's ties become: observed (unknown) or reconstruct.")
    var nonResponse: Survey.NonResponse = .observed

    @Option(name: .long, help: "Make every question undirected, a pair's two answers combined by max, min or mean.")
    var symmetrise: Survey.Symmetrisation?

    @Option(name: .long, help: ArgumentHelp("The area's name in area.json.", valueName: "name"))
    var name: String?

    @Flag(name: .long, help: "Write into a folder that is not empty, replacing the area in it.")
    var force = false

    @Option(name: .shortAndLong, help: "Output format of the figures: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        Inputs.note(roster)
        Inputs.note(responses)
        let mapping: SurveyScale
        do {
            mapping = try scale.map { file throws(AreaIOError) in try SurveyScale.read(at: file) } ?? .standard
            if let scale { Inputs.note(scale) }
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
        let survey: Survey
        do {
            survey = try SurveyFile.read(roster: roster, responses: responses, layout: layout, scale: mapping)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
        if !force, let existing = try? FileManager.default.contentsOfDirectory(atPath: output), !existing.isEmpty {
            throw Console.failure("\(output): the folder is not empty; give a new or empty folder, or --force")
        }
        let area = survey.area(nonResponse: nonResponse, symmetrise: symmetrise, name: name)
        do {
            try AreaFolder.write(area, to: output, replacing: force)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
        let table = ResultTable(
            columns: ["metric", "value"],
            rows: survey.summary.map { name, value in
                [.text(name), .number(value, isCount: !name.contains("rate") && !name.contains("share"))]
            })
        switch format {
        case .json:
            var object: [String: JSONValue] = [:]
            for (name, value) in survey.summary { object[name] = value.map { .number($0) } ?? .null }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(JSONValue.object(object)), as: UTF8.self))
        default:
            print(table.rendered(as: format), terminator: "")
        }
        Console.printError("wrote \(output): \(area.organisations.count) organisations, \(area.relationships.count) ties, "
            + "\(area.unknownTies.count) unknown")
    }
}

struct SurveyScores: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores",
        abstract: "Trust and value scores: the mean rating each organisation receives and gives on each question.",
        discussion: """
            For each rated question Q (every relation of the area, or --questions): \
            received_mean[Q], the mean rating an organisation receives (the weights of the \
            ties to it); received_count[Q], their number; sent_mean[Q], the mean rating it \
            gives; and with two or more questions received_mean[composite], the mean of its \
            received means. --by sector (or any organisation column) pools the ratings \
            received by each group's organisations; --by network pools every rating. An \
            answer of 0 and an unknown tie are no rating. PartnerNet's own definitions \
            (Docs/CONVENTIONS.md, "Survey scores").

            Examples:
              partnernet survey scores northbridge-survey --questions trust
              partnernet survey scores northbridge-survey --by sector --format csv
            """)

    @OptionGroup var input: AreaOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The rated questions, comma-separated (default: every relation).", valueName: "q1,q2"))
    var questions: String?

    @Option(name: .long, help: ArgumentHelp("One row per organisation (default), per value of a column (sector), or network.", valueName: "level"))
    var by = "organisation"

    func run() throws {
        let loaded = try input.load()
        let names = commaSeparated(questions)
        for name in names where !loaded.area.relationNames.contains(name) {
            let closest = closestMatch(to: name, in: loaded.area.relationNames).map { " (did you mean \(quoted($0))?)" } ?? ""
            throw Console.failure("unknown question \(quoted(name)): the area's relations are \(loaded.area.relationNames.joined(separator: ", "))\(closest)")
        }
        let scores = PartnerNetReport.SurveyScores(area: loaded.area, questions: names.isEmpty ? nil : names)
        let level: PartnerNetReport.SurveyScores.Level
        switch by {
        case "organisation": level = .organisation
        case "network": level = .network
        default:
            guard by == "sector" || loaded.area.hasOrganisationValues(in: by) else {
                throw Console.failure("--by: no organisation has a value in column \(quoted(by))")
            }
            level = .group(by)
        }
        try output.write(scores.table(at: level))
    }
}

struct SurveyScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Prints the scale that maps answer labels to numbers, as the CSV file --scale reads.",
        discussion: """
            Each row is question,label,value; a question * applies to every question, and \
            a question's own rows come first. Labels match without regard to case. Numbers \
            are read as written (0 or more; within a question's own labels' range when it \
            has some). Copy the output, change it, and pass it to survey import --scale.
            """)

    @Option(name: .long, help: ArgumentHelp("Print this scale file's mapping instead (checked).", valueName: "file"))
    var scale: String?

    func run() throws {
        do {
            let mapping = try scale.map { file throws(AreaIOError) in try SurveyScale.read(at: file) } ?? .standard
            print(mapping.csv, terminator: "")
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

struct SurveyExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes an area as a survey: the roster and long responses that import reads back.",
        discussion: """
            Writes OUTPUT/roster.csv (the organisations table) and OUTPUT/responses.csv \
            (respondent,partner,question,value: each tie of each relation, its weight as \
            the value). The respondents are those marked yes in a responded column, else \
            every organisation. Unknown ties are left out: they are what a non-respondent \
            did not say, and import makes them unknown again.
            """)

    @OptionGroup var input: AreaOptions

    @Option(name: .shortAndLong, help: "The folder to write roster.csv and responses.csv into.")
    var output: String

    func run() throws {
        let loaded = try input.load()
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try SafeFileWriter.write(SurveyFile.roster(of: loaded.area), to: (output as NSString).appendingPathComponent("roster.csv"))
            try SafeFileWriter.write(
                SurveyFile.responses(of: loaded.area, questions: input.relations.isEmpty ? nil : input.relations),
                to: (output as NSString).appendingPathComponent("responses.csv"))
        } catch {
            throw Console.failure("cannot write the survey to \(output): \(error.localizedDescription)")
        }
    }
}
