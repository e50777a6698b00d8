// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PlanPress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "planpress", targets: ["planpress"]),
        .library(name: "PlanPressKit", targets: ["PlanPressKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash.git", from: "8.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE) for the atomic swap of the output folder (docs/reliability.md).
        .target(name: "CFileSwap"),
        // libvips (Debian libvips42) loaded with dlopen when the first photo is converted:
        // no link to it, so a site without photos never maps it (docs/performance.md).
        .target(name: "CVips", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]),
        // gzip copies of text files for servers that serve them as they are (`build --precompress`).
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "PlanPressKit",
            dependencies: [
                "CCmark",
                "CDeflate",
                "CFileSwap",
                "CVips",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "planpress",
            dependencies: [
                "PlanPressKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlanPressKitTests",
            dependencies: ["PlanPressKit", "CVips"]
        ),
    ]
)
