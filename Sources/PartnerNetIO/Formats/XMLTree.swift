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

    /// The deepest nesting of elements read: GraphML and GEXF need fewer than ten levels
    /// (a nested graph adds two). Deeper input is refused before the tree gets deep enough
    /// to matter: freeing a tree 100,000 levels deep overflowed the stack.
    static let maximumDepth = 1_000

    /// Parses `data` into its root element.
    ///
    /// Entities declared in a DTD (`<!ENTITY co "Company">`) are refused, not expanded:
    /// libxml2 drops their references from text without a word on Linux, and an external
    /// entity would read another file. The predefined entities (`&amp;`, `&lt;`, …) and
    /// character references (`&#65;`) are read as XML says.
    ///
    /// - Parameter maximumDepth: the deepest nesting accepted (a parameter for the tests).
    /// - Throws: a located error for text that is not well-formed XML, that declares
    ///   entities, or that nests elements deeper than `maximumDepth`.
    static func parse(
        _ data: Data, file: String, maximumDepth: Int = maximumDepth
    ) throws(AreaIOError) -> XMLElementNode {
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
        // Entities are declared only inside a DOCTYPE; `<!ENTITY` in a CDATA section of a
        // file without one is text.
        if let doctype = data.firstRange(of: Data("<!DOCTYPE".utf8)),
            let declaration = data[doctype.upperBound...].firstRange(of: Data("<!ENTITY".utf8))
        {
            let (line, column) = UTF8Text.position(ofByte: declaration.lowerBound - data.startIndex, in: data)
            let declared = String(decoding: data[declaration.lowerBound...].prefix(1_024), as: UTF8.self)
                .prefix { $0 != ">" }
            let external = declared.contains("SYSTEM") || declared.contains("PUBLIC")
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: file, line: line, column: column),
                    external
                        ? "the file declares an external entity (<!ENTITY … SYSTEM/PUBLIC …>): refused, PartnerNet "
                            + "reads no other file"
                        : "the file declares an entity (<!ENTITY …>): PartnerNet does not expand DTD entities; "
                            + "write their text out in full (&amp; &lt; &gt; &quot; &apos; and &#…; are fine)")
            ])
        }
        if let instruction = processingInstructionWithoutData(in: data) {
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: file, line: instruction.line, column: instruction.column),
                    "the processing instruction \(quoted("<?" + instruction.target + "?>")) has no data, which "
                        + "Foundation's XML parser cannot read: remove it (PartnerNet ignores processing instructions)")
            ])
        }
        let parser = XMLParser(data: data)
        let builder = TreeBuilder(parser: parser, maximumDepth: maximumDepth)
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let succeeded = parser.parse()
        // libxml2 recovers from some errors and parse() still succeeds: the first error
        // reported to the delegate counts.
        if let tooDeep = builder.tooDeep {
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: file, line: tooDeep.line, column: tooDeep.column),
                    "elements are nested more than \(maximumDepth) levels deep; PartnerNet reads at most "
                        + "\(maximumDepth) (GraphML and GEXF need fewer than ten)")
            ])
        }
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

    /// The first processing instruction with a target and no data (`<?target?>`), with its
    /// line and column (in characters).
    ///
    /// libxml2 passes such an instruction's data as a null pointer, and FoundationXML
    /// (Swift 6.3) takes `strlen` of it and crashes, before any delegate is called; so the
    /// file is refused first. The text is searched whole, comments and CDATA sections too:
    /// libxml2 recovers from some errors (a broken XML declaration ends at the next `>`)
    /// and then reads as markup what a well-formed reading would skip. A file with a UTF-16
    /// byte-order mark is looked at as text.
    ///
    /// - Complexity: O(size of the data).
    static func processingInstructionWithoutData(in data: Data) -> (line: Int, column: Int, target: String)? {
        var bytes = [UInt8](data)
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) {
            guard let text = String(data: data, encoding: .utf16) else { return nil }
            bytes = Array(text.utf8)
        }
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") else {
                index += 1
                continue
            }
            // The target: up to white space, `?`, `<` or `>`.
            var end = index + 2
            while end < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x3F, 0x3C, 0x3E].contains(bytes[end]) { end += 1 }
            if end > index + 2 && end + 1 < bytes.count && bytes[end] == UInt8(ascii: "?")
                && bytes[end + 1] == UInt8(ascii: ">")
            {
                let (line, column) = UTF8Text.position(ofByte: index, in: Data(bytes))
                return (line, column, String(decoding: bytes[(index + 2)..<end].prefix(64), as: UTF8.self))
            }
            index = end
        }
        return nil
    }

    /// A readable reason for libxml2's error codes.
    static func describe(_ error: NSError) -> String {
        // The codes are libxml2's (xmlParserErrors in libxml/xmlerror.h), which Foundation
        // passes on; the message Foundation gives on Linux is only "error 89".
        switch error.code {
        case 1:
            return "the parser gave up: a text or attribute value of about 10,000,000 characters or more "
                + "(libxml2's limit)"
        case 2: return "the parser ran out of memory"
        case 6, 7, 8: return "a character reference (&#…;) to a character XML does not allow"
        case 10, 11, 12, 13: return "a character reference (&#…;) outside the root element"
        case 14, 15, 16, 17: return "an entity reference outside the root element"
        case 28: return "a reference to an unparsed entity"
        case 29: return "a reference to an external entity: refused, PartnerNet reads no other file"
        case 31, 32: return "an encoding the parser does not know; save the file as UTF-8"
        case 45: return "a comment is never closed with -->"
        case 63: return "a CDATA section is never closed with ]]>"
        case 89: return "entities refer to themselves or expand too far (refused, as in a \"billion laughs\" file)"
        case 110: return "a name longer than the parser allows"
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
        let maximumDepth: Int
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []
        var firstError: (error: NSError, line: Int, column: Int)?
        /// Where the first element too deep starts; parsing stops there.
        var tooDeep: (line: Int, column: Int)?

        init(parser: XMLParser, maximumDepth: Int) {
            self.parser = parser
            self.maximumDepth = maximumDepth
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if firstError == nil { firstError = (parseError as NSError, parser.lineNumber, parser.columnNumber) }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard stack.count < maximumDepth else {
                if tooDeep == nil { tooDeep = (parser.lineNumber, parser.columnNumber) }
                parser.abortParsing()
                return
            }
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
            guard tooDeep == nil else { return }
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
