import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Each folder of `Tests/Fixtures/broken` holds one class of bad input and, in
/// `expected.txt`, every line the reader must report (paths relative to the folder).
@Suite struct BrokenInputTests {
    static let cases = Paths.folders(in: "Tests/Fixtures/broken")

    @Test func everyErrorClassHasAFixture() {
        let required = [
            "unknown_organisation", "duplicate_id", "missing_column", "bad_weight", "unknown_partnership",
            "parent_cycle", "not_utf8", "empty_files",
        ]
        for name in required { #expect(Self.cases.contains(name), "no fixture for \(name)") }
    }

    @Test(arguments: cases)
    func reportsEveryProblemWithItsLocation(name: String) throws {
        let folder = Paths.repo("Tests/Fixtures/broken/\(name)")
        let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty)
        do {
            let loaded = try AreaSource.read(at: folder)
            Issue.record("\(name) loaded with \(loaded.area.organisations.count) organisations; expected errors")
        } catch {
            let lines = error.diagnostics.map { diagnostic in
                diagnostic.description
                    .replacingOccurrences(of: folder + "/", with: "")
                    .replacingOccurrences(of: folder + ":", with: ".:")
            }
            #expect(lines == expected)
            #expect(error.diagnostics.hasErrors)
        }
    }
}
