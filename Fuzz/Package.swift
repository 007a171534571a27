// swift-tools-version: 6.0
// Fuzz targets for PartnerNet's readers, kept out of the main package so that `swift test`
// never builds them. Built with libFuzzer and the address sanitizer and run through
// Scripts/fuzz.sh; see Docs/FUZZING.md.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "PartnerNetFuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        // One executable for every reader: PARTNERNET_FUZZ_TARGET names the reader.
        .executableTarget(
            name: "partnernet-fuzz",
            dependencies: [
                .product(name: "PartnerNetCore", package: root.lastPathComponent),
                .product(name: "PartnerNetIO", package: root.lastPathComponent),
                .product(name: "PartnerNetInput", package: root.lastPathComponent),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
