// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Aduan",
    products: [
        .executable(name: "aduand", targets: ["aduand"]),
        .executable(name: "aduanctl", targets: ["aduanctl"]),
        .executable(name: "aduan-bench", targets: ["aduan-bench"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "CAduanShims",
            cSettings: [.define("_GNU_SOURCE")]
        ),
        .target(
            name: "AduanCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AduanRules",
            dependencies: ["AduanCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AduanStore",
            dependencies: ["AduanCore", "CSQLite"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AduanControl",
            dependencies: ["AduanCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AduanDaemon",
            dependencies: ["AduanCore", "AduanRules", "AduanStore", "AduanControl", "CAduanShims"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "aduand",
            dependencies: ["AduanDaemon"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "aduanctl",
            dependencies: ["AduanControl", "AduanRules", "AduanCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AduanBench",
            dependencies: ["AduanCore", "AduanRules", "AduanStore", "AduanControl", "AduanDaemon", "CSQLite"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "aduan-bench",
            dependencies: ["AduanBench"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AduanTests",
            dependencies: [
                "AduanCore", "AduanRules", "AduanStore", "AduanControl", "AduanDaemon", "AduanBench", "aduand",
                "aduanctl",
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
