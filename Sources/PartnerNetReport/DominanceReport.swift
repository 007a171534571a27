import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// Everything `partnernet dominance` reports for one area and focal set: the focal set's
/// shares of the organisation measures with a random-set test, its group centrality, how
/// much the network depends on it (fragmentation with and without it), the chairs it
/// holds, and the core/periphery structure by sector; with plain-language readings, each
/// traceable to a named number.
public struct DominanceReport: Sendable {
    /// One node measure as the focal set holds it.
    public struct MeasureShare: Sendable {
        public let measure: NodeMeasure
        /// The share, top rank and dominance ratio; `nil` when the measure is undefined on
        /// the graph (``error`` says why).
        public let share: FocalShare?
        /// P(a random set of |F| holds at least the focal share); `nil` without a test.
        public let pValue: Double?
        /// P(a random set of |F| holds at most the focal share); `nil` without a test.
        public let pLow: Double?
        /// The mean share of the random sets.
        public let randomMean: Double?
        public let error: MetricError?

        /// The two-sided p-value, `min(1, 2 min(p_low, p_high))`; `nil` without a test.
        public var twoSidedP: Double? {
            guard let pValue, let pLow else { return nil }
            return min(1, 2 * min(pValue, pLow))
        }
    }

    /// How one sector splits between core and periphery.
    public struct SectorSplit: Sendable, Hashable {
        public let sector: String
        public let core: Int
        public let periphery: Int
    }

    public let focal: FocalSet
    /// How the focal set is named in the readings: the sector, or the organisations.
    public let focalName: String
    public let labels: [String]
    public let names: [String]
    public let sectors: [String]
    public let isDirected: Bool
    public let weighted: Bool
    public let measures: [MeasureShare]
    public let test: FocalShareTest?
    public let groupDegree: Double?
    public let groupBetweenness: Double?
    public let groupCloseness: Double?
    public let fragmentation: Double?
    public let fragmentationWithoutFocal: Double?
    public let distanceFragmentation: Double?
    public let distanceFragmentationWithoutFocal: Double?
    public let components: Int
    public let componentsWithoutFocal: Int
    public let chairs: ChairShare
    public let corePeriphery: CorePeripheryPartition?
    public let coreness: Coreness?
    /// Why core/periphery could not be computed (no ties, every pair tied).
    public let corePeripheryError: MetricError?
    /// Scores of each measure by node, for ``nodeRows``.
    let scores: [NodeMeasure: [Double]]

    /// The significance level the readings use.
    public static let alpha = 0.05

    /// The node measures whose shares are reported: those of Docs/METRICS.md, with
    /// `bonacich_power` only when β is given.
    public static func measures(options: MeasureOptions) -> [NodeMeasure] {
        [.degree, .strength, .betweenness, .eigenvector, .pagerank] + (options.beta == nil ? [] : [.bonacichPower])
    }

