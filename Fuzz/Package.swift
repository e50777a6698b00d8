// swift-tools-version:6.0
// The loaders' fuzzer (docs/reliability.md). Built apart from the main package because
// every module in it is compiled with -sanitize=fuzzer: `make fuzz` builds and runs it.
import PackageDescription

let package = Package(
    name: "PlanPressFuzz",
    dependencies: [.package(name: "PlanPress", path: "..")],
    targets: [
        .executableTarget(name: "LoaderFuzzer", dependencies: [.product(name: "PlanPressKit", package: "PlanPress")]),
    ]
)
