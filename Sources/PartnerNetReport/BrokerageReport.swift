import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// Everything `partnernet brokerage` reports for one area and grouping: Gould–Fernandez
/// role counts of every organisation and group with what a random network of the same
/// density gives (R `sna::brokerage`), Burt's constraint, effective size, efficiency and
/// hierarchy, and plain-language lines, each traceable to those numbers.
public struct BrokerageReport: Sendable {
    /// The attribute the groups come from (`sector` by default).
    public let attribute: String
    public let groups: Groups
    public let roles: BrokerageRoles
    public let holes: StructuralHoles
    /// Whether Burt's measures use tie weights (the roles never do).
    public let weighted: Bool
    public let labels: [String]
    public let names: [String]
    public let isDirected: Bool

    public init(area: Area, graph: Graph, attribute: String = "sector", weighted: Bool = false) {
        self.attribute = attribute
        self.groups = Groups(attribute: attribute, area: area, graph: graph)
        self.roles = graph.brokerageRoles(groups: groups)
        self.holes = graph.structuralHoles(weighted: weighted)
        self.weighted = weighted
        self.labels = graph.labels
        var names: [String: String] = [:]
        for organisation in area.organisations where names[organisation.id] == nil {
            names[organisation.id] = organisation.displayName
        }
        self.names = graph.labels.map { names[$0] ?? $0 }
        self.isDirected = graph.isDirected
    }

    /// The group of `node`.
    func group(of node: Int) -> String { groups.names[groups.membership[node]] }

    /// The expected count of `role` summed over the members of `group`.
    public func groupExpected(_ role: BrokerageRole, group: Int) -> Double {
        Double(groups.sizes[group]) * roles.expected(role, inGroup: group)
    }

    // MARK: Verdicts

    /// What each role means for the organisation that holds it most.
    static func leadPhrase(_ role: BrokerageRole, word: String) -> String {
        switch role {
        case .coordinator: "the main broker within its own \(word)"
        case .itinerant: "the main go-between for members of another \(word)"
        case .representative: "the main channel from its own \(word) out to others"
        case .gatekeeper: "the main gatekeeper into its own \(word)"
        case .liaison: "the main broker between other \(word)s"
        case .total: "the busiest broker overall"
        }
    }

    /// What it means for a group when most of its brokerage is of one kind.
    static func groupPhrase(_ role: BrokerageRole, word: String) -> String {
        switch role {
        case .coordinator: "mostly within their own \(word)"
        case .itinerant: "mostly between members of another \(word)"
        case .representative: "mostly outwards, passing their \(word)'s ties to others"
        case .gatekeeper: "mostly inwards, letting others' ties into their \(word)"
        case .liaison: "mostly between other \(word)s"
        case .total: "in every way"
        }
    }

    /// What to call a group in sentences: "sector" when grouping by sector.
    var groupWord: String { attribute.lowercased() == "sector" ? "sector" : "group" }

    /// Sentences for people: the network against chance, the leading organisation in each
    /// role, what kind of brokerage each group mostly does, and the organisations with
    /// the most and least constrained contacts.
    public var verdicts: [String] {
        var lines: [String] = []
        let total = roles.networkCount(.total)
        lines.append(
            "Overall: \(ReportText.count(total, "brokerage role")) (open two-step paths a → b → c with no tie a → c); "
                + "\(ReportText.short(roles.networkExpected(.total))) expected if ties fell at random with the same "
                + "density (z \(ReportText.decimal(roles.networkZScore(.total))))."
        )
        guard total > 0 else { return lines + holeVerdicts }
        let n = labels.count
        for role in BrokerageRole.roles {
            let counts = roles.counts(role)
            guard let best = counts.max(), best > 0 else { continue }
            let leaders = (0..<n).filter { counts[$0] == best }
            let lead = leaders[0]
            let tied = leaders.count > 1 ? " (tied with \(ReportText.list(leaders.dropFirst().map { names[$0] })))" : ""
            lines.append(
                "\(names[lead]) (\(group(of: lead))): \(ReportText.count(best, "\(role.measureName) role")) "
                    + "(expected \(ReportText.short(roles.expected(role, of: lead))), "
                    + "z \(ReportText.decimal(roles.zScore(role, of: lead)))) — \(Self.leadPhrase(role, word: groupWord))\(tied)."
            )
        }
        for (index, name) in groups.names.enumerated() {
            let groupTotal = roles.groupCount(.total, group: index)
            guard groupTotal > 0 else {
                lines.append("\(name) (\(ReportText.count(groups.sizes[index], "organisation"))): no brokerage roles.")
                continue
            }
            let counts = BrokerageRole.roles.map { roles.groupCount($0, group: index) }
            let best = counts.max()!
            let top = BrokerageRole.roles[counts.firstIndex(of: best)!]
            let size = groups.sizes[index]
            lines.append(
                "\(name) (\(ReportText.count(size, "organisation"))): \(ReportText.count(groupTotal, "role")) against "
                    + "\(ReportText.short(groupExpected(.total, group: index))) expected; they broker "
                    + "\(Self.groupPhrase(top, word: groupWord)) (\(top.measureName): \(best), "
                    + "\(ReportText.percent(Double(best) / Double(groupTotal))))."
            )
        }
        return lines + holeVerdicts
    }

