/// Numbers as the formats write them: decimal notation only.
///
/// Swift's `Double(_:)` also reads hexadecimal (`0x10`, `0x1p3`), `inf`, `infinity` and
/// `nan`, which no spreadsheet or network tool writes for a weight; a file holding them
/// is more likely broken than meant. Every reader parses weights and matrix values here.
public enum DecimalText {
    /// The value of `text` when it is a number in decimal notation — an optional sign,
    /// digits with an optional decimal point (`12`, `-0.5`, `.5`, `5.`), an optional
    /// exponent (`1e-3`, `2E+6`) — else `nil`. The value may be infinite when the exponent
    /// is huge (`1e999`); callers check the range.
    ///
    /// - Complexity: O(length).
    public static func number(_ text: some StringProtocol) -> Double? {
        guard isDecimal(text.utf8) else { return nil }
        return Double(String(text))
    }

    /// Whether `bytes` spell a number in decimal notation (see ``number(_:)``).
    public static func isDecimal(_ bytes: some Collection<UInt8>) -> Bool {
        var index = bytes.startIndex
        func digits() -> Int {
            var count = 0
            while index != bytes.endIndex, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                count += 1
                index = bytes.index(after: index)
            }
            return count
        }
        func skip(_ accepted: UInt8...) -> Bool {
            guard index != bytes.endIndex, accepted.contains(bytes[index]) else { return false }
            index = bytes.index(after: index)
            return true
        }
        _ = skip(0x2B, 0x2D)  // + -
        var mantissa = digits()
        if skip(0x2E) { mantissa += digits() }  // .
        guard mantissa > 0 else { return false }
        if skip(0x65, 0x45) {  // e E
            _ = skip(0x2B, 0x2D)
            guard digits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }
}
