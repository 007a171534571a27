import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// A dyadic variable named on the command line: what a QAP regression's outcome or
/// predictor is made of (Docs/FORMAT.md, "QAP terms").
public enum DyadTerm: Hashable, Sendable, CustomStringConvertible {
    /// A relation's weights (`co-membership`: the number of partnerships two organisations
    /// share), as ``PartnerNetCore/Graph/init(area:relations:)`` builds them for one
    /// relation: duplicate ties summed, an undirected relation symmetric, 0 without a tie,
    /// unknown (NaN) where the tie is recorded as unknown (weight `NA`).
    case relation(String)
    /// `tie:RELATION`: 1 when the pair has a tie of the relation (of any weight), else 0 —
    /// tie presence, whatever the relation's unit (an undirected relation symmetric);
    /// unknown where the tie is.
    case tie(String)
    /// `same:COLUMN`: 1 when both organisations have the same non-empty value, else 0.
    case same(String)
    /// `diff:COLUMN`: |xᵢ − xⱼ| of a numeric column.
    case difference(String)
    /// `sender:COLUMN`: xᵢ, the row organisation's value.
    case sender(String)
    /// `receiver:COLUMN`: xⱼ, the column organisation's value.
    case receiver(String)

    /// The kinds of term that take a column.
    public static let columnKinds = ["same", "diff", "sender", "receiver"]
    /// Every kind of term written `KIND:NAME`.
    public static let kinds = ["tie"] + columnKinds

    /// Parses `relation`, `co-membership`, `tie:RELATION` or `KIND:COLUMN`.
    ///
    /// - Throws: ``DyadTermError/unknownKind(_:term:closest:)`` for a prefix that is not a kind.
    public init(parsing text: String) throws(DyadTermError) {
        guard let colon = text.firstIndex(of: ":") else {
            self = .relation(text)
            return
        }
        let kind = String(text[..<colon])
        let column = String(text[text.index(after: colon)...])
        switch kind.lowercased() {
        case "tie": self = .tie(column)
        case "same": self = .same(column)
        case "diff": self = .difference(column)
        case "sender": self = .sender(column)
        case "receiver": self = .receiver(column)
        default: throw .unknownKind(kind, term: text, closest: closestMatch(to: kind, in: Self.kinds))
        }
    }

    public var description: String {
        switch self {
        case .relation(let name): name
        case .tie(let name): "tie:\(name)"
        case .same(let column): "same:\(column)"
        case .difference(let column): "diff:\(column)"
        case .sender(let column): "sender:\(column)"
        case .receiver(let column): "receiver:\(column)"
        }
    }
}

/// A term the area cannot supply.
public enum DyadTermError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownKind(String, term: String, closest: String?)
    case unknownRelation(String, available: [String], closest: String?)
    case unknownColumn(String, term: String, available: [String], closest: String?)
    /// A numeric term on a column with an empty or non-numeric cell.
    case notNumeric(column: String, organisation: String, value: String)

    public var description: String {
        func suggestion(_ closest: String?) -> String { closest.map { " (did you mean \(quoted($0))?)" } ?? "" }
        switch self {
        case .unknownKind(let kind, let term, let closest):
            return "unknown kind of term \(quoted(kind)) in \(quoted(term))\(suggestion(closest)); "
                + "a term is a relation, co-membership, tie: and a relation, or same:, diff:, sender: or receiver: and a column"
        case .unknownRelation(let name, let available, let closest):
            return "unknown relation \(quoted(name))\(suggestion(closest)); "
                + (available.isEmpty ? "the area has none" : "the area has " + available.map(quoted).joined(separator: ", "))
        case .unknownColumn(let column, let term, let available, let closest):
            return "unknown organisation column \(quoted(column)) in \(quoted(term))\(suggestion(closest)); "
                + "the columns are " + available.map(quoted).joined(separator: ", ")
        case .notNumeric(let column, let organisation, let value):
            return value.isEmpty
                ? "column \(quoted(column)) is empty for organisation \(quoted(organisation)); a numeric term needs a value for every organisation"
                : "column \(quoted(column)) is not a number for organisation \(quoted(organisation)) (\(quoted(value)))"
        }
    }
}

extension Area {
    /// The dyadic variable a term stands for, over the organisations in table order.
    ///
    /// - Throws: ``DyadTermError`` for a relation or column the area lacks (suggesting the
    ///   closest) or a numeric term on a cell that is not a number.
    /// - Complexity: O(n² + R + Σₚ kₚ²) time, 8n² bytes.
    public func dyadMatrix(for term: DyadTerm) throws(DyadTermError) -> DyadMatrix {
        let n = organisations.count
        func column(_ name: String) throws(DyadTermError) -> [String] {
            let columns = organisationColumns
            guard let found = columns.first(where: { $0.lowercased() == name.lowercased() }) else {
                throw .unknownColumn(name, term: term.description, available: columns, closest: closestMatch(to: name, in: columns))
            }
            return organisations.map { ResultTable.field(found, of: $0) }
        }
        func numbers(_ name: String) throws(DyadTermError) -> [Double] {
            let cells = try column(name)
            var out: [Double] = []
            for (organisation, cell) in zip(organisations, cells) {
                guard let value = Double(cell.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    throw .notNumeric(column: name, organisation: organisation.id, value: cell)
                }
                out.append(value)
            }
            return out
        }
        switch term {
        case .relation(let name):
            let available = availableRelations
            guard available.contains(name) else {
                throw .unknownRelation(name, available: available, closest: closestMatch(to: name, in: available))
            }
            guard let graph = try? Graph(area: self, relations: .named([name])) else {
                throw .unknownRelation(name, available: available, closest: nil)
            }
            let pairs = unknownPairs(of: name)
            let matrix = DyadMatrix(adjacencyOf: graph)
            return pairs.isEmpty
                ? matrix : matrix.withUnknown(pairs, symmetric: !metadata.isDirected(relation: name))
        case .tie(let name):
            return try dyadMatrix(for: .relation(name)).binarized
        case .same(let name):
            let values = try column(name)
            return DyadMatrix(order: n) { i, j in !values[i].isEmpty && values[i] == values[j] ? 1 : 0 }
        case .difference(let name):
            let x = try numbers(name)
            return DyadMatrix(order: n) { i, j in abs(x[i] - x[j]) }
        case .sender(let name):
            let x = try numbers(name)
            return DyadMatrix(order: n) { i, _ in x[i] }
        case .receiver(let name):
            let x = try numbers(name)
            return DyadMatrix(order: n) { _, j in x[j] }
        }
    }
}
