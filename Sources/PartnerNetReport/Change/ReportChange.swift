import Foundation
import PartnerNetCore
import PartnerNetGraphviz

/// A report's "Change" section (`partnernet report --waves …`): the report is of the last
/// wave, and this section says how the partnership got there. Everything in it is
/// ``ChangeReport``'s, as `partnernet change` prints it with the same settings: the
/// reading, the `metric,value` rows (the same names as `change --format csv`), who joined
/// and left; plus the ``ChangeDiagram`` (one layout for every wave, ties kept, gained and
/// lost told apart without colour) and the ``ChangeChart`` (the headline measures per wave).
public struct ReportChange: Sendable {
    public let change: ChangeReport
    /// How the waves were named on the command line: `["--waves", "A", "B"]`, or
    /// `["AREA", "--waves", "DATE,DATE"]`.
    public let waveArguments: [String]
    public let diagram: ChangeDiagram?
    /// Each panel of the diagram as an SVG element, in the order of ``ChangeDiagram/panels``.
    public let diagramSVGs: [String]
    /// Why there is no diagram, when there is none.
    public let diagramNote: String?
    public let chart: ChangeChart

    /// The section for `change`, its diagram drawn with Graphviz.
    public init(change: ChangeReport, waveArguments: [String]) {
        self.change = change
        self.waveArguments = waveArguments
        chart = ChangeChart(report: change)
        do {
            let diagram = try ChangeDiagram(report: change)
            diagramSVGs = try diagram.panels.map { try diagram.svg($0) }
            self.diagram = diagram
            diagramNote = nil
        } catch {
            diagram = nil
            diagramSVGs = []
            diagramNote = "the diagram of change could not be drawn: \(error)"
        }
    }

    /// `change` (the `metric,value` rows of `partnernet change --format csv`) and
    /// `change_members` (who and what joined and left, and the chairs that changed hands).
    public var tables: [(name: String, table: ResultTable)] {
        [("change", change.table), ("change_members", membersTable)]
    }

    /// `pair,change,id,name,detail`: per pair, each organisation that `joined` or `left`
    /// (detail: its sector), each partnership `new` or `ended`, and each `chair changed`
    /// (detail: the chairs' ids before → after).
    public var membersTable: ResultTable {
        var rows: [[Cell]] = []
        for pair in change.pairs {
            for organisation in pair.entered {
                rows.append([
                    .text(pair.label), .text("joined"), .text(organisation.id), .text(organisation.displayName),
                    .text(organisation.sector),
                ])
            }
            for organisation in pair.left {
                rows.append([
                    .text(pair.label), .text("left"), .text(organisation.id), .text(organisation.displayName),
                    .text(organisation.sector),
                ])
            }
            for partnership in pair.partnershipsEntered {
                rows.append([
                    .text(pair.label), .text("new partnership"), .text(partnership.id), .text(partnership.displayName),
                    .text(""),
                ])
            }
            for partnership in pair.partnershipsLeft {
                rows.append([
                    .text(pair.label), .text("partnership ended"), .text(partnership.id),
                    .text(partnership.displayName), .text(""),
                ])
            }
            for chair in pair.chairChanges {
                rows.append([
                    .text(pair.label), .text("chair changed"), .text(chair.partnership.id),
                    .text(chair.partnership.displayName),
                    .text(chair.before.joined(separator: " + ") + " → " + chair.after.joined(separator: " + ")),
                ])
            }
        }
        return ResultTable(columns: ["pair", "change", "id", "name", "detail"], rows: rows)
    }

    /// The waves' labels joined: "northbridge → northbridge_2026".
    public var wavesText: String { change.waves.map(\.label).joined(separator: " → ") }

    /// Whether a pair is the first-against-last one (with more than two waves).
    public func isOverall(_ pair: WavePairChange) -> Bool {
        change.waves.count > 2 && pair.before.label == change.waves[0].label
            && pair.after.label == change.waves.last!.label
    }

    /// The command that prints the same values: `partnernet change WAVES --permutations N
    /// --seed S`, with the relations and focal sector when set.
    public var command: String {
        var parts = ["partnernet", "change"]
        if waveArguments.first == "--waves" {
            parts += waveArguments.dropFirst().map(ReportScenario.word)
        } else {
            parts += waveArguments.map(ReportScenario.word)
        }
        let analysis = change.settings.analysis
        if !analysis.relations.isEmpty {
            parts += ["--relation", ReportScenario.word(analysis.relations.joined(separator: ","))]
        }
        if let focal = analysis.focalSector { parts += ["--focal-sector", ReportScenario.word(focal)] }
        parts += ["--permutations", String(change.settings.permutations), "--seed", String(change.settings.seed)]
        return parts.joined(separator: " ")
    }

    /// The file each diagram panel is written to beside the page.
    public func diagramFile(_ index: Int) -> String {
        diagramSVGs.count == 1 ? "change-diagram.svg" : "change-diagram-\(index + 1).svg"
    }

    public static let chartFile = "change-chart.svg"

    /// The chart's SVG.
    public var chartSVG: String {
        chart.svg(title: "Headline measures per wave (\(wavesText))")
    }
}
