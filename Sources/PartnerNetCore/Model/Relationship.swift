/// A typed, weighted tie between two organisations: one row of `relationships.csv`.
///
/// A relationship is stored exactly as the user gave it, self-loops and repeated rows
/// included, so that writing the area back out loses nothing. The conventions that turn
/// rows into arcs (self-loops dropped, duplicates merged with weights summed) are applied
/// when a ``Graph`` is built.
public struct Relationship: Hashable, Sendable, Codable {
    /// The relation used when the `relation` cell is empty.
    public static let defaultRelation = "tie"

    /// The largest weight an area may hold: 10¹⁵.
    ///
    /// Whole weights up to this bound are exact in a `Double` (2⁵³ ≈ 9 × 10¹⁵), so money in
    /// pence or contacts counted one by one keep their value. The bound keeps every sum the
    /// measures take finite: a billion ties at the bound sum to 10²⁴, and the squares
    /// eigenvector centrality and constraint take stay below 10⁴⁸, far from `Double`'s
    /// overflow at 1.8 × 10³⁰⁸ (one weight of 10³⁰⁸ made eigenvector centrality all zeros).
    public static let maximumWeight = 1e15

    public var source: String
    public var target: String
    /// Tie strength: a finite number greater than 0 and at most ``maximumWeight`` (larger is
    /// stronger). Default 1.
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

/// A tie whose existence is unknown: a row of `relationships.csv` whose weight is `NA`
/// (e.g. a partner that did not answer the survey about one of its partners).
///
/// Unknown is not absent: an unknown tie never becomes an arc of a ``Graph`` (graphs hold
/// the observed ties only), and QAP leaves the pair out of its regressions and correlations
/// instead of counting it as 0. For an undirected relation the pair is unknown either way.
/// Kept in ``Area/unknownTies`` and written back as `NA` rows, so nothing the user gave is lost.
public struct UnknownTie: Hashable, Sendable, Codable {
    /// The weight cells that record an unknown tie: `NA` in any letter case, surrounding
    /// white space ignored (`NA`, `na`, ` Na `). What R writes for a missing value.
    public static func isUnknownWeight(_ cell: String) -> Bool {
        cell.trimmingWhitespace().lowercased() == "na"
    }

    /// How an unknown weight is written back.
    public static let weightText = "NA"

    public var source: String
    public var target: String
    /// Type of tie; the unknown tie concerns this relation only.
    public var relation: String
    /// Every other column, by its header as written. Empty cells are absent.
    public var attributes: [String: String]

    public init(
        source: String, target: String, relation: String = Relationship.defaultRelation,
        attributes: [String: String] = [:]
    ) {
        self.source = source
        self.target = target
        self.relation = relation
        self.attributes = attributes
    }

    /// True when both ends are the same organisation.
    public var isSelfLoop: Bool { source == target }
}
