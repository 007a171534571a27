/// Which relations of an area a graph is built from.
public enum RelationSelection: Hashable, Sendable {
    /// The union of every relation in the relationships table (`co-membership` joins only
    /// when named).
    case all
    /// The union of the named relations; `co-membership` is the projection of memberships.
    case named([String])

    /// `.all` for an empty list, else the named relations.
    public init(_ names: [String]) {
        self = names.isEmpty ? .all : .named(names)
    }
}

/// A request the model cannot satisfy.
public enum ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A relation that appears nowhere in the area.
    case unknownRelation(String, available: [String])
    /// A tie or seat naming an organisation the area does not list.
    case unknownOrganisation(String)

    public var description: String {
        switch self {
        case .unknownRelation(let name, let available):
            let list =
                available.isEmpty
                ? "the area has none" : "the area has " + available.map(quoted).joined(separator: ", ")
            return "unknown relation \(quoted(name)): \(list)"
        case .unknownOrganisation(let id):
            return "unknown organisation \(quoted(id))"
        }
    }
}

extension Area {
    /// Relations a graph can be built from: those in the relationships table, then
    /// `co-membership` when the area has memberships.
    public var availableRelations: [String] {
        relationNames + (memberships.isEmpty ? [] : [Area.coMembership])
    }

    /// The relation names a selection stands for, checked against the area.
    ///
    /// - Throws: ``ModelError/unknownRelation(_:available:)`` for a name the area lacks.
    public func relations(in selection: RelationSelection) throws -> [String] {
        switch selection {
        case .all:
            return relationNames
        case .named(let names):
            let available = availableRelations
            var seen = Set<String>()
            for name in names where !available.contains(name) && !(name == Area.coMembership) {
                throw ModelError.unknownRelation(name, available: available)
            }
            return names.filter { seen.insert($0).inserted }
        }
    }

    /// Whether the union of `relations` is directed: true when any of them is; the area's
    /// default direction when there are none (an area with no ties yet).
    public func isDirected(relations: [String]) -> Bool {
        relations.isEmpty ? metadata.directed : relations.contains { metadata.isDirected(relation: $0) }
    }
}

extension Graph {
    /// The graph of an area's organisations (every one a node, in table order) over the
    /// selected relations, with the conventions of Docs/METRICS.md.
    ///
    /// An arc exists when it exists in any selected relation, and the weights of merged
    /// arcs are summed. The union is directed when any selected relation is; an undirected
    /// tie then gives an arc each way. Self-loops are dropped. `co-membership` ties two
    /// organisations once for each partnership they share (weight = the number shared;
    /// observers count).
    ///
    /// - Throws: ``ModelError`` for an unknown relation or an organisation id that the
    ///   area does not list (a validated area has none).
    /// - Complexity: O(n + R + Σₚ kₚ²) for n organisations, R relationships and kₚ members
    ///   of partnership p.
    public init(area: Area, relations selection: RelationSelection = .all) throws {
        let relations = try area.relations(in: selection)
        let directed = area.isDirected(relations: relations)
        let labels = area.organisations.map(\.id)
        var handles: [String: Int] = [:]
        handles.reserveCapacity(labels.count)
        for (handle, label) in labels.enumerated() where handles[label] == nil { handles[label] = handle }

        func handle(_ id: String) throws -> Int32 {
            guard let value = handles[id] else { throw ModelError.unknownOrganisation(id) }
            return Int32(value)
        }

        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        let selected = Set(relations)
        for tie in area.relationships where selected.contains(tie.relation) {
            let (source, target) = (try handle(tie.source), try handle(tie.target))
            sources.append(source)
            targets.append(target)
            weights.append(tie.weight)
            // In a directed union an undirected tie stands for both arcs.
            if directed && !area.metadata.isDirected(relation: tie.relation) {
                sources.append(target)
                targets.append(source)
                weights.append(tie.weight)
            }
        }
        if selected.contains(Area.coMembership) {
            var members: [String: [Int32]] = [:]
            for seat in area.memberships {
                members[seat.partnership, default: []].append(try handle(seat.organisation))
            }
            for partnership in members.keys.sorted() {
                let seats = members[partnership]!
                for i in seats.indices {
                    for j in seats.index(after: i)..<seats.endIndex where seats[i] != seats[j] {
                        sources.append(seats[i])
                        targets.append(seats[j])
                        weights.append(1)
                        if directed {
                            sources.append(seats[j])
                            targets.append(seats[i])
                            weights.append(1)
                        }
                    }
                }
            }
        }
        self.init(
            labels: labels, handles: handles, directed: directed, sources: sources, targets: targets, weights: weights)
    }
}
