/// `text` safe inside XML, SVG or HTML content and double-quoted attribute values: `&`,
/// `<`, `>` and `"` as entities. Line breaks become `lineBreak` when one is given (`<BR/>` in Graphviz's
/// HTML-like labels, `<br>` in HTML), else stay as they are.
public func markupEscaped(_ text: String, lineBreak: String? = nil) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "\n", "\r\n", "\r": if let lineBreak { out += lineBreak } else { out.append(character) }
        default: out.append(character)
        }
    }
    return out
}
