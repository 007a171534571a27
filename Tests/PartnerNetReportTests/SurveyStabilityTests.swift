import Foundation
import PartnerNetCore
import PartnerNetIO
import TestSupport
import Testing

@testable import PartnerNetReport

/// The stability of a survey's results under respondents dropped at random: deterministic
/// for a seed; with 10% dropped, the findings of complete data hold in most resamples; with
/// 60% not answering, the report warns.
@Suite struct SurveyStabilityTests {
    /// Northbridge's information ties as a survey every organisation answered: the truth.
    static func completeSurvey() throws -> Survey {
        let folder = Paths.temporaryFolder()
        var area = try AreaFolder.read(at: Paths.repo("Datasets/northbridge")).area
        area.relationships.removeAll { $0.relation != "information" }
        try SurveyFile.roster(of: area).write(toFile: folder + "/roster.csv", atomically: true, encoding: .utf8)
        try SurveyFile.responses(of: area).write(toFile: folder + "/responses.csv", atomically: true, encoding: .utf8)
        return try SurveyFile.read(roster: folder + "/roster.csv", responses: folder + "/responses.csv", layout: .long)
    }

    static var settings: AnalysisSettings {
        var settings = AnalysisSettings()
        settings.permutations = 2_000
        settings.randomSets = 1_000
        settings.networkTestDraws = 0
        settings.corePeriphery = false
        return settings
    }

    @Test func tenPercentDroppedKeepsTheFindingsOfCompleteData() throws {
        let survey = try Self.completeSurvey()
        #expect(survey.respondents.count == 31)
        let analysis = try AreaAnalysis(area: survey.area(nonResponse: .observed), path: "truth", settings: Self.settings)
        let stability = try SurveyStability(analysis: analysis, resamples: 12, dropShare: 0.1, seed: 3)
        #expect(stability.dropped == 3)
        #expect(!stability.findings.isEmpty)
        for finding in stability.findings {
            #expect(finding.held * 2 > stability.resamples, "\(finding.id) held in \(finding.held) of 12")
        }
        // Rank intervals contain the full-data rank for most organisations, and the first is first.
        let inside = stability.ranks.filter { $0.low <= $0.rank && $0.rank <= $0.high }.count
        #expect(inside * 10 >= stability.ranks.count * 8)
        #expect(stability.ranks.first?.rank == 1)
        // The same seed, the same result.
        let again = try SurveyStability(analysis: analysis, resamples: 12, dropShare: 0.1, seed: 3)
        #expect(again.findings == stability.findings && again.ranks == stability.ranks)
    }

    @Test func sixtyPercentNonResponseDrawsTheWarning() throws {
        let survey = try Self.completeSurvey()
        var partial = survey
        // Keep every fifth … : 40% of each sector answering (rounded down, at least 1).
        var kept: [String] = []
        for sector in Set(survey.roster.map(\.sector)) {
            let members = survey.roster.filter { $0.sector == sector }.map(\.id)
            kept += members.prefix(max(1, members.count * 2 / 5))
        }
        partial.respondents = survey.respondents.filter { kept.contains($0) }
        partial.answers = survey.answers.filter { kept.contains($0.respondent) }
        let section = try #require(SurveySection(area: partial.area(nonResponse: .observed)))
        #expect(section.warnings.count == Set(survey.roster.map(\.sector)).count)
        #expect(section.warnings.allSatisfy { $0.contains("below PartnerNet's threshold") })
        // The complete survey draws none.
        #expect(SurveySection(area: survey.area(nonResponse: .observed))?.warnings.isEmpty == true)
    }

    @Test func ranksAreCompetitionRanks() {
        #expect(SurveyStability.ranks(of: [3, 5, 5, 1, 0]) == [3, 1, 1, 4, 5])
    }
}
