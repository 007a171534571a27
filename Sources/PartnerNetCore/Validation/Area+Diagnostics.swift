/// The tables of an area, for saying which could not be read.
public enum AreaTable: String, Hashable, Sendable, CaseIterable {
    case organisations, relationships, partnerships, memberships
}

extension Area {
    /// Every problem in the area's content, in table order: errors that make the area
    /// unusable and warnings about conventions applied to it.
    ///
    /// Errors: a control character other than tab and line breaks in any text, an empty or
    /// duplicate organisation or partnership id, an empty sector, a
    /// relationship or membership naming an unknown organisation, a weight that is not a
    /// positive finite number or exceeds ``Relationship/maximumWeight``, a membership of an unknown partnership, a repeated
    /// membership, negative votes, a quota below 1, an unknown `parent`, a cycle of
    /// `parent` links, nesting deeper than ``Partnership/maximumNesting``, memberships
    /// without a partnerships table, votes on one partnership adding up to more than `Int.max`.
    /// Warnings: self-loops (dropped from every graph), duplicate ties within a relation
    /// (merged, weights summed; for an undirected relation `A,B` and `B,A` are the same
    /// tie), a quota no coalition can reach.
    ///
    /// Unknown ties (weight `NA`, ``unknownTies``): an unknown organisation, an empty
    /// relation and a tie recorded both as unknown and as known (in an undirected relation,
    /// in either order) are errors; an unknown self-loop (ignored) and an unknown tie
    /// repeated (counted once) are warnings.
    ///
    /// - Parameters:
    ///   - origins: where each element was read from, for the locations.
    ///   - unreadable: tables that could not be read; references into them are not checked,
    ///     so one broken file does not bury its own error under a flood of others.
    /// - Complexity: O(R + M + P · depth) expected time with hashing, for R relationships,
    ///   M memberships and P partnerships.
    public func diagnostics(origins: AreaOrigins, unreadable: Set<AreaTable> = []) -> [Diagnostic] {
        var found = controlCharacterDiagnostics(origins: origins)
        // An edge list's organisations as read are the ties' ends in order, each once and none
        // empty: the ties' own columns are then their positions, and no table of ids is built.
        let asRead =
            !organisations.contains { $0.id.isEmpty }
            && relationships.endpointIDs.elementsEqual(organisations.lazy.map(\.id))
        let organisationLine =
            asRead
            ? [:]
            : firstOccurrences(
                of: organisations.map(\.id), origins: origins.organisations, kind: "organisation", into: &found)
        func organisationPosition(_ id: String) -> Int? {
            asRead ? relationships.endpointPosition(of: id) : organisationLine[id]
        }
        for (index, organisation) in organisations.enumerated() {
            if organisation.sector.isEmpty {
                found.append(.error(at: origins.organisations[index].location("sector"), "sector is empty"))
            }
        }
        let checkOrganisations = !unreadable.contains(.organisations)

        func checkOrganisation(_ id: String, field: String, origin: RowOrigin) {
            guard checkOrganisations, organisationPosition(id) == nil else { return }
            if id.isEmpty {
                found.append(.error(at: origin.location(field), "\(field) is empty"))
                return
            }
            var message = "unknown organisation \(quotedVisibly(id)) in \(field)"
            let trimmed = id.trimmingWhitespace()
            if trimmed != id, organisationPosition(trimmed) != nil {
                message += " (did you mean \(quoted(trimmed)), without the surrounding spaces?)"
            } else if let note = invisibleCharacterNote(id) {
                message += " (\(note))"
            }
            found.append(.error(at: origin.location(field), message))
        }

        // Relationships: references, weights, self-loops and duplicates, read through the
        // relationships' columns (each distinct id looked up once). Problems are gathered by
        // row and put in row order, a row's duplicate warning after its other problems.
        var tieFound: [(row: Int, diagnostic: Diagnostic)] = []
        let relationOrder = relationships.relationNames
        var relationIndex: [String: Int] = [:]
        for (index, name) in relationOrder.enumerated() { relationIndex[name] = index }
        let relationOf = relationships.relationPositions(in: relationOrder)
        let relationDirected = relationOrder.map { metadata.isDirected(relation: $0) }
        let ends = asRead ? relationships.endpointColumns : relationships.endpointPositions(in: organisationLine)
        for index in relationships.indices {
            let weight = relationships.weight(at: index)
            let sourceHandle = ends.sources[index] == Relationships.absent ? nil : Int(ends.sources[index])
            let targetHandle = ends.targets[index] == Relationships.absent ? nil : Int(ends.targets[index])
            let before = found.count
            if sourceHandle == nil || targetHandle == nil || !(weight.isFinite && weight > 0)
                || weight > Relationship.maximumWeight || relationships.isSelfLoop(at: index)
                || relationships.relation(at: index).isEmpty
            {
                let tie = relationships[index]
                let origin = origins.relationships[index]
                if sourceHandle == nil { checkOrganisation(tie.source, field: "source", origin: origin) }
                if targetHandle == nil { checkOrganisation(tie.target, field: "target", origin: origin) }
                if !(weight.isFinite && weight > 0) {
                    found.append(
                        .error(
                            at: origin.location("weight"),
                            "weight must be a positive finite number, got \(formatNumber(weight))"))
                } else if weight > Relationship.maximumWeight {
                    found.append(
                        .error(
                            at: origin.location("weight"),
                            "weight must be at most 1e15 (so that sums of weights stay finite), got \(weight)"))
                }
                if tie.relation.isEmpty {
                    found.append(.error(at: origin.location("relation"), "relation is empty"))
                }
                if tie.isSelfLoop {
                    found.append(
                        .warning(
                            at: origin.location(),
                            "self-loop \(quoted(tie.source)) (\(tie.relation)) dropped from every graph"))
                }
                tieFound += found[before...].map { (index, $0) }
                found.removeSubrange(before...)
            }
        }
        // Duplicates: each tie's rows in row order. Dated rows of one tie whose since/until
        // spans do not overlap are its history, not duplicates (Docs/FORMAT.md, "Waves").
        let ties = TieIndex(
            sources: ends.sources, targets: ends.targets, relations: relationOf, directed: relationDirected,
            nodes: organisations.count, sortAll: !unknownTies.isEmpty)
        ties.forEachRepeatedTie { rows in
            let first = rows[0]
            var dated: [Int] = []
            for later in rows.dropFirst() {
                if let overlapping = Self.firstOverlapping(
                    later, among: [first] + dated, { relationships.attributes(at: $0) })
                {
                    let tie = relationships[later]
                    let arrow = relationDirected[Int(relationOf[later])] ? "→" : "–"
                    tieFound.append(
                        (
                            later,
                            .warning(
                                at: origins.relationships[later].location(),
                                "duplicate tie \(quoted(tie.source)) \(arrow) \(quoted(tie.target)) (\(tie.relation)) "
                                    + "merged with \(origins.relationships[overlapping].place): weights summed")
                        ))
                } else {
                    dated.append(later)
                }
            }
        }
        found += tieFound.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }
            .map(\.element.diagnostic)

