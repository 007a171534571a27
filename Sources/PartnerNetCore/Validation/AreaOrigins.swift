/// Where one element of an area was read from, so that a problem found in it later can be
/// reported at the exact line and column.
public struct RowOrigin: Hashable, Sendable {
    public var file: String
    /// 1-based line where the row starts, for a table.
    public var line: Int?
    /// 1-based column of each field in the row, by canonical field name (`id`, `weight`…).
    public var columns: [String: Int]
    /// Path of the element in a structured file, e.g. `organisations[2]`.
    public var path: String?

    public init(file: String, line: Int? = nil, columns: [String: Int] = [:], path: String? = nil) {
        self.file = file
        self.line = line
        self.columns = columns
        self.path = path
    }

    /// The location of `field` in this row, or of the row itself when `field` is `nil`.
    public func location(_ field: String? = nil) -> SourceLocation {
        let column = field.flatMap { columns[$0] }
        let fieldPath = path.map { base in field.map { "\(base).\($0)" } ?? base }
        return SourceLocation(file: file, line: line, column: column, path: fieldPath)
    }
}

/// The origin of every element of an area, element for element.
public struct AreaOrigins: Hashable, Sendable {
    public var organisations: [RowOrigin]
    public var relationships: [RowOrigin]
    public var partnerships: [RowOrigin]
    public var memberships: [RowOrigin]
    /// Where each of ``Area/unknownTies`` was read from.
    public var unknownTies: [RowOrigin]
    /// Where memberships would be read from; named in errors that concern the whole table.
    public var membershipsFile: String
    /// Whether the area has a partnerships table at all.
    public var hasPartnershipsTable: Bool

    public init(
        organisations: [RowOrigin], relationships: [RowOrigin], partnerships: [RowOrigin],
        memberships: [RowOrigin], membershipsFile: String = "memberships.csv", hasPartnershipsTable: Bool = true,
        unknownTies: [RowOrigin] = []
    ) {
        self.organisations = organisations
        self.relationships = relationships
        self.partnerships = partnerships
        self.memberships = memberships
        self.membershipsFile = membershipsFile
        self.hasPartnershipsTable = hasPartnershipsTable
        self.unknownTies = unknownTies
    }

    /// Origins for an area built in code: each element named by its position.
    public init(describing area: Area, file: String = "area") {
        func rows(_ table: String, _ count: Int) -> [RowOrigin] {
            (0..<count).map { RowOrigin(file: file, path: "\(table)[\($0)]") }
        }
        self.init(
            organisations: rows("organisations", area.organisations.count),
            relationships: rows("relationships", area.relationships.count),
            partnerships: rows("partnerships", area.partnerships.count),
            memberships: rows("memberships", area.memberships.count),
            membershipsFile: file, unknownTies: rows("unknown_ties", area.unknownTies.count))
    }
}
