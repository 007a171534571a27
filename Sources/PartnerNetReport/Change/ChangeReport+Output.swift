import Foundation
import PartnerNetCore
import PartnerNetMetrics

extension ChangeReport {
    /// Whether rows carry their pair's label: with more than two waves.
    var labelsPairs: Bool { waves.count > 2 }

    /// The prefix of a pair's row names: `BEFORE..AFTER:` with more than two waves, then
    /// `both:` over the organisations present in both waves.
    func prefix(_ pair: WavePairChange) -> String {
        (labelsPairs ? "\(pair.label):" : "") + (pair.scope == .both ? "both:" : "")
    }

    /// The `metric,value` rows: for each pair, in order,
    ///
    /// - `organisations_before`, `organisations_after`, `organisations_entered`,
    ///   `organisations_left`, `organisations_compared`, `partnerships_entered`,
    ///   `partnerships_left`, `chairs_changed`;
    /// - per relation R: `ties_kept[R]`, `ties_lost[R]`, `ties_gained[R]`, `ties_absent[R]`,
    ///   `hamming[R]`, `jaccard[R]`, `qap_r[R]`, `qap_p[R]`;
    /// - per headline measure M: `M.before`, `M.after`, `M.change` and, when tested, `M.p`.
    ///
    /// Names carry ``prefix(_:)``.
    public var table: ResultTable {
        var rows: [[Cell]] = []
        for pair in pairs {
            let prefix = prefix(pair)
            func add(_ name: String, _ value: Double?, count: Bool) {
                rows.append([.text(prefix + name), .number(value, isCount: count)])
            }
            add("organisations_before", Double(pair.before.area.organisations.count), count: true)
            add("organisations_after", Double(pair.after.area.organisations.count), count: true)
            add("organisations_entered", Double(pair.entered.count), count: true)
            add("organisations_left", Double(pair.left.count), count: true)
            add("organisations_compared", Double(pair.organisations.count), count: true)
            add("partnerships_entered", Double(pair.partnershipsEntered.count), count: true)
            add("partnerships_left", Double(pair.partnershipsLeft.count), count: true)
            add("chairs_changed", Double(pair.chairChanges.count), count: true)
            for relation in pair.relations {
                let r = relation.relation
                let t = relation.transition
                add("ties_kept[\(r)]", Double(t.kept), count: true)
                add("ties_lost[\(r)]", Double(t.lost), count: true)
                add("ties_gained[\(r)]", Double(t.gained), count: true)
                add("ties_absent[\(r)]", Double(t.absent), count: true)
                add("hamming[\(r)]", Double(t.hamming), count: true)
                add("jaccard[\(r)]", t.jaccard, count: false)
                add("qap_r[\(r)]", relation.correlation?.correlation, count: false)
                add("qap_p[\(r)]", relation.correlation?.pValues?.pHigh, count: false)
            }
            for measure in pair.headline {
                let isCount = ValueCatalogue.definition(of: measure.metric)?.isCount ?? false
                add("\(measure.metric).before", measure.before, count: isCount)
                add("\(measure.metric).after", measure.after, count: isCount)
                add("\(measure.metric).change", measure.difference, count: isCount)
                if Self.isTested(measure.metric), pair.swaps > 0 {
                    add("\(measure.metric).p", measure.pValue, count: false)
                }
            }
        }
        return ResultTable(columns: ["metric", "value"], rows: rows)
    }

