import Foundation
import PartnerNetCore
import PartnerNetIO

/// Reading an area from any path PartnerNet accepts: an area folder, a `.json` area, a
/// collection's member, a DOT file (through Graphviz), or a file of any ``AreaFormat``.
public enum AreaInput {
    /// Reads the area at `path`, in the format `format` names (any ``AreaFormat`` name, or
    /// `dot`/`gv`), else the one its extension names, else as an area folder or `.json`
    /// area.
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)`` with every problem found.
    public static func read(
        _ path: String, format: String? = nil, options: FormatReadOptions = FormatReadOptions()
    ) throws(AreaIOError) -> LoadedArea {
        try WorkProgress.stage("reading \((path as NSString).lastPathComponent)") { () throws(AreaIOError) in
            try readUnreported(path, format: format, options: options)
        }
    }

    private static func readUnreported(
        _ path: String, format: String?, options: FormatReadOptions
    ) throws(AreaIOError) -> LoadedArea {
        let named = format?.lowercased()
        if named == "dot" || named == "gv" || (named == nil && DOTArea.isDOT(path)) {
            return try DOTArea.read(at: path)
        }
        if let chosen = named.flatMap(AreaFormat.init(name:)) ?? AreaFormat(path: path), chosen != .folder {
            if chosen == .json && options.nodesFile == nil { return try AreaSource.read(at: path) }
            return try chosen.read(at: path, options: options)
        }
        if options.nodesFile != nil { return try AreaFormat.folder.read(at: path, options: options) }
        return try AreaSource.read(at: path)
    }
}
