import PartnerNetCore

/// A measure with one score per organisation, by its name in Docs/METRICS.md (the CLI's
/// `--metrics` value, the CSV column, the JSON key).
public enum NodeMeasure: String, CaseIterable, Sendable, Hashable {
    case degree
    case inDegree = "in_degree"
    case outDegree = "out_degree"
    case strength
    case inStrength = "in_strength"
    case outStrength = "out_strength"
    case degreeCentrality = "degree_centrality"
    case betweenness
    case betweennessNormalized = "betweenness_normalized"
    case closeness
    case inCloseness = "in_closeness"
    case harmonic
    case eigenvector
    case pagerank
    case katz
    case bonacichPower = "bonacich_power"
    case clustering
    case constraint
    case effectiveSize = "effective_size"
    case efficiency
    case hierarchy
    case coordinator
    case itinerant
    case representative
    case gatekeeper
    case liaison
    case brokerageTotal = "brokerage_total"
    case coreness
    case inCore = "in_core"

    /// One line for `--help` and reports.
    public var summary: String {
        switch self {
        case .degree: "ties (directed: arcs in + out)"
        case .inDegree: "arcs received"
        case .outDegree: "arcs sent"
        case .strength: "sum of tie weights (directed: in + out)"
        case .inStrength: "sum of weights received"
        case .outStrength: "sum of weights sent"
        case .degreeCentrality: "degree / (n − 1)"
        case .betweenness: "shortest paths between pairs of others via the node"
        case .betweennessNormalized: "betweenness / pairs that could pass through the node"
        case .closeness: "inverse mean distance out × share of others reached"
        case .inCloseness: "the same over paths into the node"
        case .harmonic: "sum of 1/distance to the others (0 if unreachable)"
        case .eigenvector: "principal eigenvector of in-ties, unit length"
        case .pagerank: "random-surfer share of time (--damping, default 0.85)"
        case .katz: "walks into the node, length k weighted alpha^k"
        case .bonacichPower: "walks out of the node weighted beta^k (needs --beta)"
        case .clustering: "share of pairs of neighbours tied to each other"
        case .constraint: "Burt's constraint: how far the node's ties lead to each other"
        case .effectiveSize: "Burt's effective size: alters less their redundancy"
        case .efficiency: "effective size / number of alters"
        case .hierarchy: "how far constraint comes from one alter (Burt; 2+ alters)"
        case .coordinator, .itinerant, .representative, .gatekeeper, .liaison, .brokerageTotal:
            "Gould–Fernandez: " + brokerageRole!.summary + " (needs --groups)"
        case .coreness: "continuous core/periphery coreness (least squares, Borgatti & Everett)"
        case .inCore: "1 in the categorical core (Borgatti & Everett), 0 in the periphery"
        }
    }

    /// Whether every score is a whole number.
    public var isCount: Bool { [.degree, .inDegree, .outDegree, .inCore].contains(self) || brokerageRole != nil }

    /// Whether the measure cannot be computed without a parameter that has no default
    /// (`bonacich_power` needs β, the brokerage roles need groups).
    public var needsParameter: Bool { self == .bonacichPower || brokerageRole != nil }

    /// The Gould–Fernandez role a brokerage measure counts; `nil` for other measures.
    public var brokerageRole: BrokerageRole? {
        switch self {
        case .coordinator: .coordinator
        case .itinerant: .itinerant
        case .representative: .representative
        case .gatekeeper: .gatekeeper
        case .liaison: .liaison
        case .brokerageTotal: .total
        default: nil
        }
    }

    /// The score of every node of `graph`, by node handle; NaN for a node where the
    /// measure is undefined (Burt's measures of an isolate, hierarchy with one alter).
    ///
    /// - Throws: ``MetricError`` when the measure is undefined on `graph` or with
    ///   `options` (see each measure).
    public func scores(in graph: Graph, options: MeasureOptions) throws(MetricError) -> [Double] {
        let weighted = options.weighted
        let (cap, tolerance) = (options.maxIterations, options.tolerance)
        switch self {
        case .degree: return graph.degrees(.all).map(Double.init)
        case .inDegree: return graph.degrees(.incoming).map(Double.init)
        case .outDegree: return graph.degrees(.outgoing).map(Double.init)
        case .strength: return graph.strengths(.all)
        case .inStrength: return graph.strengths(.incoming)
        case .outStrength: return graph.strengths(.outgoing)
        case .degreeCentrality: return graph.degreeCentrality()
        case .betweenness: return graph.betweennessCentrality(weighted: weighted)
        case .betweennessNormalized: return graph.betweennessCentrality(normalized: true, weighted: weighted)
        case .closeness: return graph.closenessCentrality(.outgoing, weighted: weighted)
        case .inCloseness: return graph.closenessCentrality(.incoming, weighted: weighted)
        case .harmonic: return graph.harmonicCentrality(.outgoing, weighted: weighted)
        case .eigenvector:
            return try graph.eigenvectorCentrality(weighted: weighted, maxIterations: cap, tolerance: tolerance)
        case .pagerank:
            return try graph.pageRank(
                damping: options.damping, weighted: weighted, maxIterations: cap, tolerance: tolerance)
        case .katz:
            return try graph.katzCentrality(
                alpha: options.alpha, weighted: weighted, maxIterations: cap, tolerance: tolerance)
        case .bonacichPower:
            guard let beta = options.beta else { throw .betaRequired }
            return try graph.bonacichPower(beta: beta, weighted: weighted, maxIterations: cap, tolerance: tolerance)
        case .clustering: return graph.clusteringCoefficients()
        case .constraint: return graph.structuralHoles(weighted: weighted).constraint
        case .effectiveSize: return graph.structuralHoles(weighted: weighted).effectiveSize
        case .efficiency: return graph.structuralHoles(weighted: weighted).efficiency
        case .hierarchy: return graph.structuralHoles(weighted: weighted).hierarchy
        case .coordinator, .itinerant, .representative, .gatekeeper, .liaison, .brokerageTotal:
            guard let groups = options.groups else { throw .groupsRequired }
            guard groups.membership.count == graph.nodeCount else { throw .groupsMismatch }
            return graph.brokerageRoles(groups: groups).counts(brokerageRole!).map(Double.init)
        case .coreness: return try graph.coreness(maxIterations: cap, tolerance: tolerance).scores
        case .inCore: return try graph.corePeripheryPartition().inCore.map { $0 ? 1 : 0 }
        }
    }

