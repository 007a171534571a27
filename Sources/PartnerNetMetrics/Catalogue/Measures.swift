import PartnerNetCore

/// A measure with one score per organisation, by its name in METRICS.md (the CLI's
/// `--metrics` value, the CSV column, the JSON key).
public enum NodeMeasure: String, CaseIterable, Sendable, Hashable {
    case degree
    case inDegree = "in_degree"
    case outDegree = "out_degree"
    case strength
    case inStrength = "in_strength"
    case outStrength = "out_strength"
    case degreeCentrality = "degree_centrality"

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
        }
    }

    /// Whether every score is a whole number.
    public var isCount: Bool { [.degree, .inDegree, .outDegree].contains(self) }

    /// The score of every node of `graph`, by node handle.
    public func scores(in graph: Graph) -> [Double] {
        switch self {
        case .degree: graph.degrees(.all).map(Double.init)
        case .inDegree: graph.degrees(.incoming).map(Double.init)
        case .outDegree: graph.degrees(.outgoing).map(Double.init)
        case .strength: graph.strengths(.all)
        case .inStrength: graph.strengths(.incoming)
        case .outStrength: graph.strengths(.outgoing)
        case .degreeCentrality: graph.degreeCentrality()
        }
    }
}

/// A measure with one value for the whole network, by its name in METRICS.md.
public enum NetworkMeasure: String, CaseIterable, Sendable, Hashable {
    case nodes
    case edges
    case density
    case reciprocity
    case reciprocityDyadic = "reciprocity_dyadic"
    case components
    case largestComponentShare = "largest_component_share"

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
        }
    }

    /// Whether the value is a whole number.
    public var isCount: Bool { [.nodes, .edges, .components].contains(self) }

    /// The value for `graph`, or `nil` where the measure is undefined.
    public func value(in graph: Graph) -> Double? {
        switch self {
        case .nodes: Double(graph.nodeCount)
        case .edges: Double(graph.edgeCount)
        case .density: graph.density
        case .reciprocity: graph.reciprocity
        case .reciprocityDyadic: graph.dyadicReciprocity
        case .components: Double(graph.weakComponents().count)
        case .largestComponentShare: graph.largestComponentShare
        }
    }
}