        // Unknown ties (weight NA): references, self-loops, repeats, and a tie recorded
        // both as unknown and as known, which is an error: the file contradicts itself.
        var firstUnknown: [UnknownKey: Int] = [:]
        for (index, tie) in unknownTies.enumerated() {
            let origin = origins.unknownTies[index]
            let source = organisationPosition(tie.source)
            let target = organisationPosition(tie.target)
            if source == nil { checkOrganisation(tie.source, field: "source", origin: origin) }
            if target == nil { checkOrganisation(tie.target, field: "target", origin: origin) }
            if tie.relation.isEmpty {
                found.append(.error(at: origin.location("relation"), "relation is empty"))
            }
            if tie.isSelfLoop {
                found.append(
                    .warning(
                        at: origin.location(),
                        "unknown self-loop \(quoted(tie.source)) (\(tie.relation)) ignored: self-loops are never used"))
                continue
            }
            guard let source, let target else { continue }
            let directed = metadata.isDirected(relation: tie.relation)
            let relation = relationIndex[tie.relation] ?? relationIndex.count
            relationIndex[tie.relation] = relation
            let key = UnknownKey(relation: relation, source: source, target: target, directed: directed)
            let arrow = directed ? "→" : "–"
            let name = "\(quoted(tie.source)) \(arrow) \(quoted(tie.target)) (\(tie.relation))"
            if let known = ties.firstRow(source: source, target: target, relation: relation, directed: directed) {
                found.append(
                    .error(
                        at: origin.location("weight"),
                        "tie \(name) is recorded as unknown (NA) here and as known at "
                            + "\(origins.relationships[known].place): keep one of the two rows"))
            } else if let first = firstUnknown[key] {
                found.append(
                    .warning(
                        at: origin.location(),
                        "unknown tie \(name) repeats \(origins.unknownTies[first].place): counted once"))
            } else {
                firstUnknown[key] = index
            }
        }

