import Dispatch
import Foundation
import PartnerNetCore
import PartnerNetIO

/// The progress line on standard error: what a command is doing and for how long, e.g.
/// `partnernet: betweenness (14 s)`, or `partnernet: areas 3/20 (8 s)`.
///
/// Shown only when standard error is a terminal, and only once the command has run two
/// seconds, redrawn four times a second in place and cleared before anything else is
/// written and at exit, so quick commands, pipes and files never see it.
/// `PARTNERNET_PROGRESS=lines` prints each stage as it begins, one line each, whatever
/// standard error is (for scripts and tests); `PARTNERNET_PROGRESS=0` turns it off.
final class ProgressLine: @unchecked Sendable {
    enum Mode {
        case terminal
        case lines
    }

    static let shared = ProgressLine()
    /// Seconds before the line appears.
    static let delay = 2.0

    private let lock = NSLock()
    private var mode: Mode?
    private var stages: [String] = []
    private var step: (name: String, done: Int, total: Int)?
    private var drawn = false
    private let started = DispatchTime.now()
    private var timer: DispatchSourceTimer?

    /// Listens to ``WorkProgress`` when standard error is a terminal (or as the environment says).
    static func install() {
        let setting = ProcessInfo.processInfo.environment["PARTNERNET_PROGRESS"]
        let mode: Mode?
        switch setting {
        case "0", "off": mode = nil
        case "lines": mode = .lines
        default: mode = isatty(STDERR_FILENO) == 1 ? .terminal : nil
        }
        guard let mode else { return }
        shared.start(mode)
    }

    private func start(_ mode: Mode) {
        self.mode = mode
        WorkProgress.listen { [self] event in handle(event) }
        if mode == .terminal {
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            timer.schedule(deadline: .now() + Self.delay, repeating: 0.25)
            timer.setEventHandler { [self] in draw() }
            timer.resume()
            self.timer = timer
            atexit { ProgressLine.shared.clear() }
        }
    }

    private func handle(_ event: WorkProgress.Event) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .begin(let name):
            stages.append(name)
            if mode == .lines { write("progress: \(name)\n") }
        case .end(let name):
            if let index = stages.lastIndex(of: name) { stages.remove(at: index) }
            if step?.name == name { step = nil }
        case .step(let name, let done, let total):
            step = (name, done, total)
        }
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard mode == .terminal else { return }
        var text = stages.last ?? "working"
        if let step { text = (stages.last.map { $0 + ": " } ?? "") + "\(step.name) \(step.done)/\(step.total)" }
        let seconds = Int(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        var line = "partnernet: \(text) (\(seconds) s)"
        if line.count > 79 { line = String(line.prefix(78)) + "…" }
        write("\r\u{1B}[K" + line)
        drawn = true
    }

    /// Clears the line, if drawn, so that other output starts on a clean line.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn {
            write("\r\u{1B}[K")
            drawn = false
        }
    }

    private func write(_ text: String) {
        try? SafeFileWriter.writeAll(Data(text.utf8), to: STDERR_FILENO, reportAs: "standard error")
    }
}
