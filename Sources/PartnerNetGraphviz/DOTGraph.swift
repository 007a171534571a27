/// A graph in the DOT language, as a value: what PartnerNet writes for Graphviz and what it
/// reads back from a `.dot` file. Attribute values are text; ``DOTWriter`` quotes and
/// escapes them, so any organisation id or name is safe to put in.
public struct DOTGraph: Hashable, Sendable {
    public var name: String
    public var isDirected: Bool
    /// `strict`: Graphviz merges repeated edges.
    public var isStrict: Bool
    /// Graph attributes (`label`, `rankdir`, `bgcolor`…).
    public var attributes: [String: DOTValue]
    /// Attributes every node starts with (`node [...]`).
    public var nodeDefaults: [String: DOTValue]
    /// Attributes every edge starts with (`edge [...]`).
    public var edgeDefaults: [String: DOTValue]
    public var nodes: [DOTNode]
    public var edges: [DOTEdge]
    /// Clusters (subgraphs named `cluster…`), nested.
    public var clusters: [DOTCluster]

    public init(
        name: String = "G", isDirected: Bool, isStrict: Bool = false, attributes: [String: DOTValue] = [:],
        nodeDefaults: [String: DOTValue] = [:], edgeDefaults: [String: DOTValue] = [:], nodes: [DOTNode] = [],
        edges: [DOTEdge] = [], clusters: [DOTCluster] = []
    ) {
        self.name = name
        self.isDirected = isDirected
        self.isStrict = isStrict
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
    }
}

/// An attribute value.
public enum DOTValue: Hashable, Sendable, ExpressibleByStringLiteral {
    /// Text, shown as written: quotes, backslashes and line breaks are escaped for DOT.
    case text(String)
    /// An HTML-like label, written between `<` and `>` as it is; the caller escapes `&`, `<`
    /// and `>` in any text inside it (``DOTWriter/htmlEscaped(_:)``).
    case html(String)

    public init(stringLiteral value: String) { self = .text(value) }

    /// The text of a `.text` value, the markup of an `.html` one.
    public var string: String {
        switch self {
        case .text(let text), .html(let text): text
        }
    }
}

public struct DOTNode: Hashable, Sendable {
    public var id: String
    public var attributes: [String: DOTValue]

    public init(id: String, attributes: [String: DOTValue] = [:]) {
        self.id = id
        self.attributes = attributes
    }
}

public struct DOTEdge: Hashable, Sendable {
    public var tail: String
    public var head: String
    public var attributes: [String: DOTValue]

    public init(tail: String, head: String, attributes: [String: DOTValue] = [:]) {
        self.tail = tail
        self.head = head
        self.attributes = attributes
    }
}

/// A cluster: a box drawn around its nodes and sub-clusters (dot and fdp layouts).
public struct DOTCluster: Hashable, Sendable {
    /// Written as `cluster_<id>`.
    public var id: String
    public var attributes: [String: DOTValue]
    /// Ids of the nodes drawn inside this cluster and not inside a sub-cluster.
    public var nodes: [String]
    public var clusters: [DOTCluster]

    public init(id: String, attributes: [String: DOTValue] = [:], nodes: [String] = [], clusters: [DOTCluster] = []) {
        self.id = id
        self.attributes = attributes
        self.nodes = nodes
        self.clusters = clusters
    }
}
