import Foundation
import PartnerNetCore

/// Parsing of JSON files into ``JSONValue`` with errors located by line and column.
enum JSONText {
    static func parse(_ data: Data, file: String) throws(DiagnosticError) -> JSONValue {
        let text = try UTF8Text.decode(data, file: file)
        let bytes = Data(text.utf8)
        do {
            return try JSONDecoder().decode(JSONValue.self, from: bytes)
        } catch {
            let (location, reason) = syntaxError(in: bytes, file: file)
            throw DiagnosticError(.error(at: location, "not valid JSON" + (reason.map { ": \($0)" } ?? "")))
        }
    }

    /// Foundation's JSONSerialization names the offending character's offset; turn it into
    /// a line and column.
    private static func syntaxError(in bytes: Data, file: String) -> (SourceLocation, String?) {
        do {
            _ = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let range = description.range(of: #"character (\d+)"#, options: .regularExpression),
                let offset = Int(description[range].dropFirst("character ".count))
            {
                var line = 1
                var column = 1
                for byte in bytes.prefix(offset) {
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                        column = 1
                    } else if byte & 0xC0 != 0x80 {
                        column += 1
                    }
                }
                let reason = description[..<range.lowerBound]
                    .replacingOccurrences(of: " around ", with: "").trimmingCharacters(in: .whitespaces).lowercased()
                return (SourceLocation(file: file, line: line, column: column), reason.isEmpty ? nil : reason)
            }
        }
        return (SourceLocation(file: file), nil)
    }
}

/// Reading typed values out of a JSON object, reporting type errors by path.
struct JSONFields {
    let object: [String: JSONValue]
    let file: String
    let path: String?

    func location(_ key: String) -> SourceLocation {
        SourceLocation(file: file, path: path.map { "\($0).\(key)" } ?? key)
    }

    func string(_ key: String, into diagnostics: inout [Diagnostic]) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case .number(let value)?: return formatNumber(value)
        case .bool(let value)?: return value ? "true" : "false"
        default:
            diagnostics.append(.error(at: location(key), "\(key) must be a string"))
            return nil
        }
    }

    func bool(_ key: String, into diagnostics: inout [Diagnostic]) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default:
            diagnostics.append(.error(at: location(key), "\(key) must be true or false"))
            return nil
        }
    }

    func number(_ key: String, into diagnostics: inout [Diagnostic]) -> Double? {
        switch object[key] {
        case nil, .null?: return nil
        case .number(let value)?: return value
        default:
            diagnostics.append(.error(at: location(key), "\(key) must be a number"))
            return nil
        }
    }

    func integer(_ key: String, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = number(key, into: &diagnostics) else { return nil }
        guard let whole = Int(exactly: value) else {
            diagnostics.append(.error(at: location(key), "\(key) must be a whole number, got \(formatNumber(value))"))
            return nil
        }
        return whole
    }

    /// Values of every key not in `known`, as strings (empty strings left out).
    func attributes(excluding known: [String], into diagnostics: inout [Diagnostic]) -> [String: String] {
        var attributes: [String: String] = [:]
        for key in object.keys where !known.contains(key) {
            if let value = string(key, into: &diagnostics), !value.isEmpty { attributes[key] = value }
        }
        return attributes
    }
}

/// The shortest text that reads back as `value`: whole numbers without a decimal point.
public func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return "\(value)"
}

extension JSONText {
    /// Pretty-printed JSON with sorted keys and a final line break.
    static func encode(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // With non-finite numbers written as strings, every JSONValue encodes.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
