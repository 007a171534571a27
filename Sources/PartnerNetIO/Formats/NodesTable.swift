import PartnerNetCore

/// A nodes file given with `--nodes`: an `organisations.csv` table completing the
/// organisations of a format that has no node attributes (an edge list, DL, Pajek), or
/// adding isolates that an edge list cannot name.
enum NodesTable {
    /// Merges the table at `file` into the organisations read: each row gives its
    /// organisation's name, sector, subsector and columns (over what the format said), in
    /// the table's order; organisations the table does not name follow in the order read.
    ///
    /// - Complexity: O(rows + organisations) expected time.
    static func merge(_ file: String, into parsed: inout ParsedArea) {
        var diagnostics: [Diagnostic] = []
        let rows: [(Organisation, RowOrigin)]
        let extras: [String]
        do {
            let text = try UTF8Text.decode(try AreaFolder.contents(of: file), file: file)
            let table = try CSVTable.parse(text, file: file, into: &diagnostics)
            guard let mapping = TableSchema.organisations.mapping(of: table, into: &diagnostics) else {
                parsed.assembly.diagnostics += diagnostics
                return
            }
            extras = mapping.extras.map(\.name)
            rows = table.rows.map { row in
                let name = mapping.value("name", in: row)
                let subsector = mapping.value("subsector", in: row)
                return (
                    Organisation(
                        id: mapping.value("id", in: row), name: name.isEmpty ? nil : name,
                        sector: mapping.value("sector", in: row), subsector: subsector.isEmpty ? nil : subsector,
                        attributes: mapping.attributes(of: row)),
                    RowOrigin(file: file, line: row.line, columns: mapping.columns)
                )
            }
        } catch {
            parsed.assembly.diagnostics += diagnostics + [error.diagnostic]
            return
        }
        parsed.assembly.diagnostics += diagnostics
        var area = parsed.assembly.area
        var readIndex: [String: Int] = [:]
        for (index, organisation) in area.organisations.enumerated() where readIndex[organisation.id] == nil {
            readIndex[organisation.id] = index
        }
        var used = Set<Int>()
        var organisations: [Organisation] = []
        var origins: [RowOrigin] = []
        for (row, origin) in rows {
            var merged = row
            if let index = readIndex[row.id], used.insert(index).inserted {
                let read = area.organisations[index]
                merged.name = row.name ?? read.name
                merged.subsector = row.subsector ?? read.subsector
                merged.attributes = read.attributes.merging(row.attributes) { $1 }
            }
            parsed.missingSector.remove(row.id)
            organisations.append(merged)
            origins.append(origin)
        }
        for (index, organisation) in area.organisations.enumerated() where !used.contains(index) {
            organisations.append(organisation)
            origins.append(parsed.assembly.origins.organisations[index])
        }
        area.organisations = organisations
        area.extraColumns.organisations += extras.filter { !area.extraColumns.organisations.contains($0) }
        parsed.assembly.area = area
        parsed.assembly.origins.organisations = RowOrigins(origins)
    }

    /// One warning naming the organisations whose sector is unknown.
    static func warnMissingSectors(in parsed: inout ParsedArea, file: String, format: AreaFormat) {
        let missing = parsed.assembly.area.organisations.map(\.id).filter { parsed.missingSector.contains($0) }
        guard !missing.isEmpty else { return }
        let total = parsed.assembly.area.organisations.count
        let which =
            missing.count == total
            ? (total == 1 ? "the organisation has no sector" : "none of the \(total) organisations has a sector")
            : "\(missing.count) of \(total) organisations have no sector"
        let examples = missing.prefix(3).map(quoted).joined(separator: ", ") + (missing.count > 3 ? ", …" : "")
        parsed.assembly.diagnostics.append(
            .warning(
                at: SourceLocation(file: file),
                "\(which) (\(examples)): their sector is \(quoted(ParsedArea.unknownSector)); "
                    + "give sectors in a nodes file (--nodes-file FILE: id,name,sector,…)"))
    }

    /// The organisations table, as `organisations.csv`.
    static func encode(_ area: Area) -> String {
        let listed = area.extraColumns.organisations
        let extras =
            listed + Set(area.organisations.flatMap(\.attributes.keys)).subtracting(listed).sorted()
        return CSVText.encode(
            header: TableSchema.organisations.known + extras,
            rows: area.organisations.map { organisation in
                [organisation.id, organisation.name ?? "", organisation.sector, organisation.subsector ?? ""]
                    + extras.map { organisation.attributes[$0] ?? "" }
            })
    }
}
