import PartnerNetCore
import PartnerNetMetrics

/// Node measures attached to an area as organisation columns, so that a file written for
/// Gephi, R or igraph carries them (`partnernet convert --with-metrics`).
public enum MeasureColumns {
    /// `area` with one column per measure, named as in Docs/METRICS.md (`betweenness`), each
    /// organisation's score written as the shortest text that reads back as it; an
    /// undefined score (NaN) leaves the cell empty.
    ///
    /// - Parameters:
    ///   - graph: the graph the scores are computed on; its nodes are the area's
    ///     organisations in table order (``Graph/init(area:relations:)``).
    /// - Returns: the area and the names of columns that replaced existing ones.
    /// - Throws: ``MetricError`` when a measure cannot be computed on `graph`.
    /// - Complexity: that of the measures.
    public static func attach(
        _ measures: [NodeMeasure], to area: Area, graph: Graph, options: MeasureOptions
    ) throws(MetricError) -> (area: Area, replaced: [String]) {
        var area = area
        var replaced: [String] = []
        for measure in measures {
            let scores = try measure.scores(in: graph, options: options)
            let column = measure.rawValue
            if area.extraColumns.organisations.contains(column)
                || area.organisations.contains(where: { $0.attributes[column] != nil })
            {
                replaced.append(column)
            } else {
                area.extraColumns.organisations.append(column)
            }
            for index in area.organisations.indices {
                guard let handle = graph.handles[area.organisations[index].id] else { continue }
                let score = scores[handle]
                area.organisations[index].attributes[column] = score.isNaN ? nil : formatNumber(score)
            }
        }
        return (area, replaced)
    }
}
