import Foundation
import TestSupport
import Testing

/// Every command's `--help` reads cleanly at 80 columns (issue 13): ArgumentParser wraps
/// each line of a help text to the terminal's width, so a paragraph wrapped by hand is
/// wrapped twice and breaks mid-sentence ("…error|warning:\nREASON,\nthen one line…").
@Suite struct HelpTextTests {
    static let commands = [
        "", "validate", "summary", "centrality", "network", "silos", "dominance", "brokerage", "balance",
        "architecture", "compare", "change", "generate", "report", "render", "convert", "qap", "cug", "whatif",
        "survey import", "survey scores", "survey scale", "survey export",
    ]

    /// The help as written, unwrapped: with 1000 columns ArgumentParser wraps nothing, so
    /// every line break left is one in the source.
    ///
    /// Checked: a prose line (not indented) is a whole paragraph, so it is never followed
    /// by another prose line unless it ends in `:` (a heading); an indented line
    /// (examples, tables) fits in 79 columns, so it is never wrapped; an option's help is
    /// one paragraph, so no option line with help is followed by a continuation line.
    @Test(arguments: commands)
    func helpHasNoHandWrappedParagraphs(command: String) throws {
        let result = try PartnerNetCommand.run(
            command.split(separator: " ").map(String.init) + ["--help"], environment: ["COLUMNS": "1000"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\n")
        let usage = try #require(lines.firstIndex { $0.hasPrefix("USAGE:") })
        for index in 0..<usage {
            let line = lines[index]
            let next = index + 1 < usage ? lines[index + 1] : ""
            if !line.isEmpty && !line.hasPrefix(" ") && !next.isEmpty && !next.hasPrefix(" ") {
                #expect(line.hasSuffix(":"), "\(command): a paragraph broken by hand after “\(line.suffix(40))”")
            }
            if line.hasPrefix(" ") {
                #expect(line.count < 80, "\(command): \(line.count) columns: “\(line)”")
            }
        }
        let continuation = String(repeating: " ", count: 26)
        for index in usage..<(lines.count - 1) where lines[index + 1].hasPrefix(continuation) {
            let line = lines[index]
            let isBareOption =
                line.hasPrefix("  ") && !line.hasPrefix(continuation) && line.count <= 26
                || line.hasPrefix("  -") && !line.dropFirst(2).contains("  ")
            #expect(isBareOption, "\(command): option help broken by hand after “\(line.suffix(40))”")
        }
    }

    /// At 80 columns, no line of the help is a stray fragment: a short line in the middle of
    /// a paragraph (followed by more of the same paragraph) is a double wrap.
    @Test(arguments: commands)
    func helpAtEightyColumnsHasNoStrayFragments(command: String) throws {
        let result = try PartnerNetCommand.run(
            command.split(separator: " ").map(String.init) + ["--help"], environment: ["COLUMNS": "80"])
        let lines = result.stdout.components(separatedBy: "\n")
        let usage = try #require(lines.firstIndex { $0.hasPrefix("USAGE:") })
        for index in 0..<usage where index + 1 < usage {
            let (line, next) = (lines[index], lines[index + 1])
            guard !line.isEmpty, !line.hasPrefix(" "), !next.isEmpty, !next.hasPrefix(" "), !line.hasSuffix(":") else {
                continue
            }
            // ArgumentParser breaks a line before a word that would reach column 80: a wrapped
            // line is at least 79 less the next word and its space.
            let nextWord = next.split(separator: " ").first.map(\.count) ?? 0
            #expect(line.count + 1 + nextWord >= 80, "\(command): stray fragment “\(line)” before “\(next.prefix(30))”")
        }
    }
}
