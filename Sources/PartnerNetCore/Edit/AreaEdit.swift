/// One change to an area, for asking "what if": an organisation or a sector leaves, two
/// partnerships merge, a chair passes, a vote is reweighted, a tie is made or a relation
/// goes. ``Area/applying(_:)`` gives the edited area; ``Scenario`` applies several in order.
///
/// Each edit names what it changes by id, and an id the area lacks is an error naming the
/// closest one it has (``AreaEditError``). What each edit does, exactly:
///
/// - ``removeOrganisations(_:)``: the organisations go, with every tie they are an end of
///   (in any relation) and every seat they hold. Partnerships stay, even when left empty.
/// - ``removeSector(_:)``: every organisation of the sector goes, as above.
/// - ``mergePartnerships(_:_:name:)``: the second partnership joins the first. The merged
///   partnership keeps the first's id, place in the table, attributes and (unless `name`
///   is given) a name joining both names with "and". Its seats are the first's in their
///   order, then the second's organisations not on the first. An organisation on both
///   holds one seat: the higher of its two roles (chair, vice-chair, member, observer)
///   and the larger of its two votes, so that it gains no weight from having sat twice.
///   Both chairs stay, as co-chairs. The quota: the default (more than half of all votes)
///   when both used the default; otherwise the stricter of the two boards' quotas as a
///   share of their votes, applied to the merged votes and rounded up,
///   ⌈T · max(qᵢ / Tᵢ)⌉ (a default quota counting as its value ⌊Tᵢ/2⌋ + 1; a board without
///   votes left out). The parent: when one partnership is nested in the other (at any
///   depth), the outer one's parent; otherwise the first's. Partnerships nested directly
///   in the second are nested in the merged one.
/// - ``passChair(partnership:to:)``: the named organisations become the chairs (several are
///   co-chairs); every other chair becomes a member, keeping its votes. A named
///   organisation without a seat takes one as chair with 1 vote; one with a seat keeps
///   its votes (an observer's 0 included).
/// - ``setVotes(partnership:organisation:votes:)``: the organisation's seat holds `votes`;
///   its role is unchanged. An explicit quota is kept, a default one follows the votes.
/// - ``addTie(source:target:relation:weight:)``: a row of the relationships table. The
///   relation must be one the area has; without one, the area's only relation (or `tie`
///   in an area with none). A tie the relation already holds adds its weight, as repeated
///   rows do when a graph is built.
/// - ``dropRelation(_:)``: every tie of the relation goes.
public enum AreaEdit: Hashable, Sendable {
    /// Organisations, by id, leave the area with their ties and seats.
    case removeOrganisations([String])
    /// Every organisation of a sector leaves the area with its ties and seats.
    case removeSector(String)
    /// The second partnership merges into the first, optionally under a new name.
    case mergePartnerships(String, String, name: String?)
    /// The organisations named (several: co-chairs) become the partnership's chairs.
    case passChair(partnership: String, to: [String])
    /// An organisation's seat on a partnership holds this many votes.
    case setVotes(partnership: String, organisation: String, votes: Int)
    /// A tie between two organisations; `relation` `nil` for the area's only relation.
    case addTie(source: String, target: String, relation: String?, weight: Double)
    /// Every tie of a relation goes.
    case dropRelation(String)

    /// The kind of edit, as the CLI option and the scenario file's key name it (without
    /// the option's dashes): `remove`, `remove-sector`, `merge`, `chair`, `votes`,
    /// `add-tie`, `drop-relation`.
    public var kind: String {
        switch self {
        case .removeOrganisations: "remove"
        case .removeSector: "remove-sector"
        case .mergePartnerships: "merge"
        case .passChair: "chair"
        case .setVotes: "votes"
        case .addTie: "add-tie"
        case .dropRelation: "drop-relation"
        }
    }

