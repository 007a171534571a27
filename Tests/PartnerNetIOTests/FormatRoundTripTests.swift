import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Area → format → area for every bundled dataset and test area: what comes back is the
/// area as the format can carry it (``Carried``), and whatever the format cannot carry is
/// named in exactly one warning when it is written.
@Suite struct FormatRoundTripTests {
    static let areas = RoundTripTests.areas

    static let cases: [(String, AreaFormat, String)] = areas.flatMap { path in
        [
            (path, AreaFormat.graphml, "graphml"), (path, .gexf, "gexf"), (path, .dl, "dl"), (path, .pajek, "net"),
            (path, .edgelist, "csv"), (path, .edgelist, "tsv"), (path, .edgelist, "txt"),
        ]
    }

    @Test(arguments: cases)
    func roundTripGivesWhatTheFormatCarries(path: String, format: AreaFormat, ext: String) throws {
        let original = try AreaFolder.read(at: Paths.repo(path)).area
        let file = Paths.temporaryFolder() + "/area." + ext
        let report = try format.write(original, to: file)
        let reread = try AreaFormat(path: file)!.read(at: file)
        let expected = Carried.area(original, format: format)
        #expect(reread.area == expected, "\(path) through \(ext)")
        if reread.area != expected { Carried.explain(reread.area, expected) }
        // A loss is named in one warning; no loss, no warning.
        #expect(
            (report.warning != nil) == (expected != original && expected != Carried.withCanonicalDirections(original)),
            "\(path) \(ext): \(report.warning?.description ?? "no warning")")
    }

    @Test(arguments: areas)
    func edgeListWithItsNodesFileKeepsTheOrganisations(path: String) throws {
        let original = try AreaFolder.read(at: Paths.repo(path)).area
        let folder = Paths.temporaryFolder()
        try AreaFormat.edgelist.write(original, to: folder + "/edges.csv", nodesFile: folder + "/nodes.csv")
        let reread = try AreaFormat.edgelist.read(
            at: folder + "/edges.csv", options: FormatReadOptions(nodesFile: folder + "/nodes.csv"))
        var expected = Carried.area(original, format: .edgelist)
        expected.organisations = original.organisations
        expected.extraColumns.organisations = original.extraColumns.organisations
        #expect(reread.area == expected)
    }

    @Test func awkwardTextSurvivesGraphMLAndGEXF() throws {
        var area = Area(
            metadata: AreaMetadata(
                name: "Névé, \"quoted\" <&>", directed: true, relations: ["b": RelationOptions(directed: false)],
                focalSector: "local-authority", extra: ["survey_year": .number(2009)]),
            organisations: [
                Organisation(id: "a,1", name: "St Mary's & St John's \"Churches\"", sector: "faith"),
                Organisation(
                    id: " spaced ", name: "Line\nbreak\r\nand CRLF\tand tab", sector: "voluntary-community",
                    subsector: "youth", attributes: ["Note, with comma": "x\"y", "ünïcode": "✓", "n": "007"]),
                Organisation(id: "partnership:p", sector: "x"),
                Organisation(id: "p", name: "p", sector: "x", attributes: ["n": "12"]),
            ],
            relationships: [
                Relationship(source: "a,1", target: " spaced ", weight: 0.1 + 0.2, relation: "b"),
                Relationship(
                    source: " spaced ", target: "a,1", weight: 1e-300, relation: "info", attributes: ["since": "1999"]),
            ],
            partnerships: [
                Partnership(id: "p", name: nil, parent: nil, quota: 2, attributes: ["remit": "all"]),
                Partnership(id: "q", name: "Q & A", parent: "p"),
            ],
            memberships: [
                Membership(partnership: "p", organisation: "a,1", role: .chair, votes: 2),
                Membership(partnership: "q", organisation: " spaced ", role: .observer, attributes: ["note": "<x>"]),
            ])
        area.extraColumns.organisations.append("never filled")
        for format in [AreaFormat.graphml, .gexf] {
            let file = Paths.temporaryFolder() + "/awkward." + (format == .graphml ? "graphml" : "gexf")
            let report = try format.write(area, to: file)
            let reread = try format.read(at: file).area
            let expected = Carried.area(area, format: format)
            #expect(reread == expected, "\(format)")
            if reread != expected { Carried.explain(reread, expected) }
            #expect((report.warning != nil) == (format == .gexf))
        }
    }

    /// Relation units live in area.json: GraphML keeps them (its header holds the
    /// metadata); the formats without a place for them say they are lost.
    @Test func relationUnitsAreKeptOrReportedLost() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/northbridge")).area
        for format in [AreaFormat.edgelist, .pajek, .dl, .gexf] {
            let lost = format.encode(area).lost
            #expect(
                lost.contains("the units of relations funding, information, joint-commissioning"),
                "\(format): \(lost)")
        }
        #expect(!AreaFormat.graphml.encode(area).lost.contains { $0.contains("units") })
        let file = Paths.temporaryFolder() + "/northbridge.graphml"
        try AreaFormat.graphml.write(area, to: file)
        let reread = try AreaFormat.graphml.read(at: file).area
        #expect(reread.metadata.unit(of: "funding") == "GBP k per year")
        #expect(reread.metadata.relations == area.metadata.relations)
    }
}

