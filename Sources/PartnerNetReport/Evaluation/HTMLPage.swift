import Foundation
import PartnerNetCore

/// The evaluation report as one self-contained web page: inline CSS, inline SVG and a few
/// lines of inline script to sort tables, nothing fetched from anywhere. The page is also
/// well-formed XML (XHTML), so that it can be checked by any XML parser.
///
/// Every number in a table carries its full-precision value in `data-value`; what is shown
/// is that value rounded as the text tables round it.
public enum HTMLPage {
    /// The page for one area.
    public static func render(_ report: EvaluationReport) -> String {
        var body: [String] = []
        body.append("<header><h1>\(e(report.title))</h1>")
        body.append(
            "<p class=\"meta\">\(e(report.path)) · \(report.graph.nodeCount) organisations · "
                + "\(report.graph.edgeCount) \(report.graph.isDirected ? "arcs" : "ties") · PartnerNet \(e(PartnerNetVersion.string))</p></header>"
        )
        body.append(nav(sections(of: report)))

        body.append(
            section("summary", "Summary of findings") {
                var parts = ["<h3>In brief</h3>", "<ol class=\"headline\">"]
                for line in report.analysis.headline {
                    parts.append("<li><a href=\"#finding-\(e(line.finding))\">\(e(line.sentence))</a></li>")
                }
                parts.append("</ol>")
                parts.append("<h3>Findings</h3>")
                parts.append("<ul class=\"findings\">")
                for finding in report.analysis.summary {
                    parts.append(
                        "<li id=\"finding-\(e(finding.id))\"><span class=\"tag\">\(e(finding.topic.rawValue))</span> "
                            + "\(e(finding.qualifiedSentence))</li>")
                }
                parts.append("</ul>")
                for note in report.analysis.notReadAsFindings { parts.append("<p class=\"note\">\(e(note))</p>") }
                if !report.skipped.isEmpty {
                    parts.append("<p class=\"note\">Not computed: \(e(report.skipped.joined(separator: "; ")))</p>")
                }
                parts.append(
                    "<details><summary>Every finding (\(report.findings.count)), with its test</summary>"
                        + table(report.findings.table, id: "findings", caption: "Findings", sortable: true)
                        + "</details>")
                return parts
            })

        if let change = report.change { body.append(changeSection(change)) }

        body.append(
            section("diagram", "The partnership") {
                var parts: [String] = []
                if let svg = report.diagramSVG, let full = report.fullDiagram {
                    parts.append(
                        "<figure class=\"diagram\">\(svg)<figcaption>The \(e(report.settings.groups)) groups, each sized by its "
                            + "organisations, joined by the ties between them (labels and widths: number of ties); the diagram "
                            + "of every organisation is <a href=\"\(full.file)\">\(full.file)</a>.</figcaption></figure>")
                } else if let svg = report.diagramSVG {
                    parts.append(
                        "<figure class=\"diagram\">\(svg)<figcaption>Organisations coloured by sector, text sized by betweenness; "
                            + "focal organisations with a double border; ★ chairs\(report.area.partnerships.isEmpty ? "" : "; boxes are partnerships").</figcaption></figure>"
                    )
                }
                if let note = report.diagramNote { parts.append("<p class=\"note\">\(e(note))</p>") }
                parts.append(table(report.network, id: "network", caption: "Network measures"))
                if !report.analysis.networkTests.isEmpty {
                    parts.append(
                        table(
                            report.analysis.networkTestTable, id: "network-tests",
                            caption: "Network values against \(report.analysis.networkTestNull) (CUG tests; one-sided "
                                + "p-values, not adjusted)"))
                }
                return parts
            })

        body.append(
            section("centrality", "Who is central") {
                [
                    "<p>One row per organisation; click a column heading to sort. Definitions under Methods.</p>",
                    table(
                        report.centrality, id: "centrality", caption: "Centrality of each organisation", sortable: true),
                ]
            })

        body.append(
            section("silos", "Silos") {
                var parts = ["<ul class=\"verdicts\">"] + report.silos.verdicts.map { "<li>\(e($0))</li>" } + ["</ul>"]
                parts.append(
                    table(
                        report.silos.groupTable, id: "silos-groups",
                        caption:
                            "E-I index by group (E: ties leaving the group, I: ties inside it; one-sided permutation p-values)"
                    ))
                parts.append(heatMap(report))
                parts.append(
                    table(
                        report.silos.networkRows, id: "silos-values",
                        caption: "E-I index, assortativity, modularity and cut structure of the whole network"))
                if report.silos.communities != nil {
                    parts.append(
                        table(
                            report.silos.communityTable, id: "communities",
                            caption: "Communities and the groups of their members"))
                }
                return parts
            })

        if let dominance = report.dominance {
            body.append(
                section("dominance", "Dominance of \(dominance.focalName)") {
                    var parts = ["<ul class=\"verdicts\">"] + dominance.readings.map { "<li>\(e($0))</li>" } + ["</ul>"]
                    if !dominance.sectorSplits.isEmpty {
                        parts.append(
                            table(
                                ResultTable(
                                    columns: ["sector", "in the core", "in the periphery"],
                                    rows: dominance.sectorSplits.map {
                                        [
                                            .text($0.sector), .number(Double($0.core), isCount: true),
                                            .number(Double($0.periphery), isCount: true),
                                        ]
                                    }), id: "core-periphery",
                                caption: "Sectors in the core and the periphery (Borgatti & Everett)"))
                    }
                    parts.append(
                        table(
                            dominance.metricRows, id: "dominance-values",
                            caption: "The focal sector's shares, group centrality and fragmentation"))
                    return parts
                })
        }

        body.append(
            section("sectors", "Every sector against chance") {
                var parts = [
                    "<p>Each sector's share of the measures of power, of the chair seats, and of the seats and Banzhaf "
                        + "voting power on every board, against \(report.settings.randomSets) random sets of as many "
                        + "organisations: p_low is small when the sector holds less than its numbers give, p_high when it "
                        + "holds more. These p-values are not adjusted; the findings above are.</p>"
                ]
                parts.append(
                    table(
                        report.analysis.sectorShareTable, id: "sector-shares",
                        caption: "Shares of every sector against random sets of its size, both tails", sortable: true))
                return parts
            })

        if !report.analysis.relationAnalyses.isEmpty {
            body.append(
                section("relations", "Relation by relation") {
                    [
                        "<p>The headline values on each relation alone, beside the union of the relations analysed. "
                            + "The union counts a tie once whatever its relations; weights of relations in different "
                            + "units are never added.</p>",
                        table(
                            report.analysis.byRelationTable, id: "by-relation",
                            caption: "Silos and the focal sector's shares, relation by relation"),
                    ]
                })
        }

        if let predictors = report.analysis.tiePredictors {
            body.append(
                section("predictors", "What predicts working together") {
                    [
                        "<p>\(e(predictors.introduction(groups: report.settings.groups)))</p>",
                        "<ul class=\"verdicts\">"
                    ] + predictors.readings(findings: report.findings).map { "<li>\(e($0))</li>" } + [
                        "</ul>",
                        table(
                            predictors.coefficientTable, id: "predictors",
                            caption: "MRQAP coefficients: ties of the relation explained on the other terms, permutation p-values"),
                        table(predictors.fitTable, id: "predictors-fit", caption: "Fit of the model"),
                    ] + (predictors.command(path: report.path, seed: report.settings.seed).map {
                        ["<p>The same model from the command line: <code>\(e($0))</code></p>"]
                    } ?? [])
                })
        }

        if let balance = report.balance {
            body.append(
                section("balance", "Balance of power") {
                    var parts =
                        ["<ul class=\"verdicts\">"]
                        + balance.verdicts.map { "<li>\(e($0.trimmingCharacters(in: .whitespaces)))</li>" } + ["</ul>"]
                    parts.append(
                        table(
                            balance.groupTable, id: "balance-groups",
                            caption: "Each sector's share of betweenness against its share of organisations"))
                    for (index, board) in balance.boards.enumerated() {
                        parts.append(
                            table(
                                balance.groupTable(of: board), id: "board-\(index)",
                                caption:
                                    "\(board.name): \(board.members.count) members, \(board.totalVotes) votes, quota \(board.quota) — voting power by sector"
                            ))
                    }
                    return parts
                })
        }

        body.append(
            section("brokerage", "Brokerage") {
                var parts =
                    ["<ul class=\"verdicts\">"] + report.brokerage.verdicts.map { "<li>\(e($0))</li>" } + ["</ul>"]
                parts.append(
                    table(
                        report.brokerage.roleTable, id: "brokerage-roles",
                        caption: "Brokerage roles in the whole network against a random network of the same density"))
                parts.append(
                    table(
                        report.brokerage.groupTable, id: "brokerage-groups",
                        caption: "Roles by sector (expected in brackets)"))
                parts.append(
                    table(
                        report.brokerage.organisationTable, id: "brokerage-organisations",
                        caption: "Roles and structural holes of each organisation", sortable: true))
                return parts
            })

        if let architecture = report.architecture {
            body.append(
                section("architecture", "Partnership architecture") {
                    var parts = ["<ul class=\"verdicts\">"]
                    parts += architecture.findings.map { "<li>\(e($0.trimmingCharacters(in: .whitespaces)))</li>" }
                    parts.append("</ul>")
                    parts.append(table(architecture.partnershipRows, id: "partnerships", caption: "Partnerships"))
                    if !architecture.overlaps.isEmpty {
                        parts.append(
                            table(
                                architecture.overlapRows, id: "overlaps",
                                caption: "Pairs of partnerships sharing members", sortable: true))
                    }
                    parts.append(
                        table(
                            architecture.organisationRows, id: "seats", caption: "Organisations on the partnerships",
                            sortable: true))
                    return parts
                })
        }

        if let survey = report.survey {
            body.append(
                section("survey", "The survey") {
                    var parts = [
                        "<p>This area comes from a partner survey. \(e(survey.handling.prefix(1).uppercased() + survey.handling.dropFirst())).</p>"
                    ]
                    let warnings = survey.warnings
                    if !warnings.isEmpty {
                        parts.append("<ul class=\"verdicts\">" + warnings.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
                    }
                    parts.append(table(survey.responseTable, id: "survey-response", caption: "Who answered, by sector"))
                    parts.append(
                        table(
                            survey.scores.table(at: .group("sector")), id: "survey-scores-by-sector",
                            caption: "Mean ratings received and given, by sector (answers of 0 and unknown ties are no rating)"))
                    parts.append(
                        table(
                            survey.scores.table(), id: "survey-scores",
                            caption: "Mean ratings each organisation receives and gives", sortable: true))
                    if let stability = report.stability {
                        parts.append("<h3>How stable are the results?</h3><p>\(e(stability.reading))</p>")
                        parts.append(
                            table(
                                stability.findingTable, id: "survey-stability-findings",
                                caption: "Headline findings: resamples in which each still holds"))
                        parts.append(
                            table(
                                stability.rankTable, id: "survey-stability-ranks",
                                caption: "Betweenness rank and its interval over the resamples", sortable: true))
                    }
                    return parts
                })
        }

        if let scenario = report.scenario {
            body.append(
                section("scenario", "Scenario: \((scenario.file as NSString).lastPathComponent)") {
                    var parts = [
                        "<p>What the headline values would be after the edits of <code>\(e(scenario.file))</code>, "
                            + "applied in order to the area of this report and measured with the same settings and seed. "
                            + "The values before are this report's.</p>",
                        "<ol class=\"edits\">",
                    ]
                    for (edit, notes) in scenario.edits {
                        parts.append(
                            "<li><code>\(e(edit))</code>"
                                + (notes.isEmpty ? "" : "<ul>" + notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
                                + "</li>")
                    }
                    parts.append("</ol>")
                    let readings = scenario.readings
                    parts.append(
                        readings.isEmpty
                            ? "<p>No headline value changes.</p>"
                            : "<ul class=\"verdicts\">" + readings.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
                    parts.append(
                        Self.table(
                            scenario.whatIf.table(changedOnly: true), id: "scenario",
                            caption: "The values the edits change (difference = after − before; every value is in "
                                + "tables/scenario.csv)"))
                    if !scenario.whatIf.affectedBoards.isEmpty {
                        parts.append(
                            Self.table(
                                scenario.whatIf.memberTable, id: "scenario-members",
                                caption: "Members of the boards the edits change: role, votes and voting power before and after",
                                sortable: true))
                    }
                    parts.append(
                        "<p>The same from the command line: <code>\(e(scenario.command(path: report.path, settings: report.settings)))</code></p>")
                    return parts
                })
        }

        body.append(
            section("methods", "Methods") {
                var parts = ["<dl class=\"definitions\">"]
                for (name, definition) in report.definitions {
                    parts.append("<dt>\(e(name))</dt><dd>\(e(definition))</dd>")
                }
                parts.append("</dl>")
                parts.append("<h3>References</h3><ol class=\"references\">")
                parts += report.references.map { "<li>\(e($0))</li>" }
                parts.append("</ol>")
                parts.append("<table class=\"parameters\"><caption>Parameters</caption><tbody>")
                for (name, value) in report.parameters {
                    parts.append("<tr><th scope=\"row\">\(e(name))</th><td>\(e(value))</td></tr>")
                }
                parts.append("</tbody></table>")
                parts.append(
                    "<p>Every table is also in <code>tables/</code> beside this page, as CSV and JSON. Reproduce with "
                        + "<code>partnernet report \(e(report.change.map { $0.waveArguments.map(ReportScenario.word).joined(separator: " ") } ?? report.path)) --seed \(report.settings.seed) --permutations \(report.settings.permutations)"
                        + (report.settings.relations.isEmpty
                            ? "" : " --relation \(e(report.settings.relations.joined(separator: ",")))")
                        + "</code>.</p>")
                return parts
            })
        return page(title: report.title, body: body)
    }

    // MARK: Pieces

    /// The "Change" section: the reading of each pair of waves, the diagram of ties kept,
    /// gained and lost on one layout, the headline measures per wave, and the tables.
    static func changeSection(_ section: ReportChange) -> String {
        let change = section.change
        return Self.section("change", "Change: \(section.wavesText)") {
            var parts = [
                "<p>This report is of the last wave, \(e(change.waves.last!.label)). This section compares it with the "
                    + "earlier wave\(change.waves.count > 2 ? "s" : "") (\(e(section.wavesText))): organisations are matched "
                    + "by id, ties counted over the pairs of organisations present in either wave (ordered pairs in a "
                    + "directed relation), and each headline measure's change tested by swapping pairs' ties between the "
                    + "waves \(change.settings.permutations) times (the dyad-swap test: small p, more change than "
                    + "reshuffling the same turnover gives).</p>"
            ]
            // Each pair: its reading, then its diagram.
            for (index, pair) in change.pairs.enumerated() {
                let heading =
                    (section.isOverall(pair) ? "Overall, " : "") + "\(pair.before.label) → \(pair.after.label)"
                parts.append("<h3>\(e(heading))</h3>")
                parts.append(
                    "<ul class=\"verdicts\">" + change.reading(pair).map { "<li>\(e($0))</li>" }.joined() + "</ul>")
                if let diagram = section.diagram, index < section.diagramSVGs.count {
                    let svg = section.diagramSVGs[index]
                    parts.append(
                        "<figure class=\"diagram\">\(svg)<figcaption>The \(e(diagram.relation)) ties, \(e(change.pairs[index].before.label)) → \(e(change.pairs[index].after.label)), "
                            + "on one layout shared by every wave: kept thin and solid (grey), gained thick (blue), lost "
                            + "dashed (vermilion); organisations that joined have a thick border, those that left a dashed one. "
                            + "The other relations' counts are in the tables below.</figcaption></figure>")
                }
            }
            if let note = section.diagramNote { parts.append("<p class=\"note\">\(e(note))</p>") }
            if !section.chart.series.isEmpty {
                let chart = section.chartSVG
                parts.append(
                    "<figure class=\"diagram\">\(chart[chart.range(of: "<svg")!.lowerBound...])<figcaption>Each headline "
                        + "measure in each wave (one panel each, its own scale).</figcaption></figure>")
            }
            for pair in change.pairs {
                parts.append(
                    table(
                        change.tieTable(pair), id: "change-ties-\(slug(pair.label))",
                        caption: "Ties \(pair.before.label) → \(pair.after.label) (pairs: ordered in a directed relation, "
                            + "unordered in an undirected one; QAP p: upper tail)"))
                parts.append(
                    table(
                        change.headlineTable(pair), id: "change-headline-\(slug(pair.label))",
                        caption: "Headline measures \(pair.before.label) → \(pair.after.label) (p: dyad-swap test of "
                            + "\(pair.swaps) draws over the \(pair.swappablePairs) pairs tied in either wave; –: not tested)"))
            }
            if !section.membersTable.rows.isEmpty {
                parts.append(
                    table(
                        section.membersTable, id: "change-members",
                        caption: "Who and what joined and left, and the chairs that changed hands"))
            }
            parts.append(
                "<p>Every value is in <code>tables/change.csv</code> (named as <code>partnernet change --format csv</code> "
                    + "names them). The same from the command line: <code>\(e(section.command))</code></p>")
            return parts
        }
    }

    /// An id-safe form of a pair's label.
    static func slug(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func sections(of report: EvaluationReport) -> [(id: String, title: String)] {
        var list = [("summary", "Summary")]
        if report.change != nil { list.append(("change", "Change")) }
        list += [("diagram", "The partnership"), ("centrality", "Who is central"), ("silos", "Silos")]
        if report.dominance != nil { list.append(("dominance", "Dominance")) }
        list.append(("sectors", "Every sector"))
        if !report.analysis.relationAnalyses.isEmpty { list.append(("relations", "By relation")) }
        if report.analysis.tiePredictors != nil { list.append(("predictors", "What predicts ties")) }
        if report.balance != nil { list.append(("balance", "Balance of power")) }
        list.append(("brokerage", "Brokerage"))
        if report.architecture != nil { list.append(("architecture", "Architecture")) }
        if report.survey != nil { list.append(("survey", "Survey")) }
        if report.scenario != nil { list.append(("scenario", "Scenario")) }
        list.append(("methods", "Methods"))
        return list
    }

    static func nav(_ sections: [(id: String, title: String)]) -> String {
        "<nav>" + sections.map { "<a href=\"#\($0.id)\">\(e($0.title))</a>" }.joined(separator: " ") + "</nav>"
    }

    static func section(_ id: String, _ title: String, _ content: () -> [String]) -> String {
        (["<section id=\"\(id)\"><h2>\(e(title))</h2>"] + content() + ["</section>"]).joined(separator: "\n")
    }

    /// A table in a scrolling box, numbers right-aligned with their exact value in `data-value`.
    public static func table(_ table: ResultTable, id: String, caption: String, sortable: Bool = false) -> String {
        var out = [
            "<div class=\"scroll\"><table id=\"\(e(id))\"\(sortable ? " class=\"sortable\"" : "")><caption>\(e(caption))</caption><thead><tr>"
        ]
        out.append(table.columns.map { "<th scope=\"col\">\(e($0))</th>" }.joined())
        out.append("</tr></thead><tbody>")
        // A column whose numbers are all whole prints them without decimals, as text tables do.
        let whole = table.columns.indices.map { column in
            table.rows.allSatisfy { row in
                if case .number(let value?, _) = row[column] { return value == value.rounded() }
                return true
            }
        }
        for row in table.rows {
            out.append(
                "<tr>"
                    + row.enumerated().map { column, value in
                        if whole[column], case .number(let number, _) = value {
                            return cell(.number(number, isCount: true))
                        }
                        return cell(value)
                    }.joined() + "</tr>")
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }

    static func cell(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): "<td>\(e(text))</td>"
        case .number(let value?, _) where value.isFinite:
            "<td class=\"num\" data-value=\"\(formatNumber(value))\">\(e(ResultTable.readable(cell)))</td>"
        case .number: "<td class=\"num\" data-value=\"\">–</td>"
        }
    }

    /// The density-by-groups matrix as a heat map: the darker, the denser.
    static func heatMap(_ report: EvaluationReport) -> String {
        let names = report.silos.groups.names
        let densities = report.silos.mixing.densities
        let maximum = densities.flatMap { $0 }.compactMap { $0 }.max() ?? 0
        var out = [
            "<div class=\"scroll\"><table id=\"mixing\" class=\"heat\"><caption>Density of ties from each group (rows) to each group (columns)</caption><thead><tr><th scope=\"col\">from \\ to</th>"
        ]
        out.append(names.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>")
        for (a, name) in names.enumerated() {
            var row = "<tr><th scope=\"row\">\(e(name))</th>"
            for b in names.indices {
                let value = densities[a][b]
                let share = maximum > 0 ? (value ?? 0) / maximum : 0
                let background = Self.shade(share)
                let colour = share > 0.55 ? "#ffffff" : "#1a1a1a"
                row +=
                    "<td class=\"num\" style=\"background:\(background);color:\(colour)\" data-value=\"\(value.map(formatNumber) ?? "")\">"
                    + "\(e(ResultTable.readable(.number(value, isCount: false))))</td>"
            }
            out.append(row + "</tr>")
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }

    /// White to blue (#0072B2, the palette's blue) by `share` in 0…1.
    static func shade(_ share: Double) -> String {
        let t = max(0, min(1, share))
        let (r, g, b) = (255 - t * 255, 255 - t * (255 - 114), 255 - t * (255 - 178))
        return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }

    static func e(_ text: String) -> String { markupEscaped(text) }

    /// The whole document around `body`.
    public static func page(title: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="PartnerNet \(e(PartnerNetVersion.string))"/>
        <title>\(e(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        <script>
        //<![CDATA[
        \(script)
        //]]>
        </script>
        </body>
        </html>

        """
    }

    static let css = """
        :root { --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d9d9d9; --accent: #0072B2; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fafafa; line-height: 1.45; }
        main { max-width: 1120px; margin: 0 auto; padding: 24px 20px 60px; background: #ffffff; }
        h1 { font-size: 1.7rem; margin: 0 0 4px; }
        h2 { font-size: 1.25rem; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        .meta, .note, figcaption { color: var(--muted); font-size: 0.9rem; }
        nav { position: sticky; top: 0; background: #ffffff; padding: 8px 0; border-bottom: 1px solid var(--rule); z-index: 1; }
        nav a { margin-right: 14px; color: var(--accent); text-decoration: none; font-weight: 600; }
        ul.findings li, ul.verdicts li { margin: 4px 0; }
        .tag { display: inline-block; min-width: 12em; color: var(--muted); font-size: 0.85rem; }
        figure.diagram { margin: 0 0 16px; border: 1px solid var(--rule); padding: 8px; overflow: auto; }
        figure.diagram svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
        .scroll { overflow-x: auto; margin: 12px 0 20px; }
        table { border-collapse: collapse; font-size: 0.88rem; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { padding: 3px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { background: #f0f4f8; position: sticky; top: 0; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.sortable thead th { cursor: pointer; }
        table.sortable thead th[aria-sort]::after { content: " \\2195"; color: var(--muted); }
        dl.definitions dt { font-family: ui-monospace, Menlo, Consolas, monospace; margin-top: 8px; }
        dl.definitions dd { margin-left: 20px; }
        code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.88em; word-break: break-all; }
        @media (max-width: 640px) { .tag { display: block; min-width: 0; } main { padding: 16px 12px 40px; } }
        @media print { nav { display: none; } main { max-width: none; } }
        """

    static let script = """
        document.querySelectorAll("table.sortable").forEach(function (table) {
          table.querySelectorAll("thead th").forEach(function (th, column) {
            th.setAttribute("aria-sort", "none");
            th.addEventListener("click", function () {
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              var down = th.getAttribute("aria-sort") !== "descending";
              rows.sort(function (a, b) {
                var x = a.cells[column], y = b.cells[column];
                var p = x.dataset.value, q = y.dataset.value;
                if (p !== undefined && q !== undefined) {
                  var u = p === "" ? -Infinity : parseFloat(p), v = q === "" ? -Infinity : parseFloat(q);
                  return down ? v - u : u - v;
                }
                return down ? y.textContent.localeCompare(x.textContent) : x.textContent.localeCompare(y.textContent);
              });
              table.querySelectorAll("thead th").forEach(function (other) { other.setAttribute("aria-sort", "none"); });
              th.setAttribute("aria-sort", down ? "descending" : "ascending");
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """
}