    /// The edit as the CLI option's value writes it: `chair hwb=icb`, `votes lsp:city=1`,
    /// `add-tie cvs,mosque,information,2`.
    public var argument: String {
        let number = formatNumber
        switch self {
        case .removeOrganisations(let ids): return ids.joined(separator: ",")
        case .removeSector(let sector): return sector
        case .mergePartnerships(let first, let second, let name):
            return "\(first),\(second)" + (name.map { "=\($0)" } ?? "")
        case .passChair(let partnership, let chairs): return "\(partnership)=" + chairs.joined(separator: "+")
        case .setVotes(let partnership, let organisation, let votes): return "\(partnership):\(organisation)=\(votes)"
        case .addTie(let source, let target, let relation, let weight):
            return [source, target, relation ?? "", number(weight)].joined(separator: ",")
        case .dropRelation(let relation): return relation
        }
    }

    /// `kind argument`, as listed in a what-if's output.
    public var summary: String { "\(kind) \(argument)" }
}

extension MembershipRole {
    /// Rank for keeping the higher of two roles: chair 3, vice-chair 2, member 1, observer 0.
    var rank: Int {
        switch self {
        case .chair: 3
        case .viceChair: 2
        case .member: 1
        case .observer: 0
        }
    }
}

/// Why an edit cannot be applied to an area. Each unknown name comes with the closest
/// name the area has (``closestMatch(to:in:)``), or `nil` when none is close.
public enum AreaEditError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No organisation has this id.
    case unknownOrganisation(String, closest: String?)
    /// No partnership has this id.
    case unknownPartnership(String, closest: String?)
    /// No organisation has this sector; `available` lists the sectors.
    case unknownSector(String, closest: String?, available: [String])
    /// No tie has this relation; `available` lists the relations.
    case unknownRelation(String, closest: String?, available: [String])
    /// `co-membership` is made from the seats; it has no ties of its own to add or drop.
    case derivedRelation(String)
    /// An edit of a seat the organisation does not hold; `closest` among the members.
    case noSeat(organisation: String, partnership: String, closest: String?)
    /// A merge of a partnership with itself, or a tie from an organisation to itself.
    case sameTwice(String)
    /// A tie without a relation in an area with several relations.
    case relationNeeded(available: [String])
    /// A weight that is not a finite number above 0 and at most ``Relationship/maximumWeight``.
    case invalidWeight(Double)
    /// Votes below 0.
    case negativeVotes(Int)
    /// An edit naming nothing (a removal of no organisations, a chair passed to nobody).
    case empty(String)

    public var description: String {
        func hint(_ closest: String?) -> String { closest.map { " (did you mean \(quoted($0))?)" } ?? "" }
        func list(_ names: [String]) -> String { names.map(quoted).joined(separator: ", ") }
        switch self {
        case .unknownOrganisation(let id, let closest): return "unknown organisation \(quoted(id))" + hint(closest)
        case .unknownPartnership(let id, let closest): return "unknown partnership \(quoted(id))" + hint(closest)
        case .unknownSector(let sector, let closest, let available):
            return "no organisation has the sector \(quoted(sector))" + hint(closest) + "; the sectors are "
                + list(available)
        case .unknownRelation(let relation, let closest, let available):
            return "unknown relation \(quoted(relation))" + hint(closest)
                + (available.isEmpty ? "; the area has no ties" : "; the relations are " + list(available))
        case .derivedRelation(let relation):
            return "\(quoted(relation)) is made from the partnerships' seats and has no ties of its own; "
                + "edit the seats instead"
        case .noSeat(let organisation, let partnership, let closest):
            return "\(quoted(organisation)) has no seat on \(quoted(partnership))"
                + (closest.map { " (did you mean its member \(quoted($0))?)" } ?? "")
        case .sameTwice(let id): return "\(quoted(id)) is named twice; name two different ones"
        case .relationNeeded(let available): return "name the tie's relation: the area has " + list(available)
        case .invalidWeight(let weight):
            return "the weight must be a number above 0 and at most 1e15, found \(weight)"
        case .negativeVotes(let votes): return "votes must be 0 or more, found \(votes)"
        case .empty(let what): return "the edit names no \(what)"
        }
    }
}
