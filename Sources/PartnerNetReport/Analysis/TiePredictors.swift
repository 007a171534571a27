import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// What predicts working together: a linear MRQAP regression
/// (``PartnerNetMetrics/DyadMatrix/linearQAPRegression(on:null:permutations:seed:)``) of
/// whether two organisations are tied in one relation — the one asked for
/// (``AnalysisSettings/predictedRelation``), else the relation with most ties — on whether
/// they are tied in each other relation, the number of partnerships they share, and
/// whether they belong to the same group. (One model, not one per relation: a relation's
/// partial association with another has the same t whichever of the two is explained, so
/// a model each way would test it twice.) `partnernet qap` fits any other model.
///
/// The outcome and the other relations are tie presence (1 when the pair has a tie of
/// the relation, of any weight), so a coefficient is a change in the share of pairs tied
/// — a linear probability model, the usual MRQAP reading — and relations in different
/// units are never mixed. `co-membership` keeps its count. Pairs are ordered when any
/// variable is directed, else each pair counts once; the diagonal is left out. Each
/// coefficient is tested by relabelling the organisations under Dekker's semi-partialling
/// (the `qap` null), with the analysis's permutations and seed, two-sided on |t|.
///
/// A predictor that is the same for every pair (no memberships among the organisations,
/// one group only) is left out of its model, and said so.
///
/// The test costs a pass over every pair for each relabelling, so on a large area it is
/// left out of the report when pairs × relabellings exceed ``testBudget`` (10⁹: about 450
/// organisations at 5,000 relabellings, 1,000 at 1,000), and said so: the estimates are
/// given untested, and the `partnernet qap` command that tests them is named.
///
/// ## References
/// Krackhardt, D. (1988) Predicting with networks: nonparametric multiple regression
/// analysis of dyadic data. Social Networks 10(4):359–381 (doi:10.1016/0378-8733(88)90004-4);
/// Dekker, D., Krackhardt, D. & Snijders, T.A.B. (2007) Sensitivity of MRQAP tests to
/// collinearity and autocorrelation conditions. Psychometrika 72(4):563–581
/// (doi:10.1007/s11336-007-9016-1).
public struct TiePredictors: Sendable {
    /// One regression: a relation's ties on the rest.
    public struct Model: Sendable {
        /// The relation whose ties are explained.
        public let outcome: String
        public let regression: LinearQAPRegression
        /// The share of pairs tied in the outcome relation.
        public let tieShare: Double
    }

    /// The model fitted (none when it could not be; ``notes`` says why).
    public let models: [Model]
    /// What could not be fitted or was left out, in words.
    public let notes: [String]
    /// The terms besides the relations: `co-membership` when the area has memberships,
    /// and `same:GROUPS`.
    public let extraTerms: [String]
    /// Whether the relation explained was asked for (``AnalysisSettings/predictedRelation``).
    public let chosen: Bool
    /// The relabellings asked for (the analysis's permutations), whether or not the size
    /// of the area let the report run them.
    public let requestedPermutations: Int

    /// The most pairs × relabellings the report spends on the test.
    public static let testBudget = 1_000_000_000

