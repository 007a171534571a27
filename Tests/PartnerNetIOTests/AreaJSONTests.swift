import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

@Suite struct AreaJSONTests {
    func problems(_ json: String) -> [String] {
        let file = Paths.temporaryFolder() + "/area.json"
        try! json.write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try AreaJSON.read(at: file)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: file, with: "area.json") }
        }
    }

    @Test func defaultsFollowTheCSVFormat() throws {
        let file = Paths.temporaryFolder() + "/area.json"
        try """
        {"organisations": [{"id": "a", "sector": "x", "staff": 12}, {"id": "b", "sector": "y", "note": ""}],
         "relationships": [{"source": "a", "target": "b"}],
         "partnerships": [{"id": "p"}],
         "memberships": [{"partnership": "p", "organisation": "a", "role": "Vice Chair"},
                         {"partnership": "p", "organisation": "b", "role": "observer"}]}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let area = try AreaJSON.read(at: file).area
        #expect(area.metadata == AreaMetadata())
        #expect(area.organisations[0].attributes == ["staff": "12"])
        #expect(area.organisations[1].attributes == [:])
        #expect(area.extraColumns.organisations == ["staff"])  // an empty value is an empty cell
        #expect(area.relationships == [Relationship(source: "a", target: "b", weight: 1, relation: "tie")])
        #expect(area.memberships.map(\.role) == [.viceChair, .observer])
        #expect(area.memberships.map(\.votes) == [1, 0])
    }

    @Test func wrongKindsAreLocatedByPath() {
        #expect(problems(#"{"relationships": []}"#) == ["area.json: error: missing required key \"organisations\""])
        #expect(
            problems(#"{"organisations": [{"id": "a", "sector": "x"}, {"id": "b"}]}"#)
                == ["area.json:1:48 organisations[1]: error: missing required key \"sector\""])
        #expect(
            problems(#"{"organisations": [], "relationships": [{"source": "a", "target": "b", "weight": "heavy"}]}"#)
                == ["area.json:1:82 relationships[0].weight: error: expected a number, found a string"])
        #expect(
            problems(
                #"{"organisations": [], "memberships": [{"partnership": "p", "organisation": "a", "role": "boss"}]}"#)
                == [
                    "area.json:1:89 memberships[0].role: error: unknown role \"boss\": use one of chair, vice-chair, member, observer"
                ])
        #expect(problems("{\n  \"organisations\": [,]\n}") == ["area.json:2:21: error: not valid JSON: invalid value"])
    }

    @Test func contentErrorsAreAllReported() {
        let json = """
            {"organisations": [{"id": "a", "sector": "x"}, {"id": "a", "sector": "y"}],
             "relationships": [{"source": "a", "target": "zz"}, {"source": "a", "target": "a", "weight": -1}],
             "memberships": [{"partnership": "p", "organisation": "a"}]}
            """
        #expect(
            problems(json) == [
                "area.json organisations[1].id: error: duplicate organisation id \"a\" (first at organisations[0])",
                "area.json relationships[0].target: error: unknown organisation \"zz\" in target",
                "area.json relationships[1].weight: error: weight must be a positive finite number, got -1",
                "area.json: error: memberships need a partnerships table (partnerships.csv) naming each partnership",
                "area.json relationships[1]: warning: self-loop \"a\" (tie) dropped from every graph",
            ])
    }
}
