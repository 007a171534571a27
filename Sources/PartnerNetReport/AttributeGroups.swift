import PartnerNetCore
import PartnerNetMetrics

extension Groups {
    /// The label given to organisations with no value in the grouping column.
    public static let noValue = "(none)"

    /// A graph's nodes grouped by an organisation column: `sector`, `subsector` or any
    /// extra column (as ``ResultTable/field(_:of:)`` reads it); organisations without a
    /// value form the group "(none)".
    public init(attribute: String, area: Area, graph: Graph) {
        var organisations: [String: Organisation] = [:]
        for organisation in area.organisations where organisations[organisation.id] == nil {
            organisations[organisation.id] = organisation
        }
        self.init(
            labels: graph.labels.map { id in
                let value = organisations[id].map { ResultTable.field(attribute, of: $0) } ?? ""
                return value.isEmpty ? Self.noValue : value
            })
    }
}

extension Area {
    /// Whether any organisation has a value in `column` (`id`, `name`, `sector`,
    /// `subsector` or an extra column).
    public func hasOrganisationValues(in column: String) -> Bool {
        organisations.contains { !ResultTable.field(column, of: $0).isEmpty }
    }
}
