import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetMetrics

/// The version written into every report, so that a report can be reproduced.
public enum PartnerNetVersion {
    public static let string = "0.1.0"
}

/// Everything a report on one area shows: the analysis (``AreaAnalysis``, computed once and
/// shared with every command and `compare`) and the diagram, with its findings, tables and
/// methods.
public struct EvaluationReport: Sendable {
    public let analysis: AreaAnalysis
    /// The partnership diagram as an SVG element (`<svg …>…</svg>`), or `nil` with the reason
    /// in ``diagramNote``.
    public let diagramSVG: String?
    public let diagramNote: String?
    /// Above ``inlineDiagramLimit`` organisations: the diagram of every organisation, in a
    /// file of its own beside the page (`diagram.svg`, or above ``fullDiagramLimit`` the DOT
    /// text `diagram.dot` to lay out with `partnernet render` or Graphviz), while the page
    /// shows the ``SectorDiagram``.
    public let fullDiagram: (file: String, data: Data)?

    /// The most organisations whose diagram the page shows whole: beyond a few hundred, a
    /// diagram of every organisation is a tangle no reader can follow, and its SVG grows to
    /// tens of megabytes.
    public static let inlineDiagramLimit = 300
    /// The most organisations whose full diagram the report lays out (about half a minute
    /// of Graphviz's sfdp at this size); above it the report writes the DOT text instead.
    public static let fullDiagramLimit = 2_000
    /// The "Scenario" section: a scenario file's what-if on this analysis, when the report
    /// was asked for one (`report --scenario FILE`).
    public var scenario: ReportScenario?
    /// The "Survey" section, for an area imported from a partner survey.
    public let survey: SurveySection?
    /// The survey's stability (`report --stability N`), shown in the Survey section.
    public var stability: SurveyStability?
    /// The "Change" section: how the waves before this report's area led to it, when the
    /// report was asked over waves (`report --waves …`).
    public var change: ReportChange?

    public var area: Area { analysis.area }
    public var path: String { analysis.path }
    public var settings: AnalysisSettings { analysis.settings }
    public var graph: Graph { analysis.graph }
    public var network: ResultTable { analysis.network }
    public var centrality: ResultTable { analysis.centrality }
    public var silos: SilosReport { analysis.silos }
    public var architecture: ArchitectureReport? { analysis.architecture }
    public var dominance: DominanceReport? { analysis.dominance }
    public var brokerage: BrokerageReport { analysis.brokerage }
    public var balance: BalanceReport? { analysis.balance }
    public var betweenness: [Double] { analysis.betweenness }
    public var findings: [Finding] { analysis.findings }
    /// The analysis's tables, then the scenario's (``ReportScenario/tables``).
    public var tables: [(name: String, table: ResultTable)] {
        var out = analysis.tables
        if let survey {
            out += [
                ("survey_response", survey.responseTable), ("survey_scores", survey.scores.table()),
                ("survey_scores_by_sector", survey.scores.table(at: .group("sector"))),
            ]
        }
        if let stability {
            out += [
                ("survey_stability_findings", stability.findingTable), ("survey_stability_ranks", stability.rankTable),
            ]
        }
        return out + (scenario?.tables ?? []) + (change?.tables ?? [])
    }
    public var mixingTable: ResultTable { analysis.mixingTable }

    /// Measures that could not be computed, with the reason.
    public var skipped: [String] {
        var out = analysis.skippedMeasures
        if case .failure(let error) = analysis.dominanceResult { out.append("dominance: \(error)") }
        if case .failure(let error) = analysis.balanceResult { out.append("balance of power: \(error)") }
        return out
    }

    /// Computes the report.
    ///
    /// - Throws: ``AnalysisError`` when a named relation or column is not in the area, or
    ///   no organisation has the focal sector: a report without its dominance section
    ///   would answer a question nobody asked.
    public init(area: Area, path: String, settings: AnalysisSettings = AnalysisSettings()) throws(AnalysisError) {
        try self.init(analysis: AreaAnalysis(area: area, path: path, settings: settings))
    }

