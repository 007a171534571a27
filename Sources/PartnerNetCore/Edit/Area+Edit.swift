extension Area {
    /// The area with `edit` applied, and notes on what else it changed: partnerships left
    /// without a chair, members or votes, or with a quota out of reach; organisations left
    /// without ties; a focal sector left empty; the rules a merge applied. ``AreaEdit``
    /// defines each edit. The area itself is not changed.
    ///
    /// - Complexity: O(o + r + s) for o organisations, r relationships and s seats (an
    ///   unknown name adds the search for the closest one).
    /// - Throws: ``AreaEditError`` for a name the area lacks, a seat it does not hold, a
    ///   weight or a number of votes out of range, or a tie without a relation it needs.
    public func applying(_ edit: AreaEdit) throws(AreaEditError) -> (area: Area, notes: [String]) {
        switch edit {
        case .removeOrganisations(let ids):
            if ids.isEmpty { throw .empty("organisation") }
            for id in ids { try checkOrganisation(id) }
            return removing(Set(ids), what: ReportList.names(ids))
        case .removeSector(let sector):
            guard sectors.contains(sector) else {
                throw .unknownSector(sector, closest: closestMatch(to: sector, in: sectors), available: sectors)
            }
            let ids = organisations.filter { $0.sector == sector }.map(\.id)
            return removing(Set(ids), what: "the \(sector) sector (\(ReportList.names(ids)))")
        case .mergePartnerships(let first, let second, let name):
            try checkPartnership(first)
            try checkPartnership(second)
            if first == second { throw .sameTwice(first) }
            return merging(first, second, name: name)
        case .passChair(let partnership, let chairs):
            try checkPartnership(partnership)
            if chairs.isEmpty { throw .empty("organisation to chair") }
            for id in chairs { try checkOrganisation(id) }
            return passingChair(of: partnership, to: chairs)
        case .setVotes(let partnership, let organisation, let votes):
            try checkPartnership(partnership)
            try checkOrganisation(organisation)
            if votes < 0 { throw .negativeVotes(votes) }
            guard
                let seat = memberships.firstIndex(where: {
                    $0.partnership == partnership && $0.organisation == organisation
                })
            else {
                let members = memberships.filter { $0.partnership == partnership }.map(\.organisation)
                throw .noSeat(
                    organisation: organisation, partnership: partnership,
                    closest: closestMatch(to: organisation, in: members))
            }
            return settingVotes(votes, seat: seat)
        case .addTie(let source, let target, let relation, let weight):
            try checkOrganisation(source)
            try checkOrganisation(target)
            if source == target { throw .sameTwice(source) }
            guard weight.isFinite, weight > 0, weight <= Relationship.maximumWeight else {
                throw .invalidWeight(weight)
            }
            let names = relationNames
            let chosen: String
            if let relation {
                if relation == Area.coMembership { throw .derivedRelation(relation) }
                if !names.isEmpty { try checkRelation(relation) }
                chosen = relation
            } else if names.count > 1 {
                throw .relationNeeded(available: names)
            } else {
                chosen = names.first ?? Relationship.defaultRelation
            }
            return addingTie(Relationship(source: source, target: target, weight: weight, relation: chosen))
        case .dropRelation(let relation):
            if relation == Area.coMembership { throw .derivedRelation(relation) }
            try checkRelation(relation)
            return droppingRelation(relation)
        }
    }

    // MARK: Names

    private func checkOrganisation(_ id: String) throws(AreaEditError) {
        if organisations.contains(where: { $0.id == id }) { return }
        throw .unknownOrganisation(id, closest: closestMatch(to: id, in: organisations.map(\.id)))
    }

    private func checkPartnership(_ id: String) throws(AreaEditError) {
        if partnerships.contains(where: { $0.id == id }) { return }
        throw .unknownPartnership(id, closest: closestMatch(to: id, in: partnerships.map(\.id)))
    }

    private func checkRelation(_ relation: String) throws(AreaEditError) {
        let names = relationNames
        if names.contains(relation) { return }
        throw .unknownRelation(relation, closest: closestMatch(to: relation, in: names), available: names)
    }

    // MARK: Edits

    private func removing(_ ids: Set<String>, what: String) -> (area: Area, notes: [String]) {
        var edited = self
        edited.organisations.removeAll { ids.contains($0.id) }
        edited.relationships.removeAll { ids.contains($0.source) || ids.contains($0.target) }
        edited.unknownTies.removeAll { ids.contains($0.source) || ids.contains($0.target) }
        edited.memberships.removeAll { ids.contains($0.organisation) }
        let ties = relationships.count - edited.relationships.count
        let seats = memberships.count - edited.memberships.count
        var notes = [
            "removes \(what): \(ReportList.count(ties, "tie")) and \(ReportList.count(seats, "seat")) go"
        ]
        let touched = partnerships.filter { partnership in
            memberships.contains { $0.partnership == partnership.id && ids.contains($0.organisation) }
        }
        for partnership in touched { notes += edited.boardNotes(partnership.id, comparedWith: self) }
        notes += edited.tielessNotes(comparedWith: self)
        let focal = focalSector
        if organisations.contains(where: { $0.sector == focal })
            && !edited.organisations.contains(where: { $0.sector == focal })
        {
            notes.append("no organisation of the focal sector \(focal) is left: its shares and dominance are undefined")
        }
        return (edited, notes)
    }

    private func merging(_ first: String, _ second: String, name: String?) -> (area: Area, notes: [String]) {
        let one = partnerships.first { $0.id == first }!
        let two = partnerships.first { $0.id == second }!
        // The seats: the first's in order, then the second's newcomers; one seat for an
        // organisation on both, with the higher role and the larger vote.
        var seats = memberships.filter { $0.partnership == first }
        var position: [String: Int] = [:]
        for (index, seat) in seats.enumerated() where position[seat.organisation] == nil {
            position[seat.organisation] = index
        }
        var both: [String] = []
        for seat in memberships where seat.partnership == second {
            if let index = position[seat.organisation] {
                if seat.role.rank > seats[index].role.rank { seats[index].role = seat.role }
                seats[index].votes = max(seats[index].votes, seat.votes)
                both.append(seat.organisation)
            } else {
                var moved = seat
                moved.partnership = first
                position[seat.organisation] = seats.count
                seats.append(moved)
            }
        }
        var edited = self
        edited.memberships = []
        var placed = false
        for seat in memberships {
            if seat.partnership == first || seat.partnership == second {
                if !placed { edited.memberships += seats }
                placed = true
            } else {
                edited.memberships.append(seat)
            }
        }

        // The quota: the stricter share of votes, when either board set one.
        let totals = [first, second].map { id in memberships.filter { $0.partnership == id }.map(\.votes).reduce(0, +) }
        let total = seats.map(\.votes).reduce(0, +)
        var quota: Int?
        var quotaNote = "quota: the default, more than half of \(ReportList.count(total, "vote"))"
        if one.quota != nil || two.quota != nil {
            // Compare qᵢ/Tᵢ by cross-multiplying, to stay in whole numbers.
            let shares = zip([one, two], totals).filter { $0.1 > 0 }.map {
                ($0.0.effectiveQuota(totalVotes: $0.1), $0.1)
            }
            if let strictest = shares.max(by: { $0.0 * $1.1 < $1.0 * $0.1 }) {
                quota = max(1, (strictest.0 * total + strictest.1 - 1) / strictest.1)
                quotaNote =
                    "quota \(quota!) of \(total) votes: the stricter of \(first)'s "
                    + "\(one.effectiveQuota(totalVotes: totals[0])) of \(totals[0]) and \(second)'s "
                    + "\(two.effectiveQuota(totalVotes: totals[1])) of \(totals[1]), as a share of the votes, rounded up"
            } else {
                quota = one.quota ?? two.quota
                quotaNote = "quota \(quota!): neither board had votes, so the first's quota is kept"
            }
        }

        // The parent: the outer one's when nested, else the first's.
        let parent: String?
        var parentNote: String?
        if isNested(second, in: first) {
            parent = one.parent
        } else if isNested(first, in: second) {
            parent = two.parent
        } else {
            parent = one.parent
            if two.parent != one.parent {
                parentNote =
                    "\(second) was nested in \(two.parent ?? "no partnership"); the merged partnership keeps "
                    + "\(first)'s place, nested in \(one.parent ?? "no partnership")"
            }
        }
        let merged = Partnership(
            id: first, name: name ?? "\(one.displayName) and \(two.displayName)", parent: parent, quota: quota,
            attributes: one.attributes)
        edited.partnerships = partnerships.compactMap { partnership in
            if partnership.id == first { return merged }
            if partnership.id == second { return nil }
            var kept = partnership
            if kept.parent == second { kept.parent = first }
            return kept
        }

        var notes = [
            "merges \(second) into \(first) (\(quoted(merged.displayName))): \(ReportList.count(seats.count, "seat")), "
                + "\(ReportList.count(total, "vote"))"
        ]
        if !both.isEmpty {
            notes.append(
                "\(ReportList.names(both)) sat on both: one seat each, with the higher role and the larger vote")
        }
        let chairs = seats.filter { $0.role == .chair }.map(\.organisation)
        if chairs.count > 1 { notes.append("\(first) is co-chaired by \(ReportList.names(chairs))") }
        notes.append(quotaNote)
        if let parentNote { notes.append(parentNote) }
        let adopted = partnerships.filter { $0.parent == second && $0.id != first }.map(\.id)
        if !adopted.isEmpty {
            notes.append("\(ReportList.names(adopted)) now \(adopted.count == 1 ? "nests" : "nest") in \(first)")
        }
        notes += edited.boardNotes(first, comparedWith: nil)
        return (edited, notes)
    }

    /// Whether `inner` is nested in `outer` at any depth.
    private func isNested(_ inner: String, in outer: String) -> Bool {
        let parents = Dictionary(partnerships.map { ($0.id, $0.parent) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = [inner]
        var current = parents[inner] ?? nil
        while let id = current, seen.insert(id).inserted {
            if id == outer { return true }
            current = parents[id] ?? nil
        }
        return false
    }

    private func passingChair(of partnership: String, to chairs: [String]) -> (area: Area, notes: [String]) {
        var edited = self
        var previous: [String] = []
        var seated = Set<String>()
        var last: Int?
        for index in memberships.indices where memberships[index].partnership == partnership {
            let organisation = memberships[index].organisation
            last = index
            seated.insert(organisation)
            if memberships[index].role == .chair && !chairs.contains(organisation) {
                previous.append(organisation)
                edited.memberships[index].role = .member
            } else if chairs.contains(organisation) {
                edited.memberships[index].role = .chair
            }
        }
        var unique: [String] = []
        for id in chairs where !unique.contains(id) { unique.append(id) }
        let newcomers = unique.filter { !seated.contains($0) }
        let insertion = last.map { $0 + 1 } ?? edited.memberships.endIndex
        edited.memberships.insert(
            contentsOf: newcomers.map { Membership(partnership: partnership, organisation: $0, role: .chair) },
            at: insertion)
        let were = memberships.filter { $0.partnership == partnership && $0.role == .chair }.map(\.organisation)
        var notes: [String] = []
        if Set(were) == Set(unique) {
            notes.append(
                "\(ReportList.names(unique)) already \(were.count == 1 ? "chairs" : "chair") \(partnership): no change")
            return (edited, notes)
        }
        notes.append(
            "\(partnership): the chair passes "
                + (were.isEmpty ? "" : "from \(ReportList.names(were)) ") + "to \(ReportList.names(unique))"
                + (unique.count > 1 ? " as co-chairs" : ""))
        for id in previous {
            let votes = edited.memberships.first { $0.partnership == partnership && $0.organisation == id }!.votes
            notes.append("\(id) stays on \(partnership) as a member with \(ReportList.count(votes, "vote"))")
        }
        for id in newcomers { notes.append("\(id) takes a seat on \(partnership) to chair it, with 1 vote") }
        for seat in memberships where seat.partnership == partnership && unique.contains(seat.organisation) {
            if seat.role == .observer || seat.votes == 0 {
                notes.append("\(seat.organisation) chairs with its \(ReportList.count(seat.votes, "vote"))")
            }
        }
        notes += edited.boardNotes(partnership, comparedWith: self)
        return (edited, notes)
    }

    private func settingVotes(_ votes: Int, seat: Int) -> (area: Area, notes: [String]) {
        var edited = self
        edited.memberships[seat].votes = votes
        let old = memberships[seat]
        var notes = [
            "\(old.partnership): \(old.organisation)'s votes go from \(old.votes) to \(votes)"
        ]
        notes += edited.boardNotes(old.partnership, comparedWith: self)
        return (edited, notes)
    }

    private func addingTie(_ tie: Relationship) -> (area: Area, notes: [String]) {
        var edited = self
        edited.relationships.append(tie)
        let undirected = !metadata.isDirected(relation: tie.relation)
        let arrow = undirected ? "–" : "→"
        var notes = [
            "adds the tie \(tie.source) \(arrow) \(tie.target) to \(tie.relation), weight \(ReportList.number(tie.weight))"
        ]
        let repeated = relationships.contains { old in
            old.relation == tie.relation
                && ((old.source == tie.source && old.target == tie.target)
                    || (undirected && old.source == tie.target && old.target == tie.source))
        }
        if repeated {
            notes.append(
                "\(tie.relation) already holds that tie: the weights add when the graph is built, as repeated ties do")
        }
        // A tie recorded as unknown becomes known: the edit says what it is.
        let before = edited.unknownTies.count
        edited.unknownTies.removeAll { old in
            old.relation == tie.relation
                && ((old.source == tie.source && old.target == tie.target)
                    || (undirected && old.source == tie.target && old.target == tie.source))
        }
        if edited.unknownTies.count < before {
            notes.append("the tie was recorded as unknown (NA) in \(tie.relation); it is now known")
        }
        return (edited, notes)
    }

    private func droppingRelation(_ relation: String) -> (area: Area, notes: [String]) {
        var edited = self
        edited.relationships.removeAll { $0.relation == relation }
        edited.unknownTies.removeAll { $0.relation == relation }
        let dropped = relationships.count - edited.relationships.count
        return (
            edited,
            ["drops the relation \(relation): \(ReportList.count(dropped, "tie")) \(dropped == 1 ? "goes" : "go")"]
                + edited.tielessNotes(comparedWith: self)
        )
    }

    // MARK: Notes

    /// What changed on a partnership's board between `old` and this area: its chair, its
    /// members or votes gone, a quota out of reach, a default quota that moved.
    private func boardNotes(_ id: String, comparedWith old: Area?) -> [String] {
        guard let partnership = partnerships.first(where: { $0.id == id }) else { return [] }
        let seats = memberships.filter { $0.partnership == id }
        let total = seats.map(\.votes).reduce(0, +)
        let quota = partnership.effectiveQuota(totalVotes: total)
        let oldSeats = old?.memberships.filter { $0.partnership == id } ?? []
        let oldTotal = oldSeats.map(\.votes).reduce(0, +)
        var notes: [String] = []
        if seats.isEmpty {
            return ["\(id) is left without members"]
        }
        if oldSeats.contains(where: { $0.role == .chair }) && !seats.contains(where: { $0.role == .chair }) {
            notes.append("\(id) is left without a chair")
        }
        if total == 0 {
            notes.append("\(id) is left without votes: no decision can be carried")
        } else if quota > total {
            notes.append(
                "\(id)'s quota of \(quota) is out of reach of its \(ReportList.count(total, "vote")): no decision can be carried"
            )
        } else if let old, partnership.quota == nil, oldTotal != total,
            let before = old.partnerships.first(where: { $0.id == id })
        {
            notes.append(
                "\(id)'s default quota is now \(quota) of \(total) votes (was \(before.effectiveQuota(totalVotes: oldTotal)) of \(oldTotal))"
            )
        }
        return notes
    }

    /// Organisations that held a tie in `old` and hold none here.
    private func tielessNotes(comparedWith old: Area) -> [String] {
        func holders(_ area: Area) -> Set<String> {
            var ids = Set<String>()
            for tie in area.relationships where !tie.isSelfLoop {
                ids.insert(tie.source)
                ids.insert(tie.target)
            }
            return ids
        }
        let before = holders(old)
        let after = holders(self)
        let lost = organisations.map(\.id).filter { before.contains($0) && !after.contains($0) }
        guard !lost.isEmpty else { return [] }
        return ["\(ReportList.names(lost)) \(lost.count == 1 ? "is" : "are") left without ties"]
    }
}

/// Lists and counts in the notes' prose.
enum ReportList {
    /// `a`, `a and b`, `a, b and c`.
    static func names(_ items: [String]) -> String {
        switch items.count {
        case 0: "none"
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// `1 tie`, `3 ties`.
    static func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }

    /// A weight without a trailing `.0`.
    static func number(_ value: Double) -> String { formatNumber(value) }
}
