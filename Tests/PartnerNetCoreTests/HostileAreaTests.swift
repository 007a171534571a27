import PartnerNetCore
import Testing

/// Areas built to break the checks: huge weights, long chains of parent links, control
/// and invisible characters (issue 13).
@Suite struct HostileAreaTests {
    func messages(_ area: Area) -> [String] {
        area.diagnostics(origins: AreaOrigins(describing: area)).map(\.description)
    }

    func pair(weights: [Double]) -> Area {
        Area(
            organisations: [Organisation(id: "a", sector: "x"), Organisation(id: "b", sector: "y")],
            relationships: weights.map { Relationship(source: "a", target: "b", weight: $0) })
    }

    /// A weight of 10³⁰⁸ made eigenvector centrality all zeros, and two of them merged
    /// summed to infinity: weights above 10¹⁵ are refused, so no sum can overflow.
    @Test func weightsAboveTheBoundAreRefused() {
        #expect(
            messages(pair(weights: [1e308, 1e308])) == [
                "area relationships[0].weight: error: weight must be at most 1e15 (so that sums of weights stay finite), got 1e+308",
                "area relationships[1].weight: error: weight must be at most 1e15 (so that sums of weights stay finite), got 1e+308",
                "area relationships[1]: warning: duplicate tie \"a\" – \"b\" (tie) merged with relationships[0]: weights summed",
            ])
        #expect(messages(pair(weights: [Relationship.maximumWeight])).isEmpty)
        #expect(
            messages(pair(weights: [Relationship.maximumWeight.nextUp])) == [
                "area relationships[0].weight: error: weight must be at most 1e15 (so that sums of weights stay finite), got 1000000000000000.1"
            ])
    }

    /// A chain of `count` partnerships, each nested in the one before.
    func chain(_ count: Int) -> Area {
        Area(
            organisations: [Organisation(id: "a", sector: "x")], relationships: [],
            partnerships: (0..<count).map { Partnership(id: "p\($0)", parent: $0 == 0 ? nil : "p\($0 - 1)") })
    }

    @Test func nestingIsReadUpToTheLimit() {
        // p0 is at the top; p1000 is 1,000 levels below it.
        #expect(messages(chain(Partnership.maximumNesting + 1)).isEmpty)
        #expect(
            messages(chain(Partnership.maximumNesting + 2)) == [
                "area partnerships[1001].parent: error: partnership \"p1001\" is nested 1001 levels below \"p0\"; PartnerNet reads at most 1000 levels of parent links"
            ])
    }

    /// The 100,000-deep chain `validate` accepted and `summary` crashed on.
    @Test func aHundredThousandDeepChainIsOneError() {
        let found = messages(chain(100_000))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("area partnerships[1001].parent: error: partnership \"p1001\" is nested") == true)
    }

    @Test func controlCharactersInAnyFieldAreRefused() {
        let area = Area(
            organisations: [
                Organisation(id: "a\u{0}b", sector: "x"), Organisation(id: "c", name: "C\u{1B}[31m", sector: "y"),
                Organisation(id: "d", sector: "tab\tand\nbreaks\r are fine"),
            ],
            relationships: [Relationship(source: "c", target: "d", relation: "r\u{7}", attributes: ["note": "\u{0}"])])
        #expect(
            messages(area) == [
                "area organisations[0].id: error: id holds the control character U+0000 (NUL) at character 2; remove it (only tab and line breaks are allowed in text)",
                "area organisations[1].name: error: name holds the control character U+001B (ESC) at character 2; remove it (only tab and line breaks are allowed in text)",
                "area relationships[0].relation: error: relation holds the control character U+0007 (BEL) at character 2; remove it (only tab and line breaks are allowed in text)",
                "area relationships[0].note: error: column \"note\" holds the control character U+0000 (NUL) at character 1; remove it (only tab and line breaks are allowed in text)",
            ])
    }

    @Test func invisibleCharactersAreNamed() {
        let area = Area(
            organisations: [Organisation(id: "A", sector: "x"), Organisation(id: "B", sector: "x")],
            relationships: [
                Relationship(source: "A", target: "\u{FEFF}B"), Relationship(source: "A\u{200B}", target: "B"),
            ])
        #expect(
            messages(area) == [
                "area relationships[0].target: error: unknown organisation \"\\u{FEFF}B\" in target (it begins with an invisible byte-order mark U+FEFF)",
                "area relationships[1].source: error: unknown organisation \"A\\u{200B}\" in source (it holds an invisible zero-width space U+200B at character 2)",
            ])
        #expect(invisibleCharacterNote("plain") == nil)
        #expect(invisibleCharacterNote("a\u{00A0}b") == "it holds an invisible no-break space U+00A0 at character 2")
    }

    @Test(arguments: [
        ("12", 12.0), ("-0.5", -0.5), (".5", 0.5), ("5.", 5.0), ("1e-3", 0.001), ("+2E+6", 2e6),
    ])
    func decimalNumbersAreRead(text: String, value: Double) {
        #expect(DecimalText.number(text) == value)
    }

    @Test(arguments: ["0x10", "0x1p3", "inf", "-inf", "nan", "infinity", "1e", "e5", ".", "", " 1", "1 ", "1_000", "--1"])
    func otherNotationsAreNot(text: String) {
        #expect(DecimalText.number(text) == nil)
    }
}
