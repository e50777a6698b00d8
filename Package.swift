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
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(
            name: "PlanPressKit",
            dependencies: [
                "CCmark",
                "CVips",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
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
