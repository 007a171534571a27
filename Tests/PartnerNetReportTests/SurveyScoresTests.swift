import Foundation
import PartnerNetCore
import PartnerNetIO
import TestSupport
import Testing

@testable import PartnerNetReport

/// Trust and value scores by organisation, sector and network equal the direct computation
/// of `Scripts/reference/survey_reference.py` on the bundled survey and the generated ones.
@Suite struct SurveyScoresTests {
    struct Reference: Decodable {
        let cases: [String: Case]
    }

    struct Case: Decodable {
        let folder: String
        let scores: [String: [String: [String: Double?]]]
    }

    static let reference: Reference = {
        let path = Paths.repo("Tests/Fixtures/reference/survey/survey_reference.json")
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }()

    @Test(arguments: reference.cases.keys.sorted())
    func scoresEqualTheReference(name: String) throws {
        let expected = Self.reference.cases[name]!
        let folder = Paths.repo(expected.folder)
        let survey = try SurveyFile.read(
            roster: folder + "/roster.csv", responses: folder + "/responses.csv", layout: .long)
        let scores = SurveyScores(area: survey.area(nonResponse: .observed), questions: survey.questions)
        for (level, label) in [(SurveyScores.Level.organisation, "organisation"), (.group("sector"), "sector"), (.network, "network")] {
            let table = scores.table(at: level)
            let want = expected.scores[label]!
            #expect(table.rows.count == want.count, "\(name) \(label)")
            for row in table.rows {
                guard case .text(let key) = row[0], let values = want[key] else {
                    Issue.record("\(name) \(label): unexpected row \(row[0])")
                    continue
                }
                for (column, cell) in zip(table.columns, row) where values.keys.contains(column) {
                    guard case .number(let value, _) = cell else { continue }
                    let target = values[column]!
                    if let target, let value {
                        #expect(abs(value - target) <= 1e-12, "\(name) \(label) \(key) \(column)")
                    } else {
                        #expect(value == nil && target == nil, "\(name) \(label) \(key) \(column)")
                    }
                }
            }
            #expect(Set(table.columns.dropFirst(label == "organisation" ? 3 : 1)) == Set(want.values.first!.keys))
        }
    }
}
