import Foundation
import TestSupport
import Testing

/// `partnernet brokerage` and `partnernet balance` end to end, in every format, against the
/// committed reference values (R sna, networkx, PyPI powerindex) and against each other.
@Suite struct BrokerageBalanceCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    /// Rows of a CSV text (quoted fields allowed, no line breaks inside them; LF or CRLF).
    static func csv(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline).map { line in
            var fields: [String] = []
            var field = ""
            var quoted = false
            var previous: Character = " "
            for character in line {
                if character == "\"" {
                    if quoted && previous == "\"" { field.append("\"") }
                    quoted.toggle()
                } else if character == "," && !quoted {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
                previous = character
            }
            fields.append(field)
            return fields
        }
    }

    /// `metric,value` rows as a dictionary.
    static func metrics(_ text: String) -> [String: Double] {
        var values: [String: Double] = [:]
        for row in csv(text).dropFirst() where row.count == 2 { values[row[0]] = Double(row[1]) }
        return values
    }

    static func fixture(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Paths.repo(path))))
            as! [String: Any]
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    // MARK: brokerage

    @Test func brokerageNodesMatchSna() throws {
        let result = try run(
            "brokerage", "Datasets/knoke_bureaucracies", "--relation", "information", "--nodes", "--format", "csv")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = Self.csv(result.stdout)
        let header = rows[0]
        #expect(header.prefix(3) == ["id", "sector", "coordinator"])
        let cases =
            try Self.fixture("Tests/Fixtures/reference/brokerage/knoke_bureaucracies.json")["cases"] as! [[String: Any]]
        let information = cases.first { $0["label"] as? String == "information" }!
        let raw = information["raw_nli"] as! [String: [Double]]
        let z = information["z_nli"] as! [String: [Any]]
        let roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "brokerage_total"]
        #expect(rows.count == 11)
        for row in rows.dropFirst() {
            for (index, role) in roles.enumerated() {
                let count = Double(row[header.firstIndex(of: role)!])!
                #expect(count == raw[row[0]]![index], "\(row[0]) \(role)")
                let ours = row[header.firstIndex(of: role + "_z")!]
                if let theirs = z[row[0]]![index] as? Double {
                    #expect(Self.close(Double(ours)!, theirs), "\(row[0]) \(role)_z: \(ours) vs sna \(theirs)")
                } else {
                    #expect(ours.isEmpty, "\(row[0]) \(role)_z: \(ours), sna NaN")
                }
            }
        }
    }

    @Test func brokerageSummaryInEveryFormat() throws {
        let table = try run("brokerage", "Datasets/northbridge")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Brokerage by sector: Northbridge"))
        #expect(table.stdout.contains("Northbridge City Council (local-authority): 57 liaison roles"))
        #expect(table.stdout.contains("the main broker between other sectors"))

        let csv = try run("brokerage", "Datasets/northbridge", "--format", "csv")
        #expect(csv.status == 0)
        let values = Self.metrics(csv.stdout)
        let sna = try Self.fixture("Tests/Fixtures/reference/brokerage/northbridge.json")["cases"] as! [[String: Any]]
        let union = sna.first { $0["label"] as? String == "union" }!
        #expect(values["liaison"] == (union["raw_gli"] as! [Double])[4])
        #expect(Self.close(values["brokerage_total_z"]!, (union["z_gli"] as! [Double])[5]))
        #expect(values["liaison[local-authority]"] == 94)

        let json = try run("brokerage", "Datasets/northbridge", "-f", "json")
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let network = object["network"] as! [String: [String: Any]]
        #expect(network["liaison"]?["count"] as? Double == values["liaison"])
        #expect((object["organisations"] as! [Any]).count == 31)
    }

    @Test func centralityComputesBurtsMeasuresAndRolesWithGroups() throws {
        let result = try run(
            "centrality", "Datasets/knoke_bureaucracies", "--relation", "money", "--metrics",
            "constraint,effective_size,hierarchy", "--format", "csv")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = Self.csv(result.stdout)
        #expect(rows[0] == ["id", "constraint", "effective_size", "hierarchy"])
        let reference = try Self.fixture("Tests/Fixtures/reference/structural_holes/knoke_bureaucracies.json")
        let money = (reference["cases"] as! [[String: Any]]).first { ($0["relations"] as! [String]) == ["money"] }!
        let node = money["node"] as! [String: [String: Any]]
        for row in rows.dropFirst() {
            for (index, measure) in ["constraint", "effective_size", "hierarchy"].enumerated() {
                if let theirs = node[measure]![row[0]] as? Double {
                    #expect(Self.close(Double(row[index + 1])!, theirs), "\(row[0]) \(measure)")
                } else {
                    #expect(row[index + 1].isEmpty, "\(row[0]) \(measure): isolate")
                }
            }
        }
        let roles = try run(
            "centrality", "Datasets/knoke_bureaucracies", "--relation", "information", "--metrics", "liaison",
            "--groups", "sector", "--format", "csv")
        #expect(roles.status == 0)
        #expect(roles.stdout.contains("COMM,7\n"))
        let missing = try run("centrality", "Datasets/knoke_bureaucracies", "--metrics", "liaison")
        #expect(missing.status == 64 && missing.stderr.contains("--groups"))
    }

    @Test func unknownGroupColumnsAreOneLineErrors() throws {
        for command in ["brokerage", "balance"] {
            let result = try run(command, "Datasets/knoke_bureaucracies", "--groups", "nosuch")
            #expect(result.status == 1)
            #expect(
                result.stderr
                    == "error: --groups \"nosuch\" names no organisation column; the columns are \"id\", \"name\", \"sector\", \"subsector\", \"rating\"\n"
            )
        }
    }

    // MARK: balance

    /// Banzhaf and Shapley–Shubik power per organisation equal powerindex's on every
    /// Northbridge board, and their sums by sector are the summary's.
    @Test func balancePowerMatchesPowerindexAndSumsBySector() throws {
        let nodes = try run("balance", "Datasets/northbridge", "--nodes", "--format", "csv")
        #expect(nodes.status == 0, "\(nodes.stderr)")
        let rows = Self.csv(nodes.stdout)
        let header = rows[0]
        let summary = Self.metrics(try run("balance", "Datasets/northbridge", "--format", "csv").stdout)
        let games = try Self.fixture("Tests/Fixtures/reference/voting/games.json")["games"] as! [[String: Any]]
        let seats = Self.csv(
            try String(contentsOfFile: Paths.repo("Datasets/northbridge/memberships.csv"), encoding: .utf8)
        )
        .dropFirst()
        var checked = 0
        for game in games {
            let source = game["source"] as! String
            guard source.hasPrefix("northbridge/") else { continue }
            let board = String(source.dropFirst("northbridge/".count))
            let members = seats.filter { $0[0] == board }.map { $0[1] }
            let banzhaf = game["banzhaf"] as! [Double]
            let shapley = game["shapley_shubik"] as! [Double]
            var bySector: [String: (Double, Double)] = [:]
            for (index, member) in members.enumerated() {
                let row = rows.first { $0[0] == member }!
                let ours = Double(row[header.firstIndex(of: "banzhaf[\(board)]")!])!
                let oursSS = Double(row[header.firstIndex(of: "shapley_shubik[\(board)]")!])!
                #expect(Self.close(ours, banzhaf[index]), "\(board) \(member): \(ours) vs powerindex \(banzhaf[index])")
                #expect(Self.close(oursSS, shapley[index]), "\(board) \(member) Shapley–Shubik")
                let sector = row[1]
                let sum = bySector[sector] ?? (0, 0)
                bySector[sector] = (sum.0 + ours, sum.1 + oursSS)
                checked += 1
            }
            var total = 0.0
            for (sector, sums) in bySector {
                #expect(Self.close(summary["banzhaf[\(board),\(sector)]"]!, sums.0), "\(board) \(sector)")
                #expect(Self.close(summary["shapley_shubik[\(board),\(sector)]"]!, sums.1), "\(board) \(sector)")
                total += summary["banzhaf[\(board),\(sector)]"]!
            }
            #expect(Self.close(total, 1))
        }
        #expect(checked >= 50)
    }

    /// The concentration figures follow from the measure `centrality` prints.
    @Test func balanceInequalityFollowsFromTheMeasure() throws {
        let scores = Self.csv(
            try run(
                "centrality", "Datasets/northbridge", "--metrics", "degree", "--attributes", "sector", "--format", "csv"
            )
            .stdout
        ).dropFirst()
        let values = scores.map { Double($0[2])! }
        let total = values.reduce(0, +)
        let n = Double(values.count)
        var gini = 0.0
        for (index, value) in values.sorted().enumerated() { gini += (2 * Double(index + 1) - n - 1) * value }
        gini /= n * total
        let hhi = values.reduce(0) { $0 + ($1 / total) * ($1 / total) }
        let summary = Self.metrics(
            try run("balance", "Datasets/northbridge", "--measure", "degree", "--format", "csv").stdout)
        #expect(Self.close(summary["gini[degree]"]!, gini))
        #expect(Self.close(summary["hhi[degree]"]!, hhi))
        let local = scores.filter { $0[1] == "local-authority" }.map { Double($0[2])! }.reduce(0, +)
        #expect(Self.close(summary["sector_share[degree,local-authority]"]!, local / total))
        #expect(Self.close(summary["representation_ratio[degree,local-authority]"]!, (local / total) / (4 / n)))
    }

    @Test func balanceTableAndJSON() throws {
        let table = try run("balance", "Datasets/northbridge")
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("Balance of power by sector: Northbridge"))
        #expect(
            table.stdout.contains(
                "Northbridge Health and Wellbeing Board: local-authority organisations (3 seats) hold 3 of 9 votes (33%)"
            ))
        #expect(
            table.stdout.contains(
                "NHS Northshire Integrated Care Board holds 2 of 9 votes (22%) but 25% of Banzhaf power"))
        let json = try run("balance", "Datasets/northbridge", "--measure", "pagerank", "--format", "json")
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["measure"] as? String == "pagerank")
        #expect((object["boards"] as! [Any]).count == 6)
        // An area without partnerships has no boards, only the network part.
        let knoke = try run("balance", "Datasets/knoke_bureaucracies", "--format", "json")
        let knokeObject = try JSONSerialization.jsonObject(with: Data(knoke.stdout.utf8)) as! [String: Any]
        #expect((knokeObject["boards"] as! [Any]).isEmpty)
    }

    @Test func balanceRefusesMeasuresWithoutShares() throws {
        let undefined = try run(
            "balance", "Datasets/knoke_bureaucracies", "--relation", "money", "--measure", "constraint")
        #expect(undefined.status == 1)
        #expect(undefined.stderr.hasPrefix("error: constraint is undefined for WRO"))
        let noBeta = try run("balance", "Datasets/knoke_bureaucracies", "--measure", "bonacich_power")
        #expect(noBeta.status == 64)
    }
}
