import Synchronization

/// Where long work says what it is doing, so that a command can show it on a terminal.
///
/// Silent unless a listener is installed: the `partnernet` tool installs one when standard
/// error is a terminal, and the library's callers may install their own. Work names its
/// stages (`WorkProgress.stage("betweenness") { … }`) and, in loops over many items, its steps
/// (`WorkProgress.step("areas", done: 3, total: 20)`). Stages nest; a listener sees each begin
/// and end. Without a listener a report costs one lock and a read.
public enum WorkProgress {
    public enum Event: Sendable, Hashable {
        case begin(String)
        case end(String)
        case step(String, done: Int, total: Int)
    }

    public typealias Listener = @Sendable (Event) -> Void

    private static let listener = Mutex<Listener?>(nil)

    /// Installs `listener` (replacing any other), or removes it with `nil`.
    public static func listen(_ listener: Listener?) {
        self.listener.withLock { $0 = listener }
    }

    /// `body`, reported as the stage `name`.
    public static func stage<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard let listener = self.listener.withLock({ $0 }) else { return try body() }
        listener(.begin(name))
        defer { listener(.end(name)) }
        return try body()
    }

    /// `done` of `total` items of `name` are finished.
    public static func step(_ name: String, done: Int, total: Int) {
        listener.withLock { $0 }?(.step(name, done: done, total: total))
    }
}
