import PartnerNetCore

/// An area read from disk, with the warnings found while reading it.
public struct LoadedArea: Sendable {
    public let area: Area
    /// Warnings: self-loops dropped, duplicate ties merged, unreachable quotas.
    public let warnings: [Diagnostic]
    /// The path it was read from.
    public let path: String

    public init(area: Area, warnings: [Diagnostic], path: String) {
        self.area = area
        self.warnings = warnings
        self.path = path
    }
}

/// Collects an area's elements and where each came from, then validates the whole.
struct AreaAssembly {
    var area = Area(extraColumns: ExtraColumns())
    var origins = AreaOrigins(organisations: [], relationships: [], partnerships: [], memberships: [])
    var diagnostics: [Diagnostic] = []
    var unreadable: Set<AreaTable> = []

    /// The area when it has no errors; else every problem found, errors and warnings.
    func finish(path: String) throws(AreaIOError) -> LoadedArea {
        let all = diagnostics + area.diagnostics(origins: origins, unreadable: unreadable)
        if all.hasErrors { throw .invalidInput(all) }
        return LoadedArea(area: area, warnings: all.warnings, path: path)
    }
}

extension MembershipRole {
    /// The role named by a cell: case-insensitive, surrounding spaces ignored, `member`
    /// when empty; `nil` when it names no role.
    init?(cell: String) {
        let text = cell.trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty {
            self = .member
        } else if let role = MembershipRole(rawValue: text.replacingOccurrences(of: " ", with: "-")) {
            self = role
        } else {
            return nil
        }
    }

    static var vocabulary: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