    /// The least and the most constrained organisations with contacts (Burt).
    var holeVerdicts: [String] {
        let measured = labels.indices.filter { holes.constraint[$0].isFinite }
        guard measured.count >= 2 else { return [] }
        let low = measured.min { holes.constraint[$0] < holes.constraint[$1] }!
        let high = measured.max { holes.constraint[$0] < holes.constraint[$1] }!
        func contacts(_ node: Int) -> Int {
            Int((holes.effectiveSize[node] / holes.efficiency[node]).rounded())
        }
        return [
            "Least constrained: \(names[low]) (constraint \(ReportText.decimal(holes.constraint[low])), effective size "
                + "\(ReportText.short(holes.effectiveSize[low])) of \(ReportText.count(contacts(low), "contact"))) — "
                + "its contacts are least tied to each other: the most open access to structural holes.",
            "Most constrained: \(names[high]) (constraint \(ReportText.decimal(holes.constraint[high])), effective size "
                + "\(ReportText.short(holes.effectiveSize[high])) of \(ReportText.count(contacts(high), "contact"))) — "
                + "its contacts are tied to each other or few.",
        ]
    }

    // MARK: Renderings

    /// Network and group values as `metric,value` rows, named as in Docs/METRICS.md: `density`;
    /// for each role (`coordinator` … `brokerage_total`) its network count, `_expected`,
    /// `_sd` and `_z` (sna `raw.gli`, `exp.gli`, `sd.gli`, `z.gli`); for each group, the
    /// count summed over its members `ROLE[GROUP]`, its expectation `ROLE_expected[GROUP]`,
    /// and one member's expectation and standard deviation `ROLE_expected_per_member[GROUP]`,
    /// `ROLE_sd_per_member[GROUP]` (sna `exp.grp`, `sd.grp`).
    public var metricRows: ResultTable {
        var rows: [[Cell]] = []
        func add(_ name: String, _ value: Double?, count: Bool = false) {
            rows.append([.text(name), .number(value.flatMap { $0.isNaN ? nil : $0 }, isCount: count)])
        }
        add("density", roles.density)
        for role in BrokerageRole.allCases {
            let name = role.measureName
            add(name, Double(roles.networkCount(role)), count: true)
            add(name + "_expected", roles.networkExpected(role))
            add(name + "_sd", roles.networkStandardDeviation(role))
            add(name + "_z", roles.networkZScore(role))
        }
        for (index, group) in groups.names.enumerated() {
            add("size[\(group)]", Double(groups.sizes[index]), count: true)
            for role in BrokerageRole.allCases {
                let name = role.measureName
                add("\(name)[\(group)]", Double(roles.groupCount(role, group: index)), count: true)
                add("\(name)_expected[\(group)]", groupExpected(role, group: index))
                add("\(name)_expected_per_member[\(group)]", roles.expected(role, inGroup: index))
                add("\(name)_sd_per_member[\(group)]", roles.standardDeviation(role, inGroup: index))
            }
        }
        return ResultTable(columns: ["metric", "value"], rows: rows)
    }

