/// The relationships of an area: a collection of ``Relationship`` values held as columns.
///
/// Reading a national network of ten million ties as an array of ``Relationship`` values
/// would cost about a hundred bytes a tie (three strings, a weight and a dictionary each).
/// Here organisation ids and relation names are interned once in a table of text
/// (``TextTable``), and each tie is three 32-bit positions into that table and a weight,
/// held in 4 bytes while every weight is exactly a `Float` (``WeightColumn``): 16 bytes.
/// Extra columns are one column of optional text each, not a dictionary a row.
///
/// It behaves as an array of ``Relationship``: indexed from 0, mutable in place, with
/// `append`, `removeAll(where:)`, `filter` and the rest. Reading an element builds the
/// ``Relationship`` value (its strings are shared, not copied); the column accessors
/// (``source(at:)``, ``weight(at:)``, ``endpointPositions(in:)``) read one field without
/// building it, for the loops that touch every tie.
///
/// Text is never removed from the table, so a collection that lost most of its rows keeps
/// their names until it is rebuilt (`Relationships(Array(ties))`); equality and hashing see
/// only the rows.
public struct Relationships: Sendable {
    /// Interned organisation ids, in the order they first appeared as an end.
    private var ids = TextTable()
    private var texts: [String] { ids.texts }
    /// Interned relation names.
    private var relationTexts: [String] = []
    private var relationTextIndex: [String: UInt32] = [:]
    private var sources: [UInt32] = []
    private var targets: [UInt32] = []
    private var relations = RelationColumn()
    private var weights = WeightColumn()
    /// The extra columns' names and cells (`nil` where a row has no value), each as long as
    /// the collection.
    private var attributeNames: [String] = []
    private var attributeCells: [[String?]] = []
    /// The last relation interned: rows of one relation usually come together.
    private var lastRelation: (name: String, index: UInt32)?

    public init() {}

    /// The position of `text` in the table, added when new.
    private mutating func intern(_ text: String) -> UInt32 {
        ids.intern(text)
    }

    private mutating func internRelation(_ name: String) -> UInt32 {
        if let last = lastRelation, last.name == name { return last.index }
        let index: UInt32
        if let known = relationTextIndex[name] {
            index = known
        } else {
            index = UInt32(relationTexts.count)
            relationTexts.append(name)
            relationTextIndex[name] = index
        }
        lastRelation = (name, index)
        return index
    }

    /// The column of the extra column `name`, added (empty for every row) when new.
    private mutating func attributeColumn(_ name: String) -> Int {
        if let column = attributeNames.firstIndex(of: name) { return column }
        attributeNames.append(name)
        attributeCells.append([String?](repeating: nil, count: sources.count))
        return attributeNames.count - 1
    }

    // MARK: Reading one field

    /// The source of the tie at `position`.
    public func source(at position: Int) -> String { texts[Int(sources[position])] }
    /// The target of the tie at `position`.
    public func target(at position: Int) -> String { texts[Int(targets[position])] }
    /// The relation of the tie at `position`.
    public func relation(at position: Int) -> String { relationTexts[Int(relations[position])] }
    /// The weight of the tie at `position`.
    public func weight(at position: Int) -> Double { weights[position] }

    /// Whether the tie at `position` joins an organisation to itself.
    public func isSelfLoop(at position: Int) -> Bool { sources[position] == targets[position] }

    /// Relation names in the order they first appear.
    ///
    /// - Complexity: O(R).
    public var relationNames: [String] {
        var seen = [Bool](repeating: false, count: relationTexts.count)
        var names: [String] = []
        for relation in relations where !seen[Int(relation)] {
            seen[Int(relation)] = true
            names.append(relationTexts[Int(relation)])
            if names.count == relationTexts.count { break }
        }
        return names
    }

    /// The positions of the ties whose source, target or relation `isFlagged`, in order;
    /// each distinct text is tested once.
    ///
    /// - Complexity: O(T + R) calls and reads, for T distinct texts and R ties.
    public func positions(whereAnyText isFlagged: (String) -> Bool) -> [Int] {
        let flaggedID = texts.map(isFlagged)
        let flaggedRelation = relationTexts.map(isFlagged)
        guard flaggedID.contains(true) || flaggedRelation.contains(true) else { return [] }
        return indices.filter {
            flaggedID[Int(sources[$0])] || flaggedID[Int(targets[$0])] || flaggedRelation[Int(relations[$0])]
        }
    }

