import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Survey import: the response and agreement figures and the area of every non-response
/// handling equal a direct computation (`Scripts/reference/survey_reference.py`) on the
/// bundled invented survey and on generated surveys with known missingness; the wide layout
/// reads as the long one; an area written as a survey reads back the same.
@Suite struct SurveyTests {
    struct Reference: Decodable {
        let tool: String
        let cases: [String: Case]
    }

    struct Case: Decodable {
        let folder: String
        let summary: [String: Double?]
        let areas: [String: [String: Relation]]
    }

    struct Relation: Decodable {
        /// [source, target, weight]
        let ties: [[Value]]
        /// [source, target]
        let unknown: [[String]]
    }

    enum Value: Decodable {
        case text(String)
        case number(Double)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { self = .number(number) } else {
                self = .text(try container.decode(String.self))
            }
        }
        var text: String { if case .text(let t) = self { t } else { "" } }
        var number: Double { if case .number(let n) = self { n } else { .nan } }
    }

    static let reference: Reference = {
        let path = Paths.repo("Tests/Fixtures/reference/survey/survey_reference.json")
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }()

    static let cases = reference.cases.keys.sorted()

    static func survey(_ name: String) throws -> Survey {
        let folder = Paths.repo(reference.cases[name]!.folder)
        return try SurveyFile.read(
            roster: folder + "/roster.csv", responses: folder + "/responses.csv", layout: .long)
    }

    @Test(arguments: cases)
    func responseAndAgreementEqualTheReference(name: String) throws {
        let expected = Self.reference.cases[name]!.summary
        let summary = try Self.survey(name).summary
        #expect(Set(summary.map(\.name)) == Set(expected.keys))
        for (metric, value) in summary {
            let want = expected[metric]!
            if let want, let value {
                #expect(abs(value - want) <= 1e-12, "\(name) \(metric): \(value) vs \(want)")
            } else {
                #expect(value == nil && want == nil, "\(name) \(metric)")
            }
        }
    }

    @Test(arguments: cases)
    func everyHandlingOfNonResponseEqualsTheReference(name: String) throws {
        let survey = try Self.survey(name)
        for (key, relations) in Self.reference.cases[name]!.areas {
            let parts = key.split(separator: "/").map(String.init)
            let area = survey.area(
                nonResponse: Survey.NonResponse(rawValue: parts[0])!,
                symmetrise: Survey.Symmetrisation(rawValue: parts[1]))
            #expect(Set(area.relationNames) == Set(relations.keys), "\(name) \(key)")
            for (question, relation) in relations {
                let ties = area.relationships.filter { $0.relation == question }.map {
                    "\($0.source)>\($0.target)=\($0.weight)"
                }
                let want = relation.ties.map { "\($0[0].text)>\($0[1].text)=\($0[2].number)" }
                #expect(ties.sorted() == want.sorted(), "\(name) \(key) \(question)")
                let unknown = area.unknownTies.filter { $0.relation == question }.map { "\($0.source)>\($0.target)" }
                #expect(unknown.sorted() == relation.unknown.map { "\($0[0])>\($0[1])" }.sorted(), "\(name) \(key) \(question)")
                #expect(area.metadata.isDirected(relation: question) == (parts[1] == "none"))
            }
        }
    }

    /// The bundled survey laid out wide (one row a respondent) reads as the long file.
    @Test func wideLayoutReadsAsLong() throws {
        let long = try Self.survey("northbridge_survey")
        let folder = Paths.temporaryFolder()
        let ids = long.roster.map(\.id)
        var header = ["respondent"]
        for question in long.questions { header += ids.map { "\(question)[\($0)]" } }
        var rows: [[String]] = []
        for respondent in long.respondents {
            var row = [respondent]
            for question in long.questions {
                row += ids.map { partner in
                    long.answers.first { $0.respondent == respondent && $0.partner == partner && $0.question == question }?
                        .given ?? ""
                }
            }
            rows.append(row)
        }
        try CSVText.encode(header: header, rows: rows).write(toFile: folder + "/wide.csv", atomically: true, encoding: .utf8)
        let roster = Paths.repo("Datasets/northbridge_survey/roster.csv")
        let wide = try SurveyFile.read(roster: roster, responses: folder + "/wide.csv", layout: .wide)
        #expect(wide.respondents == long.respondents)
        #expect(wide.questions == long.questions)
        #expect(Set(wide.answers) == Set(long.answers))
        #expect(wide.area(nonResponse: .observed) == long.area(nonResponse: .observed))
    }

    /// An area with every organisation answering, written as a survey and imported back,
    /// gives the same ties, weights and organisations.
    @Test func anAreaWrittenAsASurveyReadsBackTheSame() throws {
        let folder = Paths.temporaryFolder()
        var area = try AreaFolder.read(at: Paths.repo("Datasets/knoke_bureaucracies")).area
        area.organisations = area.organisations.map { organisation in
            var organisation = organisation
            organisation.attributes[Survey.respondedColumn] = "yes"
            return organisation
        }
        try SurveyFile.roster(of: area).write(toFile: folder + "/roster.csv", atomically: true, encoding: .utf8)
        try SurveyFile.responses(of: area).write(toFile: folder + "/responses.csv", atomically: true, encoding: .utf8)
        let survey = try SurveyFile.read(roster: folder + "/roster.csv", responses: folder + "/responses.csv", layout: .long)
        let back = survey.area(nonResponse: .observed)
        #expect(back.unknownTies.isEmpty)
        #expect(back.organisations.map(\.id) == area.organisations.map(\.id))
        #expect(back.organisations.map(\.sector) == area.organisations.map(\.sector))
        func ties(_ area: Area) -> Set<String> {
            Set(area.relationships.map { "\($0.relation):\($0.source)>\($0.target)=\($0.weight)" })
        }
        #expect(ties(back) == ties(area))
        #expect(back.relationNames.sorted() == area.relationNames.sorted())
    }

    /// A non-respondent's row in the roster is kept with `responded=no`, and a respondent who
    /// named nobody is a respondent.
    @Test func respondedColumnAndSilentRespondents() throws {
        let folder = Paths.temporaryFolder()
        try "id,name,sector\na,A,public\nb,B,public\nc,C,faith\n".write(
            toFile: folder + "/roster.csv", atomically: true, encoding: .utf8)
        try "respondent,partner,question,value\na,b,contact,weekly\nb,,,\n".write(
            toFile: folder + "/responses.csv", atomically: true, encoding: .utf8)
        let survey = try SurveyFile.read(roster: folder + "/roster.csv", responses: folder + "/responses.csv", layout: .long)
        #expect(survey.respondents == ["a", "b"])
        let area = survey.area(nonResponse: .observed)
        #expect(area.organisations.map { $0.attributes[Survey.respondedColumn] } == ["yes", "yes", "no"])
        #expect(area.relationships.map { "\($0.source)>\($0.target)=\($0.weight) \($0.attributes["answer"]!)" } == ["a>b=3.0 weekly"])
        #expect(area.unknownTies.map { "\($0.source)>\($0.target)" } == ["c>a", "c>b"])
        let summary = Dictionary(survey.summary.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(summary["response_rate[public]"]! == 1.0)
        #expect(summary["response_rate[faith]"]! == 0.0)
        // a reports b, b reports nobody: one pair, not confirmed, values differ.
        #expect(summary["confirmed_share[contact]"]! == 0.0)
        #expect(summary["disagreement_rate[contact]"]! == 1.0)
    }

    /// Each malformed survey gives its errors, each FILE:LINE:COLUMN, and nothing is read.
    @Test(arguments: [
        (
            "respondent,partner,question,value\nzz,a,contact,weekly\n",
            ["responses.csv:2:1: error: respondent \"zz\" is not on the roster"]
        ),
        (
            "respondent,partner,question,value\na,bb,contact,weekly\n",
            ["responses.csv:2:2: error: partner \"bb\" is not on the roster (did you mean \"b\"?)"]
        ),
        (
            "respondent,partner,question,value\na,b,contact,weakly\n",
            [
                "responses.csv:2:4: error: answer \"weakly\" is not on the scale (did you mean \"weekly\"?); give numbers "
                    + "or map labels with --scale FILE (partnernet survey scale prints the mapping)"
            ]
        ),
        (
            "respondent,partner,question,value\na,b,contact,weekly\na,b,contact,daily\n",
            ["responses.csv:3:4: error: a second answer of \"a\" about \"b\" on \"contact\" (the first is on line 2)"]
        ),
        (
            "respondent,partner,question,value\na,a,contact,weekly\n",
            ["responses.csv:2:4: error: \"a\" answers about itself"]
        ),
        (
            "respondent,partner,question,value\na,b,contact,-2\n",
            ["responses.csv:2:4: error: value \"-2\" is below 0"]
        ),
        (
            "respondent,partner,value\na,b,3\n",
            ["responses.csv:1: error: missing required column \"question\" (the header has: respondent, partner, value)"]
        ),
    ])
    func malformedSurveysAreLocatedErrors(responses: String, expected: [String]) throws {
        let folder = Paths.temporaryFolder()
        try "id,name,sector\na,A,public\nb,B,public\nc,C,faith\n".write(
            toFile: folder + "/roster.csv", atomically: true, encoding: .utf8)
        try responses.write(toFile: folder + "/responses.csv", atomically: true, encoding: .utf8)
        do {
            _ = try SurveyFile.read(roster: folder + "/roster.csv", responses: folder + "/responses.csv", layout: .long)
            Issue.record("read without error")
        } catch {
            #expect(error.diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") } == expected)
        }
    }

    /// A question's own labels bound its numbers; a scale file's problems are located.
    @Test func scaleFilesMapLabelsAndBoundNumbers() throws {
        let folder = Paths.temporaryFolder()
        try "question,label,value\ntrust,low,1\ntrust,high,5\n*,often,3\n".write(
            toFile: folder + "/scale.csv", atomically: true, encoding: .utf8)
        let scale = try SurveyScale.read(at: folder + "/scale.csv")
        #expect(try scale.value(of: "High", question: "trust").get() == 5)
        #expect(try scale.value(of: "often", question: "contact").get() == 3)
        #expect(try scale.value(of: "4", question: "trust").get() == 4)
        #expect(throws: SurveyScaleError.outOfRange("7", low: 1, high: 5)) { try scale.value(of: "7", question: "trust").get() }
        #expect(try scale.value(of: "7", question: "contact").get() == 7)
        try "question,label,value\ntrust,low,x\ntrust,low,1\ntrust,LOW,2\n".write(
            toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
        do {
            _ = try SurveyScale.read(at: folder + "/bad.csv")
            Issue.record("read without error")
        } catch {
            #expect(
                error.diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") } == [
                    "bad.csv:2:3: error: value must be a number, 0 or more, got \"x\"",
                    "bad.csv:4:2: error: label \"LOW\" is given twice for this question (first on line 3)",
                ])
        }
        // The standard scale printed reads back as itself.
        try SurveyScale.standard.csv.write(toFile: folder + "/standard.csv", atomically: true, encoding: .utf8)
        #expect(try SurveyScale.read(at: folder + "/standard.csv") == .standard)
    }
}