    /// One row per organisation: its group; for each role its count, expected count and z
    /// (`ROLE`, `ROLE_expected`, `ROLE_z`); then `constraint`, `effective_size`,
    /// `efficiency`, `hierarchy`.
    public var nodeRows: ResultTable {
        var columns = ["id", attribute]
        for role in BrokerageRole.allCases {
            columns += [role.measureName, role.measureName + "_expected", role.measureName + "_z"]
        }
        columns += ["constraint", "effective_size", "efficiency", "hierarchy"]
        func number(_ value: Double) -> Cell { .number(value.isNaN ? nil : value, isCount: false) }
        let rows = labels.indices.map { node -> [Cell] in
            var row: [Cell] = [.text(labels[node]), .text(group(of: node))]
            for role in BrokerageRole.allCases {
                row += [
                    .number(Double(roles.count(role, of: node)), isCount: true), number(roles.expected(role, of: node)),
                    number(roles.zScore(role, of: node)),
                ]
            }
            row += [
                number(holes.constraint[node]), number(holes.effectiveSize[node]), number(holes.efficiency[node]),
                number(holes.hierarchy[node]),
            ]
            return row
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// The report for people.
    public func text(title: String) -> String {
        func number(_ value: Double) -> Cell { .number(value.isNaN ? nil : value, isCount: false) }
        var out: [String] = []
        out.append("Brokerage by \(attribute): \(title)")
        out.append("")
        out.append("What stands out:")
        out += verdicts.map { "  " + $0 }
        out.append("")
        out.append(
            "Roles in the network (expected: a random \(isDirected ? "directed " : "")network of the same density, "
                + "\(ReportText.decimal(roles.density, 4)); sna's moments)")
        out.append(roleTable.rendered(as: .table))
        out.append("Roles by \(attribute) (summed over members; expected in brackets)")
        out.append(groupTable.rendered(as: .table))
        out.append(
            "Organisations (role counts; z of the total; Burt's measures\(weighted ? ", weighted" : ""))")
        out.append(organisationTable.rendered(as: .table))
        return out.joined(separator: "\n")
    }

    // MARK: Tables

    /// Each role in the whole network: count, expected, sd and z (sna's moments).
    public var roleTable: ResultTable {
        func number(_ value: Double) -> Cell { .number(value.isNaN ? nil : value, isCount: false) }
        return ResultTable(
            columns: ["role", "count", "expected", "sd", "z", "what the broker does"],
            rows: BrokerageRole.allCases.map { role in
                [
                    .text(role.measureName), .number(Double(roles.networkCount(role)), isCount: true),
                    number(roles.networkExpected(role)), number(roles.networkStandardDeviation(role)),
                    number(roles.networkZScore(role)), .text(role.summary),
                ]
            })
    }

    /// Role counts summed over each group's members, the expected count in brackets.
    public var groupTable: ResultTable {
        ResultTable(
            columns: ["group", "size"] + BrokerageRole.allCases.map(\.measureName),
            rows: groups.names.indices.map { index in
                [.text(groups.names[index]), .number(Double(groups.sizes[index]), isCount: true)]
                    + BrokerageRole.allCases.map { role in
                        .text(
                            "\(roles.groupCount(role, group: index)) (\(ReportText.short(groupExpected(role, group: index))))"
                        )
                    }
            })
    }

    /// Every organisation, most roles first: role counts, z of the total, Burt's measures.
    public var organisationTable: ResultTable {
        func number(_ value: Double) -> Cell { .number(value.isNaN ? nil : value, isCount: false) }
        let order = labels.indices.sorted { a, b in
            let (x, y) = (roles.count(.total, of: a), roles.count(.total, of: b))
            return x != y ? x > y : a < b
        }
        return ResultTable(
            columns: ["id", attribute] + BrokerageRole.allCases.map(\.measureName)
                + ["total_z", "constraint", "effective_size", "efficiency", "hierarchy"],
            rows: order.map { node in
                [.text(labels[node]), .text(group(of: node))]
                    + BrokerageRole.allCases.map { .number(Double(roles.count($0, of: node)), isCount: true) }
                    + [
                        number(roles.zScore(.total, of: node)), number(holes.constraint[node]),
                        number(holes.effectiveSize[node]), number(holes.efficiency[node]),
                        number(holes.hierarchy[node]),
                    ]
            })
    }

    /// The report as JSON: network, groups and organisations with every number, and the verdicts.
    public func json() -> String {
        let json = ReportText.json
        func roleObject(_ body: (BrokerageRole) -> [String: JSONValue]) -> JSONValue {
            .object(
                Dictionary(
                    uniqueKeysWithValues: BrokerageRole.allCases.map { ($0.measureName, JSONValue.object(body($0))) }))
        }
        let network = roleObject { role in
            [
                "count": .number(Double(roles.networkCount(role))), "expected": json(roles.networkExpected(role)),
                "sd": json(roles.networkStandardDeviation(role)), "z": json(roles.networkZScore(role)),
            ]
        }
        let groupEntries: [JSONValue] = groups.names.indices.map { index in
            .object([
                "group": .string(groups.names[index]), "size": .number(Double(groups.sizes[index])),
                "roles": roleObject { role in
                    [
                        "count": .number(Double(roles.groupCount(role, group: index))),
                        "expected": json(groupExpected(role, group: index)),
                        "expected_per_member": json(roles.expected(role, inGroup: index)),
                        "sd_per_member": json(roles.standardDeviation(role, inGroup: index)),
                    ]
                },
            ])
        }
        let organisations: [JSONValue] = labels.indices.map { node in
            .object([
                "id": .string(labels[node]), "name": .string(names[node]), "group": .string(group(of: node)),
                "roles": roleObject { role in
                    [
                        "count": .number(Double(roles.count(role, of: node))),
                        "expected": json(roles.expected(role, of: node)),
                        "sd": json(roles.standardDeviation(role, of: node)), "z": json(roles.zScore(role, of: node)),
                    ]
                },
                "constraint": json(holes.constraint[node]), "effective_size": json(holes.effectiveSize[node]),
                "efficiency": json(holes.efficiency[node]), "hierarchy": json(holes.hierarchy[node]),
            ])
        }
        return ReportText.encoded(
            .object([
                "groups_attribute": .string(attribute), "directed": .bool(isDirected), "weighted": .bool(weighted),
                "density": json(roles.density), "network": network, "groups": .array(groupEntries),
                "organisations": .array(organisations), "verdicts": .array(verdicts.map(JSONValue.string)),
            ]))
    }
}
