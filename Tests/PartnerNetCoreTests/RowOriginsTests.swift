import PartnerNetCore
import Testing

/// `RowOrigins` holds each row's line and shares the rest of its origin; whatever way rows
/// arrive, it must read back as the array of origins it was given.
@Suite struct RowOriginsTests {
    static let source = RowOrigin(file: "ties.csv", columns: ["id": 1])
    static let target = RowOrigin(file: "ties.csv", columns: ["id": 2])
    static let other = RowOrigin(file: "more.csv", columns: ["id": 1])

    static func at(_ origin: RowOrigin, _ line: Int?) -> RowOrigin {
        var origin = origin
        origin.line = line
        return origin
    }

    /// Blocks joined at once (one shape, mixed shapes on either side, shapes the left side
    /// has and has not seen, rows without a line) read back as the rows appended one by one.
    @Test func blocksJoinAsTheirRows() {
        let blocks: [[RowOrigin]] = [
            [Self.at(Self.source, 2), Self.at(Self.source, 3)],
            [Self.at(Self.source, 4), Self.at(Self.source, 5)],
            [Self.at(Self.target, 6), Self.at(Self.source, 7), Self.at(Self.target, 8)],
            [Self.at(Self.other, nil)],
            [],
            [Self.at(Self.source, 9)],
        ]
        var joined = RowOrigins()
        for block in blocks { joined.append(contentsOf: RowOrigins(block)) }
        let rows = blocks.flatMap { $0 }
        #expect(Array(joined) == rows)
        #expect(joined == RowOrigins(rows))
        // Only one shape: the lines are all that is joined.
        var single = RowOrigins(blocks[0])
        single.append(contentsOf: RowOrigins(blocks[1]))
        #expect(Array(single) == blocks[0] + blocks[1])
    }

    /// A row "like the last" takes the last row's file and columns with its own line, also
    /// after rows of other shapes; two shapes taking turns read back in turn.
    @Test func aRowLikeTheLastKeepsItsShape() {
        var origins: RowOrigins = [Self.at(Self.source, 2)]
        origins.append(line: 3)
        origins.append(Self.at(Self.target, 4))
        origins.append(line: 5)
        for line in 6..<20 { origins.append(Self.at(line % 2 == 0 ? Self.source : Self.target, line)) }
        let expected =
            [Self.at(Self.source, 2), Self.at(Self.source, 3), Self.at(Self.target, 4), Self.at(Self.target, 5)]
            + (6..<20).map { Self.at($0 % 2 == 0 ? Self.source : Self.target, $0) }
        #expect(Array(origins) == expected)
        #expect(origins[4].location("id") == SourceLocation(file: "ties.csv", line: 6, column: 1))
    }

    /// Lines are held as runs of consecutive lines: rows set or replaced in the middle, rows
    /// without a line and gaps between lines read back as given.
    @Test func linesReadBackWhateverTheirRuns() {
        var rows = (2..<40).map { Self.at(Self.source, $0) }
        rows += [
            Self.at(Self.source, 45), Self.at(Self.source, 46), Self.at(Self.other, nil), Self.at(Self.other, nil),
        ]
        var origins = RowOrigins(rows)
        #expect(Array(origins) == rows)
        origins[10] = Self.at(Self.target, 100)
        rows[10] = Self.at(Self.target, 100)
        #expect(Array(origins) == rows)
        origins.replaceSubrange(3..<6, with: [Self.at(Self.source, 7)])
        rows.replaceSubrange(3..<6, with: [Self.at(Self.source, 7)])
        #expect(Array(origins) == rows)
        #expect(origins == RowOrigins(rows))
        #expect(origins[origins.count - 1].location("id") == SourceLocation(file: "more.csv", column: 1))
    }
}
