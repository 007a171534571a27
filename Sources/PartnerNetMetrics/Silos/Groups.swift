/// A partition of a graph's nodes into named groups: sectors, or the values of any
/// organisation attribute.
public struct Groups: Sendable, Hashable {
    /// Group names, in order of first appearance.
    public let names: [String]
    /// Group index of each node.
    public let membership: [Int]

    /// Groups from one label per node (by node handle).
    public init(labels: [String]) {
        var index: [String: Int] = [:]
        var names: [String] = []
        membership = labels.map { label in
            if let known = index[label] { return known }
            index[label] = names.count
            names.append(label)
            return names.count - 1
        }
        self.names = names
    }

    /// Number of nodes in each group.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: names.count)
        for group in membership { sizes[group] += 1 }
        return sizes
    }
}