    /// The extra columns of the tie at `position`; empty cells are absent.
    public func attributes(at position: Int) -> [String: String] {
        guard !attributeNames.isEmpty else { return [:] }
        var attributes: [String: String] = [:]
        for (name, cells) in zip(attributeNames, attributeCells) {
            if let value = cells[position] { attributes[name] = value }
        }
        return attributes
    }

    /// Whether any tie has an extra column.
    public var hasAttributes: Bool {
        attributeCells.contains { cells in cells.contains { $0 != nil } }
    }

    /// The names of the extra columns any tie has a value in, in the order they were first
    /// given.
    public var attributeKeys: [String] {
        zip(attributeNames, attributeCells).compactMap { name, cells in cells.contains { $0 != nil } ? name : nil }
    }

    /// The position in `table` of every tie's source and target, ``absent`` where absent.
    ///
    /// - Complexity: O(T + R): each distinct id is looked up once (T ids and relation names
    ///   in the text table), then every tie is two array reads, instead of two lookups by
    ///   text a tie.
    public func endpointPositions(in table: [String: Int]) -> (sources: [UInt32], targets: [UInt32]) {
        let position = texts.map { table[$0].map(UInt32.init) ?? Self.absent }
        return (sources.map { position[Int($0)] }, targets.map { position[Int($0)] })
    }

    /// Every tie's source and target as a position in ``endpointIDs``: the columns
    /// themselves, shared, not copied. When the organisations are the endpoint ids in
    /// their order (an edge list's, as read), these are their positions too.
    ///
    /// - Complexity: O(1).
    public var endpointColumns: (sources: [UInt32], targets: [UInt32]) { (sources, targets) }

    /// The position of `id` in ``endpointIDs``, if there.
    ///
    /// - Complexity: O(1) expected, a lookup by hashing.
    public func endpointPosition(of id: String) -> Int? { ids.position(of: id).map(Int.init) }

    /// The position ``endpointPositions(in:)`` and ``relationPositions(in:)`` give for a
    /// text not there.
    public static let absent = UInt32.max

    /// The organisation ids the ties name as ends, each once, in the order they first
    /// appear (a tie's source before its target). Ids of ties since replaced or removed
    /// may remain.
    public var endpointIDs: [String] { texts }

    /// Where each of ``endpointIDs`` first appears: the position of the tie, and whether
    /// as its source. `nil` for an id no remaining tie names.
    ///
    /// - Complexity: O(T + R).
    public func firstAppearances() -> [(tie: Int, asSource: Bool)?] {
        var first = [(tie: Int, asSource: Bool)?](repeating: nil, count: texts.count)
        for tie in sources.indices {
            if first[Int(sources[tie])] == nil { first[Int(sources[tie])] = (tie, true) }
            if first[Int(targets[tie])] == nil { first[Int(targets[tie])] = (tie, false) }
        }
        return first
    }

    /// Every tie's relation as a position in `names` (``absent`` for a relation not there).
    /// When `names` are the relation names in the order they were first given (as
    /// ``relationNames`` are for ties as read), the collection's own column, shared.
    ///
    /// - Complexity: O(T + R), as ``endpointPositions(in:)``; O(T) when shared (and O(1)
    ///   space while every tie has one relation).
    public func relationPositions(in names: [String]) -> RelationPositions {
        if names == relationTexts { return RelationPositions(relations) }
        var table: [String: UInt32] = [:]
        for (index, name) in names.enumerated() where table[name] == nil { table[name] = UInt32(index) }
        let position = relationTexts.map { table[$0] ?? Self.absent }
        return RelationPositions(RelationColumn(compacting: relations.map { position[Int($0)] }))
    }
}

