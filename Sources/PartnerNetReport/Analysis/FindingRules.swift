import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// The rules that turn an area's analysis into findings, adjust their p-values together,
/// and choose the summary and the headline — all on the findings' values.
///
/// - Every test of the report is one finding, so Holm's adjustment runs over them all.
/// - Below ``AreaAnalysis/minimumOrganisations`` organisations no test is read as a
///   finding, and no community structure; groups below ``AreaAnalysis/minimumGroupSize``
///   get no test of their own. ``AreaAnalysis/notReadAsFindings`` says so.
/// - A share or ratio is called more or less than chance only with its test, in the
///   direction the test finds, after adjustment.
public enum FindingRules {
    static func findings(of analysis: AreaAnalysis) -> [Finding] {
        var out: [Finding] = []
        out += centrality(analysis)
        out += silos(analysis)
        out += cutpoints(analysis)
        out += dominance(analysis)
        out += sectorShares(analysis)
        out += architecture(analysis)
        out += networkTests(analysis)
        out += predictors(analysis)
        adjust(&out)
        chooseSummary(&out, analysis: analysis)
        return out
    }

    /// Holm's adjustment over every tested finding of the report.
    public static func adjust(_ findings: inout [Finding]) {
        let tested = findings.indices.filter { findings[$0].pValue != nil }
        let adjusted = Holm.adjusted(tested.map { findings[$0].pValue! })
        for (index, p) in zip(tested, adjusted) { findings[index].adjustedPValue = p }
    }

    /// The summary: the central question's answers whatever they are (the focal sector's
    /// share of betweenness, overall E-I), every result significant after adjustment, and
    /// the descriptive findings that name a structural risk (cutpoints, duplication,
    /// sectors chairing nothing).
    public static func chooseSummary(_ findings: inout [Finding], analysis: AreaAnalysis) {
        let always: Set<String> = [
            "centrality.top_betweenness", "centrality.betweenness_centralization", "silos.ei_index",
            "dominance.focal_share.betweenness", "dominance.fragmentation",
        ]
        for index in findings.indices {
            let finding = findings[index]
            findings[index].inSummary =
                always.contains(finding.id) || finding.isSignificant
                || (finding.claim == .descriptive
                    && (finding.topic == .cohesion || finding.topic == .architecture
                        || finding.id.hasPrefix("chairs.none.")))
        }
    }

    // MARK: Centrality

    static func centrality(_ analysis: AreaAnalysis) -> [Finding] {
        var out: [Finding] = []
        let betweenness = analysis.betweenness
        let total = betweenness.reduce(0, +)
        let n = analysis.graph.nodeCount
        if total > 0, let top = betweenness.indices.max(by: { (betweenness[$0], $1) < (betweenness[$1], $0) }) {
            let id = analysis.graph.labels[top]
            let share = betweenness[top] / total
            out.append(
                Finding(
                    id: "centrality.top_betweenness", topic: .centrality, subject: id, statistic: "betweenness_share",
                    value: share,
                    statement: "\(analysis.names[top]) lies on the most shortest paths between others: "
                        + "\(ReportText.percent(share)) of all betweenness",
                    evidence: [.init(table: "centrality", row: id, column: "betweenness_share", value: share)], n: n))
        }
        if let value = analysis.network.value(of: NetworkMeasure.betweennessCentralization.rawValue) {
            let tested = networkTest(analysis, "betweenness_centralization", observed: value)
            out.append(
                Finding(
                    id: "centrality.betweenness_centralization", topic: .centrality, subject: "network",
                    statistic: "betweenness_centralization", value: value,
                    statement: "Betweenness centralisation \(ReportText.decimal(value)) "
                        + "(0: brokerage shared evenly; 1: one organisation brokers everything)",
                    evidence: [.init(table: "network", row: "betweenness_centralization", value: value)]
                        + (tested?.evidence ?? []), n: n, test: tested?.test,
                    effect: tested?.z.map { ("z", $0) }))
        }
        return out
    }

