import Foundation
import PartnerNetCore
import PartnerNetIO
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Dynamic GEXF (`convert --dynamic`): every dated row's spell is its since and the day
/// before its until, read with Foundation's XML parser rather than PartnerNet's; the file
/// has the GEXF 1.3 structure a dynamic graph needs; and it reads back into the same dated
/// area, as does a spell written by another tool.
@Suite struct DynamicGEXFTests {
    static let dated = "Tests/Fixtures/waves/northbridge_dated"

    /// Each `<node>` and `<edge>`: its `since`/`until` attribute values and its spells.
    final class Collector: NSObject, XMLParserDelegate {
        struct Item {
            var kind: String
            var values: [String: String] = [:]
            var spells: [[String: String]] = []
        }
        var titles: [String: [String: String]] = [:]  // class → id → title
        var currentClass = "node"
        var items: [Item] = []
        var graph: [String: String] = [:]
        var root: [String: String] = [:]
        var elementNames: Set<String> = []
        var current: Item?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elementNames.insert(name)
            switch name {
            case "gexf": root = attributes
            case "graph": graph = attributes
            case "attributes": currentClass = attributes["class"] ?? "node"
            case "attribute": titles[currentClass, default: [:]][attributes["id"] ?? ""] = attributes["title"]
            case "node", "edge": current = Item(kind: name)
            case "attvalue":
                guard let kind = current?.kind, let id = attributes["for"], let title = titles[kind]?[id] else { return }
                current?.values[title] = attributes["value"]
            case "spell": current?.spells.append(attributes)
            default: break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            if name == "node" || name == "edge", let item = current {
                items.append(item)
                current = nil
            }
        }
    }

    static func written(_ area: Area) throws -> (path: String, collector: Collector) {
        let folder = Paths.temporaryFolder()
        let path = folder + "/waves.gexf"
        try AreaFormat.gexf.write(area, to: path, dynamic: true)
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        return (path, collector)
    }

    @Test func spellsMatchSinceAndUntil() throws {
        let area = try AreaSource.read(at: Paths.repo(Self.dated)).area
        let (path, collector) = try Self.written(area)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(collector.root["version"] == "1.3")
        #expect(collector.graph["mode"] == "dynamic" && collector.graph["timeformat"] == "date")
        let rows =
            area.organisations.map(\.attributes) + area.partnerships.map(\.attributes)
            + area.relationships.map(\.attributes) + area.memberships.map(\.attributes)
        let datedRows = rows.filter { $0["since"] != nil || $0["until"] != nil }
        #expect(datedRows.count > 50)
        #expect(collector.items.count == rows.count)
        #expect(collector.items.filter { !$0.spells.isEmpty }.count == datedRows.count)
        var checked = 0
        for item in collector.items {
            let since = item.values["since"].flatMap(WaveDate.init)
            let until = item.values["until"].flatMap(WaveDate.init)
            if since == nil && until == nil {
                #expect(item.spells.isEmpty)
                continue
            }
            #expect(item.spells.count == 1)
            let spell = try #require(item.spells.first)
            #expect(Set(spell.keys).isSubset(of: ["start", "end"]))
            #expect(spell["start"] == since?.fullText)
            // GEXF spells are closed: the last day a row holds is the day before its until.
            #expect(spell["end"] == until?.dayBefore?.fullText)
            if let start = spell["start"] { #expect(start.count == 10) }
            checked += 1
        }
        #expect(checked == datedRows.count)
        // A spell like "2024-09" → "2024-09-01"; an until of 2024-09 ends on 2024-08-31.
        #expect(collector.items.contains { $0.spells.first?["end"] == "2024-08-31" })
    }

    /// Read back, the dynamic GEXF is the same dated area: cut at any date it gives the
    /// original's organisations and ties.
    @Test func readsBackIntoTheSameDatedRows() throws {
        let area = try AreaSource.read(at: Paths.repo(Self.dated)).area
        let (path, _) = try Self.written(area)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let back = try AreaFormat.gexf.read(at: path).area
        #expect(back.isDated)
        #expect(back.dateProblems().isEmpty)
        for text in ["2012", "2020", "2024", "2024-09", "2025-06-30", "2026", "2030"] {
            let date = try #require(WaveDate(text))
            let (a, b) = (area.cut(at: date), back.cut(at: date))
            #expect(a.organisations.map(\.id) == b.organisations.map(\.id), "\(text)")
            #expect(a.partnerships.map(\.id) == b.partnerships.map(\.id), "\(text)")
            let ties = { (x: Area) in x.relationships.map { "\($0.source)>\($0.target):\($0.relation):\($0.weight)" } }
            #expect(ties(a) == ties(b), "\(text)")
            let seats = { (x: Area) in x.memberships.map { "\($0.partnership):\($0.organisation):\($0.role)" } }
            #expect(seats(a) == seats(b), "\(text)")
        }
    }

    /// A spell written by another tool (no since/until attributes) reads as since = start and
    /// until = the day after end; several spells, and times that are not dates, are skipped.
    @Test func spellsOfOtherToolsBecomeDates() throws {
        let gexf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3">
              <graph defaultedgetype="undirected" mode="dynamic" timeformat="date">
                <attributes class="node"><attribute id="0" title="sector" type="string"/></attributes>
                <nodes>
                  <node id="a"><attvalues><attvalue for="0" value="public"/></attvalues>
                    <spells><spell start="2020-01-01" end="2024-12-31"/></spells></node>
                  <node id="b" start="2021-03-01"><attvalues><attvalue for="0" value="business"/></attvalues></node>
                  <node id="c"><attvalues><attvalue for="0" value="public"/></attvalues>
                    <spells><spell start="2020-01-01" end="2020-12-31"/><spell start="2022-01-01"/></spells></node>
                </nodes>
                <edges>
                  <edge id="0" source="a" target="b"><spells><spell start="2022-02-28" end="2024-02-29"/></spells></edge>
                </edges>
              </graph>
            </gexf>
            """
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try gexf.write(toFile: folder + "/other.gexf", atomically: true, encoding: .utf8)
        let area = try AreaFormat.gexf.read(at: folder + "/other.gexf").area
        let a = try #require(area.organisations.first { $0.id == "a" })
        #expect(a.attributes["since"] == "2020-01-01" && a.attributes["until"] == "2025-01-01")
        let b = try #require(area.organisations.first { $0.id == "b" })
        #expect(b.attributes["since"] == "2021-03-01" && b.attributes["until"] == nil)
        let c = try #require(area.organisations.first { $0.id == "c" })
        #expect(c.attributes["since"] == nil && c.attributes["until"] == nil)
        let tie = try #require(area.relationships.first)
        #expect(tie.attributes["since"] == "2022-02-28" && tie.attributes["until"] == "2024-03-01")
    }

    @Test func daysBeforeAndAfter() {
        #expect(WaveDate("2024")?.dayBefore?.fullText == "2023-12-31")
        #expect(WaveDate("2024-03")?.dayBefore?.fullText == "2024-02-29")
        #expect(WaveDate("2023-03-01")?.dayBefore?.fullText == "2023-02-28")
        #expect(WaveDate("2024-02-28")?.dayAfter?.fullText == "2024-02-29")
        #expect(WaveDate("2024-12-31")?.dayAfter?.fullText == "2025-01-01")
        #expect(WaveDate("0001")?.dayBefore == nil)
        #expect(WaveDate("9999-12-31")?.dayAfter == nil)
    }
}
