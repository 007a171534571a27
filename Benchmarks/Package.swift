// swift-tools-version: 6.0
// Benchmarks for PartnerNet, kept out of the main package so that `swift test` never builds
// them. Run through Scripts/bench/foundation.py, which compares with igraph and networkx.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "PartnerNetBenchmarks",
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "partnernet-bench",
            dependencies: [
                .product(name: "PartnerNetCore", package: root.lastPathComponent),
                .product(name: "PartnerNetIO", package: root.lastPathComponent),
                .product(name: "PartnerNetMetrics", package: root.lastPathComponent),
                .product(name: "PartnerNetGraphviz", package: root.lastPathComponent),
                .product(name: "PartnerNetReport", package: root.lastPathComponent),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
    ],
    swiftLanguageModes: [.v6]
)
