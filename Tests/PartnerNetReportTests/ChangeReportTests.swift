import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import TestSupport
import Testing

/// `change` against direct computations: the dyad transition table, Hamming distance and
/// Jaccard stability against Scripts/reference/change_measures.py (networkx/numpy), the
/// QAP correlation between waves against Scripts/reference/change_qap.R (sna 2.7 `gcor`
/// and `qaptest`), on the bundled Northbridge waves and the generated ones of
/// Tests/Fixtures/waves (Scripts/reference/make_waves.py); and waves given as folders
/// against the same waves given as one area with dated rows.
@Suite struct ChangeReportTests {
    struct Manifest: Decodable {
        struct Series: Decodable {
            let name: String
            let waves: [String]
            let dated: String?
            let dates: [String]?
        }
        let series: [Series]
    }

    struct Reference: Decodable {
        struct Relation: Decodable {
            let directed: Bool
            let kept: Int
            let lost: Int
            let gained: Int
            let absent: Int
            let pairs: Int
            let hamming: Int
            let jaccard: Double?
        }
        struct Chair: Decodable {
            let partnership: String
            let before: [String]
            let after: [String]
        }
        struct Pair: Decodable {
            let before: Int
            let after: Int
            let scope: String
            let organisations: [String]
            let entered: [String]
            let left: [String]
            let partnerships_entered: [String]
            let partnerships_left: [String]
            let chairs_changed: [Chair]
            let relations: [String: Relation]
        }
        let tool: String
        let pairs: [Pair]
    }

    struct QAPReference: Decodable {
        struct Test: Decodable {
            let reps: Int
            let p_ge: Double
            let p_le: Double
        }
        struct Case: Decodable {
            let series: String
            let before: Int
            let after: Int
            let relation: String
            let mode: String
            let correlation: Double?
            let qaptest: Test?
        }
        let tool: String
        let cases: [Case]
    }

    static let manifest: Manifest = decode("Tests/Fixtures/waves/MANIFEST.json")

