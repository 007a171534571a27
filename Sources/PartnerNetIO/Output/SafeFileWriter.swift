import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file could not be written.
public struct FileWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as the user gave it.
    public let path: String
    /// What went wrong, in a few words.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `PATH: reason`.
    public var description: String { "\(path): \(reason)" }
}

extension FileWriteError: LocalizedError {
    public var errorDescription: String? { description }
}

/// Writes files the user named without damaging what is already there.
///
/// A plain `Data.write(to:options: .atomic)` writes a temporary file and renames it over
/// the target. That replaces a symbolic link, a FIFO or a device node by a regular file
/// (`-o /dev/null` run as root would replace `/dev/null`), breaks a hard link, and gives
/// the file the default permissions. The rules here:
///
/// - **No file yet:** written to a temporary sibling and renamed into place, so a reader
///   never sees half a file and a failed write leaves nothing behind.
/// - **A symbolic link:** followed; what it points at is written by these same rules, and
///   the link stays. A dangling link creates the file it names.
/// - **A regular file with one link:** a temporary sibling given the file's permission
///   bits (and owner, when allowed) is renamed over it.
/// - **A regular file with several hard links:** written in place (truncated, then
///   written), so every name still sees the same file. Not atomic: this is the price
///   of keeping the link.
/// - **A FIFO, character or block device:** opened and written through, never replaced.
/// - **A folder or a socket:** refused.
///
/// With `protecting`, a target that is one of those files, or one of the files directly
/// inside one of those folders (same device and inode), is refused: an output must never
/// overwrite the input it was made from.
public enum SafeFileWriter {
    /// Writes `data` to `path` by the rules above.
    ///
    /// - Parameter protecting: input files and folders the output must not overwrite.
    /// - Throws: ``FileWriteError`` naming the path and the reason; nothing is left half
    ///   written except when a hard-linked file or a device fails mid-write.
    public static func write(_ data: Data, to path: String, protecting: [String] = []) throws(FileWriteError) {
        try refuseInput(path, protecting: protecting)
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            // Follow the link; its own target is then written by the same rules.
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            } else {
                // A dangling link: open through it, which creates the file it names.
                return try writeThrough(data, path: path, flags: O_WRONLY | O_CREAT | O_TRUNC)
            }
        }
        guard stat(target, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { throw FileWriteError(path: path, reason: message(code)) }
            return try replace(target, with: data, mode: nil, owner: nil, reportAs: path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if info.st_nlink > 1 {
                return try writeThrough(data, path: target, flags: O_WRONLY | O_TRUNC, reportAs: path)
            }
            try replace(
                target, with: data, mode: mode_t(info.st_mode & 0o7777), owner: (info.st_uid, info.st_gid),
                reportAs: path)
        case S_IFIFO, S_IFCHR, S_IFBLK:
            try writeThrough(data, path: target, flags: O_WRONLY, reportAs: path)
        case S_IFDIR:
            throw FileWriteError(path: path, reason: "is a folder, not a file")
        default:
            throw FileWriteError(path: path, reason: "is not a regular file, FIFO or device; not written")
        }
    }

    /// Writes `text` as UTF-8; see ``write(_:to:protecting:)-(Data,_,_)``.
    public static func write(_ text: String, to path: String, protecting: [String] = []) throws(FileWriteError) {
        try write(Data(text.utf8), to: path, protecting: protecting)
    }

    /// Refuses `path` when it is one of `inputs` or a file directly inside one of them.
    ///
    /// - Throws: ``FileWriteError`` "is an input file; choose another output".
    public static func refuseInput(_ path: String, protecting inputs: [String]) throws(FileWriteError) {
        guard !inputs.isEmpty, let target = identity(path) else { return }
        for input in inputs {
            var info = stat()
            guard stat(input, &info) == 0 else { continue }
            if identity(info) == target {
                throw FileWriteError(path: path, reason: "is the input \(input); choose another output")
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR,
                let names = try? FileManager.default.contentsOfDirectory(atPath: input)
            else { continue }
            for name in names where identity((input as NSString).appendingPathComponent(name)) == target {
                throw FileWriteError(path: path, reason: "is a file of the input \(input); choose another output")
            }
        }
    }

    /// Device and inode of what `path` names (links followed), or `nil` when nothing is there.
    static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return identity(info)
    }

    static func identity(_ info: stat) -> [UInt64] { [UInt64(info.st_dev), UInt64(info.st_ino)] }

    /// Writes a temporary sibling of `path` and renames it over `path`.
    private static func replace(
        _ path: String, with data: Data, mode: mode_t?, owner: (uid_t, gid_t)?, reportAs shown: String
    ) throws(FileWriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        // Created with open(2)'s 0666 less the umask, as the file itself would be (mkstemp's
        // 0600 would need the umask, and reading it means setting it, racing other threads).
        let (descriptor, temporary) = try createUnique(in: folder, prefix: ".\(name).", reportAs: shown) { path in
            open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do throws(FileWriteError) {
            if let (uid, gid) = owner { _ = fchown(descriptor, uid, gid) }
            if let mode, fchmod(descriptor, mode) != 0 { throw FileWriteError(path: shown, reason: message(errno)) }
            try writeAll(data, to: descriptor, reportAs: shown)
            guard fsync(descriptor) == 0 else { throw FileWriteError(path: shown, reason: message(errno)) }
            closed = true
            guard close(descriptor) == 0 else { throw FileWriteError(path: shown, reason: message(errno)) }
            guard rename(temporary, path) == 0 else { throw FileWriteError(path: shown, reason: message(errno)) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Makes a new file or folder named `prefix` and a random suffix in `folder` by `make`
    /// (which returns −1 and sets `errno` on failure), trying again on a name taken.
    ///
    /// - Returns: what `make` returned, and the path.
    static func createUnique(
        in folder: String, prefix: String, reportAs shown: String, _ make: (String) -> Int32
    ) throws(FileWriteError) -> (Int32, String) {
        let base = folder.isEmpty ? "." : folder
        for _ in 0..<100 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let path = (base as NSString).appendingPathComponent(prefix + suffix)
            let result = make(path)
            if result >= 0 { return (result, path) }
            if errno != EEXIST { throw FileWriteError(path: shown, reason: message(errno)) }
        }
        throw FileWriteError(path: shown, reason: "cannot make a temporary name in \(base)")
    }

    /// Opens `path` with `flags` and writes `data` through the descriptor.
    private static func writeThrough(
        _ data: Data, path: String, flags: Int32, reportAs shown: String? = nil
    ) throws(FileWriteError) {
        let shown = shown ?? path
        let descriptor = open(path, flags | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileWriteError(path: shown, reason: message(errno)) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, reportAs: shown)
    }

    /// Writes every byte of `data` to `descriptor`, retrying short and interrupted writes.
    ///
    /// - Throws: ``FileWriteError`` with the system's reason (`No space left on device`…).
    public static func writeAll(_ data: Data, to descriptor: Int32, reportAs shown: String) throws(FileWriteError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            guard var pointer = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = posixWrite(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                remaining -= written
                pointer += written
            }
            return nil
        }
        if let failure { throw FileWriteError(path: shown, reason: message(failure)) }
    }

    /// The system's text for `code`, starting lower-case as the CLI's messages do.
    static func message(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// `write(2)`, named apart from ``SafeFileWriter/write(_:to:protecting:)-(Data,_,_)``.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