extension Relationships {
    /// One block of a collection being read: ties appended in order into the block's own
    /// part of the collection's columns, its ids and relation names interned in tables of
    /// its own until every block is read (``read(blocks:_:)``).
    ///
    /// It writes only its own part of the columns, so blocks are read at once on several
    /// threads.
    public struct Block: @unchecked Sendable {
        fileprivate let sources: UnsafeMutablePointer<UInt32>
        fileprivate let targets: UnsafeMutablePointer<UInt32>
        fileprivate let relations: UnsafeMutablePointer<UInt32>
        fileprivate let weights: UnsafeMutablePointer<Float>
        /// The rows (of the block) whose weight is not exactly a `Float`, and their weights.
        fileprivate var wideWeights: [(row: Int, weight: Double)] = []
        /// The most ties the block can hold.
        public let capacity: Int
        /// The ties appended so far.
        public private(set) var count = 0
        fileprivate var tables = Relationships()
        /// Extra columns by name, in the order first given: the rows (of the block) with a
        /// value and their values.
        fileprivate var attributes: [(name: String, cells: [(row: Int, value: String)])] = []

        /// Appends `tie` after the block's last.
        ///
        /// - Precondition: the block holds fewer than ``capacity`` ties.
        public mutating func append(_ tie: Relationship) {
            precondition(count < capacity, "a block holds at most its capacity")
            sources[count] = tables.intern(tie.source)
            targets[count] = tables.intern(tie.target)
            relations[count] = tables.internRelation(tie.relation)
            weights[count] = Float(tie.weight)
            if !WeightColumn.isNarrow(tie.weight) { wideWeights.append((count, tie.weight)) }
            for (name, value) in tie.attributes {
                if let column = attributes.firstIndex(where: { $0.name == name }) {
                    attributes[column].cells.append((count, value))
                } else {
                    attributes.append((name, [(count, value)]))
                }
            }
            count += 1
        }
    }

    /// Ties read in blocks at once, one block a core, each block written straight into its
    /// part of one set of columns; then each block's ids are interned in the collection's
    /// table and its rows moved up behind the block before.
    ///
    /// No block is copied or joined: reading costs the columns (sized for every block's
    /// capacity, the unused rows given back), one table of ids a block, and nothing a row
    /// besides. The ties, their order and their interned texts are those of appending every
    /// block's ties in block order.
    ///
    /// - Parameters:
    ///   - capacities: the most ties each block appends (the lines of its part of a file).
    ///   - read: reads block `index` into `block`, returning what else it found.
    /// - Returns: the ties, and what each block's `read` returned, in block order.
    /// - Complexity: O(R + Σ T) for R ties and T distinct ids a block, the blocks read in
    ///   parallel.
    public static func read<Result: Sendable>(
        blocks capacities: [Int], _ read: @Sendable (_ index: Int, _ block: inout Block) -> Result
    ) -> (ties: Relationships, results: [Result]) {
        var starts = [0]
        for capacity in capacities { starts.append(starts[starts.count - 1] + Swift.max(capacity, 0)) }
        let offsets = starts
        let total = offsets[offsets.count - 1]
        // One row more than needed, so that every column has an address even when empty.
        var sources = [UInt32](repeating: 0, count: total + 1)
        var targets = [UInt32](repeating: 0, count: total + 1)
        var relations = [UInt32](repeating: 0, count: total + 1)
        var weights = [Float](repeating: 0, count: total + 1)
        var wideWeights: [(row: Int, weight: Double)] = []
        var joined = Relationships()
        var attributes: [(name: String, cells: [(row: Int, value: String)])] = []
        let outcomes = UnsafeMutableBufferPointer<Result?>.allocate(capacity: capacities.count)
        outcomes.initialize(repeating: nil)
        defer {
            outcomes.deinitialize()
            outcomes.deallocate()
        }
        // Each block writes only its own slot.
        nonisolated(unsafe) let slots = outcomes
        var rows = 0
        sources.withUnsafeMutableBufferPointer { sources in
            targets.withUnsafeMutableBufferPointer { targets in
                relations.withUnsafeMutableBufferPointer { relations in
                    weights.withUnsafeMutableBufferPointer { weights in
                        nonisolated(unsafe) let columns = (
                            sources.baseAddress!, targets.baseAddress!, relations.baseAddress!, weights.baseAddress!
                        )
                        var blocks = parallelMap(capacities.count) { index -> Block? in
                            let offset = offsets[index]
                            var block = Block(
                                sources: columns.0 + offset, targets: columns.1 + offset,
                                relations: columns.2 + offset, weights: columns.3 + offset,
                                capacity: offsets[index + 1] - offset)
                            slots[index] = read(index, &block)
                            return block
                        }
                        // Each block's rows, their texts re-interned, moved up behind the
                        // rows before (never ahead of where they are: a forward copy). Each
                        // block is let go once moved, the first block's tables taken over as
                        // the collection's.
                        var row = 0
                        for index in blocks.indices {
                            var block = blocks[index].take()!
                            if index == 0 {
                                // In place already, its positions the collection's.
                                swap(&joined, &block.tables)
                            } else {
                                let ids = block.tables.texts.map { joined.intern($0) }
                                let names = block.tables.relationTexts.map { joined.internRelation($0) }
                                let start = offsets[index]
                                for local in 0..<block.count {
                                    sources[row + local] = ids[Int(sources[start + local])]
                                    targets[row + local] = ids[Int(targets[start + local])]
                                    relations[row + local] = names[Int(relations[start + local])]
                                    weights[row + local] = weights[start + local]
                                }
                            }
                            wideWeights += block.wideWeights.map { (row + $0.row, $0.weight) }
                            for (name, cells) in block.attributes {
                                let moved = cells.map { (row: row + $0.row, value: $0.value) }
                                if let column = attributes.firstIndex(where: { $0.name == name }) {
                                    attributes[column].cells += moved
                                } else {
                                    attributes.append((name, moved))
                                }
                            }
                            row += block.count
                        }
                        rows = row
                    }
                }
            }
        }
        // Cut in place: no second copy of the columns.
        sources.removeLast(sources.count - rows)
        targets.removeLast(targets.count - rows)
        relations.removeLast(relations.count - rows)
        weights.removeLast(weights.count - rows)
        (joined.sources, joined.targets) = (sources, targets)
        joined.relations = RelationColumn(compacting: relations)
        joined.weights = WeightColumn(narrow: weights, exceptions: wideWeights)
        for (name, cells) in attributes {
            var column = [String?](repeating: nil, count: joined.count)
            for (row, value) in cells { column[row] = value }
            joined.attributeNames.append(name)
            joined.attributeCells.append(column)
        }
        return (joined, outcomes.map { $0! })
    }
}

