import PartnerNetCore
import PartnerNetMetrics

extension ResultTable {
    /// One row per organisation, first column `id`, then one column per measure, named as
    /// in METRICS.md.
    public static func nodeScores(_ measures: [NodeMeasure], in graph: Graph) -> ResultTable {
        let scores = measures.map { $0.scores(in: graph) }
        let rows = (0..<graph.nodeCount).map { node in
            [Cell.text(graph.labels[node])]
                + measures.indices.map { Cell.number(scores[$0][node], isCount: measures[$0].isCount) }
        }
        return ResultTable(columns: ["id"] + measures.map(\.rawValue), rows: rows)
    }

    /// Network-level measures as `metric,value` rows.
    public static func networkValues(_ measures: [NetworkMeasure], in graph: Graph) -> ResultTable {
        ResultTable(
            columns: ["metric", "value"],
            rows: measures.map { [.text($0.rawValue), .number($0.value(in: graph), isCount: $0.isCount)] })
    }
}
