import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetIO

/// Waves as `change`, `report --waves` and `convert --dynamic` take them: several areas in
/// time order (one per wave), or one area whose rows carry `since`/`until` dates cut at each
/// date of a `DATE,DATE,…` list (Docs/FORMAT.md, "Waves").
enum WaveInput {
    /// The dates of a `DATE,DATE,…` list, checked: at least two, each a ``WaveDate``, in
    /// increasing order.
    static func dates(_ text: String, option: String = "--waves") throws -> [WaveDate] {
        let list = commaSeparated(text)
        if list.count < 2 { throw ValidationError("\(option) needs at least two dates, as DATE,DATE") }
        let parsed = try list.map { text in
            guard let date = WaveDate(text) else {
                throw ValidationError("\(option): '\(text)' is not \(WaveDate.expected)")
            }
            return date
        }
        for (a, b) in zip(parsed, parsed.dropFirst()) where !(a < b) {
            throw ValidationError("\(option): the dates must be in increasing order, found \(a) then \(b)")
        }
        return parsed
    }

    /// Each wave's label: its folder's last component, or its path when two are the same.
    static func labels(_ paths: [String]) -> [String] {
        let names = paths.map { path in
            let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            return ((trimmed as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        return Set(names).count == names.count ? names : paths
    }

    /// The area at `path` with dated rows, its date problems printed (exit status 1) and an
    /// area without any date refused.
    static func datedArea(_ path: String, _ input: InputChoice, quiet: Bool) throws -> Area {
        let loaded = try loadArea(path, input)
        if !quiet { Console.report(loaded.warnings) }
        let problems = loaded.area.dateProblems(origins: loaded.origins)
        if !problems.isEmpty {
            Console.report(problems)
            throw ExitCode(1)
        }
        if !loaded.area.isDated {
            throw Console.failure(
                "\(path): no row has a since or until date, so every date gives the same wave "
                    + "(give one area per wave instead, or date the rows: Docs/FORMAT.md, \"Waves\")")
        }
        return loaded.area
    }

    /// The waves: `paths` read in order, each labelled by ``labels(_:)``; or, with `dates`,
    /// the one area of `paths` cut at each date (``Area/waves(at:)``).
    static func load(_ paths: [String], dates: String?, _ input: InputChoice, quiet: Bool) throws -> [Wave] {
        if let dates {
            let area = try datedArea(paths[0], input, quiet: quiet)
            return area.waves(at: try Self.dates(dates))
        }
        var waves: [Wave] = []
        for (path, label) in zip(paths, labels(paths)) {
            let loaded = try loadArea(path, input)
            if !quiet { Console.report(loaded.warnings) }
            waves.append(Wave(label: label, area: loaded.area))
        }
        return waves
    }
}