extension Relationships: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { sources.count }

    public subscript(position: Int) -> Relationship {
        get {
            Relationship(
                source: texts[Int(sources[position])], target: texts[Int(targets[position])],
                weight: weights[position], relation: relationTexts[Int(relations[position])],
                attributes: attributes(at: position))
        }
        set {
            sources[position] = intern(newValue.source)
            targets[position] = intern(newValue.target)
            relations[position] = internRelation(newValue.relation)
            weights[position] = newValue.weight
            for column in attributeCells.indices { attributeCells[column][position] = nil }
            for (name, value) in newValue.attributes {
                let column = attributeColumn(name)
                attributeCells[column][position] = value
            }
        }
    }

    public mutating func reserveCapacity(_ count: Int) {
        sources.reserveCapacity(count)
        targets.reserveCapacity(count)
        relations.reserveCapacity(count)
        weights.reserveCapacity(count)
        for column in attributeCells.indices { attributeCells[column].reserveCapacity(count) }
    }

    public mutating func append(_ tie: Relationship) {
        sources.append(intern(tie.source))
        targets.append(intern(tie.target))
        relations.append(internRelation(tie.relation))
        weights.append(tie.weight)
        for column in attributeCells.indices { attributeCells[column].append(nil) }
        for (name, value) in tie.attributes {
            let column = attributeColumn(name)
            attributeCells[column][sources.count - 1] = value
        }
    }

    /// Appends `other`'s ties, their text re-interned once per distinct id and relation.
    ///
    /// - Complexity: O(T + R) for the T distinct texts and R ties of `other`.
    public mutating func append(contentsOf other: Relationships) {
        let ids = other.texts.map { intern($0) }
        let names = other.relationTexts.map { internRelation($0) }
        sources += other.sources.lazy.map { ids[Int($0)] }
        targets += other.targets.lazy.map { ids[Int($0)] }
        relations += other.relations.lazy.map { names[Int($0)] }
        weights.append(contentsOf: other.weights)
        let before = count - other.count
        for (name, cells) in zip(other.attributeNames, other.attributeCells) {
            let column = attributeColumn(name)
            attributeCells[column].replaceSubrange(before..<attributeCells[column].count, with: cells)
        }
        for column in attributeCells.indices where attributeCells[column].count < count {
            attributeCells[column] += repeatElement(nil, count: count - attributeCells[column].count)
        }
    }

    public mutating func replaceSubrange<C: Collection<Relationship>>(_ subrange: Range<Int>, with ties: C) {
        var newSources: [UInt32] = []
        var newTargets: [UInt32] = []
        var newRelations: [UInt32] = []
        var newWeights: [Double] = []
        for tie in ties {
            newSources.append(intern(tie.source))
            newTargets.append(intern(tie.target))
            newRelations.append(internRelation(tie.relation))
            newWeights.append(tie.weight)
            for name in tie.attributes.keys { _ = attributeColumn(name) }
        }
        sources.replaceSubrange(subrange, with: newSources)
        targets.replaceSubrange(subrange, with: newTargets)
        relations.replaceSubrange(subrange, with: newRelations)
        weights.replaceSubrange(subrange, with: newWeights)
        for (column, name) in attributeNames.enumerated() {
            attributeCells[column].replaceSubrange(subrange, with: ties.map { $0.attributes[name] })
        }
    }

    public mutating func removeAll(where shouldBeRemoved: (Relationship) throws -> Bool) rethrows {
        var kept: [Int] = []
        kept.reserveCapacity(count)
        for position in indices where !(try shouldBeRemoved(self[position])) { kept.append(position) }
        guard kept.count < count else { return }
        sources = kept.map { sources[$0] }
        targets = kept.map { targets[$0] }
        relations = RelationColumn(compacting: kept.map { relations[$0] })
        weights = weights.selecting(kept)
        attributeCells = attributeCells.map { cells in kept.map { cells[$0] } }
    }

    public mutating func removeAll(keepingCapacity keepCapacity: Bool = false) {
        sources.removeAll(keepingCapacity: keepCapacity)
        targets.removeAll(keepingCapacity: keepCapacity)
        relations.removeAll(keepingCapacity: keepCapacity)
        weights.removeAll(keepingCapacity: keepCapacity)
        for column in attributeCells.indices { attributeCells[column].removeAll(keepingCapacity: keepCapacity) }
    }
}

