/// The limits PartnerNet's readers enforce on hostile or huge input, so that a short file
/// cannot make a reader allocate gigabytes, recurse until the stack runs out or run for
/// minutes. `Docs/LIMITS.md` lists each limit with the message it gives.
///
/// The limits are parameters of the internal readers so that tests can try a small value
/// at the limit and one past it; users get ``standard``.
struct ReadLimits: Sendable {
    /// The count a header (Pajek `*Vertices n`, DL `N=`, `NR=`, `NC=`) may declare without
    /// the file backing it. Vertices a file declares but never lists are isolates named by
    /// number, so a count is allowed up to this many, or else up to the file's size in
    /// bytes: every vertex beyond the first 100,000 needs a byte of the file, so memory
    /// stays proportional to the input (a 30-byte file declaring 10¹² vertices asked for
    /// 16 TB).
    var freeDeclaredCount = 100_000

    static let standard = ReadLimits()

    /// The largest count a header may declare in a file of `byteCount` bytes.
    func maximumDeclaredCount(byteCount: Int) -> Int { max(freeDeclaredCount, byteCount) }

    /// Why `count` is refused, or `nil` when it is allowed.
    func declaredCountProblem(_ count: Int, what: String, byteCount: Int) -> String? {
        guard count > maximumDeclaredCount(byteCount: byteCount) else { return nil }
        return "\(what)\(count) is more than this \(byteCount)-byte file can describe: a count above "
            + "\(freeDeclaredCount) may be at most the file's size in bytes"
    }
}
