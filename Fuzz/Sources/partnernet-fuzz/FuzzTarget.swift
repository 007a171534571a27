import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetInput

/// The readers fuzzed, by the name `PARTNERNET_FUZZ_TARGET` gives. Each input goes through
/// the same public entry point the CLI uses, so the whole path runs: reading the file,
/// UTF-8 decoding, the format's parser, then the checks every area gets
/// (`Area.diagnostics(origins:)`). A bad input must end in ``AreaIOError``; anything else
/// (a trap, a sanitizer report, a hang) is a finding.
enum FuzzTarget: String, CaseIterable {
    /// An area folder: the input is split at 0xFF bytes (never valid in UTF-8) into
    /// `organisations.csv`, `relationships.csv`, `partnerships.csv`, `memberships.csv` and
    /// `area.json`, in that order; a file whose part is empty or missing is left out (so a
    /// seed can leave out `partnerships.csv` and still give `area.json`).
    case folder
    /// A JSON area file (`.json`).
    case json
    /// GraphML (`.graphml`).
    case graphml
    /// GEXF (`.gexf`).
    case gexf
    /// UCINET DL (`.dl`).
    case dl
    /// Pajek (`.net`).
    case pajek
    /// An edge list (`.txt`: the separator is found from the first line, comma, tab or
    /// white space, as for any extension but `.csv` and `.tsv`).
    case edgelist
    /// DOT, checked by `DOTShape` and then parsed by Graphviz (`.dot`).
    case dot
    /// An edge list named `.csv` (so read with commas, whatever its first line) with a
    /// nodes table merged into it, as `--nodes-file` does: the input is split at the first
    /// 0xFF byte into the edge list and the nodes table; the first byte's low bit sets
    /// `--directed`.
    case nodes
    /// A partner survey: the first byte holds flags (bit 0 the wide layout, bit 1 a scale
    /// file, bit 2 `reconstruct`, bit 3 `symmetrise mean`); the rest is split at 0xFF bytes
    /// into the roster, the responses and the scale file.
    case survey

    /// The files of an area folder, in the order the input's parts fill them.
    static let folderFiles = [
        "organisations.csv", "relationships.csv", "partnerships.csv", "memberships.csv", "area.json",
    ]

    /// The byte that separates the files of an area folder in an input.
    static let folderSeparator: UInt8 = 0xFF

    /// The input file's name for the formats read from one file.
    var fileName: String {
        switch self {
        case .folder: "area"
        case .json: "area.json"
        case .graphml: "area.graphml"
        case .gexf: "area.gexf"
        case .dl: "area.dl"
        case .pajek: "area.net"
        case .edgelist: "area.txt"
        case .dot: "area.dot"
        case .nodes: "edges.csv"
        case .survey: "responses.csv"
        }
    }

    /// Reads `data` as this target's input from the scratch folder `workspace`.
    func run(_ data: Data, in workspace: String) {
        let path = workspace + "/" + fileName
        do {
            switch self {
            case .folder:
                let parts = data.split(
                    separator: Self.folderSeparator, maxSplits: Self.folderFiles.count - 1,
                    omittingEmptySubsequences: false)
                for (index, name) in Self.folderFiles.enumerated() {
                    let file = path + "/" + name
                    if index < parts.count, !parts[index].isEmpty {
                        write(Data(parts[index]), to: file)
                    } else {
                        unlink(file)
                    }
                }
                _ = try AreaFolder.read(at: path)
            case .json:
                write(data, to: path)
                _ = try AreaJSON.read(at: path)
            case .graphml, .gexf, .dl, .pajek, .edgelist:
                write(data, to: path)
                _ = try AreaFormat(path: path)!.read(at: path)
            case .dot:
                write(data, to: path)
                _ = try DOTArea.read(at: path)
            case .nodes:
                let parts = data.split(separator: Self.folderSeparator, maxSplits: 1, omittingEmptySubsequences: false)
                let nodes = workspace + "/nodes.csv"
                write(Data(parts[0]), to: path)
                write(parts.count > 1 ? Data(parts[1]) : Data(), to: nodes)
                let directed = (data.first ?? 0) & 1 == 1
                _ = try AreaInput.read(path, options: FormatReadOptions(directed: directed, nodesFile: nodes))
            case .survey:
                let parts = data.dropFirst().split(
                    separator: Self.folderSeparator, maxSplits: 2, omittingEmptySubsequences: false)
                let roster = workspace + "/roster.csv"
                write(parts.isEmpty ? Data() : Data(parts[0]), to: roster)
                write(parts.count > 1 ? Data(parts[1]) : Data(), to: path)
                let flags = data.first ?? 0
                var scale = SurveyScale.standard
                if flags & 2 == 2 {
                    let file = workspace + "/scale.csv"
                    write(parts.count > 2 ? Data(parts[2]) : Data(), to: file)
                    scale = try SurveyScale.read(at: file)
                }
                let survey = try SurveyFile.read(
                    roster: roster, responses: path, layout: flags & 1 == 1 ? .wide : .long, scale: scale)
                // The area and the figures import writes and prints.
                _ = survey.area(nonResponse: flags & 4 == 4 ? .reconstruct : .observed, symmetrise: flags & 8 == 8 ? .mean : nil)
                _ = survey.summary
            }
        } catch {
            // The messages the CLI would print: formatting them is part of the path.
            _ = error.description
        }
    }

    private func write(_ data: Data, to path: String) {
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            fatalError("cannot write the fuzz input to \(path)")
        }
    }
}

/// The target named by the environment and its scratch folder, made once per process.
let fuzzSetup: (target: FuzzTarget, workspace: String) = {
    let name = ProcessInfo.processInfo.environment["PARTNERNET_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set PARTNERNET_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    // tmpfs when there is one: every iteration writes its input to a file.
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    var template = Array((base + "/partnernet-fuzz-\(name)-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a scratch folder in \(base)") }
    let workspace = String(cString: made)
    if target == .folder {
        try! FileManager.default.createDirectory(atPath: workspace + "/area", withIntermediateDirectories: false)
    }
    atexit {
        try? FileManager.default.removeItem(atPath: fuzzSetup.workspace)
    }
    return (target, workspace)
}()

/// libFuzzer's entry point: one input, read by the target's reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = count == 0 || bytes == nil ? Data() : Data(bytes: bytes!, count: count)
    fuzzSetup.target.run(data, in: fuzzSetup.workspace)
    return 0
}
