/// An organisation around the partnership table: a council, an NHS trust, a charity.
///
/// The fields mirror `organisations.csv` (see the area format in `Datasets/README.md`):
/// `name` and `subsector` are optional; every other column the user supplied is kept in
/// ``attributes`` and written back out, so loading and saving an area loses nothing.
public struct Organisation: Hashable, Sendable, Codable {
    /// Unique, non-empty, case-sensitive key.
    public var id: String
    /// Display name as given; `nil` when the cell was empty (see ``displayName``).
    public var name: String?
    /// Free text. The recommended English vocabulary is `local-authority`, `public`,
    /// `business`, `voluntary-community` and `faith`.
    public var sector: String
    /// Finer grouping such as `health`, `police`, `county` or `district`.
    public var subsector: String?
    /// Every other column, by its header as written. Empty cells are absent.
    public var attributes: [String: String]

    public init(
        id: String, name: String? = nil, sector: String, subsector: String? = nil,
        attributes: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.subsector = subsector
        self.attributes = attributes
    }

    /// The name to show: ``name`` when given, else ``id``.
    public var displayName: String { name ?? id }
}
