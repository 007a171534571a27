import PartnerNetCore
import PartnerNetMetrics

extension ResultTable {
    /// One row per organisation, first column `id`, then one column per measure, named as
    /// in METRICS.md.
    ///
    /// - Parameters:
    ///   - area: the area the graph was built from, to look up `attributes`.
    ///   - attributes: organisation fields to show after `id`: `name` (the display name),
    ///     `sector`, `subsector` or any extra column; empty where an organisation has none.
    public static func nodeScores(
        _ measures: [NodeMeasure], in graph: Graph, area: Area? = nil, attributes: [String] = []
    ) -> ResultTable {
        let scores = measures.map { $0.scores(in: graph) }
        var organisations: [String: Organisation] = [:]
        for organisation in area?.organisations ?? [] where organisations[organisation.id] == nil {
            organisations[organisation.id] = organisation
        }
        let rows = (0..<graph.nodeCount).map { node in
            let organisation = organisations[graph.labels[node]]
            return [Cell.text(graph.labels[node])]
                + attributes.map { name in Cell.text(organisation.map { field(name, of: $0) } ?? "") }
                + measures.indices.map { Cell.number(scores[$0][node], isCount: measures[$0].isCount) }
        }
        return ResultTable(columns: ["id"] + attributes + measures.map(\.rawValue), rows: rows)
    }

    /// An organisation's field by column name: `id`, `name` (the display name), `sector`,
    /// `subsector`, or an extra column; "" when absent.
    static func field(_ name: String, of organisation: Organisation) -> String {
        switch name.lowercased() {
        case "id": organisation.id
        case "name": organisation.displayName
        case "sector": organisation.sector
        case "subsector": organisation.subsector ?? ""
        default: organisation.attributes[name] ?? ""
        }
    }

    /// The rows ordered by a numeric column, highest first; undefined values last; ties
    /// keep their order.
    public func sorted(byColumn column: String) -> ResultTable {
        guard let index = columns.firstIndex(of: column) else { return self }
        func key(_ row: [Cell]) -> Double {
            if case .number(let value?, _) = row[index], !value.isNaN { return value }
            return -.infinity
        }
        let ordered = rows.enumerated().sorted { left, right in
            let (a, b) = (key(left.element), key(right.element))
            return a != b ? a > b : left.offset < right.offset
        }
        return ResultTable(columns: columns, rows: ordered.map(\.element))
    }

    /// Network-level measures as `metric,value` rows.
    public static func networkValues(_ measures: [NetworkMeasure], in graph: Graph) -> ResultTable {
        ResultTable(
            columns: ["metric", "value"],
            rows: measures.map { [.text($0.rawValue), .number($0.value(in: graph), isCount: $0.isCount)] })
    }
}
