import Foundation
import PartnerNetCore

/// Decoding of a file's bytes as UTF-8 text, with the position of the first bad byte.
enum UTF8Text {
    /// The 1-based line and column (in characters) of the byte `count` bytes into `bytes`.
    ///
    /// - Complexity: O(count).
    static func position(ofByte count: Int, in bytes: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(count) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The bytes of `data` without a leading byte-order mark, checked to be UTF-8 without
    /// making a string of them: for readers that cut a large text into fields themselves.
    /// A text of ASCII alone is checked in one pass over its bytes; nothing is copied (a
    /// byte-order mark is cut off as a slice).
    ///
    /// - Throws: as ``decode(_:file:)``.
    static func bytes(_ data: Data, file: String) throws(DiagnosticError) -> Data {
        let hasMark = data.starts(with: [0xEF, 0xBB, 0xBF])
        let ascii = data.withUnsafeBytes { raw in
            // Eight bytes at a time: no high bit set in any.
            var index = 0
            var high: UInt64 = 0
            while index + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < raw.count {
                high |= UInt64(raw[index])
                index += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
        if !ascii { _ = try decode(data, file: file) }
        return hasMark ? data[(data.startIndex + 3)...] : data
    }

    /// The text of `data` without a leading byte-order mark.
    ///
    /// - Throws: a ``Diagnostic`` naming the line and column (in characters) of the first
    ///   byte that is not part of a valid UTF-8 sequence.
    static func decode(_ data: Data, file: String) throws(DiagnosticError) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Walk the scalars to find and locate the first invalid sequence.
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .error(let length):
                let bad = bytes[offset..<(offset + length)].map { String(format: "0x%02X", $0) }.joined(separator: " ")
                throw DiagnosticError(
                    .error(
                        at: SourceLocation(file: file, line: line, column: column),
                        "not valid UTF-8 (byte \(bad)); save the file as UTF-8 (in Excel: CSV UTF-8)"))
            case .emptyInput:
                // Unreachable: String(validating:) failed, so some sequence is invalid.
                throw DiagnosticError(.error(at: SourceLocation(file: file), "not valid UTF-8"))
            }
        }
    }
}

/// The problem that ends the reading of a file, and any others found alongside it.
struct DiagnosticError: Error {
    let diagnostic: Diagnostic
    let others: [Diagnostic]

    init(_ diagnostic: Diagnostic, others: [Diagnostic] = []) {
        self.diagnostic = diagnostic
        self.others = others
    }

    /// Every problem, the first one first.
    var all: [Diagnostic] { [diagnostic] + others }
}
