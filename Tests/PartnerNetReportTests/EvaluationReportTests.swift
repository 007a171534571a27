import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct EvaluationReportTests {
    /// The numbers of a table of the page: for each row, its cells' `data-value` (or text).
    static func cells(_ document: XMLDocument, table id: String) throws -> [[(value: String?, text: String)]] {
        let rows = try document.nodes(forXPath: "//*[local-name()='table'][@id='\(id)']/*[local-name()='tbody']/*[local-name()='tr']")
        return rows.map { row in
            (row.children ?? []).compactMap { $0 as? XMLElement }.map { cell in
                (cell.attributes?.first { $0.localName == "data-value" || $0.name == "data-value" }?.stringValue, cell.stringValue ?? "")
            }
        }
    }

    static func page(_ area: Area, path: String, settings: EvaluationSettings) throws -> (EvaluationReport, XMLDocument, String) {
        let report = try EvaluationReport(area: area, path: path, settings: settings)
        let html = HTMLPage.render(report)
        return (report, try XMLDocument(data: Data(html.utf8)), html)
    }

    /// Knoke's information network: the page's betweenness and closeness are networkx's
    /// (Tests/Fixtures/networkx/centrality), its E-I index the published 0.5102, and every
    /// number shown is its exact value rounded as the text tables round it.
    @Test func numbersOnThePageAreTheReferenceValues() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/knoke_bureaucracies")).area
        var settings = EvaluationSettings()
        settings.relations = ["information"]
        settings.permutations = 200
        let (_, document, _) = try Self.page(area, path: "Datasets/knoke_bureaucracies", settings: settings)
        let fixture = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Paths.repo("Tests/Fixtures/networkx/centrality/knoke_bureaucracies.json"))))
            as! [String: Any]
        let information = (fixture["cases"] as! [[String: Any]]).first { ($0["relations"] as! [String]) == ["information"] }!
        let node = ((information["unweighted"] as! [String: Any])["node"] as! [String: [String: Double]])
        let columns = try document.nodes(forXPath: "//*[local-name()='table'][@id='centrality']//*[local-name()='th']").map {
            $0.stringValue ?? ""
        }
        let rows = try Self.cells(document, table: "centrality")
        #expect(rows.count == 10)
        for measure in ["betweenness", "closeness", "eigenvector", "pagerank"] {
            let column = try #require(columns.firstIndex(of: measure))
            for row in rows {
                let id = row[0].text
                let shown = try #require(Double(row[column].value ?? ""))
                let reference = try #require(node[measure]?[id])
                let tolerance = measure == "pagerank" ? 1e-9 : 1e-12
                #expect(abs(shown - reference) <= tolerance * max(1, abs(reference)), "\(measure) \(id)")
                #expect(row[column].text == String(format: "%.4f", shown))
            }
        }
        let silos = try Self.cells(document, table: "silos-values")
        let ei = try #require(silos.first { $0[0].text == "ei_index" })
        #expect(abs(Double(ei[1].value!)! - 25.0 / 49.0) < 1e-15 && ei[1].text == "0.5102")
        let mixing = try Self.cells(document, table: "mixing")
        // UCINET density by groups, Knoke information: GOV → PVT 6 of 8 possible arcs.
        let gov = try #require(mixing.first { $0[0].text == "GOV" })
        #expect(gov.count == 4)
    }

    @Test func pageIsSelfContainedAndEscapesEverything() throws {
        let area = PartnershipDiagramTests.awkwardArea
        var settings = EvaluationSettings()
        settings.permutations = 50
        let (report, document, html) = try Self.page(area, path: "awkward <dir> & \"co\"", settings: settings)
        #expect(document.rootElement()?.name == "html")
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("City Council &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("St Mary's &amp; St John's &quot;Churches&quot;"))
        #expect(html.contains("Société Générale — Café"))
        // Nothing is fetched: the only addresses are XML namespace names.
        let allowed = ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]
        var rest = html
        for name in allowed { rest = rest.replacingOccurrences(of: name, with: "") }
        #expect(!rest.contains("http:") && !rest.contains("https:") && !rest.contains("//cdn"))
        #expect(!html.contains(" src=") && !html.contains("<link") && !html.contains("@import"))
        #expect(report.diagramSVG != nil)
        let markdown = MarkdownPage.render(report, diagram: "diagram.svg")
        #expect(markdown.contains("City Council \\<script\\>alert(1)\\</script\\>"))
        #expect(!markdown.contains("<script>"))
    }

    @Test func everyBundledDatasetMakesAWellFormedReport() throws {
        for name in Paths.datasets {
            let area = try AreaSource.read(at: Paths.repo("Datasets/" + name)).area
            var settings = EvaluationSettings()
            settings.permutations = 100
            let (report, document, _) = try Self.page(area, path: "Datasets/" + name, settings: settings)
            #expect(document.rootElement() != nil, "\(name)")
            #expect(report.findings.count >= 2, "\(name)")
            let folder = Paths.temporaryFolder()
            let files = try ReportWriter.write(report, to: folder)
            #expect(files.contains("index.html") && files.contains("report.md") && files.contains("tables/centrality.csv"))
            // The CSV behind the centrality table is the table itself.
            let csv = try String(contentsOfFile: folder + "/tables/centrality.csv", encoding: .utf8)
            #expect(csv == report.centrality.rendered(as: .csv))
        }
    }

    /// Every number in every table of the Northbridge page is the library's value, in full
    /// in `data-value` and rounded as text tables round it on screen.
    @Test func everyTableOnThePageIsTheLibrarysTable() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/northbridge")).area
        var settings = EvaluationSettings()
        settings.permutations = 200
        let (report, document, _) = try Self.page(area, path: "Datasets/northbridge", settings: settings)
        let balance = try #require(report.balance)
        let architecture = try #require(report.architecture)
        var expected: [(String, ResultTable)] = [
            ("centrality", report.centrality), ("network", report.network), ("silos-groups", report.silos.groupTable),
            ("silos-values", report.silos.networkRows), ("balance-groups", balance.groupTable),
            ("brokerage-roles", report.brokerage.roleTable), ("brokerage-organisations", report.brokerage.organisationTable),
            ("partnerships", architecture.partnershipRows), ("overlaps", architecture.overlapRows),
            ("dominance-values", try #require(report.dominance).metricRows),
        ]
        for (index, board) in balance.boards.enumerated() { expected.append(("board-\(index)", balance.groupTable(of: board))) }
        for (id, table) in expected {
            let rows = try Self.cells(document, table: id)
            #expect(rows.count == table.rows.count, "\(id)")
            for (shown, row) in zip(rows, table.rows) {
                for (cell, value) in zip(shown, row) {
                    switch value {
                    case .number(let number?, _) where number.isFinite:
                        #expect(cell.value == formatNumber(number), "\(id): \(cell.value ?? "nil") against \(number)")
                    case .number:
                        #expect(cell.value == "" && cell.text == "–", "\(id)")
                    case .text(let text):
                        #expect(cell.text == text, "\(id)")
                    }
                }
            }
        }
        // Voting power by sector on each board adds up to 1.
        for (index, _) in balance.boards.enumerated() {
            let rows = try Self.cells(document, table: "board-\(index)")
            let banzhaf = rows.compactMap { Double($0[4].value ?? "") }.reduce(0, +)
            #expect(abs(banzhaf - 1) < 1e-12)
        }
    }
}
