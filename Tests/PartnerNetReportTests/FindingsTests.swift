import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import Testing
import TestSupport

/// The findings an evaluator reads: each claim backed by a number in a table, tested both
/// ways, adjusted for the report's tests, and chosen by rules on values.
@Suite struct FindingsTests {
    static func analysis(_ dataset: String, _ configure: (inout AnalysisSettings) -> Void = { _ in }) throws
        -> AreaAnalysis
    {
        var settings = AnalysisSettings()
        settings.permutations = 2_000
        settings.randomSets = 2_000
        configure(&settings)
        let area = try AreaSource.read(at: Paths.repo(dataset)).area
        return try AreaAnalysis(area: area, path: dataset, settings: settings)
    }

    static let datasets = [
        "Datasets/northbridge", "Datasets/knoke_bureaucracies", "Datasets/zachary_karate", "Datasets/krackhardt_kite",
        "Datasets/padgett_florentine", "Datasets/davis_southern_women", "Datasets/galaskiewicz_ceos_clubs",
        "Datasets/borgatti_holes_example", "Datasets/networkx_holes_directed_example",
        "Datasets/synthetic/01-ashby-vale", "Datasets/synthetic/02-brookmere", "Datasets/synthetic/03-calderfield",
    ]

    // MARK: The catalogue

    @Test func metricsPageIsTheRegistry() throws {
        let page = try String(contentsOfFile: Paths.repo("Docs/METRICS.md"), encoding: .utf8)
        #expect(page == ValueCatalogue.markdown, "Docs/METRICS.md differs: run partnernet catalogue > Docs/METRICS.md")
    }

    @Test func everyNameIsDefinedOnce() {
        var seen: [String: String] = [:]
        for entry in ValueCatalogue.all {
            let key = "\(entry.base)/\(entry.arity)"
            #expect(seen[key] == nil, "\(entry.pattern) and \(seen[key] ?? "") share a name")
            seen[key] = entry.pattern
        }
    }

    /// Every value the report's tables name — each `metric` row and each numeric column —
    /// has its entry in the catalogue.
    @Test(arguments: datasets) func everyReportedValueIsInTheCatalogue(dataset: String) throws {
        let analysis = try Self.analysis(dataset)
        let ignored: Set<String> = ["id", "name", "sector", "metric", "value", "group", "size", "E", "I", "E-I",
                                    "expected", "p_low", "p_high", "statistic", "quantity", "population", "share",
                                    "organisation_share", "random_mean", "relation", "direction", "weights"]
        for (name, table) in analysis.tables where name != "findings" {
            guard table.columns == ["metric", "value"] else { continue }
            for row in table.rows {
                guard case .text(let metric) = row[0] else { continue }
                #expect(ValueCatalogue.definition(of: metric) != nil, "\(dataset) \(name): \(metric)")
            }
        }
        for row in analysis.sectorShareTable.rows {
            guard case .text(let statistic) = row[0] else { continue }
            #expect(ValueCatalogue.definition(of: statistic) != nil, "\(dataset): \(statistic)")
        }
        for column in analysis.centrality.columns where !ignored.contains(column) {
            #expect(ValueCatalogue.definition(of: column) != nil || column == "betweenness_share", "\(column)")
        }
    }

    // MARK: Findings and tables

