import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// The library example in README.md, kept compiling and true.
@Test func readmeLibraryExample() throws {
    let loaded = try AreaSource.read(at: Paths.repo("Datasets/knoke_bureaucracies"))
    let graph = try Graph(area: loaded.area, relations: .named(["information"]))
    let inDegree = graph.degrees(.incoming)
    #expect(graph.labels[inDegree.indices.max { inDegree[$0] < inDegree[$1] }!] == "NEWS")
    #expect(abs(graph.density - 49.0 / 90.0) < 1e-15)
}
