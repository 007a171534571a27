import Foundation
import PartnerNetCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The UTF-8 bytes of a file, checked, for readers that cut a large text into fields
/// themselves: no string is made of the whole.
///
/// A regular file is mapped into memory rather than copied: its pages are read as they are
/// touched, and ``release(_:)`` gives back those of a part already read, so that reading a
/// file of a gigabyte never holds it all. (A mapped page given back is read again from the
/// file if touched again.) Other files (a pipe, standard input) and files under 1 MiB are
/// read whole. As with any mapped file, another program cutting the file short while it is
/// being read ends the process with a bus error: a file is read as it stands, not while it
/// is being written.
struct FileText: @unchecked Sendable {
    /// The bytes, without a byte-order mark.
    let bytes: Data
    /// Whether `bytes` is a mapping of the file, whose pages can be given back.
    private let mapped: Bool

    /// Files smaller than this are read whole: mapping them saves nothing.
    private static let smallestMapped = 1 << 20

    /// The text of the file at `path`.
    ///
    /// - Throws: a missing or unreadable file, or bytes that are not UTF-8, as
    ///   ``AreaIOError/invalidInput(_:)`` with the file, line and column.
    init(path: String) throws(AreaIOError) {
        var data: Data?
        var mapped = false
        let descriptor = open(path, O_RDONLY)
        if descriptor >= 0 {
            defer { close(descriptor) }
            var status = stat()
            if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                Int(status.st_size) >= Self.smallestMapped
            {
                let size = Int(status.st_size)
                let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
                if let start, start != MAP_FAILED {
                    data = Data(bytesNoCopy: start, count: size, deallocator: .custom { munmap($0, $1) })
                    mapped = true
                }
            }
        }
        let whole: Data
        if let data { whole = data } else { whole = try AreaFormat.data(path) }
        self.mapped = mapped
        do {
            bytes = try UTF8Text.bytes(whole, file: path)
        } catch {
            throw .invalidInput([error.diagnostic])
        }
        release()
    }

    /// Whether the text holds `byte` (a quote, a carriage return), found without a pass in
    /// Swift over every byte.
    func contains(_ byte: UInt8) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            return memchr(base, Int32(byte), raw.count) != nil
        }
    }

    /// Gives back the pages wholly inside `range` (byte offsets into ``bytes``; all of them
    /// when `nil`) once they have been read; nothing for a file read whole.
    func release(_ range: Range<Int>? = nil) {
        guard mapped else { return }
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let range = range ?? 0..<raw.count
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let address = Int(bitPattern: base)
            let start = (address + range.lowerBound + page - 1) / page * page
            let end = (address + range.upperBound) / page * page
            guard end > start else { return }
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, Int32(MADV_DONTNEED))
        }
    }
}
