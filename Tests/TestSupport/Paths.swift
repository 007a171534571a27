import Foundation

/// Paths in the repository, found from this file's location so tests run from any folder.
public enum Paths {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    public static func repo(_ relative: String) -> String { root + "/" + relative }

    /// Sub-folders of a repository folder, sorted.
    public static func folders(in relative: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repo(relative))) ?? []
        return names.sorted().filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: repo(relative + "/" + name), isDirectory: &isFolder)
                && isFolder.boolValue
        }
    }

    /// The bundled areas: the sub-folders of `Datasets/` that are areas (the synthetic
    /// sample is a collection of its own, `Datasets/synthetic/`, and not among them).
    public static var datasets: [String] {
        folders(in: "Datasets").filter { FileManager.default.fileExists(atPath: repo("Datasets/\($0)/organisations.csv")) }
    }

    /// A new empty temporary folder.
    public static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "partnernet-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
