import PartnerNetCore
import PartnerNetMetrics

/// The network values a CUG test can take, by their catalogue names, each computed by the
/// catalogue's own code on every random graph.
public enum CUGStatistic {
    /// Names accepted: every network measure of the catalogue, `ei_index`,
    /// `modularity_groups` and `focal_share[M]` for a node measure M.
    public static var names: [String] {
        NetworkMeasure.allCases.map(\.rawValue) + ["ei_index", "modularity_groups"]
            + NodeMeasure.allCases.filter { !$0.needsParameter }.map { "focal_share[\($0.rawValue)]" }
    }

    /// The statistic `name` over graphs with `graph`'s organisations: groups from the
    /// organisation column `groups` (E-I, modularity), the focal sector `focalSector` (or
    /// the area's) for a focal share.
    ///
    /// - Throws: ``AnalysisError`` for an unknown name (suggesting the closest), column or
    ///   focal sector.
    public static func statistic(
        named name: String, area: Area, graph: Graph, groups column: String = "sector", focalSector: String? = nil
    ) throws(AnalysisError) -> @Sendable (Graph) -> Double? {
        if let measure = NetworkMeasure(rawValue: name) {
            return { graph in (try? measure.value(in: graph, options: MeasureOptions())) ?? nil }
        }
        if name == "ei_index" || name == "modularity_groups" {
            let columns = area.organisationColumns
            guard columns.contains(where: { $0.lowercased() == column.lowercased() }) else {
                throw .unknownColumn(column, option: "--groups", available: columns)
            }
            let groups = Groups(attribute: column, area: area, graph: graph)
            if name == "ei_index" { return { graph in graph.eiIndex(groups: groups).network.index } }
            let membership = groups.membership
            return { graph in graph.modularity(of: membership) }
        }
        if name.hasPrefix("focal_share["), name.hasSuffix("]"),
            let measure = NodeMeasure(rawValue: String(name.dropFirst("focal_share[".count).dropLast())),
            !measure.needsParameter
        {
            let sector = focalSector ?? area.focalSector
            let focal: FocalSet
            do {
                focal = try FocalSet(sector: sector, in: area, graph: graph)
            } catch {
                throw .unknownFocalSector(sector, found: area.sectors, closest: closestMatch(to: sector, in: area.sectors))
            }
            return { graph in
                guard let scores = try? measure.scores(in: graph, options: MeasureOptions()) else { return nil }
                return focal.share(of: scores).share
            }
        }
        throw .unknownStatistic(name, available: names, closest: closestMatch(to: name, in: names))
    }
}