/// What each format carries of an area: what reading back a written file must give.
enum Carried {
    static func area(_ area: Area, format: AreaFormat) -> Area {
        switch format {
        case .folder, .json, .graphml: return area
        case .gexf:
            var carried = area
            carried.metadata = directions(area)
            carried.metadata.name = area.metadata.name
            // An extra column no organisation fills has nowhere to be declared.
            carried.extraColumns = used(area)
            return carried
        case .pajek: return pajek(area)
        case .dl: return dl(area)
        case .edgelist: return edgeList(area)
        }
    }

    /// Directions as a format without `area.json` says them.
    static func directions(_ area: Area) -> AreaMetadata {
        AreaMetadata.directions(
            area.relationNames.map { ($0, area.metadata.isDirected(relation: $0)) }, otherwise: area.metadata.directed)
    }

    /// The area with its directions said the one way formats without `area.json` say them:
    /// the same relations directed, nothing lost.
    static func withCanonicalDirections(_ area: Area) -> Area {
        var canonical = area
        let directions = directions(area)
        canonical.metadata.directed = directions.directed
        canonical.metadata.relations = directions.relations
        return canonical
    }

    static func used(_ area: Area) -> ExtraColumns {
        func filter(_ order: [String], _ rows: [[String: String]]) -> [String] {
            let keys = Set(rows.flatMap(\.keys))
            return order.filter(keys.contains)
        }
        return ExtraColumns(
            organisations: filter(area.extraColumns.organisations, area.organisations.map(\.attributes)),
            relationships: filter(area.extraColumns.relationships, area.relationships.map(\.attributes)),
            partnerships: filter(area.extraColumns.partnerships, area.partnerships.map(\.attributes)),
            memberships: filter(area.extraColumns.memberships, area.memberships.map(\.attributes)))
    }

    static func bare(_ organisations: [Organisation], keeping: Set<String> = []) -> [Organisation] {
        organisations.map { organisation in
            Organisation(
                id: organisation.id, sector: "none", attributes: organisation.attributes.filter { keeping.contains($0.key) })
        }
    }

    static func pajek(_ area: Area) -> Area {
        let hasXY = !area.organisations.isEmpty && area.organisations.allSatisfy { $0.attributes["x"] != nil && $0.attributes["y"] != nil }
        let keep: Set<String> = hasXY ? ["x", "y"] : []
        var carried = Area(metadata: AreaMetadata(), organisations: bare(area.organisations, keeping: keep))
        carried.extraColumns = ExtraColumns(organisations: keep.sorted())
        if area.relationships.isEmpty && !area.memberships.isEmpty {
            carried.partnerships = area.partnerships.map { Partnership(id: $0.id) }
            carried.memberships = area.memberships.map { Membership(partnership: $0.partnership, organisation: $0.organisation, votes: $0.votes) }
            carried.metadata.name = area.metadata.name
            return carried
        }
        let relations = area.relationNames
        for relation in relations {
            for tie in area.relationships where tie.relation == relation {
                carried.relationships.append(
                    Relationship(
                        source: tie.source, target: tie.target, weight: tie.weight,
                        relation: relations.count == 1 ? Relationship.defaultRelation : relation))
            }
        }
        carried.metadata = AreaMetadata.directions(
            carried.relationNames.map { name in
                (name, area.metadata.isDirected(relation: relations.count == 1 ? relations[0] : name))
            })
        carried.metadata.name = area.metadata.name
        return carried
    }

