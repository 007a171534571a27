import Foundation
import PartnerNetCore

/// A what-if scenario written as JSON: a list of edits, each an object with one key, the
/// edit's kind (Docs/FORMAT.md, "Scenario files"):
///
/// ```json
/// [
///   {"remove": ["westholme"]},
///   {"remove_sector": "faith"},
///   {"merge": {"partnerships": ["hwb", "cyp"], "name": "Health, Wellbeing and Young People"}},
///   {"chair": {"partnership": "hwb", "organisation": "icb"}},
///   {"votes": {"partnership": "lsp", "organisation": "city", "votes": 1}},
///   {"add_tie": {"source": "cvs", "target": "mosque", "relation": "information", "weight": 2}},
///   {"drop_relation": "funding"}
/// ]
/// ```
///
/// `remove` also takes one id as a string, `merge` the two ids as an array, and `chair`
/// `"organisations": [...]` for co-chairs. JSON only: no YAML reader is among the
/// project's dependencies.
public struct ScenarioFile: Sendable {
    public let scenario: Scenario
    /// Where each edit starts in the file (line and column, and its path `[i]`), for
    /// locating an edit that cannot be applied.
    public let locations: [SourceLocation]

    /// The keys of an edit object, one per kind of ``AreaEdit``.
    public static let kinds = ["remove", "remove_sector", "merge", "chair", "votes", "add_tie", "drop_relation"]

    /// Reads the scenario in the JSON file at `path`.
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)`` with every problem: not UTF-8, not JSON
    ///   (line and column where it stops being JSON), or an edit of the wrong shape (the
    ///   path of the value, such as `[1].chair.partnership`, with its line and column).
    ///   Whether the names exist in an area is checked when the scenario is applied.
    public static func read(at path: String) throws(AreaIOError) -> ScenarioFile {
        let data: Data
        do {
            data = try AreaFolder.contents(of: path)
        } catch {
            throw .invalidInput(error.all)
        }
        return try parse(data, file: path)
    }

    /// Parses scenario JSON; `file` names it in errors.
    ///
    /// - Complexity: O(length of the text).
    /// - Throws: as ``read(at:)``.
    public static func parse(_ data: Data, file: String) throws(AreaIOError) -> ScenarioFile {
        do {
            return try parseLocated(data, file: file)
        } catch {
            throw .invalidInput(error.all)
        }
    }

    private static func parseLocated(_ data: Data, file: String) throws(DiagnosticError) -> ScenarioFile {
        let value = try JSONText.decode(JSONValue.self, from: data, file: file)
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        let positions = JSONPositions.of(Data(body))
        func location(_ path: String) -> SourceLocation {
            let position = positions[path]
            return SourceLocation(
                file: file, line: position?.line, column: position?.column, path: path.isEmpty ? nil : path)
        }
        var parser = EditParser()
        let edits = parser.edits(in: value)
        if !parser.problems.isEmpty {
            let diagnostics = parser.problems.map { Diagnostic.error(at: location($0.path), $0.reason) }
            throw DiagnosticError(diagnostics[0], others: Array(diagnostics.dropFirst()))
        }
        return ScenarioFile(scenario: Scenario(edits), locations: edits.indices.map { location("[\($0)]") })
    }
}

/// Turns decoded JSON into edits, collecting every problem with its path.
private struct EditParser {
    var problems: [(path: String, reason: String)] = []

    mutating func edits(in value: JSONValue) -> [AreaEdit] {
        guard case .array(let items) = value else {
            problem("", "a scenario is a list of edits, [{\"remove\": [\"id\"]}, …], found \(kind(of: value))")
            return []
        }
        return items.enumerated().compactMap { index, item in edit(item, at: "[\(index)]") }
    }

