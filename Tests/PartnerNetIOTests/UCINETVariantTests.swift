import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Hand-written DL files in every layout UCINET's help describes
/// (`Tests/Fixtures/formats/ucinet/`), each read as `expected.json` says it means.
@Suite struct UCINETVariantTests {
    struct Expected: Decodable, Sendable {
        let organisations: [String]
        let relations: [String: Bool]?
        let ties: [[JSONValue]]?
        let partnerships: [String]?
        let memberships: [[JSONValue]]?
    }

    static let folder = Paths.repo("Tests/Fixtures/formats/ucinet")
    static let expected: [String: Expected] = {
        guard let data = FileManager.default.contents(atPath: folder + "/expected.json") else { return [:] }
        return (try? JSONDecoder().decode([String: Expected].self, from: data)) ?? [:]
    }()
    static let files = expected.keys.sorted()

    @Test func everyLayoutIsCovered() {
        #expect(Self.files.count >= 15)
        for layout in ["fullmatrix", "lowerhalf", "upperhalf", "edgelist1", "nodelist1", "nodelist1b", "twomode_edgelist2", "twomode_nodelist2"] {
            #expect(Self.files.contains { $0.hasPrefix(layout) }, "no \(layout) file")
        }
    }

    @Test(arguments: files)
    func readsAsWritten(file: String) throws {
        let want = try #require(Self.expected[file])
        let area = try AreaFormat.dl.read(at: Self.folder + "/" + file).area
        #expect(area.organisations.map(\.id) == want.organisations)
        func text(_ value: JSONValue) -> String { if case .string(let s) = value { return s } else { return "" } }
        func number(_ value: JSONValue) -> Double { if case .number(let n) = value { return n } else { return .nan } }
        if let relations = want.relations {
            #expect(Set(area.relationNames) == Set(relations.keys))
            for (relation, directed) in relations {
                #expect(area.metadata.isDirected(relation: relation) == directed, "\(relation)")
            }
            func key(_ s: String, _ t: String, _ relation: String) -> String {
                relations[relation] == false && t < s ? "\(relation)|\(t)|\(s)" : "\(relation)|\(s)|\(t)"
            }
            let got = Dictionary(area.relationships.map { (key($0.source, $0.target, $0.relation), $0.weight) }, uniquingKeysWith: +)
            let wanted = Dictionary(
                (want.ties ?? []).map { (key(text($0[0]), text($0[1]), text($0[3])), number($0[2])) }, uniquingKeysWith: +)
            #expect(area.relationships.count == (want.ties ?? []).count)
            #expect(Set(got.keys) == Set(wanted.keys))
            for (tie, weight) in wanted { #expect(abs((got[tie] ?? .nan) - weight) < 1e-12, "\(tie)") }
        }
        if let memberships = want.memberships {
            #expect(area.partnerships.map(\.id) == want.partnerships ?? [])
            #expect(
                Set(area.memberships.map { "\($0.organisation)|\($0.partnership)|\($0.votes)" })
                    == Set(memberships.map { "\(text($0[0]))|\(text($0[1]))|\(Int(number($0[2])))" }))
            #expect(area.memberships.count == memberships.count)
        }
    }
}
