import Foundation
import TestSupport

/// A committed fixture of centrality reference values, written by
/// `Scripts/reference/centrality_measures.py` (networkx, numpy and R sna): one JSON file
/// per area, naming the tools, their versions and the call behind each measure.
struct CentralityFixture {
    /// Values of one kind (unweighted or weighted) for one graph.
    struct Values {
        /// Node-level values by measure, then organisation id; `nil` where undefined.
        let node: [String: [String: Double]?]
        /// Network-level values by measure; `nil` where undefined.
        let network: [String: Double?]
        /// Why a node-level measure is undefined, by measure.
        let reasons: [String: String]
    }

    /// One run of a parameterised measure (Katz's α, Bonacich's β).
    struct Run {
        let parameter: Double
        let weighted: Bool
        let lambdaMax: Double
        let values: [String: Double]?
        let reason: String?
    }

    struct Case {
        let relations: [String]
        let directed: Bool
        let unweighted: Values
        let weighted: Values
        let katz: [Run]
        let bonacichPower: [Run]
    }

    let dataset: String
    let tools: [String: String]
    let calls: [String: String]
    let cases: [Case]

    init(file: String) throws {
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
        dataset = object["dataset"] as! String
        tools = object["tools"] as? [String: String] ?? [:]
        calls = object["calls"] as? [String: String] ?? [:]
        cases = (object["cases"] as! [[String: Any]]).map { entry in
            Case(
                relations: entry["relations"] as! [String], directed: entry["directed"] as! Bool,
                unweighted: Self.values(entry["unweighted"]), weighted: Self.values(entry["weighted"]),
                katz: Self.runs(entry["katz"], parameter: "alpha"),
                bonacichPower: Self.runs(entry["bonacich_power"], parameter: "beta"))
        }
    }

    private static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    private static func scores(_ value: Any?) -> [String: Double]? {
        (value as? [String: Any])?.mapValues { number($0)! }
    }

    private static func values(_ value: Any?) -> Values {
        let object = value as! [String: Any]
        return Values(
            node: (object["node"] as! [String: Any]).mapValues { scores($0) },
            network: (object["network"] as! [String: Any]).mapValues { number($0) },
            reasons: object["reasons"] as? [String: String] ?? [:])
    }

    private static func runs(_ value: Any?, parameter: String) -> [Run] {
        (value as! [[String: Any]]).map { run in
            Run(
                parameter: number(run[parameter])!, weighted: run["weighted"] as! Bool,
                lambdaMax: number(run["lambda_max"])!, values: scores(run["values"]),
                reason: run["reason"] as? String)
        }
    }

    /// The area the fixture describes: a bundled dataset or a test area.
    var areaPath: String {
        for folder in ["Datasets", "Tests/Fixtures/areas", "Tests/Fixtures/centrality_areas"] {
            let path = Paths.repo("\(folder)/\(dataset)")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return Paths.repo("Datasets/\(dataset)")
    }
}