    // MARK: Network values against random graphs

    /// The test of a network value against random graphs of the same size and number of
    /// ties (``AreaAnalysis/networkTests``), with the evidence it adds: `nil` below
    /// ``AreaAnalysis/minimumOrganisations``, without a test, or when the test's observed
    /// value is not the report's (a weighted measure: the random graphs are unweighted).
    static func networkTest(_ analysis: AreaAnalysis, _ name: String, observed: Double) -> (
        test: (Finding.Claim, Double, String, Double?), evidence: [Finding.Evidence], z: Double?
    )? {
        guard analysis.isLargeEnoughForTests, let test = analysis.networkTest(of: name),
            abs(test.observed - observed) <= 1e-12 * max(1, abs(observed))
        else { return nil }
        let side = twoSided(observed: observed, expected: test.mean, low: test.pLow, high: test.pHigh)
        let table = analysis.networkTestTable
        let evidence = ["mean", "p_le", "p_ge"].compactMap { column in
            table.value(of: name, column: column).map { Finding.Evidence(table: "network_tests", row: name, column: column, value: $0) }
        }
        return ((side.direction, side.p, analysis.networkTestNull, test.mean), evidence,
                table.value(of: name, column: "z"))
    }

    /// Findings for the network values that only the random graphs test: degree
    /// centralisation, transitivity and (directed) reciprocity. Betweenness
    /// centralisation's test joins its centrality finding; the groups' modularity is in
    /// the table only, the E-I test being the silos finding.
    static func networkTests(_ analysis: AreaAnalysis) -> [Finding] {
        let words: [(name: String, topic: Finding.Topic, statement: (Double) -> String)] = [
            ("degree_centralization", .centrality, {
                "Degree centralisation \(ReportText.decimal($0)) (0: ties spread evenly; 1: one organisation tied to "
                    + "every other, and they to it alone)"
            }),
            ("transitivity", .cohesion, {
                "Transitivity \(ReportText.decimal($0)): the share of an organisation's pairs of partners that are "
                    + "partners too"
            }),
            ("reciprocity", .cohesion, { "Reciprocity \(ReportText.decimal($0)): the share of ties returned" }),
        ]
        var out: [Finding] = []
        for (name, topic, statement) in words {
            guard let value = analysis.network.value(of: name),
                let tested = networkTest(analysis, name, observed: value)
            else { continue }
            out.append(
                Finding(
                    id: "\(topic.rawValue).\(name)", topic: topic, subject: "network", statistic: name, value: value,
                    statement: statement(value),
                    evidence: [.init(table: "network", row: name, value: value)] + tested.evidence,
                    n: analysis.graph.nodeCount, test: tested.test, effect: tested.z.map { ("z", $0) }))
        }
        return out
    }

    // MARK: What predicts working together

