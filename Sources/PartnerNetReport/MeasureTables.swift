import PartnerNetCore
import PartnerNetMetrics

extension ResultTable {
    /// One row per organisation, first column `id`, then one column per measure, named as
    /// in Docs/METRICS.md.
    ///
    /// - Parameters:
    ///   - options: parameters of the measures (weights, α, β, damping, iteration cap).
    ///   - area: the area the graph was built from, to look up `attributes`.
    ///   - attributes: organisation fields to show after `id`: `name` (the display name),
    ///     `sector`, `subsector` or any extra column; empty where an organisation has none.
    /// - Throws: the first ``MetricError`` of a measure that cannot be computed.
    public static func nodeScores(
        _ measures: [NodeMeasure], in graph: Graph, options: MeasureOptions = MeasureOptions(), area: Area? = nil,
        attributes: [String] = []
    ) throws(MetricError) -> ResultTable {
        var columns: [(measure: NodeMeasure, scores: [Double]?)] = []
        for measure in measures { columns.append((measure, try measure.scores(in: graph, options: options))) }
        return nodeScores(columns, in: graph, area: area, attributes: attributes)
    }

    /// One row per organisation from scores already computed: first column `id`, then one
    /// column per measure; a measure without scores (`nil`) gives an empty column, and a
    /// NaN score (undefined for that node) an empty cell.
    public static func nodeScores(
        _ columns: [(measure: NodeMeasure, scores: [Double]?)], in graph: Graph, area: Area? = nil,
        attributes: [String] = []
    ) -> ResultTable {
        var organisations: [String: Organisation] = [:]
        for organisation in area?.organisations ?? [] where organisations[organisation.id] == nil {
            organisations[organisation.id] = organisation
        }
        let rows = (0..<graph.nodeCount).map { node in
            let organisation = organisations[graph.labels[node]]
            return [Cell.text(graph.labels[node])]
                + attributes.map { name in Cell.text(organisation.map { field(name, of: $0) } ?? "") }
                + columns.map { column in
                    // NaN marks a node where the measure is undefined: an empty cell.
                    let score = column.scores?[node]
                    return Cell.number(score?.isNaN == true ? nil : score, isCount: column.measure.isCount)
                }
        }
        return ResultTable(columns: ["id"] + attributes + columns.map(\.measure.rawValue), rows: rows)
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
    ///
    /// - Throws: the first ``MetricError`` of a measure that cannot be computed with `options`.
    public static func networkValues(
        _ measures: [NetworkMeasure], in graph: Graph, options: MeasureOptions = MeasureOptions()
    ) throws(MetricError) -> ResultTable {
        var rows: [[Cell]] = []
        for measure in measures {
            rows.append([
                .text(measure.rawValue),
                .number(try measure.value(in: graph, options: options), isCount: measure.isCount),
            ])
        }
        return ResultTable(columns: ["metric", "value"], rows: rows)
    }
}
