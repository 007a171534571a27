import Foundation

/// A calendar date as the `since` and `until` columns and the `--at` and `--waves` options
/// write it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601 calendar dates, proleptic
/// Gregorian, years 0001–9999).
///
/// A partial date stands for its first day: `2024` is 1 January 2024 and `2024-06` is
/// 1 June 2024. Dates compare by year, month and day.
public struct WaveDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// The text it was read from (`2024`, `2024-06`, `2024-06-30`).
    public let text: String

    /// The date `text` writes, or `nil` when it is not a valid `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD` date (surrounding spaces are ignored).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), year >= 1
        else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
        let day = parts.count > 2 ? Int(parts[2]) ?? 0 : 1
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.text = trimmed
    }

    /// Days in a month of the Gregorian calendar.
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: WaveDate, b: WaveDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func == (a: WaveDate, b: WaveDate) -> Bool {
        (a.year, a.month, a.day) == (b.year, b.month, b.day)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(month)
        hasher.combine(day)
    }

    public var description: String { text }

    /// The date in full, `YYYY-MM-DD` (XML Schema's `xs:date`, as GEXF writes dates).
    public var fullText: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// The day before, written in full; `nil` before 0001-01-02.
    public var dayBefore: WaveDate? {
        if day > 1 { return WaveDate(String(format: "%04d-%02d-%02d", year, month, day - 1)) }
        if month > 1 {
            return WaveDate(String(format: "%04d-%02d-%02d", year, month - 1, Self.days(inMonth: month - 1, year: year)))
        }
        return year > 1 ? WaveDate(String(format: "%04d-12-31", year - 1)) : nil
    }

    /// The day after, written in full; `nil` after 9999-12-31.
    public var dayAfter: WaveDate? {
        if day < Self.days(inMonth: month, year: year) {
            return WaveDate(String(format: "%04d-%02d-%02d", year, month, day + 1))
        }
        if month < 12 { return WaveDate(String(format: "%04d-%02d-01", year, month + 1)) }
        return year < 9999 ? WaveDate(String(format: "%04d-01-01", year + 1)) : nil
    }

    /// What a date must look like, for error messages.
    public static let expected = "a date written YYYY, YYYY-MM or YYYY-MM-DD"
}