    /// One finding per coefficient of ``AreaAnalysis/tiePredictors`` (the intercept left
    /// out), tested two-sided on |t| when the area is large enough.
    static func predictors(_ analysis: AreaAnalysis) -> [Finding] {
        guard let predictors = analysis.tiePredictors else { return [] }
        let groups = analysis.settings.groups
        var out: [Finding] = []
        for model in predictors.models {
            let null = "\(model.regression.permutations) relabellings of the organisations"
            for coefficient in model.regression.coefficients where coefficient.term != "intercept" {
                let key = TiePredictors.key(outcome: model.outcome, term: coefficient.term)
                let estimate = coefficient.estimate
                let points = "\(ReportText.short(abs(estimate) * 100)) percentage points"
                let more = estimate >= 0 ? "more" : "less"
                let subject: String
                switch coefficient.term {
                case Area.coMembership:
                    subject = "Each partnership two organisations share makes a tie in \(model.outcome) \(points) \(more) likely"
                case "same:\(groups)":
                    subject = "Two organisations of the same \(groups) are \(points) \(more) likely to have a tie in \(model.outcome)"
                default:
                    let relation = coefficient.term.hasPrefix("tie:") ? String(coefficient.term.dropFirst(4)) : coefficient.term
                    subject = "Pairs tied by \(relation) are \(points) \(more) likely to be tied by \(model.outcome)"
                }
                var evidence: [Finding.Evidence] = [
                    .init(table: "predictors", row: key, column: "estimate", value: estimate)
                ]
                var test: (Finding.Claim, Double, String, Double?)?
                if analysis.isLargeEnoughForTests, let p = coefficient.pValues {
                    evidence.append(.init(table: "predictors", row: key, column: "p_abs", value: p.pAbsolute))
                    test = (estimate >= 0 ? .more : .less, p.pAbsolute, null, 0)
                }
                out.append(
                    Finding(
                        id: "predictors.\(model.outcome).\(coefficient.term)", topic: .predictors,
                        subject: model.outcome, statistic: "estimate", value: estimate,
                        statement: subject + " (\(ReportText.decimal(estimate, 3)), the other terms held fixed)",
                        evidence: evidence, n: analysis.graph.nodeCount, test: test,
                        // Two-sided on |t|: the estimate is further from zero than the
                        // relabelled estimates, whichever its sign.
                        directionWords: ("further from zero", "further from zero")))
            }
        }
        return out
    }

    // MARK: Silos

    /// The direction and two-sided p of a test from its tails: the observed value's side
    /// of the expected (or the smaller tail), and `min(1, 2 min(p_low, p_high))`.
    static func twoSided(observed: Double, expected: Double?, low: Double, high: Double) -> (
        direction: Finding.Claim, oneSided: Double, p: Double, lowTail: Bool
    ) {
        let below = expected.map { observed < $0 } ?? (low < high)
        let oneSided = below ? low : high
        return (below ? .less : .more, oneSided, min(1, 2 * min(low, high)), below)
    }

