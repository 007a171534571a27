import PartnerNetCore

/// An area read from disk, with the warnings found while reading it.
public struct LoadedArea: Sendable {
    public let area: Area
    /// Warnings: self-loops dropped, duplicate ties merged, unreachable quotas.
    public let warnings: [Diagnostic]
    /// The path it was read from.
    public let path: String
    /// Where each element was read from, when the reader records it (area folders do).
    public let origins: AreaOrigins?

    public init(area: Area, warnings: [Diagnostic], path: String, origins: AreaOrigins? = nil) {
        self.area = area
        self.warnings = warnings
        self.path = path
        self.origins = origins
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
        let found = WorkProgress.stage("checking the area") { area.diagnostics(origins: origins, unreadable: unreadable) }
        let all = Self.inReadingOrder(diagnostics + found)
        if all.hasErrors { throw .invalidInput(all) }
        return LoadedArea(area: area, warnings: all.warnings, path: path, origins: origins)
    }

    /// Sorted by file (in the order files were read), then line and column; stable, so
    /// problems at one place keep the order they were found in.
    private static func inReadingOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var fileRank: [String: Int] = [:]
        for diagnostic in diagnostics where fileRank[diagnostic.location.file] == nil {
            fileRank[diagnostic.location.file] = fileRank.count
        }
        return diagnostics.enumerated().sorted { left, right in
            let (a, b) = (left.element.location, right.element.location)
            let keyA = (fileRank[a.file]!, a.line ?? 0, a.column ?? 0, left.offset)
            let keyB = (fileRank[b.file]!, b.line ?? 0, b.column ?? 0, right.offset)
            return keyA < keyB
        }.map(\.element)
    }
}
