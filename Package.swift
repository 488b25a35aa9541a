// swift-tools-version:6.1
// Kleroterion: drawing citizens' assemblies by lot. GPL-3.0-or-later (it links GSL and GLPK).
import PackageDescription

let package = Package(
    name: "Kleroterion",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Kleroterion", targets: ["Kleroterion"]),
        .executable(name: "kleroterion", targets: ["KleroterionCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
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
        .executableTarget(
            name: "KleroterionCLI",
            dependencies: [
                "Kleroterion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/kleroterion"
        ),
        .testTarget(
            name: "KleroterionTests",
            dependencies: ["Kleroterion", "CGSL"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
