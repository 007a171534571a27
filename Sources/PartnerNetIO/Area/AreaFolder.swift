import Foundation
import PartnerNetCore

#if canImport(Glibc)
    import Glibc
#endif

/// The area folder: `area.json` (optional), `organisations.csv`, `relationships.csv`,
/// `partnerships.csv` and `memberships.csv` (optional, together). See `Datasets/README.md`.
public enum AreaFolder {
    static let metadataFile = "area.json"
    static let organisationsFile = "organisations.csv"
    static let relationshipsFile = "relationships.csv"
    static let partnershipsFile = "partnerships.csv"
    static let membershipsFile = "memberships.csv"

    /// Whether `path` is a folder holding an `organisations.csv` (in any letter case).
    public static func isArea(_ path: String) -> Bool {
        (try? files(in: path))?[organisationsFile] != nil
    }

    /// Whether `path` is a folder holding any of the area files (`area.json`, or one of the
    /// CSV files): an area, perhaps a broken one. A collection lists these, so that an area
    /// missing its `organisations.csv` is reported rather than passed over.
    public static func looksLikeArea(_ path: String) -> Bool {
        guard let names = try? files(in: path) else { return false }
        return [metadataFile, organisationsFile, relationshipsFile, partnershipsFile, membershipsFile].contains {
            names[$0] != nil
        }
    }

