import Foundation

/// The evaluation report in Markdown, for pasting into documents: the same sections,
/// findings and tables as the web page, the diagram as a linked image file.
public enum MarkdownPage {
    /// The report; `diagram` is the relative path of the diagram image, if one was written.
    public static func render(_ report: EvaluationReport, diagram: String?) -> String {
        var out: [String] = []
        out.append("# \(inline(report.title))")
        out.append("")
        out.append(
            "\(inline(report.path)) · \(report.graph.nodeCount) organisations · \(report.graph.edgeCount) "
                + "\(report.graph.isDirected ? "arcs" : "ties") · PartnerNet \(PartnerNetVersion.string)")
        out.append("")
        out.append("## In brief")
        out.append("")
        for line in report.analysis.headline { out.append("- \(inline(line.sentence))") }
        out.append("")
        out.append("## Summary of findings")
        out.append("")
        for finding in report.analysis.summary {
            out.append("- **\(inline(finding.topic.rawValue)).** \(inline(finding.qualifiedSentence))")
        }
        for note in report.analysis.notReadAsFindings { out.append("- *\(inline(note))*") }
        out.append("")
        out.append("## The partnership")
        out.append("")
        if let diagram { out.append("![The partnership diagram](\(diagram))") }
        if let note = report.diagramNote { out.append(""); out.append("*\(inline(note))*") }
        out.append("")
        out.append(report.network.markdown())
        if !report.analysis.networkTests.isEmpty {
            out.append("Network values against \(inline(report.analysis.networkTestNull)) (CUG tests; one-sided p-values, not adjusted):")
            out.append("")
            out.append(report.analysis.networkTestTable.markdown())
        }
        out.append("## Who is central")
        out.append("")
        out.append(report.centrality.markdown())
        out.append("## Silos")
        out.append("")
        out += report.silos.verdicts.map { "- \(inline($0))" }
        out.append("")
        out.append("Density of ties from each group (rows) to each group (columns):")
        out.append("")
        out.append(report.mixingTable.markdown())
        out.append(report.silos.groupTable.markdown())
        out.append(report.silos.networkRows.markdown())
        if report.silos.communities != nil { out.append(report.silos.communityTable.markdown()) }
        if let dominance = report.dominance {
            out.append("## Dominance of \(inline(dominance.focalName))")
            out.append("")
            out += dominance.readings.map { "- \(inline($0))" }
            out.append("")
            out.append(dominance.metricRows.markdown())
        }
        out.append("## Every sector against chance")
        out.append("")
        out.append(
            "Each sector's shares against \(report.settings.randomSets) random sets of its size: p_low small when it "
                + "holds less than its numbers give, p_high when more (not adjusted; the findings are).")
        out.append("")
        out.append(report.analysis.sectorShareTable.markdown())
        if !report.analysis.relationAnalyses.isEmpty {
            out.append("## Relation by relation")
            out.append("")
            out.append(report.analysis.byRelationTable.markdown())
        }
        if let predictors = report.analysis.tiePredictors {
            out.append("## What predicts working together")
            out.append("")
            out.append(inline(predictors.introduction(groups: report.settings.groups)))
            out.append("")
            out += predictors.readings(findings: report.findings).map { "- \(inline($0))" }
            out.append("")
            out.append(predictors.coefficientTable.markdown())
            out.append(predictors.fitTable.markdown())
            if let command = predictors.command(path: report.path, seed: report.settings.seed) {
                out.append("The same model from the command line: `\(command)`")
                out.append("")
            }
        }
        if let balance = report.balance {
            out.append("## Balance of power")
            out.append("")
            out += balance.verdicts.map {
                $0.hasPrefix("  ") ? "  - \(inline($0.trimmingCharacters(in: .whitespaces)))" : "- \(inline($0))"
            }
            out.append("")
            out.append(balance.groupTable.markdown())
            for board in balance.boards {
                out.append(
                    "\(inline(board.name)): \(board.members.count) members, \(board.totalVotes) votes, quota \(board.quota)."
                )
                out.append("")
                out.append(balance.groupTable(of: board).markdown())
            }
        }
        out.append("## Brokerage")
        out.append("")
        out += report.brokerage.verdicts.map { "- \(inline($0))" }
        out.append("")
        out.append(report.brokerage.roleTable.markdown())
        out.append(report.brokerage.groupTable.markdown())
        if let architecture = report.architecture {
            out.append("## Partnership architecture")
            out.append("")
            out += architecture.findings.map {
                $0.hasPrefix("  ") ? "  - \(inline($0.trimmingCharacters(in: .whitespaces)))" : "- \(inline($0))"
            }
            out.append("")
            out.append(architecture.partnershipRows.markdown())
            if !architecture.overlaps.isEmpty { out.append(architecture.overlapRows.markdown()) }
        }
        if let survey = report.survey {
            out.append("## The survey")
            out.append("")
            out.append(inline("This area comes from a partner survey. " + survey.handling.prefix(1).uppercased() + survey.handling.dropFirst() + "."))
            out.append("")
            let warnings = survey.warnings
            if !warnings.isEmpty {
                out += warnings.map { "- \(inline($0))" }
                out.append("")
            }
            out.append(survey.responseTable.markdown())
            out.append(survey.scores.table(at: .group("sector")).markdown())
            out.append(survey.scores.table().markdown())
            if let stability = report.stability {
                out.append("### How stable are the results?")
                out.append("")
                out.append(inline(stability.reading))
                out.append("")
                out.append(stability.findingTable.markdown())
                out.append(stability.rankTable.markdown())
            }
        }
        if let scenario = report.scenario {
            out.append("## Scenario: \(inline((scenario.file as NSString).lastPathComponent))")
            out.append("")
            out.append(
                "What the headline values would be after the edits of \(inline(scenario.file)), applied in order to the "
                    + "area of this report and measured with the same settings and seed. The values before are this report's.")
            out.append("")
            for (index, (edit, notes)) in scenario.edits.enumerated() {
                out.append("\(index + 1). \(inline(edit))")
                out += notes.map { "    - \(inline($0))" }
            }
            out.append("")
            let readings = scenario.readings
            out += readings.isEmpty ? ["No headline value changes."] : readings.map { "- \(inline($0))" }
            out.append("")
            out.append("The values the edits change (difference = after − before; every value is in `tables/scenario.csv`):")
            out.append("")
            out.append(scenario.whatIf.table(changedOnly: true).markdown())
            if !scenario.whatIf.affectedBoards.isEmpty { out.append(scenario.whatIf.memberTable.markdown()) }
            out.append("The same from the command line: `\(scenario.command(path: report.path, settings: report.settings))`")
            out.append("")
        }
        if let section = report.change {
            let change = section.change
            out.append("## Change: \(inline(section.wavesText))")
            out.append("")
            out.append(
                "This report is of the last wave, \(inline(change.waves.last!.label)); this section compares it with the "
                    + "earlier wave\(change.waves.count > 2 ? "s" : "") as `partnernet change` does.")
            out.append("")
            for (index, pair) in change.pairs.enumerated() {
                out.append("### \(section.isOverall(pair) ? "Overall, " : "")\(inline(pair.before.label)) → \(inline(pair.after.label))")
                out.append("")
                out += change.reading(pair).map { "- \(inline($0))" }
                out.append("")
                if index < section.diagramSVGs.count {
                    out.append("![Ties kept (thin), gained (thick) and lost (dashed)](\(section.diagramFile(index)))")
                    out.append("")
                }
            }
            if !section.chart.series.isEmpty {
                out.append("![Headline measures per wave](\(ReportChange.chartFile))")
                out.append("")
            }
            for pair in change.pairs {
                out.append(change.tieTable(pair).markdown())
                out.append(change.headlineTable(pair).markdown())
            }
            if !section.membersTable.rows.isEmpty { out.append(section.membersTable.markdown()) }
            out.append("The same from the command line: `\(section.command)`")
            out.append("")
        }
        out.append("## Methods")
        out.append("")
        for (name, definition) in report.definitions { out.append("- `\(name)`: \(inline(definition))") }
        out.append("")
        out.append("References:")
        out.append("")
        out += report.references.enumerated().map { "\($0.offset + 1). \(inline($0.element))" }
        out.append("")
        for (name, value) in report.parameters { out.append("- \(name): \(inline(value))") }
        out.append("")
        return out.joined(separator: "\n")
    }

    static func inline(_ text: String) -> String { ResultTable.markdownEscaped(text) }
}
