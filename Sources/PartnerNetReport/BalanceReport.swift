import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// Voting power on one partnership board: its members' votes, the quota, and each
/// member's normalised Banzhaf and Shapley–Shubik power (Docs/METRICS.md `banzhaf[P]`,
/// `shapley_shubik[P]`), also summed by group.
public struct BoardPower: Sendable {
    public let id: String
    public let name: String
    /// The members in the order of `memberships.csv`; an organisation with several seats
    /// on the board is one member holding their votes together (it votes as one).
    public let members: [String]
    /// Role of each member (its first seat's, when it has several).
    public let memberRoles: [MembershipRole]
    public let votes: [Int]
    public let quota: Int
    /// Whether the quota is the default, more than half of all votes.
    public let quotaIsDefault: Bool
    /// Normalised Banzhaf power of each member; `nil` when no member can swing a
    /// decision (the quota is out of reach). Members with no votes score 0.
    public let banzhaf: [Double]?
    /// Shapley–Shubik power of each member; `nil` as for ``banzhaf``.
    public let shapleyShubik: [Double]?
    /// `nil` when both indices are exact; otherwise the game was too large to count within
    /// ``WeightedVotingGame/Budget`` and the indices are estimated by seeded sampling, with
    /// this standard error (the larger of the two).
    public let powerStandardError: Double?

    /// All votes on the board.
    public var totalVotes: Int { votes.reduce(0, +) }

    /// The board of partnership `partnership` of `area`, its game solved exactly.
    public init(partnership: Partnership, area: Area) {
        var members: [String] = []
        var roles: [MembershipRole] = []
        var votes: [Int] = []
        var position: [String: Int] = [:]
        for seat in area.memberships where seat.partnership == partnership.id {
            if let index = position[seat.organisation] {
                votes[index] += seat.votes
            } else {
                position[seat.organisation] = members.count
                members.append(seat.organisation)
                roles.append(seat.role)
                votes.append(seat.votes)
            }
        }
        self.id = partnership.id
        self.name = partnership.displayName
        self.members = members
        self.memberRoles = roles
        self.votes = votes
        let total = votes.reduce(0, +)
        self.quota = partnership.effectiveQuota(totalVotes: total)
        self.quotaIsDefault = partnership.quota == nil
        let game = WeightedVotingGame(votes: votes, quota: quota)
        let banzhaf = game.banzhafIndices()
        let shapley = game.shapleyShubikIndices()
        self.banzhaf = banzhaf?.values
        self.shapleyShubik = shapley?.values
        self.powerStandardError =
            (banzhaf?.isExact ?? true) && (shapley?.isExact ?? true)
            ? nil : max(banzhaf?.standardError ?? 0, shapley?.standardError ?? 0)
    }

    /// Each member's share of the votes; `nil` when the board has no votes.
    public var voteShares: [Double]? {
        let total = totalVotes
        return total > 0 ? votes.map { Double($0) / Double(total) } : nil
    }
}

/// Why a balance report cannot be made with the measure asked for.
public enum BalanceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The measure itself cannot be computed (see ``MetricError``).
    case metric(NodeMeasure, MetricError)
    /// The measure is undefined for some organisations (Burt's measures of isolates).
    case undefinedValues(NodeMeasure, organisations: [String])
    /// The measure is negative for some organisations: shares and inequality need 0 or more.
    case negativeValues(NodeMeasure, organisations: [String])

    public var description: String {
        func some(_ ids: [String]) -> String {
            ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? " and \(ids.count - 3) more" : "")
        }
        return switch self {
        case .metric(let measure, let error): "\(measure.rawValue): \(error.description)"
        case .undefinedValues(let measure, let ids):
            "\(measure.rawValue) is undefined for \(some(ids)); shares need a value for every organisation: choose another measure"
        case .negativeValues(let measure, let ids):
            "\(measure.rawValue) is negative for \(some(ids)); shares and inequality need values of 0 or more: choose another measure"
        }
    }
}

