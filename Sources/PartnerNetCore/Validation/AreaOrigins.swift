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
    public var organisations: RowOrigins
    public var relationships: RowOrigins
    public var partnerships: [RowOrigin]
    public var memberships: [RowOrigin]
    /// Where each of ``Area/unknownTies`` was read from.
    public var unknownTies: [RowOrigin]
    /// Where memberships would be read from; named in errors that concern the whole table.
    public var membershipsFile: String
    /// Whether the area has a partnerships table at all.
    public var hasPartnershipsTable: Bool

    public init(
        organisations: RowOrigins, relationships: RowOrigins, partnerships: [RowOrigin],
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
            organisations: RowOrigins(rows("organisations", area.organisations.count)),
            relationships: RowOrigins(rows("relationships", area.relationships.count)),
            partnerships: rows("partnerships", area.partnerships.count),
            memberships: rows("memberships", area.memberships.count),
            membershipsFile: file, unknownTies: rows("unknown_ties", area.unknownTies.count))
    }
}

/// The origins of the rows of one large table, held compactly: each row's line, and the
/// rest of its ``RowOrigin`` (file, columns, path) shared with the rows before it when the
/// same, as it is for every row of a CSV file.
///
/// Lines are held as runs of rows on consecutive lines (a run is the row it starts at and
/// that row's line), so that a table read from a file without blank or bad lines costs a
/// few bytes whatever its length, instead of 60 bytes a row (and a dictionary of columns).
/// Rows without a line (structured files) are runs of line 0.
///
/// Behaves as an array of ``RowOrigin``. Reading a row finds its run by binary search,
/// O(log r) for r runs; setting one row rebuilds the runs, O(rows).
public struct RowOrigins: Hashable, Sendable {
    /// Distinct origins with their line left out.
    private var shapes: [RowOrigin] = []
    /// Each row's position in `shapes`; empty while every row has the first shape (as all
    /// rows of a CSV file do).
    private var shapeOfRow: [UInt32] = []
    /// The lines: ``LineRuns``.
    private var lines = LineRuns()

    public init() {}

    private mutating func shape(of origin: RowOrigin) -> UInt32 {
        var shape = origin
        shape.line = nil
        if let last = shapes.last, last == shape { return UInt32(shapes.count - 1) }
        // A few shapes that take turns (the ends of an edge list's ties, located in the
        // source or the target column) are looked up; a shape a row (a path per element)
        // is added.
        if shapes.count <= Self.searchedShapes, let known = shapes.firstIndex(of: shape) { return UInt32(known) }
        shapes.append(shape)
        return UInt32(shapes.count - 1)
    }

    /// Up to this many shapes, a new row's is looked for among all of them.
    private static let searchedShapes = 8

    private static func storedLine(_ line: Int?) -> UInt32 {
        guard let line, line > 0 else { return 0 }
        return UInt32(clamping: line)
    }
}

/// The line of each row of a table as runs: rows `start..<next start` are on lines
/// `line, line + 1, …`, or all without a line when `line` is 0.
private struct LineRuns: Hashable, Sendable {
    private var starts: [UInt32] = []
    private var firstLines: [UInt32] = []
    private(set) var count = 0

    /// The line of `row` (0 for none).
    ///
    /// - Complexity: O(log r) for r runs.
    subscript(row: Int) -> UInt32 {
        var (low, high) = (0, starts.count)
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= row { low = middle } else { high = middle }
        }
        let line = firstLines[low]
        return line == 0 ? 0 : line + UInt32(row - Int(starts[low]))
    }

    /// The line the next row would have if it continued the last run; `nil` when there is
    /// no run, or when that line would pass the largest held (then a run starts).
    private var continued: UInt32? {
        guard let last = firstLines.last else { return nil }
        guard last != 0 else { return 0 }
        let offset = count - Int(starts[starts.count - 1])
        return offset <= Int(UInt32.max - last) ? last + UInt32(offset) : nil
    }

    mutating func append(_ line: UInt32) {
        if continued != line {
            starts.append(UInt32(count))
            firstLines.append(line)
        }
        count += 1
    }

    mutating func append(contentsOf other: LineRuns) {
        let base = count
        for (start, line) in zip(other.starts, other.firstLines) {
            count = base + Int(start)
            if continued != line {
                starts.append(UInt32(count))
                firstLines.append(line)
            }
        }
        count = base + other.count
    }

    /// Every row's line, spelled out.
    var all: [UInt32] { (0..<count).map { self[$0] } }

    init() {}

    init(_ lines: some Sequence<UInt32>) {
        for line in lines { append(line) }
    }
}

