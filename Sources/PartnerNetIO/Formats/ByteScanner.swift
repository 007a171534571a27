import PartnerNetCore

/// A text file's UTF-8 bytes cut into lines and tokens without copying, for the line-based
/// formats (Pajek, UCINET DL, whitespace-separated edge lists).
///
/// Lines end at LF, CR LF or CR. A token is a run of bytes other than separators, or a
/// quoted run (`"…"`, and `'…'` when asked) whose quotes are not part of it.
///
/// - Complexity: every operation is linear in the bytes it looks at.
struct ByteScanner {
    let bytes: [UInt8]
    let file: String

    init(_ text: String, file: String) {
        bytes = Array(text.utf8)
        self.file = file
    }

    /// One line: its 1-based number and its bytes without the line break.
    struct Line {
        let number: Int
        let start: Int
        let end: Int
    }

    /// A token's bytes, and whether it was quoted.
    struct Token {
        let start: Int
        let end: Int
        let quoted: Bool
    }

    /// Every line, blank ones included.
    func lines() -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(bytes.count / 16 + 1)
        var start = 0
        var number = 1
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(Line(number: number, start: start, end: index))
                number += 1
                if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < count { lines.append(Line(number: number, start: start, end: count)) }
        return lines
    }

    /// Splits `line` into `tokens` (cleared first).
    ///
    /// - Parameters:
    ///   - commas: whether commas (and `=`) separate tokens too, as in DL.
    ///   - singleQuotes: whether `'…'` quotes a token.
    /// - Returns: the column of an unclosed quote, if any.
    func tokens(
        of line: Line, into tokens: inout [Token], commas: Bool = false, singleQuotes: Bool = false
    ) -> Int? {
        tokens.removeAll(keepingCapacity: true)
        var index = line.start
        let end = line.end
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || (commas && (byte == 0x2C || byte == 0x3D)) {
                index += 1
                continue
            }
            if byte == 0x22 || (singleQuotes && byte == 0x27) {
                var close = index + 1
                while close < end && bytes[close] != byte { close += 1 }
                if close == end { return column(of: index, in: line) }
                tokens.append(Token(start: index + 1, end: close, quoted: true))
                index = close + 1
                continue
            }
            var stop = index + 1
            while stop < end {
                let next = bytes[stop]
                if next == 0x20 || next == 0x09 || (commas && (next == 0x2C || next == 0x3D)) { break }
                stop += 1
            }
            tokens.append(Token(start: index, end: stop, quoted: false))
            index = stop
        }
        return nil
    }

    /// The 1-based column, in characters, of byte `offset` of `line`.
    func column(of offset: Int, in line: Line) -> Int {
        var column = 1
        var index = line.start
        while index < offset && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    func string(_ token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    func string(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether the token is `word`, in any letter case (ASCII).
    func token(_ token: Token, is word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard token.end - token.start == length else { return false }
        return word.withUTF8Buffer { expected in
            for offset in 0..<length where bytes[token.start + offset] | 0x20 != expected[offset] | 0x20 {
                return false
            }
            return true
        }
    }

    /// The token as a non-negative whole number, `nil` when it is not one.
    func integer(_ token: Token) -> Int? {
        guard token.end > token.start, token.end - token.start <= 18 else { return nil }
        var value = 0
        for index in token.start..<token.end {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The token as a number, `nil` when it is not one. Whole numbers are read without
    /// going through text.
    func number(_ token: Token) -> Double? {
        if let whole = integer(token) { return Double(whole) }
        // Decimal notation only: Double(_:) would also take `0x10`, `inf` and `nan`.
        guard token.end > token.start, token.end - token.start < 64,
            DecimalText.isDecimal(bytes[token.start..<token.end])
        else { return nil }
        return Double(string(token))
    }

    /// The 1-based position among `tokens` of the token at byte `offset`: a field's column,
    /// as in the CSV files.
    func field(of offset: Int, _ tokens: [Token]) -> Int {
        for (index, token) in tokens.enumerated() where offset < token.end || (offset == token.end && token.quoted) {
            return index + 1
        }
        return tokens.count + 1
    }

    /// The location of the field at byte `offset` of `line`.
    func location(_ line: Line, _ offset: Int, _ tokens: [Token]) -> SourceLocation {
        SourceLocation(file: file, line: line.number, column: field(of: offset, tokens))
    }

    /// The location of character `offset` of `line` (for quoting errors).
    func characterLocation(_ line: Line, _ offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.number, column: column(of: offset, in: line))
    }
}
