import ArgumentParser
import PartnerNetCore
import PartnerNetMetrics
import PartnerNetReport

struct QAP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qap",
        abstract: "What predicts a tie? QAP correlation and MRQAP regression of one relation on others.",
        discussion: """
            Regresses one relation (--y) on terms (--x) over every pair of distinct organisations, \
            as R's sna::netlm (linear) and sna::netlogit (logistic: the outcome is whether a tie \
            exists, weight > 0), and tests each coefficient by relabelling organisations \
            (quadratic assignment), which keeps each network's structure intact. With \
            --correlate A,B it gives the QAP correlation of two relations or terms instead.

            A TERM is a relation's weights (an undirected relation is symmetric), co-membership \
            (partnerships two organisations share), same:COLUMN (1 when both have the same value \
            of an organisation column), diff:COLUMN (|difference| of a numeric column), \
            sender:COLUMN (the row organisation's value) or receiver:COLUMN (the column's). Pairs \
            are ordered unless every variable is symmetric, when each pair counts once; an \
            organisation's tie to itself is left out.

            Nulls (--null): qap, Dekker et al.'s semi-partialling (sna 2.7's "qap" and the \
            default, robust to correlated predictors); qapy (relabel the outcome); qapx \
            (relabel one predictor at a time); qapallx (relabel every predictor); classical \
            (Student's t, pairs taken as independent: for comparison only). p_le, p_ge and \
            p_abs are the shares of relabellings whose statistic (t, or z) is at most, at \
            least, or at least as far from 0 as the observed one, each (k + 1)/(N + 1). The \
            same --seed gives the same p-values on any machine.

            --format csv gives the coefficient table; json adds the fit (r_squared, \
            adj_r_squared; or deviance, null_deviance, aic, bic).

            Examples:
              partnernet qap Datasets/northbridge --y information \\
                  --x funding,co-membership,same:sector,diff:staff
              partnernet qap Datasets/northbridge --y information \\
                  --x co-membership,same:sector --model logistic --seed 7
              partnernet qap Datasets/padgett_florentine --correlate marriage,business
            """)

    @Argument(help: "The area: a folder, a .json area, or another format partnernet reads.")
    var area: String

    @OptionGroup var format: InputFormatOptions

    @Option(name: .customLong("y"), help: ArgumentHelp("The relation to explain.", valueName: "relation"))
    var outcome: String?

    @Option(
        name: .customLong("x"),
        help: ArgumentHelp("Predictor terms, comma-separated or repeated.", valueName: "term,…"))
    var predictors: [String] = []

    @Option(name: .long, help: ArgumentHelp("Two relations or terms to correlate, as A,B.", valueName: "a,b"))
    var correlate: String?

    @Option(name: .long, help: "linear or logistic (tie presence).")
    var model = "linear"

    @Option(name: .long, help: "Null hypothesis: qap, qapy, qapx, qapallx or classical.")
    var null = "qap"

    @Option(name: .long, help: "Relabellings for the p-values (0 to skip).")
    var permutations = 1_000

    @Option(name: .long, help: "Seed for the relabellings.")
    var seed: UInt64 = 1

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
        if model != "linear" && model != "logistic" {
            throw ValidationError("--model must be linear or logistic, not '\(model)'")
        }
        if QAPNull(rawValue: null) == nil {
            throw ValidationError("--null must be qap, qapy, qapx, qapallx or classical, not '\(null)'")
        }
        if let correlate {
            if outcome != nil || !predictors.isEmpty {
                throw ValidationError("--correlate stands alone: give it or --y and --x, not both")
            }
            if commaSeparated(correlate).count != 2 {
                throw ValidationError("--correlate takes two relations or terms, as A,B")
            }
        } else if outcome == nil || commaSeparated(predictors).isEmpty {
            throw ValidationError("give --y RELATION and --x TERM[,TERM…], or --correlate A,B")
        }
    }

    func run() throws {
        let loaded = try loadArea(area, format.choice)
        if !quiet { Console.report(loaded.warnings) }
        let area = loaded.area
        func matrix(_ text: String) throws -> DyadMatrix {
            do {
                return try area.dyadMatrix(for: DyadTerm(parsing: text))
            } catch {
                throw Console.failure(error.description)
            }
        }
        let name = area.metadata.name ?? self.area
        let report: QAPReport
        let title: String
        do {
            if let correlate {
                let pair = commaSeparated(correlate)
                let (a, b) = (try matrix(pair[0]), try matrix(pair[1]))
                let result = try a.qapCorrelation(with: b, permutations: permutations, seed: seed)
                report = QAPReport(result, a: pair[0], b: pair[1])
                title = "\(name): QAP correlation of \(pair[0]) with \(pair[1])"
            } else {
                let y = try matrix(outcome!)
                var terms: [DyadPredictor] = []
                for term in commaSeparated(predictors) { terms.append(DyadPredictor(term, try matrix(term))) }
                let null = QAPNull(rawValue: null)!
                if model == "logistic" {
                    let result = try y.logisticQAPRegression(on: terms, null: null, permutations: permutations, seed: seed)
                    report = QAPReport(result, outcome: outcome!)
                    title = "\(name): logistic MRQAP of \(outcome!) ties"
                } else {
                    let result = try y.linearQAPRegression(on: terms, null: null, permutations: permutations, seed: seed)
                    report = QAPReport(result, outcome: outcome!)
                    title = "\(name): linear MRQAP of \(outcome!)"
                }
            }
        } catch let error as QAPError {
            throw Console.failure(error.description)
        }
        try output.write(report.rendered(as: output.format, title: title, neutralizingFormulas: !output.rawCSV))
    }
}
