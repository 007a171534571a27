import Foundation

/// One wave of an area observed more than once: a label (a folder's name, or the date an
/// area with dated rows was cut at) and the area as it stood then.
public struct Wave: Hashable, Sendable {
    public var label: String
    public var area: Area

    public init(label: String, area: Area) {
        self.label = label
        self.area = area
    }
}

/// When a row of an area holds: from its `since` date (inclusive) to its `until` date
/// (exclusive), either end open when its column is absent or empty.
public struct DateSpan: Hashable, Sendable {
    public var since: WaveDate?
    public var until: WaveDate?

    public init(since: WaveDate? = nil, until: WaveDate? = nil) {
        self.since = since
        self.until = until
    }

    /// Whether the two spans share a date: each starts before the other ends (an open end
    /// reaching every date).
    public func overlaps(_ other: DateSpan) -> Bool {
        func before(_ start: WaveDate?, _ end: WaveDate?) -> Bool {
            guard let start, let end else { return true }
            return start < end
        }
        return before(since, other.until) && before(other.since, until)
    }

    /// Whether the row holds on `date`: since ≤ date < until.
    public func holds(at date: WaveDate) -> Bool {
        (since.map { $0 <= date } ?? true) && (until.map { date < $0 } ?? true)
    }
}

extension Area {
    /// The extra column giving the first date a row holds (inclusive).
    public static let sinceColumn = "since"
    /// The extra column giving the first date a row no longer holds (exclusive).
    public static let untilColumn = "until"

    /// The value of an extra column, its name matched case-insensitively; `nil` when absent
    /// or blank.
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        let value =
            attributes[name]
            ?? attributes.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    /// Whether any organisation, relationship, partnership or membership carries a `since`
    /// or `until` value.
    public var isDated: Bool {
        let rows =
            organisations.map(\.attributes) + relationships.map(\.attributes) + partnerships.map(\.attributes)
            + memberships.map(\.attributes)
        return rows.contains {
            Self.attribute(Self.sinceColumn, in: $0) != nil || Self.attribute(Self.untilColumn, in: $0) != nil
        }
    }

    /// Every problem with the `since` and `until` values: a value that is not a date
    /// (``WaveDate``), or an `until` that is not after its row's `since` (a row that never
    /// holds). Each is an error at its row (`origins`, element for element; without them
    /// the row is named by its table and position).
    ///
    /// - Complexity: O(rows).
    public func dateProblems(origins: AreaOrigins? = nil) -> [Diagnostic] {
        let origins = origins ?? AreaOrigins(describing: self)
        var problems: [Diagnostic] = []
        func check(_ attributes: [String: String], _ origin: RowOrigin?, _ table: String, _ index: Int) {
            let location = origin?.location() ?? SourceLocation(file: "area", path: "\(table)[\(index)]")
            var dates: [String: WaveDate] = [:]
            for column in [Self.sinceColumn, Self.untilColumn] {
                guard let text = Self.attribute(column, in: attributes) else { continue }
                if let date = WaveDate(text) {
                    dates[column] = date
                } else {
                    problems.append(.error(at: location, "\(column) '\(text)' is not \(WaveDate.expected)"))
                }
            }
            if let since = dates[Self.sinceColumn], let until = dates[Self.untilColumn], until <= since {
                problems.append(
                    .error(
                        at: location,
                        "until \(until) is not after since \(since): the row would never hold (until is exclusive)"))
            }
        }
        for (index, row) in organisations.enumerated() {
            check(row.attributes, origins.organisations[safe: index], "organisations", index)
        }
        if relationships.hasAttributes {
            for index in relationships.indices {
                check(relationships.attributes(at: index), origins.relationships[safe: index], "relationships", index)
            }
        }
        for (index, row) in partnerships.enumerated() {
            check(row.attributes, origins.partnerships[safe: index], "partnerships", index)
        }
        for (index, row) in memberships.enumerated() {
            check(row.attributes, origins.memberships[safe: index], "memberships", index)
        }
        return problems
    }

    /// The span of a row's `since` and `until` values; an invalid value (see
    /// ``dateProblems(origins:)``) counts as absent.
    public static func span(of attributes: [String: String]) -> DateSpan {
        DateSpan(
            since: attribute(sinceColumn, in: attributes).flatMap(WaveDate.init),
            until: attribute(untilColumn, in: attributes).flatMap(WaveDate.init))
    }

    /// The first of the rows `among` (by index) whose span overlaps row `index`'s: rows of one
    /// tie or seat whose spans do not overlap are its history, not duplicates. Rows without
    /// dates overlap every row.
    static func firstOverlapping(_ index: Int, among: [Int], _ attributes: (Int) -> [String: String]) -> Int? {
        let span = Self.span(of: attributes(index))
        return among.first { span.overlaps(Self.span(of: attributes($0))) }
    }

    /// The area as it stood on `date`: the rows whose ``DateSpan`` holds then.
    ///
    /// - An organisation or partnership is present when its own span holds.
    /// - A relationship (or an unknown tie) is present when its span holds and both its
    ///   organisations are present; a membership when its span holds and its organisation and partnership
    ///   are present.
    /// - A partnership whose parent is absent on `date` becomes top-level.
    /// - A row without `since` has held from the start, one without `until` still holds.
    ///
    /// Rows keep their order, attributes (the `since` and `until` values included) and
    /// metadata. Check ``dateProblems(origins:)`` first: an invalid date counts as absent.
    ///
    /// - Complexity: O(rows).
    public func cut(at date: WaveDate) -> Area {
        let organisations = organisations.filter { Self.span(of: $0.attributes).holds(at: date) }
        let present = Set(organisations.map(\.id))
        var partnerships = partnerships.filter { Self.span(of: $0.attributes).holds(at: date) }
        let boards = Set(partnerships.map(\.id))
        for index in partnerships.indices where partnerships[index].parent.map({ !boards.contains($0) }) ?? false {
            partnerships[index].parent = nil
        }
        return Area(
            metadata: metadata, organisations: organisations,
            relationships: relationships.filter {
                present.contains($0.source) && present.contains($0.target)
                    && Self.span(of: $0.attributes).holds(at: date)
            },
            partnerships: partnerships,
            memberships: memberships.filter {
                present.contains($0.organisation) && boards.contains($0.partnership)
                    && Self.span(of: $0.attributes).holds(at: date)
            },
            unknownTies: unknownTies.filter {
                present.contains($0.source) && present.contains($0.target)
                    && Self.span(of: $0.attributes).holds(at: date)
            },
            extraColumns: extraColumns)
    }

    /// The area cut at each date (``cut(at:)``), labelled by the date as written.
    public func waves(at dates: [WaveDate]) -> [Wave] {
        dates.map { Wave(label: $0.text, area: cut(at: $0)) }
    }
}

extension RandomAccessCollection where Index == Int {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
