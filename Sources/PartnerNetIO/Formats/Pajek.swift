import Foundation
import PartnerNetCore

/// Pajek's `.net` network files (Batagelj & Mrvar, *Pajek: Program for Analysis and
/// Visualization of Large Networks*, reference manual, chapter "Input file formats").
///
/// Read: `*Network name`; `*Vertices n` with lines `i "label" [x y [z]] [shape] [key
/// value]…` (coordinates become the columns `x`, `y`, `z`; the shape `shape`; other pairs
/// columns by their key); `*Arcs`, `*Edges`, `*Arcslist`, `*Edgeslist` and `*Matrix`
/// sections, each optionally a relation of a multi-relational network (`*Arcs :2
/// "funding"`, or lines prefixed `2:`), lines `i j [weight] [key value]…`; two-mode
/// networks (`*Vertices n n1`: the first n1 vertices organisations, the rest partnerships,
/// ties between them memberships whose value is the votes). `%` starts a comment line.
///
/// Written: the area's name, vertices labelled by id (with `x y [z]` when every
/// organisation has them), one section per relation — `*Arcs` or `*Edges` by its
/// direction, `:k "relation"` — in the order the relations first appear; an area with
/// memberships and no relationships as a two-mode network.
///
/// Unnamed sections are the relation `tie`; when a file has both unnamed `*Arcs` and
/// unnamed `*Edges`, they are the relations `arc` and `edge` (a relation has one direction).
enum PajekFormat {
    // MARK: Reading

    /// Reads the network in `data` (see ``PajekReader`` for the sections).
    ///
    /// - Parameter limits: the declared-size rule (a parameter for the tests).
    static func parse(_ data: Data, file: String, limits: ReadLimits = .standard) throws(AreaIOError) -> ParsedArea {
        let text: String
        do {
            text = try UTF8Text.decode(data, file: file)
        } catch {
            throw .invalidInput([error.diagnostic])
        }
        var reader = PajekReader(text: text, file: file, byteCount: data.count, limits: limits)
        return try reader.read()
    }

    // MARK: Writing

