import Testing

@testable import PartnerNetCore

/// The columns of `Relationships`: read in blocks, their ids in a table of positions, their
/// weights four bytes wide while they can be. Each must give back exactly what a plain array
/// of ties holds.
@Suite struct RelationshipsTests {
    /// Ties over 300 ids with three relations, whole weights and (from `wideFrom` on) some
    /// that no `Float` holds, and a note on every fifth.
    static func ties(_ count: Int, seed: UInt64, wideFrom: Int = .max) -> [Relationship] {
        var generator = SplitMix64(seed: seed)
        let relations = ["information", "funding", "joint"]
        return (0..<count).map { row in
            let weight = row >= wideFrom && row % 3 == 0 ? 0.1 * Double(row % 7 + 1) : Double(generator.next() % 9 + 1)
            return Relationship(
                source: "o\(generator.next() % 300)", target: "o\(generator.next() % 300)", weight: weight,
                relation: relations[Int(generator.next() % 3)],
                attributes: row % 5 == 0 ? ["note": "row \(row)"] : row % 11 == 0 ? ["since": "2020"] : [:])
        }
    }

    /// Blocks of different sizes (one empty, one given more room than it uses, the wide
    /// weights only in a later one) read as the ties appended one by one: the same ties,
    /// ids in the same order, relations, weights to the bit and extra columns.
    @Test func blocksReadAsTheirTiesInOrder() {
        let all = Self.ties(2_000, seed: 5, wideFrom: 1_500)
        let cuts = [0, 700, 700, 1_400, 2_000]
        let slack = [0, 0, 35, 3]
        let expected = Relationships(all)
        let (ties, counts) = Relationships.read(blocks: (0..<4).map { cuts[$0 + 1] - cuts[$0] + slack[$0] }) {
            index, block in
            for tie in all[cuts[index]..<cuts[index + 1]] { block.append(tie) }
            return block.count
        }
        #expect(counts == [700, 0, 700, 600])
        #expect(ties == expected)
        #expect(Array(ties) == all)
        #expect(ties.endpointIDs == expected.endpointIDs)
        #expect(ties.relationNames == expected.relationNames)
        #expect(ties.attributeKeys == expected.attributeKeys)
        #expect(ties.indices.allSatisfy { ties.weight(at: $0).bitPattern == all[$0].weight.bitPattern })
        // One block, and no block at all.
        #expect(
            Relationships.read(blocks: [all.count]) { _, block in all.forEach { block.append($0) } }.ties == expected)
        #expect(Relationships.read(blocks: []) { _, _ in () }.ties.isEmpty)
    }

    /// Every text gets one position, in the order first interned, and is found again; a
    /// text never interned is not found. Checked against a dictionary through many
    /// doublings of the table.
    @Test func aTextTableFindsEachTextAtItsPosition() {
        var generator = SplitMix64(seed: 9)
        var table = TextTable()
        var reference: [String: UInt32] = [:]
        let pool = ["", "é", "e\u{301}", "a b", "🙂"] + (0..<20_000).map { "id\($0)" }
        for _ in 0..<60_000 {
            let text = pool[Int(generator.next() % UInt64(pool.count))]
            let expected = reference[text] ?? UInt32(reference.count)
            reference[text] = expected
            #expect(table.intern(text) == expected)
        }
        #expect(table.texts.count == reference.count)
        #expect(reference.allSatisfy { table.position(of: $0.key) == $0.value && table.texts[Int($0.value)] == $0.key })
        #expect(table.position(of: "absent") == nil)
        #expect(TextTable().position(of: "") == nil)
    }

    /// Weights are held in four bytes until one is not exactly a `Float`, and every weight
    /// reads back as the `Double` it was, sign of zero and NaN included, however the column
    /// was built.
    @Test func weightsReadBackExactly() {
        let narrow: [Double] = [1, 2.5, 0.25, -0.0, .infinity, 16_777_216]
        let wide: [Double] = [0.1, 1e15, .nan, 16_777_217]
        func same(_ column: WeightColumn, _ values: [Double]) -> Bool {
            column.count == values.count
                && zip(0..<column.count, values).allSatisfy { column[$0].bitPattern == $1.bitPattern }
        }
        #expect(narrow.allSatisfy(WeightColumn.isNarrow))
        #expect(!wide.contains(where: WeightColumn.isNarrow))
        var column = WeightColumn()
        for value in narrow + wide { column.append(value) }
        #expect(same(column, narrow + wide))
        // Set one at a time, joined, replaced, selected.
        var set = WeightColumn()
        for value in narrow { set.append(value) }
        set[1] = 0.1
        #expect(same(set, [1, 0.1, 0.25, -0.0, .infinity, 16_777_216]))
        var joined = WeightColumn()
        for value in narrow { joined.append(value) }
        var tail = WeightColumn()
        for value in wide { tail.append(value) }
        joined.append(contentsOf: tail)
        #expect(same(joined, narrow + wide))
        var replaced = joined
        replaced.replaceSubrange(0..<2, with: [0.3])
        #expect(same(replaced, [0.3] + Array(narrow.dropFirst(2)) + wide))
        #expect(same(joined.selecting([7, 0, 9]), [1e15, 1, 16_777_217]))
        // Built from a narrow column with exceptions, as blocks are.
        let exceptions = [(row: 1, weight: 0.1)]
        #expect(same(WeightColumn(narrow: [1, 0, 3], exceptions: exceptions), [1, 0.1, 3]))
        #expect(same(WeightColumn(narrow: [1, 2], exceptions: []), [1, 2]))
    }

    /// An area whose organisations are its ties' ends in order (an edge list's) is checked
    /// through the ties' own columns; listed in another order, through a table of ids. Both
    /// find the same problems.
    @Test func organisationsAsReadAndReorderedFindTheSameProblems() {
        var ties = Self.ties(400, seed: 3)
        ties += ties.prefix(20)
        ties.append(Relationship(source: "o1", target: "o1"))
        let asRead = Relationships(ties)
        let ids = asRead.endpointIDs
        func problems(_ order: [String]) -> [Diagnostic] {
            let area = Area(
                organisations: order.map { Organisation(id: $0, sector: "public") }, relationships: asRead)
            return area.diagnostics(origins: AreaOrigins(describing: area)).filter {
                $0.location.path?.hasPrefix("relationships") ?? false
            }
        }
        let found = problems(ids)
        #expect(found.count > 20)
        #expect(found.contains { $0.message.hasPrefix("self-loop") })
        #expect(found == problems(ids.reversed()))
    }

    /// Ties of one relation hold their relations as a count; a second relation, set, appended
    /// or replaced in, spells the column out, and every way of reading it agrees with the ties.
    @Test func relationsReadBackHoweverTheyAreHeld() {
        let one = (0..<50).map { Relationship(source: "o\($0)", target: "o\($0 + 1)", relation: "joint") }
        var ties = Relationships(one)
        #expect(Array(ties.relationPositions(in: ["joint"])) == [UInt32](repeating: 0, count: 50))
        #expect(Array(ties.relationPositions(in: ["other", "joint"])) == [UInt32](repeating: 1, count: 50))
        var expected = one
        ties[7] = Relationship(source: "o7", target: "o9", relation: "funding")
        expected[7] = Relationship(source: "o7", target: "o9", relation: "funding")
        ties.append(Relationship(source: "a", target: "b", relation: "joint"))
        expected.append(Relationship(source: "a", target: "b", relation: "joint"))
        #expect(Array(ties) == expected)
        #expect(ties.relationNames == ["joint", "funding"])
        let positions = ties.relationPositions(in: ["funding", "joint", "absent"])
        #expect(positions.count == expected.count)
        #expect(zip(positions, expected).allSatisfy { $0 == ($1.relation == "funding" ? 0 : 1) })
        ties.removeAll { $0.relation == "funding" }
        expected.removeAll { $0.relation == "funding" }
        #expect(Array(ties) == expected)
        #expect(Array(ties.relationPositions(in: ties.relationNames)) == [UInt32](repeating: 0, count: 50))
        #expect(Array(ties.relationPositions(in: ["funding"])) == [UInt32](repeating: Relationships.absent, count: 50))
        ties.replaceSubrange(0..<2, with: [Relationship(source: "x", target: "y", relation: "funding")])
        expected.replaceSubrange(0..<2, with: [Relationship(source: "x", target: "y", relation: "funding")])
        #expect(Array(ties) == expected)
        ties.removeAll()
        #expect(ties.isEmpty && ties.relationPositions(in: ["joint"]).isEmpty)
    }
}