extension Relationships: ExpressibleByArrayLiteral {
    public init(arrayLiteral ties: Relationship...) {
        self.init(ties)
    }
}

extension Relationships: Hashable {
    public static func == (left: Relationships, right: Relationships) -> Bool {
        left.elementsEqual(right)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for tie in self { hasher.combine(tie) }
    }
}

extension Relationships: Codable {
    /// Coded as an array of ``Relationship``.
    public init(from decoder: any Decoder) throws {
        self.init(try [Relationship](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try Array(self).encode(to: encoder)
    }
}

extension Relationships: CustomStringConvertible {
    public var description: String { Array(self).description }
}

/// The weights of a collection of ties: 32-bit floats while every weight is exactly one
/// (whole numbers up to 2²⁴, halves, quarters: the weights of survey scales and counts),
/// 64-bit doubles from the first weight that is not. Four bytes a tie for the usual
/// weights, and no weight ever changed: a weight reads back as the `Double` it was given.
struct WeightColumn: Sendable {
    private var narrow: [Float] = []
    /// Every weight, once one is not exactly a `Float`; then `narrow` is empty.
    private var wide: [Double]?

    init() {}

    /// A column of `narrow` weights, with `exceptions` (rows and weights not exactly a
    /// `Float`) in their place.
    init(narrow: [Float], exceptions: [(row: Int, weight: Double)]) {
        if exceptions.isEmpty {
            self.narrow = narrow
        } else {
            var wide = narrow.map(Double.init)
            for (row, weight) in exceptions { wide[row] = weight }
            self.wide = wide
        }
    }

    /// Whether `weight` is held exactly by a `Float` (an infinity is; a NaN is not).
    static func isNarrow(_ weight: Double) -> Bool { Double(Float(weight)) == weight }

    var count: Int { wide?.count ?? narrow.count }

    subscript(position: Int) -> Double {
        get { wide?[position] ?? Double(narrow[position]) }
        set {
            if wide == nil && !Self.isNarrow(newValue) { widen() }
            if wide != nil { wide![position] = newValue } else { narrow[position] = Float(newValue) }
        }
    }

    private mutating func widen() {
        wide = narrow.map(Double.init)
        narrow = []
    }

    mutating func reserveCapacity(_ count: Int) {
        if wide != nil { wide!.reserveCapacity(count) } else { narrow.reserveCapacity(count) }
    }

    mutating func append(_ weight: Double) {
        if wide == nil && !Self.isNarrow(weight) { widen() }
        if wide != nil { wide!.append(weight) } else { narrow.append(Float(weight)) }
    }

    mutating func append(contentsOf other: WeightColumn) {
        if wide == nil, let theirs = other.wide {
            widen()
            wide! += theirs
        } else if wide != nil {
            wide! += other.wide ?? other.narrow.map(Double.init)
        } else {
            narrow += other.narrow
        }
    }

    mutating func replaceSubrange(_ subrange: Range<Int>, with weights: [Double]) {
        if wide == nil && !weights.allSatisfy(Self.isNarrow) { widen() }
        if wide != nil {
            wide!.replaceSubrange(subrange, with: weights)
        } else {
            narrow.replaceSubrange(subrange, with: weights.map(Float.init))
        }
    }

    /// The weights of the rows `kept`, in that order.
    func selecting(_ kept: [Int]) -> WeightColumn {
        var column = WeightColumn()
        if let wide { column.wide = kept.map { wide[$0] } } else { column.narrow = kept.map { narrow[$0] } }
        return column
    }

    mutating func removeAll(keepingCapacity: Bool) {
        narrow.removeAll(keepingCapacity: keepingCapacity)
        if wide != nil { wide!.removeAll(keepingCapacity: keepingCapacity) }
    }
}

/// Every tie's relation as a position in a list of names: ``Relationships/relationPositions(in:)``.
/// Read as an array; it shares the collection's column, and holds only a count while every
/// tie has the same relation.
public struct RelationPositions: RandomAccessCollection, Sendable {
    fileprivate let column: RelationColumn

    fileprivate init(_ column: RelationColumn) { self.column = column }

    public var startIndex: Int { 0 }
    public var endIndex: Int { column.count }
    public subscript(position: Int) -> UInt32 { column[position] }
}

/// The relations of a collection of ties, as positions in its table of names: a count
/// alone while every tie has the first relation (an edge list of one relation, 4 bytes a
/// tie saved), each tie's position once another appears.
struct RelationColumn: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, Sendable {
    /// Every row's position; empty while every row's is 0 (then there are `zeros` rows).
    private var explicit: [UInt32] = []
    private var zeros = 0

    init() {}

    /// The column of `rows`, held as a count when every one is 0.
    init(compacting rows: [UInt32]) {
        if rows.allSatisfy({ $0 == 0 }) { zeros = rows.count } else { explicit = rows }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { explicit.isEmpty ? zeros : explicit.count }

    subscript(position: Int) -> UInt32 {
        get {
            if explicit.isEmpty {
                precondition(position >= 0 && position < zeros, "index out of range")
                return 0
            }
            return explicit[position]
        }
        set {
            if explicit.isEmpty {
                if newValue == 0 { return }
                spellOut()
            }
            explicit[position] = newValue
        }
    }

    private mutating func spellOut() {
        explicit = [UInt32](repeating: 0, count: zeros)
        zeros = 0
    }

    mutating func replaceSubrange<C: Collection<UInt32>>(_ subrange: Range<Int>, with rows: C) {
        if explicit.isEmpty && rows.allSatisfy({ $0 == 0 }) {
            precondition(subrange.lowerBound >= 0 && subrange.upperBound <= zeros, "range out of bounds")
            zeros += rows.count - subrange.count
            return
        }
        if explicit.isEmpty { spellOut() }
        explicit.replaceSubrange(subrange, with: rows)
    }

    mutating func reserveCapacity(_ count: Int) {
        if !explicit.isEmpty { explicit.reserveCapacity(count) }
    }
}