/// Everything `partnernet balance` reports for one area: how evenly a measure of power is
/// spread over organisations (Gini, HHI) and groups (shares, representation ratios,
/// evenness), and voting power on each partnership board, with plain-language lines each
/// traceable to one of those numbers.
public struct BalanceReport: Sendable {
    /// The measure of power the shares are of.
    public let measure: NodeMeasure
    /// The attribute the groups come from (`sector` by default).
    public let attribute: String
    public let groups: Groups
    /// The measure for every organisation, by node handle.
    public let values: [Double]
    public let gini: Double?
    public let hhi: Double?
    public let hhiNormalized: Double?
    /// Each group's share of the measure, by group index; `nil` when it sums to 0.
    public let shares: [Double?]
    /// Each group's share over its share of organisations, by group index.
    public let representationRatios: [Double?]
    public let evenness: Double?
    public let boards: [BoardPower]
    public let labels: [String]
    public let names: [String]
    /// The group the focal-sector lines are about: the area's focal sector, when it is one
    /// of the groups.
    public let focalGroup: String?
    let groupOf: [String: String]

    /// - Parameter precomputed: the measure's scores on `graph` with `options`, when
    ///   already computed.
    /// - Throws: ``BalanceError`` when the measure cannot be computed, or is undefined or
    ///   negative for some organisation.
    public init(
        area: Area, graph: Graph, measure: NodeMeasure = .betweenness, options: MeasureOptions = MeasureOptions(),
        attribute: String = "sector", values precomputed: [Double]? = nil
    ) throws(BalanceError) {
        let groups = Groups(attribute: attribute, area: area, graph: graph)
        var options = options
        if options.groups == nil { options.groups = groups }
        let values: [Double]
        if let precomputed {
            values = precomputed
        } else {
            do {
                values = try measure.scores(in: graph, options: options)
            } catch {
                throw .metric(measure, error)
            }
        }
        let undefined = graph.labels.indices.filter { !values[$0].isFinite }.map { graph.labels[$0] }
        if !undefined.isEmpty { throw .undefinedValues(measure, organisations: undefined) }
        let negative = graph.labels.indices.filter { values[$0] < 0 }.map { graph.labels[$0] }
        if !negative.isEmpty { throw .negativeValues(measure, organisations: negative) }

        self.measure = measure
        self.attribute = attribute
        self.groups = groups
        self.values = values
        self.gini = Inequality.gini(values)
        self.hhi = Inequality.herfindahl(values)
        self.hhiNormalized = Inequality.normalizedHerfindahl(values)
        let labels = groups.membership.map { groups.names[$0] }
        // Inequality lists groups in order of first appearance, as Groups does.
        self.shares = Inequality.shares(values, groups: labels).map(\.share)
        self.representationRatios = Inequality.representationRatios(values, groups: labels).map(\.ratio)
        self.evenness = Inequality.evenness(values, groups: labels)
        self.boards = area.partnerships.map { BoardPower(partnership: $0, area: area) }.filter { !$0.members.isEmpty }
        self.labels = graph.labels
        var names: [String: String] = [:]
        for organisation in area.organisations where names[organisation.id] == nil {
            names[organisation.id] = organisation.displayName
        }
        self.names = graph.labels.map { names[$0] ?? $0 }
        self.groupOf = Dictionary(zip(graph.labels, labels), uniquingKeysWith: { first, _ in first })
        self.focalGroup = groups.names.contains(area.focalSector) ? area.focalSector : nil
        self.displayNames = names
    }

    let displayNames: [String: String]

    /// The group of an organisation by id ("(none)" when it is not in the graph).
    public func group(of id: String) -> String { groupOf[id] ?? Groups.noValue }

    func displayName(_ id: String) -> String { displayNames[id] ?? id }

    /// Each organisation's share of the measure; `nil` when it sums to 0.
    public var organisationShares: [Double]? {
        let total = values.reduce(0, +)
        return total > 0 ? values.map { $0 / total } : nil
    }

    /// Sums of `values` (one per member of `board`) by group, in order of first appearance
    /// on the board: (group, seats, sum).
    public func groupSums(_ board: BoardPower, _ values: [Double]) -> [(group: String, seats: Int, sum: Double)] {
        board.groupSums(values, groupOf: group(of:))
    }

    // MARK: Verdicts

