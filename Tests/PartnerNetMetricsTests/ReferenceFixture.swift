import Foundation
import TestSupport

/// A committed fixture of reference values: one JSON file per dataset, written by a script
/// in `Scripts/reference/` that names the tool, its version and the call for each measure.
struct ReferenceFixture {
    struct Case {
        let relations: [String]
        let directed: Bool
        /// Node-level values by measure, then organisation id.
        let node: [String: [String: Double]]
        /// Network-level values by measure; `nil` where the reference says undefined.
        let network: [String: Double?]
    }

    let dataset: String
    let tools: [String: String]
    let calls: [String: String]
    let cases: [Case]
    let file: String

    init(file: String) throws {
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
        self.file = file
        dataset = object["dataset"] as! String
        tools = object["tools"] as? [String: String] ?? [:]
        calls = object["calls"] as? [String: String] ?? [:]
        cases = (object["cases"] as! [[String: Any]]).map { entry in
            let node = (entry["node"] as? [String: [String: Any]] ?? [:]).mapValues { values in
                values.mapValues { ($0 as! NSNumber).doubleValue }
            }
            let network = (entry["network"] as? [String: Any] ?? [:]).mapValues { value -> Double? in
                (value as? NSNumber)?.doubleValue
            }
            return Case(
                relations: entry["relations"] as! [String], directed: entry["directed"] as! Bool, node: node,
                network: network)
        }
    }

    /// The area the fixture describes: a bundled dataset or a test area.
    var areaPath: String {
        let dataset = Paths.repo("Datasets/\(self.dataset)")
        return FileManager.default.fileExists(atPath: dataset)
            ? dataset : Paths.repo("Tests/Fixtures/areas/\(self.dataset)")
    }

    /// Every fixture file in a folder of `Tests/Fixtures`.
    static func files(in folder: String) -> [String] {
        let path = Paths.repo("Tests/Fixtures/" + folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }
}

/// Whether `a` and `b` agree within `relative` tolerance (absolute near zero).
func agree(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    if a == b { return true }
    return abs(a - b) <= relative * max(abs(a), abs(b), 1e-300) || abs(a - b) < 1e-14
}