        // Partnerships: ids, parents, cycles, quotas.
        let partnershipLine = firstOccurrences(
            of: partnerships.map(\.id), origins: origins.partnerships, kind: "partnership", into: &found)
        for (index, partnership) in partnerships.enumerated() {
            let origin = origins.partnerships[index]
            if let parent = partnership.parent, partnershipLine[parent] == nil {
                let note = invisibleCharacterNote(parent).map { " (\($0))" } ?? ""
                found.append(
                    .error(at: origin.location("parent"), "unknown parent partnership \(quotedVisibly(parent))\(note)"))
            }
            if let quota = partnership.quota, quota < 1 {
                found.append(.error(at: origin.location("quota"), "quota must be at least 1, got \(quota)"))
            }
        }
        let cycles = parentCycleDiagnostics(origins: origins, index: partnershipLine)
        found += cycles
        if cycles.isEmpty { found += nestingDiagnostics(origins: origins, index: partnershipLine) }

        // Memberships: references, votes, repeats, quotas that cannot be met.
        if !memberships.isEmpty && !origins.hasPartnershipsTable {
            found.append(
                .error(
                    at: SourceLocation(file: origins.membershipsFile),
                    "memberships need a partnerships table (partnerships.csv) naming each partnership"))
        }
        var seat: [SeatKey: Int] = [:]
        var datedSeats: [SeatKey: [Int]] = [:]
        // Votes on each partnership; nil once they add up past Int.max.
        var votesOn: [String: Int?] = [:]
        for (index, membership) in memberships.enumerated() {
            let origin = origins.memberships[index]
            if origins.hasPartnershipsTable && !unreadable.contains(.partnerships)
                && partnershipLine[membership.partnership] == nil
            {
                let note = invisibleCharacterNote(membership.partnership).map { " (\($0))" } ?? ""
                let message =
                    membership.partnership.isEmpty
                    ? "partnership is empty" : "unknown partnership \(quotedVisibly(membership.partnership))\(note)"
                found.append(.error(at: origin.location("partnership"), message))
            }
            checkOrganisation(membership.organisation, field: "organisation", origin: origin)
            if membership.votes < 0 {
                found.append(
                    .error(at: origin.location("votes"), "votes must be 0 or more, got \(membership.votes)"))
            }
            let key = SeatKey(partnership: membership.partnership, organisation: membership.organisation)
            if let first = seat[key],
                let overlapping = Self.firstOverlapping(
                    index, among: [first] + (datedSeats[key] ?? []), { memberships[$0].attributes })
            {
                found.append(
                    .error(
                        at: origin.location("organisation"),
                        "\(quoted(membership.organisation)) is listed twice on partnership "
                            + "\(quoted(membership.partnership)) (first at \(origins.memberships[overlapping].place))"))
            } else if seat[key] != nil {
                datedSeats[key, default: []].append(index)
            } else {
                seat[key] = index
            }
            // Summed with an overflow check: 2⁶² votes twice would trap in plain addition.
            if let sum = votesOn[membership.partnership, default: 0] {
                let (total, overflow) = sum.addingReportingOverflow(max(membership.votes, 0))
                votesOn[membership.partnership] = overflow ? nil as Int? : total
                if overflow {
                    found.append(
                        .error(
                            at: origin.location("votes"),
                            "the votes on partnership \(quoted(membership.partnership)) add up to more than "
                                + "\(Int.max), the most PartnerNet can count"))
                }
            }
        }
        for (index, partnership) in partnerships.enumerated() {
            guard let quota = partnership.quota, quota >= 1, let total = votesOn[partnership.id, default: 0] else {
                continue
            }
            if quota > total {
                found.append(
                    .warning(
                        at: origins.partnerships[index].location("quota"),
                        "quota \(quota) exceeds the \(total) vote\(total == 1 ? "" : "s") on \(quoted(partnership.id)): "
                            + "no coalition can carry a decision"))
            }
        }
        return found
    }

    /// Reports empty and repeated ids and returns the index of each id's first occurrence.
    private func firstOccurrences<Origins: RandomAccessCollection<RowOrigin>>(
        of ids: [String], origins: Origins, kind: String, into found: inout [Diagnostic]
    ) -> [String: Int] where Origins.Index == Int {
        var first: [String: Int] = [:]
        first.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() {
            if id.isEmpty {
                found.append(.error(at: origins[index].location("id"), "\(kind) id is empty"))
            } else if let earlier = first[id] {
                found.append(
                    .error(
                        at: origins[index].location("id"),
                        "duplicate \(kind) id \(quoted(id)) (first at \(origins[earlier].place))"))
            } else {
                first[id] = index
            }
        }
        return first
    }

    /// One error per cycle of `parent` links, naming the whole cycle, reported at the
    /// member that comes first in the table.
    private func parentCycleDiagnostics(origins: AreaOrigins, index: [String: Int]) -> [Diagnostic] {
        // 0 = unvisited, 1 = on the current walk, 2 = finished.
        var state = [UInt8](repeating: 0, count: partnerships.count)
        var found: [Diagnostic] = []
        for start in partnerships.indices where state[start] == 0 {
            var walk: [Int] = []
            var current: Int? = start
            while let node = current, state[node] == 0 {
                state[node] = 1
                walk.append(node)
                current = partnerships[node].parent.flatMap { index[$0] }
            }
            if let node = current, state[node] == 1, let entry = walk.firstIndex(of: node) {
                let cycle = Array(walk[entry...])
                let first = cycle.min()!
                let names = (cycle + [cycle[0]]).map { quoted(partnerships[$0].id) }.joined(separator: " → ")
                found.append(
                    .error(at: origins.partnerships[first].location("parent"), "cycle of parent links: \(names)"))
            }
            for node in walk { state[node] = 2 }
        }
        return found
    }
}

