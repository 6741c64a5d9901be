// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "rapport",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "RapportAPI", targets: ["RapportAPI"]),
        .library(name: "RapportCore", targets: ["RapportCore"]),
        .library(name: "RapportDemo", targets: ["RapportDemo"]),
        .library(name: "RapportFormats", targets: ["RapportFormats"]),
        .library(name: "RapportImport", targets: ["RapportImport"]),
        .library(name: "RapportMatch", targets: ["RapportMatch"]),
        .library(name: "RapportMail", targets: ["RapportMail"]),
        .library(name: "RapportOutreach", targets: ["RapportOutreach"]),
        .library(name: "RapportSMTP", targets: ["RapportSMTP"]),
        .library(name: "RapportSQLite", targets: ["RapportSQLite"]),
        .library(name: "RapportText", targets: ["RapportText"]),
        .library(name: "RapportWeb", targets: ["RapportWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // CSV: quoted fields across lines, doubled quotes, and the delimiter guessed from the header; a parse error
        // for broken quoting rather than silently joined rows.
        .package(url: "https://github.com/swiftcsv/SwiftCSV.git", from: "0.10.0"),
        // Word CVs (.docx) are zip archives: reading entries in memory, with each entry's size checked as it inflates.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // CV uploads arrive as multipart/form-data; Vapor's parser is maintained and independent of Vapor itself.
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        // Text handling every layer needs (trimming, control characters), in pure Swift: Foundation's bridges through
        // NSString on Linux, which showed up in import profiles.
        .target(
            name: "RapportText",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RapportCore",
            dependencies: ["RapportText"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RapportMatch",
            dependencies: ["RapportCore", "RapportText"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RapportMail",
            swiftSettings: swiftSettings
        ),
        // Import and export formats (job postings, résumés, CSV), converted to and from Core at the edges; no HTTP here.
        .target(
            name: "RapportFormats",
            dependencies: [
                "RapportText", .product(name: "SwiftCSV", package: "SwiftCSV"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // Importers and exporters: formats read by RapportFormats, turned into Core records and written through FirmRecords.
        .target(
            name: "RapportImport",
            dependencies: ["RapportCore", "RapportFormats", "RapportMatch", "RapportText"],
            swiftSettings: swiftSettings
        ),
        // The JSON API's documents: request and response bodies, the schemas that check them and that the OpenAPI
        // document publishes, and their conversions to and from Core. No HTTP here: RapportWeb adds the routes and
        // `ResponseEncodable`.
        .target(
            name: "RapportAPI",
            dependencies: ["RapportCore", "RapportFormats", "RapportImport", "RapportMatch", "RapportOutreach", "RapportText"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RapportSMTP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RapportOutreach",
            dependencies: [
                "RapportCore",
                "RapportMatch",
                "RapportMail",
                "RapportSMTP",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RapportDemo",
            dependencies: [
                "RapportCore",
                "RapportMatch",
                "RapportOutreach",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RapportSQLite",
            dependencies: [
                "RapportCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RapportWeb",
            dependencies: [
                "RapportAPI",
                "RapportCore",
                "RapportFormats",
                "RapportImport",
                "RapportMatch",
                "RapportMail",
                "RapportOutreach",
                "RapportText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/static")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportAPI",
                "RapportCore",
                "RapportDemo",
                "RapportImport",
                "RapportMatch",
                "RapportOutreach",
                "RapportSQLite",
                "RapportWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Runs the built `rapport` command as a user would, killing it mid-import.
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["rapport", "RapportCore", "RapportSQLite"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["RapportCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportMatchTests",
            dependencies: ["RapportCore", "RapportMatch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportMailTests",
            dependencies: ["RapportMail"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportFormatsTests",
            dependencies: ["RapportFormats", "RapportText"],
            // Third-party test files, each folder with its source and licence; read from disk by path.
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        // Test support: a real SMTP server (aiosmtpd) run as a child process; used only by test targets.
        .target(
            name: "RapportTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportSMTPTests",
            dependencies: ["RapportSMTP", "RapportTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportImportTests",
            dependencies: ["RapportCore", "RapportFormats", "RapportImport", "RapportMatch", "RapportSQLite"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportOutreachTests",
            dependencies: [
                "RapportCore", "RapportMatch", "RapportMail", "RapportOutreach", "RapportSMTP", "RapportSQLite", "RapportTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportDemoTests",
            dependencies: ["RapportCore", "RapportDemo", "RapportMatch", "RapportOutreach", "RapportSQLite"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportStoreContractTests",
            dependencies: ["RapportCore", "RapportSQLite"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportSQLiteTests",
            dependencies: ["RapportCore", "RapportSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RapportWebTests",
            dependencies: [
                "RapportAPI",
                "RapportCore",
                "RapportImport",
                "RapportMatch",
                "RapportOutreach",
                "RapportSQLite",
                "RapportWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
