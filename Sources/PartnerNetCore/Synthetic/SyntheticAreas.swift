/// A generative model of local partnership areas, for checking methods where the truth is
/// known: sectors of chosen sizes, ties more likely within sectors than between them
/// (homophily), ties more likely to involve the local authority (its centrality), and a
/// main board with nested sub-partnerships, some of which duplicate one another.
///
/// One area is drawn as follows, every random choice from its own SplitMix64 stream, seeded
/// by SplitMix64's mixing of the collection's seed and the area's number (see
/// ``streamSeed(_:seed:)``), so an area is the same whatever the number of areas generated
/// with it, and no two areas share draws.
///
/// 1. **Parameters.** Each parameter given as a range is drawn uniformly from it for the
///    area: the number of organisations n, the base tie probability p, the homophily h
///    (how many times likelier a tie within a sector is than one between sectors) and the
///    local authority's centrality λ (how many times likelier a tie is when one end is a
///    local-authority organisation).
/// 2. **Organisations.** Sector sizes are n × ``sectorShares``, rounded, with at least one
///    organisation of each sector; the remainder goes to the largest share.
/// 3. **Ties** (relation `information`, directed, weights 1–4). For each pair {i, j}, a tie
///    is present with probability `min(1, q · (h if same sector else 1) · (λ if either is
///    local-authority else 1))`, q chosen so that with λ = 1 the expected number of pairs
///    tied is p · n(n − 1)/2 (so h moves ties within sectors without changing the density).
///    A present tie runs both ways with probability ``reciprocity``, else one way, either
///    way equally likely.
/// 4. **Partnerships.** A main board of min(n, 12–20) members, every local-authority
///    organisation on it, the rest drawn at random; 2–5 sub-partnerships nested in the main
///    board (each, with probability 0.3, nested instead in the previous one), of 5–12
///    members drawn with weight λ for local-authority organisations and 1 for others. With
///    probability ``duplication`` a sub-partnership takes the members of an earlier one
///    instead (one member swapped when it can be): the known duplicates. Each partnership's
///    chair is one of its members, drawn with the same weights; each other member is an
///    observer (no vote) with probability 0.1. Quotas are the default majority.
///
/// The parameters drawn are written into each area's `area.json` under `synthetic`, with
/// the pairs of duplicated partnerships, so that a method's answer can be set against them.
public struct SyntheticAreaModel: Sendable {
    public var organisations: ClosedRange<Int> = 25...60
    /// Share of the organisations in each sector, in order.
    public var sectorShares: [(sector: String, share: Double)] = [
        ("local-authority", 0.08), ("public", 0.24), ("business", 0.16), ("voluntary-community", 0.40),
        ("faith", 0.12),
    ]
    public var tieProbability: ClosedRange<Double> = 0.06...0.14
    public var homophily: ClosedRange<Double> = 1...4
    public var localAuthorityCentrality: ClosedRange<Double> = 1...4
    public var reciprocity = 0.5
    public var duplication = 0.15

    public init() {}

    /// The seed of area `index`'s stream: SplitMix64's output for the area's number, mixed
    /// into the collection's seed and mixed again.
    ///
    /// Seeding area k with `seed + γ(k + 1)` (γ SplitMix64's increment), as before, made
    /// area k's stream area k + 1's shifted by one draw: area k's λ was area k + 1's h.
    /// Mixed seeds are unrelated 64-bit numbers, whose streams do not overlap in practice.
    public static func streamSeed(_ index: Int, seed: UInt64) -> UInt64 {
        var number = SplitMix64(seed: UInt64(truncatingIfNeeded: index))
        var mixed = SplitMix64(seed: seed ^ number.next())
        return mixed.next()
    }

