import Foundation
import PartnerNetCore

/// How answers become numbers: Likert labels mapped to values, per question or for every
/// question, and numbers taken as written.
///
/// A label is matched without regard to letter case or surrounding spaces. A question's own
/// entries come before the entries for every question (`*`). A number is accepted when it is
/// at least 0 and finite and, where the question has labels of its own, within their range.
/// ``standard`` is the mapping used without `--scale FILE`; `partnernet survey scale` prints
/// it as the CSV file that `--scale` reads (`question,label,value`), to copy and change.
public struct SurveyScale: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// A question, or `*` for every question.
        public var question: String
        public var label: String
        public var value: Double

        public init(question: String, label: String, value: Double) {
            self.question = question
            self.label = label
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The labels used without `--scale`: yes/no; how often (never 0 … daily 4); how far
    /// one agrees (strongly disagree 1 … strongly agree 5); and the four-point extent scale
    /// of trust and value items (not at all 1 … a great deal 4).
    public static let standard = SurveyScale(
        entries: [
            ("yes", 1), ("no", 0),
            ("never", 0), ("less than monthly", 1), ("monthly", 2), ("weekly", 3), ("daily", 4),
            ("strongly disagree", 1), ("disagree", 2), ("neither agree nor disagree", 3), ("agree", 4),
            ("strongly agree", 5),
            ("not at all", 1), ("a small amount", 2), ("a fair amount", 3), ("a great deal", 4),
        ].map { Entry(question: "*", label: $0.0, value: $0.1) })

    /// The value of `answer` on `question`, or the reason it has none.
    public func value(of answer: String, question: String) -> Result<Double, SurveyScaleError> {
        let text = answer.trimmingWhitespace()
        let own = entries.filter { $0.question == question }
        if let number = DecimalText.number(text) {
            guard number.isFinite, number >= 0 else { return .failure(.negative(text)) }
            if let low = own.map(\.value).min(), let high = own.map(\.value).max(), !(low...high).contains(number) {
                return .failure(.outOfRange(text, low: low, high: high))
            }
            return .success(number)
        }
        let key = text.lowercased()
        if let entry = own.first(where: { $0.label.lowercased() == key })
            ?? entries.first(where: { $0.question == "*" && $0.label.lowercased() == key })
        {
            return .success(entry.value)
        }
        let labels = (own.isEmpty ? entries.filter { $0.question == "*" } : own).map(\.label)
        return .failure(.unknownLabel(text, closest: closestMatch(to: text, in: labels)))
    }

    /// The mapping as the CSV file `--scale` reads.
    public var csv: String {
        CSVText.encode(
            header: ["question", "label", "value"], rows: entries.map { [$0.question, $0.label, formatNumber($0.value)] })
    }

    /// Reads a scale file, `question,label,value` (a question `*` applies to every question),
    /// every problem reported with file, line and column.
    public static func read(at file: String) throws(AreaIOError) -> SurveyScale {
        var diagnostics: [Diagnostic] = []
        var entries: [Entry] = []
        do {
            let text = try UTF8Text.decode(try AreaFolder.contents(of: file), file: file)
            let table = try CSVTable.parse(text, file: file, into: &diagnostics)
            if let mapping = TableSchema.scale.mapping(of: table, into: &diagnostics) {
                var seen: [String: Int] = [:]
                for row in table.rows {
                    let origin = RowOrigin(file: file, line: row.line, columns: mapping.columns)
                    let question = mapping.value("question", in: row).trimmingWhitespace()
                    let label = mapping.value("label", in: row).trimmingWhitespace()
                    let cell = mapping.value("value", in: row).trimmingWhitespace()
                    if label.isEmpty { diagnostics.append(.error(at: origin.location("label"), "label is empty")) }
                    if DecimalText.isDecimal(label.utf8) {
                        diagnostics.append(
                            .error(at: origin.location("label"), "label \(quoted(label)) is a number: numbers are read as they are"))
                    }
                    guard let value = DecimalText.number(cell), value.isFinite, value >= 0 else {
                        diagnostics.append(
                            .error(at: origin.location("value"), "value must be a number, 0 or more, got \(quoted(cell))"))
                        continue
                    }
                    let key = (question.isEmpty ? "*" : question) + "\u{0}" + label.lowercased()
                    if let first = seen[key] {
                        diagnostics.append(
                            .error(at: origin.location("label"), "label \(quoted(label)) is given twice for this question (first on line \(first))"))
                        continue
                    }
                    seen[key] = row.line
                    entries.append(Entry(question: question.isEmpty ? "*" : question, label: label, value: value))
                }
            }
        } catch {
            diagnostics.append(error.diagnostic)
        }
        if diagnostics.hasErrors { throw .invalidInput(diagnostics) }
        return SurveyScale(entries: entries)
    }
}

/// Why an answer has no value.
public enum SurveyScaleError: Error, Sendable, Hashable, CustomStringConvertible {
    case negative(String)
    case outOfRange(String, low: Double, high: Double)
    case unknownLabel(String, closest: String?)

    public var description: String {
        switch self {
        case .negative(let text): "value \(quoted(text)) is below 0"
        case .outOfRange(let text, let low, let high):
            "value \(quoted(text)) is outside the question's scale, \(formatNumber(low)) to \(formatNumber(high))"
        case .unknownLabel(let text, let closest):
            "answer \(quoted(text)) is not on the scale"
                + (closest.map { " (did you mean \(quoted($0))?)" } ?? "")
                + "; give numbers or map labels with --scale FILE (partnernet survey scale prints the mapping)"
        }
    }
}
