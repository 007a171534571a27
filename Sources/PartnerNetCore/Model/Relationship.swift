/// A typed, weighted tie between two organisations: one row of `relationships.csv`.
///
/// A relationship is stored exactly as the user gave it, self-loops and repeated rows
/// included, so that writing the area back out loses nothing. The conventions that turn
/// rows into arcs (self-loops dropped, duplicates merged with weights summed) are applied
/// when a ``Graph`` is built.
public struct Relationship: Hashable, Sendable, Codable {
    /// The relation used when the `relation` cell is empty.
    public static let defaultRelation = "tie"

    public var source: String
    public var target: String
    /// Tie strength: a finite number greater than 0 (larger is stronger). Default 1.
    public var weight: Double
    /// Type of tie, e.g. `information`, `funding`, `joint-commissioning`.
    public var relation: String
    /// Every other column, by its header as written. Empty cells are absent.
    public var attributes: [String: String]

    public init(
        source: String, target: String, weight: Double = 1, relation: String = Relationship.defaultRelation,
        attributes: [String: String] = [:]
    ) {
        self.source = source
        self.target = target
        self.weight = weight
        self.relation = relation
        self.attributes = attributes
    }

    /// True when both ends are the same organisation.
    public var isSelfLoop: Bool { source == target }
}