    /// Sentences for people: concentration of the measure, the leading organisation, each
    /// group's share against its share of organisations, and on every board the focal
    /// sector's (or leading group's) votes against its power and the largest gap for one
    /// organisation.
    public var verdicts: [String] {
        var lines: [String] = []
        let name = measure.rawValue
        let n = labels.count
        if let gini, let hhi {
            let concentration =
                gini >= 0.6 ? "highly concentrated" : gini >= 0.3 ? "unevenly spread" : "fairly evenly spread"
            lines.append(
                "\(name) is \(concentration) over the \(n) organisations: Gini \(ReportText.decimal(gini)) "
                    + "(0 = all equal), HHI \(ReportText.decimal(hhi, 3)) (\(ReportText.decimal(1 / Double(n), 3)) if "
                    + "all held the same; normalised \(ReportText.decimal(hhiNormalized ?? .nan, 3)))."
            )
        } else {
            lines.append("\(name) is 0 for every organisation, so it has no shares to compare.")
            return lines + boardVerdicts
        }
        if let shares = organisationShares, let top = shares.indices.max(by: { shares[$0] < shares[$1] }) {
            lines.append(
                "\(names[top]) (\(groups.names[groups.membership[top]])) holds the largest share of \(name): "
                    + "\(ReportText.percent(shares[top])).")
        }
        for (index, group) in groups.names.enumerated() {
            guard let share = shares[index], let ratio = representationRatios[index] else { continue }
            let size = groups.sizes[index]
            let seats = Double(size) / Double(n)
            // A ratio alone is not a finding: whether it is beyond chance is the random-set
            // test's to say (sector_share_p_low / p_high in the report and `dominance --all-sectors`).
            lines.append(
                "\(group): \(size) of \(n) organisations (\(ReportText.percent(seats))) hold "
                    + "\(ReportText.percent(share)) of \(name) (representation ratio \(ReportText.decimal(ratio)); "
                    + "1 is its share of organisations)."
            )
        }
        if let evenness {
            lines.append(
                "Evenness across \(attribute == "sector" ? "sectors" : "groups"): \(ReportText.decimal(evenness)) "
                    + "(1 = every \(attribute == "sector" ? "sector" : "group") holds the same share of \(name), 0 = one holds it all)."
            )
        }
        return lines + boardVerdicts
    }

    var boardVerdicts: [String] {
        var lines: [String] = []
        for board in boards {
            let total = board.totalVotes
            guard let banzhaf = board.banzhaf, let shapley = board.shapleyShubik, let voteShares = board.voteShares
            else {
                lines.append(
                    "\(board.name): no coalition can carry a decision (quota \(board.quota) of \(ReportText.count(total, "vote")))."
                )
                continue
            }
            let votes = groupSums(board, board.votes.map(Double.init))
            let power = groupSums(board, banzhaf)
            let ss = groupSums(board, shapley)
            let leading = power.indices.max { power[$0].sum < power[$1].sum }!
            let focal = focalGroup.flatMap { focal in power.firstIndex { $0.group == focal } } ?? leading
            let g = power[focal]
            let voteShare = votes[focal].sum / Double(total)
            let connector =
                g.sum >= voteShare + 0.005 ? "but" : g.sum <= voteShare - 0.005 ? "but only" : "and, in line with them,"
            lines.append(
                "\(board.name): \(g.group) organisations (\(ReportText.count(g.seats, "seat"))) hold \(Int(votes[focal].sum)) "
                    + "of \(total) votes (\(ReportText.percent(voteShare))) \(connector) \(ReportText.percent(g.sum)) of "
                    + "Banzhaf power (Shapley–Shubik \(ReportText.percent(ss[focal].sum))); quota \(board.quota)"
                    + "\(board.quotaIsDefault ? ", more than half" : "")"
                    + (board.powerStandardError.map {
                        "; power estimated by sampling (standard error \(ReportText.decimal($0, 4)))"
                    } ?? "") + "."
            )
            // The member whose power departs most from its share of the votes.
            let gaps = board.members.indices.filter { board.votes[$0] > 0 }
            if let widest = gaps.max(by: { abs(banzhaf[$0] - voteShares[$0]) < abs(banzhaf[$1] - voteShares[$1]) }),
                abs(banzhaf[widest] - voteShares[widest]) >= 0.005
            {
                let member = board.members[widest]
                let more = banzhaf[widest] > voteShares[widest]
                lines.append(
                    "  \(displayName(member)) holds \(board.votes[widest]) of \(total) votes "
                        + "(\(ReportText.percent(voteShares[widest]))) but \(ReportText.percent(banzhaf[widest])) of Banzhaf power "
                        + "— the widest gap on this board, \(more ? "more" : "less") power than votes.")
            }
            let powerless = gaps.filter { banzhaf[$0] == 0 }
            if !powerless.isEmpty {
                lines.append(
                    "  " + ReportText.list(powerless.map { displayName(board.members[$0]) })
                        + " \(powerless.count == 1 ? "has votes but can" : "have votes but can") never change an outcome."
                )
            }
        }
        return lines
    }

