import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile and huge inputs (issue 13): each is refused with a located one-line error, or
/// read exactly, never crashing and never half-loaded.
@Suite struct HostileInputTests {
    /// Writes `contents` to a file named `name` in a fresh folder; returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        let path = Paths.temporaryFolder() + "/" + name
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The lines reading `path` reports, with its folder left out; empty when it reads.
    func problems(_ path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent + "/"
        do {
            let format = AreaFormat(path: path) ?? .folder
            _ = try format.read(at: path)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder, with: "") }
        }
    }

    /// An area folder made of `files` (name → text).
    func area(_ files: [String: String]) throws -> String {
        let folder = Paths.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return folder
    }

    func areaProblems(_ folder: String) -> [String] {
        do {
            _ = try AreaFolder.read(at: folder)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
        }
    }

    // MARK: XML

    static let graphMLHead = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="name" for="node" attr.name="name" attr.type="string"/>
          <key id="sector" for="node" attr.name="sector" attr.type="string"/>
          <graph edgedefault="undirected">

        """
    static let graphMLTail = "  </graph>\n</graphml>\n"

    /// 100,000 nested elements crashed (SIGSEGV) while the tree was freed.
    @Test(arguments: ["graphml", "gexf"])
    func deeplyNestedXMLIsRefused(ext: String) throws {
        let root = ext == "graphml" ? "graphml" : "gexf"
        let text =
            "<\(root)>" + String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000)
            + "</\(root)>"
        let found = problems(try file("deep.\(ext)", text))
        #expect(
            found == [
                "deep.\(ext):1:\(root.count + 2 + 1000 * 3): error: elements are nested more than 1000 levels deep; PartnerNet reads at most 1000 (GraphML and GEXF need fewer than ten)"
            ])
    }

    @Test func nestingIsReadUpToTheLimit() throws {
        func nested(_ depth: Int) -> Data {
            Data((String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)).utf8)
        }
        let limit = XMLElementNode.maximumDepth
        #expect(throws: Never.self) { try XMLElementNode.parse(nested(limit), file: "x.xml") }
        #expect(throws: AreaIOError.self) { try XMLElementNode.parse(nested(limit + 1), file: "x.xml") }
        #expect(throws: Never.self) { try XMLElementNode.parse(nested(3), file: "x.xml", maximumDepth: 3) }
        #expect(throws: AreaIOError.self) { try XMLElementNode.parse(nested(4), file: "x.xml", maximumDepth: 3) }
    }

    @Test func predefinedEntitiesAndCharacterReferencesAreReadExactly() throws {
        let path = try file(
            "amp.graphml",
            Self.graphMLHead + """
                    <node id="a"><data key="name">Acme &amp; Co &#65;&#x42; &lt;x&gt; &quot;q&quot; &apos;</data><data key="sector">b</data></node>
                    <node id="b"><data key="name">&amp;</data><data key="sector">b</data></node>
                    <edge source="a" target="b"/>

                """ + Self.graphMLTail)
        let area = try AreaFormat.graphml.read(at: path).area
        #expect(area.organisations.map(\.name) == ["Acme & Co AB <x> \"q\" '", "&"])
    }

    /// `before &co; after` became "before  after": a DTD entity is refused, not dropped.
    @Test func declaredEntitiesAreRefused() throws {
        let declared = try file(
            "entity.graphml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY co \"Company\">]>\n"
                + Self.graphMLHead.split(separator: "\n").dropFirst().joined(separator: "\n")
                + "\n<node id=\"a\"><data key=\"name\">before &co; after</data></node>\n" + Self.graphMLTail)
        #expect(
            problems(declared) == [
                "entity.graphml:2:20: error: the file declares an entity (<!ENTITY …>): PartnerNet does not expand DTD entities; write their text out in full (&amp; &lt; &gt; &quot; &apos; and &#…; are fine)"
            ])
        let external = try file(
            "external.gexf",
            "<!DOCTYPE gexf [\n  <!ENTITY ex SYSTEM \"file:///etc/passwd\">\n]>\n<gexf><graph>&ex;</graph></gexf>\n")
        let cdata = try file(
            "cdata.graphml",
            Self.graphMLHead
                + "<node id=\"a\"><data key=\"name\"><![CDATA[<!ENTITY x>]]></data><data key=\"sector\">b</data></node>\n"
                + Self.graphMLTail)
        #expect(try AreaFormat.graphml.read(at: cdata).area.organisations.map(\.name) == ["<!ENTITY x>"])
        #expect(
            problems(external) == [
                "external.gexf:2:3: error: the file declares an external entity (<!ENTITY … SYSTEM/PUBLIC …>): refused, PartnerNet reads no other file"
            ])
    }

    /// "parser error 89", "29" and "1" said nothing of what happened.
    @Test(arguments: [
        (89, "entities refer to themselves or expand too far (refused, as in a \"billion laughs\" file)"),
        (29, "a reference to an external entity: refused, PartnerNet reads no other file"),
        (1, "the parser gave up: a text or attribute value of about 10,000,000 characters or more (libxml2's limit)"),
        (76, "an element is closed by the wrong end tag"),
    ])
    func parserErrorsAreNamed(code: Int, reason: String) {
        #expect(XMLElementNode.describe(NSError(domain: XMLParser.errorDomain, code: code)) == reason)
    }

    @Test func aTextNodeTooLargeIsNamed() throws {
        // libxml2's limit, XML_MAX_TEXT_LENGTH: 10,000,000 bytes of buffered text. Where
        // exactly a text node fails depends on how the parser buffers it (9,999,981
        // characters read in a file that holds nothing else), so this reads a node just
        // under and refuses one just over.
        let under = Data(("<a>" + String(repeating: "x", count: 9_999_000) + "</a>").utf8)
        #expect(try XMLElementNode.parse(under, file: "x.xml").text.count == 9_999_000)
        let path = try file("huge.graphml", "<graphml>" + String(repeating: "x", count: 10_000_001) + "</graphml>")
        let found = problems(path)
        #expect(found.count == 1)
        #expect(
            found.first?.hasSuffix(
                "error: not well-formed XML: the parser gave up: a text or attribute value of about 10,000,000 characters or more (libxml2's limit)")
                == true)
    }

    // MARK: Declared sizes

    /// A 30-byte file declaring 10¹² vertices aborted with "failed to allocate 16000000000016 bytes".
    @Test(arguments: [
        ("huge.net", "*Vertices 999999999999\n*Edges\n", "huge.net:1:2: error: *Vertices 999999999999 is more than this 30-byte file can describe: a count above 100000 may be at most the file's size in bytes"),
        ("two.net", "*Vertices 999999999 999999998\n", "two.net:1:2: error: *Vertices 999999999 is more than this 30-byte file can describe: a count above 100000 may be at most the file's size in bytes"),
        ("huge.dl", "DL n=999999999999\ndata:\n", "huge.dl:1:3: error: N=999999999999 is more than this 24-byte file can describe: a count above 100000 may be at most the file's size in bytes"),
        ("rows.dl", "DL nr=2 nc=999999999999 format=edgelist2\ndata:\n1 1\n", "rows.dl:1:5: error: NC=999999999999 is more than this 51-byte file can describe: a count above 100000 may be at most the file's size in bytes"),
        ("numbered.dl", "DL format=edgelist1\ndata:\n1 999999999999\n", "numbered.dl:3:2: error: vertex 999999999999 is more than this 41-byte file can describe: a count above 100000 may be at most the file's size in bytes"),
    ])
    func declaredSizesBeyondTheFileAreRefused(name: String, text: String, message: String) throws {
        #expect(problems(try file(name, text)) == [message])
    }

    @Test func declaredCountsAreReadUpToTheLimit() throws {
        let limits = ReadLimits(freeDeclaredCount: 40)
        let net = { (count: Int) in Data("*Vertices \(count)\n".utf8) }
        #expect(try PajekFormat.parse(net(40), file: "x.net", limits: limits).assembly.area.organisations.count == 40)
        #expect(throws: AreaIOError.self) { try PajekFormat.parse(net(41), file: "x.net", limits: limits) }
        let dl = { (count: Int) in "DL n=\(count) format=edgelist1\ndata:\n" }
        #expect(try DLFormat.parse(dl(40), file: "x.dl", limits: limits).assembly.area.organisations.count == 40)
        #expect(throws: AreaIOError.self) { try DLFormat.parse(dl(41), file: "x.dl", limits: limits) }
        // A larger file may declare up to its size in bytes.
        let padded = "*Vertices 60\n%" + String(repeating: " ", count: 46) + "\n"
        #expect(
            try PajekFormat.parse(Data(padded.utf8), file: "x.net", limits: limits).assembly.area.organisations.count
                == 60)
        // The real limit: 100,000 vertices may be declared by a file of any size.
        let free = ReadLimits.standard.freeDeclaredCount
        #expect(try PajekFormat.parse(net(free), file: "x.net").assembly.area.organisations.count == free)
        #expect(throws: AreaIOError.self) { try PajekFormat.parse(net(free + 1), file: "x.net") }
    }

    /// `*Edgeslist` lines were read in quadratic time (the column of each token was found
    /// by a scan of the line); the columns must still be right.
    @Test func aLongEdgesListLineIsReadWithItsColumns() throws {
        let count = 5_000
        let line = "1 " + (2...count).map(String.init).joined(separator: " ")
        let parsed = try PajekFormat.parse(Data("*Vertices \(count)\n*Edgeslist\n\(line)\n".utf8), file: "x.net")
        #expect(parsed.assembly.area.relationships.count == count - 1)
        #expect(parsed.assembly.area.relationships.last?.target == String(count))
        #expect(parsed.assembly.origins.relationships.last?.columns == ["source": 1, "target": count])
        let path = try file("list.net", "*Vertices \(count)\n*Edgeslist\n\(line) \(count + 1)\n")
        #expect(
            problems(path) == ["list.net:3:\(count + 1): error: vertex must be a number from 1 to \(count), got \"\(count + 1)\""])
    }

    // MARK: Numbers

    /// Hexadecimal numbers were read as weights; `inf` and `nan` must be refused too.
    @Test(arguments: [
        ("w.net", "*Vertices 2\n*Edges\n1 2 0x10\n", "w.net:3:3: error: weight must be a number, got \"0x10\""),
        ("w.net", "*Vertices 2\n*Edges\n1 2 inf\n", "w.net:3:3: error: weight must be a number, got \"inf\""),
        ("w.csv", "source,target,weight\na,b,0x1p3\n", "w.csv:2:3: error: weight must be a positive finite number, got \"0x1p3\""),
        ("w.txt", "a b 0x10\n", "w.txt:1:3: error: weight must be a positive finite number, got \"0x10\""),
        ("w.dl", "DL n=2\ndata:\n0 0x10\n0 0\n", "w.dl:3:2: error: expected a number, got \"0x10\""),
        ("w.dl", "DL n=2 format=edgelist1\ndata:\n1 2 nan\n", "w.dl:3:3: error: expected a number, got \"nan\""),
    ])
    func onlyDecimalNumbersAreWeights(name: String, text: String, message: String) throws {
        let found = problems(try file(name, text))
        #expect(found.first == message)
    }

    @Test func hexadecimalWeightsAreRefusedInGraphMLAndAreaFolders() throws {
        let graphML = try file(
            "w.graphml",
            Self.graphMLHead.replacingOccurrences(
                of: "  <graph edgedefault", with: "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"string\"/>\n  <graph edgedefault")
                + "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"w\">0x10</data></edge>\n"
                + Self.graphMLTail)
        #expect(problems(graphML).contains { $0.hasSuffix("error: weight must be a positive finite number, got \"0x10\"") })
        let folder = try area([
            "organisations.csv": "id,sector\na,x\nb,y\n", "relationships.csv": "source,target,weight\na,b,0x10\n",
        ])
        #expect(
            areaProblems(folder) == [
                "relationships.csv:2:3: error: weight must be a positive finite number or NA (unknown), got \"0x10\""
            ])
    }

    @Test func hugeWeightsAreRefusedWhereTheyWereRead() throws {
        let folder = try area([
            "organisations.csv": "id,sector\na,x\nb,y\n",
            "relationships.csv": "source,target,weight\na,b,1e308\nb,a,1e308\n",
        ])
        #expect(
            areaProblems(folder) == [
                "relationships.csv:2:3: error: weight must be at most 1e15 (so that sums of weights stay finite), got 1e+308",
                "relationships.csv:3:3: error: weight must be at most 1e15 (so that sums of weights stay finite), got 1e+308",
                "relationships.csv:3: warning: duplicate tie \"b\" – \"a\" (tie) merged with line 2: weights summed",
            ])
    }

    // MARK: Text

    /// NUL bytes were accepted and later written raw into DOT and HTML.
    @Test(arguments: [
        ("n.csv", "source,target\na\u{0}b,c\n", "n.csv:2:1: error: source holds the control character U+0000 (NUL) at character 2; remove it (only tab and line breaks are allowed in text)"),
        ("n.net", "*Vertices 2\n1 \"a\u{0}b\"\n2 \"c\"\n", "n.net:2:2: error: id holds the control character U+0000 (NUL) at character 2; remove it (only tab and line breaks are allowed in text)"),
        ("n.dl", "DL n=2\nlabels:\na\u{0}b c\ndata:\n0 1\n1 0\n", "n.dl:3:1: error: id holds the control character U+0000 (NUL) at character 2; remove it (only tab and line breaks are allowed in text)"),
        ("n.json", "{\"organisations\": [{\"id\": \"a\\u0000b\", \"sector\": \"x\"}], \"relationships\": []}", "n.json organisations[0].id: error: id holds the control character U+0000 (NUL) at character 2; remove it (only tab and line breaks are allowed in text)"),
    ])
    func controlCharactersAreRefusedInEveryReader(name: String, text: String, message: String) throws {
        let found = problems(try file(name, text))
        #expect(found.contains(message), "\(found)")
    }

    @Test func nulInAnAreaFolderIsLocated() throws {
        let folder = try area([
            "organisations.csv": "id,name,sector\na,A\u{0},x\nb,B,y\n", "relationships.csv": "source,target\na,b\n",
        ])
        #expect(
            areaProblems(folder) == [
                "organisations.csv:2:2: error: name holds the control character U+0000 (NUL) at character 2; remove it (only tab and line breaks are allowed in text)"
            ])
    }

    /// A byte-order mark inside a CSV (two files joined) gave "unknown organisation "B"".
    @Test func aByteOrderMarkInsideACSVIsNamed() throws {
        let folder = try area([
            "organisations.csv": "\u{FEFF}id,sector\nA,x\nB,y\n",
            "relationships.csv": "source,target\nA,\u{FEFF}B\n",
        ])
        #expect(
            areaProblems(folder) == [
                "relationships.csv:2:2: error: unknown organisation \"\\u{FEFF}B\" in target (it begins with an invisible byte-order mark U+FEFF)"
            ])
    }

    // MARK: Collections

    /// A dangling symbolic link in a collection was skipped without a word.
    @Test func aDanglingLinkInACollectionIsReported() throws {
        let collection = Paths.temporaryFolder()
        for name in ["a", "b"] {
            try FileManager.default.copyItem(
                atPath: Paths.repo("Tests/Fixtures/areas/tiny_pair"), toPath: collection + "/" + name)
        }
        try FileManager.default.createSymbolicLink(atPath: collection + "/c", withDestinationPath: "/nonexistent/area")
        let members = AreaSource.expand(collection)
        #expect(members == ["a", "b", "c"].map { collection + "/" + $0 })
        #expect(throws: Never.self) { try AreaSource.read(at: members[0]) }
        do {
            _ = try AreaSource.read(at: members[2])
            Issue.record("a dangling link was read")
        } catch {
            #expect(
                error.description
                    == "\(collection)/c: error: a symbolic link to \"/nonexistent/area\", which does not exist")
        }
    }
}

/// Limits that come from Foundation, checked so that a change in them is noticed.
@Suite struct FoundationLimitTests {
    /// An area whose first organisation's extra column nests `depth` arrays: 3 levels of
    /// the area around it.
    func nested(_ depth: Int) throws -> [String] {
        let path = Paths.temporaryFolder() + "/deep.json"
        let text =
            "{\"organisations\": [{\"id\": \"a\", \"sector\": \"x\", \"x\": " + String(repeating: "[", count: depth)
            + String(repeating: "]", count: depth) + "}], \"relationships\": []}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AreaJSON.read(at: path)
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    @Test func jsonNestingIsReadUpToFoundationsLimit() throws {
        // 512 levels in all parse (and the array is then refused as a cell); 513 do not.
        #expect(try nested(509) == ["an extra column must hold text or a number, found an array"])
        #expect(try nested(510) == ["not valid JSON: too many nested arrays or dictionaries"])
        #expect(try nested(100_000) == ["not valid JSON: too many nested arrays or dictionaries"])
    }

    @Test func matricesBeyondTheItemsOfTheFileAreRefused() throws {
        #expect(throws: Never.self) { try DLFormat.parse("DL n=1 nm=2\ndata:\n0\n!\n0\n", file: "x.dl") }
        do {
            _ = try DLFormat.parse("DL n=1 nm=1000000\ndata:\n0\n", file: "many.dl")
            Issue.record("read")
        } catch {
            #expect(error.description == "many.dl:1:5: error: NM=1000000 matrices cannot fit in a file of 7 items")
        }
    }
}

/// A weight too large for a Double in a JSON area was "not valid JSON", with no place.
@Suite struct JSONNumberRangeTests {
    @Test func aNumberBeyondDoubleIsLocated() throws {
        let path = Paths.temporaryFolder() + "/w.json"
        let text = """
            {"organisations": [{"id": "a", "sector": "x"}, {"id": "b", "sector": "x"}],
             "relationships": [{"source": "a", "target": "b", "weight": 1e400}]}
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AreaJSON.read(at: path)
            Issue.record("read")
        } catch {
            #expect(
                error.description
                    == "\(path):2:61: error: not valid JSON: the number 1e400 is beyond the range of a Double (±1.8e308)")
        }
    }
}
