import PartnerNetCore

extension AreaMetadata {
    /// Keys of `area.json` that PartnerNet interprets.
    static let knownKeys = ["name", "directed", "relations", "focal_sector"]

    /// Reads the metadata keys of `object`, keeping every other key except `ignoring`.
    init(
        json object: [String: JSONValue], file: String, ignoring: Set<String> = [], into diagnostics: inout [Diagnostic]
    ) {
        let fields = JSONFields(object: object, file: file, path: nil)
        var relations: [String: RelationOptions] = [:]
        switch object["relations"] {
        case nil, .null?:
            break
        case .object(let entries)?:
            for (relation, value) in entries {
                guard case .object(let options) = value else {
                    diagnostics.append(
                        .error(
                            at: fields.location("relations.\(relation)"),
                            "must be an object such as {\"directed\": true}"))
                    continue
                }
                let relationFields = JSONFields(object: options, file: file, path: "relations.\(relation)")
                relations[relation] = RelationOptions(
                    directed: relationFields.bool("directed", into: &diagnostics),
                    extra: options.filter { $0.key != "directed" })
            }
        default:
            diagnostics.append(
                .error(at: fields.location("relations"), "relations must be an object keyed by relation name"))
        }
        self.init(
            name: fields.string("name", into: &diagnostics),
            directed: fields.bool("directed", into: &diagnostics) ?? false,
            relations: relations,
            focalSector: fields.string("focal_sector", into: &diagnostics),
            extra: object.filter { !Self.knownKeys.contains($0.key) && !ignoring.contains($0.key) })
    }

    /// The metadata as `area.json` keys; defaults are written out so the file explains itself.
    var json: [String: JSONValue] {
        var object = extra
        if let name { object["name"] = .string(name) }
        object["directed"] = .bool(directed)
        if !relations.isEmpty {
            object["relations"] = .object(
                relations.mapValues { options in
                    var entry = options.extra
                    if let directed = options.directed { entry["directed"] = .bool(directed) }
                    return .object(entry)
                })
        }
        if let focalSector { object["focal_sector"] = .string(focalSector) }
        return object
    }
}
