import Foundation
import PartnerNetCore

/// The kinds of value each key of an area's JSON takes, so that every value of the wrong
/// kind is reported at once (the decoder stops at the first).
indirect enum JSONShape: Sendable {
    case text
    case boolean
    case number
    case wholeNumber
    /// A membership role: text naming one of ``MembershipRole``.
    case role
    /// A cell of an extra column: text, a number, true or false, or null.
    case cell
    case anything
    case array(JSONShape)
    /// An object whose every value has one shape (`relations`, `columns`).
    case map(JSONShape)
    /// An object with known keys; `others` is the shape of any other key.
    case object([String: JSONShape], required: Set<String> = [], others: JSONShape = .anything)

    /// `area.json`.
    static let metadata = JSONShape.object(metadataKeys)

    /// A whole area in one file: the keys of `area.json` and the tables.
    static let area: JSONShape = {
        var keys = metadataKeys
        keys["organisations"] = .array(
            .object(
                ["id": .text, "name": .text, "sector": .text, "subsector": .text], required: ["id", "sector"],
                others: .cell))
        keys["relationships"] = .array(
            .object(
                ["source": .text, "target": .text, "weight": .number, "relation": .text],
                required: ["source", "target"], others: .cell))
        keys["unknown_ties"] = .array(
            .object(["source": .text, "target": .text, "relation": .text], required: ["source", "target"], others: .cell))
        keys["partnerships"] = .array(
            .object(
                ["id": .text, "name": .text, "parent": .text, "quota": .wholeNumber], required: ["id"], others: .cell))
        keys["memberships"] = .array(
            .object(
                ["partnership": .text, "organisation": .text, "role": .role, "votes": .wholeNumber],
                required: ["partnership", "organisation"], others: .cell))
        keys["columns"] = .map(.array(.text))
        return .object(keys, required: ["organisations"])
    }()

    private static let metadataKeys: [String: JSONShape] = [
        "name": .text, "directed": .boolean, "focal_sector": .text,
        "relations": .map(.object(["directed": .boolean])),
    ]

    /// Every value of `value` that does not have this shape, as `(path, reason)`: array
    /// items in order, object keys in alphabetical order (a decoded object keeps none).
    func problems(in value: JSONValue, at path: String = "") -> [(path: String, reason: String)] {
        func found(_ value: JSONValue) -> String {
            switch value {
            case .null: "null"
            case .bool: "true or false"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
        func mismatch(_ expected: String) -> [(path: String, reason: String)] {
            [(path, "expected \(expected), found \(found(value))")]
        }
        func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch (self, value) {
        case (.anything, _): return []
        case (.cell, .string), (.cell, .number), (.cell, .bool), (.cell, .null): return []
        case (.cell, _): return [(path, "an extra column must hold text or a number, found \(found(value))")]
        case (.text, .string), (.boolean, .bool), (.number, .number): return []
        case (.text, _): return mismatch("text")
        case (.boolean, _): return mismatch("true or false")
        case (.number, _): return mismatch("a number")
        case (.wholeNumber, .number(let number)):
            return number == number.rounded() && abs(number) < 9e15 ? [] : mismatch("a whole number")
        case (.wholeNumber, _): return mismatch("a whole number")
        case (.role, .string(let text)):
            return MembershipRole(text: text) == nil
                ? [(path, "unknown role \(quoted(text)): use one of \(MembershipRole.vocabulary)")] : []
        case (.role, _): return mismatch("text")
        case (.array(let element), .array(let items)):
            return items.enumerated().flatMap { element.problems(in: $1, at: "\(path)[\($0)]") }
        case (.array, _): return mismatch("an array")
        case (.map(let element), .object(let members)):
            return members.keys.sorted().flatMap { element.problems(in: members[$0]!, at: child($0)) }
        case (.map, _): return mismatch("an object")
        case (.object(let known, let required, let others), .object(let members)):
            var found: [(path: String, reason: String)] = []
            for key in required.sorted() where members[key] == nil {
                found.append((path, "missing required key \(quoted(key))"))
            }
            for key in members.keys.sorted() {
                let member = members[key]!
                if let shape = known[key] {
                    // An optional key may be null, as the decoder allows.
                    if case .null = member, !required.contains(key) { continue }
                    found += shape.problems(in: member, at: child(key))
                } else {
                    found += others.problems(in: member, at: child(key))
                }
            }
            return found
        case (.object, _): return mismatch("an object")
        }
    }
}

/// Where each value of a JSON text starts, by the path ``JSONShape`` names it with
/// (`relations.funding.directed`, `organisations[2].id`), for locating its problems.
///
/// One pass over the bytes with an explicit stack (no recursion); the text is known to be
/// valid JSON, since it decoded.
///
/// - Complexity: O(length of the text).
enum JSONPositions {
    private enum Container {
        case object(path: String, key: String?)
        case array(path: String, index: Int)
    }

    static func of(_ bytes: Data) -> [String: (line: Int, column: Int)] {
        var positions: [String: (line: Int, column: Int)] = [:]
        var stack: [Container] = []
        var line = 1
        var column = 1
        var index = bytes.startIndex
        var expectingKey = false

        func valuePath() -> String {
            switch stack.last {
            case nil: return ""
            case .object(let path, let key)?: return path.isEmpty ? key ?? "" : "\(path).\(key ?? "")"
            case .array(let path, let position)?: return "\(path)[\(position)]"
            }
        }
        func advance() {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        func record() {
            let path = valuePath()
            if positions[path] == nil { positions[path] = (line, column) }
        }

        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3A:  // white space, `:`
                advance()
            case 0x7B:  // {
                record()
                stack.append(.object(path: valuePath(), key: nil))
                expectingKey = true
                advance()
            case 0x5B:  // [
                record()
                stack.append(.array(path: valuePath(), index: 0))
                advance()
            case 0x7D, 0x5D:  // } ]
                _ = stack.popLast()
                expectingKey = false
                advance()
            case 0x2C:  // ,
                if case .array(let path, let position)? = stack.last {
                    stack[stack.count - 1] = .array(path: path, index: position + 1)
                } else {
                    expectingKey = true
                }
                advance()
            case 0x22:  // a string: a key, or a value
                if !expectingKey { record() }
                let start = index + 1
                advance()
                while index < bytes.endIndex && bytes[index] != 0x22 {
                    if bytes[index] == 0x5C { advance() }
                    if index < bytes.endIndex { advance() }
                }
                if expectingKey, case .object(let path, _)? = stack.last {
                    let key =
                        (try? JSONDecoder().decode(String.self, from: Data([0x22]) + bytes[start...index]))
                        ?? String(decoding: bytes[start..<index], as: UTF8.self)
                    stack[stack.count - 1] = .object(path: path, key: key)
                    expectingKey = false
                }
                if index < bytes.endIndex { advance() }
            default:  // a number, true, false or null
                record()
                while index < bytes.endIndex,
                    ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index])
                {
                    advance()
                }
            }
        }
        return positions
    }
}