    /// The score of every node with the default options; NaN for every node where the
    /// measure cannot be computed with them (``scores(in:options:)`` says why).
    public func scores(in graph: Graph) -> [Double] {
        (try? scores(in: graph, options: MeasureOptions()))
            ?? [Double](repeating: .nan, count: graph.nodeCount)
    }
}

/// A measure with one value for the whole network, by its name in Docs/METRICS.md.
public enum NetworkMeasure: String, CaseIterable, Sendable, Hashable {
    case nodes
    case edges
    case density
    case reciprocity
    case reciprocityDyadic = "reciprocity_dyadic"
    case components
    case largestComponentShare = "largest_component_share"
    case transitivity
    case diameter
    case averagePathLength = "average_path_length"
    case degreeCentralization = "degree_centralization"
    case inDegreeCentralization = "in_degree_centralization"
    case outDegreeCentralization = "out_degree_centralization"
    case betweennessCentralization = "betweenness_centralization"
    case closenessCentralization = "closeness_centralization"

    /// One line for `--help` and reports.
    public var summary: String {
        switch self {
        case .nodes: "organisations, isolates included"
        case .edges: "ties (arcs when directed)"
        case .density: "share of possible ties present"
        case .reciprocity: "share of arcs returned (1 when undirected; empty without ties)"
        case .reciprocityDyadic: "share of connected pairs tied both ways (UCINET, ORA)"
        case .components: "weak components, isolates included"
        case .largestComponentShare: "share of organisations in the largest component"
        case .transitivity: "share of connected triples that are closed"
        case .diameter: "longest shortest path, over pairs with a path"
        case .averagePathLength: "mean shortest path over pairs with a path (ORA)"
        case .degreeCentralization: "Freeman centralisation of degree (in + out), as sna"
        case .inDegreeCentralization: "Freeman centralisation of in-degree, as sna"
        case .outDegreeCentralization: "Freeman centralisation of out-degree, as sna"
        case .betweennessCentralization: "Freeman centralisation of betweenness, as sna"
        case .closenessCentralization: "Freeman centralisation of closeness, sna's maximum"
        }
    }

    /// Whether the value is a whole number.
    public var isCount: Bool { [.nodes, .edges, .components].contains(self) }

    /// The value for `graph`, or `nil` where the measure is undefined.
    ///
    /// - Throws: ``MetricError`` when the measure cannot be computed with `options`.
    public func value(in graph: Graph, options: MeasureOptions) throws(MetricError) -> Double? {
        let weighted = options.weighted
        switch self {
        case .nodes: return Double(graph.nodeCount)
        case .edges: return Double(graph.edgeCount)
        case .density: return graph.density
        case .reciprocity: return graph.reciprocity
        case .reciprocityDyadic: return graph.dyadicReciprocity
        case .components: return Double(graph.weakComponents().count)
        case .largestComponentShare: return graph.largestComponentShare
        case .transitivity: return graph.transitivity
        case .diameter: return graph.diameter(weighted: weighted)
        case .averagePathLength: return graph.averagePathLength(weighted: weighted)
        case .degreeCentralization: return graph.degreeCentralization(.all)
        case .inDegreeCentralization: return graph.degreeCentralization(.incoming)
        case .outDegreeCentralization: return graph.degreeCentralization(.outgoing)
        case .betweennessCentralization: return graph.betweennessCentralization(weighted: weighted)
        case .closenessCentralization: return graph.closenessCentralization(weighted: weighted)
        }
    }

    /// The value with the default options; `nil` where it is undefined or cannot be
    /// computed with them.
    public func value(in graph: Graph) -> Double? {
        (try? value(in: graph, options: MeasureOptions())) ?? nil
    }
}
