import PartnerNetCore
import PartnerNetMetrics
import Testing

/// Measures that cannot be computed say why, in one line.
@Suite struct MetricErrorTests {
    /// The triangle: every node has two neighbours, so λmax = 2 and walk series converge
    /// for |α|, |β| < 1/2.
    let triangle = Graph(
        labels: ["a", "b", "c"], directed: false, sources: [0, 1, 2], targets: [1, 2, 0], weights: [1, 1, 1])
    let empty = Graph(labels: ["a", "b"], directed: true, sources: [], targets: [], weights: [])

    @Test func katzRefusesAlphaOutsideTheConvergentRange() throws {
        #expect(throws: MetricError.alphaOutOfRange(alpha: 0.5, limit: 0.5)) { try triangle.katzCentrality(alpha: 0.5) }
        #expect(throws: MetricError.self) { try triangle.katzCentrality(alpha: -0.1) }
        #expect(throws: Never.self) { try triangle.katzCentrality(alpha: 0.49) }
        let message = MetricError.alphaOutOfRange(alpha: 0.5, limit: 0.5).description
        #expect(message == "alpha must be above 0 and below 1/λmax = 0.5 for the walks to converge; got 0.5")
        // Without a cycle every α converges.
        #expect(throws: Never.self) { try empty.katzCentrality(alpha: 100) }
    }

    @Test func bonacichRefusesBetaOutsideTheConvergentRangeOrMissing() throws {
        #expect(throws: MetricError.betaOutOfRange(beta: -0.5, limit: 0.5)) { try triangle.bonacichPower(beta: -0.5) }
        #expect(throws: Never.self) { try triangle.bonacichPower(beta: -0.49) }
        #expect(throws: MetricError.betaRequired) {
            try NodeMeasure.bonacichPower.scores(in: triangle, options: MeasureOptions())
        }
        #expect(throws: MetricError.noTies) { try empty.bonacichPower(beta: 0.1) }
        #expect(MetricError.betaOutOfRange(beta: 0.7, limit: 0.5).description.contains("between -0.5 and 0.5"))
        #expect(MetricError.betaRequired.description.contains("--beta"))
    }

    @Test func iterativeMeasuresThrowWhenTheyDoNotConverge() throws {
        let star = Graph(
            labels: ["a", "b", "c", "d"], directed: false, sources: [0, 0, 0], targets: [1, 2, 3], weights: [1, 1, 1])
        do {
            _ = try star.pageRank(maxIterations: 3)
            Issue.record("PageRank converged in 3 iterations")
        } catch {
            guard case .didNotConverge(let iterations, let residual) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(iterations == 3 && residual > 1e-12)
            #expect(error.description.hasPrefix("did not converge within 3 iterations"))
        }
        #expect(throws: MetricError.self) { try star.eigenvectorCentrality(maxIterations: 2) }
        #expect(throws: MetricError.dampingOutOfRange(damping: 1)) { try star.pageRank(damping: 1) }
        #expect(throws: MetricError.noCycle) { try empty.eigenvectorCentrality() }
    }

    @Test func descriptionsAreOneLine() {
        let errors: [MetricError] = [
            .didNotConverge(iterations: 10, residual: 1.5e-7), .noCycle, .alphaOutOfRange(alpha: 1, limit: 0.25),
            .alphaOutOfRange(alpha: -1, limit: .infinity), .betaOutOfRange(beta: 1, limit: 0.1), .betaRequired,
            .dampingOutOfRange(damping: 2), .noTies, .uniformTies(everyPairTied: true),
            .uniformTies(everyPairTied: false), .unknownFocalSector("a\nb", available: ["c"]),
            .unknownFocalOrganisations(["x", "y"]), .emptyFocalSet,
        ]
        for error in errors {
            #expect(!error.description.contains("\n") && !error.description.isEmpty, "\(error)")
        }
        #expect(MetricError.didNotConverge(iterations: 10, residual: 1.5e-7).description.contains("1.5e-07"))
    }
}