extension Area {
    /// One error at the first partnership, in table order, nested more than
    /// ``Partnership/maximumNesting`` levels below the top, naming the top of its chain.
    /// Depths are found by walking `parent` links without recursion, each partnership once.
    fileprivate func nestingDiagnostics(
        origins: AreaOrigins, index: [String: Int], limit: Int = Partnership.maximumNesting
    ) -> [Diagnostic] {
        var depth = [Int](repeating: -1, count: partnerships.count)
        for start in partnerships.indices where depth[start] < 0 {
            var walk: [Int] = []
            var current: Int? = start
            while let node = current, depth[node] < 0 {
                walk.append(node)
                current = partnerships[node].parent.flatMap { index[$0] }
            }
            var level = current.map { depth[$0] } ?? -1
            for node in walk.reversed() {
                level += 1
                depth[node] = level
            }
        }
        guard let deep = depth.firstIndex(where: { $0 > limit }) else { return [] }
        var top = deep
        while let parent = partnerships[top].parent.flatMap({ index[$0] }) { top = parent }
        return [
            .error(
                at: origins.partnerships[deep].location("parent"),
                "partnership \(quoted(partnerships[deep].id)) is nested \(depth[deep]) levels below "
                    + "\(quoted(partnerships[top].id)); PartnerNet reads at most \(limit) levels of parent links")
        ]
    }

}

/// The known ties of an area grouped by tie (relation and ends, unordered when the relation
/// is undirected), for finding duplicates: rows put in buckets by their first end (a
/// counting sort, so row order is kept), then each bucket of two or more sorted by second end
/// and relation. Four bytes a row beside the ends and relations the caller holds.
///
/// - Complexity: O(R + n + Σ b log b) time for R rows, n organisations and buckets of b rows.
private struct TieIndex {
    private let sources: [UInt32]
    private let targets: [UInt32]
    private let relations: RelationPositions
    private let directed: [Bool]
    private var offsets: [Int]
    private var order: [UInt32]
    /// The buckets sorted because two of their rows share a second end (every bucket of
    /// more than one row when `sortAll`).
    private var sortedBuckets: [Int] = []
    private var sortedAll = false

