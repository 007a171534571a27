import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Unknown ties: a relationship row whose weight is `NA` (Docs/FORMAT.md, "Unknown ties").
@Suite struct UnknownTieTests {
    func write(_ files: [String: String]) throws -> String {
        let folder = Paths.temporaryFolder()
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return folder
    }

    func read(_ relationships: String, directed: Bool = true) throws -> LoadedArea {
        try AreaFolder.read(
            at: try write([
                "area.json": #"{"directed": \#(directed), "relations": {"joint": {"directed": false}}}"#,
                "organisations.csv": "id,sector\nA,x\nB,y\nC,z\n",
                "relationships.csv": relationships,
            ]))
    }

    /// The messages of a folder that fails to read, as `FILE:LINE:COLUMN: error: REASON`
    /// with the folder left out of the file.
    func problems(_ relationships: String, directed: Bool = true) throws -> [String] {
        do {
            _ = try read(relationships, directed: directed)
            return []
        } catch {
            return ((error as? AreaIOError)?.diagnostics ?? []).map { Self.local($0) }
        }
    }

    /// A diagnostic with its file named without the folder.
    static func local(_ diagnostic: Diagnostic) -> String {
        var location = diagnostic.location
        location.file = (location.file as NSString).lastPathComponent
        return "\(location): \(diagnostic.severity.rawValue): \(diagnostic.message)"
    }

    @Test(arguments: ["NA", "na", "Na", "nA", " NA ", "\tna"])
    func everyAcceptedSpellingRecordsAnUnknownTie(_ cell: String) throws {
        let loaded = try read("source,target,weight,relation\nA,B,2,info\nB,C,\(cell),info\n")
        #expect(loaded.area.relationships.map(\.target) == ["B"])
        #expect(loaded.area.unknownTies == [UnknownTie(source: "B", target: "C", relation: "info")])
        #expect(loaded.area.unknownPairCounts == ["info": 1])
        #expect(loaded.warnings.isEmpty)
    }

    @Test(arguments: ["N/A", "NaN", "nan", "?", "-", "NAN", "N A", "missing"])
    func otherSpellingsAreErrorsNamingTheLineAndColumn(_ cell: String) throws {
        let found = try problems("source,target,weight,relation\nA,B,\(cell),info\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("relationships.csv:2:3: error: weight must be a positive finite number or NA (unknown)") == true, "\(found)")
    }

    @Test func anEmptyWeightStillMeansOne() throws {
        let loaded = try read("source,target,weight,relation\nA,B,,info\n")
        #expect(loaded.area.relationships.first?.weight == 1)
        #expect(loaded.area.unknownTies.isEmpty)
    }

    @Test func aTieBothUnknownAndKnownIsAnErrorAtTheUnknownRow() throws {
        let after = try problems("source,target,weight,relation\nA,B,1,info\nA,B,NA,info\n")
        #expect(
            after == [
                "relationships.csv:3:3: error: tie \"A\" → \"B\" (info) is recorded as unknown (NA) here and as known at line 2: keep one of the two rows"
            ])
        let before = try problems("source,target,weight,relation\nA,B,NA,info\nA,B,4,info\n")
        #expect(before.count == 1)
        #expect(before.first?.hasPrefix("relationships.csv:2:3: error: tie \"A\" → \"B\" (info) is recorded as unknown") == true)
        #expect(before.first?.contains("known at line 3") == true)
    }