    /// Area number `index` (0-based) of the collection seeded by `seed`.
    public func area(_ index: Int, seed: UInt64) -> Area {
        var random = SplitMix64(seed: Self.streamSeed(index, seed: seed))
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        func integer(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(random.next().multipliedFullWidth(by: UInt64(range.count)).high)
        }
        func draw(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + uniform() * (range.upperBound - range.lowerBound)
        }

        let n = integer(organisations)
        let p = draw(tieProbability)
        let h = draw(homophily)
        let lambda = draw(localAuthorityCentrality)
        let place =
            Self.places[index % Self.places.count]
            + (index >= Self.places.count ? " \(index / Self.places.count + 1)" : "")

        // Organisations by sector.
        var sizes = sectorShares.map { max(1, Int(($0.share * Double(n)).rounded())) }
        let largest = sectorShares.indices.max { sectorShares[$0].share < sectorShares[$1].share } ?? 0
        sizes[largest] = max(1, sizes[largest] + n - sizes.reduce(0, +))
        var organisations: [Organisation] = []
        var sectorOf: [Int] = []
        for (s, size) in sizes.enumerated() {
            let sector = sectorShares[s].sector
            let kinds = Self.kinds[sector] ?? ["Organisation"]
            for k in 0..<size {
                let kind = kinds[k % kinds.count] + (k >= kinds.count ? " \(k / kinds.count + 1)" : "")
                organisations.append(
                    Organisation(id: "\(Self.prefix(sector))\(k + 1)", name: "\(place) \(kind)", sector: sector))
                sectorOf.append(s)
            }
        }
        let count = organisations.count
        let isAuthority = organisations.map { $0.sector == "local-authority" }

        // Ties: q keeps the expected number of tied pairs at p · n(n − 1)/2 when λ = 1.
        var samePairs = 0
        for size in sizes { samePairs += size * (size - 1) / 2 }
        let allPairs = count * (count - 1) / 2
        let q = p * Double(allPairs) / (h * Double(samePairs) + Double(allPairs - samePairs))
        var relationships: [Relationship] = []
        for i in 0..<count {
            for j in (i + 1)..<max(i + 1, count) {
                var probability = q * (sectorOf[i] == sectorOf[j] ? h : 1)
                if isAuthority[i] || isAuthority[j] { probability *= lambda }
                guard uniform() < min(1, probability) else { continue }
                let weight = Double(integer(1...4))
                if uniform() < reciprocity {
                    relationships.append(
                        Relationship(
                            source: organisations[i].id, target: organisations[j].id, weight: weight,
                            relation: "information"))
                    relationships.append(
                        Relationship(
                            source: organisations[j].id, target: organisations[i].id, weight: weight,
                            relation: "information"))
                } else {
                    let (a, b) = uniform() < 0.5 ? (i, j) : (j, i)
                    relationships.append(
                        Relationship(
                            source: organisations[a].id, target: organisations[b].id, weight: weight,
                            relation: "information"))
                }
            }
        }

        // Partnerships.
        func weightedSample(_ size: Int, from pool: [Int]) -> [Int] {
            var pool = pool
            var chosen: [Int] = []
            while chosen.count < size, !pool.isEmpty {
                let weights = pool.map { isAuthority[$0] ? lambda : 1 }
                var target = uniform() * weights.reduce(0, +)
                var pick = pool.count - 1
                for (k, w) in weights.enumerated() {
                    target -= w
                    if target < 0 { pick = k; break }
                }
                chosen.append(pool.remove(at: pick))
            }
            return chosen.sorted()
        }
        var partnerships = [Partnership(id: "board", name: "\(place) Partnership Board")]
        var boardMembers = (0..<count).filter { isAuthority[$0] }
        let others = (0..<count).filter { !isAuthority[$0] }
        let boardSize = min(count, integer(12...20))
        var rest = others
        while boardMembers.count < boardSize, !rest.isEmpty {
            boardMembers.append(rest.remove(at: integer(0...(rest.count - 1))))
        }
        var members: [[Int]] = [boardMembers.sorted()]
        var duplicated: [JSONValue] = []
        var themes = Self.themes
        for k in stride(from: themes.count - 1, to: 0, by: -1) { themes.swapAt(k, integer(0...k)) }
        for k in 0..<integer(2...5) {
            let id = "p\(k + 1)"
            let parent = k > 0 && uniform() < 0.3 ? "p\(k)" : "board"
            partnerships.append(Partnership(id: id, name: "\(place) \(themes[k])", parent: parent))
            if k > 0 && uniform() < duplication {
                let source = integer(1...k)
                var copy = members[source]
                let outside = (0..<count).filter { !copy.contains($0) }
                if !copy.isEmpty, !outside.isEmpty {
                    copy[integer(0...(copy.count - 1))] = outside[integer(0...(outside.count - 1))]
                }
                members.append(copy.sorted())
                duplicated.append(.array([.string("p\(source)"), .string(id)]))
            } else {
                members.append(weightedSample(integer(5...12), from: Array(0..<count)))
            }
        }
        var memberships: [Membership] = []
        for (index, list) in members.enumerated() {
            let chair = weightedSample(1, from: list).first
            for member in list {
                let role: MembershipRole = member == chair ? .chair : (uniform() < 0.1 ? .observer : .member)
                memberships.append(
                    Membership(partnership: partnerships[index].id, organisation: organisations[member].id, role: role))
            }
        }
        let truth: JSONValue = .object([
            "seed": .number(Double(seed)), "area": .number(Double(index + 1)), "organisations": .number(Double(count)),
            "tie_probability": .number(p), "homophily": .number(h), "local_authority_centrality": .number(lambda),
            "reciprocity": .number(reciprocity), "duplicated_partnerships": .array(duplicated),
        ])
        return Area(
            metadata: AreaMetadata(
                name: "\(place) (synthetic)", directed: true, focalSector: "local-authority",
                extra: ["synthetic": truth]),
            organisations: organisations, relationships: Relationships(relationships), partnerships: partnerships,
            memberships: memberships)
    }

