/// The relationships of an area: a collection of ``Relationship`` values held as columns.
///
/// Reading a national network of ten million ties as an array of ``Relationship`` values
/// would cost about a hundred bytes a tie (three strings, a weight and a dictionary each).
/// Here organisation ids and relation names are interned once in a table of text, and
/// each tie is three 32-bit positions into that table and a weight: 20 bytes. Extra columns
/// are one column of optional text each, not a dictionary a row.
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
    private var texts: [String] = []
    private var textIndex: [String: UInt32] = [:]
    /// Interned relation names.
    private var relationTexts: [String] = []
    private var relationTextIndex: [String: UInt32] = [:]
    private var sources: [UInt32] = []
    private var targets: [UInt32] = []
    private var relations: [UInt32] = []
    private var weights: [Double] = []
    /// The extra columns' names and cells (`nil` where a row has no value), each as long as
    /// the collection.
    private var attributeNames: [String] = []
    private var attributeCells: [[String?]] = []
    /// The last relation interned: rows of one relation usually come together.
    private var lastRelation: (name: String, index: UInt32)?

    public init() {}

    /// The position of `text` in the table, added when new.
    private mutating func intern(_ text: String) -> UInt32 {
        if let index = textIndex[text] { return index }
        let index = UInt32(texts.count)
        texts.append(text)
        textIndex[text] = index
        return index
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

    /// The position in `table` of every tie's source and target, −1 where absent.
    ///
    /// - Complexity: O(T + R): each distinct id is looked up once (T ids and relation names
    ///   in the text table), then every tie is two array reads, instead of two lookups by
    ///   text a tie.
    public func endpointPositions(in table: [String: Int]) -> (sources: [Int32], targets: [Int32]) {
        let position = texts.map { table[$0].map(Int32.init) ?? -1 }
        return (sources.map { position[Int($0)] }, targets.map { position[Int($0)] })
    }

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

    /// Every tie's relation as a position in `names` (−1 for a relation not there).
    ///
    /// - Complexity: O(T + R), as ``endpointPositions(in:)``.
    public func relationPositions(in names: [String]) -> [Int32] {
        var table: [String: Int32] = [:]
        for (index, name) in names.enumerated() where table[name] == nil { table[name] = Int32(index) }
        let position = relationTexts.map { table[$0] ?? -1 }
        return relations.map { position[Int($0)] }
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
        weights += other.weights
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
        relations = kept.map { relations[$0] }
        weights = kept.map { weights[$0] }
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
