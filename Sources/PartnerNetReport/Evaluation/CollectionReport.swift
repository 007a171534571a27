import Foundation
import PartnerNetCore

/// The report on a collection of areas: each area analysed once, on all cores, for both
/// its own page and its row of the comparison.
public struct CollectionReport: Sendable {
    public let comparison: Comparison
    /// Each area's report in the order given, or `nil` where it failed (named in the
    /// comparison's failures).
    public let reports: [(path: String, report: EvaluationReport?)]

    /// Reads, analyses and reports on every area at `paths`. An area that cannot be read
    /// or reported on is listed in the comparison's failures; the rest go on.
    ///
    /// - Parameters:
    ///   - read: reads one area; a ``ComparisonFailure`` it throws gives the reason shown.
    ///   - progress: called after each area (from any thread) with the number done so far.
    public init(
        paths: [String], settings: AnalysisSettings, read: @Sendable (String) throws -> Area,
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        let done = Counter()
        let results = parallelMap(paths.count) { index -> Result<EvaluationReport, ComparisonFailure> in
            defer { progress?(done.increment()) }
            do {
                let area = try read(paths[index])
                return .success(try EvaluationReport(area: area, path: paths[index], settings: settings))
            } catch let failure as ComparisonFailure {
                return .failure(failure)
            } catch {
                return .failure(ComparisonFailure(reason: "\(error)"))
            }
        }
        var rows: [ComparisonRow] = []
        var failures: [(path: String, reason: String)] = []
        for (path, result) in zip(paths, results) {
            switch result {
            case .success(let report): rows.append(ComparisonRow(analysis: report.analysis, findings: true))
            case .failure(let failure): failures.append((path, failure.reason))
            }
        }
        comparison = Comparison(rows: rows, failures: failures, findings: true)
        reports = zip(paths, results).map { path, result in (path, try? result.get()) }
    }

    /// Writes the comparison and every area's page into `folder` (``ReportWriter``).
    public func write(to folder: String) throws {
        try ReportWriter.write(comparison: comparison, areas: reports, to: folder)
    }
}