    /// Reads the area in the folder at `path`.
    ///
    /// Every problem is found before anything is returned: a file that cannot be decoded as
    /// UTF-8 or parsed as CSV stops only that file, and the others are still checked.
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)`` with every error and warning, each with
    ///   file, line, column and reason.
    /// - Complexity: O(size of the files).
    public static func read(at path: String) throws(AreaIOError) -> LoadedArea {
        var assembly = AreaAssembly()
        let present: [String: String]
        do {
            present = try files(in: path)
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? "not a readable folder (\(error.localizedDescription))" : AreaSource.missingReason(path)
            throw .invalidInput([.error(at: SourceLocation(file: path), reason)])
        }
        func file(_ name: String) -> String? { present[name].map { join(path, $0) } }

        if let metadata = file(metadataFile) {
            readMetadata(at: metadata, into: &assembly)
        }
        guard let organisations = file(organisationsFile) else {
            throw .invalidInput([
                .error(at: SourceLocation(file: path), "not an area folder: it has no \(organisationsFile)")
            ])
        }
        readOrganisations(at: organisations, into: &assembly)
        if let relationships = file(relationshipsFile) {
            readRelationships(at: relationships, into: &assembly)
        } else {
            assembly.diagnostics.append(
                .error(
                    at: SourceLocation(file: join(path, relationshipsFile)),
                    "missing required file (it may hold a header only: source,target,weight,relation)"))
        }
        let partnerships = file(partnershipsFile)
        let memberships = file(membershipsFile)
        assembly.origins.hasPartnershipsTable = partnerships != nil
        assembly.origins.membershipsFile = memberships ?? join(path, membershipsFile)
        if let partnerships { readPartnerships(at: partnerships, into: &assembly) }
        if let memberships {
            readMemberships(at: memberships, into: &assembly)
        } else if partnerships != nil {
            assembly.diagnostics.append(
                .error(
                    at: SourceLocation(file: join(path, membershipsFile)),
                    "missing: \(membershipsFile) is required when \(partnershipsFile) is present"))
        }
        return try assembly.finish(path: path)
    }

    /// Writes `area` into the folder at `path`, creating it (and its parents) if needed.
    /// Extra columns are written in the order they were read; `partnerships.csv` and
    /// `memberships.csv` only when the area has partnerships or memberships.
    ///
    /// The files are first written into a temporary sibling folder, so that a failure (a
    /// full disk) leaves nothing behind; a new folder is then renamed into place, and an
    /// existing one receives the files by ``SafeFileWriter``'s rules.
    ///
    /// - Parameter replacing: whether a folder that is not empty may be written into. Its
    ///   area files are then replaced and the ones the new area has no use for removed
    ///   (a stale `memberships.csv` would mix two areas); other files stay.
    /// - Throws: ``AreaIOError/cannotWrite(path:reason:)``, also when `path` is a file, or
    ///   a folder that is not empty and `replacing` is false.
    public static func write(_ area: Area, to path: String, replacing: Bool = false) throws(AreaIOError) {
        let outputs = encode(area)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { throw .cannotWrite(path: path, reason: "exists and is not a folder") }
        let existing = exists ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []) : []
        if !existing.isEmpty && !replacing {
            throw .cannotWrite(path: path, reason: "the folder is not empty")
        }
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let parent = (trimmed as NSString).deletingLastPathComponent
        let staging: String
        do {
            if !parent.isEmpty {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            // mkdir(2) with 0777 gives what the folder itself would get (less the umask).
            staging = try SafeFileWriter.createUnique(
                in: parent, prefix: ".\((trimmed as NSString).lastPathComponent).partial-", reportAs: path
            ) { mkdir($0, 0o777) }.1
        } catch {
            throw .cannotWrite(path: path, reason: (error as? FileWriteError)?.reason ?? error.localizedDescription)
        }
        var staged = false
        defer {
            if !staged { try? FileManager.default.removeItem(atPath: staging) }
        }
        for (name, text) in outputs {
            do {
                try SafeFileWriter.write(text, to: join(staging, name))
            } catch {
                throw .cannotWrite(path: join(path, name), reason: error.reason)
            }
        }
        if !exists {
            guard rename(staging, trimmed) == 0 else {
                throw .cannotWrite(path: path, reason: SafeFileWriter.message(errno))
            }
            staged = true
            return
        }
        for (name, text) in outputs {
            do {
                try SafeFileWriter.write(text, to: join(path, name))
            } catch {
                throw .cannotWrite(path: join(path, name), reason: error.reason)
            }
        }
        // Area files (in any letter case) the new area does not have.
        let written = Set(outputs.map { $0.0 })
        let areaFiles = [metadataFile, organisationsFile, relationshipsFile, partnershipsFile, membershipsFile]
        for name in existing where areaFiles.contains(name.lowercased()) && !written.contains(name) {
            do {
                try FileManager.default.removeItem(atPath: join(path, name))
            } catch {
                throw .cannotWrite(
                    path: join(path, name), reason: "cannot remove the old file: \(error.localizedDescription)")
            }
        }
    }

    /// The files of `area`'s folder, by name.
    static func encode(_ area: Area) -> [(String, String)] {
        let columns = area.extraColumns
        func extras(_ order: [String], _ rows: [[String: String]]) -> [String] {
            let listed = Set(order)
            return order + Set(rows.flatMap(\.keys)).subtracting(listed).sorted()
        }
        let organisationExtras = extras(columns.organisations, area.organisations.map(\.attributes))
        let organisations = CSVText.encode(
            header: TableSchema.organisations.known + organisationExtras,
            rows: area.organisations.map { organisation in
                [organisation.id, organisation.name ?? "", organisation.sector, organisation.subsector ?? ""]
                    + organisationExtras.map { organisation.attributes[$0] ?? "" }
            })
        let relationshipExtras = extras(
            columns.relationships, area.relationships.map(\.attributes) + area.unknownTies.map(\.attributes))
        // Unknown ties follow the known ones, as `NA` rows.
        let relationships = CSVText.encode(
            header: TableSchema.relationships.known + relationshipExtras,
            rows: area.relationships.map { tie in
                [tie.source, tie.target, formatNumber(tie.weight), tie.relation]
                    + relationshipExtras.map { tie.attributes[$0] ?? "" }
            }
                + area.unknownTies.map { tie in
                    [tie.source, tie.target, UnknownTie.weightText, tie.relation]
                        + relationshipExtras.map { tie.attributes[$0] ?? "" }
                })
        var outputs = [
            (metadataFile, JSONText.encode(area.metadata)),
            (organisationsFile, organisations),
            (relationshipsFile, relationships),
        ]
        if !area.partnerships.isEmpty || !area.memberships.isEmpty {
            let partnershipExtras = extras(columns.partnerships, area.partnerships.map(\.attributes))
            let membershipExtras = extras(columns.memberships, area.memberships.map(\.attributes))
            outputs.append(
                (
                    partnershipsFile,
                    CSVText.encode(
                        header: TableSchema.partnerships.known + partnershipExtras,
                        rows: area.partnerships.map { partnership in
                            [
                                partnership.id, partnership.name ?? "", partnership.parent ?? "",
                                partnership.quota.map(String.init) ?? "",
                            ] + partnershipExtras.map { partnership.attributes[$0] ?? "" }
                        })
                ))
            outputs.append(
                (
                    membershipsFile,
                    CSVText.encode(
                        header: TableSchema.memberships.known + membershipExtras,
                        rows: area.memberships.map { seat in
                            [seat.partnership, seat.organisation, seat.role.rawValue, String(seat.votes)]
                                + membershipExtras.map { seat.attributes[$0] ?? "" }
                        })
                ))
        }
        return outputs
    }

    // MARK: Reading each file

    private static func readMetadata(at file: String, into assembly: inout AreaAssembly) {
        do {
            assembly.area.metadata = try JSONText.decode(
                AreaMetadata.self, from: try contents(of: file), file: file, shape: .metadata)
        } catch {
            assembly.diagnostics += error.all
        }
    }

    static func readOrganisations(at file: String, into assembly: inout AreaAssembly) {
        guard let (table, mapping) = readTable(at: file, schema: .organisations, into: &assembly) else {
            assembly.unreadable.insert(.organisations)
            return
        }
        assembly.area.extraColumns.organisations = mapping.extras.map(\.name)
        for row in table.rows {
            let name = mapping.value("name", in: row)
            let subsector = mapping.value("subsector", in: row)
            assembly.area.organisations.append(
                Organisation(
                    id: mapping.value("id", in: row), name: name.isEmpty ? nil : name,
                    sector: mapping.value("sector", in: row), subsector: subsector.isEmpty ? nil : subsector,
                    attributes: mapping.attributes(of: row)))
            assembly.origins.organisations.append(RowOrigin(file: file, line: row.line, columns: mapping.columns))
        }
    }

    private static func readRelationships(at file: String, into assembly: inout AreaAssembly) {
        guard let (table, mapping) = readTable(at: file, schema: .relationships, into: &assembly) else {
            assembly.unreadable.insert(.relationships)
            return
        }
        assembly.area.extraColumns.relationships = mapping.extras.map(\.name)
        assembly.area.relationships.reserveCapacity(table.rows.count)
        assembly.origins.relationships.reserveCapacity(table.rows.count)
        let columns = mapping.columns
        for row in table.rows {
            let origin = RowOrigin(file: file, line: row.line, columns: columns)
            let weightCell = mapping.value("weight", in: row).trimmingWhitespace()
            let relation = mapping.value("relation", in: row)
            if UnknownTie.isUnknownWeight(weightCell) {
                assembly.area.unknownTies.append(
                    UnknownTie(
                        source: mapping.value("source", in: row), target: mapping.value("target", in: row),
                        relation: relation.isEmpty ? Relationship.defaultRelation : relation,
                        attributes: mapping.attributes(of: row)))
                assembly.origins.unknownTies.append(origin)
                continue
            }
            var weight = 1.0
            if !weightCell.isEmpty {
                if let value = DecimalText.number(weightCell) {
                    weight = value
                } else {
                    assembly.diagnostics.append(
                        .error(
                            at: origin.location("weight"),
                            "weight must be a positive finite number or NA (unknown), got \"\(weightCell)\""))
                }
            }
            assembly.area.relationships.append(
                Relationship(
                    source: mapping.value("source", in: row), target: mapping.value("target", in: row),
                    weight: weight, relation: relation.isEmpty ? Relationship.defaultRelation : relation,
                    attributes: mapping.attributes(of: row)))
            assembly.origins.relationships.append(origin)
        }
    }

    private static func readPartnerships(at file: String, into assembly: inout AreaAssembly) {
        guard let (table, mapping) = readTable(at: file, schema: .partnerships, into: &assembly) else {
            assembly.unreadable.insert(.partnerships)
            return
        }
        assembly.area.extraColumns.partnerships = mapping.extras.map(\.name)
        for row in table.rows {
            let origin = RowOrigin(file: file, line: row.line, columns: mapping.columns)
            let name = mapping.value("name", in: row)
            let parent = mapping.value("parent", in: row)
            assembly.area.partnerships.append(
                Partnership(
                    id: mapping.value("id", in: row), name: name.isEmpty ? nil : name,
                    parent: parent.isEmpty ? nil : parent,
                    quota: wholeNumber("quota", mapping.value("quota", in: row), origin, &assembly.diagnostics),
                    attributes: mapping.attributes(of: row)))
            assembly.origins.partnerships.append(origin)
        }
    }

    private static func readMemberships(at file: String, into assembly: inout AreaAssembly) {
        guard let (table, mapping) = readTable(at: file, schema: .memberships, into: &assembly) else {
            assembly.unreadable.insert(.memberships)
            return
        }
        assembly.area.extraColumns.memberships = mapping.extras.map(\.name)
        for row in table.rows {
            let origin = RowOrigin(file: file, line: row.line, columns: mapping.columns)
            let roleCell = mapping.value("role", in: row)
            let role = MembershipRole(text: roleCell)
            if role == nil {
                assembly.diagnostics.append(
                    .error(
                        at: origin.location("role"),
                        "unknown role \"\(roleCell)\": use one of \(MembershipRole.vocabulary)"))
            }
            assembly.area.memberships.append(
                Membership(
                    partnership: mapping.value("partnership", in: row),
                    organisation: mapping.value("organisation", in: row), role: role ?? .member,
                    votes: wholeNumber("votes", mapping.value("votes", in: row), origin, &assembly.diagnostics),
                    attributes: mapping.attributes(of: row)))
            assembly.origins.memberships.append(origin)
        }
    }

    // MARK: Helpers

    /// Reads, decodes and parses one CSV file and maps its header; `nil` when it cannot be used.
    private static func readTable(
        at file: String, schema: TableSchema, into assembly: inout AreaAssembly
    )
        -> (CSVTable, TableSchema.Mapping)?
    {
        do {
            let (text, table) = try WorkProgress.stage("reading \((file as NSString).lastPathComponent)") {
                () throws(DiagnosticError) in
                let text = try UTF8Text.decode(try contents(of: file), file: file)
                return (text, try CSVTable.parse(text, file: file, into: &assembly.diagnostics))
            }
            _ = text
            guard let mapping = schema.mapping(of: table, into: &assembly.diagnostics) else { return nil }
            return (table, mapping)
        } catch {
            assembly.diagnostics.append(error.diagnostic)
            return nil
        }
    }

    /// A whole-number cell: `nil` when empty or not a whole number (then reported).
    private static func wholeNumber(
        _ field: String, _ cell: String, _ origin: RowOrigin, _ diagnostics: inout [Diagnostic]
    ) -> Int? {
        let text = cell.trimmingWhitespace()
        if text.isEmpty { return nil }
        if let value = Int(text) { return value }
        diagnostics.append(.error(at: origin.location(field), "\(field) must be a whole number, got \"\(text)\""))
        return nil
    }

    static func contents(of file: String) throws(DiagnosticError) -> Data {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DiagnosticError(.error(at: SourceLocation(file: file), "cannot read the file"))
        }
        return data
    }

    /// The folder's files by lower-cased name, so `Organisations.csv` is found too.
    private static func files(in path: String) throws -> [String: String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CocoaError(.fileNoSuchFile)
        }
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() {
            files[name.lowercased()] = files[name.lowercased()] ?? name
        }
        return files
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