    // MARK: Renderings

    /// Network, group and board values as `metric,value` rows, named as in Docs/METRICS.md:
    /// `gini[M]`, `hhi[M]`, `hhi_normalized[M]`, `organisation_share[S]`,
    /// `sector_share[M,S]`, `representation_ratio[M,S]`, `sector_evenness[M]`; for each
    /// board P `votes[P]`, `quota[P]`, and for each group S on it `seats[P,S]`,
    /// `votes[P,S]`, `vote_share[P,S]`, `banzhaf[P,S]`, `shapley_shubik[P,S]`.
    public var metricRows: ResultTable {
        var rows: [[Cell]] = []
        func add(_ name: String, _ value: Double?, count: Bool = false) {
            rows.append([.text(name), .number(value, isCount: count)])
        }
        let m = measure.rawValue
        add("gini[\(m)]", gini)
        add("hhi[\(m)]", hhi)
        add("hhi_normalized[\(m)]", hhiNormalized)
        let n = Double(labels.count)
        for (index, group) in groups.names.enumerated() {
            add("organisation_share[\(group)]", Double(groups.sizes[index]) / n)
            add("sector_share[\(m),\(group)]", shares[index])
            add("representation_ratio[\(m),\(group)]", representationRatios[index])
        }
        add("sector_evenness[\(m)]", evenness)
        for board in boards {
            for row in board.valueRows(groupOf: group(of:)) { add(row.name, row.value, count: row.isCount) }
        }
        return ResultTable(columns: ["metric", "value"], rows: rows)
    }