    // MARK: Text

    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }

    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        return String(format: "%.3f", value)
    }

    /// `p = 0.012`, or `p < 0.001`.
    static func pText(_ p: Double) -> String { p < 0.001 ? "p < 0.001" : String(format: "p = %.3f", p) }

    static func organisationList(_ organisations: [Organisation]) -> String {
        organisations.map { "\($0.displayName) (\($0.id), \($0.sector))" }.joined(separator: "; ")
    }

    /// Plain sentences on one pair: membership, ties per relation, and the headline
    /// measures that changed, each with its test.
    public func reading(_ pair: WavePairChange) -> [String] {
        var lines: [String] = []
        let names = Dictionary(
            (pair.before.area.organisations + pair.after.area.organisations).map { ($0.id, $0.displayName) },
            uniquingKeysWith: { a, _ in a })
        func name(_ ids: [String]) -> String {
            ids.isEmpty ? "no one" : ids.map { names[$0] ?? $0 }.joined(separator: " and ")
        }
        if pair.entered.isEmpty && pair.left.isEmpty {
            lines.append("The same \(pair.before.area.organisations.count) organisations are in both waves.")
        } else {
            if !pair.entered.isEmpty {
                lines.append("Joined (\(pair.entered.count)): \(Self.organisationList(pair.entered)).")
            }
            if !pair.left.isEmpty { lines.append("Left (\(pair.left.count)): \(Self.organisationList(pair.left)).") }
        }
        for partnership in pair.partnershipsEntered { lines.append("New partnership: \(partnership.displayName).") }
        for partnership in pair.partnershipsLeft { lines.append("Partnership ended: \(partnership.displayName).") }
        for change in pair.chairChanges {
            lines.append(
                "The chair of the \(change.partnership.displayName) passed from \(name(change.before)) to \(name(change.after))."
            )
        }
        for relation in pair.relations {
            let t = relation.transition
            var text =
                "\(relation.relation) ties: of \(t.kept + t.lost) in \(pair.before.label), \(t.kept) were kept and "
                + "\(t.lost) lost; \(t.gained) were gained"
            if let jaccard = t.jaccard { text += " (Jaccard stability \(String(format: "%.2f", jaccard)))" }
            if let correlation = relation.correlation {
                text += "; the waves' ties correlate r = \(String(format: "%.2f", correlation.correlation))"
                if let p = correlation.pValues?.pHigh { text += " (QAP \(Self.pText(p)))" }
            }
            lines.append(text + ".")
        }
        let focal = pair.afterAnalysis.focalSector
        for measure in pair.headline {
            guard let phrase = Self.phrase(measure.metric, focal: focal), let before = measure.before,
                let after = measure.after
            else { continue }
            let isShare =
                measure.metric.hasPrefix("focal_share") || measure.metric.hasPrefix("board_")
                || measure.metric == "chair_share"
            let format = isShare ? Self.percent : Self.number
            var text: String
            if format(before) == format(after) {
                text = "\(phrase) stayed at \(format(after))"
            } else {
                text = "\(phrase) \(after > before ? "rose" : "fell") from \(format(before)) to \(format(after))"
            }
            if let p = measure.pValue {
                text +=
                    p < AreaAnalysis.alpha
                    ? " (dyad-swap test \(Self.pText(p)): more than chance would give)"
                    : " (dyad-swap test \(Self.pText(p)): within what chance gives)"
            } else if !Self.isTested(measure.metric) {
                text += " (a change of seats, not tested)"
            }
            lines.append(text.prefix(1).uppercased() + text.dropFirst() + ".")
        }
        return lines
    }

    /// The headline measures read out, and how.
    static func phrase(_ metric: String, focal: String) -> String? {
        switch metric {
        case "density": "density"
        case "degree_centralization": "degree centralization"
        case "betweenness_centralization": "betweenness centralization"
        case "ei_index": "the E-I index between sectors (−1 all ties within, +1 all between)"
        case "modularity_groups": "the modularity of the sectors"
        case "focal_share[degree]": "the \(focal) sector's share of degree"
        case "focal_share[betweenness]": "the \(focal) sector's share of betweenness"
        case "focal_share[eigenvector]": "the \(focal) sector's share of eigenvector centrality"
        case "fragmentation_without_focal": "fragmentation without the \(focal) sector"
        case "gini[betweenness]": "inequality of betweenness (Gini)"
        case "chair_share": "the \(focal) sector's share of chairs"
        case "board_vote_share": "the \(focal) sector's share of votes on the main board"
        case "board_banzhaf": "the \(focal) sector's Banzhaf power on the main board"
        default: nil
        }
    }

    /// The report for people: per pair, what was compared, the reading, the membership, the
    /// tie table and the headline measures with their tests.
    public func text(title: String) -> String {
        var lines = ["Change: \(title)", ""]
        for pair in pairs {
            let overall =
                waves.count > 2 && pair.before.label == waves[0].label && pair.after.label == waves.last!.label
            lines.append("\(overall ? "Overall, " : "")\(pair.before.label) → \(pair.after.label)")
            lines.append(String(repeating: "=", count: lines.last!.count))
            lines.append(
                "Compared: \(pair.scope.phrase), \(pair.organisations.count) "
                    + "(\(pair.before.area.organisations.count) in \(pair.before.label), "
                    + "\(pair.after.area.organisations.count) in \(pair.after.label)).")
            lines.append("")
            lines.append("Reading:")
            lines += reading(pair).map { "  - \($0)" }
            lines.append("")
            lines.append("Ties (pairs: ordered in a directed relation, unordered in an undirected one):")
            lines.append("")
            lines.append(tieTable(pair).rendered(as: .table))
            lines.append(
                "Headline measures (dyad-swap test: p = share of \(pair.swaps) random swaps of the "
                    + "\(pair.swappablePairs) pairs tied in either wave giving as large a change; "
                    + "–: not tested):")
            lines.append("")
            lines.append(headlineTable(pair).rendered(as: .table))
        }
        return lines.joined(separator: "\n")
    }

    /// One row per relation: the transition table, Hamming, Jaccard, QAP r and p.
    public func tieTable(_ pair: WavePairChange) -> ResultTable {
        ResultTable(
            columns: ["relation", "pairs", "kept", "lost", "gained", "absent", "hamming", "jaccard", "qap_r", "qap_p"],
            rows: pair.relations.map { relation in
                let t = relation.transition
                return [
                    .text(relation.relation + (relation.isDirected ? "" : " (undirected)")),
                    .number(Double(t.pairs), isCount: true), .number(Double(t.kept), isCount: true),
                    .number(Double(t.lost), isCount: true), .number(Double(t.gained), isCount: true),
                    .number(Double(t.absent), isCount: true), .number(Double(t.hamming), isCount: true),
                    .number(t.jaccard, isCount: false), .number(relation.correlation?.correlation, isCount: false),
                    .number(relation.correlation?.pValues?.pHigh, isCount: false),
                ]
            })
    }

    /// One row per headline measure: before, after, change and the test's p.
    public func headlineTable(_ pair: WavePairChange) -> ResultTable {
        ResultTable(
            columns: ["metric", pair.before.label, pair.after.label, "change", "p"],
            rows: pair.headline.map { measure in
                let isCount = ValueCatalogue.definition(of: measure.metric)?.isCount ?? false
                return [
                    .text(measure.metric), .number(measure.before, isCount: isCount),
                    .number(measure.after, isCount: isCount), .number(measure.difference, isCount: isCount),
                    .number(measure.pValue, isCount: false),
                ]
            })
    }

    /// Everything as one JSON object: the waves, and per pair the membership changes, the
    /// ties per relation, the headline measures and the reading.
    public func json(title: String) -> String {
        let json = ReportText.json
        func organisations(_ list: [Organisation]) -> JSONValue {
            .array(
                list.map {
                    .object(["id": .string($0.id), "name": .string($0.displayName), "sector": .string($0.sector)])
                })
        }
        func partnerships(_ list: [Partnership]) -> JSONValue {
            .array(list.map { .object(["id": .string($0.id), "name": .string($0.displayName)]) })
        }
        let pairValues: [JSONValue] = pairs.map { pair in
            .object([
                "before": .string(pair.before.label), "after": .string(pair.after.label),
                "scope": .string(pair.scope.rawValue),
                "organisations_compared": .number(Double(pair.organisations.count)),
                "organisations_entered": organisations(pair.entered), "organisations_left": organisations(pair.left),
                "partnerships_entered": partnerships(pair.partnershipsEntered),
                "partnerships_left": partnerships(pair.partnershipsLeft),
                "chairs_changed": .array(
                    pair.chairChanges.map {
                        .object([
                            "partnership": .string($0.partnership.id), "before": .array($0.before.map { .string($0) }),
                            "after": .array($0.after.map { .string($0) }),
                        ])
                    }),
                "ties": .array(
                    pair.relations.map { relation in
                        let t = relation.transition
                        return .object([
                            "relation": .string(relation.relation), "directed": .bool(relation.isDirected),
                            "pairs": .number(Double(t.pairs)), "kept": .number(Double(t.kept)),
                            "lost": .number(Double(t.lost)), "gained": .number(Double(t.gained)),
                            "absent": .number(Double(t.absent)), "hamming": .number(Double(t.hamming)),
                            "jaccard": json(t.jaccard), "qap_r": json(relation.correlation?.correlation),
                            "qap_p": json(relation.correlation?.pValues?.pHigh),
                            "qap_note": relation.correlationNote.map { .string($0) } ?? .null,
                        ])
                    }),
                "headline": .array(
                    pair.headline.map { measure in
                        .object([
                            "metric": .string(measure.metric), "before": json(measure.before),
                            "after": json(measure.after), "change": json(measure.difference),
                            "p": json(measure.pValue), "tested": .bool(Self.isTested(measure.metric)),
                        ])
                    }),
                "swaps": .number(Double(pair.swaps)), "swappable_pairs": .number(Double(pair.swappablePairs)),
                "reading": .array(reading(pair).map { .string($0) }),
            ])
        }
        return ReportText.encoded(
            .object([
                "title": .string(title), "waves": .array(waves.map { .string($0.label) }),
                "permutations": .number(Double(settings.permutations)), "seed": .number(Double(settings.seed)),
                "pairs": .array(pairValues),
            ]))
    }
}
