import Foundation
import PartnerNetCore

/// An area in one JSON file: ``Area``'s `Codable` form. The keys of `area.json` sit at the
/// top level, then one array per table whose objects use the CSV column names (extra
/// columns inline), and `columns`, the order of each table's extra columns.
///
/// ```json
/// {"name": "Knoke bureaucracies", "directed": true,
///  "organisations": [{"id": "COUN", "sector": "GOV", "rating": "5.8"}],
///  "relationships": [{"source": "COUN", "target": "COMM", "weight": 1, "relation": "information"}],
///  "partnerships": [], "memberships": [],
///  "columns": {"organisations": ["rating"], "relationships": [], "partnerships": [], "memberships": []}}
/// ```
public enum AreaJSON {
    /// Whether `path` names a JSON area file (by its extension).
    public static func isArea(_ path: String) -> Bool { path.lowercased().hasSuffix(".json") }

    /// Reads the area in the JSON file at `path`, with the same checks as an area folder.
    ///
    /// Every value of the wrong kind is reported, then (when there are none) the checks of
    /// the content (unknown organisations, duplicate ids, weights, cycles…).
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)``; locations are paths such as
    ///   `relationships[3].weight`, with the line and column of a value of the wrong kind.
    public static func read(at path: String) throws(AreaIOError) -> LoadedArea {
        var assembly = AreaAssembly()
        do {
            assembly.area = try JSONText.decode(
                Area.self, from: try AreaFolder.contents(of: path), file: path, shape: .area)
        } catch {
            throw .invalidInput(error.all)
        }
        let area = assembly.area
        func rows(_ table: String, _ count: Int) -> [RowOrigin] {
            (0..<count).map { RowOrigin(file: path, path: "\(table)[\($0)]") }
        }
        assembly.origins = AreaOrigins(
            organisations: RowOrigins(rows("organisations", area.organisations.count)),
            relationships: RowOrigins(rows("relationships", area.relationships.count)),
            partnerships: rows("partnerships", area.partnerships.count),
            memberships: rows("memberships", area.memberships.count), membershipsFile: path,
            hasPartnershipsTable: !area.partnerships.isEmpty || area.memberships.isEmpty,
            unknownTies: rows("unknown_ties", area.unknownTies.count))
        return try assembly.finish(path: path)
    }

    /// The area as JSON text: pretty-printed, keys sorted, defaults written out.
    public static func encode(_ area: Area) -> String { JSONText.encode(area) }

    /// Writes the area to the JSON file at `path`.
    ///
    /// - Throws: ``AreaIOError/cannotWrite(path:reason:)``.
    public static func write(_ area: Area, to path: String) throws(AreaIOError) {
        do {
            try SafeFileWriter.write(encode(area), to: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }
}
