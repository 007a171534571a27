/// Characters that show as nothing, or as a plain space, yet make two ids differ: a
/// byte-order mark left in the middle of a file by joining two CSV files, a zero-width
/// space pasted from a web page, a no-break space from a spreadsheet.
enum InvisibleCharacter {
    /// The name of each invisible character messages point out.
    static let names: [Unicode.Scalar: String] = [
        "\u{FEFF}": "byte-order mark",
        "\u{200B}": "zero-width space",
        "\u{200C}": "zero-width non-joiner",
        "\u{200D}": "zero-width joiner",
        "\u{2060}": "word joiner",
        "\u{00A0}": "no-break space",
        "\u{202F}": "narrow no-break space",
        "\u{00AD}": "soft hyphen",
        "\u{2028}": "line separator",
        "\u{2029}": "paragraph separator",
    ]

    /// `U+FEFF`.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// A note on the first invisible character in `text`, for a message about a value that
/// matched nothing: `it begins with an invisible byte-order mark U+FEFF`, or `nil` when
/// `text` has none.
public func invisibleCharacterNote(_ text: String) -> String? {
    for (offset, scalar) in text.unicodeScalars.enumerated() {
        guard let name = InvisibleCharacter.names[scalar] else { continue }
        let code = InvisibleCharacter.code(scalar)
        if offset == 0 { return "it begins with an invisible \(name) \(code)" }
        return "it holds an invisible \(name) \(code) at character \(offset + 1)"
    }
    return nil
}

/// `text` in double quotes as ``quoted(_:)`` writes it, with invisible characters written
/// as escapes (`"\u{FEFF}B"`), so that a message shows them.
public func quotedVisibly(_ text: String) -> String {
    let plain = quoted(text)
    guard plain.unicodeScalars.contains(where: { InvisibleCharacter.names[$0] != nil }) else { return plain }
    var out = ""
    for scalar in plain.unicodeScalars {
        if InvisibleCharacter.names[scalar] != nil {
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
