import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Files written by networkx, igraph, R's sna and in Gephi's style
/// (`Scripts/reference/formats.py`, listed in `Tests/Fixtures/formats/MANIFEST.json`) read
/// as the dataset they were made from: the same organisations, the ties of each relation
/// with their weights and directions, and the attributes the file carries.
@Suite struct FormatFixtureTests {
    struct Fixture: Decodable, CustomTestStringConvertible, Sendable {
        let file: String
        let tool: String
        let version: String
        let dataset: String
        let relations: [String]
        let carries: [String]
        let columns: [String]?
        let relation_as: String?
        let isolates: Bool?
        let directed_option: Bool?
        var testDescription: String { "\(file) (\(tool) \(version))" }
    }

    struct Manifest: Decodable { let fixtures: [Fixture] }

    static let fixtures: [Fixture] = {
        let path = Paths.repo("Tests/Fixtures/formats/MANIFEST.json")
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? JSONDecoder().decode(Manifest.self, from: data).fixtures) ?? []
    }()

    @Test func everyToolHasFixtures() {
        let files = Self.fixtures.map(\.file)
        #expect(files.contains { $0.hasPrefix("networkx_") && $0.hasSuffix(".graphml") })
        #expect(files.contains { $0.hasPrefix("igraph_") && $0.hasSuffix(".graphml") })
        #expect(files.contains { $0.hasPrefix("igraph_") && $0.hasSuffix(".net") })
        #expect(files.contains { $0.hasPrefix("sna_") && $0.hasSuffix(".dl") })
        #expect(files.contains { $0.hasPrefix("gephi_style") })
    }

    /// A tie for comparison: its ends (ordered when undirected) and weight.
    struct Tie: Hashable, Comparable {
        let source: String
        let target: String
        let weight: Double
        static func < (a: Tie, b: Tie) -> Bool { (a.source, a.target, a.weight) < (b.source, b.target, b.weight) }
    }

    static func ties(_ area: Area, _ relation: String, directed: Bool) -> [Tie] {
        area.relationships.filter { $0.relation == relation }.map { tie in
            let (a, b) = directed || tie.source <= tie.target ? (tie.source, tie.target) : (tie.target, tie.source)
            return Tie(source: a, target: b, weight: tie.weight)
        }.sorted()
    }

    @Test(arguments: fixtures)
    func readsAsTheOriginal(fixture: Fixture) throws {
        let original = try AreaFolder.read(at: Paths.repo("Datasets/" + fixture.dataset)).area
        let path = Paths.repo("Tests/Fixtures/formats/" + fixture.file)
        let format = try #require(AreaFormat(path: path))
        let read = try format.read(at: path, options: FormatReadOptions(directed: fixture.directed_option)).area

        // Organisations: all of them in order, or (an edge list) those with ties.
        if fixture.isolates == false {
            let ends = Set(original.relationships.filter { fixture.relations.contains($0.relation) }.flatMap { [$0.source, $0.target] })
            #expect(Set(read.organisations.map(\.id)) == ends)
        } else {
            #expect(read.organisations.map(\.id) == original.organisations.map(\.id))
        }
        let byID = Dictionary(read.organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for organisation in original.organisations {
            guard let other = byID[organisation.id] else { continue }
            if fixture.carries.contains("name") { #expect(other.displayName == organisation.displayName) }
            if fixture.carries.contains("sector") { #expect(other.sector == organisation.sector) }
            for column in fixture.columns ?? [] {
                let a = organisation.attributes[column].flatMap(Double.init)
                let b = other.attributes[column].flatMap(Double.init)
                #expect(a != nil && a == b, "\(organisation.id).\(column): \(String(describing: a)) vs \(String(describing: b))")
            }
        }

        // Ties of each relation, with weights and direction.
        for relation in fixture.relations {
            let name = fixture.relation_as ?? relation
            let directed = original.metadata.isDirected(relation: relation)
            if fixture.carries.contains("direction") || fixture.carries.contains("direction-by-option") {
                #expect(read.metadata.isDirected(relation: name) == directed, "direction of \(name)")
            }
            let expected = Self.ties(original, relation, directed: directed)
            let got = Self.ties(read, name, directed: directed)
            #expect(got.count == expected.count, "\(relation): \(got.count) ties, expected \(expected.count)")
            for (a, b) in zip(got, expected) {
                #expect(a.source == b.source && a.target == b.target && abs(a.weight - b.weight) <= 1e-9, "\(a) vs \(b)")
            }
        }
        let names = Set(fixture.relations.map { fixture.relation_as ?? $0 })
        #expect(Set(read.relationNames) == names)
    }
}