    static func silos(_ analysis: AreaAnalysis) -> [Finding] {
        var out: [Finding] = []
        let silos = analysis.silos
        let n = analysis.graph.nodeCount
        let tested = analysis.isLargeEnoughForTests
        let null = silos.test.map { "\($0.permutations) shuffles of the \(silos.attribute) labels" } ?? ""
        if let observed = silos.ei.network.index {
            let expected = silos.ei.expected
            var evidence: [Finding.Evidence] = [.init(table: "silos", row: "ei_index", value: observed)]
            if let expected { evidence.append(.init(table: "silos", row: "ei_index_expected", value: expected)) }
            var test: (Finding.Claim, Double, String, Double?)?
            if tested, let result = silos.test {
                let side = twoSided(observed: observed, expected: expected, low: result.pLow, high: result.pHigh)
                evidence.append(.init(table: "silos", row: "ei_index_p_low", value: result.pLow))
                evidence.append(.init(table: "silos", row: "ei_index_p_high", value: result.pHigh))
                // A lower E-I than chance is more inward: "less" outward.
                test = (side.direction, side.p, null, expected)
            }
            out.append(
                Finding(
                    id: "silos.ei_index", topic: .silos, subject: "network", statistic: "ei_index", value: observed,
                    statement: "Overall: E-I \(ReportText.decimal(observed)) (\(silos.ei.network.between) ties between "
                        + "groups, \(silos.ei.network.within) within; random mixing gives "
                        + "\(expected.map { ReportText.decimal($0) } ?? "–"))",
                    evidence: evidence, n: n, test: test,
                    effect: expected.map { ("observed − expected", observed - $0) },
                    directionWords: ("more outward", "more inward")))
        }
        if tested, let result = silos.test {
            for (index, name) in silos.groups.names.enumerated() {
                guard silos.groups.sizes[index] >= AreaAnalysis.minimumGroupSize,
                    let observed = silos.ei.byGroup[index].index, let tail = result.byGroup[index]
                else { continue }
                let expected = silos.ei.expectedByGroup[index]
                let side = twoSided(observed: observed, expected: expected, low: tail.pLow, high: tail.pHigh)
                var evidence: [Finding.Evidence] = [
                    .init(table: "silos", row: "ei_index[\(name)]", value: observed),
                    .init(table: "silos", row: "ei_index_p_low[\(name)]", value: tail.pLow),
                    .init(table: "silos", row: "ei_index_p_high[\(name)]", value: tail.pHigh),
                ]
                if let expected {
                    evidence.append(.init(table: "silos", row: "ei_index_expected[\(name)]", value: expected))
                }
                out.append(
                    Finding(
                        id: "silos.ei_index.\(name)", topic: .silos, subject: name, statistic: "ei_index[\(name)]",
                        value: observed,
                        statement: "\(name): E-I \(ReportText.decimal(observed)) against "
                            + "\(expected.map { ReportText.decimal($0) } ?? "–") by chance",
                        evidence: evidence, n: silos.groups.sizes[index], test: (side.direction, side.p, null, expected),
                        effect: expected.map { ("observed − expected", observed - $0) },
                        directionWords: ("more outward", "more inward")))
            }
        }
        if tested, let communities = silos.communities, let agreement = silos.agreement,
            let nmi = agreement.normalizedMutualInformation
        {
            let ari = agreement.adjustedRandIndex
            var evidence: [Finding.Evidence] = [
                .init(table: "silos", row: "nmi_groups", value: nmi),
                .init(table: "silos", row: "communities", value: Double(communities.count)),
            ]
            if let ari { evidence.append(.init(table: "silos", row: "ari_groups", value: ari)) }
            out.append(
                Finding(
                    id: "silos.communities", topic: .silos, subject: "network", statistic: "nmi_groups", value: nmi,
                    statement: "Communities (\(communities.method.rawValue)): \(communities.count); "
                        + agreementWords(nmi: nmi, ari: ari) + " (NMI \(ReportText.decimal(nmi)), ARI "
                        + "\(ari.map { ReportText.decimal($0) } ?? "–"))",
                    evidence: evidence, n: n, effect: ari.map { ("ari_groups", $0) }))
        }
        return out
    }

    /// Words for how far detected communities follow the groups. The adjusted Rand index
    /// is 0 in expectation for unrelated partitions, so at or below 0.05 there is no
    /// agreement whatever NMI says (NMI is positive even between unrelated partitions of a
    /// small network); from there NMI grades it.
    public static func agreementWords(nmi: Double, ari: Double?) -> String {
        if let ari, ari <= 0.05 { return "they show no agreement with group lines" }
        if nmi < 0.2 { return "they show no agreement with group lines" }
        if nmi >= 0.5 { return "they largely follow group lines, a sign of silos" }
        return "they partly follow group lines"
    }

    // MARK: Cohesion

    static func cutpoints(_ analysis: AreaAnalysis) -> [Finding] {
        let table = analysis.cutpointTable
        var out: [Finding] = []
        for row in table.rows {
            guard case .text(let id) = row[0], case .text(let name) = row[1], case .text(let separates) = row[2],
                case .number(let organisations?, _) = row[3], case .number(let ties?, _) = row[4],
                case .text(let stranded) = row[5], organisations > 0
            else { continue }
            let count = Int(organisations)
            let who = count <= 3 ? stranded.replacingOccurrences(of: "; ", with: ", ") + " " : ""
            out.append(
                Finding(
                    id: "cohesion.cutpoint.\(id)", topic: .cohesion, subject: id, statistic: "stranded_organisations",
                    value: organisations,
                    statement: "Without \(name), \(who)(\(ReportText.count(count, "organisation")) with "
                        + "\(ReportText.count(Int(ties), "tie"))) would lose touch with the rest of the partnership"
                        + (separates == "yes" ? ", cutting a group off from another" : ""),
                    evidence: [
                        .init(table: "cutpoints", row: id, column: "stranded_organisations", value: organisations),
                        .init(table: "cutpoints", row: id, column: "stranded_ties", value: ties),
                    ], n: analysis.graph.nodeCount, effect: ("stranded_ties", ties)))
        }
        return out
    }

