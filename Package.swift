// swift-tools-version:6.1
// Kleroterion: drawing citizens' assemblies by lot. GPL-3.0-or-later (it links GSL and GLPK).
import PackageDescription

let package = Package(
    name: "Kleroterion",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Kleroterion", targets: ["Kleroterion"]),
        .executable(name: "kleroterion", targets: ["KleroterionCLI"]),
        .library(name: "KleroterionWeb", targets: ["KleroterionWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // The organisers' web app (issue #13): HTTP server, sessions and bcrypt, templates, SQLite.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // GNU Scientific Library: mt19937, sampling, distributions. Found with pkg-config `gsl`.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // GNU Linear Programming Kit. Debian ships no glpk.pc, so the module map links it by name.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(
            name: "Kleroterion",
            dependencies: [
                "CGSL", "CGLPK",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The web app: thin handlers over the library's workflows, state in SQLite (GRDB), pages from Mustache.
        .target(
            name: "KleroterionWeb",
            dependencies: [
                "Kleroterion",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        .executableTarget(
            name: "KleroterionCLI",
            dependencies: [
                "Kleroterion",
                "KleroterionWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/kleroterion"
        ),
        .testTarget(
            name: "KleroterionTests",
            dependencies: ["Kleroterion", "CGSL"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KleroterionWebTests",
            dependencies: [
                "KleroterionWeb", "Kleroterion",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
