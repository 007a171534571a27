import Foundation
import PartnerNetCore

/// Numbers written for people in report sentences: fixed decimals, a true minus sign,
/// percentages, "a, b and c".
enum ReportText {
    /// `value` with `places` decimals and a minus sign (−) when negative; "–" when not finite.
    static func decimal(_ value: Double, _ places: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A count or a value with up to `places` decimals, trailing zeros dropped (3, 3.2, 3.25).
    static func short(_ value: Double, _ places: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        var text = decimal(value, places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "−0" ? "0" : text
    }

    /// A share as a whole percentage ("27%"); below 1%, with one decimal ("0.4%"), and
    /// below 0.1% to its first significant digit ("0.03%"), so that a share among
    /// thousands of organisations never reads as 0%.
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "–" }
        let value = share * 100
        let size = abs(value)
        guard size > 0 && size < 1 else { return String(format: "%.0f", value) + "%" }
        let places = max(1, Int(-log10(size).rounded(.up)))
        return String(format: "%.*f", places, value) + "%"
    }

    /// A p-value: three decimals, four below 0.001.
    static func p(_ p: Double) -> String { p < 0.001 ? String(format: "%.4f", p) : String(format: "%.3f", p) }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// "1 role", "3 roles".
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) " + (value == 1 ? singular : plural ?? singular + "s")
    }

    /// A JSON number, or null when undefined or not finite.
    static func json(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// Pretty-printed JSON text with sorted keys, ending in a line break.
    static func encoded(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }
}
