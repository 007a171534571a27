import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetReport

struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract:
            "What if an organisation left, boards merged or a chair passed? The headline measures before and after.",
        discussion: """
            Edits, applied in the order given on the command line, each to the area the \
            ones before it left (and a --scenario file's edits where --scenario stands):

            \(helpTable(editHelp, nameWidth: 30))

            Names are ids (organisations.csv, partnerships.csv); an unknown name is an \
            error naming the closest one. Removing an organisation removes its ties and \
            seats. Merging: the merged partnership keeps P1's id and place, with the \
            union of the members; an organisation on both keeps one seat with the higher \
            role and the larger vote; both chairs stay as co-chairs; the quota is the \
            default when both used it, else the stricter of the two as a share of the \
            votes, rounded up; the parent is the outer one's when one is nested in the \
            other, else P1's. Passing a chair: every previous chair becomes a member with \
            its votes; an organisation without a seat takes one with 1 vote. Each edit \
            says what else it changed (a board left without a chair, a quota out of reach, \
            organisations left without ties). Docs/FORMAT.md defines every edit and the \
            scenario file, a JSON list such as \
            [{"remove": ["westholme"]}, {"chair": {"partnership": "hwb", "organisation": "icb"}}].

            Output: the headline measures of `compare` (catalogue names) before and after, \
            with the difference (after − before); then, for each board the edits change, \
            votes[P], quota[P] and, by sector, seats[P,S], votes[P,S], vote_share[P,S], \
            banzhaf[P,S] and shapley_shubik[P,S]. --format csv gives \
            metric,before,after,difference rows; json an object with the edits, their \
            notes, the values and the boards' members; --members lists each member of the \
            changed boards with its role, votes and power before and after; --changed \
            shows only the values that change. Both areas \
            are analysed with the same settings and seed, the random-set and shuffle tests \
            included (cheap at partnership sizes; --random-sets 0 --permutations 0 skips \
            them); communities and the core/periphery fit, which no value shown needs, are \
            not computed.

            Examples:
              partnernet whatif Datasets/northbridge --chair hwb=icb
              partnernet whatif Datasets/northbridge --remove ncc --format csv
              partnernet whatif Datasets/northbridge --merge "hwb,cyp=People's Board" \\
                  --chair hwb=icb --members
              partnernet whatif Datasets/northbridge --remove-sector faith \\
                  --add-tie cvs,mosque,information,2 --drop-relation funding
              partnernet whatif Datasets/northbridge --scenario county.json -f json
            """)

    static let editHelp: [(name: String, description: String)] = [
        ("--remove ORG[,ORG…]", "the organisations leave, with their ties and seats"),
        ("--remove-sector S", "every organisation of sector S leaves"),
        ("--merge P1,P2[=NAME]", "P2 merges into P1 (optionally renamed NAME)"),
        ("--chair P=ORG[+ORG…]", "ORG becomes P's chair (several: co-chairs); the previous chair a member"),
        ("--votes P:ORG=N", "ORG's seat on P holds N votes"),
        ("--add-tie A,B[,REL[,W]]", "a tie A → B in relation REL (default: the only relation) of weight W (1)"),
        ("--drop-relation R", "every tie of relation R goes"),
        ("--scenario FILE", "the edits in a JSON file"),
    ]

    @OptionGroup var input: AreaOptions
    @OptionGroup var output: OutputOptions

    @Option(
        name: .long, help: ArgumentHelp("Organisations to remove, comma-separated; repeatable.", valueName: "org,…"))
    var remove: [String] = []

    @Option(
        name: .customLong("remove-sector"), help: ArgumentHelp("A sector to remove; repeatable.", valueName: "sector"))
    var removeSector: [String] = []

    @Option(
        name: .long, help: ArgumentHelp("Merge P2 into P1, optionally renamed; repeatable.", valueName: "P1,P2[=name]"))
    var merge: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Pass the chair of P to ORG (co-chairs joined by +); repeatable.", valueName: "P=ORG[+ORG…]")
    )
    var chair: [String] = []

    @Option(name: .long, help: ArgumentHelp("Set ORG's votes on P; repeatable.", valueName: "P:ORG=N"))
    var votes: [String] = []

    @Option(
        name: .customLong("add-tie"),
        help: ArgumentHelp("Add a tie A → B, in a relation, with a weight; repeatable.", valueName: "A,B[,rel[,w]]"))
    var addTie: [String] = []

    @Option(
        name: .customLong("drop-relation"),
        help: ArgumentHelp("Drop every tie of a relation; repeatable.", valueName: "relation"))
    var dropRelation: [String] = []

    @Option(name: .long, help: ArgumentHelp("Edits from a JSON scenario file (Docs/FORMAT.md).", valueName: "file"))
    var scenario: String?

    @Option(
        name: [.customLong("focal-sector"), .customLong("sector")],
        help: ArgumentHelp("The sector whose shares are shown (default: the area's own).", valueName: "sector"))
    var focalSector: String?

    @Option(name: .long, help: "Shuffles of the sector labels for the E-I p-values (0 to skip).")
    var permutations = AnalysisSettings().permutations

    @Option(name: .customLong("random-sets"), help: "Random sets for the focal share p-values (0 to skip).")
    var randomSets = AnalysisSettings().randomSets

    @Option(name: .long, help: "Seed for the shuffles and random sets (the same before and after).")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Show only the values the edits change.")
    var changed = false

    @Flag(name: .long, help: "List the members of the changed boards, their roles, votes and power before and after.")
    var members = false

    /// Where an edit came from, to name it in an error.
    enum Origin {
        case option(String)
        case file(SourceLocation)
    }

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
        if randomSets < 0 { throw ValidationError("--random-sets must be 0 or more") }
        _ = try optionEdits()
        if scenario == nil && optionCount == 0 {
            throw ValidationError("give at least one edit (--remove, --merge, --chair, …) or --scenario FILE")
        }
    }

    var optionCount: Int {
        remove.count + removeSector.count + merge.count + chair.count + votes.count + addTie.count + dropRelation.count
    }

    /// The command-line edits, by option name, each occurrence's in the order given.
    func optionEdits() throws -> [String: [[(AreaEdit, Origin)]]] {
        func each(
            _ name: String, _ values: [String], _ parse: (String) throws -> [AreaEdit]
        ) throws -> [[(AreaEdit, Origin)]] {
            try values.map { value in try parse(value).map { ($0, .option("\(name) \(value)")) } }
        }
        return [
            "--remove": try each("--remove", remove) { value in
                let ids = commaSeparated(value)
                if ids.isEmpty { throw ValidationError("--remove needs at least one organisation id") }
                return [.removeOrganisations(ids)]
            },
            "--remove-sector": try each("--remove-sector", removeSector) { value in
                commaSeparated(value).map { .removeSector($0) }
            },
            "--merge": try each("--merge", merge) { value in
                let (ids, name) = Self.split(value, at: "=")
                let pair = commaSeparated(ids)
                guard pair.count == 2, name.map({ !$0.isEmpty }) ?? true else {
                    throw ValidationError("--merge expects P1,P2 or P1,P2=NAME, found \(quoted(value))")
                }
                return [.mergePartnerships(pair[0], pair[1], name: name)]
            },
            "--chair": try each("--chair", chair) { value in
                let (partnership, rest) = Self.split(value, at: "=")
                let chairs = (rest ?? "").split(whereSeparator: { $0 == "+" || $0 == "," })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let id = partnership.trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty, !chairs.isEmpty else {
                    throw ValidationError("--chair expects P=ORG or P=ORG1+ORG2 (co-chairs), found \(quoted(value))")
                }
                return [.passChair(partnership: id, to: chairs)]
            },
            "--votes": try each("--votes", votes) { value in
                let (seat, number) = Self.split(value, at: "=", last: true)
                let (partnership, organisation) = Self.split(seat, at: ":")
                guard let number, let count = Int(number.trimmingCharacters(in: .whitespaces)), count >= 0,
                    let organisation, !partnership.isEmpty, !organisation.isEmpty
                else {
                    throw ValidationError(
                        "--votes expects P:ORG=N with N a whole number, 0 or more, found \(quoted(value))")
                }
                return [.setVotes(partnership: partnership, organisation: organisation, votes: count)]
            },
            "--add-tie": try each("--add-tie", addTie) { value in
                let parts = value.split(separator: ",", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                let weight = parts.count == 4 ? Double(parts[3]) : 1
                guard (2...4).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty, let weight,
                    weight.isFinite, weight > 0
                else {
                    throw ValidationError(
                        "--add-tie expects A,B or A,B,RELATION or A,B,RELATION,WEIGHT with a weight above 0, "
                            + "found \(quoted(value))")
                }
                let relation = parts.count >= 3 && !parts[2].isEmpty ? parts[2] : nil
                return [.addTie(source: parts[0], target: parts[1], relation: relation, weight: weight)]
            },
            "--drop-relation": try each("--drop-relation", dropRelation) { value in
                commaSeparated(value).map { .dropRelation($0) }
            },
        ]
    }

    /// `text` before and after the first (or last) `separator`; `nil` after when there is none.
    static func split(_ text: String, at separator: Character, last: Bool = false) -> (String, String?) {
        guard let index = last ? text.lastIndex(of: separator) : text.firstIndex(of: separator) else {
            return (text.trimmingCharacters(in: .whitespaces), nil)
        }
        return (
            String(text[..<index]).trimmingCharacters(in: .whitespaces),
            String(text[text.index(after: index)...]).trimmingCharacters(in: .whitespaces)
        )
    }

    /// The edit options in the order they stand in `arguments` (up to `--`), by name:
    /// ArgumentParser keeps each option's values in order but not the order between
    /// options, which decides what a scenario does.
    static func optionOrder(in arguments: [String]) -> [String] {
        let names = Set([
            "--remove", "--remove-sector", "--merge", "--chair", "--votes", "--add-tie", "--drop-relation",
            "--scenario",
        ])
        var order: [String] = []
        for argument in arguments {
            if argument == "--" { break }
            let name = String(argument.prefix { $0 != "=" })
            if names.contains(name) { order.append(name) }
        }
        return order
    }

    func run() throws {
        let loaded = try input.load()
        if let focalSector, let problem = loaded.area.focalSectorProblem(named: focalSector) {
            throw Console.failure(problem.description)
        }
        // Every edit in order: the command line's by where each option stands, a
        // scenario file's where --scenario stands.
        var queues = try optionEdits()
        var fileEdits: [(AreaEdit, Origin)] = []
        if let scenario {
            Inputs.note(scenario)
            do {
                let file = try ScenarioFile.read(at: scenario)
                fileEdits = zip(file.scenario.edits, file.locations).map { ($0, .file($1)) }
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(1)
            }
        }
        var ordered: [(AreaEdit, Origin)] = []
        for name in Self.optionOrder(in: Array(CommandLine.arguments.dropFirst())) {
            if name == "--scenario" {
                ordered += fileEdits
                fileEdits = []
            } else if var queue = queues[name], !queue.isEmpty {
                ordered += queue.removeFirst()
                queues[name] = queue
            }
        }
        // Anything the scan did not place (it always should) follows in a fixed order.
        ordered += fileEdits
        for name in ["--remove", "--remove-sector", "--merge", "--chair", "--votes", "--add-tie", "--drop-relation"] {
            ordered += (queues[name] ?? []).flatMap { $0 }
        }

        let before = try input.analysis(of: loaded) { settings in
            settings.focalSector = focalSector
            settings.permutations = permutations
            settings.randomSets = randomSets
            settings.seed = seed
            settings.communityMethod = nil
            settings.corePeriphery = false
        }
        let scenarioValue = Scenario(ordered.map(\.0))
        let outcome: ScenarioOutcome
        do {
            outcome = try scenarioValue.applied(to: loaded.area)
        } catch {
            switch ordered[error.index].1 {
            case .option(let text): throw Console.failure("\(text): \(error.reason)")
            case .file(let location):
                Console.report([.error(at: location, "\(error.edit.summary): \(error.reason)")])
                throw ExitCode(1)
            }
        }
        let report: WhatIfReport
        do {
            report = try WhatIfReport(before: before, scenario: scenarioValue, outcome: outcome)
        } catch {
            throw Console.failure("after the edits: \(error.description)")
        }
        if members { return try output.write(report.memberTable) }
        switch output.format {
        case .table: try output.write(report.text(title: input.title(of: before), changedOnly: changed))
        case .csv: try output.write(report.table(changedOnly: changed))
        case .json: try output.write(report.json(changedOnly: changed))
        }
    }
}