    /// The property: every number a finding states stands in the named table, at the named
    /// row and column, with the same value.
    @Test(arguments: datasets) func everyFindingNamesAValueTheTablesHold(dataset: String) throws {
        let analysis = try Self.analysis(dataset)
        let tables = Dictionary(analysis.tables.map { ($0.name, $0.table) }, uniquingKeysWith: { a, _ in a })
        for finding in analysis.findings {
            #expect(!finding.evidence.isEmpty, "\(finding.id) states no number")
            for evidence in finding.evidence {
                let table = try #require(tables[evidence.table], "\(finding.id): no table \(evidence.table)")
                let value = table.value(of: evidence.row, column: evidence.column)
                #expect(
                    value == evidence.value,
                    "\(dataset) \(finding.id): \(evidence.table)[\(evidence.row), \(evidence.column)] is \(String(describing: value)), the finding says \(evidence.value)"
                )
            }
            #expect(finding.value == finding.evidence[0].value, "\(finding.id)")
            if let p = finding.pValue {
                let adjusted = try #require(finding.adjustedPValue)
                #expect(adjusted >= p && adjusted <= 1)
            }
        }
        // findings.json renders the same values (JSONDecoder: JSONSerialization rounds the
        // last digit on Linux).
        struct Rendered: Decodable {
            let id: String
            let value: Double
            let sentence: String
            let p_value: Double?
        }
        let json = try JSONDecoder().decode([Rendered].self, from: Data(analysis.findings.json.utf8))
        #expect(json.count == analysis.findings.count)
        for (object, finding) in zip(json, analysis.findings) {
            #expect(object.id == finding.id && object.value == finding.value && object.sentence == finding.sentence)
            #expect(object.p_value == finding.pValue)
        }
    }

    /// Generated areas too: seeded synthetic collections of every size.
    @Test func findingsOnGeneratedAreas() throws {
        for index in 0..<4 {
            let area = SyntheticAreaModel().area(index, seed: 11)
            var settings = AnalysisSettings()
            settings.permutations = 500
            settings.randomSets = 500
            let analysis = try AreaAnalysis(area: area, path: "generated-\(index)", settings: settings)
            let tables = Dictionary(analysis.tables.map { ($0.name, $0.table) }, uniquingKeysWith: { a, _ in a })
            for finding in analysis.findings {
                for evidence in finding.evidence {
                    #expect(tables[evidence.table]?.value(of: evidence.row, column: evidence.column) == evidence.value)
                }
            }
        }
    }

    // MARK: Holm

    /// Worked by hand: sorted 0.005, 0.01, 0.03, 0.04 → 4 × 0.005 = 0.02, 3 × 0.01 = 0.03,
    /// 2 × 0.03 = 0.06, max(0.06, 1 × 0.04) = 0.06 (R `p.adjust(p, "holm")` gives the same).
    @Test func holmByHand() {
        let adjusted = Holm.adjusted([0.01, 0.04, 0.03, 0.005])
        let expected = [0.03, 0.06, 0.06, 0.02]
        for (a, b) in zip(adjusted, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(Holm.adjusted([0.9, 0.5]) == [1, 1])
        #expect(Holm.adjusted([]) == [])
    }

    // MARK: The failures evaluators met

    /// 1. A misspelt focal sector is an error naming the closest sector, not a report with
    ///    its dominance section gone; a groups column nobody has is an error.
    @Test func misspeltFocalSectorIsAnErrorNotASilentGap() throws {
        var area = try AreaSource.read(at: Paths.repo("Datasets/northbridge")).area
        for index in area.organisations.indices where area.organisations[index].sector == "local-authority" {
            area.organisations[index].sector = "Local Authority"
        }
        let problem = area.focalSectorProblem()
        #expect(
            problem
                == .unknownFocalSector(
                    "local-authority", found: ["Local Authority", "public", "business", "voluntary-community", "faith"],
                    closest: "Local Authority"))
        #expect(throws: AnalysisError.self) { try EvaluationReport(area: area, path: "misspelt") }
        // A network that is not a partnership (no sector like the default) is not an error.
        let karate = try AreaSource.read(at: Paths.repo("Datasets/zachary_karate")).area
        #expect(karate.focalSectorProblem() == nil)
        var settings = AnalysisSettings()
        settings.groups = "sectr"
        #expect(throws: AnalysisError.self) { try AreaAnalysis(area: area, path: "typo", settings: settings) }
    }

    /// 3. Both tails, every sector: the voluntary and community sector's small share of the
    ///    main board's seats shows in the lower tail; faith chairs nothing and is named.
    @Test func everySectorBothTails() throws {
        let analysis = try Self.analysis("Datasets/northbridge")
        let rows = Dictionary(analysis.sectorShares.map { ($0.statistic, $0) }, uniquingKeysWith: { a, _ in a })
        let seats = try #require(rows["seat_share[lsp,voluntary-community]"])
        // 2 of 18 seats with 10 of 31 organisations: hand count.
        #expect(seats.share == 2.0 / 18.0)
        #expect(seats.size == 10 && seats.population == 31)
        #expect(try #require(seats.pLow) < 0.05)
        #expect(try #require(seats.pHigh) > 0.9)
        #expect(analysis.findings.contains { $0.id == "chairs.none.faith" && $0.inSummary })
        // Both tails add up to 1 + P(tie) + 1/(N + 1): p_low + p_high ≥ 1.
        for row in analysis.sectorShares { if let low = row.pLow, let high = row.pHigh { #expect(low + high >= 1) } }
    }

    /// 4. The summary keeps each result with its qualifiers; a small area reads no test or
    ///    community as a finding; NMI and ARI near zero read as no agreement.
    @Test func hedging() throws {
        let analysis = try Self.analysis("Datasets/northbridge")
        let focal = try #require(analysis.findings.first { $0.id == "dominance.focal_share.betweenness" })
        #expect(focal.inSummary)
        #expect(focal.sentence.contains("two-sided p = "))
        #expect(focal.sentence.contains("after Holm's adjustment"))
        if !focal.isSignificant { #expect(focal.sentence.contains("within what random sets")) }
        for finding in analysis.findings where finding.claim == .more || finding.claim == .less {
            #expect(try #require(finding.adjustedPValue) <= AreaAnalysis.alpha)
            // "more than what 5000 … give", never "more than 5000 …", which reads as a count.
            #expect(finding.sentence.contains(" than what "), "\(finding.sentence)")
        }
        // A tie predictor is tested two-sided on |t|: further from zero, whatever its sign.
        let predictors = analysis.findings.filter { $0.topic == .predictors && $0.claim != .descriptive }
        #expect(!predictors.isEmpty)
        for finding in predictors where finding.claim != .none {
            #expect(finding.sentence.contains("further from zero than what"), "\(finding.sentence)")
        }
        let kite = try Self.analysis("Datasets/krackhardt_kite")
        #expect(kite.graph.nodeCount == 10)
        let six = try AreaAnalysis(area: Self.sixOrganisations, path: "six")
        #expect(!six.isLargeEnoughForTests)
        #expect(six.findings.allSatisfy { $0.pValue == nil })
        #expect(!six.findings.contains { $0.id == "silos.communities" })
        #expect(six.notReadAsFindings.first?.contains("fewer than 10") == true)
        #expect(FindingRules.agreementWords(nmi: 0.41, ari: -0.13) == "they show no agreement with group lines")
        #expect(FindingRules.agreementWords(nmi: 0.47, ari: 0.28) == "they partly follow group lines")
    }

    /// 6. A cutpoint's finding says how many organisations and ties it strands.
    @Test func cutpointsSayWhatTheyStrand() throws {
        let analysis = try Self.analysis("Datasets/northbridge")
        let cuts = analysis.findings.filter { $0.id.hasPrefix("cohesion.cutpoint.") }
        #expect(!cuts.isEmpty)
        for cut in cuts {
            #expect(cut.sentence.contains("(1 organisation with 1 tie)"), "\(cut.sentence)")
            #expect(!cut.sentence.contains("some groups"))
        }
    }

    /// 7. `compare` reads the same analysis: its chair share counts a co-chaired
    ///    partnership once, as the dominance measure does, and its board power merges an
    ///    organisation's seats, as balance does; its summary never averages p-values.
    @Test func compareUsesTheReportsDefinitions() throws {
        var area = try AreaSource.read(at: Paths.repo("Datasets/northbridge")).area
        // A co-chair from the focal sector on a partnership the focal sector already chairs.
        let chaired = try #require(area.memberships.first { $0.role == .chair && ["city", "county"].contains($0.organisation) })
        let other = ["city", "county"].first { $0 != chaired.organisation }!
        area.memberships.removeAll { $0.partnership == chaired.partnership && $0.organisation == other }
        area.memberships.append(Membership(partnership: chaired.partnership, organisation: other, role: .chair, votes: 1))
        let analysis = try AreaAnalysis(area: area, path: "cochair")
        let row = ComparisonRow(analysis: analysis)
        #expect(row.values["chair_share"] == analysis.dominance?.chairs.share)
        let board = try #require(analysis.balance?.boards.first { $0.id == "lsp" })
        let focal = Set(area.organisations.filter { $0.sector == "local-authority" }.map(\.id))
        let banzhaf = zip(board.members, board.banzhaf!).filter { focal.contains($0.0) }.map(\.1).reduce(0, +)
        #expect(row.values["board_banzhaf"] == banzhaf)
        #expect(AnalysisSettings().permutations == 5_000)
        let comparison = Comparison(rows: [row, row], failures: [])
        let summary = comparison.summary
        let pRow = try #require(summary.rows.first { $0[0] == .text("ei_index_p_low") })
        #expect(pRow[2] == .number(nil, isCount: false))
        if case .number(let share?, _) = pRow[7] { #expect(share == 0 || share == 1) } else { Issue.record("no share") }
    }

    /// 8. The summary is chosen on the findings' values: rewording every sentence leaves
    ///    the choice unchanged.
    @Test func summaryIsChosenOnValues() throws {
        let analysis = try Self.analysis("Datasets/northbridge")
        let chosen = analysis.findings.filter(\.inSummary).map(\.id)
        var reworded = analysis.findings.map { finding in
            Finding(
                id: finding.id, topic: finding.topic, subject: finding.subject, statistic: finding.statistic,
                value: finding.value, statement: "reworded", evidence: finding.evidence, n: finding.n,
                test: finding.pValue.map { (finding.direction, $0, finding.nullModel ?? "", finding.expected) },
                effect: nil)
        }
        FindingRules.adjust(&reworded)
        FindingRules.chooseSummary(&reworded, analysis: analysis)
        #expect(reworded.filter(\.inSummary).map(\.id) == chosen)
        #expect(!analysis.headline.isEmpty && analysis.headline.count <= 5)
        let ids = Set(analysis.findings.map(\.id))
        for line in analysis.headline { #expect(ids.contains(line.finding)) }
    }

    /// Six organisations in two sectors, worked small enough to check by hand.
    static var sixOrganisations: Area {
        let organisations = ["a", "b", "c", "d", "e", "f"].enumerated().map { index, id in
            Organisation(id: id, sector: index < 3 ? "local-authority" : "public")
        }
        let ties = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("a", "c")].map {
            Relationship(source: $0.0, target: $0.1)
        }
        return Area(organisations: organisations, relationships: ties)
    }
}

/// The README's analysis example, kept compiling and true.
@Test func readmeAnalysisExample() throws {
    let area = try AreaSource.read(at: Paths.repo("Datasets/northbridge")).area
    let analysis = try AreaAnalysis(area: area, path: "Datasets/northbridge")
    #expect(!analysis.summary.isEmpty)
    for finding in analysis.summary { #expect(!finding.sentence.isEmpty) }
    #expect(analysis.sectorShares.contains { $0.statistic == "sector_share[betweenness,local-authority]" })
}
