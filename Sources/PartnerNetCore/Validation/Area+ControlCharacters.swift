extension Area {
    /// One error per field holding a control character other than tab, line feed and
    /// carriage return. A NUL or an escape code in an id would be written raw into DOT,
    /// HTML and CSV output, where it truncates or garbles the text; every reader's fields
    /// are checked here.
    ///
    /// - Complexity: O(total length of the text fields).
    func controlCharacterDiagnostics(origins: AreaOrigins) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ text: String?, _ field: String, _ origin: RowOrigin, column: String? = nil) {
            guard let text, let offset = ControlCharacter.firstOffset(in: text) else { return }
            let scalar = text.unicodeScalars[
                text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset)]
            found.append(
                .error(
                    at: origin.location(column ?? field),
                    "\(field) holds the control character \(ControlCharacter.describe(scalar)) at character "
                        + "\(offset + 1); remove it (only tab and line breaks are allowed in text)"))
        }
        func checkAttributes(_ attributes: [String: String], _ origin: RowOrigin) {
            for key in attributes.keys.sorted() {
                check(key, "a column name", origin, column: key)
                check(attributes[key], "column \(quoted(key))", origin, column: key)
            }
        }
        for (organisation, origin) in zip(organisations, origins.organisations) {
            check(organisation.id, "id", origin)
            check(organisation.name, "name", origin)
            check(organisation.sector, "sector", origin)
            check(organisation.subsector, "subsector", origin)
            checkAttributes(organisation.attributes, origin)
        }
        // Ties through their columns: each distinct id and relation name is tested once,
        // and only the rows that hold a flagged one (or have extra columns) are visited.
        let flagged = Set(relationships.positions { ControlCharacter.firstOffset(in: $0) != nil })
        let hasAttributes = relationships.hasAttributes
        for index in relationships.indices where hasAttributes || flagged.contains(index) {
            let (tie, origin) = (relationships[index], origins.relationships[index])
            check(tie.source, "source", origin)
            check(tie.target, "target", origin)
            check(tie.relation, "relation", origin)
            checkAttributes(tie.attributes, origin)
        }
        for (tie, origin) in zip(unknownTies, origins.unknownTies) {
            check(tie.source, "source", origin)
            check(tie.target, "target", origin)
            check(tie.relation, "relation", origin)
            checkAttributes(tie.attributes, origin)
        }
        for (partnership, origin) in zip(partnerships, origins.partnerships) {
            check(partnership.id, "id", origin)
            check(partnership.name, "name", origin)
            check(partnership.parent, "parent", origin)
            checkAttributes(partnership.attributes, origin)
        }
        for (seat, origin) in zip(memberships, origins.memberships) {
            check(seat.partnership, "partnership", origin)
            check(seat.organisation, "organisation", origin)
            checkAttributes(seat.attributes, origin)
        }
        return found
    }
}

/// The C0 control characters (U+0000–U+001F) that text fields may not hold: all but tab,
/// line feed and carriage return, which quoted CSV cells and XML text carry legitimately.
enum ControlCharacter {
    private static let names = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ]

    /// The position, in Unicode scalars, of the first forbidden control character.
    static func firstOffset(in text: String) -> Int? {
        // Fast path: most fields have no byte below 0x20 at all.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        return text.unicodeScalars.firstIndex(where: isForbidden).map {
            text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0)
        }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    /// `U+0000 (NUL)`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex + " (\(names[Int(scalar.value)]))"
    }
}