    /// The report of an analysis.
    ///
    /// - Throws: ``AnalysisError/unknownFocalSector(_:found:closest:)`` when no
    ///   organisation has the focal sector named in `area.json` or the settings, or the
    ///   default is absent while a sector is spelled close to it (``Area/focalSectorProblem(named:)``).
    public init(analysis: AreaAnalysis) throws(AnalysisError) {
        // A focal sector the user named (in area.json or the settings), or one misspelt,
        // must exist; the default, local-authority, may be absent from an area that is not
        // a partnership.
        if analysis.settings.focalOrganisations.isEmpty,
            let problem = analysis.area.focalSectorProblem(named: analysis.settings.focalSector)
        {
            throw problem
        }
        self.analysis = analysis
        survey = SurveySection(area: analysis.area)
        // The measures most sections read, and the costliest, first, each on all cores (a
        // computation started inside another's parallel loop runs on one core only).
        _ = analysis.betweenness
        // The tie-predictor regression is long and mostly serial on a large area (its pairs
        // grow as n²): started on a thread of its own beside the measures below, so that it
        // does not run alone at the end. Its result is the one computed alone.
        let predictors = DispatchSemaphore(value: 0)
        Thread {
            _ = analysis.tiePredictors
            predictors.signal()
        }.start()
        defer { predictors.wait() }
        _ = analysis.centrality
        _ = analysis.silos
        _ = analysis.dominanceResult
        // Then the diagram and the analyses the sections read, which are independent:
        // computed side by side, so that the serial part of one (a Graphviz layout, a
        // core/periphery search) leaves no core idle. Every result is the one computed
        // alone; each is computed once (the analysis's memo). The tie predictors are not
        // among them: their thread computes them, and a slot here would only wait for it.
        let analyses: [@Sendable () -> Void] = [
            { _ = analysis.brokerage }, { _ = analysis.networkTests },
            { _ = analysis.network },
            { _ = analysis.balanceResult }, { _ = analysis.architecture }, { _ = analysis.sectorShares },
            { _ = analysis.relationAnalyses }, { _ = analysis.findings },
        ]
        let diagrams = parallelMap(1 + analyses.count) { index -> Diagrams? in
            guard index == 0 else {
                analyses[index - 1]()
                return nil
            }
            if analysis.graph.nodeCount <= Self.inlineDiagramLimit {
                let (svg, note) = WorkProgress.stage("diagram") { Self.diagram(of: analysis) }
                return Diagrams(svg: svg, note: note, full: nil)
            }
            let (svg, note, full) = WorkProgress.stage("diagram") { Self.largeDiagrams(of: analysis) }
            return Diagrams(svg: svg, note: note, full: full)
        }
        (diagramSVG, diagramNote, fullDiagram) = (diagrams[0]!.svg, diagrams[0]!.note, diagrams[0]!.full)
    }

    /// The diagrams a report shows: the page's SVG, a note about it and, for a large
    /// area, the full diagram in its own file.
    private struct Diagrams: Sendable {
        var svg: String?
        var note: String?
        var full: (file: String, data: Data)?
    }

    /// The sector diagram for the page and the full diagram for its own file (or its DOT).
    private static func largeDiagrams(
        of analysis: AreaAnalysis
    ) -> (svg: String?, note: String?, full: (file: String, data: Data)?) {
        let n = analysis.graph.nodeCount
        var svg: String?
        var notes: [String] = []
        do {
            let sectors = SectorDiagram(
                graph: analysis.graph, groups: analysis.groups,
                title: "\(analysis.area.metadata.name ?? "The partnership") by \(analysis.settings.groups)",
                groupName: analysis.settings.groups)
            svg = svgElement(String(decoding: try sectors.rendered(as: .svg), as: UTF8.self))
        } catch {
            notes.append("the diagram by \(analysis.settings.groups) could not be drawn: \(error)")
        }
        notes.append(
            "With \(n) organisations (more than \(inlineDiagramLimit)), a diagram of every organisation cannot be read "
                + "on a page: the page shows the \(analysis.settings.groups) groups, sized by their organisations and "
                + "joined by the ties between them.")
        var full: (file: String, data: Data)?
        do {
            var options = DiagramOptions()
            options.sizeBy = .betweenness
            options.measureOptions = analysis.settings.options
            let diagram = try PartnershipDiagram(area: analysis.area, graph: analysis.graph, options: options)
            if n <= fullDiagramLimit {
                full = ("diagram.svg", try diagram.rendered(as: .svg))
                notes.append("The diagram of every organisation is in diagram.svg beside this page.")
            } else {
                full = ("diagram.dot", Data(try DOTWriter.text(of: diagram.dot).utf8))
                notes.append(
                    "The diagram of every organisation is in diagram.dot, not laid out (more than "
                        + "\(fullDiagramLimit) organisations take Graphviz minutes): `sfdp -Tsvg diagram.dot -o diagram.svg` "
                        + "or `partnernet render` draws it.")
            }
        } catch {
            notes.append("the diagram of every organisation could not be drawn: \(error)")
        }
        return (svg, notes.joined(separator: " "), full)
    }

    /// The partnership diagram as an SVG element, or `nil` with the reason.
    private static func diagram(of analysis: AreaAnalysis) -> (svg: String?, note: String?) {
        do {
            var options = DiagramOptions()
            options.sizeBy = .betweenness
            options.measureOptions = analysis.settings.options
            options.clusters = analysis.area.partnerships.isEmpty ? nil : .partnership
            let diagram = try PartnershipDiagram(area: analysis.area, graph: analysis.graph, options: options)
            let svg = String(decoding: try diagram.rendered(as: .svg), as: UTF8.self)
            return (svgElement(svg), diagram.layoutNote)
        } catch {
            return (nil, "the diagram could not be drawn: \(error)")
        }
    }