    static func decode<T: Decodable>(_ path: String) -> T {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Paths.repo(path)))
        return try! JSONDecoder().decode(T.self, from: data)
    }

    static func waves(_ series: Manifest.Series) throws -> [Wave] {
        try series.waves.map { path in
            Wave(label: (path as NSString).lastPathComponent, area: try AreaSource.read(at: Paths.repo(path)).area)
        }
    }

    static func report(_ series: Manifest.Series, scope: ChangeScope, permutations: Int) throws -> ChangeReport {
        var settings = ChangeSettings()
        settings.permutations = permutations
        settings.scope = scope
        settings.seed = 3
        settings.analysis.permutations = 0
        settings.analysis.randomSets = 0
        settings.analysis.communityMethod = nil
        settings.analysis.corePeriphery = false
        return try ChangeReport(waves: try waves(series), settings: settings)
    }

    static var seriesNames: [String] { manifest.series.map(\.name) }

    static func series(_ name: String) -> Manifest.Series { manifest.series.first { $0.name == name }! }

    @Test(arguments: seriesNames)
    func transitionsEqualTheReferenceScript(_ name: String) throws {
        let reference: Reference = Self.decode("Tests/Fixtures/reference/change/\(name).json")
        #expect(reference.tool.hasPrefix("networkx"))
        for scope in ChangeScope.allCases {
            let report = try Self.report(Self.series(name), scope: scope, permutations: 0)
            let expected = reference.pairs.filter { $0.scope == scope.rawValue }
            #expect(report.pairs.count == expected.count)
            for (pair, want) in zip(report.pairs, expected) {
                let waves = Self.series(name).waves
                #expect(pair.before.label == (waves[want.before] as NSString).lastPathComponent)
                #expect(pair.after.label == (waves[want.after] as NSString).lastPathComponent)
                #expect(pair.organisations == want.organisations, "\(pair.label) \(scope)")
                #expect(pair.entered.map(\.id) == want.entered)
                #expect(pair.left.map(\.id) == want.left)
                #expect(pair.partnershipsEntered.map(\.id) == want.partnerships_entered)
                #expect(pair.partnershipsLeft.map(\.id) == want.partnerships_left)
                #expect(pair.chairChanges.map(\.partnership.id) == want.chairs_changed.map(\.partnership))
                #expect(pair.chairChanges.map { $0.before.sorted() } == want.chairs_changed.map(\.before))
                #expect(pair.chairChanges.map { $0.after.sorted() } == want.chairs_changed.map(\.after))
                #expect(Set(pair.relations.map(\.relation)) == Set(want.relations.keys))
                for relation in pair.relations {
                    let w = try #require(want.relations[relation.relation])
                    let t = relation.transition
                    let label = "\(name) \(pair.label) \(scope) \(relation.relation)"
                    #expect(relation.isDirected == w.directed, "\(label)")
                    let mine: [Int] = [t.kept, t.lost, t.gained, t.absent, t.pairs]
                    let theirs: [Int] = [w.kept, w.lost, w.gained, w.absent, w.pairs]
                    #expect(mine == theirs, "\(label)")
                    #expect(t.hamming == w.hamming, "\(label)")
                    #expect(t.jaccard == w.jaccard, "\(label)")
                }
            }
        }
    }

    /// r equals `sna::gcor` to 1e-12; the upper-tail p (1,000 relabellings, seed 3) is within
    /// Monte-Carlo error of `sna::qaptest`'s `pgreq` (its own 5,000): four standard errors of
    /// the difference of two independent estimates, plus the 1/(N + 1) PartnerNet adds.
    @Test func qapCorrelationEqualsSna() throws {
        let reference: QAPReference = Self.decode("Tests/Fixtures/reference/change/qap.json")
        #expect(reference.tool.contains("sna 2.7"))
        var checked = 0
        var midRange = 0
        for name in Self.seriesNames {
            let report = try Self.report(Self.series(name), scope: .all, permutations: 1_000)
            let count = Self.series(name).waves.count
            for pair in report.pairs {
                let before = report.waves.firstIndex { $0.label == pair.before.label }!
                let after = report.waves.firstIndex { $0.label == pair.after.label }!
                #expect(after == before + 1 || (before == 0 && after == count - 1))
                for relation in pair.relations {
                    let want = try #require(
                        reference.cases.first {
                            $0.series == name && $0.before == before && $0.after == after
                                && $0.relation == relation.relation
                        })
                    let label = "\(name) \(pair.label) \(relation.relation)"
                    guard let r = want.correlation, let test = want.qaptest else {
                        #expect(relation.correlation == nil, "\(label)")
                        continue
                    }
                    let mine = try #require(relation.correlation, "\(label)")
                    #expect(abs(mine.correlation - r) < 1e-12, "\(label): \(mine.correlation) vs \(r)")
                    #expect(mine.mode.rawValue == (want.mode == "graph" ? "undirected" : "directed"), "\(label)")
                    let p = try #require(mine.pValues?.pHigh)
                    let q = test.p_ge
                    let variance = max(q * (1 - q), 1e-4) * (1.0 / 1_000 + 1.0 / Double(test.reps))
                    #expect(abs(p - q) <= 4 * variance.squareRoot() + 1.0 / 1_001, "\(label): p \(p) vs sna \(q)")
                    checked += 1
                    if q > 0.05 && q < 0.95 { midRange += 1 }
                }
            }
        }
        #expect(checked == reference.cases.count)
        #expect(midRange >= 2)
    }

    /// Comparable numbers of a report, by row name with its pair labels removed.
    static func values(_ report: ChangeReport) -> [(String, Double?)] {
        report.table.rows.map { row -> (String, Double?) in
            guard case .text(let name) = row[0], case .number(let value, _) = row[1] else { return ("", nil) }
            let bare = report.waves.count > 2 ? String(name[name.index(after: name.firstIndex(of: ":")!)...]) : name
            return (bare, value)
        }
    }

    /// Waves as folders and as one area with dated rows give the same report, value for
    /// value, the dyad-swap and QAP p-values included (same seed).
    @Test(arguments: ["northbridge", "random_a"])
    func foldersAndDatedRowsAgree(_ name: String) throws {
        let series = Self.series(name)
        let loaded = try AreaSource.read(at: Paths.repo(try #require(series.dated)))
        #expect(loaded.area.isDated)
        #expect(loaded.area.dateProblems(origins: loaded.origins).isEmpty)
        let dates = try #require(series.dates).map { WaveDate($0)! }
        let cut = loaded.area.waves(at: dates)
        let folders = try Self.waves(series)
        // The cut areas hold the folders' rows.
        for (wave, folder) in zip(cut, folders) {
            #expect(wave.area.organisations.map(\.id) == folder.area.organisations.map(\.id))
            func ties(_ area: Area) -> [String] {
                area.relationships.map { "\($0.source)>\($0.target) \($0.relation) \($0.weight)" }.sorted()
            }
            func seats(_ area: Area) -> [String] {
                area.memberships.map { "\($0.partnership) \($0.organisation) \($0.role.rawValue) \($0.votes)" }.sorted()
            }
            #expect(ties(wave.area) == ties(folder.area))
            #expect(seats(wave.area) == seats(folder.area))
            #expect(wave.area.partnerships.map(\.id) == folder.area.partnerships.map(\.id))
            #expect(wave.area.partnerships.map(\.parent) == folder.area.partnerships.map(\.parent))
        }
        for scope in ChangeScope.allCases {
            var settings = ChangeSettings()
            settings.permutations = 60
            settings.scope = scope
            settings.analysis.permutations = 0
            settings.analysis.randomSets = 0
            settings.analysis.communityMethod = nil
            settings.analysis.corePeriphery = false
            let a = Self.values(try ChangeReport(waves: folders, settings: settings))
            let b = Self.values(try ChangeReport(waves: cut, settings: settings))
            #expect(a.map(\.0) == b.map(\.0))
            #expect(a.count > 50)
            for ((name, x), (_, y)) in zip(a, b) {
                switch (x, y) {
                case (nil, nil): break
                case (let x?, let y?): #expect(abs(x - y) <= 1e-9 * max(1, abs(x)), "\(name): \(x) vs \(y)")
                default: Issue.record("\(name): \(String(describing: x)) vs \(String(describing: y))")
                }
            }
        }
    }

    /// The dyad-swap test: reproducible for a seed, p in (0, 1], untested measures without
    /// p, and a change the swaps cannot move (fragmentation 0 → 0) at p = 1. With no
    /// change at all (a wave against itself) every tested p is 1 and every tie kept.
    @Test func dyadSwapTest() throws {
        let northbridge = Self.series("northbridge")
        let first = try Self.report(northbridge, scope: .all, permutations: 40)
        let again = try Self.report(northbridge, scope: .all, permutations: 40)
        let pair = try #require(first.pairs.first)
        #expect(pair.swaps == 40)
        for (a, b) in zip(pair.headline, again.pairs[0].headline) {
            #expect(a.pValue == b.pValue)
            if ChangeReport.isTested(a.metric), a.difference != nil {
                let p = try #require(a.pValue, "\(a.metric)")
                #expect(p > 0 && p <= 1)
                #expect(p >= 1.0 / 41)
            } else {
                #expect(a.pValue == nil, "\(a.metric)")
            }
        }
        #expect(pair.headline.first { $0.metric == "fragmentation" }?.pValue == 1)
        #expect(!ChangeReport.isTested("chair_share") && !ChangeReport.isTested("focal_share_p_value[betweenness]"))

        let wave = try Self.waves(northbridge)[0]
        var settings = ChangeSettings()
        settings.permutations = 20
        settings.analysis.permutations = 0
        settings.analysis.randomSets = 0
        let same = try ChangeReport(
            waves: [wave, Wave(label: "again", area: wave.area)], settings: settings)
        for relation in same.pairs[0].relations {
            #expect(relation.transition.lost == 0 && relation.transition.gained == 0)
            #expect(relation.transition.jaccard == 1)
            #expect(abs((relation.correlation?.correlation ?? 0) - 1) < 1e-12)
        }
        for measure in same.pairs[0].headline where measure.pValue != nil {
            #expect(measure.pValue == 1, "\(measure.metric)")
            #expect(measure.difference == 0, "\(measure.metric)")
        }
    }

    /// The reading names who joined and left, the chairs that changed and the focal
    /// sector's share of betweenness in percent with its test.
    @Test func readingIsPlainSentences() throws {
        let report = try Self.report(Self.series("northbridge"), scope: .all, permutations: 20)
        let lines = report.reading(report.pairs[0])
        #expect(lines.contains { $0.hasPrefix("Joined (2): St Aidan's Hospice Northbridge (hospice") })
        #expect(lines.contains { $0.hasPrefix("Left (2): Kestrel Homes (Northshire) Ltd (kestrel, business)") })
        #expect(
            lines.contains(
                "The chair of the Northbridge Health and Wellbeing Board passed from Northshire County Council to NHS Northshire Integrated Care Board."
            ))
        let share = report.pairs[0].headline.first { $0.metric == "focal_share[betweenness]" }!
        let before = String(format: "%.0f%%", share.before! * 100)
        let after = String(format: "%.0f%%", share.after! * 100)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "The local-authority sector's share of betweenness fell from \(before) to \(after) (dyad-swap test p"
                )
            })
    }

    @Test func tooFewWavesAndDirectionMismatchAreErrors() throws {
        let wave = try Self.waves(Self.series("random_b"))[0]
        #expect(throws: ChangeError.tooFewWaves) { try ChangeReport(waves: [wave]) }
        var flipped = wave.area
        flipped.metadata.relations["partner"] = RelationOptions(directed: true)
        var settings = ChangeSettings()
        settings.permutations = 0
        #expect(throws: ChangeError.directionDiffers(relation: "partner", before: "undirected", after: "directed")) {
            try ChangeReport(waves: [wave, Wave(label: "b", area: flipped)], settings: settings)
        }
    }
}