    static func dl(_ area: Area) -> Area {
        var carried = Area(metadata: AreaMetadata(), organisations: bare(area.organisations))
        carried.extraColumns = ExtraColumns()
        let index = Dictionary(area.organisations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        if area.relationships.isEmpty && !area.memberships.isEmpty {
            carried.partnerships = area.partnerships.map { Partnership(id: $0.id) }
            let column = Dictionary(area.partnerships.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            carried.memberships = area.memberships.filter { $0.votes > 0 }
                .sorted { (index[$0.organisation]!, column[$0.partnership]!) < (index[$1.organisation]!, column[$1.partnership]!) }
                .map { Membership(partnership: $0.partnership, organisation: $0.organisation, votes: $0.votes) }
            return carried
        }
        let n = area.organisations.count
        var directions: [(String, Bool)] = []
        for relation in area.relationNames {
            let directed = area.metadata.isDirected(relation: relation)
            var cells: [Int: Double] = [:]
            for tie in area.relationships where tie.relation == relation {
                let (i, j) = (index[tie.source]!, index[tie.target]!)
                cells[i * n + j, default: 0] += tie.weight
                if !directed && i != j { cells[j * n + i, default: 0] += tie.weight }
            }
            let symmetric = cells.allSatisfy { cells[($0.key % n) * n + $0.key / n] == $0.value }
            directions.append((relation, !symmetric))
            for key in cells.keys.sorted() where !symmetric || key / n <= key % n {
                carried.relationships.append(
                    Relationship(
                        source: area.organisations[key / n].id, target: area.organisations[key % n].id,
                        weight: cells[key]!, relation: relation))
            }
        }
        carried.metadata = AreaMetadata.directions(directions)
        return carried
    }

    static func edgeList(_ area: Area) -> Area {
        var seen = Set<String>()
        var organisations: [Organisation] = []
        for tie in area.relationships {
            for id in [tie.source, tie.target] where seen.insert(id).inserted {
                organisations.append(Organisation(id: id, sector: "none"))
            }
        }
        var carried = Area(
            metadata: AreaMetadata.directions(area.relationNames.map { ($0, area.metadata.isDirected(relation: $0)) }),
            organisations: organisations, relationships: area.relationships)
        carried.extraColumns = ExtraColumns(relationships: area.extraColumns.relationships)
        return carried
    }

    /// Prints where two areas differ, for a failing comparison.
    static func explain(_ got: Area, _ expected: Area) {
        if got.metadata != expected.metadata { print("metadata: \(got.metadata) ≠ \(expected.metadata)") }
        if got.extraColumns != expected.extraColumns { print("columns: \(got.extraColumns) ≠ \(expected.extraColumns)") }
        for (a, b) in zip(got.organisations, expected.organisations) where a != b { print("organisation: \(a) ≠ \(b)"); break }
        if got.organisations.count != expected.organisations.count { print("organisations: \(got.organisations.count) ≠ \(expected.organisations.count)") }
        for (a, b) in zip(got.relationships, expected.relationships) where a != b { print("relationship: \(a) ≠ \(b)"); break }
        if got.relationships.count != expected.relationships.count { print("relationships: \(got.relationships.count) ≠ \(expected.relationships.count)") }
        for (a, b) in zip(got.partnerships, expected.partnerships) where a != b { print("partnership: \(a) ≠ \(b)"); break }
        for (a, b) in zip(got.memberships, expected.memberships) where a != b { print("membership: \(a) ≠ \(b)"); break }
        if got.memberships.count != expected.memberships.count { print("memberships: \(got.memberships.count) ≠ \(expected.memberships.count)") }
    }
}
