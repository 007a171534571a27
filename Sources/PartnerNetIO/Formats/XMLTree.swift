import Foundation
import PartnerNetCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small element tree read with Foundation's `XMLParser` (libxml2 on Linux), each
/// element knowing the line and column where it starts, for GraphML and GEXF.
final class XMLElementNode {
    /// The local name, without a namespace prefix (`viz:color` is `color`).
    let name: String
    let namespace: String?
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""
    let line: Int
    let column: Int

    init(name: String, namespace: String?, attributes: [String: String], line: Int, column: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.line = line
        self.column = column
    }

    func children(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }
    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    func location(_ file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// Parses `data` into its root element.
    ///
    /// - Throws: a located error for text that is not well-formed XML.
    static func parse(_ data: Data, file: String) throws(AreaIOError) -> XMLElementNode {
        // Report bad UTF-8 where it is, rather than as a parser failure.
        if String(validating: data, as: UTF8.self) == nil, !data.starts(with: [0xFE, 0xFF]),
            !data.starts(with: [0xFF, 0xFE])
        {
            do {
                _ = try UTF8Text.decode(data, file: file)
            } catch {
                throw .invalidInput([error.diagnostic])
            }
        }
        let parser = XMLParser(data: data)
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let succeeded = parser.parse()
        // libxml2 recovers from some errors and parse() still succeeds: the first error
        // reported to the delegate counts.
        if !succeeded || builder.root == nil || builder.firstError != nil {
            let error = builder.firstError?.error ?? parser.parserError as NSError?
            let line = max(builder.firstError?.line ?? parser.lineNumber, 1)
            let place = builder.firstError?.column ?? parser.columnNumber
            let column = place > 0 ? place : nil
            let reason = error.map { describe($0) } ?? "the file holds no element"
            throw .invalidInput([
                .error(at: SourceLocation(file: file, line: line, column: column), "not well-formed XML: \(reason)")
            ])
        }
        return builder.root!
    }

    /// A readable reason for libxml2's error codes.
    private static func describe(_ error: NSError) -> String {
        // The codes are libxml2's (xmlParserErrors), which Foundation passes on.
        switch error.code {
        case 4: return "the file holds no XML"
        case 5: return "the file ends before its elements are closed, or has text after them"
        case 9: return "a character XML does not allow"
        case 23: return "an entity without its closing ; (write & as &amp;)"
        case 26, 27: return "an unknown entity (write & as &amp;)"
        case 38: return "a < inside an attribute value (write &lt;)"
        case 39, 40: return "an attribute value is not quoted"
        case 41: return "an attribute without a value"
        case 42: return "an attribute is given twice"
        case 68: return "a malformed tag"
        case 73: return "a tag is not closed with >"
        case 76: return "an element is closed by the wrong end tag"
        case 77: return "an element is never closed"
        default: break
        }
        switch XMLParser.ErrorCode(rawValue: error.code) {
        case .prematureDocumentEndError?: return "the file ends before its elements are closed"
        case .tagNameMismatchError?, .notWellBalancedError?:
            return "an element is closed by the wrong end tag"
        case .documentStartError?, .emptyDocumentError?: return "the file holds no XML"
        case .ltRequiredError?, .gtRequiredError?: return "a tag is not closed with >"
        case .attributeNotStartedError?, .attributeNotFinishedError?,
            .literalNotStartedError?, .literalNotFinishedError?:
            return "an attribute value is not quoted"
        case .attributeRedefinedError?: return "an attribute is given twice"
        case .entityRefAtEOFError?, .entityRefLoopError?, .undeclaredEntityError?, .entityReferenceWithoutNameError?,
            .entityReferenceMissingSemiError?:
            return "an unknown or unfinished entity (write & as &amp;)"
        case .invalidCharacterError?, .invalidCharacterRefError?, .invalidCharacterInEntityError?:
            return "a character XML does not allow"
        case .lessThanSymbolInAttributeError?: return "a < inside an attribute value (write &lt;)"
        case .extraContentError?: return "text after the root element"
        case .nameRequiredError?, .spaceRequiredError?: return "a malformed tag"
        case .parsedEntityRefNoNameError?: return "a & that starts no entity (write &amp;)"
        default:
            let text = error.localizedDescription
            return text.contains("operation could not be completed") ? "parser error \(error.code)" : text
        }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        let parser: XMLParser
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []
        var firstError: (error: NSError, line: Int, column: Int)?

        init(parser: XMLParser) { self.parser = parser }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if firstError == nil { firstError = (parseError as NSError, parser.lineNumber, parser.columnNumber) }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            var plain: [String: String] = [:]
            for (key, value) in attributes {
                plain[key] = value
                if let colon = key.lastIndex(of: ":"), !key.hasPrefix("xmlns") {
                    plain[String(key[key.index(after: colon)...])] =
                        plain[String(key[key.index(after: colon)...])] ?? value
                }
            }
            let node = XMLElementNode(
                name: local, namespace: namespaceURI, attributes: plain, line: parser.lineNumber,
                column: parser.columnNumber)
            if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
            stack.append(node)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}

/// Writing XML text.
enum XMLText {
    /// `text` escaped for an attribute value in double quotes: `& < > "` and the line
    /// breaks and tabs a parser would otherwise turn into spaces. Characters XML 1.0 cannot
    /// hold are replaced by U+FFFD and counted in `replaced`.
    static func attribute(_ text: String, _ replaced: inout Int) -> String {
        escape(text, inAttribute: true, &replaced)
    }

    /// `text` escaped for element content.
    static func content(_ text: String, _ replaced: inout Int) -> String {
        escape(text, inAttribute: false, &replaced)
    }

    private static func escape(_ text: String, inAttribute: Bool, _ replaced: inout Int) -> String {
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"")
                    || $0 < 0x20 || $0 == 0xEF
            })
        else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                replaced += 1
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The GraphML / GEXF type of a column: `long` or `double` when every value is such a
    /// number written plainly, `boolean` for `true`/`false`, else `string`.
    static func valueType(_ values: [String]) -> String {
        guard !values.isEmpty else { return "string" }
        if values.allSatisfy({ text in Int64(text).map { String($0) == text } ?? false }) { return "long" }
        if values.allSatisfy(isPlainNumber) { return "double" }
        if values.allSatisfy({ $0 == "true" || $0 == "false" }) { return "boolean" }
        return "string"
    }

    /// A finite number in decimal or scientific notation, without spaces or words.
    static func isPlainNumber(_ text: String) -> Bool {
        guard let value = Double(text), value.isFinite else { return false }
        return text.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45
        }
    }
}
