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

/// How a graph's arc weights were formed from the weights of the relations it unites
/// (METRICS.md, "Graph conventions", revised; Docs/CONVENTIONS.md).
///
/// Weights of different relations are in different units (pounds, contacts, ratings) and
/// are never added unless they share one:
///
/// - one selected relation keeps its weights, duplicate arcs summed;
/// - several relations that all declare the same `unit` in `area.json` have their weights
///   summed over relations;
/// - otherwise an arc's weight is its multiplexity: the number of selected relations that
///   hold it (each relation counts once, however many times it repeats the arc).
public enum WeightCombination: Hashable, Sendable, CustomStringConvertible {
    /// One relation: its own weights, duplicate arcs summed.
    case single(relation: String)
    /// Several relations declaring the same unit: weights summed across them.
    case sameUnit(String)
    /// Several relations with different or undeclared units (or none selected): each arc
    /// weighs the number of selected relations linking the pair.
    case multiplexity(relations: [String])

    /// How `relations` of an area combine, by the rule above.
    public init(relations: [String], metadata: AreaMetadata) {
        if relations.count == 1 {
            self = .single(relation: relations[0])
        } else if let unit = relations.first.flatMap(metadata.unit(of:)),
            relations.allSatisfy({ metadata.unit(of: $0) == unit })
        {
            self = .sameUnit(unit)
        } else {
            self = .multiplexity(relations: relations)
        }
    }

    /// Whether weights are relation counts rather than the relations' own weights.
    public var isMultiplexity: Bool {
        if case .multiplexity = self { return true }
        return false
    }

    /// A phrase for reports: what a weight of the graph is.
    public var description: String {
        switch self {
        case .single(let relation): "weights of \"\(relation)\""
        case .sameUnit(let unit): "weights summed across relations (all in \(unit))"
        case .multiplexity(let relations):
            "multiplexity: the number of relations (of \(relations.count)) linking each pair"
        }
    }
}

extension Area {
    /// How the weights of the selected relations combine in ``Graph/init(area:relations:)``.
    ///
    /// - Throws: ``ModelError/unknownRelation(_:available:)`` for a name the area lacks.
    public func weightCombination(for selection: RelationSelection = .all) throws -> WeightCombination {
        WeightCombination(relations: try relations(in: selection), metadata: metadata)
    }
}

extension Graph {
    /// The graph of an area's organisations (every one a node, in table order) over the
    /// selected relations, with the conventions of Docs/METRICS.md.
    ///
    /// An arc exists when it exists in any selected relation. Its weight follows
    /// ``WeightCombination``: one relation keeps its weights (duplicate arcs summed);
    /// relations that all declare the same `unit` have their weights summed; otherwise the
    /// weight is the multiplexity, the number of selected relations holding the arc. The
    /// union is directed when any selected relation is; an undirected tie then gives an arc
    /// each way, and counts once toward each. Self-loops are dropped. `co-membership` ties
    /// two organisations once for each partnership they share (weight = the number shared;
    /// observers count); in a multiplex union it counts once, as any relation.
    ///
    /// Worked example: A→B in `funding` (directed, 300), A–B in `joint` (undirected, 2),
    /// units differ. The directed union has A→B weighing 2 (both relations) and B→A
    /// weighing 1 (`joint` only); A's out-strength is 2, its in-strength 1.
    ///
    /// - Throws: ``ModelError`` for an unknown relation or an organisation id that the
    ///   area does not list (a validated area has none).
    /// - Complexity: O(n + R + Σₚ kₚ²) time for n organisations, R relationships and kₚ
    ///   members of partnership p; a multiplex union also holds one hash set of the arcs of
    ///   the relation being read (O(R + Σₚ kₚ²) extra space).
    public init(area: Area, relations selection: RelationSelection = .all) throws {
        let relations = try area.relations(in: selection)
        let directed = area.isDirected(relations: relations)
        let combination = WeightCombination(relations: relations, metadata: area.metadata)
        let labels = area.organisations.map(\.id)
        var handles: [String: Int] = [:]
        handles.reserveCapacity(labels.count)
        for (handle, label) in labels.enumerated() where handles[label] == nil { handles[label] = handle }

        func handle(_ id: String) throws -> Int32 {
            guard let value = handles[id] else { throw ModelError.unknownOrganisation(id) }
            return Int32(value)
        }

        // Every relation's arcs with their own weights, by position in `relations`: an
        // undirected tie of a directed union stands for both arcs.
        var position: [String: Int] = [:]
        for (index, relation) in relations.enumerated() { position[relation] = index }
        var arcs = [(sources: [Int32], targets: [Int32], weights: [Double])](
            repeating: ([], [], []), count: relations.count)
        func add(_ index: Int, _ source: Int32, _ target: Int32, _ weight: Double, both: Bool) {
            arcs[index].sources.append(source)
            arcs[index].targets.append(target)
            arcs[index].weights.append(weight)
            if both { add(index, target, source, weight, both: false) }
        }
        // Ends and relations through the relationships' columns: one lookup per distinct id,
        // none when the organisations are the ties' ends as read (an edge list's).
        let ends =
            area.relationships.endpointIDs == labels
            ? area.relationships.endpointColumns : area.relationships.endpointPositions(in: handles)
        let relationOf = area.relationships.relationPositions(in: relations)
        let bothWays = relations.map { directed && !area.metadata.isDirected(relation: $0) }
        for tie in area.relationships.indices where relationOf[tie] != Relationships.absent {
            let index = Int(relationOf[tie])
            let (source, target) = (ends.sources[tie], ends.targets[tie])
            if source == Relationships.absent { _ = try handle(area.relationships.source(at: tie)) }
            if target == Relationships.absent { _ = try handle(area.relationships.target(at: tie)) }
            add(
                index, Int32(truncatingIfNeeded: source), Int32(truncatingIfNeeded: target),
                area.relationships.weight(at: tie), both: bothWays[index])
        }
        if let index = position[Area.coMembership] {
            var members: [String: [Int32]] = [:]
            for seat in area.memberships {
                members[seat.partnership, default: []].append(try handle(seat.organisation))
            }
            for partnership in members.keys.sorted() {
                let seats = members[partnership]!
                for i in seats.indices {
                    for j in seats.index(after: i)..<seats.endIndex where seats[i] != seats[j] {
                        add(index, seats[i], seats[j], 1, both: directed)
                    }
                }
            }
        }

        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        for own in arcs {
            if !combination.isMultiplexity {
                sources += own.sources
                targets += own.targets
                weights += own.weights
                continue
            }
            // One arc of weight 1 per distinct pair of this relation; the graph's merge then
            // sums them into the number of relations. An undirected union's pair is
            // unordered, so B–A repeats A–B.
            var seen = Set<UInt64>()
            seen.reserveCapacity(own.sources.count)
            for (source, target) in zip(own.sources, own.targets) {
                let (a, b) = directed ? (source, target) : (min(source, target), max(source, target))
                guard seen.insert(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))).inserted else { continue }
                sources.append(a)
                targets.append(b)
                weights.append(1)
            }
        }
        self.init(
            labels: labels, handles: handles, directed: directed, sources: sources, targets: targets, weights: weights,
            weightCombination: combination)
    }
}