    /// - Parameters: the organisation positions of every row's ends
    ///   (``Relationships/absent`` for an unknown organisation), its relation's position
    ///   and whether each relation is directed. Rows with both ends known and distinct are
    ///   taken (a self-loop is no tie). `sortAll` sorts every bucket, for
    ///   ``firstRow(source:target:relation:directed:)``; otherwise only buckets holding a
    ///   repeated tie are, enough for ``forEachRepeatedTie(_:)``.
    init(
        sources: [UInt32], targets: [UInt32], relations: RelationPositions, directed: [Bool], nodes: Int,
        sortAll: Bool
    ) {
        (self.sources, self.targets, self.relations, self.directed) = (sources, targets, relations, directed)
        func indexed(_ row: Int) -> Bool {
            let (s, t) = (sources[row], targets[row])
            return s != t && s != Relationships.absent && t != Relationships.absent
        }
        var offsets = [Int](repeating: 0, count: nodes + 1)
        for row in sources.indices where indexed(row) {
            let (s, t) = (sources[row], targets[row])
            offsets[Int(directed[Int(relations[row])] ? s : min(s, t)) + 1] += 1
        }
        for node in 0..<nodes { offsets[node + 1] += offsets[node] }
        var next = offsets
        var order = [UInt32](repeating: 0, count: offsets[nodes])
        for row in sources.indices where indexed(row) {
            let (s, t) = (sources[row], targets[row])
            let first = Int(directed[Int(relations[row])] ? s : min(s, t))
            order[next[first]] = UInt32(row)
            next[first] += 1
        }
        next = []
        func second(_ row: Int) -> UInt32 {
            let (s, t) = (sources[row], targets[row])
            return directed[Int(relations[row])] ? t : max(s, t)
        }
        // A bucket needs sorting only when two of its rows share a second end (and for
        // lookups by tie, when `sortAll`): found with one stamp an organisation.
        var stamp = [Int32](repeating: -1, count: sortAll ? 0 : nodes)
        var sortedBuckets: [Int] = []
        for node in 0..<nodes where offsets[node + 1] - offsets[node] > 1 {
            let bucket = offsets[node]..<offsets[node + 1]
            if !sortAll {
                var repeated = false
                for position in bucket {
                    let end = Int(second(Int(order[position])))
                    if stamp[end] == Int32(node) {
                        repeated = true
                        break
                    }
                    stamp[end] = Int32(node)
                }
                if !repeated { continue }
            }
            sortedBuckets.append(node)
            let keyed = bucket.map { position -> (UInt64, UInt32) in
                let row = order[position]
                return (UInt64(second(Int(row))) << 32 | UInt64(relations[Int(row)]), row)
            }.sorted { $0 < $1 }
            for (place, entry) in zip(bucket, keyed) { order[place] = entry.1 }
        }
        self.offsets = offsets
        self.order = order
        self.sortedBuckets = sortedBuckets
        self.sortedAll = sortAll
    }

    /// A row's second end and relation: its order inside its bucket.
    private func key(_ row: Int) -> (UInt32, UInt32) {
        let (s, t) = (sources[row], targets[row])
        return (directed[Int(relations[row])] ? t : max(s, t), relations[row])
    }

    /// Calls `body` with the rows of each tie that has more than one, in row order.
    func forEachRepeatedTie(_ body: ([Int]) -> Void) {
        // Only a sorted bucket can hold a repeated tie.
        for node in sortedBuckets {
            var start = offsets[node]
            while start < offsets[node + 1] {
                var end = start + 1
                let tie = key(Int(order[start]))
                while end < offsets[node + 1] && key(Int(order[end])) == tie { end += 1 }
                if end - start > 1 { body(order[start..<end].map { Int($0) }) }
                start = end
            }
        }
    }

    /// The first row of the tie between `source` and `target` in `relation`, if any.
    func firstRow(source: Int, target: Int, relation: Int, directed: Bool) -> Int? {
        precondition(sortedAll, "firstRow needs every bucket sorted")
        let (a, b) = directed || source <= target ? (source, target) : (target, source)
        guard a + 1 < offsets.count else { return nil }
        let wanted = (UInt32(b), UInt32(relation))
        var (low, high) = (offsets[a], offsets[a + 1])
        while low < high {
            let middle = (low + high) / 2
            if key(Int(order[middle])) < wanted { low = middle + 1 } else { high = middle }
        }
        return low < offsets[a + 1] && key(Int(order[low])) == wanted ? Int(order[low]) : nil
    }
}

/// An unknown tie's identity: its relation and ends, unordered when the relation is undirected.
private struct UnknownKey: Hashable {
    let relation: Int
    let first: Int
    let second: Int

    init(relation: Int, source: Int, target: Int, directed: Bool) {
        self.relation = relation
        (first, second) = directed || source <= target ? (source, target) : (target, source)
    }
}

private struct SeatKey: Hashable {
    let partnership: String
    let organisation: String
}

extension RowOrigin {
    /// "line 5" for a table row, the path for a structured file.
    fileprivate var place: String {
        if let line { return "line \(line)" }
        return path ?? file
    }
}

/// A value in double quotes, escaped as a JSON string literal (RFC 8259): how messages
/// and JSON output quote user text, so that quotes and line breaks in a name stay visible.
public func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

extension String {
    /// The text without leading and trailing white space (Unicode's White_Space property).
    ///
    /// - Complexity: O(1) when neither end is white space (the usual cell), else O(length).
    public func trimmingWhitespace() -> String {
        // Fast path: text that starts and ends with a printable ASCII character.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
