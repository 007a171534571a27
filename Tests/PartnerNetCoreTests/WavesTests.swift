import PartnerNetCore
import Testing

/// Dates of the `since`/`until` columns and cutting an area at a date (Docs/FORMAT.md,
/// "Waves"), each rule on a small area written out here.
@Suite struct WavesTests {
    @Test func datesParseAsWritten() {
        #expect(WaveDate("2024") == WaveDate("2024-01-01"))
        #expect(WaveDate("2024-06") == WaveDate("2024-06-01"))
        #expect(WaveDate(" 2024-06-30 ")?.text == "2024-06-30")
        #expect(WaveDate("2024-02-29") != nil)  // leap year
        #expect(WaveDate("2023-02-29") == nil)
        #expect(WaveDate("1900-02-29") == nil)  // not a leap year
        #expect(WaveDate("2000-02-29") != nil)  // a leap year
        for bad in [
            "", "24", "2024-6", "2024-13", "2024-00", "2024-04-31", "2024/06/01", "0000", "2024-06-01T00", "２０２４",
        ] {
            #expect(WaveDate(bad) == nil, "\(bad)")
        }
        #expect(WaveDate("2024-12-31")! < WaveDate("2025")!)
        #expect(WaveDate("2024-06")! < WaveDate("2024-06-02")!)
    }

    @Test func spansIncludeSinceAndExcludeUntil() {
        let span = DateSpan(since: WaveDate("2020"), until: WaveDate("2022"))
        #expect(!span.holds(at: WaveDate("2019-12-31")!))
        #expect(span.holds(at: WaveDate("2020")!))
        #expect(span.holds(at: WaveDate("2021-12-31")!))
        #expect(!span.holds(at: WaveDate("2022")!))
        #expect(DateSpan().holds(at: WaveDate("0001")!))
        #expect(span.overlaps(DateSpan(since: WaveDate("2021"))))
        #expect(!span.overlaps(DateSpan(since: WaveDate("2022"))))
        #expect(!span.overlaps(DateSpan(until: WaveDate("2020"))))
        #expect(span.overlaps(DateSpan()))
    }

    static func dated(_ since: String?, _ until: String?) -> [String: String] {
        var out: [String: String] = [:]
        if let since { out["since"] = since }
        if let until { out["Until"] = until }  // column names match case-insensitively
        return out
    }

    static let area = Area(
        metadata: AreaMetadata(directed: true),
        organisations: [
            Organisation(id: "a", sector: "x"), Organisation(id: "b", sector: "x", attributes: dated(nil, "2022")),
            Organisation(id: "c", sector: "y", attributes: dated("2021", nil)), Organisation(id: "d", sector: "y"),
        ],
        relationships: [
            Relationship(source: "a", target: "b"),  // ends with b
            Relationship(source: "a", target: "c", attributes: dated("2020", nil)),  // starts with c
            Relationship(source: "a", target: "d", weight: 1, attributes: dated(nil, "2021-07")),
            Relationship(source: "a", target: "d", weight: 3, attributes: dated("2021-07", nil)),
            Relationship(source: "d", target: "a", attributes: dated("", "")),  // blank: always
        ],
        partnerships: [
            Partnership(id: "p", attributes: dated(nil, "2023")), Partnership(id: "q", parent: "p"),
        ],
        memberships: [
            Membership(partnership: "p", organisation: "a", role: .chair),
            Membership(partnership: "q", organisation: "b", role: .chair),
            Membership(partnership: "q", organisation: "a", role: .member, attributes: dated(nil, "2022")),
            Membership(partnership: "q", organisation: "a", role: .chair, attributes: dated("2022", nil)),
        ])

    @Test func cutKeepsTheRowsThatHold() {
        let early = Self.area.cut(at: WaveDate("2020-06")!)
        #expect(early.organisations.map(\.id) == ["a", "b", "d"])
        #expect(early.relationships.map { "\($0.source)\($0.target)\(Int($0.weight))" } == ["ab1", "ad1", "da1"])
        #expect(
            early.memberships.map { "\($0.partnership)\($0.organisation)\($0.role.rawValue)" } == [
                "pachair", "qbchair", "qamember",
            ])

        let middle = Self.area.cut(at: WaveDate("2021-07-01")!)
        #expect(middle.organisations.map(\.id) == ["a", "b", "c", "d"])
        #expect(
            middle.relationships.map { "\($0.source)\($0.target)\(Int($0.weight))" } == ["ab1", "ac1", "ad3", "da1"])

        let late = Self.area.cut(at: WaveDate("2023")!)
        #expect(late.organisations.map(\.id) == ["a", "c", "d"])
        #expect(late.relationships.map { "\($0.source)\($0.target)\(Int($0.weight))" } == ["ac1", "ad3", "da1"])
        // p ended: q becomes top-level, p's seat goes; b left: its seat goes.
        #expect(late.partnerships.map(\.id) == ["q"])
        #expect(late.partnerships[0].parent == nil)
        #expect(late.memberships.map { "\($0.partnership)\($0.organisation)\($0.role.rawValue)" } == ["qachair"])
        #expect(late.metadata == Self.area.metadata)
        #expect(Self.area.isDated)
        #expect(!Area(organisations: [Organisation(id: "a", sector: "x")]).isDated)
        #expect(Self.area.waves(at: [WaveDate("2020")!, WaveDate("2023")!]).map(\.label) == ["2020", "2023"])
    }

    @Test func invalidDatesAreErrorsAtTheirRow() {
        var area = Self.area
        area.relationships[1].attributes["since"] = "2020-13"
        area.memberships[3].attributes["until"] = "2021"  // before its since 2022
        area.organisations[0].attributes["until"] = "soon"
        let problems = area.dateProblems()
        #expect(
            problems.map(\.description) == [
                "area organisations[0]: error: until 'soon' is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
                "area relationships[1]: error: since '2020-13' is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
                "area memberships[3]: error: until 2021 is not after since 2022: the row would never hold (until is exclusive)",
            ])
        #expect(Self.area.dateProblems().isEmpty)
    }

    /// Rows of one tie or seat over spans that do not overlap are its history; over spans
    /// that do, a duplicate as before.
    @Test func datedHistoryIsNotADuplicate() {
        let clean = Self.area.diagnostics(origins: AreaOrigins(describing: Self.area))
        #expect(!clean.contains { $0.message.contains("duplicate") || $0.message.contains("twice") }, "\(clean)")
        var overlapping = Self.area
        overlapping.memberships[3].attributes["since"] = "2021"
        #expect(
            overlapping.diagnostics(origins: AreaOrigins(describing: overlapping)).errors.contains {
                $0.message.contains("listed twice")
            })
        var ties = Self.area
        ties.relationships[3].attributes["since"] = "2021"
        #expect(
            ties.diagnostics(origins: AreaOrigins(describing: ties)).warnings.contains {
                $0.message.contains("duplicate tie")
            })
    }
}