    /// One row per organisation: its group, the measure and its share of it, then for
    /// each board P its votes and power (`votes[P]`, `banzhaf[P]`, `shapley_shubik[P]`,
    /// empty where it has no seat).
    public var nodeRows: ResultTable {
        let m = measure.rawValue
        var columns = ["id", attribute, m, "share[\(m)]"]
        for board in boards {
            columns += ["votes[\(board.id)]", "banzhaf[\(board.id)]", "shapley_shubik[\(board.id)]"]
        }
        let shares = organisationShares
        let seats = boards.map { board in
            Dictionary(zip(board.members, board.members.indices), uniquingKeysWith: { a, _ in a })
        }
        let rows = labels.indices.map { node -> [Cell] in
            var row: [Cell] = [
                .text(labels[node]), .text(groups.names[groups.membership[node]]),
                .number(values[node], isCount: measure.isCount), .number(shares?[node], isCount: false),
            ]
            for (index, board) in boards.enumerated() {
                let seat = seats[index][labels[node]]
                row += [
                    .number(seat.map { Double(board.votes[$0]) }, isCount: true),
                    .number(seat.flatMap { board.banzhaf?[$0] }, isCount: false),
                    .number(seat.flatMap { board.shapleyShubik?[$0] }, isCount: false),
                ]
            }
            return row
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// The report for people.
    public func text(title: String) -> String {
        let m = measure.rawValue
        var out: [String] = []
        out.append("Balance of power by \(attribute): \(title)")
        out.append("")
        out.append("What stands out:")
        out += verdicts.map { "  " + $0 }
        out.append("")
        out.append(
            "\(m) across organisations: Gini \(gini.map { ReportText.decimal($0, 4) } ?? "–"), HHI "
                + "\(hhi.map { ReportText.decimal($0, 4) } ?? "–"), normalised HHI \(hhiNormalized.map { ReportText.decimal($0, 4) } ?? "–"), "
                + "evenness across groups \(evenness.map { ReportText.decimal($0, 4) } ?? "–")")
        out.append(groupTable.rendered(as: .table))
        for board in boards {
            out.append(
                "\(board.name) (\(board.id)): \(ReportText.count(board.members.count, "member")), "
                    + "\(ReportText.count(board.totalVotes, "vote")), quota \(board.quota)"
                    + (board.quotaIsDefault ? " (more than half)" : ""))
            out.append(groupTable(of: board).rendered(as: .table))
            out.append(memberTable(of: board).rendered(as: .table))
        }
        return out.joined(separator: "\n")
    }

    // MARK: Tables

    /// Each group's organisations, its share of them and of the measure, and the ratio of the two.
    public var groupTable: ResultTable {
        let m = measure.rawValue
        let n = Double(labels.count)
        return ResultTable(
            columns: ["group", "organisations", "share of organisations", "share of \(m)", "representation ratio"],
            rows: groups.names.indices.map { index in
                [
                    .text(groups.names[index]), .number(Double(groups.sizes[index]), isCount: true),
                    .number(Double(groups.sizes[index]) / n, isCount: false),
                    .number(shares[index], isCount: false),
                    .number(representationRatios[index], isCount: false),
                ]
            })
    }

    /// One board's seats, votes and voting power summed by group.
    public func groupTable(of board: BoardPower) -> ResultTable {
        let votes = groupSums(board, board.votes.map(Double.init))
        let banzhaf = board.banzhaf.map { groupSums(board, $0) }
        let shapley = board.shapleyShubik.map { groupSums(board, $0) }
        return ResultTable(
            columns: [attribute, "seats", "votes", "vote share", "banzhaf", "shapley_shubik"],
            rows: votes.indices.map { index in
                [
                    .text(votes[index].group), .number(Double(votes[index].seats), isCount: true),
                    .number(votes[index].sum, isCount: true),
                    .number(board.totalVotes > 0 ? votes[index].sum / Double(board.totalVotes) : nil, isCount: false),
                    .number(banzhaf?[index].sum, isCount: false), .number(shapley?[index].sum, isCount: false),
                ]
            })
    }

    /// One board's members with their role, votes and voting power.
    public func memberTable(of board: BoardPower) -> ResultTable {
        let shares = board.voteShares
        return ResultTable(
            columns: ["id", attribute, "role", "votes", "vote share", "banzhaf", "shapley_shubik"],
            rows: board.members.indices.map { index in
                [
                    .text(board.members[index]), .text(group(of: board.members[index])),
                    .text(board.memberRoles[index].rawValue),
                    .number(Double(board.votes[index]), isCount: true),
                    .number(shares?[index], isCount: false), .number(board.banzhaf?[index], isCount: false),
                    .number(board.shapleyShubik?[index], isCount: false),
                ]
            })
    }

    /// The report as JSON: every organisation, group and board with their numbers, and the verdicts.
    public func json() -> String {
        let json = ReportText.json
        let m = measure.rawValue
        let shares = organisationShares
        let organisations: [JSONValue] = labels.indices.map { node in
            .object([
                "id": .string(labels[node]), "name": .string(names[node]),
                "group": .string(groups.names[groups.membership[node]]), "value": json(values[node]),
                "share": json(shares?[node]),
            ])
        }
        let n = Double(labels.count)
        let groupEntries: [JSONValue] = groups.names.indices.map { index in
            .object([
                "group": .string(groups.names[index]), "organisations": .number(Double(groups.sizes[index])),
                "organisation_share": json(Double(groups.sizes[index]) / n), "share": json(self.shares[index]),
                "representation_ratio": json(representationRatios[index]),
            ])
        }
        let boardEntries: [JSONValue] = boards.map { board in
            let voteShares = board.voteShares
            let members: [JSONValue] = board.members.indices.map { index in
                .object([
                    "id": .string(board.members[index]), "name": .string(displayName(board.members[index])),
                    "group": .string(group(of: board.members[index])),
                    "role": .string(board.memberRoles[index].rawValue),
                    "votes": .number(Double(board.votes[index])), "vote_share": json(voteShares?[index]),
                    "banzhaf": json(board.banzhaf?[index]), "shapley_shubik": json(board.shapleyShubik?[index]),
                ])
            }
            let votes = groupSums(board, board.votes.map(Double.init))
            let banzhaf = board.banzhaf.map { groupSums(board, $0) }
            let shapley = board.shapleyShubik.map { groupSums(board, $0) }
            let groupsOnBoard: [JSONValue] = votes.indices.map { index in
                .object([
                    "group": .string(votes[index].group), "seats": .number(Double(votes[index].seats)),
                    "votes": .number(votes[index].sum),
                    "vote_share": json(board.totalVotes > 0 ? votes[index].sum / Double(board.totalVotes) : nil),
                    "banzhaf": json(banzhaf?[index].sum), "shapley_shubik": json(shapley?[index].sum),
                ])
            }
            return .object([
                "id": .string(board.id), "name": .string(board.name), "quota": .number(Double(board.quota)),
                "quota_is_default": .bool(board.quotaIsDefault), "total_votes": .number(Double(board.totalVotes)),
                "members": .array(members), "groups": .array(groupsOnBoard),
            ])
        }
        return ReportText.encoded(
            .object([
                "measure": .string(m), "groups_attribute": .string(attribute),
                "inequality": .object([
                    "gini": json(gini), "hhi": json(hhi), "hhi_normalized": json(hhiNormalized),
                    "sector_evenness": json(evenness),
                ]),
                "organisations": .array(organisations), "groups": .array(groupEntries), "boards": .array(boardEntries),
                "verdicts": .array(verdicts.map(JSONValue.string)),
            ]))
    }
}

extension BoardPower {
    /// `values` (one a member) summed by the members' groups, groups in the order of their
    /// first seat.
    func groupSums(_ values: [Double], groupOf: (String) -> String) -> [(group: String, seats: Int, sum: Double)] {
        var order: [String] = []
        var seats: [String: Int] = [:]
        var sums: [String: Double] = [:]
        for (member, value) in zip(members, values) {
            let group = groupOf(member)
            if sums[group] == nil { order.append(group) }
            seats[group, default: 0] += 1
            sums[group, default: 0] += value
        }
        return order.map { ($0, seats[$0]!, sums[$0]!) }
    }

    /// The board's values under the names of Docs/METRICS.md: `votes[P]`, `quota[P]`, then
    /// for each group S, in the order of its first seat, `seats[P,S]`, `votes[P,S]`,
    /// `vote_share[P,S]`, `banzhaf[P,S]`, `shapley_shubik[P,S]` (the powers `nil` when the
    /// game was not solved). The one place these names are spelled, for `balance` and
    /// `whatif` alike.
    func valueRows(groupOf: (String) -> String) -> [(name: String, value: Double?, isCount: Bool)] {
        var rows: [(name: String, value: Double?, isCount: Bool)] = [
            (BoardValue.votes.name(board: id), Double(totalVotes), true),
            (BoardValue.quota.name(board: id), Double(quota), true),
        ]
        let votes = groupSums(self.votes.map(Double.init), groupOf: groupOf)
        let banzhaf = self.banzhaf.map { groupSums($0, groupOf: groupOf) }
        let shapley = shapleyShubik.map { groupSums($0, groupOf: groupOf) }
        for (index, entry) in votes.enumerated() {
            func name(_ value: BoardValue) -> String { value.name(board: id, group: entry.group) }
            rows.append((name(.seats), Double(entry.seats), true))
            rows.append((name(.votes), entry.sum, true))
            rows.append((name(.voteShare), totalVotes > 0 ? entry.sum / Double(totalVotes) : nil, false))
            rows.append((name(.banzhaf), banzhaf?[index].sum, false))
            rows.append((name(.shapleyShubik), shapley?[index].sum, false))
        }
        return rows
    }
}

/// The values of a board, as Docs/METRICS.md names them: `votes[P]`, `quota[P]`, and for a
/// group S on board P `seats[P,S]`, `votes[P,S]`, `vote_share[P,S]`, `banzhaf[P,S]`,
/// `shapley_shubik[P,S]`.
enum BoardValue: String {
    case votes, quota, seats, banzhaf
    case voteShare = "vote_share"
    case shapleyShubik = "shapley_shubik"

    /// `value[P]`, or `value[P,S]` for a group.
    func name(board: String, group: String? = nil) -> String {
        "\(rawValue)[\(board)\(group.map { ",\($0)" } ?? "")]"
    }
}
