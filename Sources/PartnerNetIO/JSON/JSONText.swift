import Foundation
import PartnerNetCore

/// JSON files decoded into the model, with errors located by line and column (syntax) or
/// by path such as `relationships[3].weight` (content).
enum JSONText {
    /// Decodes `data` as a `T`.
    ///
    /// - Parameter shape: the kinds of value `T` expects; when the decoder finds a value of
    ///   the wrong kind, every such value is reported, not only the first.
    /// - Throws: the file is not UTF-8, not JSON (with the line and column where it stops
    ///   being JSON), or JSON of the wrong shape (with the line, column and path of each
    ///   value when `shape` is given, else the path of the first).
    static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, file: String, shape: JSONShape? = nil
    ) throws(DiagnosticError) -> T {
        do {
            return try decodeFirstProblem(type, from: data, file: file)
        } catch {
            let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
            guard error.diagnostic.location.path != nil, let shape,
                let value = try? JSONDecoder().decode(JSONValue.self, from: body)
            else { throw error }
            let problems = shape.problems(in: value)
            guard !problems.isEmpty else { throw error }
            let positions = JSONPositions.of(body)
            let diagnostics = problems.map { problem in
                let position = problem.path.isEmpty ? nil : positions[problem.path]
                return Diagnostic.error(
                    at: SourceLocation(
                        file: file, line: position?.line, column: position?.column,
                        path: problem.path.isEmpty ? nil : problem.path), problem.reason)
            }
            throw DiagnosticError(diagnostics[0], others: Array(diagnostics.dropFirst()))
        }
    }

    /// Decodes `data` as a `T`, reporting the first problem.
    private static func decodeFirstProblem<T: Decodable>(
        _ type: T.Type, from data: Data, file: String
    ) throws(DiagnosticError) -> T {
        let text = try UTF8Text.decode(data, file: file)
        let bytes = Data(text.utf8)
        do {
            return try JSONDecoder().decode(T.self, from: bytes)
        } catch let DecodingError.typeMismatch(expected, context) {
            // Foundation says "Expected to decode String but found number instead."
            let found =
                context.debugDescription.range(of: #"found (a |an )?[a-z ]+"#, options: .regularExpression)
                .map { ", " + context.debugDescription[$0].replacingOccurrences(of: " instead", with: "") } ?? ""
            throw DiagnosticError(.error(at: location(context, file), "expected \(describe(expected))\(found)"))
        } catch let DecodingError.valueNotFound(expected, context) {
            throw DiagnosticError(.error(at: location(context, file), "expected \(describe(expected)), found null"))
        } catch let DecodingError.keyNotFound(key, context) {
            throw DiagnosticError(
                .error(at: location(context, file), "missing required key \"\(key.stringValue)\""))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw DiagnosticError(.error(at: location(context, file), context.debugDescription))
        } catch {
            let (location, reason) = syntaxError(in: bytes, file: file)
            throw DiagnosticError(.error(at: location, "not valid JSON" + (reason.map { ": \($0)" } ?? "")))
        }
    }

    /// Pretty-printed JSON with sorted keys and a final line break.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // With non-finite numbers written as strings, every value of the model encodes.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `relationships[3].weight` for a decoding path.
    private static func location(_ context: DecodingError.Context, _ file: String) -> SourceLocation {
        var path = ""
        for key in context.codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return SourceLocation(file: file, path: path.isEmpty ? nil : path)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Array<Any>.Type: "an array"
        default: type == [String: Any].self ? "an object" : "a value of another kind"
        }
    }

    /// Foundation's JSONSerialization names the offending character's offset; turn it into
    /// a line and column.
    private static func syntaxError(in bytes: Data, file: String) -> (SourceLocation, String?) {
        do {
            _ = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            // "Number 1e400 is not representable in Swift.": found where the number is written.
            if let match = description.firstMatch(of: /Number (\S+) is not representable/),
                let at = bytes.firstRange(of: Data(match.1.utf8))
            {
                let (line, column) = UTF8Text.position(ofByte: at.lowerBound - bytes.startIndex, in: bytes)
                return (
                    SourceLocation(file: file, line: line, column: column),
                    "the number \(match.1) is beyond the range of a Double (±1.8e308)"
                )
            }
            if let range = description.range(of: #"character (\d+)"#, options: .regularExpression),
                let offset = Int(description[range].dropFirst("character ".count))
            {
                let (line, column) = UTF8Text.position(ofByte: offset, in: bytes)
                let reason = description[..<range.lowerBound]
                    .replacingOccurrences(of: " around ", with: "").trimmingWhitespace().lowercased()
                return (SourceLocation(file: file, line: line, column: column), reason.isEmpty ? nil : reason)
            }
        }
        return (SourceLocation(file: file), nil)
    }
}
