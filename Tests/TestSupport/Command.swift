import Foundation

/// What a finished process printed and how it exited.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the built `partnernet` executable, which `swift test` builds beside the test bundle.
public enum PartnerNetCommand {
    public static let executable: String = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path]
        candidates.append(Bundle.main.bundleURL.path)
        candidates.append(Paths.repo(".build/debug"))
        for folder in candidates {
            var url = URL(fileURLWithPath: folder)
            // The test bundle may sit a level below the products folder.
            for _ in 0..<3 {
                let path = url.appendingPathComponent("partnernet").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
                url.deleteLastPathComponent()
            }
        }
        return Paths.repo(".build/debug/partnernet")
    }()

    /// Runs `partnernet arguments…` from the repository root.
    ///
    /// - Parameter stdoutFile: a file (`/dev/full`) to give the command as its standard
    ///   output instead of a pipe; `stdout` is then empty.
    /// - Parameter environment: variables to set for the command (`COLUMNS`).
    /// - Parameter fileSizeLimit: the largest file, in KiB, the command may write
    ///   (`ulimit -f`, through bash, with SIGXFSZ ignored so that a write past it fails with
    ///   EFBIG as on a full disk, rather than killing the command).
    public static func run(
        _ arguments: [String], stdoutFile: String? = nil, environment: [String: String] = [:],
        fileSizeLimit: Int? = nil
    ) throws -> CommandResult {
        let process = Process()
        if let fileSizeLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments =
                ["-c", "trap '' XFSZ; ulimit -f \(fileSizeLimit); exec \"$0\" \"$@\"", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: Paths.root)
        let out = Pipe()
        let err = Pipe()
        if let stdoutFile {
            guard let handle = FileHandle(forWritingAtPath: stdoutFile) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stdoutFile])
            }
            process.standardOutput = handle
            try? out.fileHandleForWriting.close()
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