    /// The area's name, or its folder's.
    public var title: String { area.metadata.name ?? (path as NSString).lastPathComponent }

    /// Graphviz's SVG without the XML declaration, DOCTYPE and comments before `<svg`, so
    /// that it can stand inside an HTML page.
    static func svgElement(_ svg: String) -> String? {
        guard let start = svg.range(of: "<svg") else { return nil }
        return String(svg[start.lowerBound...]).replacingOccurrences(
            of: "<!--.*?-->", with: "", options: .regularExpression)
    }

    // MARK: Methods

    /// Definitions of what the report shows, for its methods section: (name, definition
    /// and unit), from the value catalogue, for every value in the report's tables.
    public var definitions: [(name: String, definition: String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for name in valueNames {
            guard let entry = ValueCatalogue.definition(of: name), seen.insert(entry.pattern).inserted else { continue }
            out.append((entry.pattern, "\(entry.definition) [\(entry.unit)]"))
        }
        return out
    }

    /// Every value name the report's tables hold: the `metric` of each `metric,value` row
    /// and every other table's numeric columns.
    var valueNames: [String] {
        var names: [String] = []
        for (_, table) in tables {
            if table.columns == ["metric", "value"] {
                names += table.rows.compactMap { if case .text(let name) = $0[0] { name } else { nil } }
            } else {
                names += table.columns
            }
        }
        return names
    }

    /// The works the report's values come from, for the methods section.
    public var references: [String] {
        (ValueCatalogue.references(of: valueNames) + [.holm1979, .phipsonSmyth2010]).reduce(into: [Reference]()) {
            if !$0.contains($1) { $0.append($1) }
        }.sorted().map(\.citation)
    }

    /// The parameters, for the methods section: (name, value).
    public var parameters: [(name: String, value: String)] {
        var out: [(String, String)] = [
            ("PartnerNet version", PartnerNetVersion.string), ("input", path),
            ("relations", settings.relations.isEmpty ? "all (union)" : settings.relations.joined(separator: ", ")),
            ("weights of the union", analysis.weightNote),
            ("direction", graph.isDirected ? "directed" : "undirected"), ("groups", settings.groups),
            ("focal sector", analysis.focalSector),
            ("permutations (E-I test)", String(settings.permutations)),
            ("random sets (share tests)", String(settings.randomSets)), ("seed", String(settings.seed)),
            (
                "significance",
                "two-sided tests at α = \(AreaAnalysis.alpha) after Holm's adjustment over the report's "
                    + "\(findings.filter { $0.pValue != nil }.count) tests"
            ),
            (
                "smallest tested area and group",
                "\(AreaAnalysis.minimumOrganisations) organisations; groups of \(AreaAnalysis.minimumGroupSize)"
            ),
            (
                "community detection",
                analysis.isLargeEnoughForTests
                    ? "Leiden, best of \(Communities.defaultRuns(nodes: graph.nodeCount, ties: graph.edgeCount)) runs at most"
                    : "not run (fewer than \(AreaAnalysis.minimumOrganisations) organisations)"
            ),
        ]
        if let note = area.sectorVocabularyNote { out.append(("sectors", note)) }
        if let note = area.unknownTiesNote { out.append(("unknown ties", note)) }
        return out
    }
}

extension Area {
    /// A note when the area records unknown ties (weight `NA`): how many pairs, by relation,
    /// and what the report does with them, so that a reader does not take them for absent
    /// ties; `nil` when there are none.
    public var unknownTiesNote: String? {
        let counts = unknownPairsByRelation
        guard !counts.isEmpty else { return nil }
        let total = counts.reduce(0) { $0 + $1.pairs }
        let parts = counts.map { "\($0.relation) \($0.pairs)" }
        return
            "\(total) pair\(total == 1 ? "" : "s") of organisations \(total == 1 ? "has" : "have") a tie recorded as "
            + "unknown (weight NA: \(parts.joined(separator: ", "))). The network measures use the observed ties only, "
            + "so an unknown tie counts as no tie there and values that count ties may be understated; the QAP "
            + "regressions leave these pairs out rather than count them as zeros (Docs/CONVENTIONS.md)."
    }
}

extension Area {
    /// The sector names recommended for English partnerships (the format's vocabulary).
    public static let recommendedSectors = ["local-authority", "public", "business", "voluntary-community", "faith"]

    /// A note when the area's sectors are not all of the recommended vocabulary: results
    /// by sector still hold, but comparisons with other areas need the same names.
    public var sectorVocabularyNote: String? {
        let other = sectors.filter { !Self.recommendedSectors.contains($0) }
        guard !other.isEmpty else { return nil }
        return "sectors outside the recommended vocabulary (\(Self.recommendedSectors.joined(separator: ", "))): "
            + other.joined(separator: ", ")
    }
}
