/// A partnership table: an LSP board, a thematic sub-partnership, a forum.
///
/// Partnerships nest through ``parent``, forming a forest (cycles are rejected when an
/// area is validated).
public struct Partnership: Hashable, Sendable, Codable {
    /// The deepest nesting an area may hold: a partnership at most 1,000 `parent` links
    /// below a top-level one. Real structures are a few levels deep; a longer chain is a
    /// mistake, and would print as a tree indented by thousands of spaces.
    public static let maximumNesting = 1_000

    public var id: String
    /// Display name as given; `nil` when the cell was empty.
    public var name: String?
    /// The partnership this one is nested in, if any.
    public var parent: String?
    /// Votes needed to carry a decision; `nil` means the default, more than half of all
    /// votes (see ``effectiveQuota(totalVotes:)``).
    public var quota: Int?
    /// Every other column, by its header as written. Empty cells are absent.
    public var attributes: [String: String]

    public init(
        id: String, name: String? = nil, parent: String? = nil, quota: Int? = nil,
        attributes: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.parent = parent
        self.quota = quota
        self.attributes = attributes
    }

    /// The name to show: ``name`` when given, else ``id``.
    public var displayName: String { name ?? id }

    /// The quota in force: ``quota`` when given, else ⌊total / 2⌋ + 1, a strict majority.
    public func effectiveQuota(totalVotes: Int) -> Int { quota ?? (totalVotes / 2 + 1) }
}

/// The part an organisation plays on a partnership.
public enum MembershipRole: String, Hashable, Sendable, Codable, CaseIterable {
    case chair
    case viceChair = "vice-chair"
    case member
    case observer

    /// Votes when the `votes` cell is empty: 0 for observers, 1 for everyone else.
    public var defaultVotes: Int { self == .observer ? 0 : 1 }
}

/// An organisation's seat on a partnership: one row of `memberships.csv`.
public struct Membership: Hashable, Sendable, Codable {
    public var partnership: String
    public var organisation: String
    public var role: MembershipRole
    /// Votes held, at least 0.
    public var votes: Int
    /// Every other column, by its header as written. Empty cells are absent.
    public var attributes: [String: String]

    public init(
        partnership: String, organisation: String, role: MembershipRole = .member, votes: Int? = nil,
        attributes: [String: String] = [:]
    ) {
        self.partnership = partnership
        self.organisation = organisation
        self.role = role
        self.votes = votes ?? role.defaultVotes
        self.attributes = attributes
    }
}
