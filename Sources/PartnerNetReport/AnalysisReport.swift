/// What every one-area analysis report gives, in the forms the commands write: a text for
/// people, its values as `metric,value` rows, one row per organisation, and JSON.
public protocol AnalysisReport: Sendable {
    /// Network and group values as `metric,value` rows, named as in Docs/METRICS.md.
    var metricRows: ResultTable { get }
    /// One row per organisation.
    var nodeRows: ResultTable { get }
    /// The report for people, under `title`.
    func text(title: String) -> String
    /// The whole report as JSON.
    func json() -> String
}

extension SilosReport: AnalysisReport {}
extension BrokerageReport: AnalysisReport {}
extension BalanceReport: AnalysisReport {}
extension DominanceReport: AnalysisReport {}
