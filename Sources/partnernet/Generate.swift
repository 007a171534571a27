import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetIO

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a collection of synthetic areas from a documented model, for research and testing.",
        discussion: """
            Each area has n organisations in five sectors (8% local-authority, 24% public, 16% \
            business, 40% voluntary-community, 12% faith; at least one of each), a directed \
            `information` relation and a main board with 2 to 5 nested sub-partnerships. For \
            each pair of organisations a tie is present with probability
              min(1, q × (h if they share a sector) × (λ if either is local-authority)),
            q set so that with λ = 1 the expected density of tied pairs is p whatever h is; a \
            tie runs both ways with probability 0.5. Boards draw members, and chairs, with weight \
            λ for local-authority organisations; with probability --duplication a \
            sub-partnership copies an earlier one's members (one swapped): a known duplicate.

            Parameters given as ranges (MIN-MAX) are drawn for each area; a single number fixes \
            them. What was drawn is written into each area.json under "synthetic", so a method's \
            answer can be checked against the truth. The same seed gives the same areas on any \
            machine; area k does not depend on how many areas are generated.

            Every area is marked synthetic in its name. The output folder must be new or empty.

            Examples:
              partnernet generate --areas 350 --seed 7 -o /tmp/areas
              partnernet generate --areas 20 --seed 2026 -o Datasets/synthetic \\
                  --la-centrality 1-4
              partnernet generate --areas 50 --seed 1 -o /tmp/silos --homophily 4 \\
                  --la-centrality 1
            """)

    @Option(name: .long, help: "How many areas.")
    var areas: Int

    @Option(name: .long, help: "Seed of the collection.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "The folder to write the collection to (new or empty).")
    var output: String

    @Option(name: .long, help: ArgumentHelp("Organisations per area, N or MIN-MAX.", valueName: "range"))
    var organisations = "25-60"

    @Option(name: .long, help: ArgumentHelp("Base probability p that two organisations are tied.", valueName: "range"))
    var tieProbability = "0.06-0.14"

    @Option(
        name: .long,
        help: ArgumentHelp("Homophily h: how many times likelier a tie within a sector is.", valueName: "range"))
    var homophily = "1-4"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Local-authority centrality λ: how many times likelier its ties and seats are.", valueName: "range"))
    var laCentrality = "1-4"

    @Option(name: .long, help: "Probability that a sub-partnership duplicates an earlier one.")
    var duplication = 0.15

    static func range(_ text: String, name: String) throws -> ClosedRange<Double> {
        let parts = text.split(separator: "-", maxSplits: 1).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard let low = parts.first ?? nil, let high = parts.count == 2 ? parts[1] : low, low.isFinite, high.isFinite,
            low <= high
        else { throw ValidationError("\(name) must be a number or MIN-MAX with MIN ≤ MAX, not '\(text)'") }
        return low...high
    }

    func model() throws -> SyntheticAreaModel {
        var model = SyntheticAreaModel()
        let sizes = try Self.range(organisations, name: "--organisations")
        guard sizes.lowerBound >= 5, sizes.upperBound <= 100_000, sizes.lowerBound == sizes.lowerBound.rounded(),
            sizes.upperBound == sizes.upperBound.rounded()
        else { throw ValidationError("--organisations must be whole numbers from 5 to 100000") }
        model.organisations = Int(sizes.lowerBound)...Int(sizes.upperBound)
        model.tieProbability = try Self.range(tieProbability, name: "--tie-probability")
        model.homophily = try Self.range(homophily, name: "--homophily")
        model.localAuthorityCentrality = try Self.range(laCentrality, name: "--la-centrality")
        guard model.tieProbability.lowerBound >= 0, model.tieProbability.upperBound <= 1 else {
            throw ValidationError("--tie-probability must lie between 0 and 1")
        }
        guard model.homophily.lowerBound > 0, model.localAuthorityCentrality.lowerBound > 0 else {
            throw ValidationError("--homophily and --la-centrality must be above 0")
        }
        guard duplication >= 0, duplication <= 1 else {
            throw ValidationError("--duplication must lie between 0 and 1")
        }
        model.duplication = duplication
        return model
    }

    func validate() throws {
        if areas < 1 || areas > 100_000 { throw ValidationError("--areas must be from 1 to 100000") }
        _ = try model()
    }

    func run() throws {
        let model = try model()
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: output), !existing.isEmpty {
            throw Console.failure("\(output) is not empty: give a new or empty folder")
        }
        let width = String(areas).count
        let seed = self.seed
        let count = areas
        let failures = parallelMap(count) { index -> String? in
            let area = model.area(index, seed: seed)
            let number = String(repeating: "0", count: width - String(index + 1).count) + String(index + 1)
            let slug = (area.metadata.name ?? "area").lowercased().replacingOccurrences(of: " (synthetic)", with: "")
                .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            do {
                try AreaFolder.write(area, to: (output as NSString).appendingPathComponent("\(number)-\(slug)"))
                return nil
            } catch {
                return (error as? AreaIOError)?.diagnostics.first?.description ?? "\(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw Console.failure(failure) }
        let readme = """
            # Synthetic areas (generated)

            \(count) synthetic areas: invented organisations and ties drawn from PartnerNet's model of
            local partnerships (`partnernet help generate`), not data about any real place. The parameters
            drawn for each area are in its `area.json` under `synthetic`.

            Made with:

                partnernet generate --areas \(count) --seed \(seed) -o \(output) --organisations \(organisations) \\
                    --tie-probability \(tieProbability) --homophily \(homophily) --la-centrality \(laCentrality) --duplication \(duplication)

            """
        do {
            try SafeFileWriter.write(readme, to: (output as NSString).appendingPathComponent("GENERATED.md"))
        } catch {
            throw Console.failure("cannot write GENERATED.md in \(output): \(error.reason)")
        }
        Console.printError("wrote \(count) synthetic areas to \(output)")
    }
}
