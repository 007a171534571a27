import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Values printed in the literature, to the precision printed.
@Suite struct CentralityPublishedValuesTests {
    func graph(_ dataset: String, _ relation: String) throws -> Graph {
        let area = try AreaSource.read(at: Paths.repo("Datasets/\(dataset)")).area
        return try Graph(area: area, relations: .named([relation]))
    }

    /// `graph` without the node `label`: the other nodes in the same order, the same ties.
    func removing(_ label: String, from graph: Graph) -> Graph {
        let removed = graph.handles[label]!
        let kept = (0..<graph.nodeCount).filter { $0 != removed }
        var position = [Int](repeating: -1, count: graph.nodeCount)
        for (index, node) in kept.enumerated() { position[node] = index }
        var (sources, targets, weights) = ([Int32](), [Int32](), [Double]())
        for node in kept {
            for (target, weight) in zip(graph.successors(of: node), graph.successorWeights(of: node))
            where Int(target) != removed && (graph.isDirected || node < Int(target)) {
                sources.append(Int32(position[node]))
                targets.append(Int32(position[Int(target)]))
                weights.append(weight)
            }
        }
        return Graph(
            labels: kept.map { graph.labels[$0] }, directed: graph.isDirected, sources: sources, targets: targets,
            weights: weights)
    }

    /// Padgett's Florentine marriage network: the Medici's normalised betweenness is the
    /// 0.522 quoted for the 15 families of networkx's `florentine_families_graph()` (Pucci,
    /// an isolate, omitted), and 47.5/105 = 0.452 with Pucci in the denominator
    /// (`Datasets/padgett_florentine/SOURCE.md`; Padgett & Ansell 1993, doi:10.1086/230190).
    @Test func mediciBetweenness() throws {
        let marriage = try graph("padgett_florentine", "marriage")
        let withPucci = marriage.betweennessCentrality(normalized: true)
        #expect(abs(withPucci[marriage.handles["Medici"]!] - 0.452) < 5e-4)
        #expect(marriage.betweennessCentrality()[marriage.handles["Medici"]!] == 47.5)
        let fifteen = removing("Pucci", from: marriage)
        #expect(fifteen.nodeCount == 15 && fifteen.edgeCount == 20)
        let scores = fifteen.betweennessCentrality(normalized: true)
        #expect(abs(scores[fifteen.handles["Medici"]!] - 0.522) < 5e-4)
        #expect(scores.max() == scores[fifteen.handles["Medici"]!])
    }

    /// CASOS ORA's report on Knoke's information exchange (KNOKI; see
    /// `Datasets/knoke_bureaucracies/SOURCE.md`): unscaled betweenness max 17.833 and mean
    /// 4.800, characteristic path length 1.533, diameter 3; and sna's Freeman
    /// centralisations, total degree 0.43056 and betweenness 0.20113.
    @Test func knokeInformation() throws {
        let information = try graph("knoke_bureaucracies", "information")
        let betweenness = information.betweennessCentrality()
        #expect(abs(betweenness.max()! - 17.833) < 5e-4)
        #expect(abs(betweenness.reduce(0, +) / 10 - 4.8) < 1e-12)
        #expect(information.labels[betweenness.firstIndex(of: betweenness.max()!)!] == "MAYR")
        #expect(abs(information.averagePathLength()! - 1.533) < 5e-4)
        #expect(information.diameter() == 3)
        #expect(abs(information.degreeCentralization(.all)! - 0.43056) < 5e-6)
        #expect(abs(information.betweennessCentralization()! - 0.20113) < 5e-6)
    }

    /// ORA's report on Knoke's money exchange (KNOKM): betweenness max 9.0 and mean 1.5,
    /// characteristic path length 1.429 over the pairs with a path (WRO is an isolate),
    /// degree centralisation 0.250, betweenness centralisation 0.116.
    @Test func knokeMoney() throws {
        let money = try graph("knoke_bureaucracies", "money")
        let betweenness = money.betweennessCentrality()
        #expect(betweenness.max() == 9)
        #expect(abs(betweenness.reduce(0, +) / 10 - 1.5) < 1e-12)
        #expect(abs(money.averagePathLength()! - 1.429) < 5e-4)
        #expect(abs(money.degreeCentralization(.all)! - 0.250) < 5e-4)
        #expect(abs(money.betweennessCentralization()! - 0.116) < 5e-4)
    }
}
