// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PartnerNet",
    products: [
        .library(name: "PartnerNetCore", targets: ["PartnerNetCore"]),
        .library(name: "PartnerNetMetrics", targets: ["PartnerNetMetrics"]),
        .library(name: "PartnerNetIO", targets: ["PartnerNetIO"]),
        .library(name: "PartnerNetGraphviz", targets: ["PartnerNetGraphviz"]),
        .library(name: "PartnerNetInput", targets: ["PartnerNetInput"]),
        .library(name: "PartnerNetReport", targets: ["PartnerNetReport"]),
        .executable(name: "partnernet", targets: ["partnernet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Model and compact graph: no file I/O, no C.
        .target(name: "PartnerNetCore"),
        // Pure-Swift algorithms over the compact graph.
        .target(name: "PartnerNetMetrics", dependencies: ["PartnerNetCore"]),
        // Area folders, JSON areas; parse errors with file, line and column.
        .target(
            name: "PartnerNetIO",
            dependencies: ["PartnerNetCore", .product(name: "CSV", package: "CSV.swift")]),
        // The Graphviz C libraries (cgraph, gvc): a module map and a shim header, nothing else.
        .systemLibrary(
            name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // DOT text in pure Swift, and the only module that calls Graphviz.
        .target(name: "PartnerNetGraphviz", dependencies: ["PartnerNetCore", "CGraphviz"]),
        // Reading an area from any path: the formats of PartnerNetIO, and DOT through Graphviz.
        .target(name: "PartnerNetInput", dependencies: ["PartnerNetCore", "PartnerNetIO", "PartnerNetGraphviz"]),
        // Tables, summaries and diagrams: where the model, metrics, I/O and Graphviz meet.
        .target(
            name: "PartnerNetReport",
            dependencies: ["PartnerNetCore", "PartnerNetMetrics", "PartnerNetIO", "PartnerNetGraphviz"]),
        .executableTarget(
            name: "partnernet",
            dependencies: [
                "PartnerNetCore", "PartnerNetMetrics", "PartnerNetIO", "PartnerNetGraphviz", "PartnerNetInput",
                "PartnerNetReport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Repository paths and temporary folders for the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PartnerNetCoreTests", dependencies: ["PartnerNetCore"]),
        .testTarget(
            name: "PartnerNetMetricsTests",
            dependencies: ["PartnerNetCore", "PartnerNetMetrics", "PartnerNetIO", "TestSupport"]),
        .testTarget(name: "PartnerNetIOTests", dependencies: ["PartnerNetCore", "PartnerNetIO", "TestSupport"]),
        .testTarget(
            name: "PartnerNetGraphvizTests",
            dependencies: ["PartnerNetCore", "PartnerNetIO", "PartnerNetGraphviz", "TestSupport"]),
        .testTarget(
            name: "PartnerNetInputTests",
            dependencies: ["PartnerNetCore", "PartnerNetIO", "PartnerNetInput", "TestSupport"]),
        .testTarget(
            name: "PartnerNetReportTests",
            dependencies: [
                "PartnerNetCore", "PartnerNetMetrics", "PartnerNetIO", "PartnerNetGraphviz", "PartnerNetReport",
                "TestSupport",
            ]),
        .testTarget(name: "PartnerNetCLITests", dependencies: ["partnernet", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
