import Foundation
import PartnerNetCore

/// How a survey tool laid out the responses.
public enum SurveyLayout: String, Sendable, CaseIterable {
    /// `respondent,partner,question,value`: one answer a row.
    case long
    /// `respondent,QUESTION[PARTNER],…`: one row a respondent, one column a question about a
    /// partner.
    case wide
}

/// Reading a partner survey: a roster (an organisations table) and the responses, long or
/// wide, into a ``Survey``; and writing an area back out as a survey.
public enum SurveyFile {
    /// Reads `roster` (as `organisations.csv`: `id,name,sector,…`) and `responses`, mapping
    /// answers through `scale`.
    ///
    /// Every problem is reported, each with file, line and column: a respondent or partner
    /// not on the roster (with the closest id), an answer about oneself, a value outside the
    /// scale, a repeated answer (with the line of the first), a malformed wide header, and
    /// the roster's own problems. Nothing is returned when there is an error.
    ///
    /// A respondent is an organisation with at least one row (long) or its row (wide); a
    /// long row with an empty partner and question records a respondent who named nobody.
    /// An empty value is no answer. Extra columns of a long file are kept on each answer's
    /// tie.
    ///
    /// - Complexity: O(size of the files).
    public static func read(
        roster: String, responses: String, layout: SurveyLayout, scale: SurveyScale = .standard
    ) throws(AreaIOError) -> Survey {
        var assembly = AreaAssembly()
        AreaFolder.readOrganisations(at: roster, into: &assembly)
        let organisations: [Organisation]
        var diagnostics: [Diagnostic] = []
        do {
            let loaded = try assembly.finish(path: roster)
            organisations = loaded.area.organisations
        } catch {
            diagnostics += error.diagnostics
            organisations = assembly.area.organisations
        }
        var reader = ResponseReader(roster: organisations, scale: scale, file: responses)
        do {
            let text = try UTF8Text.decode(try AreaFolder.contents(of: responses), file: responses)
            let table = try CSVTable.parse(text, file: responses, into: &reader.diagnostics)
            switch layout {
            case .long: reader.readLong(table)
            case .wide: reader.readWide(table)
            }
        } catch {
            reader.diagnostics.append(error.diagnostic)
        }
        diagnostics += reader.diagnostics
        if diagnostics.hasErrors { throw .invalidInput(diagnostics.filter { $0.severity == .error }) }
        let responded = Set(reader.respondents)
        return Survey(
            roster: organisations, respondents: organisations.map(\.id).filter { responded.contains($0) },
            questions: reader.questions, answers: reader.answers)
    }

    /// The area's organisations table, as `organisations.csv` holds it: a survey's roster.
    public static func roster(of area: Area) -> String {
        AreaFolder.encode(area).first { $0.0 == AreaFolder.organisationsFile }?.1 ?? ""
    }

    /// The survey an area would have given, as long responses: for every relation (or the
    /// ones named), a row `respondent,partner,question,value` for each tie, the weight as
    /// the value (from both ends for an undirected relation, so that `import --symmetrise`
    /// gives it back); the organisations that answered are those of the `responded` column when
    /// the area has one (else every organisation), and a respondent without a tie gets a row
    /// with empty partner and question. Unknown ties are left out: they are what a
    /// non-respondent did not say.
    public static func responses(of area: Area, questions: [String]? = nil) -> String {
        let chosen = questions ?? area.relationNames
        let responded = area.organisations.filter { Survey.responded($0) ?? true }.map(\.id)
        let answered = Set(responded)
        var rows: [[String]] = []
        var named = Set<String>()
        for question in chosen {
            // An undirected tie is reported by both its ends, so that importing with
            // --symmetrise gives it back.
            let bothWays = !area.metadata.isDirected(relation: question)
            for tie in area.relationships where tie.relation == question {
                for (respondent, partner) in bothWays ? [(tie.source, tie.target), (tie.target, tie.source)] : [(tie.source, tie.target)]
                where answered.contains(respondent) {
                    rows.append([respondent, partner, question, formatNumber(tie.weight)])
                    named.insert(respondent)
                }
            }
        }
        for id in responded where !named.contains(id) { rows.append([id, "", "", ""]) }
        return CSVText.encode(header: ["respondent", "partner", "question", "value"], rows: rows)
    }
}

/// The responses as they are read, with every problem found.
struct ResponseReader {
    let ids: Set<String>
    let rosterIDs: [String]
    let scale: SurveyScale
    let file: String
    var diagnostics: [Diagnostic] = []
    var respondents: [String] = []
    var questions: [String] = []
    var answers: [Survey.Answer] = []
    private var respondentSet = Set<String>()
    private var firstLine: [String: Int] = [:]

    init(roster: [Organisation], scale: SurveyScale, file: String) {
        rosterIDs = roster.map(\.id)
        ids = Set(rosterIDs)
        self.scale = scale
        self.file = file
    }

    /// `id` when it is on the roster; else an error at `location`.
    private mutating func member(_ id: String, _ role: String, at location: SourceLocation) -> String? {
        if ids.contains(id) { return id }
        let closest = closestMatch(to: id, in: rosterIDs).map { " (did you mean \(quoted($0))?)" } ?? ""
        diagnostics.append(.error(at: location, "\(role) \(quoted(id)) is not on the roster\(closest)"))
        return nil
    }

