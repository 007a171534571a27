import PartnerNetCore

/// Why an area could not be read or written.
public enum AreaIOError: Error, Sendable, CustomStringConvertible {
    /// The input has errors; every one found, with its file, line, column and reason,
    /// together with any warnings.
    case invalidInput([Diagnostic])
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)

    /// The problems found, errors first.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalidInput(let diagnostics): return diagnostics.errors + diagnostics.warnings
        case .cannotWrite(let path, let reason):
            return [.error(at: SourceLocation(file: path), "cannot write: \(reason)")]
        }
    }

    /// One line per problem.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