    private mutating func edit(_ value: JSONValue, at path: String) -> AreaEdit? {
        guard case .object(let members) = value, members.count == 1, let (key, body) = members.first else {
            problem(
                path,
                "an edit is an object with one key, one of " + ScenarioFile.kinds.joined(separator: ", ")
                    + ", found \(kind(of: value))")
            return nil
        }
        let at = "\(path).\(key)"
        switch key {
        case "remove":
            var ids: [String] = []
            if case .string(let id) = body {
                ids = [id]
            } else if let list = strings(body, at: at, expected: "an organisation id or a list of them") {
                ids = list
            } else {
                return nil
            }
            if ids.isEmpty { problem(at, "name at least one organisation") }
            return ids.isEmpty ? nil : .removeOrganisations(ids)
        case "remove_sector":
            return text(body, at: at).map { .removeSector($0) }
        case "drop_relation":
            return text(body, at: at).map { .dropRelation($0) }
        case "merge":
            if case .array = body {
                guard let ids = pair(body, at: at) else { return nil }
                return .mergePartnerships(ids.0, ids.1, name: nil)
            }
            guard let fields = object(body, at: at, keys: ["partnerships", "name"], required: ["partnerships"]),
                let ids = pair(fields["partnerships"]!, at: "\(at).partnerships")
            else { return nil }
            var name: String?
            if let given = fields["name"] {
                guard let text = text(given, at: "\(at).name") else { return nil }
                name = text
            }
            return .mergePartnerships(ids.0, ids.1, name: name)
        case "chair":
            guard
                let fields = object(
                    body, at: at, keys: ["partnership", "organisation", "organisations"], required: ["partnership"]),
                let partnership = text(fields["partnership"]!, at: "\(at).partnership")
            else { return nil }
            switch (fields["organisation"], fields["organisations"]) {
            case (let one?, nil):
                return text(one, at: "\(at).organisation").map { .passChair(partnership: partnership, to: [$0]) }
            case (nil, let many?):
                guard let ids = strings(many, at: "\(at).organisations", expected: "a list of organisation ids") else {
                    return nil
                }
                if ids.isEmpty { problem("\(at).organisations", "name at least one organisation") }
                return ids.isEmpty ? nil : .passChair(partnership: partnership, to: ids)
            default:
                problem(
                    at, "give the new chair as \"organisation\", or co-chairs as \"organisations\" (one of the two)")
                return nil
            }
        case "votes":
            guard
                let fields = object(
                    body, at: at, keys: ["partnership", "organisation", "votes"],
                    required: ["partnership", "organisation", "votes"]),
                let partnership = text(fields["partnership"]!, at: "\(at).partnership"),
                let organisation = text(fields["organisation"]!, at: "\(at).organisation")
            else { return nil }
            guard case .number(let number) = fields["votes"]!, number >= 0, number == number.rounded(), number <= 1e9
            else {
                problem(
                    "\(at).votes", "expected a whole number of votes, 0 or more, found \(kind(of: fields["votes"]!))")
                return nil
            }
            return .setVotes(partnership: partnership, organisation: organisation, votes: Int(number))
        case "add_tie":
            guard
                let fields = object(
                    body, at: at, keys: ["source", "target", "relation", "weight"], required: ["source", "target"]),
                let source = text(fields["source"]!, at: "\(at).source"),
                let target = text(fields["target"]!, at: "\(at).target")
            else { return nil }
            var relation: String?
            if let given = fields["relation"] {
                guard let text = text(given, at: "\(at).relation") else { return nil }
                relation = text
            }
            var weight = 1.0
            if let given = fields["weight"] {
                guard case .number(let number) = given, number > 0, number <= Relationship.maximumWeight else {
                    problem("\(at).weight", "expected a number above 0 and at most 1e15, found \(kind(of: given))")
                    return nil
                }
                weight = number
            }
            return .addTie(source: source, target: target, relation: relation, weight: weight)
        default:
            let closest = closestMatch(to: key, in: ScenarioFile.kinds)
            problem(
                at,
                "unknown edit \(quoted(key))" + (closest.map { " (did you mean \(quoted($0))?)" } ?? "")
                    + "; the edits are " + ScenarioFile.kinds.joined(separator: ", "))
            return nil
        }
    }

    // MARK: Values

    private mutating func problem(_ path: String, _ reason: String) { problems.append((path, reason)) }

    private func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "true or false"
        case .number(let number):
            "the number \(formatNumber(number))"
        case .string(let text): "the text \(quoted(text))"
        case .array: "a list"
        case .object: "an object"
        }
    }

    private mutating func text(_ value: JSONValue, at path: String) -> String? {
        if case .string(let text) = value, !text.isEmpty { return text }
        problem(path, "expected a non-empty name, found \(kind(of: value))")
        return nil
    }

    private mutating func strings(_ value: JSONValue, at path: String, expected: String) -> [String]? {
        guard case .array(let items) = value else {
            problem(path, "expected \(expected), found \(kind(of: value))")
            return nil
        }
        var out: [String] = []
        var ok = true
        for (index, item) in items.enumerated() {
            if let text = text(item, at: "\(path)[\(index)]") { out.append(text) } else { ok = false }
        }
        return ok ? out : nil
    }

    private mutating func pair(_ value: JSONValue, at path: String) -> (String, String)? {
        guard let ids = strings(value, at: path, expected: "the two partnerships' ids") else { return nil }
        guard ids.count == 2 else {
            problem(path, "expected the ids of two partnerships, found \(ids.count)")
            return nil
        }
        return (ids[0], ids[1])
    }

    /// The members of an object whose keys are among `keys`, with every `required` one.
    private mutating func object(
        _ value: JSONValue, at path: String, keys: [String], required: [String]
    ) -> [String: JSONValue]? {
        guard case .object(let members) = value else {
            problem(
                path,
                "expected an object with " + keys.map(quoted).joined(separator: ", ") + ", found \(kind(of: value))")
            return nil
        }
        var ok = true
        for key in members.keys.sorted() where !keys.contains(key) {
            let closest = closestMatch(to: key, in: keys)
            problem(
                "\(path).\(key)",
                "unknown key \(quoted(key))" + (closest.map { " (did you mean \(quoted($0))?)" } ?? "")
                    + "; the keys are " + keys.map(quoted).joined(separator: ", "))
            ok = false
        }
        for key in required where members[key] == nil {
            problem(path, "missing the key \(quoted(key))")
            ok = false
        }
        return ok ? members : nil
    }
}