    /// The models of `analysis`'s relations; `nil` unless the area has two relations with
    /// ties, or one and memberships: with one variable there is nothing to predict it by.
    init?(analysis: AreaAnalysis) {
        let area = analysis.area
        let relations = analysis.relations.filter { $0 != Area.coMembership }
        var presence: [(name: String, matrix: DyadMatrix, ties: Int)] = []
        for name in relations {
            guard let matrix = try? area.dyadMatrix(for: .tie(name)) else { continue }
            let ties = matrix.values.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }  // NaN > 0 is false
            if ties > 0 { presence.append((name, matrix, ties)) }
        }
        var extra: [DyadPredictor] = []
        var notes: [String] = []
        if !area.memberships.isEmpty, let shared = try? area.dyadMatrix(for: .relation(Area.coMembership)) {
            if shared.isConstantOffDiagonal {
                notes.append("co-membership is left out: no two organisations share a partnership")
            } else {
                extra.append(DyadPredictor(Area.coMembership, shared))
            }
        }
        let sameTerm = DyadTerm.same(analysis.settings.groups)
        guard presence.count >= 2 || (presence.count == 1 && !extra.isEmpty) else { return nil }
        if let same = try? area.dyadMatrix(for: sameTerm) {
            if same.isConstantOffDiagonal {
                notes.append("\(sameTerm) is left out: it is the same for every pair")
            } else {
                extra.append(DyadPredictor(sameTerm.description, same))
            }
        }
        // The relation explained: the one asked for, else the one with most ties (the
        // first in the area's order among equals).
        let chosen =
            presence.firstIndex { $0.name == analysis.settings.predictedRelation }
            ?? presence.indices.max { (presence[$0].ties, $1) < (presence[$1].ties, $0) }!
        let outcome = presence[chosen]
        var models: [Model] = []
        let others = presence.enumerated().filter { $0.offset != chosen }.map {
            DyadPredictor(DyadTerm.tie($0.element.name).description, $0.element.matrix)
        }
        let requested = analysis.settings.permutations
        let pairs = outcome.matrix.order * (outcome.matrix.order - 1)
        let affordable = requested == 0 || pairs <= Self.testBudget / requested
        if !affordable {
            notes.append(
                "the estimates are not tested here: \(requested) relabellings of the pairs of "
                    + "\(outcome.matrix.order) organisations would take far longer than the rest of the report; "
                    + "the command below runs the test")
        }
        self.requestedPermutations = requested
        do {
            let regression = try outcome.matrix.linearQAPRegression(
                on: others + extra, null: .qap, permutations: affordable ? requested : 0,
                seed: analysis.settings.seed)
            models.append(Model(outcome: outcome.name, regression: regression, tieShare: outcome.matrix.offDiagonalMean))
        } catch {
            notes.append("\(outcome.name) could not be regressed on the others: \(error)")
        }
        self.models = models
        self.notes = notes
        self.extraTerms = extra.map(\.name)
        self.chosen = analysis.settings.predictedRelation == outcome.name
    }

    /// What the section says before its tables: the model and how to read a coefficient.
    public func introduction(groups: String) -> String {
        let terms = (["the other relations"] + extraTerms.map { $0 == Area.coMembership ? "the partnerships they share" : "being of the same \(groups)" })
        let permutations = models.first?.regression.permutations ?? 0
        let outcome = models.first.map { "Ties of \($0.outcome)" + (chosen ? "" : " (the relation with most ties)") }
        return (outcome ?? "Ties") + " are explained by "
            + "\(ReportText.list(terms)): a linear regression over pairs of "
            + "organisations (MRQAP) of whether the pair is tied, so each estimate is a change in the chance of a tie, "
            + "the other terms held fixed. Pairs are not independent, so each estimate is tested against "
            + (permutations > 0
                ? "\(permutations) relabellings of the organisations (Dekker's semi-partialling), two-sided. "
                : "relabellings of the organisations (Dekker's semi-partialling), which at this size are left to "
                    + "`partnernet qap` (below). ")
            + "An association, not a cause: a tie in one relation may follow from the other, or both from a third."
    }

    /// The `partnernet qap` command that fits the same model with the same relabellings.
    public func command(path: String, seed: UInt64) -> String? {
        guard let model = models.first else { return nil }
        let terms = model.regression.coefficients.map(\.term).filter { $0 != "intercept" }
        return "partnernet qap \(path) --y tie:\(model.outcome) --x \(terms.joined(separator: ",")) "
            + "--permutations \(requestedPermutations) --seed \(seed)"
    }

    /// The section's sentences: each coefficient's finding, then the fit of each model and
    /// the notes.
    public func readings(findings: [Finding]) -> [String] {
        findings.filter { $0.topic == .predictors }.map(\.qualifiedSentence)
            + models.map { model in
                "\(model.outcome): R² \(ReportText.decimal(model.regression.rSquared)) over "
                    + "\(model.regression.pairs) \(model.regression.mode == .directed ? "ordered" : "unordered") pairs, "
                    + "\(ReportText.percent(model.tieShare)) of them tied"
                    + (model.regression.unknownPairs > 0
                        ? " (\(model.regression.unknownPairs) pairs with an unknown tie left out)." : ".")
            } + notes.map { "Note: \($0)." }
    }

    /// The key of a coefficient's row: `OUTCOME ~ TERM`.
    public static func key(outcome: String, term: String) -> String { "\(outcome) ~ \(term)" }

    /// Every coefficient of every model, one row each: the key, the outcome, the term, the
    /// estimate, its standard error and t, and the permutation tails.
    public var coefficientTable: ResultTable {
        ResultTable(
            columns: ["coefficient", "outcome", "term", "estimate", "std_error", "statistic", "p_le", "p_ge", "p_abs"],
            rows: models.flatMap { model in
                model.regression.coefficients.map { c in
                    [
                        .text(Self.key(outcome: model.outcome, term: c.term)), .text(model.outcome), .text(c.term),
                        .number(c.estimate, isCount: false), .number(c.standardError, isCount: false),
                        .number(c.statistic, isCount: false),
                    ] + QAPReport.pCells(c.pValues)
                }
            })
    }

    /// The fit of each model: pairs used, whether they are ordered, the share tied, R² and
    /// adjusted R².
    public var fitTable: ResultTable {
        ResultTable(
            columns: ["outcome", "mode", "pairs", "tie_share", "r_squared", "adj_r_squared", "permutations"],
            rows: models.map { model in
                [
                    .text(model.outcome), .text(model.regression.mode.rawValue),
                    .number(Double(model.regression.pairs), isCount: true), .number(model.tieShare, isCount: false),
                    .number(model.regression.rSquared, isCount: false),
                    .number(model.regression.adjustedRSquared, isCount: false),
                    .number(Double(model.regression.permutations), isCount: true),
                ]
            })
    }
}

extension DyadMatrix {
    /// Whether every pair of distinct organisations with a known value has the same value.
    var isConstantOffDiagonal: Bool {
        var first: Double?
        for i in 0..<order {
            for j in 0..<order where i != j && !self[i, j].isNaN {
                let value = self[i, j]
                if let first, first != value { return false }
                first = value
            }
        }
        return true
    }

    /// The mean over pairs of distinct organisations (each ordered pair once), unknown
    /// pairs left out.
    var offDiagonalMean: Double {
        guard order > 1 else { return 0 }
        var sum = 0.0
        var count = 0
        for i in 0..<order {
            for j in 0..<order where i != j && !self[i, j].isNaN {
                sum += self[i, j]
                count += 1
            }
        }
        return count == 0 ? 0 : sum / Double(count)
    }
}

extension AreaAnalysis {
    /// What predicts working together (``TiePredictors``), when the area has two relations
    /// with ties, or one and memberships.
    public var tiePredictors: TiePredictors? { memo.value("tie-predictors") { TiePredictors(analysis: self) } }
}