    static func prefix(_ sector: String) -> String {
        switch sector {
        case "local-authority": "la"
        case "public": "pub"
        case "business": "bus"
        case "voluntary-community": "vcs"
        case "faith": "faith"
        default: String(sector.prefix(3))
        }
    }

    static let kinds: [String: [String]] = [
        "local-authority": ["Borough Council", "County Council", "Town Council", "Parish Council"],
        "public": [
            "NHS Trust", "Integrated Care Board", "Police", "Fire and Rescue Service", "College", "Probation Service",
            "Jobcentre Plus", "Public Health", "Housing Association",
        ],
        "business": [
            "Chamber of Commerce", "Business Improvement District", "Employers' Forum", "Retail Group", "Manufacturers",
        ],
        "voluntary-community": [
            "Council for Voluntary Service", "Citizens Advice", "Food Bank", "Youth Trust", "Women's Aid",
            "Age Concern",
            "Community Transport", "Mind", "Carers' Centre", "Residents' Association", "Credit Union", "Sports Trust",
        ],
        "faith": ["Churches Together", "Mosque", "Gurdwara", "Synagogue", "Interfaith Forum"],
    ]

    static let themes = [
        "Health and Wellbeing Board", "Community Safety Partnership", "Economic Partnership",
        "Children and Young People's Partnership", "Housing Forum", "Climate Partnership", "Skills Board",
        "Older People's Forum",
    ]

    static let places = [
        "Ashby Vale", "Brookmere", "Calderfield", "Dunsworth", "Eastholme", "Fernley", "Gartonbury", "Hollinsford",
        "Ivybridge Marsh", "Kettlewick", "Longmoor", "Marrowdale", "Netherby Cross", "Oakhampstead", "Pellingham",
        "Quarrington", "Redmarley", "Saltcote", "Thornbury Edge", "Upwell Fen",
    ]
}