    // MARK: Dominance

    static func dominance(_ analysis: AreaAnalysis) -> [Finding] {
        guard let dominance = analysis.dominance else { return [] }
        var out: [Finding] = []
        let n = dominance.labels.count
        let subject = dominance.focalName
        let size = dominance.focal.count
        let organisationShare = Double(size) / Double(n)
        let tested = analysis.isLargeEnoughForTests && size >= AreaAnalysis.minimumGroupSize
        for row in dominance.measures {
            guard let share = row.share?.share else { continue }
            let name = row.measure.rawValue
            var evidence: [Finding.Evidence] = [
                .init(table: "dominance", row: "focal_share[\(name)]", value: share),
                .init(table: "dominance", row: "focal_share_of_organisations", value: organisationShare),
            ]
            var test: (Finding.Claim, Double, String, Double?)?
            if tested, let high = row.pValue, let low = row.pLow, let mean = row.randomMean {
                let side = twoSided(observed: share, expected: mean, low: low, high: high)
                evidence.append(.init(table: "dominance", row: "focal_share_p_low[\(name)]", value: low))
                evidence.append(.init(table: "dominance", row: "focal_share_p_value[\(name)]", value: high))
                evidence.append(.init(table: "dominance", row: "focal_share_random_mean[\(name)]", value: mean))
                test = (side.direction, side.p, "random sets of \(size) organisations", mean)
            }
            out.append(
                Finding(
                    id: "dominance.focal_share.\(name)", topic: .dominance, subject: subject,
                    statistic: "focal_share[\(name)]", value: share,
                    statement: "\(subject) holds \(ReportText.percent(share)) of \(DominanceReport.words(row.measure)) "
                        + "with \(ReportText.percent(organisationShare)) of the organisations",
                    evidence: evidence, n: n, test: test,
                    effect: organisationShare > 0 ? ("representation_ratio", share / organisationShare) : nil))
        }
        if let before = dominance.fragmentation, let after = dominance.fragmentationWithoutFocal {
            let split = dominance.componentsWithoutFocal > dominance.components
            out.append(
                Finding(
                    id: "dominance.fragmentation", topic: .dominance, subject: subject,
                    statistic: "fragmentation_without_focal", value: after,
                    statement: "Without \(subject) the partnership "
                        + (split
                            ? "splits into \(dominance.componentsWithoutFocal) parts"
                            : "stays in \(ReportText.count(dominance.componentsWithoutFocal, "part"))")
                        + " (fragmentation \(ReportText.decimal(before)) → \(ReportText.decimal(after)))",
                    evidence: [
                        .init(table: "dominance", row: "fragmentation_without_focal", value: after),
                        .init(table: "dominance", row: "fragmentation", value: before),
                        .init(
                            table: "dominance", row: "components_without_focal",
                            value: Double(dominance.componentsWithoutFocal)),
                    ], n: n, effect: ("fragmentation", before)))
        }
        return out
    }

    // MARK: Every sector

