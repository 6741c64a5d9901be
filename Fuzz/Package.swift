// swift-tools-version:6.1
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is wherever the repository was cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// libFuzzer targets for every parser of outside input, kept out of the main package: they build with
// `--sanitize=fuzzer --sanitize=address`, which would otherwise rebuild the product's own modules that way.
// `Fuzz/run` builds and runs each target for a bounded time; `.ci/run` calls it after the tests.
let package = Package(
    name: "rapport-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "RapportFuzz",
            dependencies: [
                .product(name: "RapportFormats", package: root),
                .product(name: "RapportMail", package: root),
            ]
        ),
    ]
)