    /// The area as a Pajek network, and what Pajek could not carry.
    static func encode(_ area: Area) -> (text: String, lost: [String]) {
        var lost: [String] = []
        let twoMode = area.relationships.isEmpty && !area.memberships.isEmpty
        var out = ""
        out.reserveCapacity(64 + area.relationships.count * 16)
        if let name = area.metadata.name { out += "*Network \(label(name))\n" }

        // Coordinates travel when every organisation has them.
        let organisations = area.organisations
        let hasXY =
            !organisations.isEmpty
            && organisations.allSatisfy { o in
                ["x", "y"].allSatisfy { o.attributes[$0].flatMap(Double.init) != nil }
            }
        let hasZ = hasXY && organisations.allSatisfy { $0.attributes["z"].flatMap(Double.init) != nil }
        let carriedColumns: Set<String> = hasXY ? (hasZ ? ["x", "y", "z"] : ["x", "y"]) : []

        var number: [String: Int] = [:]
        let vertexTotal = organisations.count + (twoMode ? area.partnerships.count : 0)
        out += twoMode ? "*Vertices \(vertexTotal) \(organisations.count)\n" : "*Vertices \(vertexTotal)\n"
        var unwritable: [String] = []
        for (index, organisation) in organisations.enumerated() {
            if number[organisation.id] == nil { number[organisation.id] = index + 1 }
            if !canLabel(organisation.id) { unwritable.append(organisation.id) }
            out += "\(index + 1) \(label(organisation.id))"
            if hasXY {
                out += " \(organisation.attributes["x"]!) \(organisation.attributes["y"]!)"
                if hasZ { out += " \(organisation.attributes["z"]!)" }
            }
            out += "\n"
        }
        var partnershipNumber: [String: Int] = [:]
        if twoMode {
            for (index, partnership) in area.partnerships.enumerated() {
                let vertex = organisations.count + index + 1
                if partnershipNumber[partnership.id] == nil { partnershipNumber[partnership.id] = vertex }
                if !canLabel(partnership.id) { unwritable.append(partnership.id) }
                out += "\(vertex) \(label(partnership.id))\n"
            }
        }

        if let fields = lostOrganisationFields(organisations, carried: carriedColumns) {
            lost.append("organisation \(fields)")
        }

        if twoMode {
            out += "*Edges\n"
            for seat in area.memberships {
                guard let a = number[seat.organisation], let b = partnershipNumber[seat.partnership] else { continue }
                out += "\(a) \(b) \(seat.votes)\n"
            }
            var partnershipLost: [String] = []
            if area.partnerships.contains(where: {
                $0.name != nil || $0.parent != nil || $0.quota != nil || !$0.attributes.isEmpty
            }) {
                partnershipLost.append("partnership names, parents, quotas and columns")
            }
            if area.memberships.contains(where: { $0.role != .member || !$0.attributes.isEmpty }) {
                partnershipLost.append("membership roles and columns (votes are the tie values)")
            }
            lost += partnershipLost
        } else {
            let relations = area.relationNames
            var byRelation: [String: [Relationship]] = [:]
            for tie in area.relationships { byRelation[tie.relation, default: []].append(tie) }
            // One relation gets a plain header, which igraph and networkx read; several need
            // Pajek's multi-relational headers, which they do not.
            if relations.count == 1 && relations[0] != Relationship.defaultRelation {
                lost.append("the relation's name \(quoted(relations[0])) (a one-relation network has none)")
            }
            for (index, relation) in relations.enumerated() {
                let directed = area.metadata.isDirected(relation: relation)
                out += directed ? "*Arcs" : "*Edges"
                if relations.count > 1 {
                    if !canLabel(relation) { unwritable.append(relation) }
                    out += " :\(index + 1) \(label(relation))"
                }
                out += "\n"
                for tie in byRelation[relation]! {
                    guard let a = number[tie.source], let b = number[tie.target] else { continue }
                    out += "\(a) \(b) \(formatNumber(tie.weight))\n"
                }
            }
            if area.relationships.contains(where: { !$0.attributes.isEmpty }) {
                lost.append(
                    "relationship columns (\(Set(area.relationships.flatMap(\.attributes.keys)).sorted().joined(separator: ", ")))"
                )
            }
            if !area.partnerships.isEmpty || !area.memberships.isEmpty {
                lost.append(
                    "\(area.partnerships.count) partnerships and \(area.memberships.count) memberships (a Pajek network "
                        + "is one-mode or two-mode; write an area without relationships for a two-mode network)")
            }
        }
        if area.metadata.focalSector != nil || !area.metadata.extra.isEmpty {
            lost.append("area.json keys other than name and directions")
        }
        if let units = area.metadata.lostUnits { lost.append(units) }
        if !unwritable.isEmpty {
            lost.append(
                "double quotes and line breaks in labels (\(unwritable.prefix(3).map(quoted).joined(separator: ", "))), "
                    + "written as single quotes and spaces")
        }
        return (out, lost)
    }

    /// What a format that labels vertices by id alone leaves out of the organisations, or
    /// `nil` when nothing: names, sectors other than "none", subsectors, columns.
    static func lostOrganisationFields(_ organisations: [Organisation], carried: Set<String> = []) -> String? {
        var fields: [String] = []
        if organisations.contains(where: { $0.name != nil }) { fields.append("names") }
        if organisations.contains(where: { $0.sector != ParsedArea.unknownSector }) { fields.append("sectors") }
        if organisations.contains(where: { $0.subsector != nil }) { fields.append("subsectors") }
        let columns = Set(organisations.flatMap(\.attributes.keys)).subtracting(carried).sorted()
        if !columns.isEmpty { fields.append("columns (\(columns.joined(separator: ", ")))") }
        return fields.isEmpty ? nil : fields.joined(separator: ", ")
    }

    /// Whether `text` can be a quoted Pajek label as it is.
    private static func canLabel(_ text: String) -> Bool {
        !text.contains { $0 == "\"" || $0.isNewline }
    }

    /// A quoted label; quotes and line breaks, which Pajek cannot quote, replaced.
    private static func label(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\"" {
                out += "'"
            } else if character.isNewline {
                out += " "
            } else {
                out.append(character)
            }
        }
        return out + "\""
    }
}