    private mutating func responded(_ id: String) {
        if respondentSet.insert(id).inserted { respondents.append(id) }
    }

    /// One answer, checked: the value through the scale, no answer about oneself, no
    /// repeat. `location` is the value's cell; `line` the row's.
    private mutating func answer(
        _ respondent: String, _ partner: String, _ question: String, _ cell: String, at location: SourceLocation,
        attributes: [String: String] = [:]
    ) {
        let text = cell.trimmingWhitespace()
        guard !text.isEmpty else { return }
        if respondent == partner {
            diagnostics.append(.error(at: location, "\(quoted(respondent)) answers about itself"))
            return
        }
        let key = [respondent, partner, question].joined(separator: "\u{0}")
        if let first = firstLine[key] {
            diagnostics.append(
                .error(
                    at: location,
                    "a second answer of \(quoted(respondent)) about \(quoted(partner)) on \(quoted(question)) "
                        + "(the first is on line \(first))"))
            return
        }
        firstLine[key] = location.line ?? 0
        switch scale.value(of: text, question: question) {
        case .success(let value):
            if !questions.contains(question) { questions.append(question) }
            var answer = Survey.Answer(respondent: respondent, partner: partner, question: question, value: value, given: text)
            answer.attributes = attributes
            answers.append(answer)
        case .failure(let problem):
            diagnostics.append(.error(at: location, problem.description))
        }
    }

    mutating func readLong(_ table: CSVTable) {
        guard let mapping = TableSchema.surveyLong.mapping(of: table, into: &diagnostics) else { return }
        for row in table.rows {
            let origin = RowOrigin(file: file, line: row.line, columns: mapping.columns)
            let respondentCell = mapping.value("respondent", in: row).trimmingWhitespace()
            let partnerCell = mapping.value("partner", in: row).trimmingWhitespace()
            let question = mapping.value("question", in: row).trimmingWhitespace()
            let value = mapping.value("value", in: row)
            guard !respondentCell.isEmpty else {
                diagnostics.append(.error(at: origin.location("respondent"), "respondent is empty"))
                continue
            }
            guard let respondent = member(respondentCell, "respondent", at: origin.location("respondent")) else {
                continue
            }
            responded(respondent)
            if partnerCell.isEmpty && question.isEmpty && value.trimmingWhitespace().isEmpty { continue }
            guard !partnerCell.isEmpty else {
                diagnostics.append(.error(at: origin.location("partner"), "partner is empty"))
                continue
            }
            guard let partner = member(partnerCell, "partner", at: origin.location("partner")) else { continue }
            guard !question.isEmpty else {
                diagnostics.append(.error(at: origin.location("question"), "question is empty"))
                continue
            }
            answer(
                respondent, partner, question, value, at: origin.location("value"), attributes: mapping.attributes(of: row))
        }
    }

    mutating func readWide(_ table: CSVTable) {
        var respondentColumn: Int?
        var columns: [(index: Int, question: String, partner: String)] = []
        var seen: [String: Int] = [:]
        for (index, cell) in table.header.enumerated() {
            let name = cell.trimmingWhitespace()
            let location = SourceLocation(file: file, line: table.headerLine, column: index + 1)
            if name.lowercased() == "respondent" {
                respondentColumn = index
                continue
            }
            guard let open = name.firstIndex(of: "["), name.hasSuffix("]"), open != name.startIndex else {
                diagnostics.append(
                    .error(at: location, "column \(quoted(name)) is not QUESTION[PARTNER], e.g. contact[city]"))
                continue
            }
            let question = String(name[..<open]).trimmingWhitespace()
            let partnerText = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                .trimmingWhitespace()
            if let first = seen[name] {
                diagnostics.append(.error(at: location, "column \(quoted(name)) repeats column \(first)"))
                continue
            }
            seen[name] = index + 1
            guard let partner = member(partnerText, "partner", at: location) else { continue }
            columns.append((index, question, partner))
        }
        guard let respondentColumn else {
            diagnostics.append(
                .error(
                    at: SourceLocation(file: file, line: table.headerLine),
                    "no respondent column: a wide file has respondent,QUESTION[PARTNER],…"))
            return
        }
        var rowOf: [String: Int] = [:]
        for row in table.rows {
            let cell = row.fields[respondentColumn].trimmingWhitespace()
            let location = SourceLocation(file: file, line: row.line, column: respondentColumn + 1)
            guard !cell.isEmpty else {
                diagnostics.append(.error(at: location, "respondent is empty"))
                continue
            }
            guard let respondent = member(cell, "respondent", at: location) else { continue }
            if let first = rowOf[respondent] {
                diagnostics.append(
                    .error(at: location, "respondent \(quoted(respondent)) has a second row (the first is line \(first))"))
                continue
            }
            rowOf[respondent] = row.line
            responded(respondent)
            for column in columns {
                answer(
                    respondent, column.partner, column.question, row.fields[column.index],
                    at: SourceLocation(file: file, line: row.line, column: column.index + 1))
            }
        }
    }
}
