import Foundation
import PartnerNetCore

/// Finding areas on disk: an area folder, a JSON area file, or a collection (a folder
/// whose sub-folders are areas).
public enum AreaSource {
    /// Reads the single area at `path`: an area folder or a `.json` area file.
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)``, naming a collection as such when `path`
    ///   holds several areas.
    public static func read(at path: String) throws(AreaIOError) -> LoadedArea {
        if isReportFolder(path) {
            throw .invalidInput([
                .error(
                    at: SourceLocation(file: path),
                    "a report written by partnernet report, not an area: give the area it was written from")
            ])
        }
        if AreaJSON.isArea(path) && !isFolder(path) { return try AreaJSON.read(at: path) }
        if isFolder(path) && !AreaFolder.isArea(path) {
            let members = areas(inCollection: path)
            if !members.isEmpty {
                throw .invalidInput([
                    .error(
                        at: SourceLocation(file: path),
                        "a collection of \(members.count) areas, not one area: name one of its folders, e.g. \(members[0])"
                    )
                ])
            }
        }
        if !FileManager.default.fileExists(atPath: path) {
            throw .invalidInput([.error(at: SourceLocation(file: path), missingReason(path))])
        }
        return try AreaFolder.read(at: path)
    }

    /// The areas a path stands for: itself when it is an area, its area sub-folders (any
    /// holding an area file, broken ones included, so that they are reported) and `.json`
    /// area files, in name order, when it is a collection. A dangling symbolic link or a
    /// sub-folder that cannot be listed is listed too, so that reading it reports why,
    /// rather than the collection passing over it.
    public static func expand(_ path: String) -> [String] {
        if AreaJSON.isArea(path) || AreaFolder.isArea(path) || !isFolder(path) || isReportFolder(path) {
            return [path]
        }
        let members = areas(inCollection: path)
        return members.isEmpty ? [path] : members
    }

    private static func areas(inCollection path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { AreaFolder.join(path, $0) }.filter {
            AreaFolder.looksLikeArea($0) || (AreaJSON.isArea($0) && !isFolder($0)) || isDangling($0)
                || (isFolder($0) && (try? FileManager.default.contentsOfDirectory(atPath: $0)) == nil)
        }
    }

    /// Whether `path` is a folder written by `partnernet report` (its page, its Markdown and
    /// its `tables/`), which holds tables, not areas.
    public static func isReportFolder(_ path: String) -> Bool {
        let manager = FileManager.default
        return ["index.html", "report.md", "tables"].allSatisfy {
            manager.fileExists(atPath: AreaFolder.join(path, $0))
        }
    }

    /// Whether `path` is a symbolic link whose target does not exist.
    static func isDangling(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            && !FileManager.default.fileExists(atPath: path)
    }

    /// Why there is nothing at `path`: "no such file or folder", or for a dangling symbolic
    /// link, where it points.
    public static func missingReason(_ path: String) -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            return "a symbolic link to \(quoted(target)), which does not exist"
        }
        return "no such file or folder"
    }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