    @Test func anUndirectedUnknownTieCoversBothOrders() throws {
        let found = try problems("source,target,weight,relation\nB,A,1,joint\nA,B,NA,joint\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("tie \"A\" – \"B\" (joint) is recorded as unknown") == true, "\(found)")
        let loaded = try read("source,target,weight,relation\nA,B,NA,joint\nB,A,NA,joint\n")
        #expect(loaded.area.unknownPairCounts == ["joint": 1])
        #expect(loaded.warnings.map(Self.local) == [
            "relationships.csv:3: warning: unknown tie \"B\" – \"A\" (joint) repeats line 2: counted once"
        ])
    }

    @Test func theOppositeArcOfADirectedRelationIsAnotherTie() throws {
        let loaded = try read("source,target,weight,relation\nA,B,1,info\nB,A,NA,info\n")
        #expect(loaded.area.unknownPairCounts == ["info": 1])
        #expect(loaded.warnings.isEmpty)
    }

    @Test func anUnknownSelfLoopIsAWarningAndAnUnknownOrganisationAnError() throws {
        let loaded = try read("source,target,weight,relation\nA,A,NA,info\n")
        #expect(loaded.area.unknownTies.count == 1)
        #expect(loaded.area.unknownPairCounts.isEmpty)
        #expect(loaded.warnings.map(Self.local) == [
            "relationships.csv:2: warning: unknown self-loop \"A\" (info) ignored: self-loops are never used"
        ])
        let found = try problems("source,target,weight,relation\nA,D,NA,info\n")
        #expect(found == ["relationships.csv:2:2: error: unknown organisation \"D\" in target"])
    }

    @Test func noGraphHoldsAnUnknownTie() throws {
        let area = try read("source,target,weight,relation\nA,B,2,info\nB,C,NA,info\nC,A,NA,other\n").area
        // A relation only unknown ties name has no observed tie: it is not a relation of the graphs.
        #expect(area.relationNames == ["info"])
        #expect(area.unknownPairsByRelation.map(\.relation) == ["info", "other"])
        let graph = try Graph(area: area)
        #expect(graph.edgeCount == 1)
        let info = try Graph(area: area, relations: .named(["info"]))
        #expect(info.edgeCount == 1)
    }

    @Test func theFolderAndJSONWriteUnknownTiesBackAndReadThemAsTheyWere() throws {
        let loaded = try read(
            "source,target,weight,relation,since\nA,B,2,info,2001\nB,C,na,info,2019\nA,C,NA,joint,\n")
        let area = loaded.area
        #expect(area.unknownTies.count == 2)
        #expect(area.unknownTies[0].attributes == ["since": "2019"])

        let folder = Paths.temporaryFolder() + "/copy"
        try AreaFolder.write(area, to: folder)
        let text = try String(contentsOfFile: folder + "/relationships.csv", encoding: .utf8)
        #expect(text.contains("B,C,NA,info,2019"))
        #expect(text.contains("A,C,NA,joint,"))
        let again = try AreaFolder.read(at: folder).area
        #expect(again == area)

        let json = Paths.temporaryFolder() + "/area.json"
        try AreaJSON.write(area, to: json)
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"unknown_ties\""))
        let fromJSON = try AreaJSON.read(at: json).area
        #expect(fromJSON == area)
    }

    @Test func anAreaWithoutUnknownTiesWritesNoUnknownTiesKey() throws {
        let area = try read("source,target,weight,relation\nA,B,2,info\n").area
        #expect(!AreaJSON.encode(area).contains("unknown_ties"))
    }

    @Test func jsonUnknownTiesAreCheckedWithTheirPaths() throws {
        let file = Paths.temporaryFolder() + "/bad.json"
        try Data(
            #"""
            {"organisations": [{"id": "A", "sector": "x"}, {"id": "B", "sector": "y"}],
             "relationships": [{"source": "A", "target": "B", "weight": 2, "relation": "info"}],
             "unknown_ties": [{"source": "A", "target": "B", "relation": "info"}, {"source": "A", "target": 3}]}
            """#.utf8
        ).write(to: URL(fileURLWithPath: file))
        #expect {
            try AreaJSON.read(at: file)
        } throws: { error in
            let messages = (error as? AreaIOError)?.diagnostics.map(\.description) ?? []
            return messages.contains { $0.contains("unknown_ties[1].target") && $0.contains("expected text") }
        }
    }

    @Test(arguments: [AreaFormat.graphml, .gexf, .dl, .pajek, .edgelist])
    func otherFormatsSayHowManyUnknownTiesTheyLeaveOut(_ format: AreaFormat) throws {
        // One relation with only unknown ties, which no writer may take for a relation.
        let area = try read("source,target,weight,relation\nA,B,2,info\nB,C,NA,info\nC,A,NA,trust\n").area
        let path = Paths.temporaryFolder() + "/area." + (format == .edgelist ? "csv" : format == .pajek ? "net" : format.rawValue)
        let report = try format.write(area, to: path)
        let warning = try #require(report.warning)
        #expect(warning.description.contains("2 unknown ties (weight NA)"), "\(warning)")
        #expect(format.encode(area).lost.contains("2 unknown ties (weight NA)"))
    }
}
