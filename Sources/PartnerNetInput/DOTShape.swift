import PartnerNetCore

/// What a DOT file would make, found from its text before Graphviz reads it: how many
/// graphs it holds, how deep its subgraphs nest, and an upper bound on the ties its edge
/// statements make.
///
/// Graphviz expands an edge statement between subgraphs into one edge per pair
/// (`{a0 … a2999} -- {b0 … b2999}`, 34 KB of text, is nine million edges) and offers no
/// way to stop it midway, so the bound is taken from the text: each edge operator joins
/// the size of the operand before it to the size of the operand after it, a node counting
/// 1 and a `{…}` group the node names inside it (at least as many as it holds).
///
/// - Complexity: O(length of the text).
struct DOTShape {
    /// The number of top-level graphs (`graph {…}`, `digraph {…}`).
    var graphs = 0
    /// The line where the second graph starts, if any.
    var secondGraphLine: Int?
    /// The deepest nesting of `{…}` inside the graph, and the line where it first passes
    /// `maximumDepth`.
    var deepestLine: Int?
    /// The ties the edge statements make at most, and the line where the running total
    /// first passes `maximumTies`.
    var ties = 0
    var tooManyTiesLine: Int?

    private enum Token: Equatable {
        case id(String)
        case open, close, openBracket, closeBracket, equals, colon, edge, separator
    }

    /// The shape of `text`, stopping the counts at the limits.
    init(_ text: String, maximumDepth: Int, maximumTies: Int) {
        let tokens = Self.tokens(of: Array(text.utf8))
        // One frame per open `{`: the node names inside it, the size of the last operand,
        // and the size of an operand waiting for the right side of an edge operator.
        var frames: [(count: Int, last: Int?, left: Int?)] = [(0, nil, nil)]
        func operand(_ size: Int, line: Int) {
            let top = frames.count - 1
            if let left = frames[top].left {
                let (product, overflow) = left.multipliedReportingOverflow(by: size)
                ties = overflow ? Int.max : min(Int.max - product, ties) + product
                if ties > maximumTies, tooManyTiesLine == nil { tooManyTiesLine = line }
                frames[top].left = nil
            }
            frames[top].last = size
        }
        var index = 0
        while index < tokens.count {
            let (token, line) = tokens[index]
            index += 1
            switch token {
            case .open:
                if frames.count == 1 {
                    graphs += 1
                    if graphs == 2 { secondGraphLine = line }
                }
                frames.append((0, nil, nil))
                if frames.count - 1 > maximumDepth + 1, deepestLine == nil { deepestLine = line }
            case .close:
                guard frames.count > 1 else { continue }
                let group = frames.removeLast()
                frames[frames.count - 1].count += group.count
                if frames.count > 1 { operand(group.count, line: line) }
            case .openBracket:
                // An attribute list: nothing in it is a node.
                var depth = 1
                while index < tokens.count, depth > 0 {
                    if tokens[index].token == .openBracket { depth += 1 }
                    if tokens[index].token == .closeBracket { depth -= 1 }
                    index += 1
                }
            case .edge:
                frames[frames.count - 1].left = frames[frames.count - 1].last
            case .colon:
                // A port (`a:n`, `a:p:ne`): not a node.
                if index < tokens.count, case .id = tokens[index].token { index += 1 }
            case .equals:
                // `name = value` at statement level: the value is not a node.
                if index < tokens.count, case .id = tokens[index].token { index += 1 }
            case .separator, .closeBracket:
                frames[frames.count - 1].last = nil
            case .id(let word):
                let keyword = word.lowercased()
                if index < tokens.count, tokens[index].token == .equals { continue }
                if ["strict", "graph", "digraph", "node", "edge"].contains(keyword) { continue }
                if keyword == "subgraph" {
                    if index < tokens.count, case .id = tokens[index].token { index += 1 }
                    continue
                }
                guard frames.count > 1 else { continue }  // the graph's name
                frames[frames.count - 1].count += 1
                operand(1, line: line)
            }
        }
    }

    /// DOT's tokens with their lines: IDs (names, numerals, quoted and HTML strings),
    /// braces, brackets, `=`, `:`, edge operators and separators; comments dropped.
    private static func tokens(of bytes: [UInt8]) -> [(token: Token, line: Int)] {
        var tokens: [(token: Token, line: Int)] = []
        var line = 1
        var index = 0
        var lineStart = true
        func isNameByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == 0x5F || byte == 0x2E || (byte >= 0x30 && byte <= 0x39)
                || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                lineStart = true
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
                continue
            }
            // `#` at the start of a line is C preprocessor output, skipped like a comment.
            if byte == 0x23 && lineStart {
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                continue
            }
            lineStart = false
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case 0x2F where next == 0x2F:  // //
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            case 0x2F where next == 0x2A:  // /* */
                index += 2
                while index < bytes.count
                    && !(bytes[index] == 0x2A && index + 1 < bytes.count && bytes[index + 1] == 0x2F)
                {
                    if bytes[index] == 0x0A { line += 1 }
                    index += 1
                }
                index += 2
            case 0x2D where next == 0x2D || next == 0x3E:  // -- ->
                tokens.append((.edge, line))
                index += 2
            case 0x22:  // "…" with \" escapes
                let start = line
                index += 1
                while index < bytes.count && bytes[index] != 0x22 {
                    if bytes[index] == 0x5C { index += 1 }
                    if index < bytes.count && bytes[index] == 0x0A { line += 1 }
                    index += 1
                }
                index += 1
                tokens.append((.id("\""), start))
            case 0x3C:  // <…> HTML string, nested
                let start = line
                var depth = 0
                repeat {
                    if bytes[index] == 0x3C { depth += 1 }
                    if bytes[index] == 0x3E { depth -= 1 }
                    if bytes[index] == 0x0A { line += 1 }
                    index += 1
                } while index < bytes.count && depth > 0
                tokens.append((.id("<"), start))
            case 0x7B: tokens.append((.open, line)); index += 1
            case 0x7D: tokens.append((.close, line)); index += 1
            case 0x5B: tokens.append((.openBracket, line)); index += 1
            case 0x5D: tokens.append((.closeBracket, line)); index += 1
            case 0x3D: tokens.append((.equals, line)); index += 1
            case 0x3A: tokens.append((.colon, line)); index += 1
            case 0x3B, 0x2C: tokens.append((.separator, line)); index += 1
            default:
                guard isNameByte(byte) || byte == 0x2D else {
                    index += 1
                    continue
                }
                let start = index
                index += 1
                while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
                tokens.append((.id(String(decoding: bytes[start..<index], as: UTF8.self)), line))
            }
        }
        return tokens
    }
}