extension RowOrigins: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { lines.count }

    public subscript(position: Int) -> RowOrigin {
        get {
            var origin = shapes[shapeOfRow.isEmpty ? 0 : Int(shapeOfRow[position])]
            let line = lines[position]
            origin.line = line == 0 ? nil : Int(line)
            return origin
        }
        set {
            setShape(shape(of: newValue), at: position)
            var all = lines.all
            all[position] = Self.storedLine(newValue.line)
            lines = LineRuns(all)
        }
    }

    /// Nothing to reserve: lines are held as runs, shapes a row only once a second shape
    /// appears.
    public mutating func reserveCapacity(_ count: Int) {}

    public mutating func append(_ origin: RowOrigin) {
        let shape = shape(of: origin)
        lines.append(Self.storedLine(origin.line))
        setShape(shape, at: lines.count - 1)
    }

    /// Appends `other`'s rows: their lines at once, and their shapes looked up once each
    /// (the blocks of one file share theirs).
    ///
    /// - Complexity: O(R + S²) for the R rows and S shapes of `other` (S is 1 for a file).
    public mutating func append(contentsOf other: RowOrigins) {
        let before = lines.count
        let mapped = other.shapes.map { shape -> UInt32 in
            if let known = shapes.firstIndex(of: shape) { return UInt32(known) }
            shapes.append(shape)
            return UInt32(shapes.count - 1)
        }
        lines.append(contentsOf: other.lines)
        if shapeOfRow.isEmpty && other.shapeOfRow.isEmpty && mapped.allSatisfy({ $0 == 0 }) { return }
        if shapeOfRow.isEmpty { shapeOfRow = [UInt32](repeating: 0, count: before) }
        if other.shapeOfRow.isEmpty {
            shapeOfRow += repeatElement(mapped.first ?? 0, count: other.lines.count)
        } else {
            shapeOfRow += other.shapeOfRow.lazy.map { mapped[Int($0)] }
        }
    }

    /// Appends a row from the same file, columns and path as the last row, at `line`: a
    /// table's next row, without comparing its origin with the last.
    ///
    /// - Precondition: the collection is not empty.
    public mutating func append(line: Int) {
        precondition(lines.count > 0, "a row like the last needs a last row")
        lines.append(Self.storedLine(line))
        if !shapeOfRow.isEmpty { shapeOfRow.append(shapeOfRow[shapeOfRow.count - 1]) }
    }

    /// Records `shape` for the row at `position` (which exists in `lines`), spelling out
    /// every row's shape once a second shape appears.
    private mutating func setShape(_ shape: UInt32, at position: Int) {
        if shapeOfRow.isEmpty {
            if shape == 0 { return }
            shapeOfRow = [UInt32](repeating: 0, count: lines.count)
        }
        while shapeOfRow.count < lines.count { shapeOfRow.append(0) }
        shapeOfRow[position] = shape
    }

    /// - Complexity: O(n) for n new rows at the end (how arrays of origins are turned into
    ///   one), O(rows) elsewhere.
    public mutating func replaceSubrange<C: Collection<RowOrigin>>(_ subrange: Range<Int>, with origins: C) {
        if subrange.isEmpty && subrange.lowerBound == lines.count {
            for origin in origins { append(origin) }
            return
        }
        var newShapes: [UInt32] = []
        var newLines: [UInt32] = []
        for origin in origins {
            newShapes.append(shape(of: origin))
            newLines.append(Self.storedLine(origin.line))
        }
        if shapeOfRow.isEmpty && newShapes.contains(where: { $0 != 0 }) {
            shapeOfRow = [UInt32](repeating: 0, count: lines.count)
        }
        if !shapeOfRow.isEmpty { shapeOfRow.replaceSubrange(subrange, with: newShapes) }
        var all = lines.all
        all.replaceSubrange(subrange, with: newLines)
        lines = LineRuns(all)
    }

    public static func == (left: RowOrigins, right: RowOrigins) -> Bool { left.elementsEqual(right) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for origin in self { hasher.combine(origin) }
    }
}

extension RowOrigins: ExpressibleByArrayLiteral {
    public init(arrayLiteral origins: RowOrigin...) {
        self.init(origins)
    }
}