    static func sectorShares(_ analysis: AreaAnalysis) -> [Finding] {
        guard analysis.isLargeEnoughForTests else { return chairsNone(analysis) }
        // The focal sector's shares of the node measures are the dominance findings.
        let focal = analysis.dominance?.focal.sector
        var out: [Finding] = []
        for row in analysis.sectorShares {
            guard row.size >= AreaAnalysis.minimumGroupSize, let share = row.share, let low = row.pLow,
                let high = row.pHigh, let mean = row.randomMean,
                !(row.sector == focal && row.statistic.hasPrefix("sector_share["))
            else { continue }
            let side = twoSided(observed: share, expected: mean, low: low, high: high)
            let topic: Finding.Topic =
                row.statistic.hasPrefix("chair") ? .chairs : row.statistic.hasPrefix("sector_share") ? .balance : .voting
            out.append(
                Finding(
                    id: "\(topic.rawValue).\(row.statistic)", topic: topic, subject: row.sector,
                    statistic: row.statistic, value: share,
                    statement: "\(row.sector) holds \(ReportText.percent(share)) of \(row.quantity) with "
                        + "\(ReportText.percent(row.organisationShare)) of the organisations",
                    evidence: [
                        .init(table: "sector_shares", row: row.statistic, column: "share", value: share),
                        .init(
                            table: "sector_shares", row: row.statistic, column: "organisation_share",
                            value: row.organisationShare),
                        .init(table: "sector_shares", row: row.statistic, column: "random_mean", value: mean),
                        .init(table: "sector_shares", row: row.statistic, column: "p_low", value: low),
                        .init(table: "sector_shares", row: row.statistic, column: "p_high", value: high),
                    ], n: row.population,
                    test: (side.direction, side.p, "random sets of \(row.size) of \(row.population) organisations", mean),
                    effect: row.organisationShare > 0 ? ("representation_ratio", share / row.organisationShare) : nil))
        }
        return out + chairsNone(analysis)
    }

    /// Sectors that chair no partnership, though partnerships have chairs.
    static func chairsNone(_ analysis: AreaAnalysis) -> [Finding] {
        guard let architecture = analysis.architecture else { return [] }
        let chaired = architecture.structure.chairs.filter { !$0.isEmpty }.count
        guard chaired > 0 else { return [] }
        return architecture.chairsByGroup.filter { $0.chairs == 0 }.map { entry in
            Finding(
                id: "chairs.none.\(entry.group)", topic: .chairs, subject: entry.group, statistic: "chairs[\(entry.group)]",
                value: 0,
                statement: "\(entry.group) chairs none of the \(ReportText.count(chaired, "chaired partnership")) "
                    + "with \(ReportText.percent(entry.organisationShare)) of the organisations",
                evidence: [.init(table: "architecture", row: "chairs[\(entry.group)]", value: 0)],
                n: analysis.graph.nodeCount, effect: ("organisation_share", entry.organisationShare))
        }
    }

    // MARK: Architecture

    static func architecture(_ analysis: AreaAnalysis) -> [Finding] {
        guard let architecture = analysis.architecture else { return [] }
        let duplicates = architecture.duplicates
        guard !duplicates.isEmpty else { return [] }
        let names = architecture.partnershipNames
        let pairs = duplicates.prefix(3).map { "\(names[$0.first]) and \(names[$0.second])" }
        return [
            Finding(
                id: "architecture.duplication", topic: .architecture, subject: "partnerships",
                statistic: "duplicate_pairs", value: Double(duplicates.count),
                statement: "Likely duplication: \(ReportText.count(duplicates.count, "pair")) of partnerships, "
                    + "neither nested in the other, share \(ReportText.percent(architecture.threshold)) or more of "
                    + "their combined membership: \(ReportText.list(pairs))" + (duplicates.count > 3 ? ", …" : ""),
                evidence: [.init(table: "architecture", row: "duplicate_pairs", value: Double(duplicates.count))],
                n: architecture.network.partnershipCount,
                effect: duplicates.map(\.jaccard).max().map { ("max_jaccard", $0) })
        ]
    }
}

extension ResultTable {
    /// The number in the `value` column of the `metric,value` row named `name`.
    public func value(of name: String, column: String = "value") -> Double? {
        guard let index = columns.firstIndex(of: column),
            let row = rows.first(where: { $0.first == .text(name) }),
            case .number(let value?, _) = row[index]
        else { return nil }
        return value
    }
}