    /// - Parameters:
    ///   - samples: random sets for the p-values (0: no test).
    ///   - starts: starts of the core/periphery search.
    ///   - betweenness: betweenness already computed on `graph` with `options`, to reuse.
    ///   - findCore: whether to fit the core/periphery models (`false` leaves them `nil`,
    ///     for readers that need only the shares, centrality and fragmentation).
    /// - Throws: ``MetricError`` when a measure asked for by a parameter cannot be
    ///   computed: Bonacich power with β out of range. Measures undefined on the graph
    ///   (eigenvector without a cycle) are reported as such instead.
    public init(
        area: Area, graph: Graph, focal: FocalSet, options: MeasureOptions = MeasureOptions(), samples: Int = 1_000,
        seed: UInt64 = 1, starts: Int = Graph.corePeripheryStarts, betweenness: [Double]? = nil,
        corePeriphery findCore: Bool = true
    ) throws(MetricError) {
        precondition(samples >= 0, "samples must be 0 or more")
        let organisations = Dictionary(area.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.focal = focal
        self.labels = graph.labels
        let names = graph.labels.map { organisations[$0]?.displayName ?? $0 }
        self.names = names
        self.sectors = graph.labels.map { organisations[$0]?.sector ?? "" }
        self.isDirected = graph.isDirected
        self.weighted = options.weighted
        if let sector = focal.sector {
            focalName = sector
        } else if focal.count <= 3 {
            focalName = focal.members.map { names[$0] }.joined(separator: ", ")
        } else {
            focalName = "the \(focal.count) named organisations"
        }

        var scores: [NodeMeasure: [Double]] = [:]
        var failures: [NodeMeasure: MetricError] = [:]
        let measures = Self.measures(options: options)
        for measure in measures {
            if measure == .betweenness, let betweenness {
                scores[measure] = betweenness
                continue
            }
            do {
                scores[measure] = try measure.scores(in: graph, options: options)
            } catch {
                // A parameter the user gave that does not fit the graph is an error; a
                // measure the graph does not define is a gap in the report.
                if measure == .bonacichPower, case .betaOutOfRange = error { throw error }
                failures[measure] = error
            }
        }
        let computed = measures.filter { scores[$0] != nil }
        let test = samples > 0 ? focal.shareTest(of: computed.map { scores[$0]! }, samples: samples, seed: seed) : nil
        self.test = test
        self.measures = measures.map { measure in
            guard let vector = scores[measure] else {
                return MeasureShare(
                    measure: measure, share: nil, pValue: nil, pLow: nil, randomMean: nil, error: failures[measure])
            }
            let index = computed.firstIndex(of: measure)!
            return MeasureShare(
                measure: measure, share: focal.share(of: vector), pValue: test?.pHigh[index],
                pLow: test?.pLow[index], randomMean: test?.meanShares[index], error: nil)
        }
        self.scores = scores

        groupDegree = graph.groupDegreeCentrality(of: focal.members)
        groupBetweenness = graph.groupBetweennessCentrality(of: focal.members, weighted: options.weighted)
        groupCloseness = graph.groupClosenessCentrality(of: focal.members, weighted: options.weighted)
        let without = graph.removing(focal.members)
        fragmentation = graph.fragmentation
        fragmentationWithoutFocal = without.fragmentation
        distanceFragmentation = graph.distanceFragmentation(weighted: options.weighted)
        distanceFragmentationWithoutFocal = without.distanceFragmentation(weighted: options.weighted)
        components = graph.weakComponents().count
        componentsWithoutFocal = without.weakComponents().count
        chairs = area.chairShare(focal: Set(focal.members.map { graph.labels[$0] }))

        guard findCore else {
            (self.corePeriphery, self.coreness, self.corePeripheryError) = (nil, nil, nil)
            return
        }
        let structure = Result { () throws(MetricError) in
            (
                try graph.corePeripheryPartition(starts: starts, seed: seed),
                try graph.coreness(maxIterations: options.maxIterations, tolerance: options.tolerance)
            )
        }
        switch structure {
        case .success(let (partition, coreness)):
            self.corePeriphery = partition
            self.coreness = coreness
            self.corePeripheryError = nil
        case .failure(let error):
            self.corePeriphery = nil
            self.coreness = nil
            self.corePeripheryError = error
        }
    }

    /// Sectors in order of first appearance, with their organisations in core and periphery.
    public var sectorSplits: [SectorSplit] {
        guard let corePeriphery else { return [] }
        var order: [String] = []
        var counts: [String: (core: Int, periphery: Int)] = [:]
        for (node, sector) in sectors.enumerated() {
            if counts[sector] == nil {
                order.append(sector)
                counts[sector] = (0, 0)
            }
            if corePeriphery.inCore[node] { counts[sector]!.core += 1 } else { counts[sector]!.periphery += 1 }
        }
        return order.map { SectorSplit(sector: $0, core: counts[$0]!.core, periphery: counts[$0]!.periphery) }
    }

    // MARK: Readings

    /// Short sentences, each naming the numbers it rests on (Docs/METRICS.md names in brackets
    /// where the sentence alone does not make them plain).
    public var readings: [String] {
        var lines: [String] = []
        let n = labels.count
        let size = focal.count
        let subject = focalName
        lines.append(
            "\(subject) is \(size) of \(n) organisation\(n == 1 ? "" : "s") (\(ReportText.percent(Double(size) / Double(n))))."
        )

        // Shares: the ones beyond chance one by one, the rest together.
        let organisationShare = ReportText.percent(Double(size) / Double(n))
        var within: [String] = []
        for row in measures {
            guard let share = row.share, let value = share.share else { continue }
            let text = "\(ReportText.percent(value)) of \(Self.words(row.measure))"
            if let p = row.twoSidedP, p > Self.alpha {
                within.append("\(Self.words(row.measure)) (\(ReportText.percent(value)), two-sided p = \(Self.pValue(p)))")
            } else if let p = row.twoSidedP, let mean = row.randomMean {
                lines.append(
                    "\(subject) holds \(text) with \(organisationShare) of the organisations: "
                        + "\(value >= mean ? "more" : "less") than random sets of that size "
                        + "(two-sided p = \(Self.pValue(p))).")
            } else {
                lines.append("\(subject) holds \(text) with \(organisationShare) of the organisations.")
            }
        }
        if !within.isEmpty {
            lines.append("Its shares of " + Self.list(within) + " are within what random sets of \(size) reach.")
        }
        // Ranks: where its strongest member stands, grouped by rank.
        var byRank: [(rank: Int, measures: [String])] = []
        for row in measures {
            guard let rank = row.share?.topRank else { continue }
            if let index = byRank.firstIndex(where: { $0.rank == rank }) {
                byRank[index].measures.append(Self.words(row.measure))
            } else {
                byRank.append((rank, [Self.words(row.measure)]))
            }
        }
        if !byRank.isEmpty {
            let parts = byRank.sorted { $0.rank < $1.rank }.map {
                "\(Self.ordinal($0.rank)) on \(Self.list($0.measures))"
            }
            var text = "Its strongest member ranks " + Self.list(parts)
            let leaders = measures.filter { $0.share?.topRank == 1 && ($0.share?.dominanceRatio ?? 0) > 1 }
            if let leading = leaders.max(by: { $0.share!.dominanceRatio! < $1.share!.dominanceRatio! }),
                let ratio = leading.share?.dominanceRatio
            {
                text += "; on \(Self.words(leading.measure)) it scores \(Self.decimal(ratio)) × the strongest outsider"
            }
            lines.append(text + ".")
        }
        for row in measures where row.share == nil {
            if let error = row.error { lines.append("\(row.measure.rawValue) is not reported: \(error.description).") }
        }

        if let betweenness = groupBetweenness, let degree = groupDegree {
            lines.append(
                "Together its members lie on \(ReportText.percent(betweenness)) of the shortest paths between other "
                    + "organisations [group_betweenness] and \(isDirected ? "send ties to" : "are tied directly to") "
                    + "\(ReportText.percent(degree)) of them [group_degree].")
        }

        if let before = fragmentation, let after = fragmentationWithoutFocal {
            let change = "fragmentation \(Self.decimal(before)) → \(Self.decimal(after))"
            if componentsWithoutFocal > components {
                lines.append(
                    "Without it the partnership splits from \(Self.parts(components)) into \(componentsWithoutFocal) "
                        + "parts and fragmentation rises from \(Self.decimal(before)) to \(Self.decimal(after)).")
            } else {
                var text =
                    componentsWithoutFocal == components
                    ? "Without it the partnership stays in \(Self.parts(components)) (\(change))"
                    : "Without it the partnership is in \(Self.parts(componentsWithoutFocal)) instead of "
                        + "\(components) (\(change))"
                if let distance = distanceFragmentation, let distanceAfter = distanceFragmentationWithoutFocal {
                    let values = "distance fragmentation \(Self.decimal(distance)) → \(Self.decimal(distanceAfter))"
                    if Self.decimal(distance) == Self.decimal(distanceAfter) {
                        text += "; distance fragmentation stays at \(Self.decimal(distance))"
                    } else if distanceAfter > distance {
                        text += "; the others are further apart: \(values)"
                    } else {
                        text += "; \(values)"
                    }
                    if min(distance, distanceAfter) < 0 {
                        text += " (below 0: ties of weight above 1 make distances, 1/weight, shorter than one step)"
                    }
                }
                lines.append(text + ".")
            }
        } else if fragmentationWithoutFocal == nil {
            lines.append("Without it fewer than two organisations remain, so fragmentation is undefined.")
        }

        if let share = chairs.share {
            lines.append(
                "It chairs \(chairs.chairedByFocal) of the \(chairs.chaired) partnership\(chairs.chaired == 1 ? "" : "s") "
                    + "with a chair recorded [chair_share \(Self.decimal(share))].")
        } else if chairs.partnerships > 0 {
            lines.append("No partnership has a chair recorded, so chair_share is undefined.")
        }

        if let corePeriphery {
            let inCore = focal.members.filter { corePeriphery.inCore[$0] }.count
            let focalPart =
                size == 1
                ? (inCore == 1 ? "including \(subject)" : "not including \(subject)")
                : "\(inCore) of the \(size) in \(subject)"
            var text =
                "Core/periphery fit \(Self.decimal(corePeriphery.fit)) (1 is a perfect core and periphery): "
                + "the core holds \(corePeriphery.coreSize) of \(n) organisations, \(focalPart)."
            let splits = sectorSplits
            let allCore = splits.filter { $0.periphery == 0 }.map(\.sector)
            let allPeriphery = splits.filter { $0.core == 0 }.map(\.sector)
            if !allPeriphery.isEmpty { text += " Wholly in the periphery: \(Self.list(allPeriphery))." }
            if !allCore.isEmpty { text += " Wholly in the core: \(Self.list(allCore))." }
            lines.append(text)
        } else if let corePeripheryError {
            lines.append("Core/periphery is not reported: \(corePeripheryError.description).")
        }
        return lines
    }

    static func words(_ measure: NodeMeasure) -> String {
        switch measure {
        case .degree: "degree"
        case .strength: "tie strength"
        case .betweenness: "betweenness"
        case .eigenvector: "eigenvector centrality"
        case .pagerank: "PageRank"
        case .bonacichPower: "Bonacich power"
        default: measure.rawValue
        }
    }


    /// Two decimals, with a true minus sign.
    static func decimal(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    static func pValue(_ p: Double) -> String { ReportText.p(p) }

    static func ordinal(_ rank: Int) -> String {
        let suffix: String
        switch (rank % 10, rank % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(rank)\(suffix)"
    }

    static func parts(_ count: Int) -> String { count == 1 ? "one piece" : "\(count) parts" }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    // MARK: Renderings

    /// Every value as `metric,value` rows, named as in Docs/METRICS.md (`focal_share[degree]`,
    /// `group_betweenness`, `fragmentation_without_focal`, `chair_share`, …).
    public var metricRows: ResultTable {
        var rows: [[Cell]] = []
        func add(_ name: String, _ value: Double?, count: Bool = false) {
            rows.append([.text(name), .number(value, isCount: count)])
        }
        add("organisations", Double(labels.count), count: true)
        add("focal_size", Double(focal.count), count: true)
        add("focal_share_of_organisations", Double(focal.count) / Double(labels.count))
        for row in measures {
            let name = row.measure.rawValue
            add("focal_share[\(name)]", row.share?.share)
            add("focal_top_rank[\(name)]", row.share?.topRank.map(Double.init), count: true)
            add("focal_dominance_ratio[\(name)]", row.share?.dominanceRatio)
            if test != nil {
                add("focal_share_p_value[\(name)]", row.pValue)
                add("focal_share_p_low[\(name)]", row.pLow)
                add("focal_share_random_mean[\(name)]", row.randomMean)
            }
        }
        if let test {
            add("random_sets", Double(test.samples), count: true)
            add("seed", Double(test.seed), count: true)
        }
        add("group_degree", groupDegree)
        add("group_betweenness", groupBetweenness)
        add("group_closeness", groupCloseness)
        add("components", Double(components), count: true)
        add("components_without_focal", Double(componentsWithoutFocal), count: true)
        add("fragmentation", fragmentation)
        add("fragmentation_without_focal", fragmentationWithoutFocal)
        add("distance_fragmentation", distanceFragmentation)
        add("distance_fragmentation_without_focal", distanceFragmentationWithoutFocal)
        add("partnerships", Double(chairs.partnerships), count: true)
        add("partnerships_chaired", Double(chairs.chaired), count: true)
        add("partnerships_chaired_by_focal", Double(chairs.chairedByFocal), count: true)
        add("chair_share", chairs.share)
        add("core_periphery_fit", corePeriphery?.fit)
        add("core_size", corePeriphery.map { Double($0.coreSize) }, count: true)
        add("coreness_fit", coreness?.fit)
        for split in sectorSplits {
            add("core_count[\(split.sector)]", Double(split.core), count: true)
            add("periphery_count[\(split.sector)]", Double(split.periphery), count: true)
        }
        return ResultTable(columns: ["metric", "value"], rows: rows)
    }

    /// One row per organisation: its sector, whether it is focal, the measures, coreness
    /// and core membership.
    public var nodeRows: ResultTable {
        let measureColumns = measures.map(\.measure)
        return ResultTable(
            columns: ["id", "name", "sector", "focal"] + measureColumns.map(\.rawValue) + ["coreness", "in_core"],
            rows: labels.indices.map { node in
                [
                    .text(labels[node]), .text(names[node]), .text(sectors[node]),
                    .text(focal.isMember[node] ? "yes" : "no"),
                ]
                    + measureColumns.map { Cell.number(scores[$0]?[node], isCount: $0.isCount) }
                    + [
                        .number(coreness?.scores[node], isCount: false),
                        .number(corePeriphery.map { $0.inCore[node] ? 1 : 0 }, isCount: true),
                    ]
            })
    }

    /// The report for people.
    public func text(title: String) -> String {
        var out: [String] = []
        out.append("Dominance of \(focalName): \(title)")
        out.append("")
        out.append("Readings (two-sided random-set p-values, α = \(Self.alpha), not adjusted for multiple tests):")
        out += readings.map { "  " + $0 }
        out.append("")
        let n = labels.count
        var heading = "Shares held by \(focalName) (\(focal.count) of \(n) organisations, "
        heading += "\(String(format: "%.4f", Double(focal.count) / Double(n))))"
        if let test { heading += "; \(test.samples) random sets of \(test.setSize), seed \(test.seed)" }
        out.append(heading)
        out.append(
            ResultTable(
                columns: ["measure", "share", "p", "random mean", "top rank", "dominance ratio"],
                rows: measures.map { row in
                    [
                        .text(row.measure.rawValue), .number(row.share?.share, isCount: false),
                        .number(row.pValue, isCount: false), .number(row.randomMean, isCount: false),
                        .number(row.share?.topRank.map(Double.init), isCount: true),
                        .number(row.share?.dominanceRatio, isCount: false),
                    ]
                }
            ).rendered(as: .table))
        out.append("Group centrality (Everett & Borgatti)\(weighted ? ", path lengths 1/weight" : "")")
        out.append(
            ResultTable(
                columns: ["measure", "value"],
                rows: [
                    [.text("group_degree"), .number(groupDegree, isCount: false)],
                    [.text("group_betweenness"), .number(groupBetweenness, isCount: false)],
                    [.text("group_closeness"), .number(groupCloseness, isCount: false)],
                ]
            ).rendered(as: .table))
        out.append("Fragmentation (Borgatti), with and without \(focalName)")
        out.append(
            ResultTable(
                columns: ["measure", "with", "without"],
                rows: [
                    [
                        .text("components"), .number(Double(components), isCount: true),
                        .number(Double(componentsWithoutFocal), isCount: true),
                    ],
                    [
                        .text("fragmentation"), .number(fragmentation, isCount: false),
                        .number(fragmentationWithoutFocal, isCount: false),
                    ],
                    [
                        .text("distance_fragmentation"), .number(distanceFragmentation, isCount: false),
                        .number(distanceFragmentationWithoutFocal, isCount: false),
                    ],
                ]
            ).rendered(as: .table))
        if chairs.partnerships > 0 {
            out.append(
                "Chairs: \(chairs.chairedByFocal) of \(chairs.chaired) partnerships with a chair recorded "
                    + "(\(chairs.partnerships) in all); chair_share \(chairs.share.map { String(format: "%.4f", $0) } ?? "–")"
            )
            out.append("")
        }
        if let corePeriphery {
            out.append("Core/periphery (Borgatti & Everett; undirected skeleton, ties counted)")
            out.append(
                "  categorical: fit \(String(format: "%.4f", corePeriphery.fit)), core of \(corePeriphery.coreSize): "
                    + labels.indices.filter { corePeriphery.inCore[$0] }.map { names[$0] }.joined(separator: ", "))
            if let coreness {
                let top = labels.indices.sorted { coreness.scores[$0] > coreness.scores[$1] }.prefix(5)
                out.append(
                    "  continuous: fit \(String(format: "%.4f", coreness.fit)); highest coreness: "
                        + top.map { "\(names[$0]) \(String(format: "%.2f", coreness.scores[$0]))" }.joined(
                            separator: ", "))
            }
            out.append(
                ResultTable(
                    columns: ["sector", "core", "periphery", "share in core"],
                    rows: sectorSplits.map { split in
                        [
                            .text(split.sector), .number(Double(split.core), isCount: true),
                            .number(Double(split.periphery), isCount: true),
                            .number(Double(split.core) / Double(split.core + split.periphery), isCount: false),
                        ]
                    }
                ).rendered(as: .table))
        } else if let corePeripheryError {
            out.append("Core/periphery: \(corePeripheryError.description)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The report as JSON: the focal set, shares, group centrality, fragmentation, chairs,
    /// core/periphery and the readings.
    public func json() -> String {
        func number(_ value: Double?) -> JSONValue { value.map { $0.isFinite ? .number($0) : .null } ?? .null }
        var shares: [String: JSONValue] = [:]
        for row in measures {
            var entry: [String: JSONValue] = [
                "focal_share": number(row.share?.share),
                "focal_top_rank": number(row.share?.topRank.map(Double.init)),
                "focal_dominance_ratio": number(row.share?.dominanceRatio),
            ]
            if test != nil {
                entry["p_value"] = number(row.pValue)
                entry["random_mean"] = number(row.randomMean)
            }
            if let error = row.error { entry["error"] = .string(error.description) }
            shares[row.measure.rawValue] = .object(entry)
        }
        var object: [String: JSONValue] = [
            "focal": .object([
                "name": .string(focalName), "sector": focal.sector.map(JSONValue.string) ?? .null,
                "ids": .array(focal.members.map { .string(labels[$0]) }),
                "size": .number(Double(focal.count)), "organisations": .number(Double(labels.count)),
            ]),
            "directed": .bool(isDirected), "weighted": .bool(weighted), "shares": .object(shares),
            "group": .object([
                "group_degree": number(groupDegree), "group_betweenness": number(groupBetweenness),
                "group_closeness": number(groupCloseness),
            ]),
            "fragmentation": .object([
                "components": .number(Double(components)),
                "components_without_focal": .number(Double(componentsWithoutFocal)),
                "fragmentation": number(fragmentation),
                "fragmentation_without_focal": number(fragmentationWithoutFocal),
                "distance_fragmentation": number(distanceFragmentation),
                "distance_fragmentation_without_focal": number(distanceFragmentationWithoutFocal),
            ]),
            "chairs": .object([
                "partnerships": .number(Double(chairs.partnerships)), "chaired": .number(Double(chairs.chaired)),
                "chaired_by_focal": .number(Double(chairs.chairedByFocal)), "chair_share": number(chairs.share),
            ]),
            "readings": .array(readings.map(JSONValue.string)),
        ]
        if let test {
            object["random_sets"] = .object([
                "samples": .number(Double(test.samples)), "seed": .number(Double(test.seed)),
            ])
        }
        if let corePeriphery {
            var core: [String: JSONValue] = [
                "fit": .number(corePeriphery.fit), "core_size": .number(Double(corePeriphery.coreSize)),
                "core": .array(labels.indices.filter { corePeriphery.inCore[$0] }.map { .string(labels[$0]) }),
                "sectors": .array(
                    sectorSplits.map {
                        .object([
                            "sector": .string($0.sector), "core": .number(Double($0.core)),
                            "periphery": .number(Double($0.periphery)),
                        ])
                    }),
            ]
            if let coreness {
                core["coreness_fit"] = .number(coreness.fit)
                var values: [String: JSONValue] = [:]
                for (node, id) in labels.enumerated() { values[id] = .number(coreness.scores[node]) }
                core["coreness"] = .object(values)
            }
            object["core_periphery"] = .object(core)
        } else if let corePeripheryError {
            object["core_periphery"] = .object(["error": .string(corePeripheryError.description)])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(JSONValue.object(object)), as: UTF8.self) + "\n"
    }
}
